#pragma once

#include "Error.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

class Database;

// A sale as the desk enters it (Fleet › Sell…). Money in cents.
struct SaleRequest
{
    qint64 carId = 0;
    QDate soldOn;
    qint64 priceCents = 0;
    std::optional<qint64> buyerId; // a customer; none: not recorded
    QString salesperson;           // empty: the connected user
    QString note;
};

// A recorded sale (table car_sales). Money in cents.
struct Sale
{
    qint64 id = 0;
    qint64 carId = 0;
    QDate soldOn;
    qint64 priceCents = 0;
    std::optional<qint64> costCents; // the car's cost at sale, when known
    std::optional<qint64> buyerId;
    QString buyerName; // the buyer's full name now, when there is a buyer
    QString salesperson;
    std::optional<qint64> branchId;
    QDate inStockSince;     // the day the car counted as in stock from
    QString previousStatus; // what a void gives the car back
    QString note;
    QDateTime voidedAt; // invalid: the sale counts
    QString voidReason;

    bool isVoid() const { return voidedAt.isValid(); }
};

// Sales: selling a car and voiding a sale made by mistake. Each writes the sale, the car's new
// status and its event (car.sold, car.sale_voided; key "car:<id>") in one transaction; the car's version
// goes up through the cars_version trigger, so an editor opened before is refused. The dashboards' figures
// follow through the database's triggers. Blocking: call it on a database thread.
class SalesService
{
    Q_DECLARE_TR_FUNCTIONS(SalesService)

public:
    // Sells the car: refused when the car is unknown (NotFound), already sold or retired (InvalidInput), or
    // the date (none, or after today), price, buyer or salesperson is not valid (InvalidInput, NotFound for an
    // unknown buyer).
    static Result<Sale> sell(Database &database, const SaleRequest &request);
    // Voids a sale made by mistake: the sale stays, marked void with the reason, and the car goes back to
    // the status it had before (when it is still sold). Refused for a sale already void or without a reason.
    static Result<Sale> voidSale(Database &database, qint64 saleId, const QString &reason);
    static Result<Sale> sale(Database &database, qint64 saleId);
    // The sale that counts for car `carId` (not void), or nothing when the car is not sold (or is gone).
    static Result<std::optional<Sale>> saleOfCar(Database &database, qint64 carId);
};

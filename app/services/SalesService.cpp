#include "services/SalesService.h"

#include "db/Database.h"
#include "db/Fields.h"
#include "domain/CarVocabulary.h"
#include "domain/Money.h"
#include "outbox/Outbox.h"
#include "services/FleetService.h"

#include <QJsonObject>
#include <QLocale>

#include <pqxx/pqxx>

namespace {

// The columns saleOf() reads, from car_sales `s`.
constexpr const char *kSaleColumns =
    "s.id, s.car_id, s.sold_on::text, (s.price * 100)::bigint, (s.cost * 100)::bigint, s.buyer_id, s.salesperson, "
    "s.branch_id, s.in_stock_since::text, s.previous_status, s.note, "
    "(extract(epoch FROM s.voided_at) * 1000)::bigint, s.void_reason, "
    "(SELECT b.full_name FROM customers b WHERE b.id = s.buyer_id)";

Sale saleOf(const pqxx::row &row)
{
    const auto optionalId = [](const pqxx::field &field) {
        return field.is_null() ? std::nullopt : std::optional(field.as<qint64>());
    };
    Sale sale;
    sale.id = row[0].as<qint64>();
    sale.carId = row[1].as<qint64>();
    sale.soldOn = dateOf(row[2]);
    sale.priceCents = row[3].as<qint64>();
    sale.costCents = optionalId(row[4]);
    sale.buyerId = optionalId(row[5]);
    sale.salesperson = textOf(row[6]);
    sale.branchId = optionalId(row[7]);
    sale.inStockSince = dateOf(row[8]);
    sale.previousStatus = textOf(row[9]);
    sale.note = textOf(row[10]);
    sale.voidedAt = utcTimeOf(row[11]);
    sale.voidReason = textOf(row[12]);
    sale.buyerName = textOf(row[13]);
    return sale;
}

Result<Sale> readSale(pqxx::transaction_base &work, qint64 saleId, bool lock)
{
    const pqxx::result rows = work.exec_params(std::string("SELECT ") + kSaleColumns +
                                                   " FROM car_sales s WHERE s.id = $1" + (lock ? " FOR UPDATE" : ""),
                                               saleId);
    if (rows.empty())
        return std::unexpected(
            Error{Error::Code::NotFound,
                  SalesService::tr("Sale #%1 is no longer there; another desk may have removed it.").arg(saleId)});
    return saleOf(rows[0]);
}

// The payload of the sale's events: the car as every car event names it, and the sale.
QJsonObject salePayload(pqxx::transaction_base &work, const Sale &sale)
{
    QJsonObject payload = jsonObjectOf(
        work.exec_params1("SELECT " + FleetService::eventPayloadSql() + " FROM cars WHERE id = $1", sale.carId)[0]);
    payload.insert(QStringLiteral("sale_id"), sale.id);
    payload.insert(QStringLiteral("sold_on"), sale.soldOn.toString(Qt::ISODate));
    payload.insert(QStringLiteral("price_cents"), sale.priceCents);
    payload.insert(QStringLiteral("salesperson"), sale.salesperson);
    return payload;
}

QString carKey(qint64 carId)
{
    return QStringLiteral("car:%1").arg(carId);
}

} // namespace

Result<Sale> SalesService::sell(Database &database, const SaleRequest &request)
{
    if (!request.soldOn.isValid())
        return std::unexpected(Error{Error::Code::InvalidInput, tr("Enter the date of the sale.")});
    if (request.soldOn > QDate::currentDate())
        return std::unexpected(
            Error{Error::Code::InvalidInput,
                  tr("The sale date %1 is in the future. Record the sale on the day the car is sold.")
                      .arg(QLocale().toString(request.soldOn, QLocale::ShortFormat))});
    if (request.priceCents < 0)
        return std::unexpected(Error{Error::Code::InvalidInput, tr("The sale price cannot be below zero.")});
    if (request.priceCents > 999'999'999'999) // numeric(12, 2): 9,999,999,999.99
        return std::unexpected(
            Error{Error::Code::InvalidInput, tr("The sale price is too large. Check the amount you entered.")});
    if (!request.salesperson.isEmpty() && request.salesperson.trimmed().isEmpty())
        return std::unexpected(
            Error{Error::Code::InvalidInput, tr("Enter the salesperson's name, or leave it empty for yourself.")});
    return database.guard([&](pqxx::connection &connection) -> Result<Sale> {
        pqxx::work work(connection);
        const pqxx::result car =
            work.exec_params("SELECT stock_number, status FROM cars WHERE id = $1 FOR UPDATE", request.carId);
        if (car.empty())
            return std::unexpected(Error{Error::Code::NotFound,
                                         tr("The car is no longer in the fleet; another desk may have removed it.")});
        const QString stockNumber = textOf(car[0][0]);
        const QString status = textOf(car[0][1]);
        if (status == QLatin1String("sold") || status == QLatin1String("retired"))
            return std::unexpected(
                Error{Error::Code::InvalidInput,
                      tr("Car #%1 is %2, so it cannot be sold. If its sale was a mistake, void that sale first.")
                          .arg(stockNumber, CarVocabulary::label(CarVocabulary::Kind::Status, status).toLower())});
        if (request.buyerId &&
            work.exec_params("SELECT 1 FROM customers WHERE id = $1 FOR SHARE", *request.buyerId).empty())
            return std::unexpected(
                Error{Error::Code::NotFound, tr("The buyer is no longer on file. Choose or add the customer again.")});
        // The car as sold: its branch, cost, make and model, and the day it counted as in stock from.
        const pqxx::row inserted = work.exec_params1(
            "INSERT INTO car_sales (car_id, sold_on, price, cost, buyer_id, salesperson, branch_id, make, model, "
            "  in_stock_since, previous_status, note) "
            "SELECT c.id, $2::date, $3::numeric, c.cost, $4, coalesce(nullif($5, ''), current_user), "
            "  c.branch_id, c.make, c.model, "
            "  dash_in_stock_since(c.acquired_on, c.listed_on, c.created_at, coalesce(b.time_zone, 'UTC')), c.status, "
            "$6 "
            "FROM cars c LEFT JOIN branches b ON b.id = c.branch_id WHERE c.id = $1 RETURNING id",
            request.carId, request.soldOn.toString(Qt::ISODate).toStdString(),
            Money::fromCents(request.priceCents).toDecimal().toStdString(), request.buyerId,
            request.salesperson.trimmed().toStdString(), request.note.toStdString());
        // The car's new version (cars_version) refuses an editor opened before the sale.
        work.exec_params("UPDATE cars SET status = 'sold', sold_on = $2::date WHERE id = $1", request.carId,
                         request.soldOn.toString(Qt::ISODate).toStdString());
        auto sale = readSale(work, inserted[0].as<qint64>(), false);
        if (!sale)
            return sale;
        Outbox::publish(work, QStringLiteral("car.sold"), carKey(request.carId), salePayload(work, *sale));
        work.commit();
        return sale;
    });
}

Result<Sale> SalesService::voidSale(Database &database, qint64 saleId, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return std::unexpected(Error{Error::Code::InvalidInput, tr("Say why the sale is void.")});
    return database.guard([&](pqxx::connection &connection) -> Result<Sale> {
        pqxx::work work(connection);
        // The car first, then the sale: the order sell() takes them in.
        work.exec_params("SELECT c.id FROM cars c JOIN car_sales s ON s.car_id = c.id WHERE s.id = $1 FOR UPDATE OF c",
                         saleId);
        auto sale = readSale(work, saleId, true);
        if (!sale)
            return sale;
        if (sale->isVoid())
            return std::unexpected(
                Error{Error::Code::InvalidInput,
                      tr("Sale #%1 was already voided on %2 (%3).")
                          .arg(saleId)
                          .arg(QLocale().toString(sale->voidedAt.toLocalTime().date(), QLocale::ShortFormat),
                               sale->voidReason)});
        work.exec_params("UPDATE car_sales SET voided_at = now(), voided_by = current_user, void_reason = $2 "
                         "WHERE id = $1",
                         saleId, reason.trimmed().toStdString());
        // A car retired (or otherwise changed) since the sale keeps its status.
        work.exec_params("UPDATE cars SET status = $2, sold_on = NULL WHERE id = $1 AND status = 'sold'", sale->carId,
                         sale->previousStatus.toStdString());
        sale = readSale(work, saleId, false);
        if (!sale)
            return sale;
        QJsonObject payload = salePayload(work, *sale);
        payload.insert(QStringLiteral("reason"), sale->voidReason);
        Outbox::publish(work, QStringLiteral("car.sale_voided"), carKey(sale->carId), payload);
        work.commit();
        return sale;
    });
}

Result<Sale> SalesService::sale(Database &database, qint64 saleId)
{
    return database.guard([&](pqxx::connection &connection) -> Result<Sale> {
        pqxx::read_transaction work(connection);
        return readSale(work, saleId, false);
    });
}

Result<std::optional<Sale>> SalesService::saleOfCar(Database &database, qint64 carId)
{
    return database.guard([&](pqxx::connection &connection) -> Result<std::optional<Sale>> {
        pqxx::read_transaction work(connection);
        const pqxx::result rows = work.exec_params(std::string("SELECT ") + kSaleColumns +
                                                       " FROM car_sales s WHERE s.car_id = $1 AND s.voided_at IS NULL",
                                                   carId);
        if (rows.empty())
            return std::optional<Sale>();
        return std::optional<Sale>(saleOf(rows[0]));
    });
}

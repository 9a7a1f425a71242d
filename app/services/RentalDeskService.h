#pragma once

#include "Error.h"
#include "domain/RateCard.h"
#include "domain/RentalPapers.h"
#include "domain/Settlement.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <pqxx/transaction_base>

#include <optional>

class Database;

// A vehicle class of the rate cards: "ECON" / "Economy", with its tank for fuel charged per litre.
struct VehicleClass
{
    QString code;
    QString name;
    int tankLitres = 50;
};

// A priced extra a booking can carry: "child_seat" / "Child seat", per day or once per rental.
struct ExtraOffer
{
    QString code;
    QString name;
    qint64 cents = 0;
    bool perDay = true;
};

// A branch's rules for rentals (branch: nothing = the defaults every branch without its own row uses).
struct RentalSettings
{
    std::optional<qint64> branchId;
    std::optional<int> kmPerDay = 300; // nothing: unlimited
    qint64 extraKmCents = 25;
    SettlementInput::FuelCharging fuelCharging = SettlementInput::FuelCharging::PerEighth;
    qint64 fuelLitreCents = 210;
    qint64 refuelEighthCents = 1500;
    int graceMinutes = 59;
    qint64 cleaningCents = 4900;
    SettlementInput::EarlyReturn earlyReturn = SettlementInput::EarlyReturn::KeepBookedTotal;
    bool pricesIncludeVat = true;
    int vatBasisPoints = 1900;
    bool depositRequired = false;
    qint64 defaultDepositCents = 30000;
    QString termsText;
};

// What the desk enters at a return; the settings and the booking give the rest.
struct ReturnEntry
{
    qint64 bookingId = 0;
    int mileageKm = 0;
    int fuelPercent = 100; // stored as percent; charged in eighths (a part eighth missing counts as one)
    QDateTime at;
    std::optional<SettlementInput::EarlyReturn> earlyReturn; // nothing: the branch's setting
    bool cleaning = false;
    QList<DamageCharge> damages;
    QString damageNotes; // empty: the damage lines' texts
    // A booking priced before rate cards (it kept no quote) counts its days in this zone; invalid: its branch's.
    QTimeZone zone;
};

// A settled return: the bill and the invoice it was written as.
struct SettledReturn
{
    SettlementBill bill;
    QString invoiceNumber;
    qint64 invoiceId = 0;
};

// A car as the desk names it, with the zone of its branch (its times are that branch's).
struct DeskCar
{
    qint64 id = 0;
    QString stockNumber;
    QTimeZone zone;
};

// What renting a car costs: its class's card at its branch (nothing for a car without a class or card), the
// branch's settings and zone.
struct CarTerms
{
    qint64 carId = 0;
    QString stockNumber;
    std::optional<qint64> branchId;
    QTimeZone zone;
    QString vehicleClass;
    std::optional<RateCard> card;
    RentalSettings settings;
    QString currency;
};

// A price from a rate card as a booking keeps it (bookings.quote): the quote, its VAT, and the snapshot.
struct KeptQuote
{
    RateQuote quote;
    qint64 grossCents = 0; // what the customer pays: the total, with VAT added when prices exclude it
    QByteArray json;       // the snapshot: card, zone, grace, VAT, lines, totals
};

// Before a pick-up or a return is confirmed: what the desk must be told.
struct DeskWarnings
{
    bool noDeposit = false;       // pick-up: no deposit taken
    bool depositRequired = false; // ... and the branch requires one (the pick-up is refused)
    qint64 balanceCents = 0;      // return: what the customer would still owe (or be owed, below zero)
    QStringList texts;            // the sentences to show, translated
};

// The rental desk's money and papers: rate cards, quotes, the bill at return with its invoice, and the
// papers. Each write is one transaction with its events (outbox); a refusal leaves nothing written.
// Blocking: call on a database thread.
class RentalDeskService
{
    Q_DECLARE_TR_FUNCTIONS(RentalDeskService)

public:
    static Result<QList<VehicleClass>> vehicleClasses(Database &database);
    // The card for a class at a branch: the branch's own, else the default (branch null).
    static Result<RateCard> rateCard(Database &database, const QString &vehicleClass, std::optional<qint64> branchId);
    // Writes a class's card (base rates and seasons) for a branch or the default; validated first.
    static Result<void> saveRateCard(Database &database, const RateCard &card, std::optional<qint64> branchId);
    static Result<QList<ExtraOffer>> extras(Database &database);
    static Result<RentalSettings> settings(Database &database, std::optional<qint64> branchId);
    static Result<void> saveSettings(Database &database, const RentalSettings &settings);

    // The quote the desk would give for a car and a period: its class's card at its branch, in its branch's
    // zone, with the extras named by code or name; VAT as the branch's settings say. `forecourt quote`.
    struct Quote
    {
        RateQuote quote;
        qint64 netCents = 0;
        qint64 taxCents = 0;
        qint64 grossCents = 0;
        QuoteFormat format;
    };
    static Result<Quote> quote(Database &database, qint64 carId, const QDateTime &pickup, const QDateTime &returned,
                               const QStringList &extras);
    // The per-day rates a car list shows (New booking): each car's card, by car id; a car without a class or card
    // is left out (BookingService::suggestedRates has its rates).
    static Result<QHash<qint64, RateSet>> rates(Database &database, const QList<qint64> &carIds);

    // Pick-up: the warnings the desk sees before confirming.
    static Result<DeskWarnings> pickUpWarnings(Database &database, qint64 bookingId);
    // Return: the bill as it would be settled, written nowhere (the return dialog shows it line by line).
    static Result<SettlementBill> previewReturn(Database &database, const ReturnEntry &entry);
    // Return and settlement in one transaction: readings, the bill's lines, the deposit captured and
    // released as payments, the invoice with the next number of its branch and year, the car available
    // again, and the events (booking.returned, booking.settled). Refused (nothing written) when the
    // readings are wrong or the booking is not active.
    static Result<SettledReturn> settleReturn(Database &database, const ReturnEntry &entry);

    static Result<AgreementPaper> agreement(Database &database, qint64 bookingId, const QLocale &locale);
    // The booking's invoice; every call after the first is a copy (and says so).
    static Result<InvoicePaper> invoice(Database &database, qint64 bookingId, const QLocale &locale);
    static Result<ReceiptPaper> receipt(Database &database, qint64 paymentId, const QLocale &locale);

    // The car with that stock number (`forecourt quote --car`), or NotFound.
    static Result<DeskCar> car(Database &database, const QString &stockNumber);

    // For BookingService, inside its transaction. The terms of a car; nothing when it is not in the fleet.
    static std::optional<CarTerms> carTerms(pqxx::transaction_base &work, qint64 carId);
    // The settings of a branch: its own row, else the defaults.
    static RentalSettings settingsIn(pqxx::transaction_base &work, std::optional<qint64> branchId);
    // The price of a rental from the car's card, counted in `zone`, with the desk's total when given (refused
    // without a reason): what a booking keeps.
    static Result<KeptQuote> priceFromCard(const CarTerms &terms, const QDateTime &pickup, const QDateTime &returned,
                                           const QTimeZone &zone, const QList<RentalExtra> &extras,
                                           std::optional<qint64> deskTotalCents, const QString &reason);
    // A kept quote priced again for a new period (a moved booking): same card, zone and VAT; the desk's
    // override, if any, keeps its amount and reason.
    static Result<KeptQuote> requote(const QByteArray &keptJson, const QDateTime &pickup, const QDateTime &returned,
                                     const QList<RentalExtra> &extras);
    // The deposit held for a booking (deposits less returns and captures).
    static qint64 depositHeld(pqxx::transaction_base &work, qint64 bookingId);
};

#include "services/RentalDeskService.h"

#include "db/Database.h"
#include "db/Fields.h"
#include "db/SqlArray.h"
#include "domain/Money.h"
#include "outbox/Outbox.h"
#include "services/BookingService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <pqxx/pqxx>

#include <algorithm>

namespace {

std::string numericText(qint64 cents)
{
    return Money::fromCents(cents).toDecimal().toStdString();
}

std::optional<std::string> numericText(const std::optional<qint64> &cents)
{
    return cents ? std::optional(numericText(*cents)) : std::nullopt;
}

std::string utcText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

QTimeZone zoneNamed(const QString &id)
{
    const QTimeZone zone(id.toUtf8());
    return zone.isValid() ? zone : QTimeZone::utc();
}

// Fuel as a percentage of the tank in whole eighths: a part eighth missing counts as a whole one.
int eighthsOf(int percent)
{
    return std::clamp(percent, 0, 100) * 8 / 100;
}

// ---- The JSON of a kept quote and of bill lines: amounts as numeric's decimal text ----------------------------

QJsonValue moneyJson(qint64 cents)
{
    return Money::fromCents(cents).toDecimal();
}

QJsonValue moneyJson(const std::optional<qint64> &cents)
{
    return cents ? moneyJson(*cents) : QJsonValue(QJsonValue::Null);
}

qint64 centsFrom(const QJsonValue &value)
{
    return Money::fromJson(value).value_or(Money()).cents();
}

std::optional<qint64> optionalCentsFrom(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    const auto money = Money::fromJson(value);
    return money ? std::optional(money->cents()) : std::nullopt;
}

QJsonObject rateSetJson(const RateSet &rates)
{
    return {{QStringLiteral("daily"), moneyJson(rates.dailyCents)},
            {QStringLiteral("weekly"), moneyJson(rates.weeklyCents)},
            {QStringLiteral("monthly"), moneyJson(rates.monthlyCents)}};
}

RateSet rateSetFrom(const QJsonObject &object)
{
    return RateSet{centsFrom(object.value(QStringLiteral("daily"))),
                   optionalCentsFrom(object.value(QStringLiteral("weekly"))),
                   optionalCentsFrom(object.value(QStringLiteral("monthly")))};
}

QJsonObject cardJson(const RateCard &card)
{
    QJsonArray seasons;
    for (const Season &season : card.seasons) {
        QJsonObject object = rateSetJson(season.rates);
        object.insert(QStringLiteral("name"), season.name);
        object.insert(QStringLiteral("first"), season.first.toString(Qt::ISODate));
        object.insert(QStringLiteral("last"), season.last.toString(Qt::ISODate));
        seasons.append(object);
    }
    return {{QStringLiteral("class"), card.vehicleClass},
            {QStringLiteral("base"), rateSetJson(card.base)},
            {QStringLiteral("seasons"), seasons}};
}

RateCard cardFrom(const QJsonObject &object)
{
    RateCard card;
    card.vehicleClass = object.value(QStringLiteral("class")).toString();
    card.base = rateSetFrom(object.value(QStringLiteral("base")).toObject());
    for (const QJsonValue &value : object.value(QStringLiteral("seasons")).toArray()) {
        const QJsonObject season = value.toObject();
        card.seasons << Season{season.value(QStringLiteral("name")).toString(),
                               QDate::fromString(season.value(QStringLiteral("first")).toString(), Qt::ISODate),
                               QDate::fromString(season.value(QStringLiteral("last")).toString(), Qt::ISODate),
                               rateSetFrom(season)};
    }
    return card;
}

QJsonArray linesJson(const QList<QuoteLine> &lines)
{
    QJsonArray array;
    for (const QuoteLine &line : lines)
        array.append(QJsonObject{{QStringLiteral("text"), line.text},
                                 {QStringLiteral("quantity"), line.quantity},
                                 {QStringLiteral("unit_price"), moneyJson(line.unitCents)},
                                 {QStringLiteral("amount"), moneyJson(line.amountCents)},
                                 {QStringLiteral("kind"), line.kind}});
    return array;
}

QList<QuoteLine> linesFrom(const QJsonArray &array)
{
    QList<QuoteLine> lines;
    for (const QJsonValue &value : array) {
        const QJsonObject line = value.toObject();
        lines << QuoteLine{
            line.value(QStringLiteral("text")).toString(), line.value(QStringLiteral("quantity")).toInt(1),
            centsFrom(line.value(QStringLiteral("unit_price"))), centsFrom(line.value(QStringLiteral("amount"))),
            line.value(QStringLiteral("kind")).toString()};
    }
    return lines;
}

std::string jsonText(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact).toStdString();
}

// Net, tax and gross of a total as the settings price it.
struct Taxed
{
    qint64 net = 0;
    qint64 tax = 0;
    qint64 gross = 0;
};

Taxed taxed(qint64 totalCents, bool pricesIncludeVat, int basisPoints)
{
    if (pricesIncludeVat) {
        const qint64 tax = Settlement::taxIncluded(totalCents, basisPoints);
        return {totalCents - tax, tax, totalCents};
    }
    const qint64 tax = Settlement::taxOnNet(totalCents, basisPoints);
    return {totalCents, tax, totalCents + tax};
}

// ---- Reading cards and settings -------------------------------------------------------------------------------

// The card of rate_cards rc as the JSON cardFrom() reads (numeric's text for the amounts).
constexpr const char *kCardJson =
    "jsonb_build_object('class', rc.vehicle_class, 'base', jsonb_build_object('daily', rc.daily::text, "
    "  'weekly', rc.weekly::text, 'monthly', rc.monthly::text), 'seasons', coalesce((SELECT jsonb_agg("
    "  jsonb_build_object('name', s.name, 'first', s.first_day::text, 'last', s.last_day::text, "
    "  'daily', s.daily::text, 'weekly', s.weekly::text, 'monthly', s.monthly::text) ORDER BY s.first_day) "
    "  FROM rate_seasons s WHERE s.rate_card_id = rc.id), '[]'::jsonb))::text";

// The columns of rental_settings rs that settingsFrom() reads; rs.id first (null: no row, the built-in defaults).
constexpr const char *kSettingsColumns =
    "rs.id, rs.branch_id, rs.km_per_day, (rs.extra_km_price * 100)::bigint, rs.fuel_charging, "
    "(rs.fuel_litre_price * 100)::bigint, (rs.refuel_eighth_price * 100)::bigint, rs.grace_minutes, "
    "(rs.cleaning_price * 100)::bigint, rs.early_return, rs.prices_include_vat, rs.vat_basis_points, "
    "rs.deposit_required, (rs.default_deposit * 100)::bigint, rs.terms_text";
constexpr int kSettingsColumnCount = 15;

// The settings row for the branch in SQL expression `branch` (null: the defaults), as rental_settings rs.
std::string settingsFor(const std::string &branch)
{
    return "LEFT JOIN LATERAL (SELECT * FROM rental_settings WHERE branch_id = " + branch +
           " OR branch_id IS NULL ORDER BY branch_id NULLS LAST LIMIT 1) rs ON true";
}

RentalSettings settingsFrom(const pqxx::row &row, int column)
{
    RentalSettings settings;
    if (row[column].is_null())
        return settings;
    if (!row[column + 1].is_null())
        settings.branchId = row[column + 1].as<qint64>();
    settings.kmPerDay = intOf(row[column + 2]);
    settings.extraKmCents = row[column + 3].as<qint64>();
    settings.fuelCharging = textOf(row[column + 4]) == QLatin1String("per_litre")
                                ? SettlementInput::FuelCharging::PerLitre
                                : SettlementInput::FuelCharging::PerEighth;
    settings.fuelLitreCents = row[column + 5].as<qint64>();
    settings.refuelEighthCents = row[column + 6].as<qint64>();
    settings.graceMinutes = row[column + 7].as<int>();
    settings.cleaningCents = row[column + 8].as<qint64>();
    settings.earlyReturn = textOf(row[column + 9]) == QLatin1String("charge_used_days")
                               ? SettlementInput::EarlyReturn::ChargeUsedDays
                               : SettlementInput::EarlyReturn::KeepBookedTotal;
    settings.pricesIncludeVat = row[column + 10].as<bool>();
    settings.vatBasisPoints = row[column + 11].as<int>();
    settings.depositRequired = row[column + 12].as<bool>();
    settings.defaultDepositCents = row[column + 13].as<qint64>();
    settings.termsText = textOf(row[column + 14]);
    return settings;
}

constexpr const char *kCurrency = "coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'currency'), 'EUR')";

// The terms of the cars in SQL condition `which` over cars c.
std::string carTermsSql(const std::string &which)
{
    return std::string("SELECT c.id, c.stock_number, c.branch_id, coalesce(b.time_zone, 'UTC'), "
                       "coalesce(c.vehicle_class, ''), card.json, ") +
           kCurrency + ", " + kSettingsColumns +
           " FROM cars c LEFT JOIN branches b ON b.id = c.branch_id "
           "LEFT JOIN LATERAL (SELECT " +
           kCardJson +
           " AS json FROM rate_cards rc WHERE rc.vehicle_class = c.vehicle_class AND (rc.branch_id = c.branch_id "
           "  OR rc.branch_id IS NULL) ORDER BY rc.branch_id NULLS LAST LIMIT 1) card ON true " +
           settingsFor("c.branch_id") + " WHERE " + which;
}

CarTerms carTermsFrom(const pqxx::row &row)
{
    CarTerms terms;
    terms.carId = row[0].as<qint64>();
    terms.stockNumber = textOf(row[1]);
    if (!row[2].is_null())
        terms.branchId = row[2].as<qint64>();
    terms.zone = zoneNamed(textOf(row[3]));
    terms.vehicleClass = textOf(row[4]);
    if (!row[5].is_null())
        terms.card = cardFrom(jsonObjectOf(row[5]));
    terms.currency = textOf(row[6]);
    terms.settings = settingsFrom(row, 7);
    return terms;
}

// ---- The return ------------------------------------------------------------------------------------------------

struct ReturnContext
{
    QString status;
    qint64 carId = 0;
    QString stockNumber;
    QString customer;
    std::optional<qint64> branchId;
    QString branchCode;
    QTimeZone zone;
    std::optional<int> pickupMileage;
    RentalSettings settings;
    QString depositMethod;
    SettlementInput input;
};

std::optional<Error> checkEntry(const ReturnEntry &entry)
{
    if (entry.mileageKm < 0)
        return Error{Error::Code::InvalidInput, RentalDeskService::tr("The mileage cannot be below zero.")};
    if (entry.fuelPercent < 0 || entry.fuelPercent > 100)
        return Error{Error::Code::InvalidInput, RentalDeskService::tr("Enter the fuel level from 0 to 100%.")};
    if (!entry.at.isValid())
        return Error{Error::Code::InvalidInput, RentalDeskService::tr("Enter the time the car came back.")};
    for (const DamageCharge &damage : entry.damages) {
        if (damage.text.trimmed().isEmpty() || damage.cents < 0)
            return Error{Error::Code::InvalidInput,
                         RentalDeskService::tr("Each damage line needs a description and an amount of zero or more.")};
    }
    return std::nullopt;
}

// The booking (locked for the settlement when `lock`) and everything its bill is computed from.
Result<ReturnContext> loadReturn(pqxx::transaction_base &work, const ReturnEntry &entry, bool lock)
{
    const pqxx::result result = work.exec_params(
        std::string(
            "SELECT b.status, b.car_id, c.stock_number, u.full_name, "
            "  (extract(epoch FROM b.pickup_at) * 1000)::bigint, (extract(epoch FROM b.return_at) * 1000)::bigint, "
            "  b.pickup_mileage_km, b.pickup_fuel_pct, b.km_per_day, (b.extra_km_rate * 100)::bigint, "
            "  (b.daily_rate * 100)::bigint, (b.weekly_rate * 100)::bigint, b.quote::text, "
            "  coalesce(b.pickup_branch_id, c.branch_id), coalesce(br.code, ''), coalesce(br.time_zone, 'UTC'), "
            "  coalesce(vc.tank_litres, 50), ") +
            kCurrency + ", " + kSettingsColumns +
            ", (extract(epoch FROM b.picked_up_at) * 1000)::bigint"
            " FROM bookings b JOIN cars c ON c.id = b.car_id JOIN customers u ON u.id = b.customer_id "
            "LEFT JOIN branches br ON br.id = coalesce(b.pickup_branch_id, c.branch_id) "
            "LEFT JOIN vehicle_classes vc ON vc.code = c.vehicle_class " +
            settingsFor("coalesce(b.pickup_branch_id, c.branch_id)") + " WHERE b.id = $1" +
            (lock ? " FOR UPDATE OF b" : ""),
        entry.bookingId);
    if (result.empty())
        return std::unexpected(
            Error{Error::Code::NotFound, RentalDeskService::tr("Booking #%1 is no longer there; another desk may have "
                                                               "removed it.")
                                             .arg(entry.bookingId)});
    const pqxx::row row = result[0];
    ReturnContext context;
    context.status = textOf(row[0]);
    if (context.status != QLatin1String("active"))
        return std::unexpected(
            Error{Error::Code::InvalidInput, RentalDeskService::tr("Booking #%1 is %2, so it cannot be returned.")
                                                 .arg(entry.bookingId)
                                                 .arg(BookingService::statusLabel(context.status).toLower())});
    context.carId = row[1].as<qint64>();
    context.stockNumber = textOf(row[2]);
    context.customer = textOf(row[3]);
    context.pickupMileage = intOf(row[6]);
    if (context.pickupMileage && entry.mileageKm < *context.pickupMileage)
        return std::unexpected(Error{Error::Code::InvalidInput,
                                     RentalDeskService::tr("The mileage at return (%1 km) is below the mileage at "
                                                           "pick-up (%2 km). Check the reading.")
                                         .arg(entry.mileageKm)
                                         .arg(*context.pickupMileage)});
    if (!row[13].is_null())
        context.branchId = row[13].as<qint64>();
    context.branchCode = textOf(row[14]);
    context.settings = settingsFrom(row, 18);
    const RentalSettings &settings = context.settings;

    SettlementInput &input = context.input;
    const QJsonObject kept = row[12].is_null() ? QJsonObject() : jsonObjectOf(row[12]);
    if (!kept.isEmpty()) {
        input.rates = cardFrom(kept.value(QStringLiteral("card")).toObject());
        context.zone = zoneNamed(kept.value(QStringLiteral("zone")).toString());
        input.graceMinutes = kept.value(QStringLiteral("grace_minutes")).toInt(settings.graceMinutes);
        for (const QuoteLine &line : linesFrom(kept.value(QStringLiteral("lines")).toArray())) {
            if (line.kind == QuoteLine::kOverride)
                input.deskOverride = line;
        }
    } else {
        // Priced before rate cards: its own daily and weekly rates.
        input.rates.base.dailyCents = row[10].as<qint64>();
        if (!row[11].is_null())
            input.rates.base.weeklyCents = row[11].as<qint64>();
        context.zone = entry.zone.isValid() ? entry.zone : zoneNamed(textOf(row[15]));
        input.graceMinutes = settings.graceMinutes;
    }
    for (const pqxx::row &extra :
         work.exec_params("SELECT e ->> 'name', round((e ->> 'amount')::numeric * 100)::bigint, "
                          "  coalesce((e ->> 'per_day')::boolean, false) "
                          "FROM bookings b CROSS JOIN LATERAL jsonb_array_elements(b.extras) e WHERE b.id = $1",
                          entry.bookingId))
        input.extras << RentalExtra{textOf(extra[0]), extra[1].as<qint64>(), extra[2].as<bool>()};

    input.pickup = utcTimeOf(row[4]);
    input.bookedReturn = utcTimeOf(row[5]);
    // A car handed over early (up to two hours before the booked pick-up) may come back before that time: its
    // first day is charged all the same. Never before it left.
    const QDateTime pickedUpAt = utcTimeOf(row[18 + kSettingsColumnCount]);
    if (pickedUpAt.isValid() && entry.at < pickedUpAt)
        return std::unexpected(
            Error{Error::Code::InvalidInput,
                  RentalDeskService::tr("The car cannot come back before it was picked up (%1). "
                                        "Check the return date and time.")
                      .arg(QLocale().toString(pickedUpAt.toTimeZone(context.zone), QLocale::ShortFormat))});
    input.actualReturn = std::max(entry.at, input.pickup.addSecs(1));
    input.zone = context.zone;
    input.earlyReturn = entry.earlyReturn.value_or(settings.earlyReturn);
    input.odometerOut = context.pickupMileage.value_or(entry.mileageKm);
    input.odometerIn = entry.mileageKm;
    input.kmPerDay = intOf(row[8]);
    input.extraKmCents = row[9].as<qint64>();
    input.fuelOutEighths = eighthsOf(intOf(row[7]).value_or(100));
    input.fuelInEighths = eighthsOf(entry.fuelPercent);
    input.fuelCharging = settings.fuelCharging;
    input.fuelLitreCents = settings.fuelLitreCents;
    input.tankLitres = row[16].as<int>();
    input.refuelEighthCents = settings.refuelEighthCents;
    input.cleaningTicked = entry.cleaning;
    input.cleaningCents = settings.cleaningCents;
    input.damages = entry.damages;
    input.vatBasisPoints = settings.vatBasisPoints;
    input.pricesIncludeVat = settings.pricesIncludeVat;
    input.format.currency = textOf(row[17]);
    input.format.locale = QLocale();

    const pqxx::row money = work.exec_params1(
        "SELECT (coalesce(sum(amount) FILTER (WHERE kind IN ('payment', 'deposit_capture')), 0) * 100)::bigint, "
        "  (coalesce(sum(amount) FILTER (WHERE kind = 'refund'), 0) * 100)::bigint, "
        "  (coalesce(sum(CASE kind WHEN 'deposit' THEN amount WHEN 'deposit_return' THEN -amount "
        "    WHEN 'deposit_capture' THEN -amount ELSE 0 END), 0) * 100)::bigint, "
        "  (SELECT method FROM booking_payments WHERE booking_id = $1 AND kind = 'deposit' "
        "   ORDER BY taken_at DESC, id DESC LIMIT 1) "
        "FROM booking_payments WHERE booking_id = $1",
        entry.bookingId);
    input.paidCents = money[0].as<qint64>();
    input.refundedCents = money[1].as<qint64>();
    input.depositHeldCents = std::max<qint64>(0, money[2].as<qint64>());
    context.depositMethod = money[3].is_null() ? QStringLiteral("card") : textOf(money[3]);
    return context;
}

// Writes a settled return in `work`: everything settleReturn() promises but the commit.
SettledReturn writeSettlement(pqxx::transaction_base &work, const ReturnEntry &entry, const ReturnContext &context,
                              const SettlementBill &bill)
{
    const std::string id = std::to_string(entry.bookingId);
    QString damageNotes = entry.damageNotes;
    if (damageNotes.trimmed().isEmpty()) {
        QStringList texts;
        for (const DamageCharge &damage : entry.damages)
            texts << damage.text.trimmed();
        damageNotes = texts.join(QStringLiteral("; "));
    }
    work.exec_params("UPDATE bookings SET status = 'completed', returned_at = $2::timestamptz, return_mileage_km = $3, "
                     "return_fuel_pct = $4, damage_notes = $5, total = $6::numeric, updated_at = now(), "
                     "version = version + 1 WHERE id = $1",
                     entry.bookingId, utcText(entry.at), entry.mileageKm, entry.fuelPercent, damageNotes.toStdString(),
                     numericText(bill.grossCents));
    // The car's new version (cars_version) refuses an editor opened before the return.
    work.exec_params("UPDATE cars SET status = 'available', mileage_km = greatest(mileage_km, $2) WHERE id = $1",
                     context.carId, entry.mileageKm);

    const std::string lines = jsonText(linesJson(bill.lines));
    work.exec_params("INSERT INTO booking_charges (booking_id, position, kind, text, quantity, unit_price, amount) "
                     "SELECT $1, x.n - 1, x.l ->> 'kind', x.l ->> 'text', (x.l ->> 'quantity')::integer, "
                     "  (x.l ->> 'unit_price')::numeric, (x.l ->> 'amount')::numeric "
                     "FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(l, n)",
                     entry.bookingId, lines);

    // The invoice's number: the next of its branch and year. The counter row stays locked until commit, so a
    // settlement rolled back gives its number back and the next desk gets it.
    const int year = entry.at.toTimeZone(context.zone).date().year();
    const std::optional<qint64> branch = context.branchId;
    const int number = work.exec_params1("INSERT INTO invoice_counters (branch_id, year, last) VALUES ($1, $2, 1) "
                                         "ON CONFLICT ON CONSTRAINT invoice_counters_key "
                                         "DO UPDATE SET last = invoice_counters.last + 1 RETURNING last",
                                         branch, year)[0]
                           .as<int>();
    const QString numberText = QStringLiteral("%1-%2-%3")
                                   .arg(context.branchCode.isEmpty() ? QStringLiteral("INV") : context.branchCode)
                                   .arg(year)
                                   .arg(number, 6, 10, QLatin1Char('0'));

    const QString invoiceNote = RentalDeskService::tr("Invoice %1").arg(numberText);
    if (bill.depositCaptureCents > 0)
        work.exec_params("INSERT INTO booking_payments (booking_id, kind, amount, method, note, taken_at) "
                         "VALUES ($1, 'deposit_capture', $2::numeric, $3, $4, $5::timestamptz)",
                         entry.bookingId, numericText(bill.depositCaptureCents), context.depositMethod.toStdString(),
                         invoiceNote.toStdString(), utcText(entry.at));
    if (bill.depositReleaseCents > 0)
        work.exec_params("INSERT INTO booking_payments (booking_id, kind, amount, method, note, taken_at) "
                         "VALUES ($1, 'deposit_return', $2::numeric, $3, $4, $5::timestamptz)",
                         entry.bookingId, numericText(bill.depositReleaseCents), context.depositMethod.toStdString(),
                         invoiceNote.toStdString(), utcText(entry.at));

    const qint64 invoiceId =
        work.exec_params1(
                "INSERT INTO invoices (booking_id, branch_id, year, number, number_text, issued_at, net, tax, gross, "
                "  vat_basis_points, prices_include_vat, currency, lines, deposit_held, deposit_captured, "
                "  deposit_released) "
                "VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7::numeric, $8::numeric, $9::numeric, $10, $11, $12, "
                "  $13::jsonb, $14::numeric, $15::numeric, $16::numeric) RETURNING id",
                entry.bookingId, branch, year, number, numberText.toStdString(), utcText(entry.at),
                numericText(bill.netCents), numericText(bill.taxCents), numericText(bill.grossCents),
                context.input.vatBasisPoints, context.input.pricesIncludeVat,
                context.input.format.currency.toStdString(), lines, numericText(bill.depositHeldCents),
                numericText(bill.depositCaptureCents), numericText(bill.depositReleaseCents))[0]
            .as<qint64>();

    const QString key = QStringLiteral("booking:%1").arg(entry.bookingId);
    const QJsonObject car{{QStringLiteral("id"), entry.bookingId},
                          {QStringLiteral("car_id"), context.carId},
                          {QStringLiteral("stock_number"), context.stockNumber},
                          {QStringLiteral("customer"), context.customer}};
    QJsonObject returned = car;
    returned.insert(QStringLiteral("mileage_km"), entry.mileageKm);
    returned.insert(QStringLiteral("fuel_pct"), entry.fuelPercent);
    returned.insert(QStringLiteral("extra_days"), bill.lateDays);
    returned.insert(QStringLiteral("extra_km"), bill.kmCharged);
    returned.insert(QStringLiteral("total"), moneyJson(bill.grossCents));
    Outbox::publish(work, QStringLiteral("booking.returned"), key, returned);
    QJsonObject settled = car;
    settled.insert(QStringLiteral("invoice"), numberText);
    settled.insert(QStringLiteral("net"), moneyJson(bill.netCents));
    settled.insert(QStringLiteral("tax"), moneyJson(bill.taxCents));
    settled.insert(QStringLiteral("gross"), moneyJson(bill.grossCents));
    settled.insert(QStringLiteral("deposit_captured"), moneyJson(bill.depositCaptureCents));
    settled.insert(QStringLiteral("deposit_released"), moneyJson(bill.depositReleaseCents));
    settled.insert(QStringLiteral("balance"), moneyJson(bill.dueCents));
    Outbox::publish(work, QStringLiteral("booking.settled"), key, settled);
    Outbox::wake(work, QStringLiteral("car:%1").arg(context.carId)); // the Fleet page shows it back
    return SettledReturn{bill, numberText, invoiceId};
}

// ---- Papers ----------------------------------------------------------------------------------------------------

struct PaperParts
{
    qint64 bookingId = 0;
    QString status;
    PaperBranch branch;
    PaperCustomer customer;
    PaperCar car;
    QDateTime pickupAt;
    QDateTime returnAt;
    QDateTime pickedUpAt; // the hand-over as recorded (invalid before it)
    QDateTime returnedAt;
    std::optional<int> mileageOut;
    std::optional<int> mileageIn;
    std::optional<int> fuelOut;
    std::optional<int> fuelIn;
    std::optional<int> kmPerDay;
    qint64 extraKmCents = 0;
    qint64 totalCents = 0;
    qint64 depositCents = 0;
    qint64 balanceCents = 0;
    qint64 depositHeldCents = 0;
    qint64 dailyCents = 0;
    std::optional<qint64> weeklyCents;
    QJsonObject kept;
    QList<RentalExtra> extras;
    QString createdBy;
    std::optional<qint64> branchId;
    QString currency;
    QList<BookingPayment> payments;
};

Result<PaperParts> paperParts(pqxx::transaction_base &work, qint64 bookingId)
{
    const pqxx::result result = work.exec_params(
        std::string(
            "SELECT b.status, coalesce(br.code, ''), coalesce(br.name, ''), coalesce(br.address, ''), "
            "  coalesce(br.phone, ''), coalesce(br.time_zone, 'UTC'), u.full_name, u.address, u.phone, u.email, "
            "  u.licence_number, coalesce(u.licence_expiry::text, ''), c.stock_number, "
            "  c.model_year || ' ' || c.make || ' ' || c.model, c.vin, coalesce(vc.name, ''), "
            "  (extract(epoch FROM b.pickup_at) * 1000)::bigint, (extract(epoch FROM b.return_at) * 1000)::bigint, "
            "  (extract(epoch FROM b.returned_at) * 1000)::bigint, b.pickup_mileage_km, b.return_mileage_km, "
            "  b.pickup_fuel_pct, b.return_fuel_pct, b.km_per_day, (b.extra_km_rate * 100)::bigint, "
            "  (b.total * 100)::bigint, (b.deposit * 100)::bigint, (bb.balance * 100)::bigint, "
            "  (bb.deposit_held * 100)::bigint, (b.daily_rate * 100)::bigint, (b.weekly_rate * 100)::bigint, "
            "  b.quote::text, b.extras::text, b.created_by, coalesce(b.pickup_branch_id, c.branch_id), ") +
            kCurrency +
            ", (extract(epoch FROM b.picked_up_at) * 1000)::bigint"
            " FROM bookings b JOIN cars c ON c.id = b.car_id JOIN customers u ON u.id = b.customer_id "
            "JOIN booking_balances bb ON bb.booking_id = b.id "
            "LEFT JOIN branches br ON br.id = coalesce(b.pickup_branch_id, c.branch_id) "
            "LEFT JOIN vehicle_classes vc ON vc.code = c.vehicle_class WHERE b.id = $1",
        bookingId);
    if (result.empty())
        return std::unexpected(
            Error{Error::Code::NotFound, RentalDeskService::tr("Booking #%1 is no longer there.").arg(bookingId)});
    const pqxx::row row = result[0];
    PaperParts parts;
    parts.bookingId = bookingId;
    parts.status = textOf(row[0]);
    parts.branch =
        PaperBranch{textOf(row[1]), textOf(row[2]), textOf(row[3]), textOf(row[4]), zoneNamed(textOf(row[5]))};
    parts.customer =
        PaperCustomer{textOf(row[6]), textOf(row[7]), textOf(row[8]), textOf(row[9]), textOf(row[10]), dateOf(row[11])};
    parts.car = PaperCar{textOf(row[12]), textOf(row[13]), textOf(row[14]), textOf(row[15])};
    parts.pickupAt = utcTimeOf(row[16]);
    parts.returnAt = utcTimeOf(row[17]);
    parts.returnedAt = utcTimeOf(row[18]);
    parts.mileageOut = intOf(row[19]);
    parts.mileageIn = intOf(row[20]);
    if (const auto fuel = intOf(row[21]))
        parts.fuelOut = eighthsOf(*fuel);
    if (const auto fuel = intOf(row[22]))
        parts.fuelIn = eighthsOf(*fuel);
    parts.kmPerDay = intOf(row[23]);
    parts.extraKmCents = row[24].as<qint64>();
    parts.totalCents = row[25].as<qint64>();
    parts.depositCents = row[26].as<qint64>();
    parts.balanceCents = row[27].as<qint64>();
    parts.depositHeldCents = row[28].as<qint64>();
    parts.dailyCents = row[29].as<qint64>();
    if (!row[30].is_null())
        parts.weeklyCents = row[30].as<qint64>();
    if (!row[31].is_null())
        parts.kept = jsonObjectOf(row[31]);
    for (const QJsonValue &value : jsonArrayOf(row[32])) {
        const QJsonObject extra = value.toObject();
        parts.extras << RentalExtra{extra.value(QStringLiteral("name")).toString(),
                                    centsFrom(extra.value(QStringLiteral("amount"))),
                                    extra.value(QStringLiteral("per_day")).toBool()};
    }
    parts.createdBy = textOf(row[33]);
    if (!row[34].is_null())
        parts.branchId = row[34].as<qint64>();
    parts.currency = textOf(row[35]);
    parts.pickedUpAt = utcTimeOf(row[36]);
    for (const pqxx::row &payment :
         work.exec_params("SELECT id, kind, (amount * 100)::bigint, method, note, taken_by, "
                          "(extract(epoch FROM taken_at) * 1000)::bigint FROM booking_payments "
                          "WHERE booking_id = $1 ORDER BY taken_at, id",
                          bookingId))
        parts.payments << BookingPayment{payment[0].as<qint64>(), textOf(payment[1]), payment[2].as<qint64>(),
                                         textOf(payment[3]),      textOf(payment[4]), textOf(payment[5]),
                                         utcTimeOf(payment[6])};
    return parts;
}

// The booking, branch, customer and car of a paper.
template <typename Paper> void setParties(Paper &paper, const PaperParts &parts)
{
    paper.bookingId = parts.bookingId;
    paper.branch = parts.branch;
    paper.customer = parts.customer;
    paper.car = parts.car;
}

// What a payment adds to what the customer has paid towards the bill.
qint64 paidBy(const BookingPayment &payment)
{
    if (payment.kind == QLatin1String("payment") || payment.kind == QLatin1String("deposit_capture"))
        return payment.cents;
    if (payment.kind == QLatin1String("refund"))
        return -payment.cents;
    return 0;
}

} // namespace

// ---- Rate cards, extras, settings ------------------------------------------------------------------------------

Result<QList<VehicleClass>> RentalDeskService::vehicleClasses(Database &database)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        QList<VehicleClass> classes;
        for (const pqxx::row &row :
             work.exec("SELECT code, name, tank_litres FROM vehicle_classes ORDER BY position, code"))
            classes << VehicleClass{textOf(row[0]), textOf(row[1]), row[2].as<int>()};
        return classes;
    });
}

Result<RateCard> RentalDeskService::rateCard(Database &database, const QString &vehicleClass,
                                             std::optional<qint64> branchId)
{
    return database.guard([&](pqxx::connection &connection) -> Result<RateCard> {
        pqxx::read_transaction work(connection);
        const pqxx::result card = work.exec_params(
            std::string("SELECT ") + kCardJson +
                " FROM rate_cards rc WHERE rc.vehicle_class = $1 AND (rc.branch_id = $2 OR rc.branch_id IS NULL) "
                "ORDER BY rc.branch_id NULLS LAST LIMIT 1",
            vehicleClass.toStdString(), branchId);
        if (card.empty())
            return std::unexpected(
                Error{Error::Code::NotFound, tr("The vehicle class \"%1\" has no rate card. Give it one in the rental "
                                                "settings.")
                                                 .arg(vehicleClass)});
        return cardFrom(jsonObjectOf(card[0][0]));
    });
}

Result<void> RentalDeskService::saveRateCard(Database &database, const RateCard &card, std::optional<qint64> branchId)
{
    if (const auto valid = RateCardPricing::validate(card); !valid)
        return std::unexpected(valid.error());
    return database.guard([&](pqxx::connection &connection) -> Result<void> {
        pqxx::work work(connection);
        if (work.exec_params("SELECT FROM vehicle_classes WHERE code = $1", card.vehicleClass.toStdString()).empty())
            return std::unexpected(
                Error{Error::Code::NotFound,
                      tr("There is no vehicle class \"%1\". Choose one of the classes.").arg(card.vehicleClass)});
        const qint64 id =
            work.exec_params1("INSERT INTO rate_cards (vehicle_class, branch_id, daily, weekly, monthly) "
                              "VALUES ($1, $2, $3::numeric, $4::numeric, $5::numeric) "
                              "ON CONFLICT ON CONSTRAINT rate_cards_one_per_branch DO UPDATE SET daily = "
                              "  excluded.daily, weekly = excluded.weekly, monthly = excluded.monthly, "
                              "  updated_by = current_user, updated_at = now() RETURNING id",
                              card.vehicleClass.toStdString(), branchId, numericText(card.base.dailyCents),
                              numericText(card.base.weeklyCents), numericText(card.base.monthlyCents))[0]
                .as<qint64>();
        work.exec_params("DELETE FROM rate_seasons WHERE rate_card_id = $1", id);
        for (const Season &season : card.seasons)
            work.exec_params("INSERT INTO rate_seasons (rate_card_id, name, first_day, last_day, daily, weekly, "
                             "monthly) VALUES ($1, $2, $3::date, $4::date, $5::numeric, $6::numeric, $7::numeric)",
                             id, season.name.toStdString(), season.first.toString(Qt::ISODate).toStdString(),
                             season.last.toString(Qt::ISODate).toStdString(), numericText(season.rates.dailyCents),
                             numericText(season.rates.weeklyCents), numericText(season.rates.monthlyCents));
        QJsonObject payload = cardJson(card);
        payload.insert(QStringLiteral("branch_id"), branchId ? QJsonValue(*branchId) : QJsonValue());
        Outbox::publish(work, QStringLiteral("rates.changed"), QStringLiteral("rate_card:%1").arg(id), payload);
        work.commit();
        return {};
    });
}

Result<QList<ExtraOffer>> RentalDeskService::extras(Database &database)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        QList<ExtraOffer> offers;
        for (const pqxx::row &row : work.exec("SELECT code, name, (price * 100)::bigint, per_day FROM rental_extras "
                                              "WHERE active ORDER BY position, code"))
            offers << ExtraOffer{textOf(row[0]), textOf(row[1]), row[2].as<qint64>(), row[3].as<bool>()};
        return offers;
    });
}

RentalSettings RentalDeskService::settingsIn(pqxx::transaction_base &work, std::optional<qint64> branchId)
{
    const pqxx::row row = work.exec_params1(std::string("SELECT ") + kSettingsColumns +
                                                " FROM (SELECT $1::bigint AS branch) x " + settingsFor("x.branch"),
                                            branchId);
    return settingsFrom(row, 0);
}

Result<RentalSettings> RentalDeskService::settings(Database &database, std::optional<qint64> branchId)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        return settingsIn(work, branchId);
    });
}

Result<void> RentalDeskService::saveSettings(Database &database, const RentalSettings &settings)
{
    if ((settings.kmPerDay && *settings.kmPerDay <= 0) || settings.extraKmCents < 0 || settings.fuelLitreCents < 0 ||
        settings.refuelEighthCents < 0 || settings.cleaningCents < 0 || settings.defaultDepositCents < 0)
        return std::unexpected(Error{Error::Code::InvalidInput,
                                     tr("Prices and the kilometres per day must be zero or more (the kilometres "
                                        "above zero, or unlimited).")});
    if (settings.graceMinutes < 0 || settings.graceMinutes > 1439)
        return std::unexpected(
            Error{Error::Code::InvalidInput, tr("The grace for a late return must be from 0 to 1,439 minutes.")});
    if (settings.vatBasisPoints < 0 || settings.vatBasisPoints > 10000)
        return std::unexpected(Error{Error::Code::InvalidInput, tr("The VAT rate must be from 0 to 100%.")});
    return database.guard([&](pqxx::connection &connection) {
        pqxx::work work(connection);
        const qint64 id =
            work.exec_params1(
                    "INSERT INTO rental_settings (branch_id, km_per_day, extra_km_price, fuel_charging, "
                    "  fuel_litre_price, refuel_eighth_price, grace_minutes, cleaning_price, early_return, "
                    "  prices_include_vat, vat_basis_points, deposit_required, default_deposit, terms_text) "
                    "VALUES ($1, $2, $3::numeric, $4, $5::numeric, $6::numeric, $7, $8::numeric, $9, $10, $11, $12, "
                    "  $13::numeric, $14) "
                    "ON CONFLICT ON CONSTRAINT rental_settings_one_per_branch DO UPDATE SET "
                    "  km_per_day = excluded.km_per_day, extra_km_price = excluded.extra_km_price, "
                    "  fuel_charging = excluded.fuel_charging, fuel_litre_price = excluded.fuel_litre_price, "
                    "  refuel_eighth_price = excluded.refuel_eighth_price, grace_minutes = excluded.grace_minutes, "
                    "  cleaning_price = excluded.cleaning_price, early_return = excluded.early_return, "
                    "  prices_include_vat = excluded.prices_include_vat, "
                    "  vat_basis_points = excluded.vat_basis_points, deposit_required = excluded.deposit_required, "
                    "  default_deposit = excluded.default_deposit, terms_text = excluded.terms_text, "
                    "  updated_by = current_user, updated_at = now() RETURNING id",
                    settings.branchId, settings.kmPerDay, numericText(settings.extraKmCents),
                    settings.fuelCharging == SettlementInput::FuelCharging::PerLitre ? "per_litre" : "per_eighth",
                    numericText(settings.fuelLitreCents), numericText(settings.refuelEighthCents),
                    settings.graceMinutes, numericText(settings.cleaningCents),
                    settings.earlyReturn == SettlementInput::EarlyReturn::ChargeUsedDays ? "charge_used_days"
                                                                                         : "keep_booked_total",
                    settings.pricesIncludeVat, settings.vatBasisPoints, settings.depositRequired,
                    numericText(settings.defaultDepositCents), settings.termsText.toStdString())[0]
                .as<qint64>();
        Outbox::publish(
            work, QStringLiteral("rental_settings.changed"), QStringLiteral("rental_settings:%1").arg(id),
            {{QStringLiteral("branch_id"), settings.branchId ? QJsonValue(*settings.branchId) : QJsonValue()}});
        work.commit();
    });
}

// ---- Quotes ------------------------------------------------------------------------------------------------------

std::optional<CarTerms> RentalDeskService::carTerms(pqxx::transaction_base &work, qint64 carId)
{
    work.conn().prepare("rental_car_terms", carTermsSql("c.id = $1"));
    const pqxx::result row = work.exec_prepared("rental_car_terms", carId);
    if (row.empty())
        return std::nullopt;
    return carTermsFrom(row[0]);
}

Result<KeptQuote> RentalDeskService::priceFromCard(const CarTerms &terms, const QDateTime &pickup,
                                                   const QDateTime &returned, const QTimeZone &zone,
                                                   const QList<RentalExtra> &extras,
                                                   std::optional<qint64> deskTotalCents, const QString &reason)
{
    if (!terms.card)
        return std::unexpected(
            Error{Error::Code::NotFound,
                  tr("Car #%1 has no rate card. Give its class a card, or enter its rates.").arg(terms.stockNumber)});
    const QuoteFormat format{terms.currency, QLocale()};
    auto quote =
        RateCardPricing::quote(*terms.card, pickup, returned, zone, terms.settings.graceMinutes, extras, format);
    if (!quote)
        return std::unexpected(quote.error());
    if (deskTotalCents && *deskTotalCents != quote->totalCents) {
        quote = RateCardPricing::withDeskTotal(*quote, *deskTotalCents, reason.trimmed(), format);
        if (!quote)
            return std::unexpected(quote.error());
    }
    const Taxed money = taxed(quote->totalCents, terms.settings.pricesIncludeVat, terms.settings.vatBasisPoints);
    const QJsonObject kept{{QStringLiteral("card"), cardJson(*terms.card)},
                           {QStringLiteral("zone"), QString::fromUtf8(zone.id())},
                           {QStringLiteral("grace_minutes"), terms.settings.graceMinutes},
                           {QStringLiteral("prices_include_vat"), terms.settings.pricesIncludeVat},
                           {QStringLiteral("vat_basis_points"), terms.settings.vatBasisPoints},
                           {QStringLiteral("currency"), terms.currency},
                           {QStringLiteral("days"), quote->days},
                           {QStringLiteral("lines"), linesJson(quote->lines)},
                           {QStringLiteral("total"), moneyJson(quote->totalCents)},
                           {QStringLiteral("net"), moneyJson(money.net)},
                           {QStringLiteral("tax"), moneyJson(money.tax)},
                           {QStringLiteral("gross"), moneyJson(money.gross)}};
    return KeptQuote{*quote, money.gross, QJsonDocument(kept).toJson(QJsonDocument::Compact)};
}

Result<KeptQuote> RentalDeskService::requote(const QByteArray &keptJson, const QDateTime &pickup,
                                             const QDateTime &returned, const QList<RentalExtra> &extras)
{
    const QJsonObject kept = QJsonDocument::fromJson(keptJson).object();
    CarTerms terms;
    terms.card = cardFrom(kept.value(QStringLiteral("card")).toObject());
    terms.currency = kept.value(QStringLiteral("currency")).toString(QStringLiteral("EUR"));
    terms.settings.graceMinutes = kept.value(QStringLiteral("grace_minutes")).toInt(59);
    terms.settings.pricesIncludeVat = kept.value(QStringLiteral("prices_include_vat")).toBool(true);
    terms.settings.vatBasisPoints = kept.value(QStringLiteral("vat_basis_points")).toInt();
    const QTimeZone zone = zoneNamed(kept.value(QStringLiteral("zone")).toString());
    std::optional<QuoteLine> override;
    for (const QuoteLine &line : linesFrom(kept.value(QStringLiteral("lines")).toArray())) {
        if (line.kind == QuoteLine::kOverride)
            override = line;
    }
    auto price = priceFromCard(terms, pickup, returned, zone, extras, std::nullopt, {});
    if (!price || !override)
        return price;
    // The desk's change of the price stays what it was, never below nothing.
    const qint64 total = std::max<qint64>(0, price->quote.totalCents + override->amountCents);
    return priceFromCard(terms, pickup, returned, zone, extras, total, override->text);
}

Result<QHash<qint64, RateSet>> RentalDeskService::rates(Database &database, const QList<qint64> &carIds)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        QHash<qint64, RateSet> rates;
        for (const pqxx::row &row : work.exec_params(carTermsSql("c.id = ANY($1::bigint[])"), idArray(carIds))) {
            const CarTerms terms = carTermsFrom(row);
            if (terms.card)
                rates.insert(terms.carId, terms.card->base);
        }
        return rates;
    });
}

Result<DeskCar> RentalDeskService::car(Database &database, const QString &stockNumber)
{
    return database.guard([&](pqxx::connection &connection) -> Result<DeskCar> {
        pqxx::read_transaction work(connection);
        const pqxx::result row =
            work.exec_params("SELECT c.id, c.stock_number, coalesce(b.time_zone, 'UTC') FROM cars c "
                             "LEFT JOIN branches b ON b.id = c.branch_id WHERE c.stock_number = upper($1)",
                             stockNumber.trimmed().toStdString());
        if (row.empty())
            return std::unexpected(
                Error{Error::Code::NotFound,
                      tr("There is no car with stock number %1. Check the number (Fleet shows every car's).")
                          .arg(stockNumber)});
        return DeskCar{row[0][0].as<qint64>(), textOf(row[0][1]), zoneNamed(textOf(row[0][2]))};
    });
}

Result<RentalDeskService::Quote> RentalDeskService::quote(Database &database, qint64 carId, const QDateTime &pickup,
                                                          const QDateTime &returned, const QStringList &extras)
{
    if (!pickup.isValid() || !returned.isValid() || returned <= pickup)
        return std::unexpected(Error{Error::Code::InvalidInput, tr("Choose a return time after the pick-up time.")});
    return database.guard([&](pqxx::connection &connection) -> Result<Quote> {
        pqxx::read_transaction work(connection);
        std::optional<CarTerms> terms = carTerms(work, carId);
        if (!terms)
            return std::unexpected(
                Error{Error::Code::NotFound, tr("The car is no longer in the fleet. Choose another car.")});
        if (!terms->card) { // a car without a class: the rates BookingService would suggest
            const pqxx::row rates = work.exec_params1(
                "SELECT coalesce((SELECT (daily_rate * 100)::bigint FROM bookings WHERE car_id = c.id "
                "  ORDER BY created_at DESC LIMIT 1), greatest(2500, round(c.list_price * 0.0012) * 100)::bigint) "
                "FROM cars c WHERE c.id = $1",
                carId);
            RateCard card;
            card.base.dailyCents = rates[0].as<qint64>();
            card.base.weeklyCents = card.base.dailyCents * 6;
            terms->card = card;
        }
        QList<RentalExtra> chosen;
        if (!extras.isEmpty()) {
            QList<ExtraOffer> offers;
            for (const pqxx::row &row : work.exec("SELECT code, name, (price * 100)::bigint, per_day FROM "
                                                  "rental_extras WHERE active ORDER BY position, code"))
                offers << ExtraOffer{textOf(row[0]), textOf(row[1]), row[2].as<qint64>(), row[3].as<bool>()};
            for (const QString &wanted : extras) {
                const auto offer = std::find_if(offers.cbegin(), offers.cend(), [&](const ExtraOffer &offer) {
                    return offer.code.compare(wanted.trimmed(), Qt::CaseInsensitive) == 0 ||
                           offer.name.compare(wanted.trimmed(), Qt::CaseInsensitive) == 0;
                });
                if (offer == offers.cend()) {
                    QStringList names;
                    for (const ExtraOffer &known : offers)
                        names << known.code;
                    return std::unexpected(
                        Error{Error::Code::InvalidInput, tr("There is no extra called \"%1\". The extras are: %2.")
                                                             .arg(wanted, names.join(QStringLiteral(", ")))});
                }
                chosen << RentalExtra{offer->name, offer->cents, offer->perDay};
            }
        }
        const auto price = priceFromCard(*terms, pickup, returned, terms->zone, chosen, std::nullopt, {});
        if (!price)
            return std::unexpected(price.error());
        const Taxed money =
            taxed(price->quote.totalCents, terms->settings.pricesIncludeVat, terms->settings.vatBasisPoints);
        return Quote{price->quote, money.net, money.tax, money.gross, QuoteFormat{terms->currency, QLocale()}};
    });
}

// ---- Pick-up and return ------------------------------------------------------------------------------------------

qint64 RentalDeskService::depositHeld(pqxx::transaction_base &work, qint64 bookingId)
{
    return work
        .exec_params1("SELECT (coalesce(sum(CASE kind WHEN 'deposit' THEN amount WHEN 'deposit_return' THEN -amount "
                      "  WHEN 'deposit_capture' THEN -amount ELSE 0 END), 0) * 100)::bigint "
                      "FROM booking_payments WHERE booking_id = $1",
                      bookingId)[0]
        .as<qint64>();
}

Result<DeskWarnings> RentalDeskService::pickUpWarnings(Database &database, qint64 bookingId)
{
    return database.guard([&](pqxx::connection &connection) -> Result<DeskWarnings> {
        pqxx::read_transaction work(connection);
        const pqxx::result booking =
            work.exec_params(std::string("SELECT (b.deposit * 100)::bigint, ") + kCurrency + ", " + kSettingsColumns +
                                 " FROM bookings b JOIN cars c ON c.id = b.car_id " +
                                 settingsFor("coalesce(b.pickup_branch_id, c.branch_id)") + " WHERE b.id = $1",
                             bookingId);
        if (booking.empty())
            return std::unexpected(Error{Error::Code::NotFound, tr("Booking #%1 is no longer there.").arg(bookingId)});
        const RentalSettings settings = settingsFrom(booking[0], 2);
        const QString currency = textOf(booking[0][1]);
        qint64 asked = booking[0][0].as<qint64>();
        if (asked == 0)
            asked = settings.defaultDepositCents;
        DeskWarnings warnings;
        if (depositHeld(work, bookingId) > 0)
            return warnings;
        warnings.noDeposit = true;
        warnings.depositRequired = settings.depositRequired;
        if (settings.depositRequired)
            warnings.texts << tr("No deposit has been taken for booking #%1, and this branch requires one before the "
                                 "car is handed over. Take the deposit (%2) first.")
                                  .arg(bookingId)
                                  .arg(Money::format(asked, currency));
        else
            warnings.texts << tr("No deposit has been taken for booking #%1 (usually %2). Take one now, or hand the "
                                 "car over without one.")
                                  .arg(bookingId)
                                  .arg(Money::format(asked, currency));
        return warnings;
    });
}

Result<SettlementBill> RentalDeskService::previewReturn(Database &database, const ReturnEntry &entry)
{
    if (const auto invalid = checkEntry(entry))
        return std::unexpected(*invalid);
    return database.guard([&](pqxx::connection &connection) -> Result<SettlementBill> {
        pqxx::read_transaction work(connection);
        const auto context = loadReturn(work, entry, false);
        if (!context)
            return std::unexpected(context.error());
        return Settlement::compute(context->input);
    });
}

Result<SettledReturn> RentalDeskService::settleReturn(Database &database, const ReturnEntry &entry)
{
    if (const auto invalid = checkEntry(entry))
        return std::unexpected(*invalid);
    return database.guard([&](pqxx::connection &connection) -> Result<SettledReturn> {
        pqxx::work work(connection);
        const auto context = loadReturn(work, entry, true);
        if (!context)
            return std::unexpected(context.error());
        const auto bill = Settlement::compute(context->input);
        if (!bill)
            return std::unexpected(bill.error());
        SettledReturn settled = writeSettlement(work, entry, *context, *bill);
        work.commit();
        return settled;
    });
}

// ---- Papers ------------------------------------------------------------------------------------------------------

Result<AgreementPaper> RentalDeskService::agreement(Database &database, qint64 bookingId, const QLocale &locale)
{
    return database.guard([&](pqxx::connection &connection) -> Result<AgreementPaper> {
        pqxx::read_transaction work(connection);
        const auto parts = paperParts(work, bookingId);
        if (!parts)
            return std::unexpected(parts.error());
        const RentalSettings settings = settingsIn(work, parts->branchId);
        AgreementPaper paper;
        setParties(paper, *parts);
        paper.pickupAt = parts->pickupAt;
        paper.returnAt = parts->returnAt;
        paper.mileageOutKm = parts->mileageOut;
        paper.fuelOutEighths = parts->fuelOut;
        paper.kmPerDay = parts->kmPerDay;
        paper.extraKmCents = parts->extraKmCents;
        paper.format = QuoteFormat{parts->currency, locale};
        if (!parts->kept.isEmpty()) {
            paper.quoteLines = linesFrom(parts->kept.value(QStringLiteral("lines")).toArray());
        } else { // priced before rate cards: the lines of its own rates
            RateCard card;
            card.base = RateSet{parts->dailyCents, parts->weeklyCents, std::nullopt};
            if (const auto quote = RateCardPricing::quote(card, parts->pickupAt, parts->returnAt, parts->branch.zone,
                                                          settings.graceMinutes, parts->extras, paper.format))
                paper.quoteLines = quote->lines;
        }
        // The price as quoted: the kept gross, else (a booking priced before rate cards) its total until the return
        // changed it, then its lines again.
        qint64 quoted = 0;
        for (const QuoteLine &line : paper.quoteLines)
            quoted += line.amountCents;
        paper.quotedTotalCents = !parts->kept.isEmpty() ? centsFrom(parts->kept.value(QStringLiteral("gross")))
                                 : parts->status == QLatin1String("completed") ? quoted
                                                                               : parts->totalCents;
        paper.depositCents = parts->depositCents > 0 ? parts->depositCents : settings.defaultDepositCents;
        paper.termsText = settings.termsText;
        paper.staffName = parts->createdBy;
        return paper;
    });
}

Result<InvoicePaper> RentalDeskService::invoice(Database &database, qint64 bookingId, const QLocale &locale)
{
    return database.guard([&](pqxx::connection &connection) -> Result<InvoicePaper> {
        pqxx::work work(connection);
        const auto parts = paperParts(work, bookingId);
        if (!parts)
            return std::unexpected(parts.error());
        const pqxx::result invoice =
            work.exec_params("SELECT number_text, printed_count, (extract(epoch FROM issued_at) * 1000)::bigint, "
                             "  lines::text, (net * 100)::bigint, (tax * 100)::bigint, (gross * 100)::bigint, "
                             "  vat_basis_points, prices_include_vat, currency, (deposit_held * 100)::bigint, "
                             "  (deposit_captured * 100)::bigint, (deposit_released * 100)::bigint "
                             "FROM invoices WHERE booking_id = $1 FOR UPDATE",
                             bookingId);
        if (invoice.empty())
            return std::unexpected(Error{Error::Code::NotFound,
                                         tr("Booking #%1 has no invoice: it is %2. The invoice is issued when the car "
                                            "is returned.")
                                             .arg(bookingId)
                                             .arg(BookingService::statusLabel(parts->status).toLower())});
        const pqxx::row row = invoice[0];
        work.exec_params("UPDATE invoices SET printed_count = printed_count + 1 WHERE booking_id = $1", bookingId);
        InvoicePaper paper;
        paper.number = textOf(row[0]);
        paper.copy = row[1].as<int>() > 0;
        paper.issuedOn = utcTimeOf(row[2]).toTimeZone(parts->branch.zone).date();
        setParties(paper, *parts);
        // The invoice bills what happened: the car left at the hand-over, not at the booked pick-up.
        paper.pickupAt = parts->pickedUpAt.isValid() ? parts->pickedUpAt : parts->pickupAt;
        paper.returnAt = parts->returnedAt;
        paper.mileageOutKm = parts->mileageOut;
        paper.mileageInKm = parts->mileageIn;
        paper.fuelOutEighths = parts->fuelOut;
        paper.fuelInEighths = parts->fuelIn;
        paper.lines = linesFrom(jsonArrayOf(row[3]));
        paper.netCents = row[4].as<qint64>();
        paper.taxCents = row[5].as<qint64>();
        paper.grossCents = row[6].as<qint64>();
        paper.vatBasisPoints = row[7].as<int>();
        paper.pricesIncludeVat = row[8].as<bool>();
        paper.payments = parts->payments;
        paper.depositHeldCents = row[10].as<qint64>();
        paper.depositCapturedCents = row[11].as<qint64>();
        paper.depositReleasedCents = row[12].as<qint64>();
        paper.balanceCents = parts->balanceCents;
        paper.format = QuoteFormat{textOf(row[9]), locale};
        work.commit();
        return paper;
    });
}

Result<ReceiptPaper> RentalDeskService::receipt(Database &database, qint64 paymentId, const QLocale &locale)
{
    return database.guard([&](pqxx::connection &connection) -> Result<ReceiptPaper> {
        pqxx::read_transaction work(connection);
        const pqxx::result payment =
            work.exec_params("SELECT booking_id FROM booking_payments WHERE id = $1", paymentId);
        if (payment.empty())
            return std::unexpected(Error{Error::Code::NotFound, tr("Payment #%1 is no longer there.").arg(paymentId)});
        const qint64 bookingId = payment[0][0].as<qint64>();
        const auto parts = paperParts(work, bookingId);
        if (!parts)
            return std::unexpected(parts.error());
        ReceiptPaper paper;
        setParties(paper, *parts);
        paper.format = QuoteFormat{parts->currency, locale};
        // The balance once this payment is counted: the bill less what was paid up to it, in the order taken.
        qint64 paid = 0;
        for (const BookingPayment &each : parts->payments) {
            paid += paidBy(each);
            if (each.id == paymentId) {
                paper.payment = each;
                break;
            }
        }
        qint64 allPaid = 0;
        for (const BookingPayment &each : parts->payments)
            allPaid += paidBy(each);
        paper.balanceAfterCents = parts->balanceCents + allPaid - paid;
        return paper;
    });
}

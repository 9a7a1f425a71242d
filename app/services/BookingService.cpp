#include "BookingService.h"

#include "FleetService.h"
#include "db/Database.h"
#include "db/Fields.h"
#include "db/Savepoint.h"
#include "db/SqlArray.h"
#include "domain/CarVocabulary.h"
#include "domain/Money.h"
#include "outbox/Outbox.h"
#include "services/BookingQuery.h"
#include "services/CarQuery.h"
#include "services/KeysetOrder.h"
#include "services/RentalDeskService.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>

#include <pqxx/pqxx>

#include <array>

namespace {

constexpr int kAlternatives = 5;
// The time a new booking from `pickup` to `returned` (placeholders) blocks its car, as the exclusion
// constraint sees it: to the return plus the turnaround buffer a new booking gets (the bookings.turnaround
// default).
std::string blockedRange(const std::string &pickup = "$2", const std::string &returned = "$3")
{
    return "tstzrange(" + pickup + "::timestamptz, " + returned + "::timestamptz + booking_turnaround(), '[)')";
}

std::string utcText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

QString deskTime(const QDateTime &time, const QTimeZone &zone)
{
    return QLocale().toString(time.toTimeZone(zone), QStringLiteral("ddd d MMM HH:mm"));
}

// Cents as the numeric text PostgreSQL reads: "18900.50".
std::string numericText(qint64 cents)
{
    return Money::fromCents(cents).toDecimal().toStdString();
}

// Runs `sql` as a prepared statement of the connection: parsed and planned once per connection rather than at
// every call, which was most of the server's work for a booking attempt.
template <typename... Args>
pqxx::result execPrepared(pqxx::transaction_base &work, const std::string &name, const std::string &sql, Args &&...args)
{
    work.conn().prepare(name, sql); // nothing to do once the connection has it
    return work.exec_prepared(name, std::forward<Args>(args)...);
}

// The first live booking of car `car` whose blocked time meets the one from `from` to `to` plus `turnaround`
// (SQL expressions): its id, pick-up and return (ms since the epoch).
// A booking being moved (`except`) is not in its own way.
std::string firstBlocker(const char *car, const char *from, const char *to, const char *turnaround,
                         const char *except = "0")
{
    return std::string("SELECT id, (extract(epoch FROM pickup_at) * 1000)::bigint AS pickup_ms, "
                       "(extract(epoch FROM return_at) * 1000)::bigint AS return_ms FROM bookings WHERE car_id = ") +
           car + " AND id <> " + except +
           " AND status IN ('reserved', 'active') AND tstzrange(pickup_at, blocked_until, '[)') && tstzrange(" + from +
           ", " + to + " + " + turnaround + ", '[)') ORDER BY pickup_at LIMIT 1";
}

struct Blocker
{
    qint64 id = 0;
    QDateTime pickup;
    QDateTime returned;
};

// The booking that firstBlocker() found, in fields `column` to `column` + 2 of `row`: none when they are null.
std::optional<Blocker> blockerAt(const pqxx::row &row, int column)
{
    if (row[column].is_null())
        return std::nullopt;
    return Blocker{row[column].as<qint64>(), utcTimeOf(row[column + 1]), utcTimeOf(row[column + 2])};
}

// The sentence for a refused overlap, naming the booking in the way when it is known.
Error overlapError(const BookingRequest &request, const QString &stockNumber, const std::optional<Blocker> &other)
{
    if (!other)
        return {Error::Code::Overlap,
                BookingService::tr("Car #%1 is already booked for part of that time. Choose another time or car.")
                    .arg(stockNumber)};
    const bool onlyTheBuffer = request.pickup >= other->returned || request.returned <= other->pickup;
    QString message =
        BookingService::tr("Car #%1 is already booked from %2 to %3 (booking #%4).")
            .arg(stockNumber, deskTime(other->pickup, request.zone), deskTime(other->returned, request.zone))
            .arg(other->id);
    if (onlyTheBuffer)
        message += QLatin1Char(' ') +
                   BookingService::tr("After a return the car needs its turnaround time before the next pick-up.");
    return {Error::Code::Overlap, message};
}

// A reservation holds a car for time still to come: a period whose return has passed is refused (the
// database's bookings_reserved_in_future refuses it from any client).
std::optional<Error> endedAlready(const QDateTime &returned, const QTimeZone &zone)
{
    if (returned > QDateTime::currentDateTimeUtc())
        return std::nullopt;
    return Error{Error::Code::InvalidInput,
                 BookingService::tr("That booking would end on %1, which has already passed. Choose a return time in "
                                    "the future.")
                     .arg(deskTime(returned, zone))};
}

std::string extrasJson(const QList<RentalExtra> &extras)
{
    QJsonArray array;
    for (const RentalExtra &extra : extras)
        array.append(QJsonObject{{QStringLiteral("name"), extra.name},
                                 {QStringLiteral("amount"), double(extra.cents) / 100},
                                 {QStringLiteral("per_day"), extra.perDay}});
    return QJsonDocument(array).toJson(QJsonDocument::Compact).toStdString();
}

QList<RentalExtra> extrasFrom(const std::string &json)
{
    QList<RentalExtra> extras;
    for (const QJsonValue &value : QJsonDocument::fromJson(QByteArray::fromStdString(json)).array()) {
        const QJsonObject extra = value.toObject();
        extras << RentalExtra{extra.value(QStringLiteral("name")).toString(),
                              qRound64(extra.value(QStringLiteral("amount")).toDouble() * 100),
                              extra.value(QStringLiteral("per_day")).toBool()};
    }
    return extras;
}

// The pick-up and return reminders, an hour before each, as scheduled events. Each has a key of its own,
// with its time: a waiting event holds back the later events of its key, and a booking moved earlier
// must not wait for the reminder of its old time.
void scheduleReminders(pqxx::transaction_base &work, qint64 id, const QString &stockNumber, const QDateTime &pickup,
                       const QDateTime &returned)
{
    // "at" is the time the reminder is for: a booking moved since then has newer reminders.
    const auto remind = [&](const char *topic, const char *key, const QDateTime &at) {
        Outbox::publish(work, QString::fromLatin1(topic),
                        QStringLiteral("booking:%1:%2:%3").arg(id).arg(QLatin1String(key)).arg(at.toSecsSinceEpoch()),
                        {{QStringLiteral("id"), id},
                         {QStringLiteral("stock_number"), stockNumber},
                         {QStringLiteral("at"), at.toUTC().toString(Qt::ISODateWithMs)}},
                        at.addSecs(-3600));
    };
    remind("booking.pickup_reminder", "pickup", pickup);
    remind("booking.return_reminder", "return", returned);
}

// The car's stock number, locked against a status change while the booking is written; refused when the
// car is gone or cannot be rented.
Result<QString> bookableCar(pqxx::transaction_base &work, qint64 carId)
{
    const pqxx::result car = work.exec_params("SELECT stock_number, status FROM cars WHERE id = $1 FOR SHARE", carId);
    if (car.empty())
        return std::unexpected(
            Error{Error::Code::NotFound, BookingService::tr("The car is no longer in the fleet. Choose another car.")});
    const QString stockNumber = textOf(car[0][0]);
    const QString status = textOf(car[0][1]);
    if (status == QLatin1String("sold") || status == QLatin1String("retired") || status == QLatin1String("in_service"))
        return std::unexpected(
            Error{Error::Code::InvalidInput,
                  BookingService::tr("Car #%1 is %2 and cannot be booked. Choose another car.")
                      .arg(stockNumber, CarVocabulary::label(CarVocabulary::Kind::Status, status).toLower())});
    return stockNumber;
}

// Runs `statement` in a savepoint: false when the exclusion constraint refused it (the transaction goes
// on), the statement's first column otherwise.
template <typename... Args>
std::optional<qint64> unlessOverlapping(pqxx::dbtransaction &work, const std::string &statement, Args &&...args)
{
    Savepoint attempt(work, "booking");
    try {
        const qint64 id = attempt.exec_params1(statement, std::forward<Args>(args)...)[0].template as<qint64>();
        attempt.commit();
        return id;
    } catch (const pqxx::sql_error &error) {
        if (error.sqlstate() != "23P01")
            throw;
        attempt.abort();
        return std::nullopt;
    }
}

} // namespace

Result<Booking> BookingService::create(Database &database, const BookingRequest &request)
{
    const auto quote =
        RentalPricing::quote(request.pickup, request.returned, request.zone, request.rates, request.extras);
    if (!quote)
        return std::unexpected(quote.error());
    if (const auto ended = endedAlready(request.returned, request.zone))
        return std::unexpected(*ended);
    if (request.depositCents < 0)
        return std::unexpected(Error{Error::Code::InvalidInput, tr("The deposit cannot be below zero.")});

    const bool deskTotal = request.deskTotalCents.has_value();
    if (deskTotal && (*request.deskTotalCents < 0 || request.overrideReason.trimmed().isEmpty()))
        return std::unexpected(Error{Error::Code::InvalidInput,
                                     tr("A price of the desk's own needs a reason and cannot be below zero. Enter "
                                        "why the price differs from the rate card.")});

    return database.guard([&](pqxx::connection &connection) -> Result<Booking> {
        std::optional<KeptQuote> kept;
        RentalRates rates = request.rates;
        std::optional<int> kmPerDay = request.kmPerDay;
        qint64 extraKmCents = request.extraKmCents;
        qint64 totalCents = deskTotal ? *request.deskTotalCents : quote->totalCents;
        RentalQuote priced = *quote;
        priced.totalCents = totalCents;
        // A car already booked then is refused at once: one read without a transaction, where the write
        // below takes three round trips. Only a refusal is taken from it; the constraint still decides.
        {
            pqxx::nontransaction look(connection);
            const pqxx::result taken =
                execPrepared(look, "booking_taken",
                             "SELECT c.stock_number, blocker.* FROM cars c JOIN LATERAL (" +
                                 firstBlocker("$1", "$2::timestamptz", "$3::timestamptz", "booking_turnaround()") +
                                 ") blocker ON true WHERE c.id = $1 AND c.status NOT IN ('sold', 'retired', "
                                 "'in_service') AND EXISTS (SELECT FROM customers WHERE id = $4)",
                             request.carId, utcText(request.pickup), utcText(request.returned), request.customerId);
            if (!taken.empty())
                return std::unexpected(overlapError(request, textOf(taken[0][0]), blockerAt(taken[0], 1)));
            // A car with a class is priced from its card, which the booking keeps; the request's rates are for
            // a car without one.
            if (const std::optional<CarTerms> terms = RentalDeskService::carTerms(look, request.carId);
                terms && terms->card) {
                auto price =
                    RentalDeskService::priceFromCard(*terms, request.pickup, request.returned, request.zone,
                                                     request.extras, request.deskTotalCents, request.overrideReason);
                if (!price)
                    return std::unexpected(price.error());
                kept = std::move(*price);
                rates.dailyCents = terms->card->base.dailyCents;
                rates.weeklyCents = terms->card->base.weeklyCents;
                if (!kmPerDay && extraKmCents == 0) { // the branch's allowance unless the desk set one
                    kmPerDay = terms->settings.kmPerDay;
                    extraKmCents = terms->settings.extraKmCents;
                }
                totalCents = kept->grossCents;
                priced = RentalQuote{kept->quote.days, 0, kept->quote.rentalCents, kept->quote.extrasCents, totalCents};
            }
        }
        pqxx::work work(connection);
        // One statement: lock the car against a status change, check the customer, insert, and on a refusal
        // name the booking in the way. bookings_no_overlap refuses an overlap as the arbiter of ON CONFLICT: no
        // error and no dead row, and two desks inserting overlapping bookings at once wait for each other
        // instead of deadlocking in the exclusion check. The turnaround (the column's default) is read once: a
        // SQL function is parsed and planned at every call.
        const pqxx::result row = execPrepared(
            work, "booking_create",
            "WITH car AS (SELECT stock_number, status, status NOT IN ('sold', 'retired', 'in_service') AS bookable, "
            "  branch_id"
            "  FROM cars WHERE id = $1 FOR SHARE), "
            "customer AS (SELECT FROM customers WHERE id = $2), "
            "buffer AS (SELECT booking_turnaround() AS turnaround), "
            "booking AS (INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, total, "
            "  deposit, notes, turnaround, weekly_rate, extras, km_per_day, extra_km_rate, pickup_branch_id, "
            "  return_branch_id, quote, override_reason) SELECT $1, $2, $3::timestamptz, $4::timestamptz, $5::numeric, "
            "  $6::numeric, $7::numeric, $8::text, turnaround, $9::numeric, $10::jsonb, $11::integer, $12::numeric, "
            "  branch_id, branch_id, $13::jsonb, $14::text FROM car, buffer "
            "  WHERE bookable AND EXISTS (SELECT FROM customer) "
            "  ON CONFLICT ON CONSTRAINT bookings_no_overlap DO NOTHING RETURNING id) "
            "SELECT stock_number, status, bookable, EXISTS (SELECT FROM customer), (SELECT id FROM booking), "
            "  (SELECT turnaround::text FROM buffer), blocker.* FROM car LEFT JOIN LATERAL (" +
                firstBlocker("$1", "$3::timestamptz", "$4::timestamptz", "(SELECT turnaround FROM buffer)") +
                ") blocker ON bookable AND NOT EXISTS (SELECT FROM booking)",
            request.carId, request.customerId, utcText(request.pickup), utcText(request.returned),
            numericText(rates.dailyCents), numericText(totalCents), numericText(request.depositCents),
            request.notes.toStdString(),
            rates.weeklyCents ? std::optional(numericText(*rates.weeklyCents)) : std::nullopt,
            extrasJson(request.extras), kmPerDay, numericText(extraKmCents),
            kept ? std::optional(kept->json.toStdString()) : std::nullopt,
            deskTotal ? request.overrideReason.trimmed().toStdString() : std::string());
        if (row.empty())
            return std::unexpected(
                Error{Error::Code::NotFound, tr("The car is no longer in the fleet. Choose another car.")});
        const QString stockNumber = textOf(row[0][0]);
        const QString status = textOf(row[0][1]);
        if (!row[0][2].as<bool>())
            return std::unexpected(
                Error{Error::Code::InvalidInput,
                      tr("Car #%1 is %2 and cannot be booked. Choose another car.")
                          .arg(stockNumber, CarVocabulary::label(CarVocabulary::Kind::Status, status).toLower())});
        if (!row[0][3].as<bool>())
            return std::unexpected(
                Error{Error::Code::NotFound, tr("The customer is no longer on file. Choose or add the customer.")});
        if (row[0][4].is_null()) {
            std::optional<Blocker> blocker = blockerAt(row[0], 6);
            if (!blocker) { // it committed while the constraint waited for it: a new snapshot sees it
                const pqxx::result later = execPrepared(
                    work, "booking_blocker", firstBlocker("$1", "$2::timestamptz", "$3::timestamptz", "$4::interval"),
                    request.carId, utcText(request.pickup), utcText(request.returned), row[0][5].as<std::string>());
                if (!later.empty())
                    blocker = blockerAt(later[0], 0);
            }
            return std::unexpected(overlapError(request, stockNumber, blocker));
        }
        const qint64 id = row[0][4].as<qint64>();

        Outbox::publish(work, QStringLiteral("booking.created"), QStringLiteral("booking:%1").arg(id),
                        {{QStringLiteral("id"), id},
                         {QStringLiteral("car_id"), request.carId},
                         {QStringLiteral("stock_number"), stockNumber},
                         {QStringLiteral("customer_id"), request.customerId},
                         {QStringLiteral("pickup_at"), request.pickup.toUTC().toString(Qt::ISODate)},
                         {QStringLiteral("return_at"), request.returned.toUTC().toString(Qt::ISODate)},
                         {QStringLiteral("total"), QString::fromStdString(numericText(totalCents))}});
        scheduleReminders(work, id, stockNumber, request.pickup, request.returned);
        work.commit();
        return Booking{id,
                       request.carId,
                       request.customerId,
                       request.pickup.toUTC(),
                       request.returned.toUTC(),
                       QStringLiteral("reserved"),
                       priced};
    });
}

Result<QList<CarRow>> BookingService::alternatives(Database &database, qint64 carId, const QDateTime &pickup,
                                                   const QDateTime &returned)
{
    const auto similar = FleetService::similar(database, carId, 30);
    if (!similar)
        return std::unexpected(similar.error());
    QList<qint64> candidates;
    for (const SimilarCar &car : *similar)
        candidates << car.row.id;
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        // One query for all candidates, with the constraint's test: a live booking whose blocked time
        // meets the new one.
        QSet<qint64> taken;
        for (const pqxx::row &row : work.exec_params("SELECT DISTINCT car_id FROM bookings "
                                                     "WHERE car_id = ANY($1::bigint[]) "
                                                     "AND status IN ('reserved', 'active') "
                                                     "AND tstzrange(pickup_at, blocked_until, '[)') && " +
                                                         blockedRange(),
                                                     idArray(candidates), utcText(pickup), utcText(returned)))
            taken.insert(row[0].as<qint64>());
        QList<CarRow> free;
        for (const SimilarCar &car : *similar) {
            if (!taken.contains(car.row.id) && free.size() < kAlternatives)
                free << car.row;
        }
        return free;
    });
}

namespace {

struct LockedBooking
{
    qint64 carId = 0;
    QString status;
    QString stockNumber;
    QString customer;
    QDate licenceExpiry;
    QDateTime pickup;
    QDateTime returned;
    qint64 dailyCents = 0;
    qint64 totalCents = 0;
    std::optional<int> pickupMileage;
    std::optional<qint64> weeklyCents;
    std::optional<int> kmPerDay;
    qint64 extraKmCents = 0;
    QString extrasJson;
    QString keptQuote; // bookings.quote; empty: priced from its rates
    std::optional<qint64> branchId;
};

// The booking, locked for the change, or NotFound.
Result<LockedBooking> lockBooking(pqxx::transaction_base &work, qint64 id)
{
    const pqxx::result row = work.exec_params(
        "SELECT b.car_id, b.status, c.stock_number, u.full_name, coalesce(u.licence_expiry::text, ''), "
        "  (extract(epoch FROM b.pickup_at) * 1000)::bigint, (extract(epoch FROM b.return_at) * 1000)::bigint, "
        "  (b.daily_rate * 100)::bigint, (b.total * 100)::bigint, b.pickup_mileage_km, (b.weekly_rate * 100)::bigint, "
        "  b.km_per_day, (b.extra_km_rate * 100)::bigint, b.extras::text, b.quote::text, "
        "  coalesce(b.pickup_branch_id, c.branch_id) "
        "FROM bookings b JOIN cars c ON c.id = b.car_id JOIN customers u ON u.id = b.customer_id "
        "WHERE b.id = $1 FOR UPDATE OF b",
        id);
    if (row.empty())
        return std::unexpected(
            Error{Error::Code::NotFound, BookingService::tr("Booking #%1 is no longer there; another desk may have "
                                                            "removed it.")
                                             .arg(id)});
    LockedBooking booking;
    booking.carId = row[0][0].as<qint64>();
    booking.status = textOf(row[0][1]);
    booking.stockNumber = textOf(row[0][2]);
    booking.customer = textOf(row[0][3]);
    booking.licenceExpiry = dateOf(row[0][4]);
    booking.pickup = utcTimeOf(row[0][5]);
    booking.returned = utcTimeOf(row[0][6]);
    booking.dailyCents = row[0][7].as<qint64>();
    booking.totalCents = row[0][8].as<qint64>();
    if (!row[0][9].is_null())
        booking.pickupMileage = row[0][9].as<int>();
    if (!row[0][10].is_null())
        booking.weeklyCents = row[0][10].as<qint64>();
    if (!row[0][11].is_null())
        booking.kmPerDay = row[0][11].as<int>();
    booking.extraKmCents = row[0][12].as<qint64>();
    booking.extrasJson = textOf(row[0][13]);
    booking.keptQuote = textOf(row[0][14]);
    if (!row[0][15].is_null())
        booking.branchId = row[0][15].as<qint64>();
    return booking;
}

// lockBooking(), refused unless the booking is in `status`: "Booking #12 is active, so it cannot be
// cancelled."
Result<LockedBooking> lockBookingIn(pqxx::transaction_base &work, qint64 id, QLatin1String status,
                                    const QString &action)
{
    auto booking = lockBooking(work, id);
    if (booking && booking->status != status)
        return std::unexpected(
            Error{Error::Code::InvalidInput, BookingService::tr("Booking #%1 is %2, so it cannot be %3.")
                                                 .arg(id)
                                                 .arg(BookingService::statusLabel(booking->status).toLower(), action)});
    return booking;
}

QJsonObject bookingPayload(qint64 id, const LockedBooking &booking, std::optional<int> mileageKm = {},
                           std::optional<int> fuelPercent = {})
{
    QJsonObject payload{{QStringLiteral("id"), id},
                        {QStringLiteral("car_id"), booking.carId},
                        {QStringLiteral("stock_number"), booking.stockNumber},
                        {QStringLiteral("customer"), booking.customer}};
    if (mileageKm)
        payload.insert(QStringLiteral("mileage_km"), *mileageKm);
    if (fuelPercent)
        payload.insert(QStringLiteral("fuel_pct"), *fuelPercent);
    return payload;
}

std::optional<Error> checkReadings(int mileageKm, int fuelPercent)
{
    if (mileageKm < 0)
        return Error{Error::Code::InvalidInput, BookingService::tr("The mileage cannot be below zero.")};
    if (fuelPercent < 0 || fuelPercent > 100)
        return Error{Error::Code::InvalidInput, BookingService::tr("Enter the fuel level from 0 to 100%.")};
    return std::nullopt;
}

} // namespace

Result<void> BookingService::pickUp(Database &database, qint64 bookingId, int mileageKm, int fuelPercent,
                                    const QDateTime &at, const QTimeZone &zone)
{
    if (const auto invalid = checkReadings(mileageKm, fuelPercent))
        return std::unexpected(*invalid);
    return database.guard([&](pqxx::connection &connection) -> Result<void> {
        pqxx::work work(connection);
        const auto booking = lockBookingIn(work, bookingId, QLatin1String("reserved"), tr("picked up"));
        if (!booking)
            return std::unexpected(booking.error());
        const QDate today = at.toTimeZone(zone).date();
        if (!booking->licenceExpiry.isValid() || booking->licenceExpiry < today)
            return std::unexpected(Error{
                Error::Code::InvalidInput,
                booking->licenceExpiry.isValid()
                    ? tr("%1's driving licence expired on %2, so the car cannot be handed over. Record a valid "
                         "licence in the customer's details first.")
                          .arg(booking->customer, QLocale().toString(booking->licenceExpiry, QLocale::ShortFormat))
                    : tr("No driving licence expiry is recorded for %1. Record the licence in the customer's details "
                         "first.")
                          .arg(booking->customer)});
        // Handed over early, the car would be out for time its booking does not hold.
        if (at < booking->pickup.addSecs(-2 * 3600))
            return std::unexpected(
                Error{Error::Code::InvalidInput,
                      tr("Booking #%1 starts on %2. To hand the car over now, move the booking to start now first.")
                          .arg(bookingId)
                          .arg(deskTime(booking->pickup, zone))});
        const pqxx::row car = work.exec_params1(
            "SELECT coalesce(c.mileage_km, 0), c.status, o.id, (extract(epoch FROM o.return_at) * 1000)::bigint "
            "FROM cars c LEFT JOIN LATERAL (SELECT id, return_at FROM bookings WHERE car_id = c.id "
            "  AND status = 'active' AND id <> $2 LIMIT 1) o ON true WHERE c.id = $1",
            booking->carId, bookingId);
        if (!car[2].is_null())
            return std::unexpected(
                Error{Error::Code::InvalidInput,
                      tr("Car #%1 is still out with booking #%2, due back %3. Take it back first, or give this "
                         "customer another car.")
                          .arg(booking->stockNumber)
                          .arg(car[2].as<qint64>())
                          .arg(deskTime(utcTimeOf(car[3]), zone))});
        const QString carStatus = textOf(car[1]);
        if (carStatus == QLatin1String("sold") || carStatus == QLatin1String("retired") ||
            carStatus == QLatin1String("in_service"))
            return std::unexpected(
                Error{Error::Code::InvalidInput,
                      tr("Car #%1 is %2, so it cannot be handed over. Give this customer another car.")
                          .arg(booking->stockNumber,
                               CarVocabulary::label(CarVocabulary::Kind::Status, carStatus).toLower())});
        if (RentalDeskService::depositHeld(work, bookingId) <= 0 &&
            RentalDeskService::settingsIn(work, booking->branchId).depositRequired)
            return std::unexpected(
                Error{Error::Code::InvalidInput,
                      tr("No deposit has been taken for booking #%1, and this branch requires one before the car is "
                         "handed over. Take the deposit (Add payment, kind Deposit) first.")
                          .arg(bookingId)});
        const int recorded = car[0].as<int>();
        if (mileageKm < recorded)
            return std::unexpected(
                Error{Error::Code::InvalidInput,
                      tr("The mileage at pick-up (%1 km) is below the %2 km recorded for car #%3. "
                         "Check the reading.")
                          .arg(QLocale().toString(mileageKm), QLocale().toString(recorded), booking->stockNumber)});
        work.exec_params("UPDATE bookings SET status = 'active', picked_up_at = $2::timestamptz, "
                         "pickup_mileage_km = $3, pickup_fuel_pct = $4, updated_at = now(), version = version + 1 "
                         "WHERE id = $1",
                         bookingId, utcText(at), mileageKm, fuelPercent);
        // The car's new version (cars_version) refuses an editor opened before the hand-over.
        work.exec_params("UPDATE cars SET status = 'rented', mileage_km = $2 WHERE id = $1", booking->carId, mileageKm);
        Outbox::publish(work, QStringLiteral("booking.picked_up"), QStringLiteral("booking:%1").arg(bookingId),
                        bookingPayload(bookingId, *booking, mileageKm, fuelPercent));
        Outbox::wake(work, QStringLiteral("car:%1").arg(booking->carId)); // the Fleet page shows it rented
        work.commit();
        return {};
    });
}

Result<qint64> BookingService::returnCar(Database &database, qint64 bookingId, int mileageKm, int fuelPercent,
                                         const QString &damageNotes, const QDateTime &at, const QTimeZone &zone)
{
    ReturnEntry entry;
    entry.bookingId = bookingId;
    entry.mileageKm = mileageKm;
    entry.fuelPercent = fuelPercent;
    entry.at = at;
    entry.damageNotes = damageNotes;
    entry.zone = zone;
    const auto settled = RentalDeskService::settleReturn(database, entry);
    if (!settled)
        return std::unexpected(settled.error());
    return settled->bill.grossCents;
}

Result<void> BookingService::cancel(Database &database, qint64 bookingId, bool noShow)
{
    return database.guard([&](pqxx::connection &connection) -> Result<void> {
        pqxx::work work(connection);
        const auto booking = lockBookingIn(work, bookingId, QLatin1String("reserved"),
                                           noShow ? tr("marked as a no-show") : tr("cancelled"));
        if (!booking)
            return std::unexpected(booking.error());
        work.exec_params("UPDATE bookings SET status = $2, updated_at = now(), version = version + 1 WHERE id = $1",
                         bookingId, noShow ? "no_show" : "cancelled");
        Outbox::publish(work, QStringLiteral("booking.cancelled"), QStringLiteral("booking:%1").arg(bookingId), [&] {
            QJsonObject payload = bookingPayload(bookingId, *booking);
            payload.insert(QStringLiteral("no_show"), noShow);
            return payload;
        }());
        work.commit();
        return {};
    });
}

Result<Booking> BookingService::reschedule(Database &database, qint64 bookingId, qint64 carId, const QDateTime &pickup,
                                           const QDateTime &returned, const QTimeZone &zone)
{
    return database.guard([&](pqxx::connection &connection) -> Result<Booking> {
        pqxx::work work(connection);
        const auto booking = lockBookingIn(work, bookingId, QLatin1String("reserved"), tr("moved"));
        if (!booking)
            return std::unexpected(booking.error());
        const RentalRates rates{booking->dailyCents, booking->weeklyCents};
        const QList<RentalExtra> extras = extrasFrom(booking->extrasJson.toStdString());
        auto quote = RentalPricing::quote(pickup, returned, zone, rates, extras);
        if (!quote)
            return std::unexpected(quote.error());
        std::optional<std::string> keptJson;
        if (!booking->keptQuote.isEmpty()) { // priced from its kept card again
            const auto kept = RentalDeskService::requote(booking->keptQuote.toUtf8(), pickup, returned, extras);
            if (!kept)
                return std::unexpected(kept.error());
            *quote =
                RentalQuote{kept->quote.days, 0, kept->quote.rentalCents, kept->quote.extrasCents, kept->grossCents};
            keptJson = kept->json.toStdString();
        }
        if (const auto ended = endedAlready(returned, zone))
            return std::unexpected(*ended);
        const auto car = bookableCar(work, carId);
        if (!car)
            return std::unexpected(car.error());
        const std::optional<qint64> moved = unlessOverlapping(
            work,
            "UPDATE bookings SET car_id = $2, pickup_at = $3::timestamptz, return_at = $4::timestamptz, "
            "total = $5::numeric, quote = coalesce($6::jsonb, quote), updated_at = now(), version = version + 1 "
            "WHERE id = $1 RETURNING id",
            bookingId, carId, utcText(pickup), utcText(returned), numericText(quote->totalCents), keptJson);
        if (!moved) {
            BookingRequest request;
            request.carId = carId;
            request.pickup = pickup;
            request.returned = returned;
            request.zone = zone;
            const pqxx::result blocker =
                work.exec_params(firstBlocker("$1", "$2::timestamptz", "$3::timestamptz",
                                              "(SELECT turnaround FROM bookings WHERE id = $4)", "$4"),
                                 carId, utcText(pickup), utcText(returned), bookingId);
            return std::unexpected(
                overlapError(request, *car, blocker.empty() ? std::nullopt : blockerAt(blocker[0], 0)));
        }
        QJsonObject payload = bookingPayload(bookingId, *booking);
        payload.insert(QStringLiteral("car_id"), carId);
        payload.insert(QStringLiteral("stock_number"), *car);
        payload.insert(QStringLiteral("pickup_at"), pickup.toUTC().toString(Qt::ISODate));
        payload.insert(QStringLiteral("return_at"), returned.toUTC().toString(Qt::ISODate));
        payload.insert(QStringLiteral("total"), QString::fromStdString(numericText(quote->totalCents)));
        Outbox::publish(work, QStringLiteral("booking.changed"), QStringLiteral("booking:%1").arg(bookingId), payload);
        scheduleReminders(work, bookingId, *car, pickup, returned);
        work.commit();
        return Booking{bookingId, carId, 0, pickup.toUTC(), returned.toUTC(), QStringLiteral("reserved"), *quote};
    });
}

namespace {

std::string param(std::vector<std::string> &params, std::string value, const char *type = nullptr)
{
    params.push_back(std::move(value));
    std::string text = "$" + std::to_string(params.size());
    if (type)
        text += std::string("::") + type;
    return text;
}

// The select list of a BookingRow over bookings bk, cars c, customers u, booking_balances bb and the
// pick-up branch pb.
constexpr const char *kRowColumns =
    "bk.id, bk.car_id, c.stock_number, c.make || ' ' || c.model, bk.customer_id, u.full_name, "
    "(extract(epoch FROM bk.pickup_at) * 1000)::bigint, (extract(epoch FROM bk.return_at) * 1000)::bigint, "
    "bk.status, coalesce(pb.code, ''), (bk.total * 100)::bigint, (bb.balance * 100)::bigint, "
    "(bb.deposit_held * 100)::bigint, bk.status = 'active' AND bk.return_at < now()";
// The tables of a row beside its booking bk.
constexpr const char *kRowTables = " JOIN cars c ON c.id = bk.car_id "
                                   "JOIN customers u ON u.id = bk.customer_id "
                                   "JOIN booking_balances bb ON bb.booking_id = bk.id "
                                   "LEFT JOIN branches pb ON pb.id = bk.pickup_branch_id";
const std::string kRowJoins = std::string(" FROM bookings bk") + kRowTables;

BookingRow bookingRowFrom(const pqxx::row &row)
{
    BookingRow booking;
    booking.id = row[0].as<qint64>();
    booking.carId = row[1].as<qint64>();
    booking.stockNumber = textOf(row[2]);
    booking.car = textOf(row[3]);
    booking.customerId = row[4].as<qint64>();
    booking.customer = textOf(row[5]);
    booking.pickup = utcTimeOf(row[6]);
    booking.returned = utcTimeOf(row[7]);
    booking.status = textOf(row[8]);
    booking.pickupBranch = textOf(row[9]);
    booking.totalCents = row[10].as<qint64>();
    booking.balanceCents = row[11].as<qint64>();
    booking.depositHeldCents = row[12].as<qint64>();
    booking.overdue = row[13].as<bool>();
    return booking;
}

} // namespace

Result<void> BookingService::addPayment(Database &database, qint64 bookingId, const QString &kind, qint64 cents,
                                        const QString &method, const QString &note)
{
    static const QStringList kinds{QStringLiteral("payment"), QStringLiteral("refund"), QStringLiteral("deposit"),
                                   QStringLiteral("deposit_return")};
    static const QStringList methods{QStringLiteral("card"), QStringLiteral("cash"), QStringLiteral("transfer")};
    if (!kinds.contains(kind) || !methods.contains(method))
        return std::unexpected(Error{Error::Code::InvalidInput, tr("Choose the kind of payment and how it was paid.")});
    if (cents <= 0)
        return std::unexpected(Error{Error::Code::InvalidInput, tr("Enter an amount above zero.")});
    return database.guard([&](pqxx::connection &connection) -> Result<void> {
        pqxx::work work(connection);
        const auto booking = lockBooking(work, bookingId);
        if (!booking)
            return std::unexpected(booking.error());
        const pqxx::row held =
            work.exec_params1("SELECT (paid * 100)::bigint, (deposit_held * 100)::bigint, "
                              "coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'currency'), 'EUR') "
                              "FROM booking_balances WHERE booking_id = $1",
                              bookingId);
        const QString currency = textOf(held[2]);
        if (kind == QLatin1String("refund") && cents > held[0].as<qint64>())
            return std::unexpected(Error{Error::Code::InvalidInput,
                                         tr("A refund cannot be more than the %1 paid for booking #%2. Enter at most "
                                            "that amount.")
                                             .arg(Money::format(held[0].as<qint64>(), currency))
                                             .arg(bookingId)});
        if (kind == QLatin1String("deposit_return") && cents > held[1].as<qint64>())
            return std::unexpected(Error{Error::Code::InvalidInput,
                                         tr("Only %1 of deposit is held for booking #%2. Enter at most that amount.")
                                             .arg(Money::format(held[1].as<qint64>(), currency))
                                             .arg(bookingId)});
        work.exec_params("INSERT INTO booking_payments (booking_id, kind, amount, method, note) "
                         "VALUES ($1, $2, $3::numeric, $4, $5)",
                         bookingId, kind.toStdString(), numericText(cents), method.toStdString(), note.toStdString());
        QJsonObject payload = bookingPayload(bookingId, *booking);
        payload.insert(QStringLiteral("payment"), kind);
        payload.insert(QStringLiteral("amount"), QString::fromStdString(numericText(cents)));
        payload.insert(QStringLiteral("method"), method);
        Outbox::publish(work, QStringLiteral("booking.changed"), QStringLiteral("booking:%1").arg(bookingId), payload);
        work.commit();
        return {};
    });
}

Result<BookingDetails> BookingService::details(Database &database, qint64 bookingId)
{
    return database.guard([&](pqxx::connection &connection) -> Result<BookingDetails> {
        pqxx::read_transaction work(connection);
        const pqxx::result result = work.exec_params(
            std::string("SELECT ") + kRowColumns +
                ", (bk.daily_rate * 100)::bigint, (bk.deposit * 100)::bigint, bk.km_per_day, "
                "(bk.extra_km_rate * 100)::bigint, bk.extras::text, bk.notes, bk.damage_notes, bk.pickup_mileage_km, "
                "bk.pickup_fuel_pct, bk.return_mileage_km, bk.return_fuel_pct, "
                "(extract(epoch FROM bk.picked_up_at) * 1000)::bigint, "
                "(extract(epoch FROM bk.returned_at) * 1000)::bigint, bk.created_by, "
                "(extract(epoch FROM bk.created_at) * 1000)::bigint, coalesce(c.mileage_km, 0)" +
                kRowJoins + " WHERE bk.id = $1",
            bookingId);
        if (result.empty())
            return std::unexpected(Error{Error::Code::NotFound, tr("Booking #%1 is no longer there.").arg(bookingId)});
        const pqxx::row row = result[0];
        BookingDetails details;
        details.row = bookingRowFrom(row);
        details.dailyCents = row[14].as<qint64>();
        details.depositCents = row[15].as<qint64>();
        details.kmPerDay = intOf(row[16]);
        details.extraKmCents = row[17].as<qint64>();
        details.extras = extrasFrom(row[18].as<std::string>());
        details.notes = textOf(row[19]);
        details.damageNotes = textOf(row[20]);
        details.pickupMileageKm = intOf(row[21]);
        details.pickupFuelPercent = intOf(row[22]);
        details.returnMileageKm = intOf(row[23]);
        details.returnFuelPercent = intOf(row[24]);
        if (!row[25].is_null())
            details.pickedUpAt = utcTimeOf(row[25]);
        if (!row[26].is_null())
            details.returnedAt = utcTimeOf(row[26]);
        details.createdBy = textOf(row[27]);
        details.createdAt = utcTimeOf(row[28]);
        details.carMileageKm = row[29].as<int>();
        for (const pqxx::row &payment :
             work.exec_params("SELECT id, kind, (amount * 100)::bigint, method, note, taken_by, "
                              "(extract(epoch FROM taken_at) * 1000)::bigint FROM booking_payments "
                              "WHERE booking_id = $1 ORDER BY taken_at, id",
                              bookingId)) {
            details.payments << BookingPayment{payment[0].as<qint64>(), textOf(payment[1]), payment[2].as<qint64>(),
                                               textOf(payment[3]),      textOf(payment[4]), textOf(payment[5]),
                                               utcTimeOf(payment[6])};
        }
        return details;
    });
}

namespace {

// The list's order. The id breaks ties, so that every row has one place.
KeysetOrder orderOf(const BookingQuery &query)
{
    static const std::array<KeysetOrder::Key, size_t(BookingColumn::Count)> keys = {{
        {"bk.id", "bigint"},
        {"bk.pickup_at", "timestamptz"},
        {"bk.return_at", "timestamptz"},
        {"c.stock_number", "text"},
        {"u.full_name", "text"},
        {"bk.status", "text"},
        {"coalesce(pb.code, '')", "text"},
        {"bk.total", "numeric"},
        {"bb.balance", "numeric"},
    }};
    return KeysetOrder({keys.at(size_t(query.sortColumn))}, "bk.id", query.sortOrder,
                       query.sortColumn == BookingColumn::Id);
}

// " FROM bookings bk … WHERE …": the bookings that pass the filter, with the tables the filter and the
// sort order read (and no others: a count or a page in pick-up order joins nothing it does not need).
std::string fromWhere(const BookingQuery &query, std::vector<std::string> &params)
{
    const BookingFilter &filter = query.filter;
    const QStringList words = filter.text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const bool text = !words.isEmpty();
    std::string sql = " FROM bookings bk";
    const bool carDays = filter.hasFigureConditions();
    if (text || carDays || query.sortColumn == BookingColumn::Car)
        sql += " JOIN cars c ON c.id = bk.car_id";
    if (carDays)
        sql += " LEFT JOIN branches cb ON cb.id = c.branch_id";
    if (text || query.sortColumn == BookingColumn::Customer)
        sql += " JOIN customers u ON u.id = bk.customer_id";
    if (!filter.location.isEmpty() || query.sortColumn == BookingColumn::Branch)
        sql += " LEFT JOIN branches pb ON pb.id = bk.pickup_branch_id";
    if (query.sortColumn == BookingColumn::Balance)
        sql += " JOIN booking_balances bb ON bb.booking_id = bk.id";
    sql += " WHERE true";
    // The bookings that meet the period: their [pick-up, return) overlaps it. As a range, so that the
    // period index (migration 0002) can answer.
    if (filter.from.isValid() || filter.to.isValid()) {
        const auto bound = [&](const QDateTime &time) {
            return time.isValid() ? param(params, utcText(time), "timestamptz") : std::string("NULL");
        };
        sql += " AND tstzrange(bk.pickup_at, bk.return_at, '[)') && tstzrange(" + bound(filter.from) + ", " +
               bound(filter.to) + ", '[)')";
    }
    if (!filter.statuses.isEmpty())
        sql += " AND bk.status = ANY(" + param(params, textArray(filter.statuses), "text[]") + ")";
    if (filter.customerId > 0)
        sql += " AND bk.customer_id = " + param(params, std::to_string(filter.customerId), "bigint");
    if (filter.carId > 0)
        sql += " AND bk.car_id = " + param(params, std::to_string(filter.carId), "bigint");
    if (!filter.location.isEmpty())
        sql += " AND pb.code = " + param(params, filter.location.toStdString());
    for (const QString &word : words) {
        sql += " AND (u.full_name || ' ' || c.stock_number || ' ' || c.make || ' ' || c.model) ILIKE " +
               param(params, likePattern(word));
    }
    if (filter.overdueOnly)
        sql += " AND bk.status = 'active' AND bk.return_at < now()";
    // The dashboards' days: at the car's branch.
    const auto days = [&](const char *time, const QDate &from, const QDate &to) {
        const std::string day = std::string("(") + time + " AT TIME ZONE coalesce(cb.time_zone, 'UTC'))::date";
        if (from.isValid())
            sql += " AND " + day + " >= " + param(params, from.toString(Qt::ISODate).toStdString(), "date");
        if (to.isValid())
            sql += " AND " + day + " <= " + param(params, to.toString(Qt::ISODate).toStdString(), "date");
    };
    days("bk.pickup_at", filter.pickupFrom, filter.pickupTo);
    if (filter.returnedFrom.isValid() || filter.returnedTo.isValid())
        sql += " AND bk.returned_at IS NOT NULL";
    days("bk.returned_at", filter.returnedFrom, filter.returnedTo);
    if (!filter.carLocation.isEmpty())
        sql += " AND cb.code = " + param(params, filter.carLocation.toStdString());
    if (!filter.carModels.isEmpty())
        sql += " AND c.make || ' ' || c.model = ANY(" + param(params, textArray(filter.carModels), "text[]") + ")";
    return sql;
}

} // namespace

Result<QList<BookingRow>> BookingService::list(Database &database, const BookingFilter &filter, int limit)
{
    PageRequest request;
    request.limit = limit;
    auto rows = page(database, BookingQuery{filter}, request);
    if (!rows)
        return std::unexpected(rows.error());
    return rows->rows;
}

Result<KeyedPage<BookingRow>> BookingService::page(Database &database, const BookingQuery &query,
                                                   const PageRequest &request)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        std::vector<std::string> params;
        const KeysetOrder order = orderOf(query);
        const std::string where = fromWhere(query, params);
        const std::string sql = order.page(request, kRowColumns, where,
                                           std::string(" JOIN bookings bk ON bk.id = k.id") + kRowTables, params);
        return order.readPage(work.exec_params(sql, pqxx::prepare::make_dynamic_params(params)), request,
                              bookingRowFrom);
    });
}

Result<qint64> BookingService::count(Database &database, const BookingQuery &query)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        std::vector<std::string> params;
        BookingQuery unsorted = query; // the order's tables are not needed to count
        unsorted.sortColumn = BookingColumn::Id;
        const std::string sql = "SELECT count(*)" + fromWhere(unsorted, params);
        return work.exec_params(sql, pqxx::prepare::make_dynamic_params(params))[0][0].as<qint64>();
    });
}

Result<QList<PageKey>> BookingService::anchors(Database &database, const BookingQuery &query, int step)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        std::vector<std::string> params;
        const KeysetOrder order = orderOf(query);
        const std::string where = fromWhere(query, params);
        return order.keysOf(work.exec_params(order.anchors(where, step), pqxx::prepare::make_dynamic_params(params)));
    });
}

Result<Timeline> BookingService::timeline(Database &database, const CarFilter &cars, const QDateTime &from,
                                          const QDateTime &to, int carLimit)
{
    if (!from.isValid() || !to.isValid() || to <= from)
        return std::unexpected(Error{Error::Code::InvalidInput, tr("Choose a period that ends after it starts.")});
    CarQuery query;
    query.filter = cars;
    std::vector<std::string> params;
    std::string carWhere = " WHERE true" + query.conditions(params);
    if (cars.statuses.isEmpty())
        carWhere += " AND c.status NOT IN ('sold', 'retired')";
    const std::string carSql =
        "SELECT c.id, c.stock_number, c.make || ' ' || c.model || ' ' || c.model_year, c.status, coalesce(b.code, '') "
        "FROM cars c LEFT JOIN branches b ON b.id = c.branch_id" +
        carWhere + " ORDER BY c.stock_number LIMIT " + param(params, std::to_string(carLimit + 1), "integer");
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        Timeline timeline;
        timeline.from = from.toUTC();
        timeline.to = to.toUTC();
        QHash<qint64, int> indexOf;
        QList<qint64> ids;
        for (const pqxx::row &row : work.exec_params(carSql, pqxx::prepare::make_dynamic_params(params))) {
            if (timeline.cars.size() == carLimit) {
                timeline.truncated = true;
                break;
            }
            const qint64 id = row[0].as<qint64>();
            indexOf.insert(id, int(timeline.cars.size()));
            ids << id;
            timeline.cars << Timeline::Car{id, textOf(row[1]), textOf(row[2]), textOf(row[3]), textOf(row[4])};
        }
        for (const pqxx::row &row : work.exec_params(
                 // A completed booking ends where the car actually came back, early or late; its turnaround
                 // follows that return.
                 "SELECT bk.id, bk.car_id, (extract(epoch FROM bk.pickup_at) * 1000)::bigint, "
                 "  (extract(epoch FROM e.ends) * 1000)::bigint, "
                 "  (extract(epoch FROM e.ends + (bk.blocked_until - bk.return_at)) * 1000)::bigint, bk.status, "
                 "  u.full_name, bk.status = 'active' AND bk.return_at < now() "
                 "FROM bookings bk JOIN customers u ON u.id = bk.customer_id "
                 "CROSS JOIN LATERAL (SELECT CASE WHEN bk.status = 'completed' THEN coalesce(bk.returned_at, "
                 "  bk.return_at) ELSE bk.return_at END AS ends) e "
                 "WHERE bk.car_id = ANY($1::bigint[]) AND bk.status IN ('reserved', 'active', 'completed') "
                 "  AND bk.pickup_at < $3::timestamptz AND (bk.blocked_until > $2::timestamptz "
                 "    OR (bk.status = 'active' AND bk.return_at < now()) "
                 "    OR (bk.status = 'completed' AND e.ends + (bk.blocked_until - bk.return_at) > $2::timestamptz)) "
                 "ORDER BY bk.car_id, bk.pickup_at",
                 idArray(ids), utcText(from), utcText(to))) {
            timeline.bars << Timeline::Bar{row[0].as<qint64>(), indexOf.value(row[1].as<qint64>()),
                                           utcTimeOf(row[2]),   utcTimeOf(row[3]),
                                           utcTimeOf(row[4]),   textOf(row[5]),
                                           textOf(row[6]),      row[7].as<bool>()};
        }
        return timeline;
    });
}

Result<QList<CarRow>> BookingService::available(Database &database, const CarFilter &cars, const QDateTime &pickup,
                                                const QDateTime &returned, int limit)
{
    if (!pickup.isValid() || !returned.isValid() || returned <= pickup)
        return std::unexpected(Error{Error::Code::InvalidInput, tr("Choose a return time after the pick-up time.")});
    CarQuery query;
    query.filter = cars;
    std::vector<std::string> params;
    const std::string period = blockedRange(param(params, utcText(pickup)), param(params, utcText(returned)));
    const std::string sql =
        "SELECT c.id FROM cars c LEFT JOIN branches b ON b.id = c.branch_id "
        "WHERE c.status NOT IN ('sold', 'retired', 'in_service')" +
        query.conditions(params) +
        " AND NOT EXISTS (SELECT 1 FROM bookings bk WHERE bk.car_id = c.id AND bk.status IN ('reserved', 'active') "
        "AND tstzrange(bk.pickup_at, bk.blocked_until, '[)') && " +
        period + ") ORDER BY c.stock_number LIMIT " + param(params, std::to_string(limit), "integer");
    const auto ids = database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        QList<qint64> found;
        for (const pqxx::row &row : work.exec_params(sql, pqxx::prepare::make_dynamic_params(params)))
            found << row[0].as<qint64>();
        return found;
    });
    if (!ids)
        return std::unexpected(ids.error());
    return FleetService::rows(database, *ids);
}

Result<RentalRates> BookingService::suggestedRates(Database &database, qint64 carId)
{
    const auto rates = suggestedRates(database, QList<qint64>{carId});
    if (!rates)
        return std::unexpected(rates.error());
    if (!rates->contains(carId))
        return std::unexpected(
            Error{Error::Code::NotFound, tr("The car is no longer in the fleet. Choose another car.")});
    return rates->value(carId);
}

Result<QHash<qint64, RentalRates>> BookingService::suggestedRates(Database &database, const QList<qint64> &carIds)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        QHash<qint64, RentalRates> rates;
        for (const pqxx::row &row : work.exec_params(
                 "SELECT c.id, coalesce((SELECT (daily_rate * 100)::bigint FROM bookings WHERE car_id = c.id "
                 "                       ORDER BY created_at DESC LIMIT 1), "
                 "                      greatest(2500, round(c.list_price * 0.0012) * 100)::bigint) "
                 "FROM cars c WHERE c.id = ANY($1::bigint[])",
                 idArray(carIds))) {
            RentalRates suggested;
            suggested.dailyCents = row[1].as<qint64>();
            suggested.weeklyCents = suggested.dailyCents * 6;
            rates.insert(row[0].as<qint64>(), suggested);
        }
        return rates;
    });
}

QString BookingService::statusLabel(const QString &status)
{
    if (status == QLatin1String("reserved"))
        return tr("Reserved");
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("completed"))
        return tr("Completed");
    if (status == QLatin1String("cancelled"))
        return tr("Cancelled");
    if (status == QLatin1String("no_show"))
        return tr("No-show");
    return status;
}

std::optional<BookingReminder> BookingService::reminder(pqxx::transaction_base &transaction, qint64 bookingId,
                                                        bool pickup, const QDateTime &at)
{
    const pqxx::result booking = transaction.exec_params(
        "SELECT b.created_by, b.car_id, c.stock_number, c.make || ' ' || c.model, u.full_name, u.phone "
        "FROM bookings b JOIN cars c ON c.id = b.car_id JOIN customers u ON u.id = b.customer_id "
        "WHERE b.id = $1 AND b.status = $2 AND (CASE WHEN $3 THEN b.pickup_at ELSE b.return_at END) = "
        "  to_timestamp($4 / 1000.0)",
        bookingId, pickup ? "reserved" : "active", pickup, at.toMSecsSinceEpoch());
    if (booking.empty())
        return std::nullopt;
    const pqxx::row row = booking[0];
    return BookingReminder{textOf(row[0]), row[1].as<qint64>(), textOf(row[2]),
                           textOf(row[3]), textOf(row[4]),      textOf(row[5])};
}

#include "BookingService.h"

#include "FleetService.h"
#include "db/Database.h"
#include "db/SqlArray.h"
#include "domain/CarVocabulary.h"
#include "events/Outbox.h"

#include <QJsonObject>
#include <QLocale>
#include <QSet>

#include <pqxx/pqxx>

namespace {

constexpr int kAlternatives = 5;
// The time a new booking from $2 to $3 blocks its car, as the exclusion constraint sees it: to the return
// plus the turnaround buffer a new booking gets (the bookings.turnaround default).
constexpr const char *kBlockedRange = "tstzrange($2::timestamptz, $3::timestamptz + booking_turnaround(), '[)')";

std::string utcText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

QDateTime timeOf(const pqxx::field &field)
{
    return QDateTime::fromMSecsSinceEpoch(field.as<qint64>(), Qt::UTC);
}

QString deskTime(const QDateTime &time, const QTimeZone &zone)
{
    return QLocale().toString(time.toTimeZone(zone), QStringLiteral("ddd d MMM HH:mm"));
}

// Cents as the numeric text PostgreSQL reads: "18900.50".
std::string money(qint64 cents)
{
    return QStringLiteral("%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0')).toStdString();
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
std::string firstBlocker(const char *car, const char *from, const char *to, const char *turnaround)
{
    return std::string("SELECT id, (extract(epoch FROM pickup_at) * 1000)::bigint AS pickup_ms, "
                       "(extract(epoch FROM return_at) * 1000)::bigint AS return_ms FROM bookings WHERE car_id = ") +
           car + " AND status IN ('reserved', 'active') AND tstzrange(pickup_at, blocked_until, '[)') && tstzrange(" +
           from + ", " + to + " + " + turnaround + ", '[)') ORDER BY pickup_at LIMIT 1";
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
    return Blocker{row[column].as<qint64>(), timeOf(row[column + 1]), timeOf(row[column + 2])};
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

} // namespace

Result<Booking> BookingService::create(Database &database, const BookingRequest &request)
{
    const auto quote =
        RentalPricing::quote(request.pickup, request.returned, request.zone, request.rates, request.extras);
    if (!quote)
        return std::unexpected(quote.error());
    if (request.depositCents < 0)
        return std::unexpected(Error{Error::Code::InvalidInput, tr("The deposit cannot be below zero.")});

    return database.guard([&](pqxx::connection &connection) -> Result<Booking> {
        pqxx::work work(connection);
        // One statement: lock the car against a status change, check the customer, insert, and on a refusal
        // name the booking in the way. bookings_no_overlap refuses an overlap as the arbiter of ON CONFLICT: no
        // error and no dead row, and two desks inserting overlapping bookings at once wait for each other
        // instead of deadlocking in the exclusion check. The turnaround (the column's default) is read once: a
        // SQL function is parsed and planned at every call.
        const pqxx::result row = execPrepared(
            work, "booking_create",
            "WITH car AS (SELECT stock_number, status, status NOT IN ('sold', 'retired', 'in_service') AS bookable "
            "  FROM cars WHERE id = $1 FOR SHARE), "
            "customer AS (SELECT FROM customers WHERE id = $2), "
            "buffer AS (SELECT booking_turnaround() AS turnaround), "
            "booking AS (INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, total, "
            "  deposit, notes, turnaround) SELECT $1, $2, $3::timestamptz, $4::timestamptz, $5::numeric, "
            "  $6::numeric, $7::numeric, $8::text, turnaround FROM car, buffer "
            "  WHERE bookable AND EXISTS (SELECT FROM customer) "
            "  ON CONFLICT ON CONSTRAINT bookings_no_overlap DO NOTHING RETURNING id) "
            "SELECT stock_number, status, bookable, EXISTS (SELECT FROM customer), (SELECT id FROM booking), "
            "  (SELECT turnaround::text FROM buffer), blocker.* FROM car LEFT JOIN LATERAL (" +
                firstBlocker("$1", "$3::timestamptz", "$4::timestamptz", "(SELECT turnaround FROM buffer)") +
                ") blocker ON bookable AND NOT EXISTS (SELECT FROM booking)",
            request.carId, request.customerId, utcText(request.pickup), utcText(request.returned),
            money(request.rates.dailyCents), money(quote->totalCents), money(request.depositCents),
            request.notes.toStdString());
        if (row.empty())
            return std::unexpected(
                Error{Error::Code::NotFound, tr("The car is no longer in the fleet. Choose another car.")});
        const QString stockNumber = QString::fromStdString(row[0][0].as<std::string>());
        const QString status = QString::fromStdString(row[0][1].as<std::string>());
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
                         {QStringLiteral("total"), QString::fromStdString(money(quote->totalCents))}});
        work.commit();
        return Booking{id,
                       request.carId,
                       request.customerId,
                       request.pickup.toUTC(),
                       request.returned.toUTC(),
                       QStringLiteral("reserved"),
                       *quote};
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
                                                         std::string(kBlockedRange),
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
};

// The booking, locked for the change, or NotFound.
Result<LockedBooking> lockBooking(pqxx::transaction_base &work, qint64 id)
{
    const pqxx::result row = work.exec_params(
        "SELECT b.car_id, b.status, c.stock_number, u.full_name, coalesce(u.licence_expiry::text, ''), "
        "  (extract(epoch FROM b.pickup_at) * 1000)::bigint, (extract(epoch FROM b.return_at) * 1000)::bigint, "
        "  (b.daily_rate * 100)::bigint, (b.total * 100)::bigint, b.pickup_mileage_km "
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
    booking.status = QString::fromStdString(row[0][1].as<std::string>());
    booking.stockNumber = QString::fromStdString(row[0][2].as<std::string>());
    booking.customer = QString::fromStdString(row[0][3].as<std::string>());
    booking.licenceExpiry = QDate::fromString(QString::fromStdString(row[0][4].as<std::string>()), Qt::ISODate);
    booking.pickup = timeOf(row[0][5]);
    booking.returned = timeOf(row[0][6]);
    booking.dailyCents = row[0][7].as<qint64>();
    booking.totalCents = row[0][8].as<qint64>();
    if (!row[0][9].is_null())
        booking.pickupMileage = row[0][9].as<int>();
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
            Error{Error::Code::InvalidInput,
                  BookingService::tr("Booking #%1 is %2, so it cannot be %3.").arg(id).arg(booking->status, action)});
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
        const int recorded =
            work.exec_params1("SELECT coalesce(mileage_km, 0) FROM cars WHERE id = $1", booking->carId)[0].as<int>();
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
        work.exec_params("UPDATE cars SET status = 'rented', mileage_km = $2 WHERE id = $1", booking->carId, mileageKm);
        Outbox::publish(work, QStringLiteral("booking.picked_up"), QStringLiteral("booking:%1").arg(bookingId),
                        bookingPayload(bookingId, *booking, mileageKm, fuelPercent));
        work.commit();
        return {};
    });
}

Result<qint64> BookingService::returnCar(Database &database, qint64 bookingId, int mileageKm, int fuelPercent,
                                         const QString &damageNotes, const QDateTime &at, const QTimeZone &zone)
{
    if (const auto invalid = checkReadings(mileageKm, fuelPercent))
        return std::unexpected(*invalid);
    return database.guard([&](pqxx::connection &connection) -> Result<qint64> {
        pqxx::work work(connection);
        const auto booking = lockBookingIn(work, bookingId, QLatin1String("active"), tr("returned"));
        if (!booking)
            return std::unexpected(booking.error());
        if (booking->pickupMileage && mileageKm < *booking->pickupMileage)
            return std::unexpected(Error{Error::Code::InvalidInput,
                                         tr("The mileage at return (%1 km) is below the mileage at pick-up (%2 km). "
                                            "Check the reading.")
                                             .arg(mileageKm)
                                             .arg(*booking->pickupMileage)});
        // Late: the days charged for the actual rental beyond those booked, at the daily rate.
        const RentalRates rates{booking->dailyCents, std::nullopt};
        const int booked = RentalPricing::chargeableDays(booking->pickup, booking->returned, zone, rates.graceMinutes);
        const int used =
            RentalPricing::chargeableDays(booking->pickup, std::max(at, booking->returned), zone, rates.graceMinutes);
        const qint64 extraCents = qint64(std::max(0, used - booked)) * booking->dailyCents;
        const qint64 total = booking->totalCents + extraCents;
        work.exec_params("UPDATE bookings SET status = 'completed', returned_at = $2::timestamptz, "
                         "return_mileage_km = $3, return_fuel_pct = $4, damage_notes = $5, total = $6::numeric, "
                         "updated_at = now(), version = version + 1 WHERE id = $1",
                         bookingId, utcText(at), mileageKm, fuelPercent, damageNotes.toStdString(), money(total));
        work.exec_params("UPDATE cars SET status = 'available', mileage_km = greatest(mileage_km, $2) WHERE id = $1",
                         booking->carId, mileageKm);
        QJsonObject payload = bookingPayload(bookingId, *booking, mileageKm, fuelPercent);
        payload.insert(QStringLiteral("extra_days"), std::max(0, used - booked));
        payload.insert(QStringLiteral("total"), QString::fromStdString(money(total)));
        Outbox::publish(work, QStringLiteral("booking.returned"), QStringLiteral("booking:%1").arg(bookingId), payload);
        work.commit();
        return total;
    });
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

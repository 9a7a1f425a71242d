#include "BookingService.h"

#include "FleetService.h"
#include "db/Database.h"
#include "db/Savepoint.h"
#include "domain/CarVocabulary.h"
#include "events/Outbox.h"

#include <QJsonObject>
#include <QLocale>

#include <pqxx/pqxx>

namespace {

// The time a booking from $2 to $3 blocks its car: to the return plus the turnaround buffer (the
// bookings.turnaround default), as the exclusion constraint sees it.
constexpr int kAlternatives = 5;
constexpr const char *kBlockedRange = "tstzrange($2::timestamptz, $3::timestamptz + interval '2 hours', '[)')";

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

// The sentence for a refused overlap: the first live booking of the car that blocks the period.
Error overlapError(pqxx::transaction_base &work, const BookingRequest &request, const QString &stockNumber)
{
    const pqxx::result other = work.exec_params(
        "SELECT id, (extract(epoch FROM pickup_at) * 1000)::bigint, (extract(epoch FROM return_at) * 1000)::bigint "
        "FROM bookings WHERE car_id = $1 AND status IN ('reserved', 'active') "
        "  AND tstzrange(pickup_at, blocked_until, '[)') && " +
            std::string(kBlockedRange) + " ORDER BY pickup_at LIMIT 1",
        request.carId, utcText(request.pickup), utcText(request.returned));
    if (other.empty())
        return {Error::Code::Overlap,
                BookingService::tr("Car #%1 is already booked for part of that time. Choose another time or car.")
                    .arg(stockNumber)};
    const QDateTime from = timeOf(other[0][1]);
    const QDateTime to = timeOf(other[0][2]);
    const bool onlyTheBuffer = request.pickup >= to || request.returned <= from;
    QString message = BookingService::tr("Car #%1 is already booked from %2 to %3 (booking #%4).")
                          .arg(stockNumber, deskTime(from, request.zone), deskTime(to, request.zone))
                          .arg(other[0][0].as<qint64>());
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
        const pqxx::result car =
            work.exec_params("SELECT stock_number, status FROM cars WHERE id = $1 FOR SHARE", request.carId);
        if (car.empty())
            return std::unexpected(
                Error{Error::Code::NotFound, tr("The car is no longer in the fleet. Choose another car.")});
        const QString stockNumber = QString::fromStdString(car[0][0].as<std::string>());
        const QString status = QString::fromStdString(car[0][1].as<std::string>());
        if (status == QLatin1String("sold") || status == QLatin1String("retired") ||
            status == QLatin1String("in_service"))
            return std::unexpected(
                Error{Error::Code::InvalidInput,
                      tr("Car #%1 is %2 and cannot be booked. Choose another car.")
                          .arg(stockNumber, CarVocabulary::label(CarVocabulary::Kind::Status, status).toLower())});
        if (work.exec_params("SELECT 1 FROM customers WHERE id = $1", request.customerId).empty())
            return std::unexpected(
                Error{Error::Code::NotFound, tr("The customer is no longer on file. Choose or add the customer.")});

        std::optional<qint64> id;
        {
            Savepoint attempt(work, "booking");
            try {
                id = attempt
                         .exec_params1("INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, "
                                       "total, deposit, notes) VALUES ($1, $2, $3::timestamptz, $4::timestamptz, "
                                       "$5::numeric, $6::numeric, $7::numeric, $8) RETURNING id",
                                       request.carId, request.customerId, utcText(request.pickup),
                                       utcText(request.returned), money(request.rates.dailyCents),
                                       money(quote->totalCents), money(request.depositCents),
                                       request.notes.toStdString())[0]
                         .as<qint64>();
                attempt.commit();
            } catch (const pqxx::sql_error &error) {
                if (error.sqlstate() != "23P01")
                    throw;
                attempt.abort();
            }
        }
        if (!id)
            return std::unexpected(overlapError(work, request, stockNumber));

        Outbox::publish(work, QStringLiteral("booking.created"), QStringLiteral("booking:%1").arg(*id),
                        {{QStringLiteral("id"), *id},
                         {QStringLiteral("car_id"), request.carId},
                         {QStringLiteral("stock_number"), stockNumber},
                         {QStringLiteral("customer_id"), request.customerId},
                         {QStringLiteral("pickup_at"), request.pickup.toUTC().toString(Qt::ISODate)},
                         {QStringLiteral("return_at"), request.returned.toUTC().toString(Qt::ISODate)},
                         {QStringLiteral("total"), QString::fromStdString(money(quote->totalCents))}});
        work.commit();
        return Booking{*id,
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
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        // The same test as the constraint: a live booking whose blocked time meets the new one.
        QList<CarRow> free;
        for (const SimilarCar &car : *similar) {
            const bool taken = !work.exec_params("SELECT 1 FROM bookings WHERE car_id = $1 "
                                                 "AND status IN ('reserved', 'active') "
                                                 "AND tstzrange(pickup_at, blocked_until, '[)') && " +
                                                     std::string(kBlockedRange) + " LIMIT 1",
                                                 car.row.id, utcText(pickup), utcText(returned))
                                    .empty();
            if (!taken)
                free << car.row;
            if (free.size() == kAlternatives)
                break;
        }
        return free;
    });
}

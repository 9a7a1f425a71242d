#pragma once

#include "Error.h"
#include "domain/Booking.h"
#include "domain/BookingDetails.h"
#include "domain/BookingFilter.h"
#include "domain/BookingReminder.h"
#include "domain/BookingRequest.h"
#include "domain/BookingRow.h"
#include "domain/CarFilter.h"
#include "domain/CarRow.h"
#include "domain/RentalPricing.h"
#include "domain/Timeline.h"
#include "services/PageRequest.h"

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
struct BookingQuery;

// Bookings. The database refuses a double booking by itself (bookings_no_overlap, with the
// turnaround buffer after each return); the service turns that refusal into a sentence that names the
// other booking, and writes every change with its event. Blocking: call on a database thread.
class BookingService
{
    Q_DECLARE_TR_FUNCTIONS(BookingService)

public:
    // Reserves the car, priced from its class's rate card (kept on the booking with the desk's override and its
    // reason), or from request.rates for a car without a class: refused when the car cannot be rented (sold, retired,
    // in service), the car or customer is unknown, the period is empty or backwards, or the car is booked then
    // (Error::Code:: Overlap: "Car #A1234 is already booked from Tue 5 May 14:00 to Fri 8 May 10:00 (booking #5521).").
    static Result<Booking> create(Database &database, const BookingRequest &request);

    // Hands the car over: the booking must be reserved and due (at most two hours early), the customer's
    // driving licence valid on the day, a deposit held where the branch requires one (RentalSettings::
    // depositRequired), and the car back from any earlier rental and rentable; records
    // mileage and fuel, makes the booking active and the car rented (booking.picked_up).
    static Result<void> pickUp(Database &database, qint64 bookingId, int mileageKm, int fuelPercent,
                               const QDateTime &at, const QTimeZone &zone = QTimeZone::systemTimeZone());
    // Takes the car back and settles it: RentalDeskService::settleReturn with these readings (no damage lines, no
    // cleaning, the branch's early-return rule), so the bill, its invoice and the deposit are written as at the
    // desk. `zone` counts the days of a booking priced before rate cards. Returns the bill's gross in cents.
    static Result<qint64> returnCar(Database &database, qint64 bookingId, int mileageKm, int fuelPercent,
                                    const QString &damageNotes, const QDateTime &at,
                                    const QTimeZone &zone = QTimeZone::systemTimeZone());
    // A reserved booking that will not happen: cancelled, or the customer did not come (no-show).
    static Result<void> cancel(Database &database, qint64 bookingId, bool noShow = false);

    // Moves a reserved booking to another time or car, priced again at its rates (booking.changed).
    // Refused like create() when the new time overlaps another booking.
    static Result<Booking> reschedule(Database &database, qint64 bookingId, qint64 carId, const QDateTime &pickup,
                                      const QDateTime &returned, const QTimeZone &zone = QTimeZone::systemTimeZone());
    // Records money taken or given back (booking.changed). Refunds and deposit returns cannot exceed what
    // was taken.
    static Result<void> addPayment(Database &database, qint64 bookingId, const QString &kind, qint64 cents,
                                   const QString &method, const QString &note = {});

    static Result<BookingDetails> details(Database &database, qint64 bookingId);
    // Bookings matching `filter`, by pick-up time, at most `limit`.
    static Result<QList<BookingRow>> list(Database &database, const BookingFilter &filter, int limit = 5000);
    // The Bookings list a page at a time (see KeysetOrder and BookingListModel): its rows, how many there
    // are, and the key of every `step`-th row for jumps into the middle.
    static Result<KeyedPage<BookingRow>> page(Database &database, const BookingQuery &query,
                                              const PageRequest &request);
    static Result<qint64> count(Database &database, const BookingQuery &query);
    static Result<QList<PageKey>> anchors(Database &database, const BookingQuery &query, int step);
    // The cars passing the Fleet filter `cars` (sold and retired cars left out unless asked for), by stock
    // number, at most `carLimit`, and their bookings that meet [from, to).
    static Result<Timeline> timeline(Database &database, const CarFilter &cars, const QDateTime &from,
                                     const QDateTime &to, int carLimit = 2000);
    // Cars passing the Fleet filter that are free for the whole period, buffer included, and can be
    // rented (not sold, retired or in service), by stock number.
    static Result<QList<CarRow>> available(Database &database, const CarFilter &cars, const QDateTime &pickup,
                                           const QDateTime &returned, int limit = 200);
    // The rates the desk is offered for a car: those of its latest booking, else a daily rate from its
    // list price (0.12%, at least 25) and a week for the price of six days.
    static Result<RentalRates> suggestedRates(Database &database, qint64 carId);
    // The same for several cars at once (the car list of a new booking), by car id; cars no longer in the
    // fleet left out.
    static Result<QHash<qint64, RentalRates>> suggestedRates(Database &database, const QList<qint64> &carIds);

    // "Reserved", "Active", "Completed", "Cancelled", "No-show" for a status key.
    static QString statusLabel(const QString &status);

    // Available cars like `carId` (FleetService::similar) that are free for the whole period, buffer
    // included: what the desk is offered when the car is taken.
    static Result<QList<CarRow>> alternatives(Database &database, qint64 carId, const QDateTime &pickup,
                                              const QDateTime &returned);

    // For the pick-up (`pickup`) or return reminder of booking `bookingId` at `at` (in the worker's
    // transaction): whom to remind of what; nothing when the booking has moved, been cancelled or already been
    // handed over (or returned) since.
    static std::optional<BookingReminder> reminder(pqxx::transaction_base &transaction, qint64 bookingId, bool pickup,
                                                   const QDateTime &at);
};

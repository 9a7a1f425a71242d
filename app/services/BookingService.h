#pragma once

#include "Error.h"
#include "domain/CarRow.h"
#include "domain/RentalPricing.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

class Database;

// A reservation as the desk enters it.
struct BookingRequest
{
    qint64 carId = 0;
    qint64 customerId = 0;
    QDateTime pickup;
    QDateTime returned;
    RentalRates rates;
    QList<RentalExtra> extras;
    qint64 depositCents = 0;
    QString notes;
    QTimeZone zone = QTimeZone::systemTimeZone(); // the desk's: rental days and messages
};

struct Booking
{
    qint64 id = 0;
    qint64 carId = 0;
    qint64 customerId = 0;
    QDateTime pickup;
    QDateTime returned;
    QString status;
    RentalQuote quote;
};

// Bookings (issue 5). The database refuses a double booking by itself (bookings_no_overlap, with the
// turnaround buffer after each return); the service turns that refusal into a sentence that names the
// other booking, and writes every change with its event. Blocking: call on a database thread.
class BookingService
{
    Q_DECLARE_TR_FUNCTIONS(BookingService)

public:
    // Reserves the car: refused when the car cannot be rented (sold, retired, in service), the car or
    // customer is unknown, the period is empty or backwards, or the car is booked then (Error::Code::
    // Overlap: "Car #A1234 is already booked from Tue 5 May 14:00 to Fri 8 May 10:00 (booking #5521).").
    static Result<Booking> create(Database &database, const BookingRequest &request);

    // Hands the car over: the booking must be reserved and the customer's driving licence valid on the
    // day; records mileage and fuel, makes the booking active and the car rented (booking.picked_up).
    static Result<void> pickUp(Database &database, qint64 bookingId, int mileageKm, int fuelPercent,
                               const QDateTime &at, const QTimeZone &zone = QTimeZone::systemTimeZone());
    // Takes the car back: records mileage, fuel and damage, charges the days past the booked return
    // (after the grace period) at the daily rate, completes the booking and makes the car available
    // (booking.returned). Returns the booking's new total in cents.
    static Result<qint64> returnCar(Database &database, qint64 bookingId, int mileageKm, int fuelPercent,
                                    const QString &damageNotes, const QDateTime &at,
                                    const QTimeZone &zone = QTimeZone::systemTimeZone());
    // A reserved booking that will not happen: cancelled, or the customer did not come (no-show).
    static Result<void> cancel(Database &database, qint64 bookingId, bool noShow = false);

    // Available cars like `carId` (FleetService::similar) that are free for the whole period, buffer
    // included: what the desk is offered when the car is taken.
    static Result<QList<CarRow>> alternatives(Database &database, qint64 carId, const QDateTime &pickup,
                                              const QDateTime &returned);
};

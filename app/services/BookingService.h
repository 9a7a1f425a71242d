#pragma once

#include "Error.h"
#include "domain/CarFilter.h"
#include "domain/CarRow.h"
#include "domain/RentalPricing.h"
#include "services/PageRequest.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

class Database;
struct BookingQuery;

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
    std::optional<int> kmPerDay; // kilometres included per rental day; none: unlimited
    qint64 extraKmCents = 0;     // per kilometre beyond the allowance
    QString notes;
    QTimeZone zone = QTimeZone::systemTimeZone(); // the desk's: rental days and messages
};

// A booking as the lists and the timeline show it. Money in cents.
struct BookingRow
{
    qint64 id = 0;
    qint64 carId = 0;
    QString stockNumber;
    QString car; // "Toyota Corolla"
    qint64 customerId = 0;
    QString customer;
    QDateTime pickup;
    QDateTime returned;
    QString status; // reserved, active, completed, cancelled, no_show
    QString pickupBranch;
    qint64 totalCents = 0;
    qint64 balanceCents = 0; // owed by the customer; negative: in credit
    qint64 depositHeldCents = 0;
    bool overdue = false; // active and past its return time

    bool operator==(const BookingRow &other) const = default;
};

struct BookingPayment
{
    qint64 id = 0;
    QString kind; // payment, refund, deposit, deposit_return
    qint64 cents = 0;
    QString method; // card, cash, transfer
    QString note;
    QString takenBy;
    QDateTime takenAt;
};

// Everything about one booking, for its dialog.
struct BookingDetails
{
    BookingRow row;
    qint64 dailyCents = 0;
    qint64 depositCents = 0; // asked for
    std::optional<int> kmPerDay;
    qint64 extraKmCents = 0;
    QList<RentalExtra> extras;
    QString notes;
    QString damageNotes;
    std::optional<int> pickupMileageKm;
    std::optional<int> pickupFuelPercent;
    std::optional<int> returnMileageKm;
    std::optional<int> returnFuelPercent;
    QDateTime pickedUpAt;
    QDateTime returnedAt;
    QString createdBy;
    QDateTime createdAt;
    int carMileageKm = 0; // the car's odometer as last recorded: what a pick-up starts from
    QList<BookingPayment> payments;
};

// Which bookings a list shows: every condition is optional. A period keeps the bookings that meet it.
struct BookingFilter
{
    QDateTime from;
    QDateTime to;
    QStringList statuses;
    qint64 customerId = 0;
    qint64 carId = 0;
    QString location; // branch code of the pick-up
    QString text;     // in the customer's name, the stock number, make or model
    bool overdueOnly = false;

    bool operator==(const BookingFilter &other) const = default;
};

// The availability timeline: cars as rows, their bookings in a period as bars.
struct Timeline
{
    struct Car
    {
        qint64 id = 0;
        QString stockNumber;
        QString name; // "Toyota Corolla 2022"
        QString status;
        QString location;
    };
    struct Bar
    {
        qint64 bookingId = 0;
        int carIndex = 0; // into cars
        QDateTime pickup;
        QDateTime returned;
        QDateTime blockedUntil; // the return plus the turnaround buffer
        QString status;
        QString customer;
        bool overdue = false;
    };
    QDateTime from;
    QDateTime to;
    QList<Car> cars;
    QList<Bar> bars;
    bool truncated = false; // more cars matched than were loaded
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

    // Hands the car over: the booking must be reserved and due (at most two hours early), the customer's
    // driving licence valid on the day, and the car back from any earlier rental and rentable; records
    // mileage and fuel, makes the booking active and the car rented (booking.picked_up).
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
};

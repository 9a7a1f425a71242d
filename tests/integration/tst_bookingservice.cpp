#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "events/BookingReminders.h"
#include "services/BookingService.h"
#include "services/DemoDataService.h"

#include <QJsonDocument>
#include <QLocale>
#include <QTest>
#include <QtConcurrent>

#include <latch>

#include <pqxx/pqxx>

class TestBookingService : public QObject
{
    Q_OBJECT

    QString query(const std::string &sql) { return scalar(*m_database, sql); }

    void exec(const std::string &sql)
    {
        const QString error = execute(*m_database, sql);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // An available car that has no bookings yet.
    qint64 freeCar()
    {
        return query("SELECT min(id) FROM cars c WHERE status = 'available' AND NOT EXISTS "
                     "(SELECT 1 FROM bookings b WHERE b.car_id = c.id)")
            .toLongLong();
    }

    // "2054-06-01T10:00" in the desk's time zone.
    QDateTime at(const char *text) const
    {
        const QDateTime local = QDateTime::fromString(QString::fromLatin1(text), QStringLiteral("yyyy-MM-ddTHH:mm"));
        return QDateTime(local.date(), local.time(), m_zone);
    }

    BookingRequest request(qint64 car, const char *from, const char *to) const
    {
        BookingRequest booking;
        booking.carId = car;
        booking.customerId = m_customer;
        booking.zone = m_zone;
        booking.pickup = at(from);
        booking.returned = at(to);
        booking.rates.dailyCents = 4900;
        return booking;
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        m_db = std::make_unique<TestDatabase>(QStringLiteral("bookings"));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        m_database = m_db->openMigrated();
        QVERIFY(m_database);
        DemoDataOptions demo;
        demo.cars = 200;
        const auto generated = DemoDataService::generate(*m_database, demo);
        QVERIFY2(generated, qPrintable(generated ? QString() : generated.error().oneLine()));
        // These bookings are priced from the rates they are given: cars without a class (the rate cards are
        // tested in tst_rentaldesk).
        exec("UPDATE cars SET vehicle_class = NULL");
        exec("INSERT INTO customers (full_name, email, licence_number, licence_expiry) "
             "VALUES ('Anna Berger', 'anna@example.com', 'B072RRE2I55', '2058-01-31')");
        m_customer = query("SELECT max(id) FROM customers").toLongLong();
    }

    void cleanupTestCase()
    {
        m_database.reset();
        m_db.reset();
    }

    void createsWithItsTotalAndEvent()
    {
        const qint64 car = freeCar();
        const auto booking = BookingService::create(*m_database, request(car, "2054-06-01T10:00", "2054-06-04T09:00"));
        QVERIFY2(booking, qPrintable(booking ? QString() : booking.error().oneLine()));
        QCOMPARE(booking->quote.days, 3);
        QCOMPARE(query("SELECT total FROM bookings WHERE id = " + std::to_string(booking->id)),
                 QStringLiteral("147.00"));
        QCOMPARE(query("SELECT count(*) FROM outbox_events WHERE topic = 'booking.created' AND aggregate_key = "
                       "'booking:" +
                       std::to_string(booking->id) + "'"),
                 QStringLiteral("1"));
    }

    // The database refuses the overlap; the message names the other booking in the desk's time, and
    // free similar cars are offered.
    void refusesAnOverlapNamingTheOtherBooking()
    {
        const qint64 car = freeCar();
        const auto first = BookingService::create(*m_database, request(car, "2054-07-07T14:00", "2054-07-10T10:00"));
        QVERIFY(first);
        const auto second = BookingService::create(*m_database, request(car, "2054-07-09T09:00", "2054-07-12T09:00"));
        QVERIFY(!second);
        QCOMPARE(second.error().code, Error::Code::Overlap);
        const QString stock = query("SELECT stock_number FROM cars WHERE id = " + std::to_string(car));
        QCOMPARE(second.error().message, QStringLiteral("Car #%1 is already booked from Tue 7 Jul 14:00 to Fri 10 Jul "
                                                        "10:00 (booking #%2).")
                                             .arg(stock)
                                             .arg(first->id));
        const auto offered =
            BookingService::alternatives(*m_database, car, request(car, "2054-07-09T09:00", "x").pickup,
                                         request(car, "2054-07-12T09:00", "x").pickup);
        QVERIFY(offered);
        QVERIFY(!offered->isEmpty());
        for (const CarRow &row : *offered)
            QVERIFY(row.id != car);
        // An offered car booked meanwhile for that period is offered no more.
        const qint64 takenMeanwhile = offered->constFirst().id;
        QVERIFY(BookingService::create(*m_database, request(takenMeanwhile, "2054-07-11T09:00", "2054-07-13T09:00")));
        const auto offeredAgain =
            BookingService::alternatives(*m_database, car, at("2054-07-09T09:00"), at("2054-07-12T09:00"));
        QVERIFY(offeredAgain);
        for (const CarRow &row : *offeredAgain)
            QVERIFY(row.id != takenMeanwhile);
    }

    // After a return the car is blocked for the turnaround buffer (2 hours).
    void keepsTheTurnaroundBuffer()
    {
        const qint64 car = freeCar();
        QVERIFY(BookingService::create(*m_database, request(car, "2054-08-03T09:00", "2054-08-05T12:00")));
        const auto tooSoon = BookingService::create(*m_database, request(car, "2054-08-05T13:00", "2054-08-06T12:00"));
        QVERIFY(!tooSoon);
        QVERIFY2(tooSoon.error().message.contains(QStringLiteral("turnaround")), qPrintable(tooSoon.error().message));
        QVERIFY(BookingService::create(*m_database, request(car, "2054-08-05T14:00", "2054-08-06T12:00")));
    }

    void refusesWhatCannotBeBooked()
    {
        const qint64 car = freeCar();
        exec("UPDATE cars SET status = 'sold' WHERE id = " + std::to_string(car));
        const auto sold = BookingService::create(*m_database, request(car, "2054-09-01T10:00", "2054-09-02T10:00"));
        QVERIFY(!sold);
        QVERIFY2(sold.error().message.contains(QStringLiteral("is sold and cannot be booked")),
                 qPrintable(sold.error().message));

        const auto unknownCar =
            BookingService::create(*m_database, request(99'999'999, "2054-09-01T10:00", "2054-09-02T10:00"));
        QVERIFY(!unknownCar);
        QCOMPARE(unknownCar.error().code, Error::Code::NotFound);

        BookingRequest stranger = request(freeCar(), "2054-09-01T10:00", "2054-09-02T10:00");
        stranger.customerId = 99'999'999;
        const auto unknownCustomer = BookingService::create(*m_database, stranger);
        QVERIFY(!unknownCustomer);
        QVERIFY(unknownCustomer.error().message.contains(QStringLiteral("customer")));

        const auto backwards =
            BookingService::create(*m_database, request(freeCar(), "2054-09-02T10:00", "2054-09-01T10:00"));
        QVERIFY(!backwards);
        QVERIFY(backwards.error().message.contains(QStringLiteral("after the pick-up")));
        const auto empty =
            BookingService::create(*m_database, request(freeCar(), "2054-09-02T10:00", "2054-09-02T10:00"));
        QVERIFY(!empty);
        QVERIFY2(empty.error().message.contains(QStringLiteral("after the pick-up")),
                 qPrintable(empty.error().message));

        const qint64 serviced = freeCar();
        exec("UPDATE cars SET status = 'in_service' WHERE id = " + std::to_string(serviced));
        const auto inService =
            BookingService::create(*m_database, request(serviced, "2054-09-01T10:00", "2054-09-02T10:00"));
        QVERIFY(!inService);
        QVERIFY2(inService.error().message.contains(QStringLiteral("cannot be booked")),
                 qPrintable(inService.error().message));
        QCOMPARE(query("SELECT count(*) FROM bookings WHERE car_id IN (" + std::to_string(car) + ", " +
                       std::to_string(serviced) + ")"),
                 QStringLiteral("0"));
    }

    // Pick-up makes the booking active and the car rented; a return two days late charges two more
    // days, completes the booking and makes the car available; each step writes its event.
    void handsOverAndTakesBack()
    {
        const qint64 car = freeCar();
        const auto booking = BookingService::create(*m_database, request(car, "2054-06-10T10:00", "2054-06-12T10:00"));
        QVERIFY(booking);
        const std::string id = std::to_string(booking->id);
        const int odometer = query("SELECT mileage_km FROM cars WHERE id = " + std::to_string(car)).toInt();
        const auto misread =
            BookingService::pickUp(*m_database, booking->id, odometer - 1, 100, at("2054-06-10T10:05"), m_zone);
        QVERIFY(!misread);
        QVERIFY(misread.error().message.contains(QStringLiteral("is below the")));
        QVERIFY(BookingService::pickUp(*m_database, booking->id, odometer + 5, 100, at("2054-06-10T10:05"), m_zone));
        QCOMPARE(query("SELECT status FROM bookings WHERE id = " + id), QStringLiteral("active"));
        QCOMPARE(query("SELECT status FROM cars WHERE id = " + std::to_string(car)), QStringLiteral("rented"));

        const auto backwards =
            BookingService::returnCar(*m_database, booking->id, odometer, 80, {}, at("2054-06-12T09:00"), m_zone);
        QVERIFY(!backwards);
        QVERIFY(backwards.error().message.contains(QStringLiteral("below the mileage at pick-up")));

        const auto total =
            BookingService::returnCar(*m_database, booking->id, odometer + 855, 60,
                                      QStringLiteral("Scratch on the rear bumper"), at("2054-06-13T12:30"), m_zone);
        QVERIFY2(total, qPrintable(total ? QString() : total.error().oneLine()));
        // Booked 2 days, used 4 (3 days and 2.5 hours); 60 % of the tank is 4 eighths missing at 15.00 (a part
        // eighth counts).
        QCOMPARE(*total, qint64(4 * 4900 + 4 * 1500));
        QCOMPARE(query("SELECT status || ' ' || total || ' ' || return_mileage_km || ' ' || damage_notes FROM bookings "
                       "WHERE id = " +
                       id),
                 QStringLiteral("completed 256.00 %1 Scratch on the rear bumper").arg(odometer + 855));
        QCOMPARE(query("SELECT status || ' ' || mileage_km FROM cars WHERE id = " + std::to_string(car)),
                 QStringLiteral("available %1").arg(odometer + 855));
        QCOMPARE(query("SELECT string_agg(topic, ',' ORDER BY id) FROM outbox_events WHERE aggregate_key = 'booking:" +
                       id + "'"),
                 QStringLiteral("booking.created,booking.picked_up,booking.returned,booking.settled"));
    }

    void refusesTransitionsOutOfOrder()
    {
        const qint64 car = freeCar();
        const auto booking = BookingService::create(*m_database, request(car, "2054-06-20T10:00", "2054-06-21T10:00"));
        QVERIFY(booking);
        const auto early =
            BookingService::returnCar(*m_database, booking->id, 100, 50, {}, at("2054-06-21T10:00"), m_zone);
        QVERIFY(!early);
        QCOMPARE(early.error().message,
                 QStringLiteral("Booking #%1 is reserved, so it cannot be returned.").arg(booking->id));
        QVERIFY(BookingService::pickUp(*m_database, booking->id, 900'000, 100, at("2054-06-20T10:00"), m_zone));
        const auto cancelActive = BookingService::cancel(*m_database, booking->id);
        QVERIFY(!cancelActive);
        QVERIFY(cancelActive.error().message.contains(QStringLiteral("is active, so it cannot be cancelled")));
        QVERIFY(!BookingService::pickUp(*m_database, booking->id, 900'000, 100, at("2054-06-20T10:00"), m_zone));
        // The database refuses it too, whatever client writes.
        const auto direct = m_database->guard([&](pqxx::connection &connection) {
            pqxx::work work(connection);
            work.exec("UPDATE bookings SET status = 'reserved' WHERE id = " + std::to_string(booking->id));
            work.commit();
        });
        QVERIFY(!direct);
        QCOMPARE(direct.error().code, Error::Code::Constraint);
    }

    // A car still out on an overdue rental cannot be handed to the next customer, and a booking is not
    // handed over days before it starts.
    void refusesAHandOverWhileTheCarIsOutOrTooEarly()
    {
        const qint64 car = freeCar();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        BookingRequest late = request(car, "x", "x");
        late.pickup = now.addDays(-3);
        late.returned = now.addSecs(3600);
        const auto overdue = BookingService::create(*m_database, late);
        QVERIFY(overdue);
        const int km = query("SELECT mileage_km FROM cars WHERE id = " + std::to_string(car)).toInt();
        QVERIFY(BookingService::pickUp(*m_database, overdue->id, km, 100, late.pickup, m_zone));
        // A day later than it was due: a reservation cannot end in the past, so the rental's return moves back.
        exec("UPDATE bookings SET return_at = now() - interval '1 day' WHERE id = " + std::to_string(overdue->id));
        BookingRequest next = request(car, "x", "x");
        next.pickup = now.addSecs(-3600);
        next.returned = now.addDays(1);
        const auto waiting = BookingService::create(*m_database, next);
        QVERIFY2(waiting, qPrintable(waiting ? QString() : waiting.error().message));
        const auto stillOut = BookingService::pickUp(*m_database, waiting->id, km, 100, now, m_zone);
        QVERIFY(!stillOut);
        QVERIFY2(stillOut.error().message.contains(QStringLiteral("is still out with booking #%1").arg(overdue->id)),
                 qPrintable(stillOut.error().message));

        BookingRequest nextWeek = request(freeCar(), "x", "x");
        nextWeek.pickup = now.addDays(7);
        nextWeek.returned = now.addDays(8);
        const auto later = BookingService::create(*m_database, nextWeek);
        QVERIFY(later);
        const auto early = BookingService::pickUp(*m_database, later->id, 0, 100, now, m_zone);
        QVERIFY(!early);
        QVERIFY2(early.error().message.contains(QStringLiteral("move the booking to start now first")),
                 qPrintable(early.error().message));
        QCOMPARE(query("SELECT count(*) FROM bookings WHERE status = 'active' AND id IN (" +
                       std::to_string(waiting->id) + ", " + std::to_string(later->id) + ")"),
                 QStringLiteral("0"));
    }

    void refusesAPickUpWithAnExpiredLicence()
    {
        exec("INSERT INTO customers (full_name, licence_number, licence_expiry) VALUES ('Max Kurz', 'K1', "
             "'2054-05-31')");
        BookingRequest wanted = request(freeCar(), "2054-06-01T10:00", "2054-06-02T10:00");
        wanted.customerId = query("SELECT max(id) FROM customers").toLongLong();
        const auto booking = BookingService::create(*m_database, wanted);
        QVERIFY(booking);
        const auto refused =
            BookingService::pickUp(*m_database, booking->id, 900'000, 100, at("2054-06-01T10:00"), m_zone);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.startsWith(QStringLiteral("Max Kurz's driving licence expired on")),
                 qPrintable(refused.error().message));
        QCOMPARE(query("SELECT status FROM bookings WHERE id = " + std::to_string(booking->id)),
                 QStringLiteral("reserved"));
    }

    // A cancelled booking frees its period; a no-show is recorded as such; neither can happen twice.
    void cancelsAndRecordsNoShows()
    {
        const qint64 car = freeCar();
        const auto first = BookingService::create(*m_database, request(car, "2054-11-02T10:00", "2054-11-04T10:00"));
        QVERIFY(first);
        QVERIFY(BookingService::cancel(*m_database, first->id));
        QVERIFY(!BookingService::cancel(*m_database, first->id));
        const auto second = BookingService::create(*m_database, request(car, "2054-11-02T10:00", "2054-11-04T10:00"));
        QVERIFY(second);
        QVERIFY(BookingService::cancel(*m_database, second->id, true));
        QCOMPARE(
            query("SELECT string_agg(status, ',' ORDER BY id) FROM bookings WHERE car_id = " + std::to_string(car)),
            QStringLiteral("cancelled,no_show"));
        QCOMPARE(
            query("SELECT count(*) FROM outbox_events WHERE topic = 'booking.cancelled' AND payload->>'car_id' = '" +
                  std::to_string(car) + "'"),
            QStringLiteral("2"));
    }

    // The buffer a new booking gets comes from the settings; a booking keeps the buffer it was made with.
    void turnaroundComesFromTheSettings()
    {
        const qint64 car = freeCar();
        exec("UPDATE settings SET value = '\"30 minutes\"' WHERE key = 'booking_turnaround'");
        QVERIFY(BookingService::create(*m_database, request(car, "2054-08-10T09:00", "2054-08-10T12:00")));
        const auto shortBuffer =
            BookingService::create(*m_database, request(car, "2054-08-10T12:40", "2054-08-10T15:00"));
        exec("UPDATE settings SET value = '\"2 hours\"' WHERE key = 'booking_turnaround'");
        QVERIFY2(shortBuffer, qPrintable(shortBuffer ? QString() : shortBuffer.error().message));
        QCOMPARE(query("SELECT turnaround FROM bookings WHERE id = " + std::to_string(shortBuffer->id)),
                 QStringLiteral("00:30:00"));
        // 15:40 is past that booking's 30-minute buffer, though within two hours of its return.
        QVERIFY(BookingService::create(*m_database, request(car, "2054-08-10T15:40", "2054-08-10T16:00")));
        const auto inBuffer = BookingService::create(*m_database, request(car, "2054-08-10T17:00", "2054-08-10T18:00"));
        QVERIFY(!inBuffer); // the newest booking got two hours
    }

    // A booking across the autumn clock change is stored at the right instants and read back in desk time.
    void keepsDeskTimesAcrossDaylightSaving()
    {
        const qint64 car = freeCar();
        const auto booking = BookingService::create(*m_database, request(car, "2054-10-24T10:00", "2054-10-25T10:00"));
        QVERIFY(booking);
        QCOMPARE(booking->quote.days, 1); // 25 hours, one rental day
        QCOMPARE(query("SELECT to_char(pickup_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' ' || "
                       "to_char(return_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM bookings WHERE id = " +
                       std::to_string(booking->id)),
                 QStringLiteral("2054-10-24 08:00 2054-10-25 09:00"));
        const auto clash = BookingService::create(*m_database, request(car, "2054-10-25T09:00", "2054-10-26T09:00"));
        QVERIFY(!clash);
        QVERIFY2(clash.error().message.contains(QStringLiteral("from Sat 24 Oct 10:00 to Sun 25 Oct 10:00")),
                 qPrintable(clash.error().message));
    }

    void chargesKilometresBeyondTheAllowance()
    {
        const qint64 car = freeCar();
        BookingRequest wanted = request(car, "2054-09-01T10:00", "2054-09-03T10:00");
        wanted.kmPerDay = 100;
        wanted.extraKmCents = 25;
        const auto booking = BookingService::create(*m_database, wanted);
        QVERIFY(booking);
        const int odometer = query("SELECT mileage_km FROM cars WHERE id = " + std::to_string(car)).toInt();
        QVERIFY(BookingService::pickUp(*m_database, booking->id, odometer, 100, wanted.pickup, m_zone));
        // 350 km over two days with 200 included: 150 km at 0.25; and 90 % of the tank is one eighth missing.
        const auto total =
            BookingService::returnCar(*m_database, booking->id, odometer + 350, 90, {}, wanted.returned, m_zone);
        QVERIFY(total);
        QCOMPARE(*total, 2 * 4900 + 150 * 25 + 1500);
        QCOMPARE(query("SELECT payload->>'extra_km' FROM outbox_events WHERE topic = 'booking.returned' AND "
                       "aggregate_key = 'booking:" +
                       std::to_string(booking->id) + "'"),
                 QStringLiteral("150"));
    }

    void paymentsAndDepositGiveABalance()
    {
        const auto booking =
            BookingService::create(*m_database, request(freeCar(), "2054-09-10T10:00", "2054-09-13T09:00"));
        QVERIFY(booking);
        const qint64 id = booking->id;
        QVERIFY(BookingService::addPayment(*m_database, id, QStringLiteral("payment"), 10000, QStringLiteral("card")));
        QVERIFY(BookingService::addPayment(*m_database, id, QStringLiteral("deposit"), 30000, QStringLiteral("cash")));
        auto details = BookingService::details(*m_database, id);
        QVERIFY(details);
        QCOMPARE(details->row.totalCents, 14700);
        QCOMPARE(details->row.balanceCents, 4700);
        QCOMPARE(details->row.depositHeldCents, 30000);
        QCOMPARE(details->payments.size(), 2);
        QCOMPARE(details->carMileageKm,
                 query("SELECT mileage_km FROM cars WHERE id = " + std::to_string(booking->carId)).toInt());

        const auto tooMuch =
            BookingService::addPayment(*m_database, id, QStringLiteral("refund"), 20000, QStringLiteral("card"));
        QVERIFY(!tooMuch);
        // Amounts in the database's currency, as every window writes them.
        QCOMPARE(
            tooMuch.error().message,
            QStringLiteral("A refund cannot be more than the €100 paid for booking #%1. Enter at most that amount.")
                .arg(id));
        const auto tooMuchBack = BookingService::addPayment(*m_database, id, QStringLiteral("deposit_return"), 30050,
                                                            QStringLiteral("cash"));
        QVERIFY(!tooMuchBack);
        QCOMPARE(tooMuchBack.error().message,
                 QStringLiteral("Only €300 of deposit is held for booking #%1. Enter at most that amount.").arg(id));
        QVERIFY(!BookingService::addPayment(*m_database, id, QStringLiteral("payment"), 0, QStringLiteral("card")));
        QVERIFY(!BookingService::addPayment(*m_database, id, QStringLiteral("bribe"), 100, QStringLiteral("card")));
        QVERIFY(BookingService::addPayment(*m_database, id, QStringLiteral("deposit_return"), 30000,
                                           QStringLiteral("cash")));
        // Cancelled, nothing is charged: what was paid is owed back.
        QVERIFY(BookingService::cancel(*m_database, id));
        details = BookingService::details(*m_database, id);
        QCOMPARE(details->row.balanceCents, -10000);
        QCOMPARE(details->row.depositHeldCents, 0);
        QCOMPARE(query("SELECT count(*) FROM outbox_events WHERE topic = 'booking.changed' AND aggregate_key = "
                       "'booking:" +
                       std::to_string(id) + "'"),
                 QStringLiteral("3"));
    }

    void reschedulesAReservedBooking()
    {
        const qint64 car = freeCar();
        const auto booking = BookingService::create(*m_database, request(car, "2054-11-02T10:00", "2054-11-04T10:00"));
        const auto other = BookingService::create(*m_database, request(car, "2054-11-10T10:00", "2054-11-12T10:00"));
        QVERIFY(booking && other);
        // Later by a day: overlaps only its own old time.
        const auto moved = BookingService::reschedule(*m_database, booking->id, car, at("2054-11-03T10:00"),
                                                      at("2054-11-06T10:00"), m_zone);
        QVERIFY2(moved, qPrintable(moved ? QString() : moved.error().message));
        QCOMPARE(moved->quote.days, 3);
        QCOMPARE(query("SELECT total FROM bookings WHERE id = " + std::to_string(booking->id)),
                 QStringLiteral("147.00"));
        const auto clash = BookingService::reschedule(*m_database, booking->id, car, at("2054-11-09T10:00"),
                                                      at("2054-11-11T10:00"), m_zone);
        QVERIFY(!clash);
        QCOMPARE(clash.error().code, Error::Code::Overlap);
        QVERIFY2(clash.error().message.contains(QStringLiteral("(booking #%1)").arg(other->id)),
                 qPrintable(clash.error().message));
        QCOMPARE(query("SELECT count(*) FROM outbox_events WHERE topic = 'booking.changed' AND aggregate_key = "
                       "'booking:" +
                       std::to_string(booking->id) + "'"),
                 QStringLiteral("1"));
    }

    void listsTimelineAndAvailability()
    {
        const qint64 car = freeCar();
        const auto booking = BookingService::create(*m_database, request(car, "2054-12-01T10:00", "2054-12-03T10:00"));
        QVERIFY(booking);
        BookingFilter filter;
        filter.carId = car;
        const auto rows = BookingService::list(*m_database, filter);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().customer, QStringLiteral("Anna Berger"));
        QCOMPARE(rows->first().balanceCents, 9800);
        filter.statuses = {QStringLiteral("cancelled")};
        QCOMPARE(BookingService::list(*m_database, filter)->size(), 0);
        BookingFilter byName;
        byName.text = QStringLiteral("berger");
        byName.from = at("2054-12-02T00:00");
        byName.to = at("2054-12-02T01:00");
        QVERIFY(BookingService::list(*m_database, byName)->contains(rows->first()));

        const auto timeline = BookingService::timeline(*m_database, {}, at("2054-11-30T00:00"), at("2054-12-31T00:00"));
        QVERIFY(timeline);
        const auto bar = std::find_if(timeline->bars.cbegin(), timeline->bars.cend(),
                                      [&](const Timeline::Bar &bar) { return bar.bookingId == booking->id; });
        QVERIFY(bar != timeline->bars.cend());
        QCOMPARE(timeline->cars.at(bar->carIndex).id, car);
        QCOMPARE(bar->blockedUntil, at("2054-12-03T12:00"));
        QVERIFY(!BookingService::timeline(*m_database, {}, at("2054-12-31T00:00"), at("2054-11-30T00:00")));

        const auto free = BookingService::available(*m_database, {}, at("2054-12-02T10:00"), at("2054-12-02T18:00"));
        QVERIFY(free);
        QVERIFY(!free->isEmpty());
        for (const CarRow &row : *free)
            QVERIFY(row.id != car);
        const auto later = BookingService::available(*m_database, {}, at("2054-12-03T12:00"), at("2054-12-04T18:00"));
        QVERIFY(std::any_of(later->cbegin(), later->cend(), [&](const CarRow &row) { return row.id == car; }));
    }

    // A completed booking's bar ends where the car came back: early or late, not at the booked return;
    // the turnaround follows the actual return.
    void timelineEndsACompletedBookingAtItsActualReturn()
    {
        const qint64 early = freeCar();
        const auto shortened =
            BookingService::create(*m_database, request(early, "2027-02-01T10:00", "2027-02-05T10:00"));
        QVERIFY(shortened);
        const int odometer = query("SELECT mileage_km FROM cars WHERE id = " + std::to_string(early)).toInt();
        QVERIFY(BookingService::pickUp(*m_database, shortened->id, odometer, 100, at("2027-02-01T10:00"), m_zone));
        QVERIFY(BookingService::returnCar(*m_database, shortened->id, odometer + 100, 100, {}, at("2027-02-02T15:00"),
                                          m_zone));
        const qint64 late = freeCar();
        const auto overrun = BookingService::create(*m_database, request(late, "2027-03-01T10:00", "2027-03-02T10:00"));
        QVERIFY(overrun);
        const int lateOdometer = query("SELECT mileage_km FROM cars WHERE id = " + std::to_string(late)).toInt();
        QVERIFY(BookingService::pickUp(*m_database, overrun->id, lateOdometer, 100, at("2027-03-01T10:00"), m_zone));
        QVERIFY(BookingService::returnCar(*m_database, overrun->id, lateOdometer + 500, 100, {}, at("2027-03-04T09:00"),
                                          m_zone));
        const qint64 turnaround = at("2027-01-01T00:00").secsTo(at("2027-01-01T02:00")); // the default buffer

        const auto barOf = [](const Timeline &timeline, qint64 id) -> std::optional<Timeline::Bar> {
            for (const Timeline::Bar &bar : timeline.bars) {
                if (bar.bookingId == id)
                    return bar;
            }
            return std::nullopt;
        };
        const auto february = BookingService::timeline(*m_database, {}, at("2027-01-25T00:00"), at("2027-03-01T00:00"));
        QVERIFY(february);
        const auto shortBar = barOf(*february, shortened->id);
        QVERIFY(shortBar);
        QCOMPARE(shortBar->returned, at("2027-02-02T15:00"));
        QCOMPARE(shortBar->blockedUntil, at("2027-02-02T15:00").addSecs(turnaround));
        // Shown from the day after the booked return's turnaround: the late return is still in view.
        const auto march = BookingService::timeline(*m_database, {}, at("2027-03-03T00:00"), at("2027-03-10T00:00"));
        QVERIFY(march);
        const auto lateBar = barOf(*march, overrun->id);
        QVERIFY2(lateBar, "the late return reaches into the period");
        QCOMPARE(lateBar->returned, at("2027-03-04T09:00"));
        QCOMPARE(lateBar->blockedUntil, at("2027-03-04T09:00").addSecs(turnaround));
    }

    // The car list of a new booking shows each car's rates: read for many cars at once, the same as one by one.
    void suggestsRatesForSeveralCars()
    {
        const qint64 booked = freeCar();
        auto wanted = request(booked, "2027-04-01T10:00", "2027-04-03T10:00");
        wanted.rates.dailyCents = 5300;
        QVERIFY(BookingService::create(*m_database, wanted));
        QList<qint64> cars{booked};
        const QString others = query("SELECT string_agg(id::text, ',') FROM (SELECT id FROM cars WHERE id <> " +
                                     std::to_string(booked) + " ORDER BY id LIMIT 3) c");
        for (const QString &id : others.split(QLatin1Char(',')))
            cars << id.toLongLong();
        const qint64 unknown = query("SELECT max(id) + 1 FROM cars").toLongLong();
        const auto rates = BookingService::suggestedRates(*m_database, cars + QList<qint64>{unknown});
        QVERIFY(rates);
        QCOMPARE(rates->size(), cars.size());
        QVERIFY(!rates->contains(unknown));
        QCOMPARE(rates->value(booked).dailyCents, 5300); // the latest booking's
        for (const qint64 car : cars) {
            const auto one = BookingService::suggestedRates(*m_database, car);
            QVERIFY(one);
            QCOMPARE(rates->value(car).dailyCents, one->dailyCents);
            QCOMPARE(rates->value(car).weeklyCents, one->weeklyCents);
            QVERIFY(one->dailyCents >= 2500);
        }
        const auto gone = BookingService::suggestedRates(*m_database, unknown);
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, Error::Code::NotFound);
    }

    // The reminder an hour before pick-up notifies whoever booked; one for a booking moved since does not.
    void remindsBeforePickUp()
    {
        const qint64 car = freeCar();
        const auto booking = BookingService::create(*m_database, request(car, "2055-01-05T10:00", "2055-01-07T10:00"));
        QVERIFY(booking);
        const std::string key = "'booking:" + std::to_string(booking->id) + ":pickup:%'";
        QCOMPARE(query("SELECT to_char(not_before AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM outbox_events "
                       "WHERE aggregate_key LIKE " +
                       key + " ORDER BY id LIMIT 1"),
                 QStringLiteral("2055-01-05 08:00")); // 10:00 in Berlin is 09:00 UTC; an hour before
        const auto handleReminders = [&] {
            return m_database->guard([&](pqxx::connection &connection) {
                pqxx::work work(connection);
                for (const pqxx::row &row : work.exec("SELECT id, topic, payload::text FROM outbox_events WHERE "
                                                      "aggregate_key LIKE " +
                                                      key + " ORDER BY id")) {
                    OutboxEvent event;
                    event.id = row[0].as<qint64>();
                    event.topic = QString::fromStdString(row[1].as<std::string>());
                    event.payload =
                        QJsonDocument::fromJson(QByteArray::fromStdString(row[2].as<std::string>())).object();
                    BookingReminders::handle(work, event);
                }
                work.commit();
            });
        };
        QVERIFY(handleReminders());
        const std::string notices =
            "SELECT count(*) FROM notifications WHERE booking_id = " + std::to_string(booking->id);
        QCOMPARE(query(notices), QStringLiteral("1"));
        QVERIFY2(query("SELECT title FROM notifications WHERE booking_id = " + std::to_string(booking->id))
                     .startsWith(QStringLiteral("Pick-up at ")),
                 "the title says what is due");
        QVERIFY(handleReminders()); // delivered again: no second notification
        QCOMPARE(query(notices), QStringLiteral("1"));

        QVERIFY(BookingService::reschedule(*m_database, booking->id, car, at("2055-01-06T10:00"),
                                           at("2055-01-07T10:00"), m_zone));
        exec("DELETE FROM notifications");
        QVERIFY(handleReminders());                    // the old reminder is for a time the booking no longer has
        QCOMPARE(query(notices), QStringLiteral("1")); // only the new one
        QVERIFY(query("SELECT title FROM notifications WHERE booking_id = " + std::to_string(booking->id))
                    .contains(QStringLiteral("6 Jan")));
    }

    // Eight desks book the same car for the same days at once: exactly one gets it, and the others are told the
    // car is booked (not that the database gave up on a deadlock).
    void concurrentDesksNeverDoubleBook()
    {
        const qint64 car = freeCar();
        const BookingRequest wanted = request(car, "2054-10-01T10:00", "2054-10-03T10:00");
        const ConnectionProfile profile = m_db->profile();
        QThreadPool pool; // eight at once, whatever the number of cores
        pool.setMaxThreadCount(8);
        std::latch connected(8);
        QList<QFuture<QString>> desks;
        for (int desk = 0; desk < 8; ++desk) {
            desks << QtConcurrent::run(&pool, [profile, wanted, &connected] {
                auto database = Database::open(profile);
                connected.arrive_and_wait();
                if (!database)
                    return database.error().oneLine();
                const auto booking = BookingService::create(**database, wanted);
                return booking                                        ? QStringLiteral("booked")
                       : booking.error().code == Error::Code::Overlap ? QStringLiteral("overlap")
                                                                      : booking.error().oneLine();
            });
        }
        QStringList outcomes;
        for (QFuture<QString> &desk : desks)
            outcomes << desk.result();
        outcomes.sort();
        QCOMPARE(outcomes, QStringList{QStringLiteral("booked")} + QStringList(7, QStringLiteral("overlap")));
        QCOMPARE(query("SELECT count(*) FROM bookings WHERE car_id = " + std::to_string(car)), QStringLiteral("1"));
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_database;
    qint64 m_customer = 0;
    const QTimeZone m_zone{"Europe/Berlin"};
};

QTEST_GUILESS_MAIN(TestBookingService)
#include "tst_bookingservice.moc"

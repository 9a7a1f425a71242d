#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "services/BookingService.h"
#include "services/DemoDataService.h"

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

    // "2026-06-01T10:00" in the desk's time zone.
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
        QVERIFY(DemoDataService::generate(*m_database, demo));
        exec("INSERT INTO customers (full_name, email, licence_number, licence_expiry) "
             "VALUES ('Anna Berger', 'anna@example.com', 'B072RRE2I55', '2030-01-31')");
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
        const auto booking = BookingService::create(*m_database, request(car, "2026-06-01T10:00", "2026-06-04T09:00"));
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
        const auto first = BookingService::create(*m_database, request(car, "2026-07-07T14:00", "2026-07-10T10:00"));
        QVERIFY(first);
        const auto second = BookingService::create(*m_database, request(car, "2026-07-09T09:00", "2026-07-12T09:00"));
        QVERIFY(!second);
        QCOMPARE(second.error().code, Error::Code::Overlap);
        const QString stock = query("SELECT stock_number FROM cars WHERE id = " + std::to_string(car));
        QCOMPARE(second.error().message, QStringLiteral("Car #%1 is already booked from Tue 7 Jul 14:00 to Fri 10 Jul "
                                                        "10:00 (booking #%2).")
                                             .arg(stock)
                                             .arg(first->id));
        const auto offered =
            BookingService::alternatives(*m_database, car, request(car, "2026-07-09T09:00", "x").pickup,
                                         request(car, "2026-07-12T09:00", "x").pickup);
        QVERIFY(offered);
        QVERIFY(!offered->isEmpty());
        for (const CarRow &row : *offered)
            QVERIFY(row.id != car);
        // An offered car booked meanwhile for that period is offered no more.
        const qint64 takenMeanwhile = offered->constFirst().id;
        QVERIFY(BookingService::create(*m_database, request(takenMeanwhile, "2026-07-11T09:00", "2026-07-13T09:00")));
        const auto offeredAgain =
            BookingService::alternatives(*m_database, car, at("2026-07-09T09:00"), at("2026-07-12T09:00"));
        QVERIFY(offeredAgain);
        for (const CarRow &row : *offeredAgain)
            QVERIFY(row.id != takenMeanwhile);
    }

    // After a return the car is blocked for the turnaround buffer (2 hours).
    void keepsTheTurnaroundBuffer()
    {
        const qint64 car = freeCar();
        QVERIFY(BookingService::create(*m_database, request(car, "2026-08-03T09:00", "2026-08-05T12:00")));
        const auto tooSoon = BookingService::create(*m_database, request(car, "2026-08-05T13:00", "2026-08-06T12:00"));
        QVERIFY(!tooSoon);
        QVERIFY2(tooSoon.error().message.contains(QStringLiteral("turnaround")), qPrintable(tooSoon.error().message));
        QVERIFY(BookingService::create(*m_database, request(car, "2026-08-05T14:00", "2026-08-06T12:00")));
    }

    void refusesWhatCannotBeBooked()
    {
        const qint64 car = freeCar();
        exec("UPDATE cars SET status = 'sold' WHERE id = " + std::to_string(car));
        const auto sold = BookingService::create(*m_database, request(car, "2026-09-01T10:00", "2026-09-02T10:00"));
        QVERIFY(!sold);
        QVERIFY2(sold.error().message.contains(QStringLiteral("is sold and cannot be booked")),
                 qPrintable(sold.error().message));

        const auto unknownCar =
            BookingService::create(*m_database, request(99'999'999, "2026-09-01T10:00", "2026-09-02T10:00"));
        QVERIFY(!unknownCar);
        QCOMPARE(unknownCar.error().code, Error::Code::NotFound);

        BookingRequest stranger = request(freeCar(), "2026-09-01T10:00", "2026-09-02T10:00");
        stranger.customerId = 99'999'999;
        const auto unknownCustomer = BookingService::create(*m_database, stranger);
        QVERIFY(!unknownCustomer);
        QVERIFY(unknownCustomer.error().message.contains(QStringLiteral("customer")));

        const auto backwards =
            BookingService::create(*m_database, request(freeCar(), "2026-09-02T10:00", "2026-09-01T10:00"));
        QVERIFY(!backwards);
        QVERIFY(backwards.error().message.contains(QStringLiteral("after the pick-up")));
    }

    // Pick-up makes the booking active and the car rented; a return two days late charges two more
    // days, completes the booking and makes the car available; each step writes its event.
    void handsOverAndTakesBack()
    {
        const qint64 car = freeCar();
        const auto booking = BookingService::create(*m_database, request(car, "2026-06-10T10:00", "2026-06-12T10:00"));
        QVERIFY(booking);
        const std::string id = std::to_string(booking->id);
        const int odometer = query("SELECT mileage_km FROM cars WHERE id = " + std::to_string(car)).toInt();
        const auto misread =
            BookingService::pickUp(*m_database, booking->id, odometer - 1, 100, at("2026-06-10T10:05"), m_zone);
        QVERIFY(!misread);
        QVERIFY(misread.error().message.contains(QStringLiteral("is below the")));
        QVERIFY(BookingService::pickUp(*m_database, booking->id, odometer + 5, 100, at("2026-06-10T10:05"), m_zone));
        QCOMPARE(query("SELECT status FROM bookings WHERE id = " + id), QStringLiteral("active"));
        QCOMPARE(query("SELECT status FROM cars WHERE id = " + std::to_string(car)), QStringLiteral("rented"));

        const auto backwards =
            BookingService::returnCar(*m_database, booking->id, odometer, 80, {}, at("2026-06-12T09:00"), m_zone);
        QVERIFY(!backwards);
        QVERIFY(backwards.error().message.contains(QStringLiteral("below the mileage at pick-up")));

        const auto total =
            BookingService::returnCar(*m_database, booking->id, odometer + 855, 60,
                                      QStringLiteral("Scratch on the rear bumper"), at("2026-06-13T12:30"), m_zone);
        QVERIFY2(total, qPrintable(total ? QString() : total.error().oneLine()));
        QCOMPARE(*total, qint64(4 * 4900)); // booked 2 days, used 4 (3 days and 2.5 hours)
        QCOMPARE(query("SELECT status || ' ' || total || ' ' || return_mileage_km || ' ' || damage_notes FROM bookings "
                       "WHERE id = " +
                       id),
                 QStringLiteral("completed 196.00 %1 Scratch on the rear bumper").arg(odometer + 855));
        QCOMPARE(query("SELECT status || ' ' || mileage_km FROM cars WHERE id = " + std::to_string(car)),
                 QStringLiteral("available %1").arg(odometer + 855));
        QCOMPARE(query("SELECT string_agg(topic, ',' ORDER BY id) FROM outbox_events WHERE aggregate_key = 'booking:" +
                       id + "'"),
                 QStringLiteral("booking.created,booking.picked_up,booking.returned"));
    }

    void refusesTransitionsOutOfOrder()
    {
        const qint64 car = freeCar();
        const auto booking = BookingService::create(*m_database, request(car, "2026-06-20T10:00", "2026-06-21T10:00"));
        QVERIFY(booking);
        const auto early =
            BookingService::returnCar(*m_database, booking->id, 100, 50, {}, at("2026-06-21T10:00"), m_zone);
        QVERIFY(!early);
        QCOMPARE(early.error().message,
                 QStringLiteral("Booking #%1 is reserved, so it cannot be returned.").arg(booking->id));
        QVERIFY(BookingService::pickUp(*m_database, booking->id, 900'000, 100, at("2026-06-20T10:00"), m_zone));
        const auto cancelActive = BookingService::cancel(*m_database, booking->id);
        QVERIFY(!cancelActive);
        QVERIFY(cancelActive.error().message.contains(QStringLiteral("is active, so it cannot be cancelled")));
        QVERIFY(!BookingService::pickUp(*m_database, booking->id, 900'000, 100, at("2026-06-20T10:00"), m_zone));
        // The database refuses it too, whatever client writes.
        const auto direct = m_database->guard([&](pqxx::connection &connection) {
            pqxx::work work(connection);
            work.exec("UPDATE bookings SET status = 'reserved' WHERE id = " + std::to_string(booking->id));
            work.commit();
        });
        QVERIFY(!direct);
        QCOMPARE(direct.error().code, Error::Code::Constraint);
    }

    void refusesAPickUpWithAnExpiredLicence()
    {
        exec("INSERT INTO customers (full_name, licence_number, licence_expiry) VALUES ('Max Kurz', 'K1', "
             "'2026-05-31')");
        BookingRequest wanted = request(freeCar(), "2026-06-01T10:00", "2026-06-02T10:00");
        wanted.customerId = query("SELECT max(id) FROM customers").toLongLong();
        const auto booking = BookingService::create(*m_database, wanted);
        QVERIFY(booking);
        const auto refused =
            BookingService::pickUp(*m_database, booking->id, 900'000, 100, at("2026-06-01T10:00"), m_zone);
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
        const auto first = BookingService::create(*m_database, request(car, "2026-11-02T10:00", "2026-11-04T10:00"));
        QVERIFY(first);
        QVERIFY(BookingService::cancel(*m_database, first->id));
        QVERIFY(!BookingService::cancel(*m_database, first->id));
        const auto second = BookingService::create(*m_database, request(car, "2026-11-02T10:00", "2026-11-04T10:00"));
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

    // Eight desks book the same car for the same days at once: exactly one gets it, and the others are told the
    // car is booked (not that the database gave up on a deadlock).
    void concurrentDesksNeverDoubleBook()
    {
        const qint64 car = freeCar();
        const BookingRequest wanted = request(car, "2026-10-01T10:00", "2026-10-03T10:00");
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

QTEST_MAIN(TestBookingService)
#include "tst_bookingservice.moc"

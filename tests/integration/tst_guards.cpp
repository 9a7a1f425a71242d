// The rules of migration 0013, for every writer: a car's version moves with every real
// change, so a stale editor is refused; a booking's blocked time never ends before its return and its times
// are finite; a reservation ends in the future. The SQL reproductions of the issue run as direct SQL.
#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "db/Migrator.h"
#include "services/BookingService.h"
#include "services/DemoDataService.h"
#include "services/FleetService.h"

#include <QLocale>
#include <QTest>

#include <pqxx/pqxx>

namespace {

// Collects the notifications of one channel.
class Notices : public pqxx::notification_receiver
{
public:
    Notices(pqxx::connection_base &connection, const std::string &channel)
        : pqxx::notification_receiver(connection, channel)
    {}
    void operator()(const std::string &payload, int) override { received << QString::fromStdString(payload); }
    QStringList received;
};

} // namespace

class TestGuards : public QObject
{
    Q_OBJECT

    QString query(const std::string &sql) { return scalar(*m_deskA, sql); }

    void exec(const std::string &sql)
    {
        const QString error = execute(*m_deskA, sql);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // Runs `sql` in a transaction of its own: the SQLSTATE of its refusal, or "" when it was committed.
    QString sqlState(const std::string &sql)
    {
        const auto state = m_deskA->guard([&](pqxx::connection &connection) {
            try {
                pqxx::work work(connection);
                work.exec(sql);
                work.commit();
                return QString();
            } catch (const pqxx::sql_error &error) {
                return QString::fromStdString(error.sqlstate());
            }
        });
        return state.value_or(QStringLiteral("no answer"));
    }

    // A new car of its own (no bookings), as desk A's editor would hold it.
    std::pair<qint64, CarRecord> newCar()
    {
        const QString vin = QStringLiteral("WVWZZZ1KZAW%1").arg(++m_vins, 6, 10, QLatin1Char('0'));
        const CarRecord record = CarValidator::validate(sampleCarInput(vin)).record;
        const auto created = FleetService::create(*m_deskA, record);
        if (!created)
            qWarning("%s", qPrintable(created.error().oneLine()));
        return {created ? created->row.id : 0, record};
    }

    std::string insertBooking(qint64 car, const char *pickup, const char *returned, const char *extra = "")
    {
        return "INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, total" +
               std::string(*extra ? ", turnaround" : "") + ") VALUES (" + std::to_string(car) + ", " +
               std::to_string(m_customer) + ", '" + pickup + "', '" + returned + "', 50, 50" +
               (*extra ? std::string(", '") + extra + "'" : std::string()) + ")";
    }

    // Pairs of live bookings of one car whose rentals themselves overlap: what the exclusion constraint is for.
    QString overlappingRentals()
    {
        return query("SELECT count(*) FROM bookings a JOIN bookings b ON a.car_id = b.car_id AND a.id < b.id "
                     "WHERE a.status IN ('reserved', 'active') AND b.status IN ('reserved', 'active') "
                     "AND tstzrange(a.pickup_at, a.return_at) && tstzrange(b.pickup_at, b.return_at)");
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        m_db = std::make_unique<TestDatabase>(QStringLiteral("guards"));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        m_deskA = m_db->openMigrated();
        QVERIFY(m_deskA);
        DemoDataOptions demo;
        demo.cars = 30;
        QVERIFY(DemoDataService::generate(*m_deskA, demo));
        exec("INSERT INTO customers (full_name, licence_number, licence_expiry) "
             "VALUES ('Anna Berger', 'B072RRE2I55', current_date + 3650)");
        m_customer = query("SELECT max(id) FROM customers").toLongLong();
    }

    void cleanupTestCase()
    {
        m_deskA.reset();
        m_db.reset();
    }

    // ---- 1. A car's version moves with every real change, whoever writes it ----

    // The two windows: desk A opens the car's editor; desk B books the car, hands it over and takes
    // it back with a higher mileage; desk A adds a note and saves. Refused with who and when; the mileage
    // stays; both hand-overs are events; desk A's Fleet page is told the car changed.
    void aStaleEditAfterAReturnIsRefused()
    {
        const auto [car, opened] = newCar();
        QVERIFY(car > 0);
        const int openedVersion = query("SELECT version FROM cars WHERE id = " + std::to_string(car)).toInt();
        auto deskB = Database::open(m_db->profile());
        QVERIFY2(deskB, qPrintable(deskB ? QString() : deskB.error().oneLine()));

        pqxx::connection listening(m_db->conninfo().toStdString());
        Notices changes(listening, "forecourt_changes");

        const QDateTime now = QDateTime::currentDateTimeUtc();
        BookingRequest wanted;
        wanted.carId = car;
        wanted.customerId = m_customer;
        wanted.pickup = now.addSecs(3600);
        wanted.returned = now.addDays(2);
        wanted.rates.dailyCents = 4900;
        const auto booking = BookingService::create(**deskB, wanted);
        QVERIFY2(booking, qPrintable(booking ? QString() : booking.error().oneLine()));
        const int odometer = int(opened.mileageKm);
        const auto pickedUp = BookingService::pickUp(**deskB, booking->id, odometer, 100, now);
        QVERIFY2(pickedUp, qPrintable(pickedUp ? QString() : pickedUp.error().oneLine()));
        const auto returned = BookingService::returnCar(**deskB, booking->id, odometer + 480, 70, {}, now);
        QVERIFY2(returned, qPrintable(returned ? QString() : returned.error().oneLine()));

        CarRecord edited = opened;
        edited.notes = QStringLiteral("Child seat in the boot");
        const auto saved = FleetService::update(*m_deskA, car, edited, openedVersion);
        QVERIFY2(!saved, "a stale edit was saved");
        QCOMPARE(saved.error().code, Error::Code::Stale);
        const std::string id = std::to_string(car);
        const QString who = query("SELECT updated_by FROM cars WHERE id = " + id);
        QCOMPARE(who, query("SELECT current_user"));
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(
            query("SELECT (extract(epoch FROM updated_at) * 1000)::bigint FROM cars WHERE id = " + id).toLongLong());
        QVERIFY2(when >= now.addSecs(-1), "the time of the return, not of the car's creation");
        QCOMPARE(saved.error().message, QStringLiteral("Stock #%1 was changed by %2 on %3 after you opened it.")
                                            .arg(query("SELECT stock_number FROM cars WHERE id = " + id), who,
                                                 QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)));
        QCOMPARE(
            query("SELECT mileage_km || ' ' || status || ' ' || notes || ' ' || version FROM cars WHERE id = " + id),
            QStringLiteral("%1 available  %2").arg(odometer + 480).arg(openedVersion + 2));

        const std::string key = "'booking:" + std::to_string(booking->id) + "'";
        QCOMPARE(query("SELECT string_agg(topic || ' ' || (payload->>'car_id') || ' ' || (payload->>'mileage_km'), ',' "
                       "ORDER BY id) FROM outbox_events WHERE topic IN ('booking.picked_up', 'booking.returned') "
                       "AND aggregate_key = " +
                       key),
                 QStringLiteral("booking.picked_up %1 %2,booking.returned %1 %3")
                     .arg(car)
                     .arg(odometer)
                     .arg(odometer + 480));
        QTRY_VERIFY_WITH_TIMEOUT(
            (listening.get_notifs(), changes.received.count(QStringLiteral("car:%1").arg(car)) == 2), 5000);
    }

    // Any writer: a bulk action, a script's UPDATE. What a writer puts into the bookkeeping columns does not
    // count, and an UPDATE that changes nothing keeps the version.
    void everyRealChangeGetsTheNextVersion()
    {
        const auto [car, record] = newCar();
        const auto [other, otherRecord] = newCar();
        QVERIFY(car > 0 && other > 0);
        const std::string id = std::to_string(car);
        const auto state = [&] { return query("SELECT version || ' ' || updated_by FROM cars WHERE id = " + id); };
        const QString me = query("SELECT current_user");

        QCOMPARE(FleetService::setStatus(*m_deskA, {car, other}, QStringLiteral("in_service")).value_or(-1), 2);
        QCOMPARE(state(), QStringLiteral("2 ") + me);
        QCOMPARE(FleetService::setLocation(*m_deskA, {car}, query("SELECT min(code) FROM branches")).value_or(-1), 1);
        QCOMPARE(FleetService::adjustPrice(*m_deskA, {car}, PriceAdjustment{PriceAdjustment::Kind::Percent, 0, -5})
                     .value_or(-1),
                 1);
        QCOMPARE(state(), QStringLiteral("4 ") + me);

        exec("UPDATE cars SET mileage_km = mileage_km + 25, updated_at = '2001-01-01', updated_by = 'nobody' "
             "WHERE id = " +
             id);
        QCOMPARE(state(), QStringLiteral("5 ") + me);
        QCOMPARE(query("SELECT updated_at > now() - interval '1 minute' FROM cars WHERE id = " + id),
                 QStringLiteral("t"));
        exec("UPDATE cars SET version = 1, updated_by = 'nobody' WHERE id = " + id); // nothing else: no change
        exec("UPDATE cars SET status = status, notes = notes WHERE id = " + id);
        QCOMPARE(state(), QStringLiteral("5 ") + me);
        exec("UPDATE cars SET notes = 'a', version = 1 WHERE id = " + id); // never back
        QCOMPARE(state(), QStringLiteral("6 ") + me);
    }

    // ---- 2. The blocked time never ends before the return; only finite times ----

    // '1 month -30 days' passed "turnaround >= 0", yet in February it ended the blocked time two days before
    // the return, and a second booking overlapping the first by 46 hours was accepted.
    void aMonthMinusThirtyDaysCannotHideAnOverlap()
    {
        const qint64 car = newCar().first;
        QCOMPARE(sqlState(insertBooking(car, "2099-02-01 10:00+00", "2099-02-10 10:00+00", "1 month -30 days")),
                 QStringLiteral("23514"));
        QCOMPARE(sqlState(insertBooking(car, "2099-02-08 12:00+00", "2099-02-12 10:00+00")), QString());
        QCOMPARE(sqlState(insertBooking(car, "2099-02-01 10:00+00", "2099-02-10 10:00+00")), QStringLiteral("23P01"));
        QCOMPARE(overlappingRentals(), QStringLiteral("0"));
    }

    // '24 hours -1 day' in Europe/Berlin over the autumn clock change: the day back is 25 hours, so the blocked
    // time ended an hour before the return.
    void aDayMinusTwentyFourHoursCannotHideAnOverlapAcrossTheClockChange()
    {
        const qint64 car = newCar().first;
        const std::string berlin = "SET LOCAL TimeZone = 'Europe/Berlin'; ";
        QCOMPARE(
            query("SELECT timestamp '2054-10-25 12:00' AT TIME ZONE 'Europe/Berlin' - timestamp '2054-10-24 12:00' "
                  "AT TIME ZONE 'Europe/Berlin' = interval '25 hours'"),
            QStringLiteral("t")); // the 25th is the day of the change
        QCOMPARE(sqlState(berlin + insertBooking(car, "2054-10-22 10:00", "2054-10-25 12:00", "24 hours -1 day")),
                 QStringLiteral("23514"));
        QCOMPARE(sqlState(berlin + insertBooking(car, "2054-10-25 11:30", "2054-10-27 10:00")), QString());
        QCOMPARE(sqlState(berlin + insertBooking(car, "2054-10-22 10:00", "2054-10-25 12:00")),
                 QStringLiteral("23P01"));
        QCOMPARE(overlappingRentals(), QStringLiteral("0"));
    }

    // The setting is every new booking's default: it is checked where it is stored, and booking_turnaround()
    // gives only a valid turnaround.
    void theTurnaroundSettingIsCheckedWhereItIsStored()
    {
        const auto set = [&](const char *json) {
            return sqlState(std::string("UPDATE settings SET value = '") + json + "' WHERE key = 'booking_turnaround'");
        };
        for (const char *bad : {"\"1 month -30 days\"", "\"24 hours -1 day\"", "\"1 day\"", "\"-1 hour\"",
                                "\"169 hours\"", "\"soon\"", "\"\"", "7200", "null"})
            QVERIFY2(set(bad) == QStringLiteral("23514"), bad);
        QCOMPARE(sqlState("INSERT INTO settings (key, value) VALUES ('booking_turnaround', '\"1 mon\"') "
                          "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"),
                 QStringLiteral("23514"));
        QCOMPARE(query("SELECT booking_turnaround()"), QStringLiteral("02:00:00"));

        // With the default, the second booking is refused.
        const qint64 car = newCar().first;
        QCOMPARE(sqlState(insertBooking(car, "2099-02-01 10:00+00", "2099-02-10 10:00+00")), QString());
        QCOMPARE(sqlState(insertBooking(car, "2099-02-08 12:00+00", "2099-02-12 10:00+00")), QStringLiteral("23P01"));

        QCOMPARE(set("\"90 minutes\""), QString());
        QCOMPARE(query("SELECT booking_turnaround()"), QStringLiteral("01:30:00"));
        QCOMPARE(sqlState(insertBooking(car, "2099-02-10 12:00+00", "2099-02-11 10:00+00")), QString());
        QCOMPARE(query("SELECT turnaround FROM bookings WHERE car_id = " + std::to_string(car) +
                       " ORDER BY id DESC "
                       "LIMIT 1"),
                 QStringLiteral("01:30:00"));
        QCOMPARE(set("\"2 hours\""), QString());
    }

    void onlyFiniteTimes()
    {
        const qint64 car = newCar().first;
        QCOMPARE(sqlState(insertBooking(car, "2099-02-01 10:00+00", "infinity")), QStringLiteral("23514"));
        QCOMPARE(sqlState(insertBooking(car, "-infinity", "2099-02-01 10:00+00")), QStringLiteral("23514"));
        QCOMPARE(sqlState(insertBooking(car, "2099-02-01 10:00+00", "2099-02-02 10:00+00")), QString());
        const std::string booking = "(SELECT max(id) FROM bookings WHERE car_id = " + std::to_string(car) + ")";
        QCOMPARE(sqlState("UPDATE bookings SET return_at = 'infinity' WHERE id = " + booking), QStringLiteral("23514"));
        QCOMPARE(sqlState("UPDATE bookings SET picked_up_at = 'infinity' WHERE id = " + booking),
                 QStringLiteral("23514"));
        QCOMPARE(query("SELECT count(*) FROM bookings WHERE NOT isfinite(return_at)"), QStringLiteral("0"));
    }

    // Whatever the interval, the session time zone and the day: a booking the database accepts blocks its
    // car at least until its return, and only plain durations of up to a week are accepted.
    void noAcceptedBookingEndsItsBlockedTimeBeforeItsReturn()
    {
        const qint64 car = newCar().first;
        const char *zones[] = {"UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"};
        const char *turnarounds[] = {"1 month -30 days", "24 hours -1 day",  "1 day -23 hours", "1 day",
                                     "-1 second",        "1 year -365 days", "2 hours",         "0",
                                     "168 hours",        "168:00:01",        "1 mon",           "-1 day 26 hours",
                                     "45 minutes"};
        const char *returns[] = {"2054-03-29 02:30", "2054-10-25 02:30", "2054-02-28 12:00", "2054-11-01 01:30",
                                 "2054-04-05 02:00"};
        int accepted = 0;
        for (const char *zone : zones) {
            for (const char *turnaround : turnarounds) {
                for (const char *returned : returns) {
                    // Cancelled: the exclusion constraint leaves them alone, so only the row's own rules decide.
                    const QString state = sqlState(
                        "SET LOCAL TimeZone = '" + std::string(zone) +
                        "'; INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, total, "
                        "status, turnaround) VALUES (" +
                        std::to_string(car) + ", " + std::to_string(m_customer) + ", timestamptz '" + returned +
                        "' - interval '1 day', '" + returned + "', 50, 50, 'cancelled', '" + turnaround + "')");
                    QVERIFY2(state.isEmpty() || state == QStringLiteral("23514"), qPrintable(state));
                    accepted += state.isEmpty() ? 1 : 0;
                }
            }
        }
        QCOMPARE(accepted, 5 * 5 * 4); // "2 hours", "0", "168 hours" and "45 minutes" in every zone on every day
        QCOMPARE(query("SELECT count(*) FROM bookings WHERE car_id = " + std::to_string(car) +
                       " AND (blocked_until < return_at OR NOT turnaround_is_valid(turnaround))"),
                 QStringLiteral("0"));
    }

    // A database of the old schema migrates: whole days become hours, a turnaround that ended the blocked time
    // early becomes the time it really blocked (at least none), the setting is made valid.
    void existingRowsMigrate()
    {
        TestDatabase old(QStringLiteral("guards_old"));
        QVERIFY2(old.isValid(), qPrintable(old.error()));
        pqxx::connection connection(old.conninfo().toStdString());
        const QList<Migrator::Migration> all = Migrator::builtIn();
        QList<Migrator::Migration> before;
        for (const Migrator::Migration &migration : all) {
            if (migration.version < 13)
                before << migration;
        }
        QVERIFY(Migrator(before).migrate(connection));
        {
            pqxx::work work(connection);
            work.exec("SET TimeZone = 'Europe/Berlin'");
            work.exec("UPDATE settings SET value = '\"1 day 30 minutes\"' WHERE key = 'booking_turnaround'");
            work.exec("INSERT INTO cars (vin, make, model, model_year, body_type, fuel_type, transmission, drive, "
                      "condition, list_price) VALUES ('1M8GDM9AXKP042788', 'VW', 'Golf', 2020, 'hatchback', 'petrol', "
                      "'manual', 'fwd', 'used', 15000)");
            work.exec("INSERT INTO customers (full_name) VALUES ('Anna Berg')");
            work.exec("INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, total, status, "
                      "turnaround) VALUES "
                      "(1, 1, '2054-10-20 10:00', '2054-10-25 12:00', 50, 50, 'reserved', '24 hours -1 day'), "
                      "(1, 1, '2054-11-01 10:00', '2054-11-03 10:00', 50, 50, 'reserved', '1 day'), "
                      "(1, 1, '2054-12-01 10:00', '2054-12-03 10:00', 50, 50, 'cancelled', '1 month -30 days')");
            work.commit();
        }
        const auto migrated = Migrator(all).migrate(connection);
        QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().oneLine()));
        pqxx::work work(connection);
        QCOMPARE(
            QString::fromStdString(work.exec1("SELECT value #>> '{}' FROM settings WHERE key = 'booking_turnaround'")[0]
                                       .as<std::string>()),
            QStringLiteral("24:30:00"));
        QCOMPARE(
            QString::fromStdString(
                work.exec1("SELECT string_agg(turnaround::text, ',' ORDER BY id) FROM bookings")[0].as<std::string>()),
            QStringLiteral("00:00:00,24:00:00,24:00:00")); // December: a month back is 31 days
        QCOMPARE(work.exec1("SELECT count(*) FROM bookings WHERE blocked_until < return_at")[0].as<int>(), 0);
    }

    void aTimeOfInfinityIsRefusedByTheMigrationWithTheBookings()
    {
        TestDatabase old(QStringLiteral("guards_infinite"));
        QVERIFY2(old.isValid(), qPrintable(old.error()));
        pqxx::connection connection(old.conninfo().toStdString());
        QList<Migrator::Migration> before;
        for (const Migrator::Migration &migration : Migrator::builtIn()) {
            if (migration.version < 13)
                before << migration;
        }
        QVERIFY(Migrator(before).migrate(connection));
        {
            pqxx::work work(connection);
            work.exec("INSERT INTO cars (vin, make, model, model_year, body_type, fuel_type, transmission, drive, "
                      "condition, list_price) VALUES ('1M8GDM9AXKP042788', 'VW', 'Golf', 2020, 'hatchback', 'petrol', "
                      "'manual', 'fwd', 'used', 15000)");
            work.exec("INSERT INTO customers (full_name) VALUES ('Anna Berg')");
            work.exec("INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, total, status) "
                      "VALUES (1, 1, '2054-10-20 10:00+00', 'infinity', 50, 50, 'cancelled')");
            work.commit();
        }
        const auto migrated = Migrator(Migrator::builtIn()).migrate(connection);
        QVERIFY(!migrated);
        QVERIFY2(migrated.error().oneLine().contains(QStringLiteral("infinity: #1")),
                 qPrintable(migrated.error().oneLine()));
    }

    // ---- 3. A reservation ends in the future ----

    void aBookingInThePastIsRefused()
    {
        const qint64 car = newCar().first;
        const QTimeZone berlin("Europe/Berlin");
        const QDate lastWeek = QDate::currentDate().addDays(-6);
        BookingRequest wanted;
        wanted.carId = car;
        wanted.customerId = m_customer;
        wanted.zone = berlin;
        wanted.pickup = QDateTime(lastWeek, QTime(10, 0), berlin);
        wanted.returned = wanted.pickup.addDays(1);
        wanted.rates.dailyCents = 4900;
        const auto refused = BookingService::create(*m_deskA, wanted);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::InvalidInput);
        QCOMPARE(refused.error().message,
                 QStringLiteral("That booking would end on %1, which has already passed. Choose a return time in the "
                                "future.")
                     .arg(QLocale().toString(wanted.returned, QStringLiteral("ddd d MMM HH:mm"))));
        const std::string id = std::to_string(car);
        QCOMPARE(query("SELECT count(*) FROM bookings WHERE car_id = " + id), QStringLiteral("0"));
        QCOMPARE(query("SELECT count(*) FROM outbox_events WHERE payload->>'car_id' = '" + id + "'"),
                 QStringLiteral("0"));

        // A rental under way since an hour ago is not in the past.
        wanted.pickup = QDateTime::currentDateTimeUtc().addSecs(-3600);
        wanted.returned = wanted.pickup.addDays(1);
        const auto walkIn = BookingService::create(*m_deskA, wanted);
        QVERIFY2(walkIn, qPrintable(walkIn ? QString() : walkIn.error().oneLine()));
        // Nor can a reservation be moved into the past.
        const auto moved = BookingService::reschedule(*m_deskA, walkIn->id, car, QDateTime(lastWeek, QTime(10, 0)),
                                                      QDateTime(lastWeek.addDays(2), QTime(10, 0)), berlin);
        QVERIFY(!moved);
        QVERIFY2(moved.error().message.contains(QStringLiteral("which has already passed")),
                 qPrintable(moved.error().message));
    }

    // Whatever client writes: no reservation that has already ended; a past rental goes in as completed; a
    // reservation that time overtook can still be cancelled or marked a no-show.
    void theDatabaseRefusesAPastReservation()
    {
        const qint64 car = newCar().first;
        const std::string id = std::to_string(car);
        QCOMPARE(
            sqlState("INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, total) VALUES (" +
                     id + ", " + std::to_string(m_customer) +
                     ", now() - interval '8 days', now() - interval '7 days', "
                     "50, 50)"),
            QStringLiteral("23514"));
        QCOMPARE(sqlState("INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, total, status, "
                          "picked_up_at, returned_at) VALUES (" +
                          id + ", " + std::to_string(m_customer) +
                          ", now() - interval '8 days', now() - interval '7 days', 50, 50, 'completed', "
                          "now() - interval '8 days', now() - interval '7 days')"),
                 QString());
        QCOMPARE(
            sqlState("INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, total) VALUES (" +
                     id + ", " + std::to_string(m_customer) +
                     ", now() + interval '1 day', now() + interval '2 days', "
                     "50, 50)"),
            QString());
        const std::string reserved = "(SELECT id FROM bookings WHERE status = 'reserved' AND car_id = " + id + ")";
        QCOMPARE(sqlState("UPDATE bookings SET pickup_at = now() - interval '3 days', return_at = now() - interval "
                          "'2 days' WHERE id = " +
                          reserved),
                 QStringLiteral("23514"));

        // Time overtakes a reservation (here: written before the rule): it can still be closed.
        exec("ALTER TABLE bookings DISABLE TRIGGER bookings_reserved_in_future; "
             "UPDATE bookings SET pickup_at = now() - interval '3 days', return_at = now() - interval '2 days' "
             "WHERE id = " +
             reserved + "; ALTER TABLE bookings ENABLE TRIGGER bookings_reserved_in_future");
        const qint64 overtaken = query("SELECT " + reserved).toLongLong();
        QCOMPARE(sqlState("UPDATE bookings SET notes = 'called twice' WHERE id = " + std::to_string(overtaken)),
                 QString());
        QVERIFY(BookingService::cancel(*m_deskA, overtaken, true));
        QCOMPARE(query("SELECT status FROM bookings WHERE id = " + std::to_string(overtaken)),
                 QStringLiteral("no_show"));
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_deskA;
    qint64 m_customer = 0;
    int m_vins = 0;
};

QTEST_GUILESS_MAIN(TestGuards)
#include "tst_guards.moc"

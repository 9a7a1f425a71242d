// The rules of migration 0013 (issue 14, points 1-3), for every writer: a car's version moves with every real
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

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_deskA;
    qint64 m_customer = 0;
    int m_vins = 0;
};

QTEST_GUILESS_MAIN(TestGuards)
#include "tst_guards.moc"

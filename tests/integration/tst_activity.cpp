#include "TestDatabase.h"
#include "db/Database.h"
#include "db/Migrator.h"
#include "events/ActivityFeed.h"
#include "events/EventWorker.h"
#include "services/BookingService.h"
#include "services/DemoDataService.h"
#include "services/EventService.h"
#include "services/FleetService.h"

#include <QLocale>
#include <QTest>

#include <pqxx/pqxx>

#include <memory>

// The activity feed as System › Activity reads it: a sentence for every event the services
// publish, pick-ups and returns among them, one line per edit, and the search and the kind filter the
// database answers.
class TestActivity : public QObject
{
    Q_OBJECT

    QString query(const std::string &sql) { return scalar(*m_database, sql); }
    void exec(const std::string &sql)
    {
        const QString error = execute(*m_database, sql);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // The feed's lines for `filter`, newest first.
    QStringList lines(const ActivityFilter &filter = {})
    {
        const auto entries = EventService::activity(*m_database, filter);
        if (!entries) {
            qWarning() << entries.error().oneLine();
            return {};
        }
        QStringList lines;
        for (const ActivityEntry &entry : *entries)
            lines << ActivityFeed::summary(entry);
        return lines;
    }

    // Runs a worker with the feed's handler until the queue is empty.
    void handleEverything()
    {
        EventHandlers handlers;
        handlers.add(QStringLiteral("*"), &ActivityFeed::record);
        EventWorker::Options options;
        options.pollMs = 100;
        EventWorker worker(m_db->profile(), handlers, options);
        worker.start();
        QTRY_COMPARE_WITH_TIMEOUT(query("SELECT count(*) FROM outbox_events WHERE not_before <= now()"),
                                  QStringLiteral("0"), 20000);
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        m_db = std::make_unique<TestDatabase>(QStringLiteral("activity"));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        m_database = m_db->openMigrated();
        QVERIFY(m_database);
        DemoDataOptions demo;
        demo.cars = 40;
        QVERIFY(DemoDataService::generate(*m_database, demo));
        exec("INSERT INTO customers (full_name, email, licence_number, licence_expiry) "
             "VALUES ('Anna Berger', 'anna@example.com', 'B072RRE2I55', '2099-01-31')");
        m_customer = query("SELECT max(id) FROM customers").toLongLong();
        m_car = query("SELECT min(id) FROM cars c WHERE status = 'available' AND NOT EXISTS "
                      "(SELECT 1 FROM bookings b WHERE b.car_id = c.id)")
                    .toLongLong();
        m_stock = query("SELECT stock_number FROM cars WHERE id = " + std::to_string(m_car));
        handleEverything();
        exec("DELETE FROM activity_feed");
    }

    void cleanupTestCase()
    {
        m_database.reset();
        m_db.reset();
    }

    // A rental from booking to return: every step a sentence, the deposit named as a deposit, the pick-up
    // and the return with their readings.
    void aRentalReadsAsSentences()
    {
        BookingRequest request;
        request.carId = m_car;
        request.customerId = m_customer;
        request.zone = m_zone;
        request.pickup = QDateTime::currentDateTimeUtc().addSecs(600);
        request.returned = request.pickup.addDays(2);
        request.rates.dailyCents = 4900;
        const auto booking = BookingService::create(*m_database, request);
        QVERIFY2(booking, qPrintable(booking ? QString() : booking.error().oneLine()));
        QVERIFY(BookingService::addPayment(*m_database, booking->id, QStringLiteral("deposit"), 30000,
                                           QStringLiteral("card")));
        const int mileage = query("SELECT mileage_km FROM cars WHERE id = " + std::to_string(m_car)).toInt();
        QVERIFY(
            BookingService::pickUp(*m_database, booking->id, mileage, 100, QDateTime::currentDateTimeUtc(), m_zone));
        QVERIFY(BookingService::returnCar(*m_database, booking->id, mileage + 350, 75, {},
                                          request.returned.addSecs(-3600), m_zone));
        handleEverything();

        const QStringList all = lines();
        const QString id = QString::number(booking->id);
        const QString km = QLocale().toString(mileage);
        const QStringList expected = {
            QStringLiteral("booked stock #%1 from").arg(m_stock),
            QStringLiteral("took a deposit of €300 by card for booking #%1 (Anna Berger)").arg(id),
            QStringLiteral("handed stock #%1 over for booking #%2 (Anna Berger) at %3 km, fuel 100%")
                .arg(m_stock, id, km),
            // The car's class prices it from its card (2 days × €39) and the settlement adds 2/8 of a tank at €15.
            QStringLiteral("took back stock #%1 of booking #%2 (Anna Berger) at %3 km, fuel 75%; total €108")
                .arg(m_stock, id, QLocale().toString(mileage + 350)),
            QStringLiteral("settled booking #%1 (Anna Berger) for stock #%2: invoice ").arg(id, m_stock),
            QStringLiteral("Reminder: stock #%1 is to be picked up at").arg(m_stock)};
        for (const QString &part : expected)
            QVERIFY2(all.filter(part).size() == 1,
                     qPrintable(part + QStringLiteral("\n") + all.join(QLatin1Char('\n'))));
        for (const QString &line : all)
            QVERIFY2(!line.contains(QLatin1String("booking.")) && !line.contains(QLatin1String("booking:")),
                     qPrintable(line));

        // Pick-ups and returns are a kind of their own; payments another.
        const QStringList handovers = lines({QStringLiteral("handover"), {}});
        QCOMPARE(handovers.size(), 2);
        QVERIFY(handovers.at(0).contains(QLatin1String("took back")));
        QVERIFY(handovers.at(1).contains(QLatin1String("handed")));
        const QStringList payments = lines({QStringLiteral("payment"), {}});
        QCOMPARE(payments.size(), 1);
        QVERIFY(payments.constFirst().contains(QLatin1String("deposit")));
        QCOMPARE(lines({QStringLiteral("booking"), {}}).size(), 2);  // the booking and its settlement
        QCOMPARE(lines({QStringLiteral("reminder"), {}}).size(), 1); // the pick-up's; the return's is not due yet

        // The search finds the customer's name, the stock number (with or without "#"), the booking's
        // number, whoever did it; every word must match; LIKE's wildcards are taken literally.
        // the payment, the pick-up, the return, its settlement
        QCOMPARE(lines({{}, QStringLiteral("berger")}).size(), 4);
        QCOMPARE(lines({{}, QStringLiteral("#") + m_stock}).size(), 6);
        QCOMPARE(lines({QStringLiteral("handover"), m_stock + QStringLiteral(" Berger")}).size(), 2);
        QCOMPARE(lines({{}, query("SELECT current_user")}).size(), all.size());
        QCOMPARE(lines({{}, QStringLiteral("berger nobody")}).size(), 0);
        QCOMPARE(lines({{}, QStringLiteral("%")}).size(), 0);
        QCOMPARE(lines({{}, QStringLiteral("_")}).size(), 0);
        QCOMPARE(lines({{}, QStringLiteral("stock_number")}).size(), 0); // key names are not searched
    }

    // A car's edit that changes the price and more is one line naming them all, the price with its amounts.
    void oneLinePerEdit()
    {
        exec("DELETE FROM activity_feed");
        QVERIFY(
            FleetService::adjustPrice(*m_database, {m_car}, PriceAdjustment{PriceAdjustment::Kind::Amount, -50000, 0}));
        QVERIFY(FleetService::setStatus(*m_database, {m_car}, QStringLiteral("in_service")));
        handleEverything();
        const QStringList all = lines();
        QCOMPARE(all.size(), 2);
        QVERIFY2(all.at(1).contains(QStringLiteral("changed stock #%1").arg(m_stock)) &&
                     all.at(1).contains(QStringLiteral("List price €")),
                 qPrintable(all.at(1)));
        QVERIFY2(all.at(0).endsWith(QStringLiteral("Status Available → In service")), qPrintable(all.at(0)));
        QCOMPARE(query("SELECT count(*) FROM activity_feed WHERE topic = 'car.price_changed'"), QStringLiteral("0"));
        QCOMPARE(lines({QStringLiteral("car"), {}}).size(), 2);
    }

    // Every kind the database gives is one the panel offers, for every topic the services publish.
    void kindsOfEveryTopic()
    {
        QStringList offered;
        for (const ActivityFeed::Kind &kind : ActivityFeed::kinds())
            offered << kind.key;
        const std::pair<const char *, const char *> topics[] = {
            {"car.created", "car"},
            {"car.updated", "car"},
            {"car.price_changed", "car"},
            {"car.deleted", "car"},
            {"booking.created", "booking"},
            {"booking.changed", "booking"},
            {"booking.cancelled", "booking"},
            {"booking.picked_up", "handover"},
            {"booking.returned", "handover"},
            {"booking.settled", "booking"},
            {"booking.pickup_reminder", "reminder"},
            {"booking.return_reminder", "reminder"},
            {"customer.created", "customer"},
            {"customer.updated", "customer"},
            {"vin.requested", "vin"},
            {"demo.generated", "system"},
            {"system.dead_letter_replayed", "system"},
            {"system.dead_letter_discarded", "system"},
        };
        for (const auto &[topic, kind] : topics) {
            const QString found = query(std::string("SELECT activity_kind('") + topic + "', '{}')");
            QCOMPARE(found, QString::fromLatin1(kind));
            QVERIFY(offered.contains(found));
        }
        QCOMPARE(query("SELECT activity_kind('booking.changed', '{\"payment\": \"refund\"}')"),
                 QStringLiteral("payment"));
    }

    // Feeds recorded before migration 0015: their price-change lines go (the edits list the prices), and
    // the kind and the search find the lines already there.
    void migrationKeepsOneLinePerEdit()
    {
        TestDatabase older(QStringLiteral("activity_0015"));
        QVERIFY2(older.isValid(), qPrintable(older.error()));
        pqxx::connection connection(older.conninfo().toStdString());
        QList<Migrator::Migration> before = Migrator::builtIn();
        before.removeIf([](const Migrator::Migration &migration) { return migration.version >= 15; });
        QVERIFY(Migrator(before).migrate(connection));
        {
            pqxx::work work(connection);
            work.exec("INSERT INTO activity_feed (event_id, happened_at, actor, topic, aggregate_key, payload) VALUES "
                      "(1, now(), 'anna', 'car.updated', 'car:7', "
                      "'{\"stock_number\": \"A7\", \"changes\": {\"list_price\": [100, 90]}}'), "
                      "(2, now(), 'anna', 'car.price_changed', 'car:7', "
                      "'{\"stock_number\": \"A7\", \"old_price\": 100, \"new_price\": 90}'), "
                      "(3, now(), 'ben', 'booking.picked_up', 'booking:5', "
                      "'{\"id\": 5, \"stock_number\": \"A7\", \"customer\": \"Anna Berger\"}')");
            work.commit();
        }
        QVERIFY(Migrator(Migrator::builtIn()).migrate(connection));
        pqxx::nontransaction read(connection);
        QCOMPARE(
            read.exec("SELECT string_agg(topic, ',' ORDER BY event_id) FROM activity_feed")[0][0].as<std::string>(),
            std::string("car.updated,booking.picked_up"));
        QCOMPARE(read.exec("SELECT event_id FROM activity_feed WHERE activity_kind(topic, payload) = 'handover' AND "
                           "activity_search_text(actor, payload) ILIKE '%berger%'")[0][0]
                     .as<int>(),
                 3);
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_database;
    const QTimeZone m_zone{"Europe/Berlin"};
    qint64 m_customer = 0;
    qint64 m_car = 0;
    QString m_stock;
};

QTEST_GUILESS_MAIN(TestActivity)
#include "tst_activity.moc"

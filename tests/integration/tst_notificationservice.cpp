#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "events/FilterAlerts.h"
#include "outbox/ChannelListener.h"
#include "outbox/Outbox.h"
#include "services/DemoDataService.h"
#include "services/FleetService.h"
#include "services/NotificationService.h"
#include "services/VinReportService.h"

#include <QLocale>
#include <QTest>

#include <pqxx/pqxx>

// The notifications table through its one service: what the worker's handlers write (each event once per
// subject, the recipient's windows told) and what the window reads (the connected user's, newest first).
class TestNotificationService : public QObject
{
    Q_OBJECT

    QString query(const std::string &sql) { return scalar(*m_database, sql); }

    void exec(const std::string &sql)
    {
        const QString error = execute(*m_database, sql);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // add() in a transaction of its own, committed: Written, NotWritten, or Failed (an error, which would fail
    // the worker's event).
    enum Added { Written, NotWritten, Failed };
    Added add(const NewNotification &notification)
    {
        const auto added = m_database->guard([&](pqxx::connection &connection) {
            pqxx::work work(connection);
            const bool written = NotificationService::add(work, notification);
            work.commit();
            return written;
        });
        if (!added)
            qWarning() << added.error().oneLine();
        return !added ? Failed : *added ? Written : NotWritten;
    }

    NewNotification about(NewNotification::About subject, qint64 id, qint64 sourceEvent, const QString &title)
    {
        NewNotification notification;
        notification.recipient = m_user;
        notification.title = title;
        notification.body = QStringLiteral("body of ") + title;
        notification.about = subject;
        notification.aboutId = id;
        notification.carId = m_car;
        notification.sourceEvent = sourceEvent;
        return notification;
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        m_db = std::make_unique<TestDatabase>(QStringLiteral("notifications"));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        m_database = m_db->openMigrated();
        QVERIFY(m_database);
        DemoDataOptions demo;
        demo.cars = 30;
        QVERIFY(DemoDataService::generate(*m_database, demo));
        m_user = query("SELECT current_user");
        m_car = query("SELECT min(id) FROM cars").toLongLong();
        m_booking = query("SELECT min(id) FROM bookings").toLongLong();
        QVERIFY(m_booking > 0);
        const auto filter = FleetService::saveFilter(*m_database, QStringLiteral("Everything"), CarFilter());
        QVERIFY(filter);
        m_filter = filter->id;
        const auto requested = VinReportService::request(*m_database, {QStringLiteral("1HGCM82633A004352")});
        QVERIFY(requested);
        m_vinRequest = requested->ids.constFirst();
    }

    void init() { exec("DELETE FROM notifications"); }

    void cleanupTestCase()
    {
        m_database.reset();
        m_db.reset();
    }

    // An event makes one notification per subject: its second delivery writes nothing and says so, whichever
    // kind of subject; the same event may still notify about another saved filter.
    void aSecondDeliveryWritesNothing_data()
    {
        QTest::addColumn<int>("subject");
        QTest::newRow("saved filter") << int(NewNotification::About::SavedFilter);
        QTest::newRow("booking") << int(NewNotification::About::Booking);
        QTest::newRow("VIN request") << int(NewNotification::About::VinRequest);
    }

    void aSecondDeliveryWritesNothing()
    {
        QFETCH(int, subject);
        const auto kind = NewNotification::About(subject);
        const qint64 id = kind == NewNotification::About::SavedFilter ? m_filter
                          : kind == NewNotification::About::Booking   ? m_booking
                                                                      : m_vinRequest;
        QCOMPARE(add(about(kind, id, 501, QStringLiteral("first"))), Written);
        QCOMPARE(add(about(kind, id, 501, QStringLiteral("again"))), NotWritten);
        QCOMPARE(query("SELECT string_agg(title, ',') FROM notifications"), QStringLiteral("first"));
        QCOMPARE(add(about(kind, id, 502, QStringLiteral("next event"))), Written);
        QCOMPARE(query("SELECT count(*) FROM notifications"), QStringLiteral("2"));
        const char *column = kind == NewNotification::About::SavedFilter ? "saved_filter_id"
                             : kind == NewNotification::About::Booking   ? "booking_id"
                                                                         : "vin_request_id";
        QCOMPARE(query(std::string("SELECT count(*) FROM notifications WHERE ") + column + " = " + std::to_string(id) +
                       " AND num_nonnulls(saved_filter_id, booking_id, vin_request_id) = 1"),
                 QStringLiteral("2"));

        if (kind == NewNotification::About::SavedFilter) {
            const auto other = FleetService::saveFilter(*m_database, QStringLiteral("Other"), CarFilter());
            QVERIFY(other);
            QCOMPARE(add(about(kind, other->id, 501, QStringLiteral("other filter"))), Written);
            QVERIFY(FleetService::deleteFilter(*m_database, other->id));
        }
    }

    // The window reads the connected user's notifications, newest first, with what each is about; marking
    // them read leaves other staff members' alone.
    void listsTheConnectedUsersNewestFirst()
    {
        QCOMPARE(add(about(NewNotification::About::SavedFilter, m_filter, 601, QStringLiteral("alert"))), Written);
        QCOMPARE(add(about(NewNotification::About::Booking, m_booking, 602, QStringLiteral("reminder"))), Written);
        NewNotification vin = about(NewNotification::About::VinRequest, m_vinRequest, 603, QStringLiteral("report"));
        vin.carId = 0;
        QCOMPARE(add(vin), Written);
        NewNotification elsewhere = about(NewNotification::About::Booking, m_booking, 604, QStringLiteral("not mine"));
        elsewhere.recipient = QStringLiteral("someone_else");
        QCOMPARE(add(elsewhere), Written);

        const auto listed = NotificationService::list(*m_database);
        QVERIFY2(listed, qPrintable(listed ? QString() : listed.error().oneLine()));
        QCOMPARE(listed->size(), 3);
        const Notification &report = listed->at(0);
        QCOMPARE(report.title, QStringLiteral("report"));
        QCOMPARE(report.body, QStringLiteral("body of report"));
        QCOMPARE(report.vinRequestId, m_vinRequest);
        QCOMPARE(report.carId, qint64(0));
        QCOMPARE(report.bookingId, qint64(0));
        QVERIFY(!report.read);
        QVERIFY(qAbs(report.at.secsTo(QDateTime::currentDateTime())) < 60);
        QCOMPARE(listed->at(1).title, QStringLiteral("reminder"));
        QCOMPARE(listed->at(1).bookingId, m_booking);
        QCOMPARE(listed->at(1).carId, m_car);
        QCOMPARE(listed->at(2).title, QStringLiteral("alert"));
        QCOMPARE(listed->at(2).vinRequestId, qint64(0));
        QCOMPARE(NotificationService::list(*m_database, 2)->size(), 2);

        QVERIFY(NotificationService::markAllRead(*m_database));
        const auto afterwards = NotificationService::list(*m_database); // kept: a range-for over *list() dangles
        QVERIFY(afterwards);
        QCOMPARE(afterwards->size(), 3);
        for (const Notification &notification : *afterwards)
            QVERIFY(notification.read);
        QCOMPARE(query("SELECT count(*) FROM notifications WHERE read_at IS NULL"), QStringLiteral("1"));
    }

    // The recipient's open windows hear of a new notification at commit (NotificationService::changeKey on
    // the change channel), and of nothing for a second delivery.
    void theRecipientsWindowsHearOfIt()
    {
        pqxx::connection listening(m_db->conninfo().toStdString());
        ChannelListener changes(Outbox::ChangeChannel);
        changes.attach(listening);
        const auto hears = [&] {
            QStringList heard;
            while (changes.wait(listening, 300, [] { return false; }))
                heard << changes.take();
            return heard;
        };
        QCOMPARE(add(about(NewNotification::About::Booking, m_booking, 701, QStringLiteral("reminder"))), Written);
        QCOMPARE(hears(), QStringList{NotificationService::changeKey(m_user)});
        QCOMPARE(add(about(NewNotification::About::Booking, m_booking, 701, QStringLiteral("reminder"))), NotWritten);
        QCOMPARE(hears(), QStringList());
        changes.detach();
    }

    // A price drop names both prices as every amount is written (Money, in the database's currency).
    void aPriceDropAlertWritesThePricesInTheCurrency()
    {
        exec("INSERT INTO settings (key, value) VALUES ('currency', '\"GBP\"') "
             "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value");
        QVERIFY(FleetService::setFilterAlert(*m_database, m_filter, true));
        const QString stock = query("SELECT stock_number FROM cars WHERE id = " + std::to_string(m_car));
        OutboxEvent drop;
        drop.id = 801;
        drop.topic = QStringLiteral("car.price_changed");
        drop.key = QStringLiteral("car:%1").arg(m_car);
        drop.payload = {{QStringLiteral("id"), m_car},
                        {QStringLiteral("make"), QStringLiteral("Volkswagen")},
                        {QStringLiteral("model"), QStringLiteral("Golf")},
                        {QStringLiteral("stock_number"), stock},
                        {QStringLiteral("old_price"), 18900.5},
                        {QStringLiteral("new_price"), QStringLiteral("17500.00")}};
        const auto handled = m_database->guard([&](pqxx::connection &connection) {
            pqxx::work work(connection);
            FilterAlerts::handle(work, drop);
            work.commit();
        });
        QVERIFY(FleetService::setFilterAlert(*m_database, m_filter, false));
        QVERIFY(handled);
        QCOMPARE(query("SELECT title FROM notifications"), QStringLiteral("Price drop for \"Everything\""));
        QCOMPARE(query("SELECT body FROM notifications"),
                 QStringLiteral("Volkswagen Golf, stock #%1: £18,900.50 → £17,500").arg(stock));
        QCOMPARE(query("SELECT car_id FROM notifications"), QString::number(m_car));
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_database;
    QString m_user;
    qint64 m_car = 0;
    qint64 m_booking = 0;
    qint64 m_filter = 0;
    qint64 m_vinRequest = 0;
};

QTEST_GUILESS_MAIN(TestNotificationService)
#include "tst_notificationservice.moc"

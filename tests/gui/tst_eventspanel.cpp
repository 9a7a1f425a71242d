#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/DatabaseThread.h"
#include "services/HealthService.h"
#include "ui/shell/NotificationsButton.h"
#include "ui/system/EventsPanel.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

#include <pqxx/pqxx>

class TestEventsPanel : public QObject
{
    Q_OBJECT

    void exec(const std::string &sql)
    {
        const QString error = *runJob(*m_thread, [sql](Database &db) { return Result<QString>(execute(db, sql)); });
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    QPushButton *button(QWidget *panel, const QString &text)
    {
        for (QPushButton *candidate : panel->findChildren<QPushButton *>()) {
            if (candidate->text() == text)
                return candidate;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        useTestSettings(QStringLiteral("tst_eventspanel"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        const QString error = openDemoDatabase(m_db, m_thread, QStringLiteral("eventspanel"), 5);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_thread.reset();
        m_db.reset();
    }

    // A failed event shows with its payload and every attempt's error; Replay (confirmed) puts it back
    // in the queue and records who did it.
    void showsAndReplaysAFailedEvent()
    {
        exec("TRUNCATE outbox_events");
        exec("INSERT INTO outbox_dead_letters (id, topic, aggregate_key, payload, created_at, attempts, errors) "
             "VALUES (4242, 'car.price_changed', 'car:7', '{\"stock_number\": \"A7\"}', now(), 10, "
             "'[{\"attempt\": 10, \"at\": \"2026-11-22T10:00:00Z\", \"worker\": \"w1\", \"error\": \"provider "
             "down\"}]')");
        EventsPanel panel(m_thread.get());
        panel.resize(900, 600);
        panel.show();
        QTableWidget *letters = panel.deadLetterTable();
        QTRY_COMPARE(letters->rowCount(), 1);
        QCOMPARE(letters->item(0, 0)->text(), QStringLiteral("4242"));
        QCOMPARE(letters->item(0, 5)->text(), QStringLiteral("provider down"));
        QVERIFY2(panel.statusText().contains(QStringLiteral("failed events: 1")), qPrintable(panel.statusText()));

        QPushButton *replay = button(&panel, QStringLiteral("&Replay"));
        QVERIFY(!replay->isEnabled());
        letters->selectRow(0);
        QVERIFY(replay->isEnabled());
        const QString detail = panel.findChild<QPlainTextEdit *>()->toPlainText();
        QVERIFY2(detail.contains(QStringLiteral("\"stock_number\": \"A7\"")) && detail.contains(QStringLiteral("w1")),
                 qPrintable(detail));
        saveScreenshot(&panel, QStringLiteral("events-panel"));

        clickWhenShown(QString(), QStringLiteral("&Yes"));
        replay->click();
        QTRY_COMPARE(letters->rowCount(), 0);
        QCOMPARE(scalarOn(*m_thread, "SELECT count(*) FROM outbox_dead_letters"), QStringLiteral("0"));
        QCOMPARE(scalarOn(*m_thread, "SELECT string_agg(topic, ',' ORDER BY id) FROM outbox_events"),
                 QStringLiteral("car.price_changed,system.dead_letter_replayed"));
    }

    // "Workers alive" follows HealthService's rule (the one `forecourt health` applies): a worker whose
    // heartbeat is older than kHeartbeatFreshSeconds crashed or hangs, and is not listed as alive.
    void workersAliveFollowTheHealthRule()
    {
        const auto stale = std::to_string(HealthService::kHeartbeatFreshSeconds + 60);
        exec("DELETE FROM worker_heartbeats");
        exec("INSERT INTO worker_heartbeats (worker_id, host, pid, version, last_seen) VALUES "
             "('beating', 'desk-1', 101, '1.0', now()), "
             "('crashed', 'desk-2', 202, '1.0', now() - interval '" +
             stale + " seconds')");
        EventsPanel panel(m_thread.get());
        panel.resize(900, 600);
        panel.show();
        QTableWidget *workers = panel.workerTable();
        QTRY_VERIFY(workers->rowCount() > 0);
        QCOMPARE(workers->rowCount(), 1);
        QCOMPARE(workers->item(0, 0)->text(), QStringLiteral("beating"));

        exec("DELETE FROM worker_heartbeats WHERE worker_id = 'beating'");
        panel.refresh();
        QTRY_VERIFY2(panel.statusText().contains(QStringLiteral("Workers alive: none")),
                     qPrintable(panel.statusText()));
        QCOMPARE(workers->rowCount(), 0);
        exec("DELETE FROM worker_heartbeats");
    }

    // System › Activity: every line a sentence (no "booking.pickup_reminder (booking:3633:…)"),
    // payments, pick-ups and returns among them; a search box and a filter by kind narrow the lines.
    void activityReadsAsSentencesWithSearchAndKind()
    {
        exec("DELETE FROM activity_feed");
        exec(
            "INSERT INTO activity_feed (event_id, happened_at, actor, topic, aggregate_key, payload) VALUES "
            "(9001, now() - interval '4 minutes', 'anna', 'booking.pickup_reminder', 'booking:3633:pickup:1781078400', "
            "'{\"id\": 3633, \"stock_number\": \"A7\", \"at\": \"2026-06-10T08:00:00.000Z\"}'), "
            "(9002, now() - interval '3 minutes', 'anna', 'booking.changed', 'booking:3633', "
            "'{\"id\": 3633, \"car_id\": 7, \"stock_number\": \"A7\", \"customer\": \"Jane Berger\", "
            "\"payment\": \"deposit\", \"amount\": \"300.00\", \"method\": \"card\"}'), "
            "(9003, now() - interval '2 minutes', 'ben', 'booking.picked_up', 'booking:3633', "
            "'{\"id\": 3633, \"car_id\": 7, \"stock_number\": \"A7\", \"customer\": \"Jane Berger\", "
            "\"mileage_km\": 12345, \"fuel_pct\": 100}'), "
            "(9004, now() - interval '1 minutes', 'ben', 'car.updated', 'car:8', "
            "'{\"id\": 8, \"stock_number\": \"A8\", \"make\": \"Volkswagen\", \"model\": \"Golf\", "
            "\"changes\": {\"list_price\": [18900, 17500], \"colour\": [\"Red\", \"Blue\"]}}')");
        ActivityPanel panel(m_thread.get());
        panel.resize(1024, 700);
        QSignalSpy loaded(&panel, &ActivityPanel::loaded);
        panel.show();
        QVERIFY(loaded.wait(10000));
        QTableWidget *table = panel.table();
        QCOMPARE(table->rowCount(), 4);
        const auto texts = [table] {
            QStringList texts;
            for (int row = 0; row < table->rowCount(); ++row)
                texts << table->item(row, 1)->text();
            return texts;
        };
        QCOMPARE(
            texts(),
            (QStringList{QStringLiteral("ben changed stock #A8 (Volkswagen Golf): Colour Red → Blue; List price "
                                        "€18,900 → €17,500"),
                         QStringLiteral("ben handed stock #A7 over for booking #3633 (Jane Berger) at 12,345 km, "
                                        "fuel 100%"),
                         QStringLiteral("anna took a deposit of €300 by card for booking #3633 (Jane Berger)"),
                         QStringLiteral("Reminder: stock #A7 is to be picked up at %1 (booking #3633)")
                             .arg(QLocale().toString(QDateTime(QDate(2026, 6, 10), QTime(8, 0), Qt::UTC).toLocalTime(),
                                                     QLocale::ShortFormat))}));
        QVERIFY(!panel.searchField()->accessibleName().isEmpty());
        QVERIFY(!panel.kindBox()->accessibleName().isEmpty());
        saveScreenshot(&panel, QStringLiteral("activity-1024"));

        // Typed words narrow the lines once typing pauses.
        QTest::keyClicks(panel.searchField(), QStringLiteral("berger"));
        QVERIFY(loaded.wait(10000));
        QTRY_COMPARE(table->rowCount(), 2);
        // A kind narrows them further.
        panel.kindBox()->setCurrentIndex(panel.kindBox()->findData(QStringLiteral("payment")));
        QTRY_VERIFY(texts().size() == 1 && texts().constFirst().contains(QLatin1String("deposit")));
        panel.searchField()->clear();
        panel.kindBox()->setCurrentIndex(panel.kindBox()->findText(QStringLiteral("Pick-ups and returns")));
        QTRY_VERIFY(texts().size() == 1 && texts().constFirst().contains(QLatin1String("handed")));

        // Nothing found says so, and how to widen the search.
        panel.kindBox()->setCurrentIndex(0);
        QTest::keyClicks(panel.searchField(), QStringLiteral("nobody"));
        QTRY_COMPARE(table->rowCount(), 0);
        auto *message = panel.findChild<QLabel *>(QStringLiteral("activityMessage"));
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QLatin1String("Nothing matches")), qPrintable(message->text()));
        panel.searchField()->clear();
        QTRY_COMPARE(table->rowCount(), 4);
        panel.resize(1920, 1080);
        saveScreenshot(&panel, QStringLiteral("activity-1920"));
    }

    // The unread count shows on the button; a notification that arrives after the first read is
    // announced once (the window turns it into a tray message); "Mark all read" clears the count.
    void notificationsShowUnreadAndAnnounceNewOnes()
    {
        const std::string add = "INSERT INTO notifications (recipient, title, body, source_event) "
                                "VALUES (current_user, 'New car for \"VW\"', 'Volkswagen Golf, stock #A1', ";
        exec(add + "1)");
        NotificationsButton button(m_thread.get());
        QSignalSpy arrived(&button, &NotificationsButton::arrived);
        button.refresh();
        QTRY_COMPARE(button.text(), QStringLiteral("Notifications (1)"));
        QCOMPARE(arrived.count(), 0); // there before the window opened: not announced

        exec(add + "2)");
        button.refresh();
        QTRY_COMPARE(button.text(), QStringLiteral("Notifications (2)"));
        QCOMPARE(arrived.count(), 1);
        QCOMPARE(arrived.at(0).at(1).toString(), QStringLiteral("Volkswagen Golf, stock #A1"));

        QAction *markRead = button.menu()->actions().constLast();
        QCOMPARE(markRead->text(), QStringLiteral("Mark all read"));
        markRead->trigger();
        QTRY_COMPARE(button.text(), QStringLiteral("Notifications"));
        QCOMPARE(arrived.count(), 1);
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DatabaseThread> m_thread;
};

QTEST_MAIN(TestEventsPanel)
#include "tst_eventspanel.moc"

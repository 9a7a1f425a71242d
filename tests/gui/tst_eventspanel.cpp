#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/DatabaseThread.h"
#include "ui/EventsPanel.h"
#include "ui/NotificationsButton.h"

#include <QCoreApplication>
#include <QLabel>
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

#include "StandbyServer.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/DatabaseThread.h"
#include "db/Replication.h"
#include "services/DashboardService.h"
#include "services/SalesService.h"
#include "ui/dashboards/DashboardPage.h"
#include "ui/dashboards/DashboardsSection.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

#include <pqxx/pqxx>

// The dashboards on a Reports server: a hot standby of the fixture server (pg_basebackup -R), read-only,
// following the changes made on the main server.
class TestReportsServer : public QObject
{
    Q_OBJECT

    // Opens `profile` on a new database thread.
    static std::unique_ptr<DatabaseThread> openThread(const ConnectionProfile &profile,
                                                      DatabaseThread::OnFailedOpen onFailure)
    {
        auto thread = std::make_unique<DatabaseThread>();
        auto opened = thread->open(profile, onFailure);
        opened.waitForFinished();
        if (!opened.result())
            qWarning("%s", qPrintable(opened.result().error().oneLine()));
        return thread;
    }

    // Waits until the standby has replayed everything the primary has written so far.
    bool standbyCaughtUp()
    {
        const auto position = runJob(*m_primary, [](Database &db) { return Replication::currentPosition(db); });
        if (!position || !*position)
            return false;
        const quint64 wanted = **position;
        const auto replayed = runJob(*m_reports, [wanted](Database &db) {
            return Replication::waitForReplay(db, wanted, std::chrono::seconds(20));
        });
        return replayed && *replayed;
    }

    static Result<DashboardFigures> figuresOn(DatabaseThread &thread, const QString &dashboard,
                                              const DashboardQuery &query)
    {
        return runJob(thread,
                      [dashboard, query](Database &db) { return DashboardService::figures(db, dashboard, query); });
    }

    // Sells a car for sale that is free today, on the primary; its id, or 0.
    qint64 sellACar()
    {
        const qint64 car =
            scalarOn(*m_primary, "SELECT id FROM cars WHERE status = 'available' AND NOT for_rent AND NOT EXISTS "
                                 "(SELECT 1 FROM bookings k WHERE k.car_id = cars.id AND k.status IN "
                                 "('reserved', 'active')) ORDER BY id LIMIT 1")
                .toLongLong();
        if (car <= 0)
            return 0;
        SaleRequest request;
        request.carId = car;
        request.soldOn = QDate::currentDate();
        request.priceCents = 1'234'500;
        const auto sold = runJob(*m_primary, [request](Database &db) { return SalesService::sell(db, request); });
        if (!sold)
            qWarning("%s", qPrintable(sold.error().oneLine()));
        return sold ? car : 0;
    }

    static QString stateOf(DashboardPage *page)
    {
        auto *state = page->findChild<QLabel *>(QStringLiteral("dashboardState"));
        return state && state->isVisible() ? state->text() : QString();
    }

    DashboardQuery lastYear() const
    {
        const QDate today = QDate::currentDate();
        return DashboardQuery{today.addDays(-364), today, QString(), {}};
    }

private slots:
    void initTestCase()
    {
        useTestSettings(QStringLiteral("tst_reportsserver"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        const QString error = openDemoDatabase(m_db, m_primary, QStringLiteral("reportsserver"), 120);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QElapsedTimer clock;
        clock.start();
        m_standby = std::make_unique<StandbyServer>();
        QVERIFY2(m_standby->isValid(), qPrintable(m_standby->error()));
        qInfo("standby made and started in %lld ms", clock.elapsed());
        // As the window opens a Reports server: read-only, tried again when it cannot be reached.
        m_reports = openThread(m_standby->profile(m_db->name()).readOnly(), DatabaseThread::OnFailedOpen::Retry);
        QVERIFY(standbyCaughtUp());
        QCOMPARE(scalarOn(*m_reports, "SELECT pg_is_in_recovery()"), QStringLiteral("t"));
    }

    void cleanupTestCase()
    {
        m_section.reset();
        m_reports.reset();
        m_admin.reset();
        m_standby.reset();
        m_primary.reset();
        m_db.reset();
    }

    // Every period dashboard's figures read from the standby are the primary's.
    void standbyFiguresAreThePrimarys()
    {
        for (const QString &dashboard :
             {QStringLiteral("stock"), QStringLiteral("rentals"), QStringLiteral("sales"), QStringLiteral("vin")}) {
            const auto primary = figuresOn(*m_primary, dashboard, lastYear());
            const auto standby = figuresOn(*m_reports, dashboard, lastYear());
            QVERIFY2(primary && standby, qPrintable(dashboard));
            QCOMPARE(standby->toJson(), primary->toJson());
        }
        const auto sales = figuresOn(*m_reports, QStringLiteral("sales"), lastYear());
        QVERIFY(*sales->tileValue(QStringLiteral("units")) > 0); // demo data has sales: not an empty comparison
    }

    // `forecourt stats --reports-server` reads the same figures from the standby; one that cannot be reached
    // says which server and exits with 1.
    void statsReadsTheReportsServer()
    {
        const QDate today = QDate::currentDate();
        const QStringList period = {QStringLiteral("--from"), today.addDays(-364).toString(Qt::ISODate),
                                    QStringLiteral("--to"), today.toString(Qt::ISODate), QStringLiteral("--json")};
        const ForecourtRun run =
            runForecourt(QStringList{QStringLiteral("stats"), QStringLiteral("sales")} + period +
                         QStringList{QStringLiteral("--server"), m_db->conninfo(), QStringLiteral("--reports-server"),
                                     m_standby->conninfo(m_db->name())});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto primary = figuresOn(*m_primary, QStringLiteral("sales"), lastYear());
        QVERIFY(primary);
        QCOMPARE(run.json(), primary->toJson());

        const ForecourtRun nowhere = runForecourt(
            QStringList{QStringLiteral("stats"), QStringLiteral("sales"), QStringLiteral("--reports-server"),
                        QStringLiteral("host=/tmp/fc-no-such-replica port=5 dbname=forecourt")});
        QCOMPARE(nowhere.exitCode, 1);
        QVERIFY2(nowhere.err.contains(QStringLiteral("fc-no-such-replica")), qPrintable(nowhere.err));
    }

    // The Reports server's connection only reads: the standby refuses writes, and so does the main server
    // through a read-only profile (a Reports server set to the main one).
    void reportsConnectionsOnlyRead()
    {
        const QString onStandby = runJob(*m_reports, [](Database &db) -> Result<QString> {
                                      return execute(db, "UPDATE branches SET name = name WHERE false");
                                  }).value_or(QString());
        QVERIFY2(onStandby.contains(QStringLiteral("read-only")), qPrintable(onStandby));

        auto readOnlyPrimary = openThread(m_db->profile().readOnly(), DatabaseThread::OnFailedOpen::Fail);
        const QString onPrimary = runJob(*readOnlyPrimary, [](Database &db) -> Result<QString> {
                                      return execute(db, "UPDATE branches SET name = name WHERE false");
                                  }).value_or(QString());
        QVERIFY2(onPrimary.contains(QStringLiteral("read-only")), qPrintable(onPrimary));
        QCOMPARE(scalarOn(*readOnlyPrimary, "SELECT pg_is_in_recovery()"), QStringLiteral("f"));
    }

    // A sale made on the primary shows in the standby's figures once it has replayed it.
    void aSaleOnThePrimaryShowsOnTheStandby()
    {
        const auto before = figuresOn(*m_reports, QStringLiteral("sales"), lastYear());
        QVERIFY(before);
        QVERIFY(sellACar() > 0);
        QVERIFY(standbyCaughtUp());
        const auto after = figuresOn(*m_reports, QStringLiteral("sales"), lastYear());
        QVERIFY(after);
        const auto primary = figuresOn(*m_primary, QStringLiteral("sales"), lastYear());
        QCOMPARE(after->toJson(), primary->toJson());
        QCOMPARE(*after->tileValue(QStringLiteral("units")), *before->tileValue(QStringLiteral("units")) + 1);
    }

    // The Dashboards section pointed at the standby: a change notified by the main server shows, the
    // re-read waiting for the replica to replay it (replay held back for a while), and within a second
    // when the replica keeps up.
    void sectionOnTheStandbyShowsALiveChange()
    {
        m_section = std::make_unique<DashboardsSection>(SectionContext{m_primary.get(), nullptr, m_reports.get()});
        m_section->resize(1280, 800);
        m_section->show();
        QSignalSpy shown(m_section.get(), &DashboardsSection::figuresShown);
        m_section->showDashboard(QStringLiteral("sales"));
        m_section->setPeriod(DashboardPeriod::Custom, {QDate::currentDate().addDays(-29), QDate::currentDate()});
        m_section->activate(loadSession(*m_primary));
        QVERIFY(QTest::qWaitFor([&] { return m_section->isCurrent(QStringLiteral("sales")); }, 15000));
        DashboardPage *page = m_section->page(QStringLiteral("sales"));
        auto units = [page] { return *page->model()->figures().tileValue(QStringLiteral("units")); };
        const double before = units();
        saveScreenshot(m_section.get(), QStringLiteral("dashboard_sales_on_replica"));

        // The standby holds the change back: the section waits for it rather than show the old figures.
        m_admin = openThread(m_standby->profile(m_db->name()), DatabaseThread::OnFailedOpen::Fail);
        scalarOn(*m_admin, "SELECT pg_wal_replay_pause()::text");
        QTRY_COMPARE(scalarOn(*m_admin, "SELECT pg_get_wal_replay_pause_state()"), QStringLiteral("paused"));
        qint64 car = sellACar();
        QVERIFY(car > 0);
        shown.clear();
        m_section->applyChanges({QStringLiteral("car:%1").arg(car)});
        QTest::qWait(700);
        QVERIFY2(shown.isEmpty(), "the section showed figures the replica had not caught up on");
        scalarOn(*m_admin, "SELECT pg_wal_replay_resume()::text");
        QTRY_COMPARE_WITH_TIMEOUT(units(), before + 1, 5000);

        // A replica that keeps up: the change shows within a second.
        car = sellACar();
        QVERIFY(car > 0);
        shown.clear();
        QElapsedTimer clock;
        clock.start();
        m_section->applyChanges({QStringLiteral("car:%1").arg(car)});
        QTRY_COMPARE_WITH_TIMEOUT(units(), before + 2, 5000);
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    }

    // A Reports server that cannot be reached: the dashboard says so and where to change it, and does not
    // hang; the next read tries again.
    void unreachableReportsServerIsShown()
    {
        QVERIFY(m_section);
        DashboardPage *page = m_section->page(QStringLiteral("sales"));
        m_admin.reset();
        m_standby->stop();
        QElapsedTimer clock;
        clock.start();
        m_section->applyChanges({QStringLiteral("car:*")});
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(page).contains(QStringLiteral("cannot be reached")), 15000);
        QVERIFY2(stateOf(page).contains(QStringLiteral("reports server")), qPrintable(stateOf(page)));
        QVERIFY2(stateOf(page).contains(QStringLiteral("Reports server, or clear it")), qPrintable(stateOf(page)));
        saveScreenshot(m_section.get(), QStringLiteral("dashboard_replica_unreachable"));

        // Tried again (the connection is opened anew) on the next change: still a sentence, quickly.
        m_section->applyChanges({QStringLiteral("car:*")});
        QTest::qWait(400);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(page).contains(QStringLiteral("cannot be reached")), 15000);
        QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DatabaseThread> m_primary;
    std::unique_ptr<StandbyServer> m_standby;
    std::unique_ptr<DatabaseThread> m_reports;
    std::unique_ptr<DatabaseThread> m_admin;
    std::unique_ptr<DashboardsSection> m_section;
};

QTEST_MAIN(TestReportsServer)
#include "tst_reportsserver.moc"

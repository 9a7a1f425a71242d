// VIN reports end to end, on the suite's fixture server with a fake vPIC (FakeHttpServer,
// answering in vPIC's shape) and the simulated history provider:
// - 1,000 VINs asked for at once, until every report is stored: target < 10 s;
// - single requests one after the other (a desk asking for one VIN), from the request to the report
//   stored: target p95 < 200 ms.
// One event worker with the standard handlers, as a running Forecourt has. Run with vPIC's default pace
// (250 ms between calls) and with no pause. Prints the figures; record them in tests/bench/RESULTS.md.
#include "BenchSupport.h"
#include "FakeHttpServer.h"
#include "TestDatabase.h"
#include "db/Database.h"
#include "domain/Vin.h"
#include "events/EventWorker.h"
#include "services/VinReportService.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTextStream>

#include <memory>

namespace {

QTextStream out(stdout);

QString vinNumber(int number)
{
    QString vin = QStringLiteral("1HGCM8263%1A%2").arg(number % 10).arg(number, 6, 10, QLatin1Char('0'));
    vin[Vin::CheckDigitPosition - 1] = Vin::checkDigitFor(vin);
    return vin;
}

FakeHttpServer::Response vpicAnswer(const FakeHttpServer::Request &request)
{
    const QString data = FakeHttpServer::formFields(request.body).value(QStringLiteral("data"));
    QJsonArray results;
    for (const QString &entry : data.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        results.append(QJsonObject{{QStringLiteral("VIN"), entry.section(QLatin1Char(','), 0, 0)},
                                   {QStringLiteral("ErrorCode"), QStringLiteral("0")},
                                   {QStringLiteral("ErrorText"), QStringLiteral("0 - VIN decoded clean.")},
                                   {QStringLiteral("Make"), QStringLiteral("HONDA")},
                                   {QStringLiteral("Model"), QStringLiteral("Accord")},
                                   {QStringLiteral("ModelYear"), QStringLiteral("2003")},
                                   {QStringLiteral("BodyClass"), QStringLiteral("Sedan/Saloon")},
                                   {QStringLiteral("EngineCylinders"), QStringLiteral("4")},
                                   {QStringLiteral("DisplacementL"), QStringLiteral("2.4")},
                                   {QStringLiteral("FuelTypePrimary"), QStringLiteral("Gasoline")}});
    FakeHttpServer::Response response;
    response.body =
        QJsonDocument(QJsonObject{{QStringLiteral("Count"), results.size()},
                                  {QStringLiteral("Message"), QStringLiteral("Results returned successfully")},
                                  {QStringLiteral("Results"), results}})
            .toJson(QJsonDocument::Compact);
    return response;
}

} // namespace

class BenchVinReports : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<FakeHttpServer> m_vpic;
    int m_nextVin = 1;

    QString query(const std::string &sql) { return scalar(*m_database, sql); }

    void configure(int minIntervalMs)
    {
        QVERIFY(execute(*m_database, "DELETE FROM notifications; DELETE FROM vin_requests; DELETE FROM vin_reports")
                    .isEmpty());
        QVERIFY(execute(*m_database, "UPDATE settings SET value = '\"" + m_vpic->url().toString().toStdString() +
                                         "\"' WHERE key = 'vin_vpic_url'; UPDATE settings SET value = '" +
                                         std::to_string(minIntervalMs) + "' WHERE key = 'vin_vpic_min_interval_ms'")
                    .isEmpty());
    }

    void batch(int minIntervalMs)
    {
        configure(minIntervalMs);
        EventWorker worker(m_db->profile(), EventWorker::standardHandlers(), EventWorker::Options{});
        worker.start();
        QVERIFY(bench::waitFor([&] { return query("SELECT count(*) FROM worker_heartbeats") != QLatin1String("0"); }));
        QStringList vins;
        for (int i = 0; i < 1000; ++i)
            vins << vinNumber(m_nextVin++);
        const int callsBefore = m_vpic->requestCount();
        QElapsedTimer clock;
        clock.start();
        const auto requested = VinReportService::request(*m_database, vins);
        QVERIFY(requested && requested->ids.size() == 1000);
        const double requestMs = double(clock.nsecsElapsed()) / 1e6;
        QVERIFY(bench::waitFor(
            [&] { return query("SELECT count(*) FROM vin_requests WHERE status = 'pending'") == QLatin1String("0"); },
            120000));
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        QCOMPARE(query("SELECT count(*) FROM vin_requests WHERE status = 'done'"), QStringLiteral("1000"));
        QCOMPARE(query("SELECT count(*) FROM vin_reports"), QStringLiteral("1000"));
        out << QStringLiteral("1,000 VINs at once, vPIC pace %1 ms: requests written in %2 ms; all stored after "
                              "%3 s (%4 reports/s); %5 vPIC calls; %6 notification(s)")
                   .arg(minIntervalMs)
                   .arg(requestMs, 0, 'f', 1)
                   .arg(seconds, 0, 'f', 2)
                   .arg(1000 / seconds, 0, 'f', 0)
                   .arg(m_vpic->requestCount() - callsBefore)
                   .arg(query("SELECT count(*) FROM notifications"))
            << Qt::endl;
    }

    void singles(int minIntervalMs)
    {
        configure(minIntervalMs);
        EventWorker worker(m_db->profile(), EventWorker::standardHandlers(), EventWorker::Options{});
        worker.start();
        QVERIFY(bench::waitFor([&] { return query("SELECT count(*) FROM worker_heartbeats") != QLatin1String("0"); }));
        bench::Stats stats;
        for (int i = 0; i < 60; ++i) {
            QTest::qWait(std::max(50, minIntervalMs + 50)); // a desk asks now and then, not in a burst
            const QString vin = vinNumber(m_nextVin++);
            QElapsedTimer clock;
            clock.start();
            const auto requested = VinReportService::request(*m_database, {vin});
            QVERIFY(requested);
            const std::string done =
                "SELECT status FROM vin_requests WHERE id = " + std::to_string(requested->ids.constFirst());
            QVERIFY(bench::waitFor([&] { return query(done) == QLatin1String("done"); }, 10000));
            if (i >= 5) // the first few warm the connection's plans and the network
                stats.add(double(clock.nsecsElapsed()) / 1e6);
        }
        out << QStringLiteral("Single requests, vPIC pace %1 ms, request to report stored: %2")
                   .arg(minIntervalMs)
                   .arg(stats.summary())
            << Qt::endl;
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<TestDatabase>(QStringLiteral("benchvin"));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        m_database = m_db->openMigrated();
        QVERIFY(m_database);
        m_vpic = std::make_unique<FakeHttpServer>(&vpicAnswer);
        QVERIFY(m_vpic->isListening());
    }

    void batchAtDefaultPace() { batch(250); }
    void batchWithoutPause() { batch(0); }
    void singlesAtDefaultPace() { singles(250); }
    void singlesWithoutPause() { singles(0); }
};

QTEST_GUILESS_MAIN(BenchVinReports)
#include "bench_vinreports.moc"

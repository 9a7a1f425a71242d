#include "FakeHttpServer.h"
#include "SecretStore.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "db/Migrator.h"
#include "domain/Vin.h"
#include "events/EventWorker.h"
#include "events/VinReportHandler.h"
#include "services/VinReportService.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <pqxx/pqxx>

#include <atomic>
#include <memory>

namespace {

// `seventeen` with its check digit (position 9) put right.
QString withCheckDigit(QString seventeen)
{
    seventeen[Vin::CheckDigitPosition - 1] = Vin::checkDigitFor(seventeen);
    return seventeen;
}

const QString kAccord = QStringLiteral("1HGCM82633A004352"); // a valid 2003 Honda Accord

// vPIC's DecodeVINValuesBatch as documented: every VIN answered, values as strings, empty for no data.
FakeHttpServer::Response vpicAnswer(const FakeHttpServer::Request &request)
{
    const QString data = FakeHttpServer::formFields(request.body).value(QStringLiteral("data"));
    QJsonArray results;
    for (const QString &entry : data.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString vin = entry.section(QLatin1Char(','), 0, 0);
        results.append(QJsonObject{{QStringLiteral("VIN"), vin},
                                   {QStringLiteral("ErrorCode"), QStringLiteral("0")},
                                   {QStringLiteral("ErrorText"),
                                    QStringLiteral("0 - VIN decoded clean. Check Digit (9th position) is correct")},
                                   {QStringLiteral("Make"), QStringLiteral("HONDA")},
                                   {QStringLiteral("Model"), QStringLiteral("Accord")},
                                   {QStringLiteral("ModelYear"), QStringLiteral("2003")},
                                   {QStringLiteral("BodyClass"), QStringLiteral("Coupe")},
                                   {QStringLiteral("Trim"), QString()}});
    }
    FakeHttpServer::Response response;
    response.body =
        QJsonDocument(QJsonObject{{QStringLiteral("Count"), results.size()},
                                  {QStringLiteral("Message"), QStringLiteral("Results returned successfully")},
                                  {QStringLiteral("SearchCriteria"), QJsonValue::Null},
                                  {QStringLiteral("Results"), results}})
            .toJson(QJsonDocument::Compact);
    return response;
}

EventWorker::Options fastOptions()
{
    EventWorker::Options options;
    options.queue.backoffBaseMs = 20;
    options.queue.backoffMaxMs = 100;
    options.queue.maxAttempts = 1000; // no dead letters while a test waits for a fault to be mended
    options.pollMs = 100;
    return options;
}

} // namespace

class TestVinReports : public QObject
{
    Q_OBJECT

    QString query(const std::string &sql) { return scalar(*m_database, sql); }
    void exec(const std::string &sql)
    {
        const QString error = execute(*m_database, sql);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    void setSetting(const char *key, const QString &jsonValue)
    {
        exec(std::string("UPDATE settings SET value = '") + jsonValue.toStdString() + "' WHERE key = '" + key + "'");
    }

    std::unique_ptr<EventWorker> startWorker(VinReportHandler::Options options = {})
    {
        EventHandlers handlers;
        VinReportHandler::install(handlers, std::make_shared<VinReportHandler>(m_secrets, options));
        auto worker = std::make_unique<EventWorker>(m_db->profile(), handlers, fastOptions());
        worker->start();
        return worker;
    }

    VinRequestBatch request(const QStringList &vins, bool fresh = false)
    {
        const auto batch = VinReportService::request(*m_database, vins, 0, fresh);
        if (!batch)
            qWarning() << batch.error().oneLine();
        return batch ? *batch : VinRequestBatch();
    }

    VinRequestRow requestRow(qint64 id)
    {
        const auto rows = VinReportService::requests(*m_database, {});
        if (rows) {
            for (const VinRequestRow &row : *rows) {
                if (row.id == id)
                    return row;
            }
        }
        return {};
    }

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<FakeHttpServer> m_vpic;
    std::shared_ptr<MemorySecretStore> m_secrets = std::make_shared<MemorySecretStore>();

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<TestDatabase>(QStringLiteral("vinreports"));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        m_database = m_db->openMigrated();
        QVERIFY(m_database);
        m_vpic = std::make_unique<FakeHttpServer>(&vpicAnswer);
        QVERIFY(m_vpic->isListening());
    }

    void init()
    {
        exec("DELETE FROM notifications; DELETE FROM vin_requests; DELETE FROM vin_reports; DELETE FROM outbox_events");
        setSetting("vin_vpic_url", QStringLiteral("\"%1\"").arg(m_vpic->url().toString()));
        setSetting("vin_vpic_min_interval_ms", QStringLiteral("0"));
        setSetting("vin_vpic_timeout_ms", QStringLiteral("2000"));
        setSetting("vin_report_reuse_days", QStringLiteral("30"));
        setSetting("vin_history_provider", QStringLiteral("\"simulated\""));
        m_vpic->setResponder(&vpicAnswer);
    }

    void requestWritesRowsAndEventsAndRefusesBadInput()
    {
        const VinRequestBatch batch = request({kAccord, QStringLiteral("1hgcm8263-3a004352"),
                                               QStringLiteral("not a vin"), QStringLiteral("1HGCM82633A00435O")});
        QCOMPARE(batch.ids.size(), 1);
        QCOMPARE(batch.repeated, 1);
        QCOMPARE(batch.refused.size(), 2);
        QCOMPARE(batch.refused.at(0).first, QStringLiteral("not a vin"));
        QVERIFY(batch.refused.at(1).second.contains(QLatin1String("O"))); // names the letter O
        QCOMPARE(query("SELECT count(*) FROM vin_requests WHERE status = 'pending'"), QStringLiteral("1"));
        QCOMPARE(query("SELECT payload->>'id' FROM outbox_events WHERE topic = 'vin.requested'"),
                 QString::number(batch.ids.constFirst()));

        const auto none = VinReportService::request(*m_database, {QStringLiteral("nope"), QStringLiteral("")});
        QVERIFY(!none);
        QCOMPARE(none.error().code, Error::Code::InvalidInput);
        QCOMPARE(query("SELECT count(*) FROM vin_requests"), QStringLiteral("1")); // nothing more written
    }

    void workerStoresReportsAndNotifiesOnce()
    {
        const QString second = withCheckDigit(QStringLiteral("1HGCM82630A123456"));
        const QString third = withCheckDigit(QStringLiteral("5YJ3E1EA0KF317001"));
        const VinRequestBatch batch = request({kAccord, second, third});
        QCOMPARE(batch.ids.size(), 3);
        auto worker = startWorker();
        QTRY_COMPARE_WITH_TIMEOUT(query("SELECT count(*) FROM vin_requests WHERE status = 'done'"), QStringLiteral("3"),
                                  15000);
        QCOMPARE(m_vpic->requestCount(), 1); // one batch call for the three
        const QString sent =
            FakeHttpServer::formFields(m_vpic->requests().constFirst().body).value(QStringLiteral("data"));
        QVERIFY2(sent.contains(kAccord) && sent.contains(second) && sent.contains(third), qPrintable(sent));
        QCOMPARE(query("SELECT count(*) FROM vin_reports"), QStringLiteral("3"));

        const VinRequestRow row = requestRow(batch.ids.constFirst());
        QCOMPARE(row.status, QStringLiteral("done"));
        QCOMPARE(row.vehicle, QStringLiteral("2003 HONDA Accord"));
        QVERIFY(row.simulated);
        const auto report = VinReportService::report(*m_database, row.reportId);
        QVERIFY(report);
        QVERIFY(report->spec);
        QCOMPARE(report->spec->value(QStringLiteral("Make")), QStringLiteral("HONDA"));
        QVERIFY(report->history.simulated);
        QCOMPARE(report->decoding.manufacturer, QStringLiteral("Honda"));
        // The list's flags are the report's.
        const VinReport::Flags flags = report->flags();
        QCOMPARE(row.accidents, flags.accidents);
        QCOMPARE(row.rollbackSuspected, flags.rollbackSuspected);
        QCOMPARE(row.titleBrands, flags.titleBrands);

        // One notification for the three, to whoever asked.
        QCOMPARE(query("SELECT count(*) FROM notifications WHERE vin_request_id IS NOT NULL"), QStringLiteral("1"));
        QCOMPARE(query("SELECT recipient = current_user FROM notifications"), QStringLiteral("t"));
        // "3 VIN reports ready" with the English translation the app loads; the source text here.
        QCOMPARE(query("SELECT title FROM notifications"), QStringLiteral("3 VIN report(s) ready"));
    }

    // A report of a car in the fleet compares the fleet's mileage with the readings: the list,
    // the notification and the report itself flag a fleet mileage below the highest reading, and follow the
    // fleet's figure as it changes.
    void fleetMileageBelowAReportedReadingIsFlagged()
    {
        exec("DELETE FROM cars");
        exec("INSERT INTO cars (vin, make, model, model_year, body_type, fuel_type, transmission, drive, condition, "
             "list_price, mileage_km) VALUES ('" +
             kAccord.toStdString() +
             "', 'Honda', 'Accord', 2003, 'coupe', 'petrol', 'automatic', 'fwd', 'used', 4500, "
             "1000)");
        auto worker = startWorker();
        const qint64 id = request({kAccord}).ids.value(0);
        QTRY_COMPARE_WITH_TIMEOUT(requestRow(id).status, QStringLiteral("done"), 15000);

        const auto report = VinReportService::report(*m_database, requestRow(id).reportId);
        QVERIFY(report);
        QCOMPARE(report->fleetMileageKm, std::optional<int>(1000));
        const VinReport::Flags flags = report->flags();
        QVERIFY(flags.highestReading && flags.highestReading->km > 100000); // a car of 2003
        QVERIFY(flags.fleetMileageBelowReported());
        VinRequestRow row = requestRow(id);
        QCOMPARE(row.highestReportedKm, std::optional<int>(flags.highestReading->km));
        QCOMPARE(query("SELECT highest_odometer_km FROM vin_reports"), QString::number(flags.highestReading->km));
        QCOMPARE(row.fleetMileageKm, std::optional<int>(1000));
        QVERIFY2(row.flags().findings().contains(QLatin1String("Fleet mileage 1")), qPrintable(row.flags().findings()));
        const QString body = query("SELECT body FROM notifications");
        QVERIFY2(body.contains(QLatin1String("Fleet mileage")), qPrintable(body));

        // The fleet's figure corrected: no longer flagged, in the list or in the report.
        exec("UPDATE cars SET mileage_km = " + std::to_string(flags.highestReading->km + 500));
        row = requestRow(id);
        QVERIFY(!row.flags().fleetMileageBelowReported());
        QVERIFY(!row.flags().findings().contains(QLatin1String("Fleet mileage")));
        QVERIFY(!VinReportService::report(*m_database, row.reportId)->flags().fleetMileageBelowReported());

        // The car gone from the fleet: nothing to compare with.
        exec("DELETE FROM cars");
        QCOMPARE(requestRow(id).fleetMileageKm, std::optional<int>());
        QCOMPARE(VinReportService::report(*m_database, row.reportId)->fleetMileageKm, std::optional<int>());
    }

    // Reports stored before migration 0015 get their highest reading from their JSON, as
    // VinReport::flags() finds it; a report without readings, or with nonsense in them, gets none.
    void migrationFillsInTheHighestReadingOfEarlierReports()
    {
        TestDatabase older(QStringLiteral("vinreports_0015"));
        QVERIFY2(older.isValid(), qPrintable(older.error()));
        pqxx::connection connection(older.conninfo().toStdString());
        QList<Migrator::Migration> before = Migrator::builtIn();
        before.removeIf([](const Migrator::Migration &migration) { return migration.version >= 15; });
        QVERIFY(Migrator(before).migrate(connection));

        VinReport report;
        report.vin = kAccord;
        report.history.odometer = {{QDate(2021, 3, 1), 30000, QStringLiteral("inspection")},
                                   {QDate(), 31000, QStringLiteral("sale")}};
        report.history.service = {{QDate(2022, 3, 1), 42000, {}, {}}, {QDate(2022, 9, 1), -1, {}, {}}};
        report.history.titleEvents = {{QDate(2020, 1, 1), QStringLiteral("title"), {}, {}, 12}};
        const int expected = report.flags().highestReading->km;
        QCOMPARE(expected, 42000);
        const std::string json = QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact).toStdString();
        {
            pqxx::work work(connection);
            const std::string insert = "INSERT INTO vin_reports (vin, provider, simulated, report) VALUES ('" +
                                       kAccord.toStdString() + "', 'p', false, ";
            work.exec_params(insert + "$1::jsonb)", json);
            work.exec(insert + "'{\"history\": {\"odometer\": \"none\", \"service\": [1, {\"odometer_km\": \"9\"}], "
                               "\"title_events\": [{\"odometer_km\": 1e300}, {\"odometer_km\": -5}]}}')");
            work.exec(insert + "'{}')");
            work.commit();
        }
        QVERIFY(Migrator(Migrator::builtIn()).migrate(connection));
        pqxx::nontransaction read(connection);
        const pqxx::result rows = read.exec("SELECT highest_odometer_km FROM vin_reports ORDER BY id");
        QCOMPARE(rows.size(), pqxx::result::size_type(3));
        QCOMPARE(rows[0][0].as<int>(), expected);
        QVERIFY(rows[1][0].is_null());
        QVERIFY(rows[2][0].is_null());
    }

    void recentReportIsReusedUnlessFresh()
    {
        auto worker = startWorker();
        const qint64 first = request({kAccord}).ids.value(0);
        QTRY_COMPARE_WITH_TIMEOUT(requestRow(first).status, QStringLiteral("done"), 15000);
        const int calls = m_vpic->requestCount();
        const qint64 reportId = requestRow(first).reportId;

        const qint64 again = request({kAccord}).ids.value(0);
        QTRY_COMPARE_WITH_TIMEOUT(requestRow(again).status, QStringLiteral("done"), 15000);
        QVERIFY(requestRow(again).reused);
        QCOMPARE(requestRow(again).reportId, reportId);
        QCOMPARE(m_vpic->requestCount(), calls); // nobody was asked
        QCOMPARE(query("SELECT body FROM notifications ORDER BY id DESC LIMIT 1"),
                 QStringLiteral("%1: a recent report was reused.").arg(kAccord));

        const qint64 fresh = request({kAccord}, true).ids.value(0);
        QTRY_COMPARE_WITH_TIMEOUT(requestRow(fresh).status, QStringLiteral("done"), 15000);
        QVERIFY(!requestRow(fresh).reused);
        QVERIFY(requestRow(fresh).reportId != reportId);
        QCOMPARE(m_vpic->requestCount(), calls + 1);

        setSetting("vin_report_reuse_days", QStringLiteral("0"));
        const qint64 noReuse = request({kAccord}).ids.value(0);
        QTRY_COMPARE_WITH_TIMEOUT(requestRow(noReuse).status, QStringLiteral("done"), 15000);
        QVERIFY(!requestRow(noReuse).reused);
        QCOMPARE(query("SELECT count(*) FROM vin_reports"), QStringLiteral("3"));
    }

    void vpicDownGivesReportWithoutSpecificationAfterRetries()
    {
        m_vpic->setResponder([](const FakeHttpServer::Request &) {
            FakeHttpServer::Response response;
            response.status = 500;
            response.body = "{}";
            return response;
        });
        const qint64 id = request({kAccord}).ids.value(0);
        VinReportHandler::Options options;
        options.attempts = 3;
        auto worker = startWorker(options);
        QTRY_COMPARE_WITH_TIMEOUT(requestRow(id).status, QStringLiteral("done"), 20000);
        // Three attempts by the queue, each with the client's own retries.
        QVERIFY2(m_vpic->requestCount() >= 3, qPrintable(QString::number(m_vpic->requestCount())));
        const auto report = VinReportService::report(*m_database, requestRow(id).reportId);
        QVERIFY(report);
        QVERIFY(!report->spec);
        QVERIFY2(report->specNote.contains(QLatin1String("vPIC could not be asked")), qPrintable(report->specNote));
        QVERIFY(!report->history.owners.isEmpty()); // the history is there all the same
    }

    void vpicTurnedOffIsNoted()
    {
        setSetting("vin_vpic_url", QStringLiteral("\"\""));
        const int calls = m_vpic->requestCount();
        const qint64 id = request({kAccord}).ids.value(0);
        auto worker = startWorker();
        QTRY_COMPARE_WITH_TIMEOUT(requestRow(id).status, QStringLiteral("done"), 15000);
        QCOMPARE(m_vpic->requestCount(), calls);
        const auto report = VinReportService::report(*m_database, requestRow(id).reportId);
        QVERIFY(report && !report->spec);
        QVERIFY(report->specNote.contains(QLatin1String("turned off")));
    }

    void httpHistoryProviderUsesTheKeychainKey()
    {
        VinHistory sample;
        sample.provider = QStringLiteral("CarFacts");
        sample.owners.append({1, QDate(2003, 5, 1), {}, QStringLiteral("personal"), QStringLiteral("CA")});
        sample.accidents.append({QDate(2010, 3, 2), QStringLiteral("minor"), QStringLiteral("rear"), false, {}});
        FakeHttpServer history([sample](const FakeHttpServer::Request &request) {
            FakeHttpServer::Response response;
            if (request.headers.value("authorization") != "Bearer s3cret") {
                response.status = 401;
                return response;
            }
            response.body = QJsonDocument(sample.toJson()).toJson(QJsonDocument::Compact);
            return response;
        });
        setSetting("vin_history_provider", QStringLiteral("\"http\""));
        setSetting("vin_history_url", QStringLiteral("\"%1\"").arg(history.url(QStringLiteral("history")).toString()));

        QVERIFY(m_secrets->write(SecretStore::vinHistoryApiKey(), QStringLiteral("wrong-key")));
        VinReportHandler::Options options;
        options.attempts = 2;
        {
            auto worker = startWorker(options);
            const qint64 refused = request({kAccord}).ids.value(0);
            QTRY_COMPARE_WITH_TIMEOUT(requestRow(refused).status, QStringLiteral("failed"), 15000);
            const QString error = requestRow(refused).error;
            QVERIFY2(error.contains(QLatin1String("refused the API key")), qPrintable(error));
            QVERIFY(!error.contains(QLatin1String("wrong-key")));
            QCOMPARE(query("SELECT title FROM notifications"), QStringLiteral("VIN report failed: %1").arg(kAccord));
            QVERIFY(!query("SELECT body FROM notifications").contains(QLatin1String("wrong-key")));
            QCOMPARE(history.requests().constFirst().target.left(9), QByteArray("/history?"));
            QVERIFY(history.requests().constFirst().target.contains(QByteArray("vin=" + kAccord.toLatin1())));

            // The key is put right; the failed request is queued again and goes through.
            QVERIFY(m_secrets->write(SecretStore::vinHistoryApiKey(), QStringLiteral("s3cret")));
            const auto retried = VinReportService::retry(*m_database, {refused});
            QVERIFY(retried);
            QCOMPARE(*retried, 1);
            QTRY_COMPARE_WITH_TIMEOUT(requestRow(refused).status, QStringLiteral("done"), 15000);
            const auto report = VinReportService::report(*m_database, requestRow(refused).reportId);
            QVERIFY(report);
            QCOMPARE(report->history.provider, QStringLiteral("CarFacts"));
            QVERIFY(!report->history.simulated);
            QCOMPARE(report->flags().accidents, 1);
        }
        QCOMPARE(*VinReportService::retry(*m_database, {requestRow(0).id}), 0); // nothing failed: nothing queued
    }

    void aTightBudgetPostponesWithoutCountingAttempts()
    {
        QStringList vins;
        for (int i = 0; i < 30; ++i)
            vins << withCheckDigit(QStringLiteral("1HGCM8263%1A1%2").arg(i % 10).arg(i, 5, 10, QLatin1Char('0')));
        const VinRequestBatch batch = request(vins);
        QCOMPARE(batch.ids.size(), 30);
        VinReportHandler::Options options;
        options.prepareBudgetMs = 0; // one VIN a batch, the rest postponed
        options.attempts = 1;        // a counted attempt would fail nothing here, but would show in attempts
        auto worker = startWorker(options);
        QTRY_COMPARE_WITH_TIMEOUT(query("SELECT count(*) FROM vin_requests WHERE status = 'done'"),
                                  QStringLiteral("30"), 30000);
        QCOMPARE(query("SELECT count(*) FROM vin_requests WHERE status = 'failed'"), QStringLiteral("0"));
    }

    // A preparer that fails (here: a table it reads is gone) makes counted attempts with backoff and their
    // error (a postponement would loop uncounted and silent); once the fault is mended the request goes
    // through.
    void aFailingPreparerCountsItsAttempts()
    {
        exec("ALTER TABLE vin_reports RENAME TO vin_reports_away");
        auto mended = qScopeGuard([this] { // also when a check below fails, for the tests after this one
            execute(*m_database, "ALTER TABLE IF EXISTS vin_reports_away RENAME TO vin_reports");
        });
        const qint64 id = request({kAccord}).ids.value(0);
        {
            auto worker = startWorker();
            QTRY_VERIFY_WITH_TIMEOUT(query("SELECT last_error FROM outbox_events WHERE topic = 'vin.requested'")
                                         .contains(QLatin1String("could not be prepared")),
                                     10000);
            QVERIFY(query("SELECT attempts FROM outbox_events WHERE topic = 'vin.requested'").toInt() >= 1);
            mended.dismiss();
            exec("ALTER TABLE vin_reports_away RENAME TO vin_reports");
            QTRY_COMPARE_WITH_TIMEOUT(requestRow(id).status, QStringLiteral("done"), 15000);
        }
    }

    void vinsFromTextAndCsv()
    {
        QCOMPARE(VinReportService::vinsFromText(QStringLiteral("1HGCM82633A004352, WVWZZZ1KZAW000001\n"
                                                               "1HG CM826 33A004352\n\n  5YJ3E1EA7KF317000 X\t")),
                 (QStringList{kAccord, QStringLiteral("WVWZZZ1KZAW000001"), QStringLiteral("1HG CM826 33A004352"),
                              QStringLiteral("5YJ3E1EA7KF317000"), QStringLiteral("X")}));
        QByteArray csv("Stock;Vin;Price\nA1;1HGCM82633A004352;100\nA2;;200\nA3;WVWZZZ1KZAW000001;300\n");
        QBuffer buffer(&csv);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        const auto fromCsv = VinReportService::vinsFromCsv(buffer);
        QVERIFY(fromCsv);
        QCOMPARE(*fromCsv, (QStringList{kAccord, QStringLiteral("WVWZZZ1KZAW000001")}));
        QByteArray noColumn("Stock,Price\nA1,100\n");
        QBuffer other(&noColumn);
        QVERIFY(other.open(QIODevice::ReadOnly));
        const auto refused = VinReportService::vinsFromCsv(other);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QLatin1String("VIN")));
    }

    void commandLine()
    {
        const QString server = m_db->conninfo();
        ForecourtRun run = runForecourt({QStringLiteral("vin"), QStringLiteral("request"), QStringLiteral("--server"),
                                         server, kAccord, QStringLiteral("garbage")});
        QCOMPARE(run.exitCode, 1); // one refused
        QVERIFY2(run.out.contains(QLatin1String("Asked for 1 VIN report")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("No worker is running")), qPrintable(run.out));
        QVERIFY2(run.err.contains(QLatin1String("\"garbage\" refused")), qPrintable(run.err));

        auto worker = startWorker();
        run = runForecourt({QStringLiteral("vin"), QStringLiteral("request"), QStringLiteral("--wait"),
                            QStringLiteral("--json"), QStringLiteral("--server"), server},
                           QProcessEnvironment::systemEnvironment(), kAccord.toLatin1() + "\n");
        QCOMPARE(run.exitCode, 0);
        const QJsonArray done = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("done"));

        run = runForecourt({QStringLiteral("vin"), QStringLiteral("requests"), QStringLiteral("--server"), server});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(kAccord) && run.out.contains(QLatin1String("Done")), qPrintable(run.out));

        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        run = runForecourt({QStringLiteral("vin"), QStringLiteral("report"), kAccord, QStringLiteral("--pdf"), pdf,
                            QStringLiteral("--server"), server});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(4), QByteArray("%PDF"));

        run = runForecourt({QStringLiteral("vin"), QStringLiteral("report"), QStringLiteral("WVWZZZ1KZAW000001"),
                            QStringLiteral("--server"), server});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("No report of WVWZZZ1KZAW000001")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestVinReports)
#include "tst_vinreports.moc"

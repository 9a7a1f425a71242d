#include "SecretStore.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/DatabaseThread.h"
#include "events/EventWorker.h"
#include "events/VinReportHandler.h"
#include "models/VinRequestListModel.h"
#include "ui/vin/VinReportDialog.h"
#include "ui/vin/VinReportsPage.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

namespace {
const QString kAccord = QStringLiteral("1HGCM82633A004352");
}

class TestVinReportsPage : public QObject
{
    Q_OBJECT

    QString query(const std::string &sql) { return scalarOn(*m_thread, sql); }

    // Reloads the list as the change listener would, and waits for it.
    void reloadList()
    {
        QSignalSpy loaded(m_page.get(), &VinReportsPage::loaded);
        m_page->applyChanges({QStringLiteral("vin_request:*")});
        QVERIFY(loaded.wait(10000));
    }

    std::unique_ptr<EventWorker> startWorker(int attempts = 3)
    {
        EventHandlers handlers;
        VinReportHandler::Options options;
        options.attempts = attempts;
        VinReportHandler::install(handlers,
                                  std::make_shared<VinReportHandler>(std::make_shared<MemorySecretStore>(), options));
        EventWorker::Options workerOptions;
        workerOptions.pollMs = 100;
        auto worker = std::make_unique<EventWorker>(m_db->profile(), handlers, workerOptions);
        worker->start();
        return worker;
    }

private slots:
    void initTestCase()
    {
        useTestSettings(QStringLiteral("tst_vinreportspage"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        const QString error = openDemoDatabase(m_db, m_thread, QStringLiteral("vinreportspage"), 5);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // No network in tests: vPIC off (its client has tests of its own against a fake vPIC).
        QCOMPARE(query("UPDATE settings SET value = '\"\"' WHERE key = 'vin_vpic_url' RETURNING key"),
                 QStringLiteral("vin_vpic_url"));
        m_page = std::make_unique<VinReportsPage>(SectionContext{m_thread.get()});
        m_page->resize(1200, 700);
        m_page->show();
        QSignalSpy loaded(m_page.get(), &VinReportsPage::loaded);
        m_page->activate(loadSession(*m_thread));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(m_page->model()->rowCount(), 0);
        QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("vinCount"))->text(),
                 QStringLiteral("No VIN reports asked for yet: type or paste a VIN above."));
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_thread.reset();
        m_db.reset();
    }

    // Pasted text: the VIN is asked for, the garbage is refused with its reason and stays to be corrected.
    void requestFromPastedText()
    {
        m_page->vinInput()->setPlainText(kAccord + QStringLiteral("\n1HGCM82633A00435O"));
        QSignalSpy loaded(m_page.get(), &VinReportsPage::loaded);
        m_page->findChild<QPushButton *>(QStringLiteral("requestReport"))->click();
        QVERIFY(loaded.wait(10000));
        const QString message = m_page->messageLabel()->text();
        QVERIFY2(message.contains(QLatin1String("Asked for 1 report")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("refused: \"1HGCM82633A00435O\"")) &&
                     message.contains(QLatin1String("O")),
                 qPrintable(message));
        QCOMPARE(m_page->vinInput()->toPlainText(), QStringLiteral("1HGCM82633A00435O"));
        QCOMPARE(m_page->model()->rowCount(), 1);
        QTRY_VERIFY(m_page->model()->rowAt(0).has_value()); // the count comes first, the page as the view asks
        QCOMPARE(m_page->model()->rowAt(0)->status, QStringLiteral("pending"));
        QCOMPARE(query("SELECT count(*) FROM outbox_events WHERE topic = 'vin.requested'"), QStringLiteral("1"));
    }

    // A CSV file's VIN column: each VIN asked for once (the one already pending too: a second request).
    void requestFromCsvFile()
    {
        QTemporaryDir dir;
        QFile csv(dir.filePath(QStringLiteral("stock.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("Stock;VIN;Price\nA1;WVWZZZ1KZAW000002;100\nA2;WVWZZZ1KZAW000002;100\nA3;garbage;1\n");
        csv.close();
        QSignalSpy loaded(m_page.get(), &VinReportsPage::loaded);
        m_page->requestFromCsv(csv.fileName());
        QVERIFY(loaded.wait(10000));
        const QString message = m_page->messageLabel()->text();
        QVERIFY2(message.contains(QLatin1String("Asked for 1 report")) && message.contains(QLatin1String("repeated")) &&
                     message.contains(QLatin1String("\"garbage\"")),
                 qPrintable(message));
        QCOMPARE(query("SELECT count(*) FROM vin_requests WHERE vin = 'WVWZZZ1KZAW000002'"), QStringLiteral("1"));

        m_page->requestFromCsv(dir.filePath(QStringLiteral("missing.csv")));
        QTRY_VERIFY(m_page->messageLabel()->text().contains(QLatin1String("could not be opened")));
    }

    // The worker makes the report; the list shows it done with its findings, and the report opens, shows the
    // simulated-history warning and exports to PDF.
    void doneRequestOpensItsReport()
    {
        auto worker = startWorker();
        QTRY_COMPARE_WITH_TIMEOUT(query("SELECT count(*) FROM vin_requests WHERE status = 'done'"), QStringLiteral("2"),
                                  15000);
        reloadList();
        const auto shown = m_page->model()->rowAt(m_page->model()->rowOfId(
            query("SELECT id FROM vin_requests WHERE vin = '1HGCM82633A004352'").toLongLong()));
        QVERIFY(shown);
        const VinRequestRow row = *shown;
        QCOMPARE(row.status, QStringLiteral("done"));
        const QString findings =
            m_page->model()
                ->data(m_page->model()->index(m_page->model()->rowOfId(row.id), VinRequestListModel::Findings))
                .toString();
        QVERIFY2(findings.endsWith(QLatin1String("(sample data)")), qPrintable(findings));
        saveScreenshot(m_page.get(), QStringLiteral("vin-reports"));

        m_page->view()->selectRow(m_page->model()->rowOfId(row.id));
        auto *open = m_page->findChild<QPushButton *>(QStringLiteral("openReport"));
        QVERIFY(open->isEnabled());
        open->click();
        VinReportDialog *dialog = m_page->findChild<VinReportDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->hasReport(), 10000);
        const QString text = dialog->browser()->toPlainText();
        QVERIFY2(text.contains(kAccord), qPrintable(text.left(300)));
        QVERIFY2(text.contains(QLatin1String("SIMULATED"), Qt::CaseInsensitive), qPrintable(text.left(300)));
        saveScreenshot(dialog, QStringLiteral("vin-report-dialog"));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        QSignalSpy written(dialog, &VinReportDialog::pdfWritten);
        dialog->exportPdf(path);
        QVERIFY(written.wait(20000));
        QCOMPARE(written.constFirst().at(1).toString(), QString());
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QCOMPARE(pdf.read(4), QByteArray("%PDF"));
        dialog->close();
    }

    // A request that failed shows why; Retry queues it again.
    void failedRequestCanBeRetried()
    {
        // The HTTP provider without an address fails at once (one attempt allowed).
        QCOMPARE(query("UPDATE settings SET value = '\"http\"' WHERE key = 'vin_history_provider' RETURNING key"),
                 QStringLiteral("vin_history_provider"));
        auto worker = startWorker(1);
        m_page->vinInput()->setPlainText(QStringLiteral("WVWZZZ1KZAW000001"));
        QSignalSpy loaded(m_page.get(), &VinReportsPage::loaded);
        m_page->findChild<QPushButton *>(QStringLiteral("requestReport"))->click();
        QVERIFY(loaded.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(query("SELECT status FROM vin_requests WHERE vin = 'WVWZZZ1KZAW000001'"),
                                  QStringLiteral("failed"), 15000);
        reloadList();
        const int row =
            m_page->model()->rowOfId(query("SELECT id FROM vin_requests WHERE vin = 'WVWZZZ1KZAW000001'").toLongLong());
        QVERIFY(row >= 0);
        const QString status =
            m_page->model()->data(m_page->model()->index(row, VinRequestListModel::Status)).toString();
        QVERIFY2(status.startsWith(QLatin1String("Failed: ")) && status.contains(QLatin1String("address")),
                 qPrintable(status));
        m_page->view()->selectRow(row);
        auto *retry = m_page->findChild<QPushButton *>(QStringLiteral("retryFailed"));
        QVERIFY(retry->isEnabled());
        QCOMPARE(query("UPDATE settings SET value = '\"simulated\"' WHERE key = 'vin_history_provider' RETURNING key"),
                 QStringLiteral("vin_history_provider"));
        retry->click();
        QTRY_COMPARE_WITH_TIMEOUT(query("SELECT status FROM vin_requests WHERE vin = 'WVWZZZ1KZAW000001'"),
                                  QStringLiteral("done"), 15000);
        QTRY_VERIFY(m_page->messageLabel()->text().contains(QLatin1String("queued again")));
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DatabaseThread> m_thread;
    std::unique_ptr<VinReportsPage> m_page;
};

QTEST_MAIN(TestVinReportsPage)
#include "tst_vinreportspage.moc"

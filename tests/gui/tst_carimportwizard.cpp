#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/DatabaseThread.h"
#include "domain/Vin.h"
#include "ui/fleet/CarImportWizard.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

namespace {

QString vin(int n)
{
    QString text = QStringLiteral("WVWZZZ1KZMW%1").arg(n, 6, 10, QLatin1Char('0'));
    text[8] = Vin::checkDigitFor(text);
    return text;
}

// A header whose VIN column has a name no synonym covers, so the wizard has to be told.
const QByteArray kHeader =
    "stock_number,Chassis ID,make,model,model_year,body_type,fuel_type,transmission,drive,list_price,Internal code\n";

QByteArray row(int n, const QByteArray &year = "2021")
{
    return "W" + QByteArray::number(n) + "," + vin(n).toLatin1() + ",Volkswagen,Golf," + year +
           ",hatchback,petrol,manual,fwd,18900,X" + QByteArray::number(n) + "\n";
}

QComboBox *fieldChoice(CarImportWizard &wizard, const QString &column)
{
    for (QComboBox *choice : wizard.findChildren<QComboBox *>()) {
        if (choice->accessibleName() == QStringLiteral("Car field for %1").arg(column))
            return choice;
    }
    return nullptr;
}

} // namespace

class TestCarImportWizard : public QObject
{
    Q_OBJECT

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qWarning("cannot write %s", qPrintable(path));
        return path;
    }

    qint64 carCount() { return scalarOn(*m_thread, "SELECT count(*) FROM cars").toLongLong(); }

private slots:
    void initTestCase()
    {
        useTestSettings(QStringLiteral("tst_carimportwizard"));
        QVERIFY(m_dir.isValid());
        const QString error = openDemoDatabase(m_db, m_thread, QStringLiteral("importwizard"), 5);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_thread.reset();
        m_db.reset();
    }

    // The whole way through: a column mapped by hand, a refused row that stops the import, then the
    // choice to import the valid rows.
    void mapsChecksAndImports()
    {
        const QString path = writeFile(QStringLiteral("cars.csv"), kHeader + row(1) + row(2) + row(3, "1850") + row(4));
        const qint64 before = carCount();
        CarImportWizard wizard(m_db->profile());
        QSignalSpy imported(&wizard, &CarImportWizard::imported);
        wizard.show();
        wizard.openFile(path);
        QTRY_COMPARE(wizard.currentId(), int(CarImportWizard::MappingPageId));

        // The VIN column is not recognised: the page says so and will not go on until it is chosen.
        QAbstractButton *next = wizard.button(QWizard::NextButton);
        QVERIFY(!next->isEnabled());
        QComboBox *vinChoice = fieldChoice(wizard, QStringLiteral("Chassis ID"));
        QVERIFY(vinChoice);
        QCOMPARE(vinChoice->currentIndex(), 0); // not imported
        QCOMPARE(fieldChoice(wizard, QStringLiteral("make"))->currentData().toInt(), int(CarField::Make));
        vinChoice->setCurrentIndex(vinChoice->findData(int(CarField::Vin)));
        QVERIFY(next->isEnabled());
        // Choosing a field another column holds takes it from that column.
        QComboBox *codeChoice = fieldChoice(wizard, QStringLiteral("Internal code"));
        codeChoice->setCurrentIndex(codeChoice->findData(int(CarField::Vin)));
        QCOMPARE(vinChoice->currentIndex(), 0);
        vinChoice->setCurrentIndex(vinChoice->findData(int(CarField::Vin)));
        QCOMPARE(codeChoice->currentIndex(), 0);
        saveScreenshot(&wizard, QStringLiteral("import-wizard-columns"));

        // The check finds the refused row and lists it with its line and column; Import stays disabled.
        wizard.next();
        auto *runPage = static_cast<CarImportRunPage *>(wizard.page(CarImportWizard::RunPageId));
        QTRY_VERIFY(!runPage->isRunning());
        QVERIFY2(runPage->summaryLabel()->text().contains(QStringLiteral("1 of 4 rows are refused")),
                 qPrintable(runPage->summaryLabel()->text()));
        QTableWidget *issues = runPage->issueTable();
        QCOMPARE(issues->rowCount(), 1);
        QCOMPARE(issues->item(0, 0)->text(), QStringLiteral("4"));
        QCOMPARE(issues->item(0, 1)->text(), QStringLiteral("model_year"));
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
        saveScreenshot(&wizard, QStringLiteral("import-wizard-refused"));

        // Back to the first page: import the valid rows.
        wizard.back();
        wizard.back();
        QCOMPARE(wizard.currentId(), int(CarImportWizard::FilePageId));
        auto *skip = wizard.page(CarImportWizard::FilePageId)->findChild<QCheckBox *>();
        skip->setChecked(true);
        wizard.next();
        QCOMPARE(fieldChoice(wizard, QStringLiteral("Chassis ID"))->currentData().toInt(), int(CarField::Vin));
        wizard.next();
        QTRY_VERIFY(!runPage->isRunning());
        QVERIFY2(runPage->summaryLabel()->text().contains(QStringLiteral("will be left out")),
                 qPrintable(runPage->summaryLabel()->text()));
        QCOMPARE(carCount(), before); // the check wrote nothing
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());

        wizard.button(QWizard::FinishButton)->click();
        QTRY_COMPARE(imported.count(), 1);
        const auto summary = imported.at(0).at(0).value<CarImportSummary>();
        QCOMPARE(summary.inserted, 3);
        QCOMPARE(carCount(), before + 3);
        QTRY_VERIFY(!wizard.isVisible()); // done: the wizard closes
        QCOMPARE(scalarOn(*m_thread, "SELECT count(*) FROM cars WHERE vin = '" + vin(3).toStdString() + "'"),
                 QStringLiteral("0"));
    }

    // Issue 14, point 11: a path typed or pasted into the field is read as the typing pauses, and Next
    // enables without leaving the field (the disabled button never takes the focus, so the field never lost
    // it). The page stays where it is until Next: a path half typed is no reason to move on.
    void nextEnablesAfterTypingOrPastingAPath()
    {
        const QString path = writeFile(QStringLiteral("typed.csv"), kHeader + row(11));
        CarImportWizard wizard(m_db->profile());
        wizard.show();
        auto *page = static_cast<CarImportFilePage *>(wizard.page(CarImportWizard::FilePageId));
        QLineEdit *field = page->pathField();
        QAbstractButton *next = wizard.button(QWizard::NextButton);
        field->setFocus();
        QVERIFY(!next->isEnabled());

        QTest::keyClicks(field, path);
        QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 5000);
        QCOMPARE(wizard.currentId(), int(CarImportWizard::FilePageId));
        QVERIFY(field->hasFocus());
        next->click();
        QCOMPARE(wizard.currentId(), int(CarImportWizard::MappingPageId));
        wizard.back();

        // Editing it again disables Next until the new text is read.
        QTest::keyClick(field, Qt::Key_Backspace);
        QVERIFY(!next->isEnabled());
        QTest::qWait(800);
        QVERIFY(!next->isEnabled()); // "typed.cs" is no file

        // Pasted as a file manager copies it: a file:// URL, or quoted with spaces around.
        for (const QString &pasted : {QUrl::fromLocalFile(path).toString(), QStringLiteral(" '%1' ").arg(path)}) {
            field->selectAll();
            QGuiApplication::clipboard()->setText(pasted);
            QTest::keySequence(field, QKeySequence::Paste);
            QCOMPARE(field->text(), pasted);
            QVERIFY(!next->isEnabled());
            QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 5000);
            QCOMPARE(wizard.currentId(), int(CarImportWizard::FilePageId));
        }
        saveScreenshot(&wizard, QStringLiteral("import-wizard-typed-path"));
        next->click();
        QCOMPARE(wizard.currentId(), int(CarImportWizard::MappingPageId));
        QCOMPARE(CarImportFilePage::pathFrom(QStringLiteral(" \"%1\" ").arg(path)), path);
    }

    // Issue 14: a file with only the VIN, model and price; the make and year come from the VINs, and the
    // mapping page's defaults give the condition and the fuel of every car.
    void importsAThinFileWithDefaults()
    {
        const QString path =
            writeFile(QStringLiteral("thin.csv"), "VIN;Model;Price\n" + vin(21).toLatin1() + ";Golf;17000\n" +
                                                      vin(22).toLatin1() + ";Polo;12000\n");
        CarImportWizard wizard(m_db->profile());
        QSignalSpy imported(&wizard, &CarImportWizard::imported);
        wizard.show();
        wizard.openFile(path);
        QTRY_COMPARE(wizard.currentId(), int(CarImportWizard::MappingPageId));
        auto *mappingPage = static_cast<CarImportMappingPage *>(wizard.page(CarImportWizard::MappingPageId));
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        auto *fromVin = mappingPage->findChild<QLabel *>(QStringLiteral("fromVin"));
        QVERIFY(fromVin && fromVin->isVisible());
        QVERIFY2(fromVin->text().contains(QStringLiteral("make and model year")), qPrintable(fromVin->text()));
        QComboBox *condition = mappingPage->defaultChoice(CarField::Condition);
        QCOMPARE(condition->currentText(), QStringLiteral("Not stated"));
        condition->setCurrentIndex(condition->findData(QStringLiteral("used")));
        QCOMPARE(condition->currentText(), QStringLiteral("All Used"));
        QComboBox *fuel = mappingPage->defaultChoice(CarField::FuelType);
        fuel->setCurrentIndex(fuel->findData(QStringLiteral("petrol")));
        saveScreenshot(&wizard, QStringLiteral("import-wizard-defaults"));

        wizard.next();
        auto *runPage = static_cast<CarImportRunPage *>(wizard.page(CarImportWizard::RunPageId));
        QTRY_VERIFY(!runPage->isRunning());
        QVERIFY2(
            runPage->summaryLabel()->text().contains(QStringLiteral("Makes taken from the VINs: 2; model years: 2.")),
            qPrintable(runPage->summaryLabel()->text()));
        wizard.button(QWizard::FinishButton)->click();
        QTRY_COMPARE(imported.count(), 1);
        QVERIFY(imported.at(0).at(0).value<CarImportSummary>().importId > 0);
        QCOMPARE(scalarOn(*m_thread, "SELECT string_agg(concat_ws(' ', make, model, model_year, condition, fuel_type, "
                                     "coalesce(body_type, '-')), ', ' ORDER BY model) FROM cars WHERE vin IN ('" +
                                         vin(21).toStdString() + "', '" + vin(22).toStdString() + "')"),
                 QStringLiteral("Volkswagen Golf 1991 used petrol -, Volkswagen Polo 1991 used petrol -"));
    }

    void refusesAFileThatIsNotCsv()
    {
        const QString path = writeFile(QStringLiteral("photo.csv"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
        CarImportWizard wizard(m_db->profile());
        wizard.show();
        wizard.openFile(path);
        auto *status = wizard.page(CarImportWizard::FilePageId)->findChild<QLabel *>(QStringLiteral("fileStatus"));
        QTRY_VERIFY(!status->text().startsWith(QStringLiteral("Reading")));
        QCOMPARE(wizard.currentId(), int(CarImportWizard::FilePageId));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY2(status->text().contains(QStringLiteral("not valid UTF-8")), qPrintable(status->text()));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DatabaseThread> m_thread;
};

QTEST_MAIN(TestCarImportWizard)
#include "tst_carimportwizard.moc"

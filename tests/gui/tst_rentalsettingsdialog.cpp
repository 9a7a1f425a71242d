#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "db/DatabaseThread.h"
#include "services/RentalDeskService.h"
#include "ui/system/RentalSettingsDialog.h"
#include "ui/system/SystemPage.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

// System › Rental rates and settings…: a branch's VAT, a class's daily rate and a season saved and read
// back by a new dialog; an overlapping season refused next to the seasons, with every edit kept and nothing
// written.
class TestRentalSettingsDialog : public QObject
{
    Q_OBJECT

    QString query(const std::string &sql) { return scalarOn(*m_thread, sql); }

    void waitLoaded(RentalSettingsDialog &dialog) { QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), 15000); }

    void setSeason(QTableWidget *table, int row, const QString &name, QDate first, QDate last, qint64 dailyCents)
    {
        table->item(row, RentalSettingsDialog::NameColumn)->setText(name);
        table->item(row, RentalSettingsDialog::FirstColumn)->setData(Qt::EditRole, first);
        table->item(row, RentalSettingsDialog::LastColumn)->setData(Qt::EditRole, last);
        table->item(row, RentalSettingsDialog::DailyColumn)
            ->setData(Qt::EditRole, QVariant::fromValue<qlonglong>(dailyCents));
    }

    QDoubleSpinBox *box(RentalSettingsDialog &dialog, const char *name)
    {
        return dialog.findChild<QDoubleSpinBox *>(QString::fromLatin1(name));
    }

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DatabaseThread> m_thread;
    qint64 m_branch = 0;
    QString m_class;
    int m_defaultVat = 0;
    int m_seasonCount = 0; // the default card's
    QDate m_first;         // the test season's dates
    QDate m_last;

private slots:
    void initTestCase()
    {
        useTestSettings(QStringLiteral("tst_rentalsettingsdialog"));
        const QString error = openDemoDatabase(m_db, m_thread, QStringLiteral("rentalsettings"), 20);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // A branch without settings of its own, and the first vehicle class.
        m_branch = query("SELECT id FROM branches b WHERE NOT EXISTS (SELECT FROM rental_settings s WHERE "
                         "s.branch_id = b.id) ORDER BY code LIMIT 1")
                       .toLongLong();
        QVERIFY(m_branch > 0);
        m_class = query("SELECT code FROM vehicle_classes ORDER BY position, code LIMIT 1");
        QVERIFY(!m_class.isEmpty());
        m_defaultVat = query("SELECT vat_basis_points FROM rental_settings WHERE branch_id IS NULL").toInt();
        QVERIFY(m_defaultVat != 700);
    }

    void cleanupTestCase()
    {
        m_thread.reset();
        m_db.reset();
    }

    void opensFromTheSystemMenu()
    {
        SectionContext context;
        context.database = m_thread.get();
        SystemPage page(context);
        QVERIFY(page.menu());
        QAction *action = page.menu()->findChild<QAction *>(QStringLiteral("rentalSettingsAction"));
        QVERIFY(action);
        QVERIFY(action->text().contains(QStringLiteral("Rental rates and settings")));
        page.show();
        action->trigger();
        auto *dialog = page.findChild<RentalSettingsDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        waitLoaded(*dialog);
        QVERIFY(dialog->scopeText().contains(QStringLiteral("defaults")));
        dialog->close();
    }

    void savesAndReadsBack()
    {
        {
            RentalSettingsDialog dialog(m_thread.get());
            dialog.resize(1024, 700);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            waitLoaded(dialog);
            QVERIFY(!dialog.branchId());
            QVERIFY(!dialog.saveButton()->isEnabled());

            dialog.chooseBranch(m_branch);
            waitLoaded(dialog);
            QCOMPARE(dialog.branchId(), std::optional<qint64>(m_branch));
            // No row of its own: the defaults, said so; nothing to save yet.
            QVERIFY2(dialog.scopeText().contains(QStringLiteral("Uses the default settings")),
                     qPrintable(dialog.scopeText()));
            QCOMPARE(dialog.settings().vatBasisPoints, m_defaultVat);
            QVERIFY(!dialog.saveButton()->isEnabled());
            saveScreenshot(&dialog, QStringLiteral("rentalsettings-branch"));

            box(dialog, "vatRate")->setValue(7.0);
            QVERIFY(dialog.saveButton()->isEnabled());
            box(dialog, "vatRate")->setValue(double(m_defaultVat) / 100);
            QVERIFY2(!dialog.saveButton()->isEnabled(), "back to what is stored: nothing to save");
            box(dialog, "vatRate")->setValue(7.0);

            dialog.findChild<QTabWidget *>(QStringLiteral("rentalSettingsTabs"))->setCurrentIndex(1);
            dialog.chooseClass(m_class);
            box(dialog, "dailyRate")->setValue(45.5);
            // A season after the card's last (the default card's, which the branch starts from).
            m_seasonCount = dialog.seasonsTable()->rowCount();
            dialog.addSeason();
            QCOMPARE(dialog.seasonsTable()->rowCount(), m_seasonCount + 1);
            m_first = dialog.seasonsTable()
                          ->item(m_seasonCount, RentalSettingsDialog::FirstColumn)
                          ->data(Qt::EditRole)
                          .toDate();
            m_last = m_first.addDays(40);
            setSeason(dialog.seasonsTable(), m_seasonCount, QStringLiteral("Test season"), m_first, m_last, 6900);
            QCOMPARE(dialog.card(m_class).seasons.size(), m_seasonCount + 1);
            QCOMPARE(dialog.card(m_class).seasons.last().rates.dailyCents, 6900);
            saveScreenshot(&dialog, QStringLiteral("rentalsettings-cards"));

            QSignalSpy saved(&dialog, &RentalSettingsDialog::saved);
            QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 15000);
            QCOMPARE(dialog.messageText(), QStringLiteral("Saved."));
            QVERIFY(!dialog.saveButton()->isEnabled());
            QVERIFY2(dialog.scopeText().contains(QStringLiteral("own settings")), qPrintable(dialog.scopeText()));
        }

        // What the service reads now: the branch's own row; the defaults untouched.
        const auto branchSettings =
            runJob(*m_thread, [this](Database &db) { return RentalDeskService::settings(db, m_branch); });
        QVERIFY(branchSettings);
        QCOMPARE(branchSettings->branchId, std::optional<qint64>(m_branch));
        QCOMPARE(branchSettings->vatBasisPoints, 700);
        const auto defaults =
            runJob(*m_thread, [](Database &db) { return RentalDeskService::settings(db, std::nullopt); });
        QVERIFY(defaults);
        QCOMPARE(defaults->vatBasisPoints, m_defaultVat);

        // A new dialog reads them back.
        RentalSettingsDialog dialog(m_thread.get());
        dialog.show();
        waitLoaded(dialog);
        dialog.chooseBranch(m_branch);
        waitLoaded(dialog);
        QCOMPARE(dialog.settings().vatBasisPoints, 700);
        QCOMPARE(box(dialog, "vatRate")->value(), 7.0);
        QVERIFY2(dialog.scopeText().contains(QStringLiteral("own settings")), qPrintable(dialog.scopeText()));
        dialog.chooseClass(m_class);
        QCOMPARE(box(dialog, "dailyRate")->value(), 45.5);
        const RateCard card = dialog.card(m_class);
        QCOMPARE(card.base.dailyCents, 4550);
        QCOMPARE(card.seasons.size(), m_seasonCount + 1);
        const Season &season = card.seasons.last();
        QCOMPARE(season.name, QStringLiteral("Test season"));
        QCOMPARE(season.first, m_first);
        QCOMPARE(season.last, m_last);
        QCOMPARE(season.rates.dailyCents, 6900);
        QCOMPARE(dialog.seasonsTable()->rowCount(), m_seasonCount + 1);
        QVERIFY(!dialog.saveButton()->isEnabled());
        dialog.resize(1024, 700);
        dialog.findChild<QTabWidget *>(QStringLiteral("rentalSettingsTabs"))->setCurrentIndex(2);
        QVERIFY(dialog.findChild<QTableWidget *>(QStringLiteral("extrasTable"))->rowCount() > 0);
        saveScreenshot(&dialog, QStringLiteral("rentalsettings-extras"));

        // The defaults still show the default card (the branch's is its own).
        dialog.chooseBranch(std::nullopt);
        waitLoaded(dialog);
        QCOMPARE(dialog.settings().vatBasisPoints, m_defaultVat);
        QCOMPARE(dialog.card(m_class).seasons.size(), m_seasonCount);
    }

    void refusesAnOverlappingSeason()
    {
        RentalSettingsDialog dialog(m_thread.get());
        dialog.resize(1024, 700);
        dialog.show();
        waitLoaded(dialog);
        dialog.chooseBranch(m_branch);
        waitLoaded(dialog);
        dialog.findChild<QTabWidget *>(QStringLiteral("rentalSettingsTabs"))->setCurrentIndex(1);
        dialog.chooseClass(m_class);
        const int rows = m_seasonCount + 1;
        QCOMPARE(dialog.seasonsTable()->rowCount(), rows);

        // A season that starts within the test season.
        box(dialog, "vatRate")->setValue(8.0);
        dialog.addSeason();
        QCOMPARE(dialog.seasonsTable()->rowCount(), rows + 1);
        setSeason(dialog.seasonsTable(), rows, QStringLiteral("Late summer"), m_first.addDays(20), m_last.addDays(20),
                  5900);
        QVERIFY(dialog.saveButton()->isEnabled());
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);

        // Refused next to the seasons, in words; every edit kept, Save still there.
        QVERIFY2(dialog.cardErrorText().contains(QStringLiteral("share dates")), qPrintable(dialog.cardErrorText()));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("cardError"))->isVisible());
        QCOMPARE(dialog.seasonsTable()->currentRow(), rows); // the refused season is the one selected
        QVERIFY(!dialog.messageText().isEmpty());
        QCOMPARE(dialog.seasonsTable()->rowCount(), rows + 1);
        QCOMPARE(dialog.card(m_class).seasons.size(), rows + 1);
        QCOMPARE(dialog.settings().vatBasisPoints, 800);
        QVERIFY(dialog.saveButton()->isEnabled());
        saveScreenshot(&dialog, QStringLiteral("rentalsettings-overlap"));

        // Nothing written: the old card and the old VAT.
        const auto stored =
            runJob(*m_thread, [this](Database &db) { return RentalDeskService::rateCard(db, m_class, m_branch); });
        QVERIFY(stored);
        QCOMPARE(stored->seasons.size(), rows);
        QCOMPARE(stored->seasons.last().name, QStringLiteral("Test season"));
        QCOMPARE(query("SELECT vat_basis_points FROM rental_settings WHERE branch_id = " + std::to_string(m_branch)),
                 QStringLiteral("700"));
        // The service refuses the same card on its own too.
        const RateCard wanted = dialog.card(m_class);
        const auto refused = runJob(
            *m_thread, [this, wanted](Database &db) { return RentalDeskService::saveRateCard(db, wanted, m_branch); });
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("share dates")));

        // Corrected: it saves.
        setSeason(dialog.seasonsTable(), rows, QStringLiteral("Late summer"), m_last.addDays(1), m_last.addDays(20),
                  5900);
        QVERIFY(dialog.cardErrorText().isEmpty());
        QSignalSpy saved(&dialog, &RentalSettingsDialog::saved);
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 15000);
        const auto after =
            runJob(*m_thread, [this](Database &db) { return RentalDeskService::rateCard(db, m_class, m_branch); });
        QVERIFY(after);
        QCOMPARE(after->seasons.size(), rows + 1);
        QCOMPARE(query("SELECT vat_basis_points FROM rental_settings WHERE branch_id = " + std::to_string(m_branch)),
                 QStringLiteral("800"));
    }
};

QTEST_MAIN(TestRentalSettingsDialog)
#include "tst_rentalsettingsdialog.moc"

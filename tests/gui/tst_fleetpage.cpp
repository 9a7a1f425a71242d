#include "TestDatabase.h"
#include "TestSupport.h"
#include "models/CarTableModel.h"
#include "services/CarImportService.h"
#include "services/FleetService.h"
#include "ui/CarDetailPanel.h"
#include "ui/CarFilterPanel.h"
#include "ui/ChoiceButton.h"
#include "ui/FleetPage.h"

#include <QBuffer>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

class TestFleetPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<FleetPage> openPage()
    {
        auto page = std::make_unique<FleetPage>(m_thread.get());
        page->resize(1300, 760);
        page->show();
        page->activate(m_db->profile());
        return page;
    }

private slots:
    void initTestCase()
    {
        useTestSettings(QStringLiteral("tst_fleetpage"));
        const QString error = openDemoDatabase(m_db, m_thread, QStringLiteral("fleetpage"), 300);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_thread.reset();
        m_db.reset();
    }

    void showsTheFleetAndTheSelectedCar()
    {
        auto page = openPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 300, 10000);
        // The first car is current and its details (with similar cars) fill the panel.
        const qint64 first = page->model()->index(0, 0).data(CarTableModel::IdRole).toLongLong();
        QTRY_COMPARE_WITH_TIMEOUT(page->detailPanel()->carId(), first, 10000);
        QTest::qWait(300);
        saveScreenshot(page.get(), QStringLiteral("fleet"));
    }

    void searchNarrowsTheTableInSql()
    {
        auto page = openPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 300, 10000);
        const QString vin = scalarOn(*m_thread, "SELECT vin FROM cars ORDER BY id LIMIT 1 OFFSET 42");
        QTest::keyClicks(page->searchField(), vin.right(8));
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->index(0, int(CarColumn::Vin)).data().toString(), vin, 10000);
        page->searchField()->clear();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 300, 10000);
    }

    void bulkStatusChangesTheSelectedCar()
    {
        auto page = openPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 300, 10000);
        int row = 0;
        while (page->model()->index(row, int(CarColumn::Status)).data(CarTableModel::SortValueRole) !=
               QStringLiteral("available"))
            ++row;
        page->table()->selectRow(row);
        const qint64 id = page->model()->index(row, 0).data(CarTableModel::IdRole).toLongLong();
        QCOMPARE(page->selectedIds(), QList<qint64>{id});

        QMenu *statusMenu = nullptr;
        for (QMenu *menu : page->findChildren<QMenu *>()) {
            if (menu->title() == QStringLiteral("Change &status"))
                statusMenu = menu;
        }
        QVERIFY(statusMenu);
        const QList<QAction *> actions = statusMenu->actions();
        const auto inService = std::find_if(actions.begin(), actions.end(), [](QAction *action) {
            return action->text() == QStringLiteral("In service");
        });
        QVERIFY(inService != actions.end());
        (*inService)->trigger(); // one car: no confirmation
        QTRY_COMPARE_WITH_TIMEOUT(scalarOn(*m_thread, "SELECT status FROM cars WHERE id = " + std::to_string(id)),
                                  QStringLiteral("in_service"), 10000);
        QCOMPARE(scalarOn(*m_thread, "SELECT count(*) FROM outbox_events WHERE topic = 'car.updated' AND "
                                     "aggregate_key = 'car:" +
                                         std::to_string(id) + "'"),
                 QStringLiteral("1"));
    }

    void columnsAndSortAreRemembered()
    {
        {
            auto page = openPage();
            QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 300, 10000);
            QHeaderView *header = page->table()->horizontalHeader();
            header->setSectionHidden(int(CarColumn::Vin), true);
            header->setSectionHidden(int(CarColumn::Colour), false);
            page->table()->sortByColumn(int(CarColumn::ListPrice), Qt::AscendingOrder);
        }
        auto page = openPage();
        QHeaderView *header = page->table()->horizontalHeader();
        QVERIFY(header->isSectionHidden(int(CarColumn::Vin)));
        QVERIFY(!header->isSectionHidden(int(CarColumn::Colour)));
        QCOMPARE(page->model()->query().sortColumn, CarColumn::ListPrice);
        QCOMPARE(page->model()->query().sortOrder, Qt::AscendingOrder);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 300, 10000);
        QCOMPARE(page->model()->index(0, int(CarColumn::ListPrice)).data(CarTableModel::SortValueRole).toLongLong(),
                 scalarOn(*m_thread, "SELECT (min(list_price) * 100)::bigint FROM cars").toLongLong());
    }

    // Issue 14: a fuel type nobody stated shows as "—" (read out as "Not stated"), and the Fuel filter has
    // "Not stated" to find such cars.
    void notStatedShowsAsADashAndCanBeFiltered()
    {
        const QString id = scalarOn(*m_thread, "UPDATE cars SET fuel_type = NULL, body_type = NULL WHERE id = (SELECT "
                                               "id FROM cars ORDER BY id LIMIT 1 OFFSET 5) RETURNING id");
        auto page = openPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 300, 10000);
        ChoiceButton *fuel = nullptr;
        for (ChoiceButton *button : page->filterPanel()->findChildren<ChoiceButton *>()) {
            if (button->text().startsWith(QStringLiteral("Fuel")))
                fuel = button;
        }
        QVERIFY(fuel);
        QAction *notStated = nullptr;
        for (QAction *action : fuel->menu()->actions()) {
            if (action->text() == QStringLiteral("Not stated"))
                notStated = action;
        }
        QVERIFY(notStated);
        notStated->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->index(0, 0).data(CarTableModel::IdRole).toString(), id, 10000);
        for (const CarColumn column : {CarColumn::FuelType, CarColumn::BodyType}) {
            const QModelIndex cell = page->model()->index(0, int(column));
            QCOMPARE(cell.data().toString(), QStringLiteral("—"));
            QCOMPARE(cell.data(Qt::AccessibleTextRole).toString(), QStringLiteral("Not stated"));
        }
        QCOMPARE(page->model()->index(0, int(CarColumn::Transmission)).data().toString() == QStringLiteral("—"), false);
        saveScreenshot(page.get(), QStringLiteral("fleet-not-stated"));
        notStated->trigger(); // the filter off again
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 300, 10000);
    }

    // Issue 14: Fleet › Undo import asks about the newest import, takes it back on the database thread and
    // says what came of it.
    void undoImportTakesBackTheLastImport()
    {
        auto page = openPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 300, 10000);
        const auto imported = runJob(*m_thread, [](Database &db) {
            QBuffer file;
            file.setData("vin,make,model,model_year,list_price\nWVWZZZ1KZAW000701,Volkswagen,Golf,2020,15000\n"
                         "WVWZZZ1KZAW000702,Volkswagen,Polo,2021,13000\n");
            file.open(QIODevice::ReadOnly);
            CarImportOptions options;
            options.fileName = QStringLiteral("/tmp/new-stock.csv");
            return CarImportService::importCars(db, file, options);
        });
        QVERIFY(imported && imported->written);
        page->model()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 302, 10000);

        QAction *undo = page->findChild<QAction *>(QStringLiteral("undoImportAction"));
        QVERIFY(undo);
        QVERIFY(page->actions().contains(undo)); // for the window's Fleet menu
        QString question;
        QString result;
        answerWhenShown(QStringLiteral("undoImportQuestion"), QMessageBox::Yes, &question);
        answerWhenShown(QStringLiteral("undoImportResult"), QMessageBox::Ok, &result);
        undo->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!result.isEmpty(), 10000);
        QVERIFY2(question.contains(QStringLiteral("new-stock.csv")), qPrintable(question));
        QVERIFY2(result.contains(QStringLiteral("2 added cars removed")), qPrintable(result));
        QCOMPARE(scalarOn(*m_thread, "SELECT count(*) FROM cars"), QStringLiteral("300"));
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 300, 10000);

        // Nothing left to undo: it says so.
        QString nothing;
        answerWhenShown(QString(), QMessageBox::Ok, &nothing);
        undo->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!nothing.isEmpty(), 10000);
        QVERIFY2(nothing.contains(QStringLiteral("no import to undo")), qPrintable(nothing));
    }

private:
    // Once the message box `name` shows, keeps its text (and informative text) in `text` and presses `button`.
    static void answerWhenShown(const QString &name, QMessageBox::StandardButton button, QString *text)
    {
        auto *timer = new QTimer;
        QObject::connect(timer, &QTimer::timeout, timer, [timer, name, button, text] {
            if (QMessageBox *box = visibleMessageBox(name); box && box->button(button)) {
                timer->deleteLater();
                *text = box->text() + QLatin1Char('\n') + box->informativeText();
                saveScreenshot(box, name.isEmpty() ? QStringLiteral("message") : name);
                box->button(button)->click();
            }
        });
        timer->start(20);
    }

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DatabaseThread> m_thread;
};

QTEST_MAIN(TestFleetPage)
#include "tst_fleetpage.moc"

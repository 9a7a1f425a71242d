#include "TestDatabase.h"
#include "TestSupport.h"
#include "models/CarTableModel.h"
#include "services/FleetService.h"
#include "ui/CarDetailPanel.h"
#include "ui/FleetPage.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

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

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DatabaseThread> m_thread;
};

QTEST_MAIN(TestFleetPage)
#include "tst_fleetpage.moc"

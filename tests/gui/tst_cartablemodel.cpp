#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "db/DatabaseThread.h"
#include "models/CarTableModel.h"
#include "services/DemoDataService.h"
#include "services/FleetService.h"
#include "services/SystemService.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

// SQL never runs on the GUI thread (debug builds stop): the test's own queries go through the
// database thread too, and wait for it.
class TestCarTableModel : public QObject
{
    Q_OBJECT

    QList<qint64> idsInOrder(const CarQuery &query)
    {
        const auto ids = runJob(*m_thread, [query](Database &db) { return FleetService::ids(db, query); });
        return ids.value_or(QList<qint64>());
    }

private slots:
    void initTestCase()
    {
        const QString error = openDemoDatabase(m_db, m_thread, QStringLiteral("carmodel"), 5000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_thread.reset();
        m_db.reset();
    }

    void showsTheTrueCountAndFillsPlaceholders()
    {
        CarTableModel model(m_thread.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &CarTableModel::countChanged);
        model.reload();
        QVERIFY(counted.wait(10000));
        QCOMPARE(model.rowCount(), 5000);
        QCOMPARE(model.columnCount(), int(CarColumn::Count));
        QCOMPARE(model.index(0, 0).data(CarTableModel::LoadedRole).toBool(), true);

        const QList<qint64> ids = idsInOrder(model.query());
        const QList<qint64> *order = &ids;
        QCOMPARE(order->size(), 5000);
        QCOMPARE(model.index(0, 0).data(CarTableModel::IdRole).toLongLong(), order->at(0));

        // A row far down is a placeholder until its page arrives, then shows the car at that place.
        const QModelIndex far = model.index(3456, int(CarColumn::StockNumber));
        QCOMPARE(far.data(CarTableModel::LoadedRole).toBool(), false);
        QCOMPARE(far.data().toString(), QStringLiteral("Loading…"));
        QTRY_VERIFY_WITH_TIMEOUT(far.data(CarTableModel::LoadedRole).toBool(), 10000);
        QCOMPARE(far.data(CarTableModel::IdRole).toLongLong(), order->at(3456));
        QCOMPARE(far.data().toString(),
                 scalarOn(*m_thread, "SELECT stock_number FROM cars WHERE id = " + std::to_string(order->at(3456))));

        // Scrolling on from a loaded page reads by keyset and lands on the same rows.
        const QModelIndex next = model.index(3456 + CarTableModel::PageSize, 0);
        next.data();
        QTRY_VERIFY_WITH_TIMEOUT(next.data(CarTableModel::LoadedRole).toBool(), 10000);
        QCOMPARE(next.data(CarTableModel::IdRole).toLongLong(), order->at(3456 + CarTableModel::PageSize));
        const QModelIndex previous = model.index(3456 - CarTableModel::PageSize, 0);
        previous.data();
        QTRY_VERIFY_WITH_TIMEOUT(previous.data(CarTableModel::LoadedRole).toBool(), 10000);
        QCOMPARE(previous.data(CarTableModel::IdRole).toLongLong(), order->at(3456 - CarTableModel::PageSize));

        // The far jump asked for the anchors; the next far jump starts from one and lands on the same row.
        QTRY_VERIFY_WITH_TIMEOUT(model.anchorCount() == 5000 / CarTableModel::AnchorStep, 10000);
        const QModelIndex anchored = model.index(1234, 0);
        anchored.data();
        QTRY_VERIFY_WITH_TIMEOUT(anchored.data(CarTableModel::LoadedRole).toBool(), 10000);
        QCOMPARE(anchored.data(CarTableModel::IdRole).toLongLong(), order->at(1234));
    }

    void readsNoAnchorsWithoutAFarJump()
    {
        CarTableModel model(m_thread.get());
        QSignalSpy counted(&model, &CarTableModel::countChanged);
        model.reload();
        QVERIFY(counted.wait(10000));
        const QModelIndex near = model.index(CarTableModel::PageSize + 5, 0);
        near.data();
        QTRY_VERIFY_WITH_TIMEOUT(near.data(CarTableModel::LoadedRole).toBool(), 10000);
        QTest::qWait(200);
        QCOMPARE(model.anchorCount(), 0);
    }

    void neverHoldsMoreThanItsCache()
    {
        CarTableModel model(m_thread.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &CarTableModel::countChanged);
        model.reload();
        QVERIFY(counted.wait(10000));
        const int pages = model.rowCount() / CarTableModel::PageSize;
        QVERIFY(pages > CarTableModel::MaxCachedPages);
        for (int page = 0; page < pages; ++page) {
            const QModelIndex index = model.index(page * CarTableModel::PageSize, 0);
            index.data();
            QTRY_VERIFY_WITH_TIMEOUT(index.data(CarTableModel::LoadedRole).toBool(), 10000);
            QVERIFY(model.cachedPageCount() <= CarTableModel::MaxCachedPages);
        }
        QCOMPARE(model.cachedPageCount(), CarTableModel::MaxCachedPages);
        // Page 1 was read longest ago (the tester keeps looking at row 0): it is gone, a placeholder again.
        QCOMPARE(model.index(CarTableModel::PageSize, 0).data(CarTableModel::LoadedRole).toBool(), false);
        QCOMPARE(model.index(pages * CarTableModel::PageSize - 1, 0).data(CarTableModel::LoadedRole).toBool(), true);
    }

    void sortsAndFiltersInSql()
    {
        CarTableModel model(m_thread.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &CarTableModel::countChanged);
        model.sort(int(CarColumn::ListPrice), Qt::AscendingOrder);
        QVERIFY(!counted.wait(300)); // only remembered: nothing is read before the first reload()
        model.reload();
        QVERIFY(counted.wait(10000));
        const int price = int(CarColumn::ListPrice);
        QCOMPARE(model.index(0, price).data(CarTableModel::SortValueRole).toLongLong(),
                 scalarOn(*m_thread, "SELECT (min(list_price) * 100)::bigint FROM cars").toLongLong());
        for (int row = 1; row < CarTableModel::PageSize; ++row) {
            QVERIFY(model.index(row - 1, price).data(CarTableModel::SortValueRole).toLongLong() <=
                    model.index(row, price).data(CarTableModel::SortValueRole).toLongLong());
        }

        CarFilter filter;
        filter.fuelTypes = {QStringLiteral("electric")};
        filter.yearFrom = 2020;
        counted.clear();
        model.setFilter(filter);
        QTRY_VERIFY_WITH_TIMEOUT(!counted.isEmpty() || model.rowCount() < CarTableModel::PageSize, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isCounting(), 10000);
        const int expected =
            scalarOn(*m_thread, "SELECT count(*) FROM cars WHERE fuel_type = 'electric' AND model_year >= 2020")
                .toInt();
        QVERIFY(expected > 0);
        QCOMPARE(model.rowCount(), expected);
        for (int row = 0; row < std::min(expected, int(CarTableModel::PageSize)); ++row)
            QCOMPARE(model.index(row, int(CarColumn::FuelType)).data().toString(), QStringLiteral("Electric"));

        filter.text = QStringLiteral("no car has this text");
        model.setFilter(filter);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 10000);
    }

    // Count and anchors on their own thread; queries replaced before their reads ran are skipped, and
    // only the last one shows.
    void rapidChangesEndOnTheLastQuery()
    {
        DatabaseThread background;
        auto opened = background.open(m_db->profile());
        opened.waitForFinished();
        QVERIFY(opened.result());
        CarTableModel model(m_thread.get());
        model.setBackgroundThread(&background);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        for (int year : {2015, 2018, 2021}) {
            CarFilter filter;
            filter.yearFrom = year;
            model.setFilter(filter);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!model.isCounting(), 10000);
        QCOMPARE(model.rowCount(), scalarOn(*m_thread, "SELECT count(*) FROM cars WHERE model_year >= 2021").toInt());
        QVERIFY(model.index(0, int(CarColumn::ModelYear)).data(CarTableModel::SortValueRole).toInt() >= 2021);
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DatabaseThread> m_thread;
};

QTEST_MAIN(TestCarTableModel)
#include "tst_cartablemodel.moc"

#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "db/DatabaseThread.h"
#include "models/CustomerTableModel.h"
#include "services/CustomerService.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

// SQL never runs on the GUI thread (debug builds stop): the test's own queries go through the
// database thread too, and wait for it.
class TestCustomerTableModel : public QObject
{
    Q_OBJECT

    void exec(const std::string &sql)
    {
        const QString error = *runJob(*m_thread, [sql](Database &db) { return Result<QString>(execute(db, sql)); });
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    static constexpr int kCustomers = 3500; // more pages than the cache holds

private slots:
    void initTestCase()
    {
        const QString error = openDemoDatabase(m_db, m_thread, QStringLiteral("customermodel"), 10);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        exec("TRUNCATE booking_payments, bookings, customers RESTART IDENTITY CASCADE"); // the demo's
        // Customer n is "Customer 0001" …; 7 and 8 share an email in other letter case.
        exec("INSERT INTO customers (full_name, email, phone, licence_number, licence_expiry) "
             "SELECT 'Customer ' || lpad(n::text, 4, '0'), CASE WHEN n = 8 THEN 'C7@EXAMPLE.COM' ELSE 'c' || n || "
             "'@example.com' END, '+49 30 ' || (100000 + n), 'L' || (100000 + n), '2030-01-01' "
             "FROM generate_series(1, " +
             std::to_string(kCustomers) + ") n");
    }

    void cleanupTestCase()
    {
        m_thread.reset();
        m_db.reset();
    }

    void showsTheTrueCountAndFillsPlaceholders()
    {
        CustomerTableModel model(m_thread.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &CustomerTableModel::countChanged);
        model.reload();
        QVERIFY(counted.wait(10000));
        QCOMPARE(model.rowCount(), kCustomers);
        QCOMPARE(model.columnCount(), int(CustomerColumn::Count));
        const int name = int(CustomerColumn::FullName);
        QCOMPARE(model.index(0, name).data().toString(), QStringLiteral("Customer 0001"));

        // A row far down is a placeholder until its page arrives, then shows the customer at that place.
        const QModelIndex far = model.index(1234, name);
        QCOMPARE(far.data(CustomerTableModel::LoadedRole).toBool(), false);
        QCOMPARE(far.data().toString(), QStringLiteral("Loading…"));
        QTRY_VERIFY_WITH_TIMEOUT(far.data(CustomerTableModel::LoadedRole).toBool(), 10000);
        QCOMPARE(far.data().toString(), QStringLiteral("Customer 1235"));
        QCOMPARE(model.rowOfId(far.data(CustomerTableModel::IdRole).toLongLong()), 1234);
    }

    void marksPossibleDuplicates()
    {
        CustomerTableModel model(m_thread.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &CustomerTableModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(10000));
        const int column = int(CustomerColumn::PossibleDuplicate);
        QStringList flagged;
        for (int row = 0; row < 20; ++row) {
            if (model.index(row, column).data(CustomerTableModel::DuplicateRole).toBool())
                flagged << model.index(row, int(CustomerColumn::FullName)).data().toString();
        }
        QCOMPARE(flagged, (QStringList{QStringLiteral("Customer 0007"), QStringLiteral("Customer 0008")}));
        QCOMPARE(model.index(6, column).data().toString(), QStringLiteral("Possible duplicate"));
        QVERIFY(!model.index(6, column).data(Qt::ToolTipRole).toString().isEmpty());
        QCOMPARE(model.index(5, column).data().toString(), QString());
    }

    void neverHoldsMoreThanItsCache()
    {
        CustomerTableModel model(m_thread.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &CustomerTableModel::countChanged);
        model.reload();
        QVERIFY(counted.wait(10000));
        const int pages = model.rowCount() / CustomerTableModel::PageSize;
        QVERIFY(pages > CustomerTableModel::MaxCachedPages);
        for (int page = 0; page < pages; ++page) {
            const QModelIndex index = model.index(page * CustomerTableModel::PageSize, 0);
            index.data();
            QTRY_VERIFY_WITH_TIMEOUT(index.data(CustomerTableModel::LoadedRole).toBool(), 10000);
            QVERIFY(model.cachedPageCount() <= CustomerTableModel::MaxCachedPages);
        }
        QCOMPARE(model.cachedPageCount(), CustomerTableModel::MaxCachedPages);
        // Page 1 was read longest ago (the tester keeps looking at row 0): it is gone, a placeholder again.
        QCOMPARE(model.index(CustomerTableModel::PageSize, 0).data(CustomerTableModel::LoadedRole).toBool(), false);
        QCOMPARE(model.index(pages * CustomerTableModel::PageSize - 1, 0).data(CustomerTableModel::LoadedRole).toBool(),
                 true);
    }

    void searchesAndSortsInSql()
    {
        CustomerTableModel model(m_thread.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &CustomerTableModel::countChanged);
        model.sort(int(CustomerColumn::FullName), Qt::DescendingOrder);
        QVERIFY(!counted.wait(300)); // only remembered: nothing is read before the first reload()
        model.reload();
        QVERIFY(counted.wait(10000));
        QCOMPARE(model.index(0, int(CustomerColumn::FullName)).data().toString(), QStringLiteral("Customer 3500"));

        model.setSearchText(QStringLiteral("  c1499@EXAMPLE "));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 10000);
        QCOMPARE(model.index(0, int(CustomerColumn::Email)).data().toString(), QStringLiteral("c1499@example.com"));

        model.setSearchText(QStringLiteral("30 100012")); // the phone
        QTRY_COMPARE_WITH_TIMEOUT(model.index(0, int(CustomerColumn::FullName)).data().toString(),
                                  QStringLiteral("Customer 0012"), 10000);
        QCOMPARE(model.rowCount(), 1);

        model.setSearchText(QStringLiteral("nobody has this"));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 10000);
    }

    // Another desk adds a customer and renames one: refresh() shows both, the loaded rows staying put.
    void refreshShowsOtherDesksChanges()
    {
        CustomerTableModel model(m_thread.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &CustomerTableModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(10000));
        const QModelIndex third = model.index(2, int(CustomerColumn::FullName));
        const qint64 id = third.data(CustomerTableModel::IdRole).toLongLong();
        exec("UPDATE customers SET full_name = 'Customer 0003 Renamed' WHERE id = " + std::to_string(id));
        exec("INSERT INTO customers (full_name) VALUES ('Customer 9999')");
        model.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), kCustomers + 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(third.data().toString(), QStringLiteral("Customer 0003 Renamed"), 10000);
        QCOMPARE(loaded.count(), 1); // read again in place, not reset
        QVERIFY(third.isValid());
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DatabaseThread> m_thread;
};

QTEST_MAIN(TestCustomerTableModel)
#include "tst_customertablemodel.moc"

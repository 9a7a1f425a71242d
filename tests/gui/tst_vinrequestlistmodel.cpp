#include "PagedModelSupport.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "db/DatabaseThread.h"
#include "models/VinRequestListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

// The VIN requests list over more requests than it once held (2,000): every one shows, newest first, a page
// at a time. SQL never runs on the GUI thread, not even the test's own.
class TestVinRequestListModel : public QObject
{
    Q_OBJECT

    static constexpr int kRequests = 3400; // more than the old cap, more pages than the cache holds

    void exec(const std::string &sql)
    {
        const QString error = *runJob(*m_thread, [sql](Database &db) { return Result<QString>(execute(db, sql)); });
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    QList<qint64> idsNewestFirst(const std::string &where)
    {
        const QString ids = scalarOn(*m_thread, "SELECT string_agg(id::text, ',' ORDER BY requested_at DESC, id DESC) "
                                                "FROM vin_requests WHERE " +
                                                    where);
        QList<qint64> list;
        for (const QString &id : ids.split(QLatin1Char(','), Qt::SkipEmptyParts))
            list << id.toLongLong();
        return list;
    }

    static bool showFilter(VinRequestListModel &model, const VinRequestFilter &filter)
    {
        QSignalSpy counted(&model, &VinRequestListModel::countChanged);
        model.show(filter);
        return counted.wait(10000);
    }

private slots:
    void initTestCase()
    {
        const QString error = openDemoDatabase(m_db, m_thread, QStringLiteral("vinrequestlistmodel"), 10);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Requests asked for three at a time (ties of requested_at that the id breaks); every fifth failed.
        exec("INSERT INTO vin_requests (batch_id, vin, requested_at, status, finished_at, error) "
             "SELECT k / 3, 'WVWZZZ1KZ' || lpad(k::text, 8, '0'), timestamptz '2024-01-01' + (k / 3) * interval '1 "
             "minute', CASE WHEN k % 5 = 0 THEN 'failed' ELSE 'pending' END, "
             "CASE WHEN k % 5 = 0 THEN timestamptz '2024-06-01' END, CASE WHEN k % 5 = 0 THEN 'no answer' END "
             "FROM generate_series(1, " +
             std::to_string(kRequests) + ") k");
    }

    void cleanupTestCase()
    {
        m_thread.reset();
        m_db.reset();
    }

    // More requests than the list once held: each shows exactly once, newest first, read forwards or
    // backwards.
    void showsEveryRequestPastTheOldCap()
    {
        VinRequestListModel model(m_thread.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(showFilter(model, {}));
        const QList<qint64> expected = idsNewestFirst("true");
        QVERIFY(expected.size() >= kRequests);
        QCOMPARE(model.rowCount(), expected.size());
        QCOMPARE(idsOfEveryRow(model, false), expected);
        QVERIFY(model.cachedPageCount() <= VinRequestListModel::MaxCachedPages);
        QCOMPARE(idsOfEveryRow(model, true), expected);
        QCOMPARE(
            model.index(0, VinRequestListModel::Vin).data().toString(),
            scalarOn(*m_thread, "SELECT vin FROM vin_requests WHERE id = " + std::to_string(expected.constFirst())));
    }

    // The filter narrows in SQL: a status, a part of the VIN (its LIKE characters taken literally).
    void filtersInSql()
    {
        VinRequestListModel model(m_thread.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        VinRequestFilter filter;
        filter.statuses = {QStringLiteral("failed")};
        QVERIFY(showFilter(model, filter));
        const QList<qint64> failed = idsNewestFirst("status = 'failed'");
        QVERIFY(failed.size() > VinRequestListModel::PageSize);
        QCOMPARE(idsOfEveryRow(model, false), failed);
        QVERIFY(model.index(0, VinRequestListModel::Status).data().toString().contains(QLatin1String("no answer")));

        filter = {};
        filter.text = QStringLiteral("1kz000001"); // requests 100 to 199, in any letter case
        QVERIFY(showFilter(model, filter));
        const QList<qint64> matching = idsNewestFirst("vin ILIKE '%1KZ000001%'");
        QVERIFY(!matching.isEmpty());
        QCOMPARE(idsOfEveryRow(model, false), matching);

        filter.text = QStringLiteral("%");
        QVERIFY(showFilter(model, filter));
        QCOMPARE(model.rowCount(), 0);
    }

    // New requests (the worker's progress, other desks): read again in place, not reset.
    void refreshReadsTheRowsAgainInPlace()
    {
        VinRequestListModel model(m_thread.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(showFilter(model, {}));
        const int before = model.rowCount();
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        exec("INSERT INTO vin_requests (batch_id, vin, requested_at) VALUES (0, '1HGCM82633A004352', now())");
        model.show({});
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), before + 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model.index(0, VinRequestListModel::Vin).data().toString(),
                                  QStringLiteral("1HGCM82633A004352"), 10000);
        QCOMPARE(reset.count(), 0);
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DatabaseThread> m_thread;
};

QTEST_MAIN(TestVinRequestListModel)
#include "tst_vinrequestlistmodel.moc"

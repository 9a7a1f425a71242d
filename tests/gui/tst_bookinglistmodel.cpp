#include "PagedModelSupport.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "db/DatabaseThread.h"
#include "models/BookingListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

// The Bookings list over more bookings than the list once held (5,000): every one shows, a page at a time,
// in the order and with the filter SQL gives. SQL never runs on the GUI thread, not even the test's own.
class TestBookingListModel : public QObject
{
    Q_OBJECT

    static constexpr int kBookings = 5250; // more than the old cap, more pages than the cache holds

    void exec(const std::string &sql)
    {
        const QString error = *runJob(*m_thread, [sql](Database &db) { return Result<QString>(execute(db, sql)); });
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // The ids of every booking in `orderBy` (the test's own SQL), for comparing with the model's rows.
    QList<qint64> idsInOrder(const std::string &where, const std::string &orderBy)
    {
        const QString ids = scalarOn(*m_thread, "SELECT string_agg(bk.id::text, ',' ORDER BY " + orderBy +
                                                    ") FROM bookings bk JOIN cars c ON c.id = bk.car_id "
                                                    "JOIN customers u ON u.id = bk.customer_id "
                                                    "JOIN booking_balances bb ON bb.booking_id = bk.id "
                                                    "LEFT JOIN branches pb ON pb.id = bk.pickup_branch_id WHERE " +
                                                    where);
        QList<qint64> list;
        for (const QString &id : ids.split(QLatin1Char(','), Qt::SkipEmptyParts))
            list << id.toLongLong();
        return list;
    }

    static bool showQuery(BookingListModel &model, const BookingQuery &query)
    {
        QSignalSpy counted(&model, &BookingListModel::countChanged);
        model.show(query);
        return counted.wait(10000);
    }

private slots:
    void initTestCase()
    {
        const QString error = openDemoDatabase(m_db, m_thread, QStringLiteral("bookinglistmodel"), 30);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        exec("TRUNCATE booking_payments, bookings RESTART IDENTITY CASCADE"); // the demo's
        // Completed rentals (they never hold a car, so they may overlap), a third of them paid: pick-up
        // times in pairs (ties the id breaks), customers and totals repeating.
        exec("INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, total, status, "
             "picked_up_at, returned_at, pickup_branch_id) "
             "SELECT c.id, u.id, p, p + interval '2 days', 40, 40 * (1 + k % 7), 'completed', p, p + interval '2 "
             "days', CASE WHEN k % 4 = 0 THEN NULL ELSE c.branch_id END "
             "FROM generate_series(1, " +
             std::to_string(kBookings) +
             ") k "
             "JOIN LATERAL (SELECT id, branch_id FROM cars ORDER BY id OFFSET k % (SELECT count(*) FROM cars) LIMIT 1) "
             "c ON true "
             "JOIN LATERAL (SELECT id FROM customers ORDER BY id OFFSET (k * 7) % (SELECT count(*) FROM customers) "
             "LIMIT 1) u ON true "
             "CROSS JOIN LATERAL (SELECT timestamptz '2020-01-01' + (k / 2) * interval '3 hours' AS p) t");
        exec("INSERT INTO booking_payments (booking_id, kind, amount, method, taken_at) "
             "SELECT id, 'payment', total, 'card', returned_at FROM bookings WHERE id % 3 = 0");
    }

    void cleanupTestCase()
    {
        m_thread.reset();
        m_db.reset();
    }

    // More bookings than the list once held: the count is every booking, and reading the pages forwards or
    // backwards gives each one exactly once, in pick-up order.
    void showsEveryBookingPastTheOldCap()
    {
        BookingListModel model(m_thread.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(showQuery(model, {}));
        QCOMPARE(model.rowCount(), kBookings);
        const QList<qint64> expected = idsInOrder("true", "bk.pickup_at, bk.id");
        QCOMPARE(expected.size(), kBookings);
        QCOMPARE(idsOfEveryRow(model, false), expected);
        QVERIFY(model.cachedPageCount() <= BookingListModel::MaxCachedPages);
        QCOMPARE(idsOfEveryRow(model, true), expected);
    }

    // A header click sorts in SQL, by every column and in both directions, ties broken by the id.
    void sortsEveryColumnInSql_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("orderBy");
        const QList<std::pair<BookingListModel::Column, const char *>> columns = {
            {BookingListModel::Id, "bk.id"},
            {BookingListModel::Pickup, "bk.pickup_at"},
            {BookingListModel::Return, "bk.return_at"},
            {BookingListModel::Car, "c.stock_number"},
            {BookingListModel::Customer, "u.full_name"},
            {BookingListModel::Status, "bk.status"},
            {BookingListModel::Branch, "coalesce(pb.code, '')"},
            {BookingListModel::Total, "bk.total"},
            {BookingListModel::Balance, "bb.balance"},
        };
        for (const auto &[column, expression] : columns) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                const char *direction = order == Qt::AscendingOrder ? " ASC" : " DESC";
                QTest::addRow("%s%s", QVariant::fromValue(column).toString().toLatin1().constData(), direction)
                    << int(column) << int(order)
                    << QString::fromLatin1(expression) + QLatin1String(direction) + QLatin1String(", bk.id") +
                           QLatin1String(direction);
            }
        }
    }
    void sortsEveryColumnInSql()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QString, orderBy);
        BookingListModel model(m_thread.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.sort(column, Qt::SortOrder(order));
        QVERIFY(showQuery(model, model.query()));
        QCOMPARE(model.rowCount(), kBookings);
        QCOMPARE(idsOfEveryRow(model, false), idsInOrder("true", orderBy.toStdString()));
    }

    // The filter narrows in SQL (text in the customer's name, the car or its make; statuses; a period).
    void filtersInSql()
    {
        BookingListModel model(m_thread.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString name = scalarOn(*m_thread, "SELECT full_name FROM customers ORDER BY id OFFSET 3 LIMIT 1");
        BookingQuery query;
        query.filter.text = name;
        QVERIFY(showQuery(model, query));
        const QList<qint64> named =
            idsInOrder("u.full_name ILIKE '%" + name.toStdString() + "%'", "bk.pickup_at, bk.id");
        QVERIFY(!named.isEmpty());
        QCOMPARE(model.rowCount(), named.size());
        QCOMPARE(idsOfEveryRow(model, false), named);

        query.filter = {};
        query.filter.from = QDateTime(QDate(2020, 2, 1), QTime(0, 0), QTimeZone::utc());
        query.filter.to = QDateTime(QDate(2020, 3, 1), QTime(0, 0), QTimeZone::utc());
        QVERIFY(showQuery(model, query));
        const QList<qint64> february = idsInOrder(
            "bk.return_at > '2020-02-01 00:00Z' AND bk.pickup_at < '2020-03-01 00:00Z'", "bk.pickup_at, bk.id");
        QVERIFY(february.size() > BookingListModel::PageSize);
        QCOMPARE(idsOfEveryRow(model, false), february);

        query.filter = {};
        query.filter.statuses = {QStringLiteral("reserved")};
        QVERIFY(showQuery(model, query));
        QCOMPARE(model.rowCount(), 0);
    }

    // Another desk's change: the rows read again in place (no reset), the new booking counted.
    void refreshReadsTheRowsAgainInPlace()
    {
        BookingListModel model(m_thread.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(showQuery(model, {}));
        const QModelIndex first = model.index(0, BookingListModel::Total);
        const QString before = first.data().toString();
        const qint64 id = first.data(BookingListModel::IdRole).toLongLong();
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        exec("UPDATE bookings SET total = 9999 WHERE id = " + std::to_string(id));
        exec("INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, total, status) "
             "SELECT car_id, customer_id, pickup_at + interval '1 year', return_at + interval '1 year', 40, 40, "
             "'cancelled' FROM bookings WHERE id = " +
             std::to_string(id));
        model.show(model.query());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), kBookings + 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(first.data().toString() != before, 10000);
        QCOMPARE(first.data(BookingListModel::IdRole).toLongLong(), id);
        QCOMPARE(reset.count(), 0);
        exec("DELETE FROM bookings WHERE id > " + std::to_string(kBookings));
        exec("UPDATE bookings SET total = 40 * (1 + id % 7) WHERE id = " + std::to_string(id));
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DatabaseThread> m_thread;
};

QTEST_MAIN(TestBookingListModel)
#include "tst_bookinglistmodel.moc"

// The Bookings list at 100,000+ bookings: the time from asking for a list to its first rows in the view,
// the time to the true count, and the longest GUI-thread stall meanwhile. The demo's year of rentals
// plus 100,000 completed rentals of the three years before. Prints the figures; record them in
// tests/bench/RESULTS.md.
#include "BenchSupport.h"
#include "TestDatabase.h"
#include "db/Database.h"
#include "models/BookingListModel.h"
#include "services/BookingService.h"
#include "services/DemoDataService.h"
#include "services/SystemService.h"

#include <QApplication>
#include <QHeaderView>
#include <QRandomGenerator>
#include <QTableView>
#include <QTextStream>

#include <pqxx/pqxx>

using namespace bench;

namespace {
QTextStream out(stdout);
constexpr int kCars = 1200; // the demo books every third car: 400 rental cars
constexpr int kHistory = 100000;
constexpr int kRuns = 10;

struct Scenario
{
    QString name;
    BookingFilter filter;
};

struct Timing
{
    double firstRows = 0; // ms from asking to rows in the view
    double counted = 0;   // ms from asking to the true count (the label)
    qint64 rows = 0;      // the rows the list says it has
};

// The list as the Bookings page shows it: the model reads a page at a time on the database thread, sorted
// and filtered in SQL (before: at most 5,000 bookings read at once, sorted by a proxy on the GUI
// thread).
class List
{
public:
    explicit List(DatabaseThread &thread)
        : m_model(&thread)
    {
        m_view.setModel(&m_model);
        m_view.setSortingEnabled(true);
        m_view.sortByColumn(BookingListModel::Pickup, Qt::AscendingOrder);
        m_view.resize(1400, 800);
        m_view.show();
    }

    // Each run reads the list from its start, as a change of the filter does.
    Timing load(const BookingFilter &filter)
    {
        BookingQuery query = m_model.query();
        query.filter = filter;
        QElapsedTimer timer;
        timer.start();
        Timing timing;
        bool loaded = false;
        const auto connection = QObject::connect(&m_model, &BookingListModel::loaded, [&] { loaded = true; });
        if (m_model.isStarted() && !(query == m_model.query())) {
            m_model.setQuery(query);
        } else {
            m_model.setQuery(query);
            m_model.reload();
        }
        waitFor([&] { return loaded; });
        m_view.viewport()->repaint();
        timing.firstRows = double(timer.nsecsElapsed()) / 1e6;
        QObject::disconnect(connection);
        waitFor([&] { return !m_model.isCounting(); });
        timing.counted = double(timer.nsecsElapsed()) / 1e6;
        timing.rows = m_model.rowCount();
        return timing;
    }

    // A jump to the middle of the list: the time until the page there is read.
    double jump()
    {
        const int row = m_model.rowCount() / 2 + int(QRandomGenerator::global()->bounded(1000));
        QElapsedTimer timer;
        timer.start();
        m_view.scrollTo(m_model.index(row, 0), QAbstractItemView::PositionAtCenter);
        m_model.index(row, 0).data();
        waitFor([&] { return m_model.isLoaded(row); });
        return double(timer.nsecsElapsed()) / 1e6;
    }

    void sort(BookingListModel::Column column) { m_view.sortByColumn(column, Qt::AscendingOrder); }

private:
    BookingListModel m_model;
    QTableView m_view;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TestDatabase db(QStringLiteral("bench_bookinglist"));
    if (!db.isValid()) {
        out << "bench_bookinglist: " << db.error() << Qt::endl;
        return 1;
    }
    DatabaseThread thread;
    auto opened = thread.open(db.profile());
    opened.waitForFinished();
    const auto filled = onDatabase(thread, [&](Database &database) -> Result<qint64> {
        if (auto migrated = SystemService::migrate(database); !migrated)
            return std::unexpected(migrated.error());
        DemoDataOptions options;
        options.cars = kCars;
        if (auto demo = DemoDataService::generate(database, options); !demo)
            return std::unexpected(demo.error());
        return database.guard([&](pqxx::connection &connection) {
            pqxx::work work(connection);
            // Completed rentals of the three years before the demo's year (completed ones may overlap:
            // only live bookings hold the car), each paid in full.
            work.exec_params(
                "WITH rented AS (SELECT car_id, row_number() OVER (ORDER BY car_id) - 1 AS n "
                "  FROM (SELECT DISTINCT car_id FROM bookings) d), "
                "made AS (INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, total, status, "
                "  picked_up_at, returned_at, pickup_branch_id) "
                "SELECT c.car_id, (SELECT min(id) FROM customers) + (k * 7919) % (SELECT count(*) FROM customers), "
                "  p, p + (1 + k % 5) * interval '1 day', 40, 40 * (1 + k % 5), 'completed', p, "
                "  p + (1 + k % 5) * interval '1 day', (SELECT branch_id FROM cars WHERE id = c.car_id) "
                "FROM generate_series(0, $1 - 1) k "
                "JOIN rented c ON c.n = k % (SELECT count(*) FROM rented) "
                "CROSS JOIN LATERAL (SELECT now() - interval '6 months' - (k * (3 * 365.0 / $1)) * interval '1 day' "
                "  AS p) t "
                "RETURNING id, total, returned_at) "
                "INSERT INTO booking_payments (booking_id, kind, amount, method, taken_at) "
                "SELECT id, 'payment', total, 'card', returned_at FROM made",
                kHistory);
            work.exec("ANALYZE bookings");
            work.exec("ANALYZE booking_payments");
            const qint64 bookings = work.exec1("SELECT count(*) FROM bookings")[0].as<qint64>();
            work.commit();
            return bookings;
        });
    });
    if (!filled) {
        out << "bench_bookinglist: " << filled.error().oneLine() << Qt::endl;
        return 1;
    }
    out << "bookings: " << *filled << Qt::endl;

    QList<Scenario> scenarios;
    {
        Scenario period{QStringLiteral("the page's default period (last week to a month ahead)"), {}};
        period.filter.from = QDateTime(QDate::currentDate().addDays(-7), QTime(0, 0));
        period.filter.to = QDateTime(QDate::currentDate().addDays(31), QTime(0, 0));
        scenarios << period;
        Scenario all{QStringLiteral("every booking (ten years back to a year ahead)"), {}};
        all.filter.from = QDateTime(QDate::currentDate().addYears(-10), QTime(0, 0));
        all.filter.to = QDateTime(QDate::currentDate().addYears(1), QTime(0, 0));
        scenarios << all;
        Scenario search = all;
        search.name = QStringLiteral("every booking, search \"berger\"");
        search.filter.text = QStringLiteral("berger");
        scenarios << search;
    }

    List list(thread);
    for (const BookingListModel::Column column : {BookingListModel::Pickup, BookingListModel::Customer}) {
        list.sort(column);
        out << "sorted by " << QVariant::fromValue(column).toString() << Qt::endl;
        for (const Scenario &scenario : scenarios) {
            Stats firstRows;
            Stats counted;
            qint64 rows = 0;
            StallProbe probe;
            for (int run = 0; run < kRuns; ++run) {
                const Timing timing = list.load(scenario.filter);
                firstRows.add(timing.firstRows);
                counted.add(timing.counted);
                rows = timing.rows;
            }
            Stats jumps;
            for (int run = 0; rows > 2000 && run < kRuns; ++run)
                jumps.add(list.jump());
            out << scenario.name << ": " << rows << " rows shown" << Qt::endl;
            out << "  first rows in the view: " << firstRows.summary() << Qt::endl;
            out << "  true count known: " << counted.summary() << Qt::endl;
            if (!jumps.samples.isEmpty())
                out << "  a page in the middle: " << jumps.summary() << Qt::endl;
            out << "  longest GUI-thread stall: " << QString::number(probe.longestMs(), 'f', 1) << " ms" << Qt::endl;
        }
    }
    return 0;
}

// The availability timeline with 1,000 cars over 90 days: the query, the first paint after the
// data arrives, and the GUI-thread stalls and paint times while scrolling through every row at each
// zoom. Prints the figures; record them in tests/bench/RESULTS.md.
#include "BenchSupport.h"
#include "TestDatabase.h"
#include "db/Database.h"
#include "services/BookingService.h"
#include "services/DemoDataService.h"
#include "services/SystemService.h"
#include "ui/bookings/BookingTimeline.h"

#include <QApplication>
#include <QPixmap>
#include <QScrollBar>
#include <QTextStream>

#include <pqxx/pqxx>

using namespace bench;

namespace {
QTextStream out(stdout);
constexpr int kCars = 1000;
constexpr int kDays = 90;
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TestDatabase db(QStringLiteral("bench_timeline"));
    if (!db.isValid()) {
        out << "bench_timeline: " << db.error() << Qt::endl;
        return 1;
    }
    DatabaseThread thread;
    auto opened = thread.open(db.profile());
    opened.waitForFinished();
    const QDateTime from(QDate::currentDate().addDays(-7), QTime(0, 0));
    const QDateTime to = from.addDays(kDays);
    // 1,000 cars; the demo books a third of them, the rest get a booking every four days over the period.
    const auto loaded = onDatabase(thread, [&](Database &database) -> Result<qint64> {
        if (auto migrated = SystemService::migrate(database); !migrated)
            return std::unexpected(migrated.error());
        DemoDataOptions options;
        options.cars = kCars;
        if (auto demo = DemoDataService::generate(database, options); !demo)
            return std::unexpected(demo.error());
        return database.guard([&](pqxx::connection &connection) {
            pqxx::work work(connection);
            work.exec("UPDATE cars SET status = 'available', sold_on = NULL WHERE status IN ('sold', 'retired', "
                      "'in_service')");
            work.exec_params(
                // Those already over are completed rentals: a reservation must end in the future.
                "INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, total, status, "
                "  picked_up_at, returned_at) "
                "SELECT car_id, customer_id, pickup_at, return_at, 40, 120, "
                "  CASE WHEN return_at <= now() THEN 'completed' ELSE 'reserved' END, "
                "  CASE WHEN return_at <= now() THEN pickup_at END, CASE WHEN return_at <= now() THEN return_at END "
                "FROM (SELECT c.id AS car_id, (SELECT min(id) FROM customers) + (c.id * 7 + k) % 40 AS customer_id, "
                "  $1::timestamptz + (k * 4) * interval '1 day' + (c.id % 10) * interval '1 hour' AS pickup_at, "
                "  $1::timestamptz + (k * 4 + 3) * interval '1 day' + (c.id % 10) * interval '1 hour' AS return_at "
                "  FROM cars c CROSS JOIN generate_series(0, 22) k "
                "  WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.car_id = c.id)) planned",
                from.toUTC().toString(Qt::ISODate).toStdString());
            work.exec("ANALYZE bookings");
            const qint64 bookings = work.exec_params1("SELECT count(*) FROM bookings WHERE pickup_at < $2::timestamptz "
                                                      "AND blocked_until > $1::timestamptz",
                                                      from.toUTC().toString(Qt::ISODate).toStdString(),
                                                      to.toUTC().toString(Qt::ISODate).toStdString())[0]
                                        .as<qint64>();
            work.commit();
            return bookings;
        });
    });
    if (!loaded) {
        out << "bench_timeline: " << loaded.error().oneLine() << Qt::endl;
        return 1;
    }
    out << "bookings in the period: " << *loaded << Qt::endl;

    BookingTimeline timeline;
    timeline.resize(1400, 860);
    timeline.show();

    // The query, run as the page runs it (on the database thread), five times.
    Stats query;
    Result<Timeline> data = std::unexpected(Error{});
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        data = onDatabase(thread,
                          [&](Database &database) { return BookingService::timeline(database, {}, from, to, kCars); });
        query.add(timer.nsecsElapsed() / 1e6);
    }
    if (!data) {
        out << "bench_timeline: " << data.error().oneLine() << Qt::endl;
        return 1;
    }
    out << "cars " << data->cars.size() << ", bars " << data->bars.size() << Qt::endl;
    out << "timeline query (1,000 cars x 90 days): " << query.summary() << Qt::endl;

    // First paint: from the data's arrival to a painted frame (setTimeline + a full repaint), at each zoom.
    Stats firstPaint;
    for (int i = 0; i < 10; ++i) {
        timeline.setZoom(BookingTimeline::Zoom(i % 4));
        QElapsedTimer timer;
        timer.start();
        timeline.setTimeline(*data);
        timeline.viewport()->repaint();
        firstPaint.add(timer.nsecsElapsed() / 1e6);
    }
    out << "first paint after the data arrives: " << firstPaint.summary() << Qt::endl;

    // Scrolling: every row from top to bottom a step at a time, and across the period, at each zoom,
    // through the event loop (queued scroll steps) with the stall probe running.
    // The machine's own hiccups: the longest stall of an idle event loop over as long as the scrolling takes.
    double idleStall = 0;
    {
        StallProbe idle;
        QElapsedTimer timer;
        timer.start();
        while (!timer.hasExpired(8000))
            QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
        idleStall = idle.longestMs();
    }
    StallProbe probe;
    Stats paints;
    for (const auto zoom : {BookingTimeline::Zoom::Quarter, BookingTimeline::Zoom::Month, BookingTimeline::Zoom::Week,
                            BookingTimeline::Zoom::Day}) {
        timeline.setZoom(zoom);
        Stats zoomPaints;
        QScrollBar *vertical = timeline.verticalScrollBar();
        QScrollBar *horizontal = timeline.horizontalScrollBar();
        vertical->setValue(0);
        horizontal->setValue(0);
        const int steps = 200;
        for (int step = 0; step <= steps; ++step) {
            vertical->setValue(vertical->maximum() * step / steps);
            horizontal->setValue(horizontal->maximum() * step / steps);
            QElapsedTimer timer;
            timer.start();
            timeline.viewport()->repaint();
            paints.add(timer.nsecsElapsed() / 1e6);
            zoomPaints.add(timer.nsecsElapsed() / 1e6);
            QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
        }
        out << "  paint at " << QVariant::fromValue(zoom).toString() << ": " << zoomPaints.summary() << Qt::endl;
    }
    out << "paint while scrolling (4 zooms x 200 steps): " << paints.summary() << Qt::endl;
    out << "longest GUI-thread stall while scrolling: " << QString::number(probe.longestMs(), 'f', 1)
        << " ms (idle event loop over 8 s, same process: " << QString::number(idleStall, 'f', 1) << " ms)" << Qt::endl;
    out << "targets: first paint < 100 ms: " << (firstPaint.percentile(1.0) < 100 ? "met" : "NOT met")
        << "; no stall > 50 ms while scrolling: " << (probe.longestMs() < 50 ? "met" : "NOT met") << Qt::endl;
    return 0;
}

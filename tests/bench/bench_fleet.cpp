// The Fleet at a million cars: demo-data load time, the table model's first rows, window fetches,
// sort and filter changes, similar cars, the GUI-thread stalls while the model works, and the model's
// memory. Prints the figures; record them in tests/bench/RESULTS.md. BENCH_CARS sets the fleet size.
#include "BenchSupport.h"
#include "TestDatabase.h"
#include "db/Database.h"
#include "db/DatabaseThread.h"
#include "models/CarTableModel.h"
#include "services/DemoDataService.h"
#include "services/FleetService.h"
#include "services/SystemService.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

namespace {
using namespace bench;

QTextStream out(stdout);

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const qint64 cars =
        qEnvironmentVariableIsSet("BENCH_CARS") ? qEnvironmentVariableIntValue("BENCH_CARS") : 1'000'000;

    TestDatabase db(QStringLiteral("bench_fleet"));
    if (!db.isValid()) {
        out << "bench_fleet: " << db.error() << Qt::endl;
        return 1;
    }
    DatabaseThread thread;
    auto opened = thread.open(db.profile());
    opened.waitForFinished();
    if (!opened.result()) {
        out << "bench_fleet: " << opened.result().error().oneLine() << Qt::endl;
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    const auto loaded = onDatabase(thread, [cars](Database &database) -> Result<DemoDataSummary> {
        if (auto migrated = SystemService::migrate(database); !migrated)
            return std::unexpected(migrated.error());
        DemoDataOptions options;
        options.cars = cars;
        return DemoDataService::generate(database, options);
    });
    if (!loaded) {
        out << "bench_fleet: " << loaded.error().oneLine() << Qt::endl;
        return 1;
    }
    out << "demo-data: " << cars << " cars in " << timer.elapsed() << " ms" << Qt::endl;

    QRandomGenerator random(42);
    const qint64 rssBefore = residentKiB();
    StallProbe probe;

    // First rows after opening: reload() to the model's loaded() signal.
    DatabaseThread background; // as the Fleet page does: count and anchors on a second connection
    auto backgroundOpened = background.open(db.profile());
    backgroundOpened.waitForFinished();
    CarTableModel model(&thread);
    model.setBackgroundThread(&background);
    Stats firstRows;
    for (int i = 0; i < 5; ++i) {
        QSignalSpy shown(&model, &CarTableModel::loaded);
        timer.restart();
        model.reload();
        waitFor([&] { return !shown.isEmpty(); });
        firstRows.add(double(timer.nsecsElapsed()) / 1e6);
        waitFor([&] { return !model.isCounting(); });
    }
    out << "first rows shown (model reload to first page): " << firstRows.summary() << Qt::endl;

    // The first far jump of a query reads its page by OFFSET and asks for the anchors; later jumps
    // start from the nearest anchor.
    {
        const QModelIndex index = model.index(model.rowCount() / 2, 0);
        timer.restart();
        index.data();
        waitFor([&] { return index.data(CarTableModel::LoadedRole).toBool(); });
        out << "first far jump (by OFFSET, to the middle): "
            << QString::number(double(timer.nsecsElapsed()) / 1e6, 'f', 1) << " ms" << Qt::endl;
        timer.restart();
        waitFor([&] { return model.anchorCount() > 0; });
        out << "anchors read after: " << timer.elapsed() << " ms" << Qt::endl;
    }

    // Window fetches while scrolling: a jump to a random place, then the next pages (keyset).
    Stats windows;
    for (int jump = 0; jump < 40; ++jump) {
        int row = int(random.bounded(model.rowCount() - 10 * CarTableModel::PageSize));
        for (int step = 0; step < 5; ++step, row += CarTableModel::PageSize) {
            const QModelIndex index = model.index(row, 0);
            timer.restart();
            index.data();
            waitFor([&] { return index.data(CarTableModel::LoadedRole).toBool(); });
            windows.add(double(timer.nsecsElapsed()) / 1e6);
        }
    }
    out << "window fetch (page of " << CarTableModel::PageSize << " rows, request to rows shown): " << windows.summary()
        << Qt::endl;
    const qint64 rssAfter = residentKiB();
    const int pagesAfterScrolling = model.cachedPageCount();

    // Sort changes: first rows in the new order; then with the count.
    // A change of query: first rows in the new order, then with the count. Between the runs the model
    // goes to another query and back, so that each run is a change.
    const auto measureQuery = [&](const QString &label, const CarQuery &target) {
        CarQuery away;
        away.sortColumn = target.sortColumn == CarColumn::StockNumber ? CarColumn::Vin : CarColumn::StockNumber;
        Stats first;
        Stats complete;
        for (int i = 0; i < 3; ++i) {
            model.setQuery(away);
            waitFor([&] { return !model.isCounting(); });
            QSignalSpy shown(&model, &CarTableModel::loaded);
            timer.restart();
            model.setQuery(target);
            waitFor([&] { return !shown.isEmpty(); });
            first.add(double(timer.nsecsElapsed()) / 1e6);
            waitFor([&] { return !model.isCounting(); });
            complete.add(double(timer.nsecsElapsed()) / 1e6);
        }
        out << "  " << label << ": first rows " << first.summary() << "; with count p95 "
            << QString::number(complete.percentile(0.95), 'f', 1) << " ms" << Qt::endl;
        return first.percentile(0.95);
    };
    out << "sort changes:" << Qt::endl;
    Stats indexedSorts;
    Stats otherSorts;
    for (int column = 0; column < int(CarColumn::Count); ++column) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            CarQuery sorted;
            sorted.sortColumn = CarColumn(column);
            sorted.sortOrder = order;
            const double p95 =
                measureQuery(CarQuery::columnKey(sorted.sortColumn) +
                                 (order == Qt::AscendingOrder ? QStringLiteral(" asc") : QStringLiteral(" desc")),
                             sorted);
            (CarQuery::isIndexed(CarColumn(column)) ? indexedSorts : otherSorts).add(p95);
        }
    }
    out << "sort change, indexed columns: " << indexedSorts.summary() << Qt::endl;
    out << "sort change, other columns: " << otherSorts.summary() << Qt::endl;

    out << "filter changes:" << Qt::endl;
    Stats filters;
    const auto filterCase = [&](const QString &label, const CarFilter &filter) {
        CarQuery query;
        query.filter = filter;
        filters.add(measureQuery(label, query));
    };
    CarFilter filter;
    filter.makes = {QStringLiteral("Volkswagen")};
    filterCase(QStringLiteral("make"), filter);
    filter.models = {QStringLiteral("Golf")};
    filterCase(QStringLiteral("make and model"), filter);
    filter = {};
    filter.priceFrom = 15000;
    filter.priceTo = 20000;
    filterCase(QStringLiteral("price range"), filter);
    filter = {};
    filter.yearFrom = 2022;
    filter.mileageTo = 20000;
    filterCase(QStringLiteral("year and mileage"), filter);
    filter = {};
    filter.statuses = {QStringLiteral("in_service")};
    filterCase(QStringLiteral("status"), filter);
    filter = {};
    filter.fuelTypes = {QStringLiteral("electric")};
    filter.locations = {QStringLiteral("HAM")};
    filterCase(QStringLiteral("fuel and location"), filter);
    filter = {};
    filter.text = QStringLiteral("golf");
    filterCase(QStringLiteral("text 'golf'"), filter);
    out << "filter change: " << filters.summary() << Qt::endl;

    // The stalls of scrolling, sorting and filtering; what follows waits on the database itself.
    const double longestStall = probe.longestMs();

    // Similar cars for random available cars.
    const auto ids = onDatabase(thread, [](Database &database) {
        CarQuery available;
        available.filter.statuses = {QStringLiteral("available")};
        return FleetService::ids(database, available);
    });
    Stats similar;
    for (int i = 0; ids && !ids->isEmpty() && i < 100; ++i) {
        const qint64 id = ids->at(random.bounded(int(ids->size())));
        timer.restart();
        const auto found = onDatabase(thread, [id](Database &database) { return FleetService::similar(database, id); });
        similar.add(double(timer.nsecsElapsed()) / 1e6);
        if (!found)
            out << "similar failed: " << found.error().oneLine() << Qt::endl;
    }
    out << "similar cars: " << similar.summary() << Qt::endl;

    out << "longest GUI-thread stall while scrolling, sorting and filtering: " << QString::number(longestStall, 'f', 1)
        << " ms" << Qt::endl;
    out << "process memory growth while scrolling (model cache, " << pagesAfterScrolling
        << " pages): " << (rssAfter - rssBefore) / 1024 << " MiB" << Qt::endl;
    return 0;
}

#include "DemoData.h"

#include "TerminationSignals.h"
#include "cli/JsonOutput.h"
#include "db/Database.h"
#include "services/DemoDataService.h"

#include <QJsonObject>

#include <cstdio>
#include <limits>
#include <unistd.h>

namespace Commands {

namespace {
// Ten times the largest fleet the benchmarks generate.
constexpr qint64 kMostDemoCars = 10'000'000;
} // namespace

DemoData::DemoData()
    : Command(QStringLiteral("demo-data"),
              tr("Fills the database with realistic, deterministic demo data (migrating it first)."), Json::Taken)
{
    addOptions({m_cars, m_seed, m_replace, m_ifEmpty});
}

int DemoData::execute(const QStringList &)
{
    const auto carCount = wholeNumber(m_cars, 0, kMostDemoCars);
    if (!carCount)
        return usageError(carCount.error().message);
    bool seedOk = false;
    DemoDataOptions options;
    options.cars = *carCount;
    options.seed = value(m_seed).toULongLong(&seedOk); // any 64-bit seed
    options.replace = isSet(m_replace);
    options.ifEmpty = isSet(m_ifEmpty);
    if (!seedOk)
        return usageError(tr("--seed needs a whole number from 0 to %1, not \"%2\".")
                              .arg(QString::number(std::numeric_limits<quint64>::max()), value(m_seed)));

    auto database = openDatabase(true);
    if (!database)
        return failWith(database.error());
    const bool showProgress = isatty(fileno(stderr)) && !json();
    auto summary = DemoDataService::generate(**database, options, [&](qint64 done, qint64 total) {
        if (showProgress)
            err() << "\r" << tr("%1 of %2 cars").arg(done).arg(total) << Qt::flush;
        return !TerminationSignals::interrupted(); // Ctrl+C cancels; nothing is kept
    });
    if (showProgress && options.cars >= 5000)
        err() << "\r" << Qt::endl;
    if (!summary)
        return failWith(summary.error());
    if (json()) {
        JsonOutput::print(QJsonObject{{QStringLiteral("cars"), summary->cars},
                                      {QStringLiteral("branches"), summary->branches},
                                      {QStringLiteral("customers"), summary->customers},
                                      {QStringLiteral("bookings"), summary->bookings},
                                      {QStringLiteral("sales"), summary->sales},
                                      {QStringLiteral("skipped"), summary->skipped}});
    } else if (summary->skipped) {
        out() << tr("The fleet already has %1 cars; no demo data added.").arg(summary->cars) << Qt::endl;
    } else {
        out() << tr("Created %1 cars in %2 branches, %3 customers and %4 bookings (seed %5).")
                     .arg(summary->cars)
                     .arg(summary->branches)
                     .arg(summary->customers)
                     .arg(summary->bookings)
                     .arg(options.seed)
              << Qt::endl;
    }
    return Ok;
}

} // namespace Commands

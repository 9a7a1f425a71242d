#pragma once

// What the benchmarks share: percentiles, a GUI-thread stall probe, waiting for database jobs while the
// event loop runs, and a demo fleet exported to CSV.
#include "TestDatabase.h"
#include "db/Database.h"
#include "db/DatabaseThread.h"
#include "services/CarExportService.h"
#include "services/CarQuery.h"
#include "services/DemoDataService.h"
#include "services/SystemService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <functional>

namespace bench {

struct Stats
{
    QList<double> samples; // ms

    void add(double ms) { samples << ms; }
    double percentile(double p) const
    {
        if (samples.isEmpty())
            return 0;
        QList<double> sorted = samples;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(std::min<qsizetype>(sorted.size() - 1, qsizetype(p * double(sorted.size()))));
    }
    QString summary() const
    {
        return QStringLiteral("n=%1 p50=%2 ms p95=%3 ms max=%4 ms")
            .arg(samples.size())
            .arg(percentile(0.5), 0, 'f', 1)
            .arg(percentile(0.95), 0, 'f', 1)
            .arg(percentile(1.0), 0, 'f', 1);
    }
};

template <typename F> auto onDatabase(DatabaseThread &thread, F job)
{
    auto future = thread.submit(std::move(job));
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return future.result();
}

// The longest gap between 1 ms timer ticks on the GUI thread: how long the event loop was blocked.
class StallProbe : public QObject
{
public:
    StallProbe()
    {
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0)
                m_longest = std::max(m_longest, now - m_last);
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    double longestMs() const { return double(m_longest) / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
};

inline bool waitFor(const std::function<bool()> &done, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

// `db` opened, migrated and filled with `cars` demo cars, whose fleet is then exported to `csvPath` (the
// export's columns): the files the import benchmarks read.
inline Result<std::unique_ptr<Database>> demoFleetAsCsv(const TestDatabase &db, qint64 cars, const QString &csvPath)
{
    auto opened = Database::open(db.profile());
    if (!opened)
        return opened;
    if (auto migrated = SystemService::migrate(**opened); !migrated)
        return std::unexpected(migrated.error());
    DemoDataOptions demo;
    demo.cars = cars;
    if (auto made = DemoDataService::generate(**opened, demo); !made)
        return std::unexpected(made.error());
    QFile file(csvPath);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(Error{Error::Code::Unknown, file.errorString()});
    if (auto written = CarExportService::exportCars(**opened, CarQuery{}, file); !written)
        return std::unexpected(written.error());
    return opened;
}

} // namespace bench

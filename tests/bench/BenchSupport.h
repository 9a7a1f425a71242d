#pragma once

// What the benchmarks share: percentiles, a GUI-thread stall probe, and waiting for database jobs
// while the event loop runs.
#include "db/DatabaseThread.h"

#include <QCoreApplication>
#include <QElapsedTimer>
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

} // namespace bench

#pragma once

#include "db/ConnectionProfile.h"
#include "outbox/EventQueue.h"

#include <QThread>

#include <atomic>

// The background consumer of the outbox: a QThread with its own connection that LISTENs for the
// publishers' wake-up (Outbox::WakeChannel), polls at least every `pollMs` as a backstop, and claims and
// handles batches (EventQueue). While it runs it keeps a heartbeat row in worker_heartbeats (and removes
// the rows of workers that have stopped beating). stop() lets it finish the batch in hand, give back its
// leases and remove its heartbeat.
class EventWorker : public QThread
{
    Q_OBJECT

public:
    struct Options
    {
        EventQueue::Options queue;
        int pollMs = 1000;
        int heartbeatMs = 5000;
        // A heartbeat row not renewed for this long is removed at the other workers' beats: its worker
        // was killed or lost its machine (a clean stop removes its own row). 60 beats: the System section
        // shows a worker that died, with the time of its last beat, for a few minutes (`health` calls a
        // worker alive for 30 s), and a live worker busy with a long batch keeps its row (were it removed,
        // its next beat would write it again).
        int forgetSilentWorkersAfterMs = 5 * 60'000;
    };

    EventWorker(const ConnectionProfile &profile, EventHandlers handlers, const Options &options,
                QObject *parent = nullptr);
    ~EventWorker() override; // stops and waits

    // host:pid:n, unique among the workers of all processes.
    QString id() const { return m_id; }
    void stop();

    // The handlers every Forecourt worker runs (the activity feed; more as issues land).
    static EventHandlers standardHandlers();

signals:
    // From the worker thread, after each batch.
    void batchDone(int handled, int retried, int deadLettered);
    // The database cannot be reached; the worker keeps trying every second.
    void unavailable(const QString &message);

protected:
    void run() override;

private:
    ConnectionProfile m_profile;
    EventHandlers m_handlers;
    Options m_options;
    QString m_id;
};

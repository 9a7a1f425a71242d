#include "Worker.h"

#include "Logging.h"
#include "TerminationSignals.h"
#include "db/Database.h"
#include "events/EventWorker.h"

#include <QLoggingCategory>
#include <QThread>

namespace Commands {

Worker::Worker()
    : Command(QStringLiteral("worker"),
              tr("Handles the queued events (activity feed, alerts, reminders, VIN reports) without a window, "
                 "next to any other workers, until SIGTERM or Ctrl+C; then it finishes the batch in hand and "
                 "gives back its leases. Logs to stderr."),
              Json::NotTaken)
{
    addOptions({m_lease, m_attempts});
}

int Worker::execute(const QStringList &)
{
    // An hour: the longest the events of a worker that died wait for another one.
    const auto leaseSeconds = wholeNumber(m_lease, 1, 3600);
    if (!leaseSeconds)
        return usageError(leaseSeconds.error().message);
    const auto maxAttempts = wholeNumber(m_attempts, 1, 100);
    if (!maxAttempts)
        return usageError(maxAttempts.error().message);
    EventWorker::Options options;
    options.queue.leaseMs = int(*leaseSeconds * 1000);
    options.queue.maxAttempts = int(*maxAttempts);
    QLoggingCategory::setFilterRules(QStringLiteral("forecourt.*.debug=false\nforecourt.*.info=false\n"
                                                    "forecourt.worker.info=true"));

    // Migrated first, so that the worker never runs against an older schema.
    auto database = openDatabase(true);
    if (!database)
        return failWith(database.error());
    EventWorker eventWorker(profile(), EventWorker::standardHandlers(), options);
    qCInfo(lcWorker).noquote() << "worker" << eventWorker.id() << "started";
    eventWorker.start();
    while (!TerminationSignals::interrupted() && eventWorker.isRunning())
        QThread::msleep(100);
    eventWorker.stop();
    eventWorker.wait();
    qCInfo(lcWorker).noquote() << "worker" << eventWorker.id() << "stopped";
    return Ok;
}

} // namespace Commands

#include "EventWorker.h"

#include "ActivityFeed.h"
#include "BookingReminders.h"
#include "FilterAlerts.h"
#include "Logging.h"
#include "SecretStore.h"
#include "VinReportHandler.h"
#include "db/Database.h"
#include "db/DbErrors.h"
#include "outbox/ChannelListener.h"
#include "outbox/Outbox.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHostInfo>

#include <pqxx/pqxx>

namespace {

std::atomic<int> workerCount{0};

// A busy queue leaves a dead row per handled event, faster than autovacuum (which wakes once a
// minute) clears them, and the claims then step over them in the indexes. So a worker that has
// removed many events vacuums the table itself, at most every few seconds.
constexpr qint64 kVacuumAfterEvents = 20000;
constexpr int kVacuumIntervalMs = 5000;

} // namespace

EventWorker::EventWorker(const ConnectionProfile &profile, EventHandlers handlers, const Options &options,
                         QObject *parent)
    : QThread(parent)
    , m_profile(profile)
    , m_handlers(std::move(handlers))
    , m_options(options)
    , m_id(QStringLiteral("%1:%2:%3")
               .arg(QHostInfo::localHostName())
               .arg(QCoreApplication::applicationPid())
               .arg(++workerCount))
{
    setObjectName(QStringLiteral("EventWorker"));
}

EventWorker::~EventWorker()
{
    stop();
    wait();
}

void EventWorker::stop()
{
    requestInterruption(); // seen within one wait slice (100 ms) or after the batch in hand
}

EventHandlers EventWorker::standardHandlers()
{
    EventHandlers handlers;
    handlers.add(QStringLiteral("*"), &ActivityFeed::record);
    handlers.add(QStringLiteral("car.created"), &FilterAlerts::handle);
    handlers.add(QStringLiteral("car.price_changed"), &FilterAlerts::handle);
    handlers.add(QStringLiteral("booking.pickup_reminder"), &BookingReminders::handle);
    handlers.add(QStringLiteral("booking.return_reminder"), &BookingReminders::handle);
    VinReportHandler::install(handlers, std::make_shared<VinReportHandler>(std::make_shared<KeychainSecretStore>()));
    return handlers;
}

void EventWorker::run()
{
    std::unique_ptr<Database> database;
    ChannelListener wakeUps(Outbox::WakeChannel);
    QElapsedTimer sinceHeartbeat;
    QElapsedTimer vacuumed;
    vacuumed.start();
    qint64 sinceVacuum = 0;
    const auto stopping = [this] { return isInterruptionRequested(); };
    const auto pause = [this](int ms) {
        QDeadlineTimer deadline(ms);
        while (!isInterruptionRequested() && !deadline.hasExpired())
            msleep(50);
    };

    while (!isInterruptionRequested()) {
        if (!database) {
            auto opened = Database::open(m_profile);
            if (!opened) {
                qCWarning(lcWorker) << "worker" << m_id << "cannot connect:" << opened.error().oneLine();
                emit unavailable(opened.error().message);
                pause(1000);
                continue;
            }
            database = std::move(*opened);
        }
        // Not Database::guard: the listener must let go of a lost connection before it is dropped.
        if (!database->isConnected())
            wakeUps.detach();
        try {
            pqxx::connection &connection = database->connection();
            wakeUps.attach(connection);
            if (!sinceHeartbeat.isValid() || sinceHeartbeat.hasExpired(m_options.heartbeatMs)) {
                EventQueue::heartbeat(connection, m_id, m_options.forgetSilentWorkersAfterMs);
                sinceHeartbeat.start();
            }
            (void)wakeUps.take(); // a claim follows: earlier wake-ups are answered by it
            const QList<OutboxEvent> events = EventQueue::claim(connection, m_id, m_options.queue);
            if (events.isEmpty()) {
                wakeUps.wait(connection, m_options.pollMs, stopping);
                continue;
            }
            m_handlers.prepare(connection, events);
            const EventQueue::BatchResult result =
                EventQueue::process(connection, m_id, events, m_handlers, m_options.queue);
            if (result.retried || result.deadLettered)
                qCInfo(lcWorker) << "worker" << m_id << "handled" << result.handled << "retried" << result.retried
                                 << "dead-lettered" << result.deadLettered;
            emit batchDone(result.handled, result.retried, result.deadLettered);
            sinceVacuum += result.handled + result.deadLettered;
            if (sinceVacuum >= kVacuumAfterEvents && vacuumed.hasExpired(kVacuumIntervalMs)) {
                EventQueue::vacuum(connection);
                sinceVacuum = 0;
                vacuumed.start();
            }
        } catch (const std::exception &exception) {
            const Error error = DbErrors::fromException(exception);
            qCWarning(lcWorker) << "worker" << m_id << error.oneLine();
            wakeUps.detach();
            if (error.code == Error::Code::ConnectionLost || !database->isConnected())
                database->dropConnection();
            emit unavailable(error.message);
            pause(1000);
        }
    }

    wakeUps.detach();
    if (database) {
        const auto released = database->guard([&](pqxx::connection &connection) {
            const int count = EventQueue::release(connection, m_id);
            EventQueue::removeHeartbeat(connection, m_id);
            return count;
        });
        if (released && *released > 0)
            qCInfo(lcWorker) << "worker" << m_id << "gave back" << *released << "leases";
    }
}

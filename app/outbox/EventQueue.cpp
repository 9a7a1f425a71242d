#include "EventQueue.h"

#include "AppInfo.h"
#include "Logging.h"
#include "Outbox.h"
#include "db/Fields.h"
#include "db/Savepoint.h"
#include "db/SqlArray.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <pqxx/pqxx>

#include <algorithm>
#include <set>

namespace {

std::string jsonText(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

bool matches(const QString &pattern, const QString &topic)
{
    if (pattern == QLatin1String("*"))
        return true;
    if (pattern.endsWith(QLatin1String(".*")))
        return topic.startsWith(pattern.chopped(1));
    return pattern == topic;
}

} // namespace

void EventHandlers::add(const QString &pattern, EventHandler handler)
{
    m_handlers.append({pattern, std::move(handler)});
}

QList<EventHandler> EventHandlers::forTopic(const QString &topic) const
{
    QList<EventHandler> found;
    for (const auto &[pattern, handler] : m_handlers) {
        if (matches(pattern, topic))
            found.append(handler);
    }
    return found;
}

void EventHandlers::addPreparer(const QString &pattern, EventPreparer preparer)
{
    m_preparers.append({pattern, std::move(preparer)});
}

void EventHandlers::prepare(pqxx::connection &connection, const QList<OutboxEvent> &events) const
{
    for (const auto &[pattern, preparer] : m_preparers) {
        QList<OutboxEvent> matching;
        for (const OutboxEvent &event : events) {
            if (matches(pattern, event.topic))
                matching.append(event);
        }
        if (matching.isEmpty())
            continue;
        try {
            preparer(connection, matching);
        } catch (const pqxx::broken_connection &) {
            throw;
        } catch (const std::exception &error) {
            qCWarning(lcWorker) << "preparing" << matching.size() << pattern << "events failed:" << error.what();
        }
    }
}

namespace EventQueue {

// The oldest event of each key only: while it waits (leased, or scheduled for a retry) the later events
// of its key wait too, which keeps them in order across workers.
QList<OutboxEvent> claim(pqxx::connection &connection, const QString &worker, const Options &options)
{
    pqxx::work work(connection);
    const pqxx::result rows = work.exec_params(
        "UPDATE outbox_events o SET leased_until = now() + $3 * interval '1 millisecond', leased_by = $2, "
        "attempts = o.attempts + 1 "
        "WHERE o.id IN (SELECT e.id FROM outbox_events e "
        "  WHERE e.not_before <= now() AND (e.leased_until IS NULL OR e.leased_until < now()) "
        "    AND NOT EXISTS (SELECT 1 FROM outbox_events p WHERE p.aggregate_key = e.aggregate_key AND p.id < e.id) "
        "  ORDER BY e.id LIMIT $1 FOR UPDATE SKIP LOCKED) "
        "RETURNING o.id, o.topic, o.aggregate_key, o.payload::text, o.attempts, "
        "  (extract(epoch FROM o.created_at) * 1000)::bigint, o.created_by",
        options.batchSize, worker.toStdString(), options.leaseMs);
    work.commit();

    QList<OutboxEvent> events;
    events.reserve(rows.size());
    for (const pqxx::row &row : rows) {
        OutboxEvent event;
        event.id = row[0].as<qint64>();
        event.topic = textOf(row[1]);
        event.key = textOf(row[2]);
        event.payload = jsonObjectOf(row[3]);
        event.attempts = row[4].as<int>();
        event.createdAt = utcTimeOf(row[5]);
        event.createdBy = textOf(row[6]);
        events.append(event);
    }
    std::sort(events.begin(), events.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    return events;
}

BatchResult process(pqxx::connection &connection, const QString &worker, const QList<OutboxEvent> &events,
                    const EventHandlers &handlers, const Options &options)
{
    BatchResult result;
    if (events.isEmpty())
        return result;
    QList<qint64> ids;
    for (const OutboxEvent &event : events)
        ids.append(event.id);

    pqxx::work work(connection);
    // The events this worker still holds, locked: one whose lease ran out and that another worker
    // claimed meanwhile is that worker's now, and is left alone.
    std::set<qint64> owned;
    for (const pqxx::row &row : work.exec_params("SELECT id FROM outbox_events WHERE id = ANY($1::bigint[]) "
                                                 "AND leased_by = $2 FOR UPDATE",
                                                 idArray(ids), worker.toStdString()))
        owned.insert(row[0].as<qint64>());

    QList<qint64> handled;
    QList<qint64> postponed;
    QList<std::pair<const OutboxEvent *, QString>> failures;
    for (const OutboxEvent &event : events) {
        if (!owned.count(event.id)) {
            ++result.lost;
            continue;
        }
        const QList<EventHandler> eventHandlers = handlers.forTopic(event.topic);
        Savepoint savepoint(work, "handler");
        try {
            for (const EventHandler &handler : eventHandlers)
                handler(savepoint, event);
            savepoint.commit();
            handled.append(event.id);
        } catch (const pqxx::broken_connection &) {
            throw; // nothing commits; the leases expire and the events come back
        } catch (const EventPostponed &) {
            savepoint.abort();
            postponed.append(event.id);
        } catch (const std::exception &error) {
            savepoint.abort(); // this event's writes go; the batch goes on
            failures.append({&event, QString::fromUtf8(error.what()).trimmed()});
        }
    }

    if (!handled.isEmpty())
        work.exec_params("DELETE FROM outbox_events WHERE id = ANY($1::bigint[])", idArray(handled));
    if (!postponed.isEmpty())
        work.exec_params("UPDATE outbox_events SET leased_until = NULL, leased_by = NULL, "
                         "attempts = greatest(attempts - 1, 0) WHERE id = ANY($1::bigint[])",
                         idArray(postponed));
    result.postponed = int(postponed.size());
    for (const auto &[event, message] : std::as_const(failures)) {
        const QJsonObject attempt{{QStringLiteral("attempt"), event->attempts},
                                  {QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                                  {QStringLiteral("worker"), worker},
                                  {QStringLiteral("error"), message}};
        if (event->attempts >= options.maxAttempts) {
            work.exec_params(
                "WITH gone AS (DELETE FROM outbox_events WHERE id = $1 RETURNING *) "
                "INSERT INTO outbox_dead_letters (id, topic, aggregate_key, payload, created_at, attempts, "
                "errors) SELECT id, topic, aggregate_key, payload, created_at, attempts, "
                "errors || jsonb_build_array($2::jsonb) FROM gone",
                event->id, jsonText(attempt));
            ++result.deadLettered;
        } else {
            work.exec_params("UPDATE outbox_events SET not_before = now() + $2 * interval '1 millisecond', "
                             "leased_until = NULL, leased_by = NULL, last_error = $3, "
                             "errors = errors || jsonb_build_array($4::jsonb) WHERE id = $1",
                             event->id, backoffMs(event->attempts, options), message.toStdString(), jsonText(attempt));
            ++result.retried;
        }
    }
    result.handled = int(handled.size());
    work.exec_params("INSERT INTO event_stats AS s (minute, worker_id, handled, failed) "
                     "VALUES (date_trunc('minute', now()), $1, $2, $3) ON CONFLICT (minute, worker_id) DO UPDATE "
                     "SET handled = s.handled + EXCLUDED.handled, failed = s.failed + EXCLUDED.failed",
                     worker.toStdString(), result.handled, int(failures.size()));
    work.commit();
    return result;
}

int release(pqxx::connection &connection, const QString &worker)
{
    pqxx::work work(connection);
    const pqxx::result released = work.exec_params(
        "UPDATE outbox_events SET leased_until = NULL, leased_by = NULL, attempts = greatest(attempts - 1, 0) "
        "WHERE leased_by = $1",
        worker.toStdString());
    work.commit();
    return int(released.affected_rows());
}

void heartbeat(pqxx::connection &connection, const QString &worker, int forgetSilentWorkersAfterMs)
{
    pqxx::work work(connection);
    work.exec_params("INSERT INTO worker_heartbeats (worker_id, host, pid, version) VALUES ($1, $2, $3, $4) "
                     "ON CONFLICT (worker_id) DO UPDATE SET last_seen = now()",
                     worker.toStdString(), QHostInfo::localHostName().toStdString(),
                     int(QCoreApplication::applicationPid()), AppInfo::version().toStdString());
    // SKIP LOCKED: workers clearing the same rows at once neither wait for nor deadlock with each other.
    work.exec_params("DELETE FROM worker_heartbeats WHERE worker_id IN (SELECT worker_id FROM worker_heartbeats "
                     "WHERE last_seen < now() - $1 * interval '1 millisecond' FOR UPDATE SKIP LOCKED)",
                     forgetSilentWorkersAfterMs);
    work.exec("DELETE FROM event_stats WHERE minute < now() - interval '1 day'");
    work.commit();
}

void removeHeartbeat(pqxx::connection &connection, const QString &worker)
{
    pqxx::work work(connection);
    work.exec_params("DELETE FROM worker_heartbeats WHERE worker_id = $1", worker.toStdString());
    work.commit();
}

// SKIP_LOCKED: never waits for another worker's vacuum. Without the right to vacuum the server only warns.
void vacuum(pqxx::connection &connection)
{
    pqxx::nontransaction work(connection);
    work.exec("VACUUM (SKIP_LOCKED) outbox_events");
}

qint64 backoffMs(int attempts, const Options &options)
{
    const int doublings = std::clamp(attempts - 1, 0, 30);
    const qint64 full = std::min<qint64>(qint64(options.backoffBaseMs) << doublings, options.backoffMaxMs);
    return full / 2 + QRandomGenerator::global()->bounded(full / 2 + 1);
}

bool replay(pqxx::transaction_base &transaction, qint64 deadLetterId)
{
    const pqxx::result gone = transaction.exec_params(
        "DELETE FROM outbox_dead_letters WHERE id = $1 RETURNING topic, aggregate_key, payload::text", deadLetterId);
    if (gone.empty())
        return false;
    const QString topic = textOf(gone[0][0]);
    const QString key = textOf(gone[0][1]);
    Outbox::publish(transaction, topic, key, jsonObjectOf(gone[0][2]));
    Outbox::publish(transaction, QStringLiteral("system.dead_letter_replayed"), key,
                    {{QStringLiteral("event_id"), deadLetterId}, {QStringLiteral("topic"), topic}});
    return true;
}

bool discard(pqxx::transaction_base &transaction, qint64 deadLetterId)
{
    const pqxx::result gone = transaction.exec_params(
        "DELETE FROM outbox_dead_letters WHERE id = $1 RETURNING topic, aggregate_key", deadLetterId);
    if (gone.empty())
        return false;
    Outbox::publish(transaction, QStringLiteral("system.dead_letter_discarded"), textOf(gone[0][1]),
                    {{QStringLiteral("event_id"), deadLetterId}, {QStringLiteral("topic"), textOf(gone[0][0])}});
    return true;
}

Status status(pqxx::transaction_base &transaction)
{
    Status status;
    const pqxx::row queue = transaction.exec1(
        "SELECT (SELECT count(*) FROM outbox_events), "
        "  (SELECT count(*) FROM outbox_events WHERE not_before <= now()), "
        "  coalesce((SELECT extract(epoch FROM now() - min(not_before))::bigint FROM outbox_events "
        "            WHERE not_before <= now()), 0), "
        "  (SELECT coalesce(sum(handled), 0) FROM event_stats WHERE minute = date_trunc('minute', now()) - "
        "     interval '1 minute'), "
        "  (SELECT coalesce(sum(failed), 0) FROM event_stats WHERE minute = date_trunc('minute', now()) - "
        "     interval '1 minute'), "
        "  (SELECT count(*) FROM outbox_dead_letters)");
    status.pending = queue[0].as<qint64>();
    status.due = queue[1].as<qint64>();
    status.oldestDueSeconds = queue[2].as<qint64>();
    status.handledLastMinute = queue[3].as<qint64>();
    status.failedLastMinute = queue[4].as<qint64>();
    status.deadLetters = queue[5].as<qint64>();
    for (const pqxx::row &row : transaction.exec("SELECT worker_id, host, pid, version, "
                                                 "extract(epoch FROM now() - last_seen)::bigint "
                                                 "FROM worker_heartbeats ORDER BY last_seen DESC")) {
        status.workers.append(
            {textOf(row[0]), textOf(row[1]), row[2].as<qint64>(), textOf(row[3]), row[4].as<qint64>()});
    }
    return status;
}

} // namespace EventQueue

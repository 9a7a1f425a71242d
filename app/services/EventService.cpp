#include "EventService.h"

#include "db/Database.h"
#include "db/Fields.h"
#include "db/SqlArray.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <pqxx/pqxx>

namespace {

Result<void> changeDeadLetter(Database &database, qint64 id, bool (*change)(pqxx::transaction_base &, qint64))
{
    return database.guard([&](pqxx::connection &connection) -> Result<void> {
        pqxx::work work(connection);
        if (!change(work, id))
            return std::unexpected(
                Error{Error::Code::NotFound,
                      QCoreApplication::translate("EventService", "The failed event #%1 is no longer there: another "
                                                                  "desk replayed or discarded it.")
                          .arg(id)});
        work.commit();
        return {};
    });
}

} // namespace

Result<EventQueue::Status> EventService::status(Database &database)
{
    return database.guard([](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        return EventQueue::status(work);
    });
}

Result<QList<DeadLetter>> EventService::deadLetters(Database &database, int limit)
{
    return database.guard([limit](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        QList<DeadLetter> letters;
        for (const pqxx::row &row : work.exec_params(
                 "SELECT id, topic, aggregate_key, payload::text, attempts, "
                 "(extract(epoch FROM created_at) * 1000)::bigint, (extract(epoch FROM failed_at) * 1000)::bigint, "
                 "errors::text FROM outbox_dead_letters ORDER BY failed_at DESC, id DESC LIMIT $1",
                 limit)) {
            letters.append({row[0].as<qint64>(), textOf(row[1]), textOf(row[2]), jsonObjectOf(row[3]), row[4].as<int>(),
                            localTimeOf(row[5]), localTimeOf(row[6]), jsonArrayOf(row[7])});
        }
        return letters;
    });
}

Result<void> EventService::replay(Database &database, qint64 id)
{
    return changeDeadLetter(database, id, &EventQueue::replay);
}

Result<void> EventService::discard(Database &database, qint64 id)
{
    return changeDeadLetter(database, id, &EventQueue::discard);
}

Result<QList<ActivityEntry>> EventService::activity(Database &database, const ActivityFilter &filter, int limit)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        // The kind and the words are answered by the indexes of migration 0015 (activity_kind,
        // activity_search_text); a word's "#" (as in "#A1234" or "booking #12") is not in the values.
        std::vector<std::string> params{filter.kind.toStdString(), std::to_string(limit)};
        std::string where = "($1 = '' OR activity_kind(topic, payload) = $1)";
        for (QString word : filter.text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (word.startsWith(QLatin1Char('#')))
                word.remove(0, 1);
            if (word.isEmpty())
                continue;
            params.push_back(likePattern(word));
            where += " AND activity_search_text(actor, payload) ILIKE $" + std::to_string(params.size());
        }
        QList<ActivityEntry> entries;
        for (const pqxx::row &row : work.exec_params(
                 "SELECT event_id, (extract(epoch FROM happened_at) * 1000)::bigint, actor, topic, aggregate_key, "
                 "payload::text, coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'currency'), 'EUR') "
                 "FROM activity_feed WHERE " +
                     where + " ORDER BY happened_at DESC, event_id DESC LIMIT $2::integer",
                 pqxx::prepare::make_dynamic_params(params))) {
            entries.append({row[0].as<qint64>(), localTimeOf(row[1]), textOf(row[2]), textOf(row[3]), textOf(row[4]),
                            jsonObjectOf(row[5]), textOf(row[6])});
        }
        return entries;
    });
}

void EventService::recordActivity(pqxx::transaction_base &transaction, const OutboxEvent &event)
{
    transaction.exec_params("INSERT INTO activity_feed (event_id, happened_at, actor, topic, aggregate_key, payload) "
                            "VALUES ($1, to_timestamp($2 / 1000.0), $3, $4, $5, $6::jsonb) "
                            "ON CONFLICT (event_id) DO NOTHING",
                            event.id, event.createdAt.toMSecsSinceEpoch(), event.createdBy.toStdString(),
                            event.topic.toStdString(), event.key.toStdString(),
                            QJsonDocument(event.payload).toJson(QJsonDocument::Compact).toStdString());
}

#include "CustomerService.h"

#include "db/CopyValue.h"
#include "db/Database.h"
#include "db/Fields.h"
#include "db/SqlArray.h"
#include "outbox/Outbox.h"
#include "services/KeysetOrder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <pqxx/pqxx>

#include <array>

namespace {

struct ColumnSpec
{
    const char *key;
    const char *sortExpression; // never NULL (see KeysetOrder)
    const char *type;
};

// Another customer with the same email (letter case ignored) or licence number. The "<> ''" lets the
// partial indexes of migration 0001 answer.
constexpr const char *kDuplicateSql =
    "((c.email <> '' AND EXISTS (SELECT 1 FROM customers o WHERE lower(o.email) = lower(c.email) AND o.email <> '' "
    "AND o.id <> c.id)) OR (c.licence_number <> '' AND EXISTS (SELECT 1 FROM customers o WHERE o.licence_number = "
    "c.licence_number AND o.licence_number <> '' AND o.id <> c.id)))";

const std::array<ColumnSpec, static_cast<size_t>(CustomerColumn::Count)> &specs()
{
    static const std::array<ColumnSpec, static_cast<size_t>(CustomerColumn::Count)> table = {{
        {"id", "c.id", "bigint"},
        {"full_name", "c.full_name", "text"},
        {"possible_duplicate", kDuplicateSql, "boolean"},
        {"email", "lower(c.email)", "text"},
        {"phone", "c.phone", "text"},
        // A date not given sorts last going up and first going down, as NULL does.
        {"date_of_birth", "coalesce(c.date_of_birth, 'infinity')", "date"},
        {"licence_number", "c.licence_number", "text"},
        {"licence_expiry", "coalesce(c.licence_expiry, 'infinity')", "date"},
        {"updated_at", "c.updated_at", "timestamptz"},
    }};
    return table;
}

const ColumnSpec &specOf(CustomerColumn column)
{
    return specs().at(static_cast<size_t>(column));
}

// The select list of a table row, read by rowFrom().
std::string rowColumns()
{
    return std::string("c.id, c.full_name, c.email, c.phone, c.date_of_birth, c.licence_number, c.licence_expiry, ") +
           kDuplicateSql + ", (extract(epoch FROM c.updated_at) * 1000)::bigint, c.version";
}
constexpr int kRowColumnCount = 10;

const QStringList kBookkeepingColumns = {QStringLiteral("updated_at"), QStringLiteral("updated_by"),
                                         QStringLiteral("version"), QStringLiteral("created_at"),
                                         QStringLiteral("created_by")};

CustomerRow rowFrom(const pqxx::row &row)
{
    CustomerRow customer;
    customer.id = row[0].as<qint64>();
    customer.fullName = textOf(row[1]);
    customer.email = textOf(row[2]);
    customer.phone = textOf(row[3]);
    customer.dateOfBirth = dateOf(row[4]);
    customer.licenceNumber = textOf(row[5]);
    customer.licenceExpiry = dateOf(row[6]);
    customer.possibleDuplicate = row[7].as<bool>();
    customer.updatedAt = localTimeOf(row[8]);
    customer.version = row[9].as<int>();
    return customer;
}

QString customerKey(qint64 id)
{
    return QStringLiteral("customer:%1").arg(id);
}

QString customerLabel(const QString &name, qint64 id)
{
    return CustomerService::tr("%1 (#%2)").arg(name).arg(id);
}

struct Sql
{
    std::string text;
    std::vector<std::string> params;

    pqxx::result exec(pqxx::transaction_base &work) const
    {
        return work.exec_params(text, pqxx::prepare::make_dynamic_params(params));
    }
};

// " FROM customers c WHERE …" for the search words (the trigram index of migration 0010 answers).
std::string fromWhere(const CustomerQuery &query, std::vector<std::string> &params)
{
    std::string sql = " FROM customers c WHERE true";
    for (const QString &word : query.text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        params.push_back(likePattern(word));
        sql += " AND customer_search_text(c.full_name, c.email, c.phone, c.licence_number) ILIKE $" +
               std::to_string(params.size());
    }
    return sql;
}

// The query's order; the id breaks ties, so that every row has one place.
KeysetOrder orderOf(const CustomerQuery &query)
{
    const ColumnSpec &spec = specOf(query.sortColumn);
    return KeysetOrder({{spec.sortExpression, spec.type}}, "c.id", query.sortOrder,
                       query.sortColumn == CustomerColumn::Id);
}

CustomerDetails loadDetails(pqxx::transaction_base &work, qint64 id)
{
    const pqxx::result result = work.exec_params("SELECT " + rowColumns() +
                                                     ", c.address, c.notes, c.created_by, "
                                                     "(extract(epoch FROM c.created_at) * 1000)::bigint, c.updated_by "
                                                     "FROM customers c WHERE c.id = $1",
                                                 id);
    if (result.empty())
        fail(Error::Code::NotFound, CustomerService::tr("The customer is no longer on file."));
    const pqxx::row row = result[0];
    CustomerDetails details;
    details.row = rowFrom(row);
    details.address = textOf(row[kRowColumnCount]);
    details.notes = textOf(row[kRowColumnCount + 1]);
    details.createdBy = textOf(row[kRowColumnCount + 2]);
    details.createdAt = localTimeOf(row[kRowColumnCount + 3]);
    details.updatedBy = textOf(row[kRowColumnCount + 4]);
    return details;
}

QList<CustomerMatch> findDuplicates(pqxx::transaction_base &work, const CustomerRecord &record, qint64 exceptId)
{
    if (record.email.isEmpty() && record.licenceNumber.isEmpty())
        return {};
    const pqxx::result result =
        work.exec_params("SELECT id, full_name, $1 <> '' AND email <> '' AND lower(email) = lower($1), "
                         "$2 <> '' AND licence_number <> '' AND licence_number = $2 FROM customers "
                         "WHERE id <> $3 AND ((email <> '' AND lower(email) = lower($1)) OR (licence_number <> '' AND "
                         "licence_number = $2)) ORDER BY id LIMIT 10",
                         record.email.toStdString(), record.licenceNumber.toStdString(), exceptId);
    QList<CustomerMatch> matches;
    for (const pqxx::row &row : result)
        matches << CustomerMatch{row[0].as<qint64>(), textOf(row[1]), row[2].as<bool>(), row[3].as<bool>()};
    return matches;
}

// The record's values in the order of kWritableColumns.
constexpr const char *kWritableColumns[] = {"full_name",     "email",          "phone",          "address",
                                            "date_of_birth", "licence_number", "licence_expiry", "notes"};

std::vector<CopyValue> valuesOf(const CustomerRecord &record)
{
    return {CopyValue(record.fullName),
            CopyValue(record.email),
            CopyValue(record.phone),
            CopyValue(record.address),
            CopyValue::date(record.dateOfBirth),
            CopyValue(record.licenceNumber),
            CopyValue::date(record.licenceExpiry),
            CopyValue(record.notes)};
}

QJsonObject eventPayload(qint64 id, const QJsonObject &customer)
{
    QJsonObject payload;
    payload.insert(QStringLiteral("id"), id);
    payload.insert(QStringLiteral("full_name"), customer.value(QStringLiteral("full_name")));
    payload.insert(QStringLiteral("email"), customer.value(QStringLiteral("email")));
    return payload;
}

// Refuses input with errors, naming them all.
Result<CustomerRecord> validated(const CustomerInput &input)
{
    const CustomerValidation validation = CustomerValidator::validate(input);
    if (validation.isValid())
        return validation.record;
    QStringList messages;
    for (const CustomerIssue &issue : validation.errors())
        messages << issue.message;
    return std::unexpected(Error{Error::Code::InvalidInput, messages.join(QLatin1Char(' '))});
}

} // namespace

QString CustomerQuery::columnKey(CustomerColumn column)
{
    return QString::fromLatin1(specOf(column).key);
}

Result<KeyedPage<CustomerRow>> CustomerService::page(Database &database, const CustomerQuery &query,
                                                     const PageRequest &request)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        Sql sql;
        const KeysetOrder order = orderOf(query);
        const std::string where = fromWhere(query, sql.params);
        sql.text = order.page(request, rowColumns(), where, " JOIN customers c ON c.id = k.id", sql.params);
        return order.readPage(sql.exec(work), request, rowFrom);
    });
}

Result<QList<CustomerRow>> CustomerService::page(Database &database, const CustomerQuery &query, qint64 offset,
                                                 int limit)
{
    PageRequest request;
    request.offset = offset;
    request.limit = limit;
    auto rows = page(database, query, request);
    if (!rows)
        return std::unexpected(rows.error());
    return rows->rows;
}

Result<QList<PageKey>> CustomerService::anchors(Database &database, const CustomerQuery &query, int step)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        Sql sql;
        const KeysetOrder order = orderOf(query);
        const std::string where = fromWhere(query, sql.params);
        sql.text = order.anchors(where, step);
        return order.keysOf(sql.exec(work));
    });
}

Result<qint64> CustomerService::count(Database &database, const CustomerQuery &query)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        Sql sql;
        sql.text = "SELECT count(*)" + fromWhere(query, sql.params);
        return sql.exec(work)[0][0].as<qint64>();
    });
}

Result<std::optional<qint64>> CustomerService::position(Database &database, const CustomerQuery &query, qint64 id)
{
    return database.guard([&](pqxx::connection &connection) -> std::optional<qint64> {
        pqxx::read_transaction work(connection);
        Sql sql;
        sql.text = "SELECT s.n FROM (SELECT c.id, row_number() OVER (ORDER BY " + orderOf(query).orderBy() +
                   ") - 1 AS n" + fromWhere(query, sql.params) + ") s WHERE s.id = " + std::to_string(id);
        const pqxx::result result = sql.exec(work);
        if (result.empty())
            return std::nullopt;
        return result[0][0].as<qint64>();
    });
}

Result<CustomerDetails> CustomerService::details(Database &database, qint64 id)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        return loadDetails(work, id);
    });
}

Result<QList<CustomerMatch>> CustomerService::duplicates(Database &database, const CustomerRecord &record,
                                                         qint64 exceptId)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        return findDuplicates(work, record, exceptId);
    });
}

Result<CustomerCreated> CustomerService::create(Database &database, const CustomerInput &input, bool storeDuplicate)
{
    const Result<CustomerRecord> record = validated(input);
    if (!record)
        return std::unexpected(record.error());
    return database.guard([&](pqxx::connection &connection) {
        pqxx::work work(connection);
        CustomerCreated created;
        created.duplicates = findDuplicates(work, *record, 0);
        if (!created.duplicates.isEmpty() && !storeDuplicate)
            return created;

        std::string columns;
        std::string placeholders;
        for (size_t i = 0; i < std::size(kWritableColumns); ++i) {
            columns += std::string(i ? ", " : "") + kWritableColumns[i];
            placeholders += std::string(i ? ", $" : "$") + std::to_string(i + 1);
        }
        const pqxx::row inserted = work.exec_params1("INSERT INTO customers (" + columns + ") VALUES (" + placeholders +
                                                         ") RETURNING id, to_jsonb(customers)",
                                                     pqxx::prepare::make_dynamic_params(valuesOf(*record)));
        const qint64 id = inserted[0].as<qint64>();
        QJsonObject payload = eventPayload(id, jsonObjectOf(inserted[1]));
        if (!created.duplicates.isEmpty()) {
            QJsonArray others;
            for (const CustomerMatch &match : std::as_const(created.duplicates))
                others.append(match.id);
            payload.insert(QStringLiteral("possible_duplicate_of"), others);
        }
        Outbox::publish(work, QStringLiteral("customer.created"), customerKey(id), payload);
        created.customer = loadDetails(work, id);
        work.commit();
        return created;
    });
}

Result<CustomerDetails> CustomerService::update(Database &database, qint64 id, const CustomerInput &input,
                                                std::optional<int> expectedVersion)
{
    const Result<CustomerRecord> record = validated(input);
    if (!record)
        return std::unexpected(record.error());
    return database.guard([&](pqxx::connection &connection) {
        pqxx::work work(connection);
        const pqxx::result locked = work.exec_params("SELECT to_jsonb(c), c.version, c.updated_by, "
                                                     "(extract(epoch FROM c.updated_at) * 1000)::bigint, c.full_name "
                                                     "FROM customers c WHERE c.id = $1 FOR UPDATE",
                                                     id);
        if (locked.empty())
            fail(Error::Code::NotFound, tr("The customer is no longer on file."));
        if (expectedVersion && locked[0][1].as<int>() != *expectedVersion)
            fail(Error::Code::Stale,
                 tr("%1 was changed by %2 on %3 after you opened it.")
                     .arg(customerLabel(textOf(locked[0][4]), id), textOf(locked[0][2]),
                          QLocale().toString(localTimeOf(locked[0][3]).toLocalTime(), QLocale::ShortFormat)));
        const QJsonObject before = jsonObjectOf(locked[0][0]);

        std::vector<CopyValue> values = valuesOf(*record);
        std::string assignments;
        for (size_t i = 0; i < std::size(kWritableColumns); ++i)
            assignments += std::string(i ? ", " : "") + kWritableColumns[i] + " = $" + std::to_string(i + 1);
        values.push_back(CopyValue(id));
        const pqxx::row updated = work.exec_params1(
            "UPDATE customers SET " + assignments +
                ", updated_at = now(), updated_by = current_user, version = version + 1 WHERE id = $" +
                std::to_string(values.size()) + " RETURNING to_jsonb(customers)",
            pqxx::prepare::make_dynamic_params(values));
        const QJsonObject after = jsonObjectOf(updated[0]);

        QJsonObject changes;
        for (auto it = after.begin(); it != after.end(); ++it) {
            if (!kBookkeepingColumns.contains(it.key()) && before.value(it.key()) != it.value())
                changes.insert(it.key(), QJsonArray{before.value(it.key()), it.value()});
        }
        if (changes.isEmpty()) {
            // Nothing changed: no new version, no event.
            work.abort();
            pqxx::read_transaction read(connection);
            return loadDetails(read, id);
        }
        QJsonObject payload = eventPayload(id, after);
        payload.insert(QStringLiteral("changes"), changes);
        Outbox::publish(work, QStringLiteral("customer.updated"), customerKey(id), payload);
        CustomerDetails details = loadDetails(work, id);
        work.commit();
        return details;
    });
}

Result<QList<CustomerBooking>> CustomerService::bookings(Database &database, qint64 customerId)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        const pqxx::result result = work.exec_params(
            "SELECT b.id, c.stock_number, c.make, c.model, (extract(epoch FROM b.pickup_at) * 1000)::bigint, "
            "(extract(epoch FROM b.return_at) * 1000)::bigint, b.status, (b.total * 100)::bigint, "
            "(m.balance * 100)::bigint FROM bookings b JOIN cars c ON c.id = b.car_id "
            "JOIN booking_balances m ON m.booking_id = b.id WHERE b.customer_id = $1 "
            "ORDER BY b.pickup_at DESC, b.id DESC",
            customerId);
        QList<CustomerBooking> bookings;
        for (const pqxx::row &row : result)
            bookings << CustomerBooking{row[0].as<qint64>(), textOf(row[1]),      textOf(row[2]),
                                        textOf(row[3]),      localTimeOf(row[4]), localTimeOf(row[5]),
                                        textOf(row[6]),      row[7].as<qint64>(), row[8].as<qint64>()};
        return bookings;
    });
}

Result<CustomerBalance> CustomerService::balance(Database &database, qint64 customerId)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        const pqxx::row row = work.exec_params1(
            "SELECT (coalesce(sum(balance), 0) * 100)::bigint, (coalesce(sum(deposit_held), 0) * 100)::bigint, "
            "coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'currency'), 'EUR') "
            "FROM booking_balances WHERE customer_id = $1",
            customerId);
        return CustomerBalance{row[0].as<qint64>(), row[1].as<qint64>(), textOf(row[2])};
    });
}

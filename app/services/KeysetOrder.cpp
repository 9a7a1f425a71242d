#include "KeysetOrder.h"

#include "db/Fields.h"

KeysetOrder::KeysetOrder(std::vector<Key> keys, std::string id, Qt::SortOrder order, bool keysAreUnique)
    : m_keys(std::move(keys))
    , m_id(std::move(id))
    , m_order(order)
    , m_keysAreUnique(keysAreUnique && !m_keys.empty())
{}

bool KeysetOrder::descending(const PageRequest &request) const
{
    return (m_order == Qt::DescendingOrder) != (request.from == PageRequest::From::Before);
}

std::string KeysetOrder::condition(const PageRequest &request, std::vector<std::string> &params) const
{
    if (request.from == PageRequest::From::Start)
        return {};
    const auto placeholder = [&](std::string value, const std::string &type) {
        params.push_back(std::move(value));
        return "$" + std::to_string(params.size()) + "::" + type;
    };
    // (k0, k1, id) > ($1, $2, $3): a row comparison the planner reads from an index on (k0, k1, id).
    std::string left = "(";
    std::string right = "(";
    for (size_t i = 0; i < m_keys.size(); ++i) {
        left += (i ? ", " : "") + m_keys[i].expression;
        right += (i ? ", " : "") +
                 placeholder(request.key.values.value(static_cast<qsizetype>(i)).toStdString(), m_keys[i].type);
    }
    if (!m_keysAreUnique) {
        left += (m_keys.empty() ? "" : ", ") + m_id;
        right += (m_keys.empty() ? "" : ", ") + placeholder(std::to_string(request.key.id), "bigint");
    }
    const bool inclusive = request.from == PageRequest::From::At;
    const char *comparison = descending(request) ? (inclusive ? " <= " : " < ") : (inclusive ? " >= " : " > ");
    return " AND " + left + ")" + comparison + right + ")";
}

std::string KeysetOrder::orderBy(const PageRequest &request, const std::string &alias) const
{
    const char *direction = descending(request) ? " DESC" : " ASC";
    std::string sql;
    for (size_t i = 0; i < m_keys.size(); ++i)
        sql += (alias.empty() ? m_keys[i].expression : alias + ".k" + std::to_string(i)) + direction + ", ";
    return sql + (alias.empty() ? m_id : alias + ".id") + direction;
}

std::string KeysetOrder::limit(const PageRequest &request)
{
    std::string sql = " LIMIT " + std::to_string(std::max(request.limit, 0));
    if (request.offset > 0)
        sql += " OFFSET " + std::to_string(request.offset);
    return sql;
}

std::string KeysetOrder::keyList() const
{
    std::string sql;
    for (const Key &key : m_keys)
        sql += key.expression + ", ";
    return sql + m_id;
}

std::string KeysetOrder::page(const PageRequest &request, const std::string &columns, const std::string &fromWhere,
                              const std::string &join, std::vector<std::string> &params) const
{
    std::string inner = "SELECT " + m_id + " AS id";
    std::string keyTexts;
    for (size_t i = 0; i < m_keys.size(); ++i) {
        inner += ", (" + m_keys[i].expression + ") AS k" + std::to_string(i);
        keyTexts += ", k.k" + std::to_string(i) + "::text";
    }
    inner += fromWhere + condition(request, params) + " ORDER BY " + orderBy(request) + limit(request);
    return "SELECT " + columns + keyTexts + ", k.id FROM (" + inner + ") k" + join + " ORDER BY " +
           orderBy(request, "k");
}

std::string KeysetOrder::anchors(const std::string &fromWhere, int step) const
{
    std::string inner = "SELECT " + m_id + " AS id";
    std::string outer = "SELECT ";
    for (size_t i = 0; i < m_keys.size(); ++i) {
        inner += ", (" + m_keys[i].expression + ") AS k" + std::to_string(i);
        outer += "s.k" + std::to_string(i) + "::text, ";
    }
    return outer + "s.id FROM (" + inner + ", row_number() OVER (ORDER BY " + orderBy() + ") AS n" + fromWhere +
           ") s WHERE (s.n - 1) % " + std::to_string(std::max(step, 1)) + " = 0 ORDER BY s.n";
}

std::string KeysetOrder::position(const std::string &fromWhere, const std::string &from, const std::string &id) const
{
    // The same (keys, id) row comparison as the pages, against the row's own key.
    const std::string key = keyList();
    return "SELECT CASE WHEN EXISTS (SELECT 1" + fromWhere + " AND " + m_id + " = " + id + ") THEN (SELECT count(*)" +
           fromWhere + " AND (" + key + ")" + (m_order == Qt::DescendingOrder ? " > " : " < ") + "(SELECT " + key +
           from + " WHERE " + m_id + " = " + id + ")) END";
}

PageKey KeysetOrder::keyOf(const pqxx::row &row) const
{
    PageKey key;
    const int first = static_cast<int>(row.size()) - keyCount() - 1;
    for (int i = 0; i < keyCount(); ++i)
        key.values << textOf(row[first + i]);
    key.id = row[first + keyCount()].as<qint64>();
    return key;
}

QList<PageKey> KeysetOrder::keysOf(const pqxx::result &result) const
{
    QList<PageKey> keys;
    keys.reserve(static_cast<qsizetype>(result.size()));
    for (const pqxx::row &row : result)
        keys << keyOf(row);
    return keys;
}

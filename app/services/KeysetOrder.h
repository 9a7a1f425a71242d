#pragma once

#include "services/PageRequest.h"

#include <QtGlobal>

#include <pqxx/result>
#include <pqxx/row>

#include <algorithm>
#include <string>
#include <type_traits>
#include <vector>

// A sort order for keyset paging, and the SQL of its pages: the sort expressions, each with the SQL type
// its key's text is cast back to, then the id that breaks ties, so that every row has exactly one place
// and a page after or before a key never skips or repeats one. An expression must never be NULL (a row
// comparison with NULL would lose the row): nullable columns go through coalesce().
class KeysetOrder
{
public:
    struct Key
    {
        std::string expression;
        std::string type;
    };

    // `keysAreUnique`: the keys alone order the rows (a unique column), so the id is left out of the
    // comparison and an index on the column alone answers it.
    KeysetOrder(std::vector<Key> keys, std::string id, Qt::SortOrder order, bool keysAreUnique = false);

    int keyCount() const { return static_cast<int>(m_keys.size()); }
    const std::vector<Key> &keys() const { return m_keys; }

    // " AND (k0, k1, id) > ($1::type0, $2::type1, $3::bigint)": the rows after, before or from the request's
    // key; empty for a page from the start.
    std::string condition(const PageRequest &request, std::vector<std::string> &params) const;
    // "k0 ASC, k1 ASC, id ASC" as the request reads (backwards before a key), or over the key columns of
    // the subquery `alias` (keyColumns()) when given: "k.k0 ASC, k.id ASC".
    std::string orderBy(const PageRequest &request, const std::string &alias = {}) const;
    // The order of the whole query, forwards.
    std::string orderBy() const { return orderBy(PageRequest{}); }
    // " LIMIT n" and " OFFSET m" of the request.
    static std::string limit(const PageRequest &request);
    // "k0, k1, id": the keys of a row, for a row comparison of one's own (a row's position).
    std::string keyList() const;

    // A page in two steps: the ids and keys of the page from `fromWhere` (" FROM … WHERE …"), the narrow
    // rows sorted, then `columns` of those rows only (`join` brings the tables back, over the subquery
    // k: k.id and k.k0, k.k1, …). Sorting every wide row to keep a page costs several times as much.
    // Each row ends with its key (keyOf()).
    std::string page(const PageRequest &request, const std::string &columns, const std::string &fromWhere,
                     const std::string &join, std::vector<std::string> &params) const;
    // The key of every `step`-th row (rows 0, step, 2 step, …) of `fromWhere`, for jumps into the middle;
    // read them with keysOf().
    std::string anchors(const std::string &fromWhere, int step) const;

    // SELECT of the row of `id` (a placeholder) among the rows of `fromWhere` in this order: how many come
    // before it; NULL when `fromWhere` leaves it out. `from` (" FROM cars c …") reads the row's own keys.
    std::string position(const std::string &fromWhere, const std::string &from, const std::string &id) const;

    // The key at the end of a row of page() or anchors(): the key texts, then the id.
    PageKey keyOf(const pqxx::row &row) const;
    QList<PageKey> keysOf(const pqxx::result &result) const;

    // The rows of page(), each read by `rowFrom`, with their keys, in the query's order (a page before a
    // key is read backwards and turned round here).
    template <typename RowFrom>
    auto readPage(const pqxx::result &result, const PageRequest &request, RowFrom rowFrom) const
    {
        KeyedPage<std::decay_t<std::invoke_result_t<RowFrom, const pqxx::row &>>> page;
        page.rows.reserve(static_cast<qsizetype>(result.size()));
        page.keys.reserve(static_cast<qsizetype>(result.size()));
        for (const pqxx::row &row : result) {
            page.rows << rowFrom(row);
            page.keys << keyOf(row);
        }
        if (request.from == PageRequest::From::Before) {
            std::reverse(page.rows.begin(), page.rows.end());
            std::reverse(page.keys.begin(), page.keys.end());
        }
        return page;
    }

private:
    bool descending(const PageRequest &request) const;

    std::vector<Key> m_keys;
    std::string m_id;
    Qt::SortOrder m_order;
    bool m_keysAreUnique;
};

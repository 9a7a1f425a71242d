#pragma once

#include <pqxx/pqxx>

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace Cursor {

// Runs `sql` (with its parameters) through a server-side cursor in `work` and calls `each` for every row,
// fetching `batch` rows at a time, so that a result of millions of rows never has to fit in memory
// (libpqxx 6.4's stream_from is unreliable on this platform). `each` returns false to stop early.
inline void forEachRow(pqxx::transaction_base &work, const std::string &sql, const std::vector<std::string> &params,
                       const std::function<bool(const pqxx::row &)> &each, int batch = 5000)
{
    static std::atomic<int> counter = 0;
    const std::string name = "forecourt_cursor_" + std::to_string(++counter);
    work.exec_params("DECLARE " + name + " NO SCROLL CURSOR FOR " + sql, pqxx::prepare::make_dynamic_params(params));
    const std::string fetch = "FETCH FORWARD " + std::to_string(batch) + " FROM " + name;
    for (bool more = true; more;) {
        const pqxx::result rows = work.exec(fetch);
        for (const pqxx::row &row : rows) {
            if (!each(row)) {
                more = false;
                break;
            }
        }
        more = more && rows.size() == static_cast<pqxx::result::size_type>(batch);
    }
    work.exec("CLOSE " + name);
}

} // namespace Cursor

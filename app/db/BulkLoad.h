#pragma once

#include <pqxx/transaction_base>

#include <optional>
#include <string>
#include <vector>

namespace BulkLoad {

// Drops the indexes and the foreign keys of `table` when it is empty (but its primary key and the unique
// constraints that other tables' foreign keys rely on), and returns the statements that restore them;
// nothing when the table has rows.
// Loading a million rows, then building each index once and checking each foreign key with one query,
// takes a fraction of the time of maintaining and checking them row by row. Run the statements (with
// restore(), then ANALYZE) in the same transaction after the load; nobody else sees the table meanwhile,
// and when the table was empty, every row of it until the commit is one of the load's.
// Only the table's owner may do this.
std::optional<std::vector<std::string>> dropIndexesIfEmpty(pqxx::transaction_base &work, const std::string &table);

void restore(pqxx::transaction_base &work, const std::optional<std::vector<std::string>> &statements);

} // namespace BulkLoad

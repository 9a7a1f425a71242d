#pragma once

#include <pqxx/transaction_base>

#include <string>
#include <vector>

namespace BulkLoad {

// Drops the indexes and the foreign keys of `table` when it is empty (but its primary key and the unique
// constraints that other tables' foreign keys rely on), and returns the statements that restore them
// (none when the table has rows).
// Loading a million rows, then building each index once and checking each foreign key with one query,
// takes a fraction of the time of maintaining and checking them row by row. Run the statements (with
// restore(), then ANALYZE) in the same transaction after the load; nobody else sees the table meanwhile,
// as dropping an index locks it. Only the table's owner may do this.
std::vector<std::string> dropIndexesIfEmpty(pqxx::transaction_base &work, const std::string &table);

void restore(pqxx::transaction_base &work, const std::vector<std::string> &statements);

} // namespace BulkLoad

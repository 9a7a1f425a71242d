#pragma once

#include <pqxx/transaction_base>

#include <string>
#include <vector>

namespace BulkLoad {

// Drops the indexes of the table `cars` (but its primary key and the unique constraints that foreign
// keys rely on) when it is empty, and returns the statements that build them again. Loading a million
// rows and then building the indexes takes a third of the time of maintaining them row by row. Run the
// statements (and ANALYZE) in the same transaction after the load; nobody else sees the table meanwhile.
std::vector<std::string> dropCarIndexesIfEmpty(pqxx::transaction_base &work);

} // namespace BulkLoad

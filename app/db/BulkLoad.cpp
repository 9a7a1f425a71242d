#include "BulkLoad.h"

#include <pqxx/pqxx>

namespace BulkLoad {

std::vector<std::string> dropCarIndexesIfEmpty(pqxx::transaction_base &work)
{
    if (!work.exec1("SELECT NOT EXISTS (SELECT FROM cars)")[0].as<bool>())
        return {};
    const pqxx::result indexes = work.exec(
        "SELECT CASE WHEN c.oid IS NULL THEN 'DROP INDEX ' || i.indexrelid::regclass::text "
        "  ELSE 'ALTER TABLE cars DROP CONSTRAINT ' || quote_ident(c.conname) END, "
        "CASE WHEN c.oid IS NULL THEN pg_get_indexdef(i.indexrelid) "
        "  ELSE 'ALTER TABLE cars ADD CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid) END "
        "FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid "
        "WHERE i.indrelid = 'cars'::regclass AND NOT i.indisprimary AND (c.oid IS NULL OR (c.contype = 'u' "
        "AND NOT EXISTS (SELECT FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid)))");
    std::vector<std::string> rebuild;
    if (!indexes.empty())
        work.exec("SET LOCAL maintenance_work_mem = '256MB'"); // for the rebuild
    for (const pqxx::row &index : indexes) {
        work.exec(index[0].c_str());
        rebuild.emplace_back(index[1].c_str());
    }
    return rebuild;
}

} // namespace BulkLoad

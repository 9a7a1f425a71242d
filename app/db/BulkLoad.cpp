#include "BulkLoad.h"

#include <pqxx/pqxx>

namespace BulkLoad {

std::vector<std::string> dropIndexesIfEmpty(pqxx::transaction_base &work, const std::string &table)
{
    if (!work.exec1("SELECT NOT EXISTS (SELECT FROM " + work.quote_name(table) + ")")[0].as<bool>())
        return {};
    // Unique constraints before the foreign keys: a foreign key of the table may point at the table itself.
    const pqxx::result dropped = work.exec_params(
        "SELECT drop_sql, restore_sql FROM ("
        "  SELECT CASE WHEN c.oid IS NULL THEN 'DROP INDEX ' || i.indexrelid::regclass::text "
        "    ELSE 'ALTER TABLE ' || i.indrelid::regclass::text || ' DROP CONSTRAINT ' || quote_ident(c.conname) "
        "    END AS drop_sql, "
        "  CASE WHEN c.oid IS NULL THEN pg_get_indexdef(i.indexrelid) "
        "    ELSE 'ALTER TABLE ' || i.indrelid::regclass::text || ' ADD CONSTRAINT ' || quote_ident(c.conname) || ' ' "
        "      || pg_get_constraintdef(c.oid) END AS restore_sql, 1 AS step "
        "  FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid "
        "  WHERE i.indrelid = $1::regclass AND NOT i.indisprimary AND (c.oid IS NULL OR (c.contype = 'u' "
        "    AND NOT EXISTS (SELECT FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid))) "
        "  UNION ALL "
        "  SELECT 'ALTER TABLE ' || conrelid::regclass::text || ' DROP CONSTRAINT ' || quote_ident(conname), "
        "    'ALTER TABLE ' || conrelid::regclass::text || ' ADD CONSTRAINT ' || quote_ident(conname) || ' ' "
        "      || pg_get_constraintdef(oid), 2 "
        "  FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f') d "
        "ORDER BY step",
        table);
    std::vector<std::string> statements;
    if (!dropped.empty())
        work.exec("SET LOCAL maintenance_work_mem = '256MB'"); // for the rebuild
    for (const pqxx::row &row : dropped) {
        work.exec(row[0].c_str());
        statements.emplace_back(row[1].c_str());
    }
    return statements;
}

void restore(pqxx::transaction_base &work, const std::vector<std::string> &statements)
{
    for (const std::string &statement : statements)
        work.exec(statement);
}

} // namespace BulkLoad

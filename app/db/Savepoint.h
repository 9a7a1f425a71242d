#pragma once

#include <pqxx/subtransaction>

// A pqxx::subtransaction whose SAVEPOINT is sent at once. libpqxx 6.4 starts a subtransaction lazily, in
// its own exec(); exec_params() does not start it, so writes made with exec_params() would land outside
// the savepoint and survive its rollback (seen in tst_eventworker). Unlike SAVEPOINT statements sent by
// hand, it also keeps the outer transaction usable after an SQL error inside it.
class Savepoint : public pqxx::subtransaction
{
public:
    explicit Savepoint(pqxx::dbtransaction &parent, const std::string &name = "savepoint")
        : pqxx::internal::namedclass("subtransaction", name) // a virtual base: the most derived class names it
        , pqxx::subtransaction(parent, name)
    {
        Begin();
    }
};

#include "SessionService.h"

#include "db/Database.h"

#include <pqxx/pqxx>

Result<Session> SessionService::load(Database &database)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        const QString role = QString::fromStdString(work.exec1("SELECT current_user::text")[0].as<std::string>());
        return Session(database.profile(), role, role, Session::allPermissions());
    });
}

#include "DbErrors.h"

#include <QCoreApplication>

#include <pqxx/except>

namespace DbErrors {

Error fromConnectionFailure(const QString &libpqMessage, const QString &where)
{
    const QString detail = libpqMessage.trimmed();
    auto has = [&](const char *needle) { return detail.contains(QLatin1String(needle), Qt::CaseInsensitive); };

    if (has("could not translate host name") || has("Name or service not known") || has("nodename nor servname"))
        return {Error::Code::HostNotFound,
                QCoreApplication::translate(
                    "DbErrors",
                    "The server host in %1 could not be found. Check the host name for typing errors and that this "
                    "computer is on the dealership network.")
                    .arg(where),
                detail};
    if (has("password authentication failed") || has("no password supplied") || has("authentication failed") ||
        has("SCRAM") || (has("role") && has("does not exist")) || has("no pg_hba.conf entry"))
        return {Error::Code::AuthenticationFailed,
                QCoreApplication::translate(
                    "DbErrors",
                    "The server at %1 refused the user name or password. Check them, or ask your administrator for "
                    "access.")
                    .arg(where),
                detail};
    if (has("database") && has("does not exist"))
        return {Error::Code::DatabaseMissing,
                QCoreApplication::translate(
                    "DbErrors",
                    "The server at %1 has no such database. Check the database name, or ask your administrator to "
                    "create it.")
                    .arg(where),
                detail};
    if (has("Connection refused") || has("No such file or directory") || has("timeout expired") ||
        has("could not connect") || has("server closed the connection") || has("Network is unreachable") ||
        has("No route to host") || has("the database system is starting up") ||
        has("the database system is shutting down"))
        return {Error::Code::ServerUnreachable,
                QCoreApplication::translate(
                    "DbErrors",
                    "No PostgreSQL server answers at %1. Check that the server is running and the port is right, "
                    "then try again.")
                    .arg(where),
                detail};
    return {Error::Code::ServerUnreachable,
            QCoreApplication::translate("DbErrors", "Could not connect to %1.").arg(where), detail};
}

Error fromException(const std::exception &exception)
{
    if (const auto *forecourt = dynamic_cast<const ForecourtException *>(&exception))
        return forecourt->error();
    const QString detail = QString::fromUtf8(exception.what()).trimmed();
    if (dynamic_cast<const pqxx::broken_connection *>(&exception))
        return {Error::Code::ConnectionLost,
                QCoreApplication::translate(
                    "DbErrors",
                    "The connection to the database was lost. Forecourt reconnects by itself; try again in a moment."),
                detail};
    if (dynamic_cast<const pqxx::in_doubt_error *>(&exception))
        return {Error::Code::ConnectionLost,
                QCoreApplication::translate(
                    "DbErrors",
                    "The connection was lost while saving, so it is not known whether the change was saved. Reload "
                    "and check before trying again."),
                detail};
    if (const auto *sql = dynamic_cast<const pqxx::sql_error *>(&exception)) {
        const std::string state = sql->sqlstate();
        if (state == "23505")
            return {Error::Code::Duplicate,
                    QCoreApplication::translate("DbErrors", "A record with the same key already exists."), detail};
        if (state == "23P01")
            return {Error::Code::Overlap,
                    QCoreApplication::translate("DbErrors", "This overlaps with an existing record."), detail};
        if (state == "40001" || state == "40P01")
            return {Error::Code::Conflict,
                    QCoreApplication::translate("DbErrors",
                                                "Someone else changed the same data at the same moment. Try again."),
                    detail};
        if (state == "42501")
            return {Error::Code::Permission,
                    QCoreApplication::translate(
                        "DbErrors",
                        "Your database account is not allowed to do this. Ask your administrator for the right role."),
                    detail};
        if (state.rfind("23", 0) == 0)
            return {
                Error::Code::Constraint,
                QCoreApplication::translate("DbErrors", "The database refused the change because it breaks a rule."),
                detail};
        if (state.rfind("08", 0) == 0 || state == "57P01")
            return {Error::Code::ConnectionLost,
                    QCoreApplication::translate(
                        "DbErrors",
                        "The connection to the database was lost. Forecourt reconnects by itself; try again in a "
                        "moment."),
                    detail};
    }
    return {Error::Code::Unknown, QCoreApplication::translate("DbErrors", "The database reported an error."), detail};
}

} // namespace DbErrors

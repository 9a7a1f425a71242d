#pragma once

#include "ConnectionProfile.h"
#include "DbErrors.h"
#include "Error.h"
#include "LocalServer.h"

#include <QCoreApplication>

#include <pqxx/connection>

#include <memory>
#include <type_traits>

// One live database connection for one thread (libpqxx's rule), opened from a ConnectionProfile. For the
// local server it holds the lease that keeps the server running. Blocking: never use it on the GUI thread.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    // Starts the local server if the profile asks for it, then connects.
    static Result<std::unique_ptr<Database>> open(const ConnectionProfile &profile);
    ~Database();

    const ConnectionProfile &profile() const { return m_profile; }
    // The libpq connection string actually used (for the local server: its socket and port).
    QString conninfo() const { return m_conninfo; }
    const LocalServerLease *localServer() const { return m_lease.get(); }

    // The connection, reconnected first if it was lost (and the local server restarted if it died).
    // Throws ForecourtException when that fails. Asserts, in debug builds, that this is not the GUI thread.
    pqxx::connection &connection();
    bool isConnected() const;
    // Forget a connection that failed; the next connection() reconnects.
    void dropConnection();

    // Runs `work(connection())` and turns any exception into an Error; a lost connection is dropped so
    // the next call reconnects. `work` may return a plain value, void, or a Result of its own.
    template <typename F> auto guard(F &&work) -> ResultOf<std::invoke_result_t<F, pqxx::connection &>>
    {
        using R = std::invoke_result_t<F, pqxx::connection &>;
        try {
            if constexpr (std::is_void_v<R>) {
                work(connection());
                return {};
            } else {
                return work(connection());
            }
        } catch (const std::exception &e) {
            Error error = DbErrors::fromException(e);
            if (error.code == Error::Code::ConnectionLost || !isConnected())
                dropConnection();
            return std::unexpected(error);
        }
    }

private:
    Database() = default;
    Result<void> connect();

    ConnectionProfile m_profile;
    std::shared_ptr<LocalServerLease> m_lease;
    QString m_conninfo;
    std::unique_ptr<pqxx::connection> m_connection;
};

// Debug builds stop when SQL runs on the GUI thread of a QGuiApplication; the CLI has no GUI thread.
void assertNotGuiThread(const char *what);

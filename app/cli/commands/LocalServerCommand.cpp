#include "LocalServerCommand.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Commands {

LocalServerCommand::LocalServerCommand()
    : Command(QStringLiteral("server start|stop|status"),
              tr("Manages the local PostgreSQL server. start: create it if needed, start it and keep it "
                 "running; stop: stop it; status: show it (exit code 3 when it is not running)."),
              Json::Taken)
{
    addOptions({m_force});
}

int LocalServerCommand::execute(const QStringList &)
{
    if (serverGiven())
        return usageError(tr("\"server\" manages the local server; --server names another one."));
    LocalServer server(ConnectionProfile::local(dataDir()).dataDir());
    return act(server);
}

QJsonObject LocalServerCommand::toJson(const LocalServer &server, const LocalServer::Status &status)
{
    QJsonArray clients;
    for (qint64 pid : status.clients)
        clients << pid;
    QJsonObject object{{QStringLiteral("data_dir"), server.dataDir()},
                       {QStringLiteral("initialised"), status.initialised},
                       {QStringLiteral("running"), status.running},
                       {QStringLiteral("keep_running"), status.keepRunning},
                       {QStringLiteral("clients"), clients},
                       {QStringLiteral("log_file"), server.logFile()},
                       {QStringLiteral("server_account"), server.serverAccount()}};
    if (status.running) {
        object.insert(QStringLiteral("pid"), status.pid);
        object.insert(QStringLiteral("port"), status.port);
        object.insert(QStringLiteral("socket_dir"), status.socketDir);
        object.insert(QStringLiteral("uri"), LocalServer::uri(status));
        object.insert(QStringLiteral("conninfo"), LocalServer::conninfo(status));
    }
    return object;
}

} // namespace Commands

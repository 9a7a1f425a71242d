#pragma once

#include "cli/Command.h"
#include "db/LocalServer.h"

class QJsonObject;

namespace Commands {

// What `forecourt server start|stop|status` share: one help, the --force option (for stop), and the local
// server of --data-dir (--server names another one, so it is refused).
class LocalServerCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

protected:
    LocalServerCommand();

    int execute(const QStringList &operands) final;
    // The command's part, on the local server; returns the exit code.
    virtual int act(LocalServer &server) = 0;

    bool force() const { return isSet(m_force); }
    static QJsonObject toJson(const LocalServer &server, const LocalServer::Status &status);

private:
    const QCommandLineOption m_force{QStringLiteral("force"), tr("stop: stop even while Forecourt processes use it.")};
};

} // namespace Commands

#include "ServerStatus.h"

#include "cli/JsonOutput.h"

namespace Commands {

int ServerStatus::act(LocalServer &server)
{
    const LocalServer::Status status = server.status();
    if (json()) {
        JsonOutput::print(toJson(server, status));
    } else if (status.running) {
        out() << tr("Running, PID %1, %2").arg(status.pid).arg(LocalServer::uri(status)) << Qt::endl
              << tr("Used by %n process(es).", nullptr, static_cast<int>(status.clients.size())) << Qt::endl;
    } else {
        out() << (status.initialised ? tr("Stopped (data in %1).").arg(server.dataDir())
                                     : tr("Not created yet (it will be in %1).").arg(server.dataDir()))
              << Qt::endl;
    }
    return status.running ? Ok : NotRunning;
}

} // namespace Commands

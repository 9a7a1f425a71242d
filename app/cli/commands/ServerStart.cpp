#include "ServerStart.h"

#include "cli/JsonOutput.h"

namespace Commands {

int ServerStart::act(LocalServer &server)
{
    auto status = server.start(true);
    if (!status)
        return failWith(status.error());
    if (json())
        JsonOutput::print(toJson(server, server.status()));
    else
        out() << tr("The local server is running (%1).").arg(LocalServer::uri(*status)) << Qt::endl;
    return Ok;
}

} // namespace Commands

#include "ServerStop.h"

#include "cli/JsonOutput.h"

namespace Commands {

int ServerStop::act(LocalServer &server)
{
    if (auto stopped = server.stop(force()); !stopped)
        return failWith(stopped.error());
    if (json())
        JsonOutput::print(toJson(server, server.status()));
    else
        out() << tr("The local server is stopped.") << Qt::endl;
    return Ok;
}

} // namespace Commands

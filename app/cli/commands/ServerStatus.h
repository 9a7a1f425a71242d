#pragma once

#include "LocalServerCommand.h"

namespace Commands {

// `forecourt server status`: shows the local server; exit code 3 when it is not running.
class ServerStatus : public LocalServerCommand
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

protected:
    int act(LocalServer &server) override;
};

} // namespace Commands

#pragma once

#include "LocalServerCommand.h"

namespace Commands {

// `forecourt server stop`: stops the local server.
class ServerStop : public LocalServerCommand
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

protected:
    int act(LocalServer &server) override;
};

} // namespace Commands

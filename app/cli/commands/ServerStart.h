#pragma once

#include "LocalServerCommand.h"

namespace Commands {

// `forecourt server start`: creates the local server if needed, starts it and keeps it running.
class ServerStart : public LocalServerCommand
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

protected:
    int act(LocalServer &server) override;
};

} // namespace Commands

#pragma once

#include "cli/Command.h"

namespace Commands {

// `forecourt import undo [ID]`: takes back an import (the newest one not yet undone, or the one given).
class ImportUndo : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    ImportUndo();

protected:
    int execute(const QStringList &operands) override;
};

} // namespace Commands

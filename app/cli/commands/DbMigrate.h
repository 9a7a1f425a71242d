#pragma once

#include "cli/Command.h"

namespace Commands {

// `forecourt db migrate`: applies the pending schema migrations.
class DbMigrate : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    DbMigrate();

protected:
    int execute(const QStringList &operands) override;
};

} // namespace Commands

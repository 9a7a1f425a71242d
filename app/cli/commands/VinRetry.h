#pragma once

#include "cli/Command.h"

namespace Commands {

// `forecourt vin retry ID...`: queues failed VIN report requests again.
class VinRetry : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    VinRetry();

protected:
    int execute(const QStringList &operands) override;
};

} // namespace Commands

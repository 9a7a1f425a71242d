#pragma once

#include "cli/Command.h"

namespace Commands {

// `forecourt worker`: handles the queued events without a window until SIGTERM or Ctrl+C.
class Worker : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    Worker();

protected:
    int execute(const QStringList &operands) override;

private:
    const QCommandLineOption m_lease{QStringLiteral("lease-seconds"),
                                     tr("How long a claimed event stays this worker's before another may take it "
                                        "(default 30)."),
                                     tr("seconds"), QStringLiteral("30")};
    const QCommandLineOption m_attempts{
        QStringLiteral("max-attempts"),
        tr("Failed attempts after which an event goes to the dead letters (default 10)."), tr("count"),
        QStringLiteral("10")};
};

} // namespace Commands

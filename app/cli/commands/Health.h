#pragma once

#include "cli/Command.h"

struct HealthReport;
class QJsonObject;

namespace Commands {

// `forecourt health`: the checks of HealthService, one line each; exit code 1 names the failing ones.
class Health : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    Health();

protected:
    int execute(const QStringList &operands) override;

private:
    static QJsonObject toJson(const HealthReport &report);

    const QCommandLineOption m_maxLag{QStringLiteral("max-lag-seconds"),
                                      tr("The longest a due event may wait before the queue counts as behind "
                                         "(default 60)."),
                                      tr("seconds"), QStringLiteral("60")};
};

} // namespace Commands

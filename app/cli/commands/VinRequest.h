#pragma once

#include "VinCommand.h"

namespace Commands {

// `forecourt vin request [VIN...]`: asks for VIN reports, which a worker makes; --wait waits for them.
class VinRequest : public VinCommand
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    VinRequest();

protected:
    int execute(const QStringList &operands) override;

private:
    const QCommandLineOption m_fresh{QStringLiteral("fresh"),
                                     tr("Ask the providers again even when a recent report of the VIN exists.")};
    const QCommandLineOption m_wait{QStringLiteral("wait"),
                                    tr("Wait until every report is done or failed, and list them.")};
    const QCommandLineOption m_timeout{QStringLiteral("timeout-seconds"), tr("How long --wait waits (default 120)."),
                                       tr("seconds"), QStringLiteral("120")};
};

} // namespace Commands

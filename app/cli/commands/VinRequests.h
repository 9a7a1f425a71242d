#pragma once

#include "VinCommand.h"

namespace Commands {

// `forecourt vin requests`: lists the VIN report requests, newest first.
class VinRequests : public VinCommand
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    VinRequests();

protected:
    int execute(const QStringList &operands) override;

private:
    const QCommandLineOption m_status{QStringLiteral("status"),
                                      tr("Only requests with this status: pending, done, failed."), tr("status")};
    const QCommandLineOption m_limit{QStringLiteral("limit"), tr("At most this many, newest first (default 50)."),
                                     tr("count"), QStringLiteral("50")};
};

} // namespace Commands

#pragma once

#include "cli/Command.h"

namespace Commands {

// `forecourt vin report VIN`: shows the newest stored report of a VIN, or writes it as a PDF.
class VinReport : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    VinReport();

protected:
    int execute(const QStringList &operands) override;

private:
    const QCommandLineOption m_pdf{QStringLiteral("pdf"), tr("Write the report as a PDF file."), tr("file")};
};

} // namespace Commands

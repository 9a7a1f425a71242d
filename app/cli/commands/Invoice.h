#pragma once

#include "cli/Command.h"

namespace Commands {

// `forecourt invoice BOOKING_ID --pdf FILE`: writes a completed booking's invoice as a PDF (a copy after the
// first print: RentalDeskService::invoice).
class Invoice : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    Invoice();

protected:
    int execute(const QStringList &operands) override;

private:
    const QCommandLineOption m_pdf{QStringLiteral("pdf"), tr("The PDF file to write."), tr("file")};
};

} // namespace Commands

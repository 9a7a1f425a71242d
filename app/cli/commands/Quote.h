#pragma once

#include "cli/Command.h"

namespace Commands {

// `forecourt quote --car STOCKNO --from "YYYY-MM-DD HH:MM" --to "YYYY-MM-DD HH:MM" [--extra NAME]...`: the
// price lines and total the desk would quote (RentalDeskService::quote), as text or JSON.
class Quote : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    Quote();

protected:
    int execute(const QStringList &operands) override;

private:
    const QCommandLineOption m_car{QStringLiteral("car"), tr("The car, by its stock number."), tr("stock number")};
    const QCommandLineOption m_from{
        QStringLiteral("from"), tr("The pick-up, \"YYYY-MM-DD HH:MM\" in the car's branch's time zone."), tr("time")};
    const QCommandLineOption m_to{QStringLiteral("to"),
                                  tr("The return, \"YYYY-MM-DD HH:MM\" in the car's branch's time zone."), tr("time")};
    const QCommandLineOption m_extra{QStringLiteral("extra"),
                                     tr("An extra, by its code or name (child_seat, \"Child seat\"); may be given "
                                        "more than once."),
                                     tr("name")};
};

} // namespace Commands

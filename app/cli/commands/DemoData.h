#pragma once

#include "cli/Command.h"

namespace Commands {

// `forecourt demo-data`: fills the database with realistic, deterministic demo data.
class DemoData : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    DemoData();

protected:
    int execute(const QStringList &operands) override;

private:
    const QCommandLineOption m_cars{QStringLiteral("cars"), tr("How many cars (default 250)."), tr("N"),
                                    QStringLiteral("250")};
    const QCommandLineOption m_seed{QStringLiteral("seed"),
                                    tr("The seed: the same seed makes the same data (default 1)."), tr("S"),
                                    QStringLiteral("1")};
    const QCommandLineOption m_replace{QStringLiteral("replace"),
                                       tr("Delete the fleet, customers and bookings first.")};
    const QCommandLineOption m_ifEmpty{QStringLiteral("if-empty"), tr("Do nothing when the fleet already has cars.")};
};

} // namespace Commands

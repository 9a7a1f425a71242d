#pragma once

#include "cli/Command.h"

struct DashboardFigures;

namespace Commands {

// `forecourt stats stock|rentals|sales|vin|operations`: a dashboard's figures from DashboardService, the
// same the Dashboards section shows, as text, JSON or CSV.
class Stats : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    Stats();

    // How many days the period has when neither --from nor --to is given (the last 30 days up to today).
    static constexpr int kDefaultDays = 30;

protected:
    int execute(const QStringList &operands) override;

private:
    static void printText(const DashboardFigures &figures);
    static int printCsv(const DashboardFigures &figures);

    const QCommandLineOption m_from{
        QStringLiteral("from"),
        tr("The period's first day, YYYY-MM-DD (default: %1 days before --to).").arg(kDefaultDays - 1), tr("date")};
    const QCommandLineOption m_to{QStringLiteral("to"), tr("The period's last day, YYYY-MM-DD (default: today)."),
                                  tr("date")};
    const QCommandLineOption m_branch{QStringLiteral("branch"), tr("Only this branch, by its code (default: all)."),
                                      tr("code")};
    const QCommandLineOption m_reportsServer{
        QStringLiteral("reports-server"),
        tr("Read the figures from this PostgreSQL server instead, read-only: a read replica of the main one (a "
           "libpq URI or key=value string; the password from PGPASSWORD or ~/.pgpass). Default: the main "
           "connection."),
        tr("conninfo")};
    const QCommandLineOption m_csv{QStringLiteral("csv"),
                                   tr("Write CSV (kind, name, key, value: a row per tile and per point of a "
                                      "series) instead of text.")};
};

} // namespace Commands

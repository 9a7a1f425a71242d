#include "Stats.h"

#include "cli/JsonOutput.h"
#include "db/Database.h"
#include "io/CsvWriter.h"
#include "services/DashboardService.h"

#include <QFile>

namespace Commands {

namespace {

Result<QDate> dateOf(const QString &option, const QString &text)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid() || text.size() != 10)
        return std::unexpected(Error{Error::Code::InvalidInput,
                                     Stats::tr("--%1 takes a date written YYYY-MM-DD, such as 2026-03-31; \"%2\" "
                                               "is not one.")
                                         .arg(option, text)});
    return date;
}

} // namespace

Stats::Stats()
    : Command(QStringLiteral("stats stock|rentals|sales|vin|operations"),
              tr("Shows a dashboard's figures for a period (both days included) and a branch: its tiles, then "
                 "its series. The same figures as the Dashboards section, defined in the README's glossary. "
                 "Money is in the database's currency."),
              Json::Taken)
{
    addOptions({m_from, m_to, m_branch, m_reportsServer, m_csv});
}

int Stats::execute(const QStringList &operands)
{
    const QStringList dashboards = DashboardService::dashboards();
    if (operands.isEmpty() || !dashboards.contains(operands.first()))
        return usageError(tr("\"stats\" needs a dashboard: %1.").arg(dashboards.join(QStringLiteral(", "))));
    if (json() && isSet(m_csv))
        return usageError(tr("Choose one of --json and --csv."));

    DashboardQuery query;
    query.to = QDate::currentDate();
    if (isSet(m_to)) {
        const auto to = dateOf(m_to.names().first(), value(m_to));
        if (!to)
            return usageError(to.error().message);
        query.to = *to;
    }
    query.from = query.to.addDays(-(kDefaultDays - 1));
    if (isSet(m_from)) {
        const auto from = dateOf(m_from.names().first(), value(m_from));
        if (!from)
            return usageError(from.error().message);
        query.from = *from;
    }
    if (query.to < query.from)
        return usageError(tr("--to (%1) is before --from (%2): the period needs its last day on or after its first.")
                              .arg(query.to.toString(Qt::ISODate), query.from.toString(Qt::ISODate)));
    query.branchCode = value(m_branch).trimmed();

    auto database = isSet(m_reportsServer)
                        ? Database::open(ConnectionProfile::server(value(m_reportsServer)).readOnly())
                        : openDatabase(false);
    if (!database)
        return failWith(database.error());
    const auto figures = DashboardService::figuresWithLists(**database, operands.first(), query);
    if (!figures)
        return failWith(figures.error());
    if (json())
        JsonOutput::print(figures->toJson());
    else if (isSet(m_csv))
        return printCsv(*figures);
    else
        printText(*figures);
    return Ok;
}

void Stats::printText(const DashboardFigures &figures)
{
    out() << tr("%1, %2 to %3, %4")
                 .arg(figures.dashboard, figures.from.toString(Qt::ISODate), figures.to.toString(Qt::ISODate),
                      figures.branch.isEmpty() ? tr("all branches") : tr("branch %1").arg(figures.branch))
          << Qt::endl;
    qsizetype width = 0;
    for (const DashboardPoint &tile : figures.tiles)
        width = std::max(width, tile.key.size());
    for (const DashboardPoint &tile : figures.tiles)
        out() << "  " << tile.key.leftJustified(width + 2) << tile.plainText() << Qt::endl;
    for (const auto &[name, points] : figures.series) {
        out() << name << ':' << Qt::endl;
        if (points.isEmpty())
            out() << "  " << tr("(none)") << Qt::endl;
        for (const DashboardPoint &point : points)
            out() << "  " << point.key << '\t' << point.plainText() << Qt::endl;
    }
}

int Stats::printCsv(const DashboardFigures &figures)
{
    out().flush();
    QFile output;
    if (!output.open(stdout, QIODevice::WriteOnly))
        return failWith({Error::Code::Unknown, tr("The standard output could not be written.")});
    CsvWriter::Options options;
    options.numericColumns = {false, false, false, true};
    CsvWriter writer(&output, options);
    Result<void> written = writer.writeRow(
        {QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("key"), QStringLiteral("value")});
    for (const DashboardPoint &tile : figures.tiles)
        if (written)
            written = writer.writeRow({QStringLiteral("tile"), tile.key, QString(), tile.plainText()});
    for (const auto &[name, points] : figures.series)
        for (const DashboardPoint &point : points)
            if (written)
                written = writer.writeRow({QStringLiteral("series"), name, point.key, point.plainText()});
    if (written)
        written = writer.flush();
    return written ? Ok : failWith(written.error());
}

} // namespace Commands

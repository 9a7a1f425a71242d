#include "VinRequestListModel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace {
const QColor kBad(0xc6, 0x28, 0x28);
const QColor kWaiting(0x6b, 0x6b, 0x6b);
const QColor kGood(0x2e, 0x7d, 0x32);

QString shortTime(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QStringLiteral("d MMM yyyy HH:mm")) : QString();
}
} // namespace

VinRequestListModel::VinRequestListModel(DatabaseThread *database, QObject *parent)
    : KeysetTableModel(database, {&VinReportService::page, &VinReportService::count, &VinReportService::anchors},
                       MaxCachedPages, Requested, parent)
{}

QString VinRequestListModel::findings(const VinRequestRow &request)
{
    if (request.status != QLatin1String("done"))
        return {};
    QString text = request.flags().findings();
    if (request.simulated)
        text += tr(" (sample data)");
    return text;
}

QString VinRequestListModel::statusText(const VinRequestRow &request)
{
    if (request.status == QLatin1String("failed"))
        return tr("Failed: %1").arg(request.error);
    if (request.status == QLatin1String("pending") && !request.lastAttemptError.isEmpty())
        return tr("Trying again (attempt %1): %2").arg(request.attempts + 1).arg(request.lastAttemptError);
    if (request.status == QLatin1String("done") && request.reused)
        return tr("Done (recent report reused)");
    return VinReportService::statusLabel(request.status);
}

int VinRequestListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VinRequestListModel::loadedData(const QModelIndex &index, int role) const
{
    const VinRequestRow &request = *loadedRow(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole || role == Qt::ToolTipRole) {
        switch (Column(index.column())) {
        case Requested:
            return shortTime(request.requestedAt);
        case Vin:
            return request.vin;
        case Vehicle:
            return request.stockNumber.isEmpty() ? request.vehicle
                                                 : tr("%1 (car #%2)").arg(request.vehicle, request.stockNumber);
        case Status:
            return statusText(request);
        case Findings:
            return findings(request);
        case RequestedBy:
            return request.requestedBy;
        case Finished:
            return shortTime(request.finishedAt);
        case ColumnCount:
            break;
        }
    } else if (role == Qt::ForegroundRole) {
        if (index.column() == Status) {
            if (request.status == QLatin1String("failed"))
                return QBrush(kBad);
            if (request.status == QLatin1String("pending"))
                return QBrush(kWaiting);
        }
        if (index.column() == Findings && request.status == QLatin1String("done")) {
            const bool bad =
                request.stolen || !request.titleBrands.isEmpty() || request.rollbackSuspected || request.accidents > 0;
            return QBrush(bad ? kBad : kGood);
        }
    }
    return {};
}

QVariant VinRequestListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Requested:
        return tr("Requested");
    case Vin:
        return tr("VIN");
    case Vehicle:
        return tr("Vehicle");
    case Status:
        return tr("Status");
    case Findings:
        return tr("Findings");
    case RequestedBy:
        return tr("Requested by");
    case Finished:
        return tr("Finished");
    case ColumnCount:
        break;
    }
    return {};
}

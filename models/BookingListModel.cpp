#include "BookingListModel.h"

#include "domain/Money.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

static_assert(int(BookingColumn::Balance) == BookingListModel::Balance &&
                  int(BookingColumn::Count) == BookingListModel::ColumnCount,
              "the list's columns are the query's");

BookingListModel::BookingListModel(DatabaseThread *database, QObject *parent)
    : KeysetTableModel(database, {&BookingService::page, &BookingService::count, &BookingService::anchors},
                       MaxCachedPages, Id, parent)
{}

void BookingListModel::setFilter(const BookingFilter &filter)
{
    BookingQuery filtered = query();
    filtered.filter = filter;
    setQuery(filtered);
}

void BookingListModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    BookingQuery sorted = query();
    sorted.sortColumn = BookingColumn(column);
    sorted.sortOrder = order;
    setQuery(sorted);
}

void BookingListModel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (rowCount() > 0)
        emit dataChanged(index(0, Pickup), index(rowCount() - 1, Return));
}

void BookingListModel::setCurrency(const QString &isoCode)
{
    m_currency = isoCode;
    if (rowCount() > 0)
        emit dataChanged(index(0, Total), index(rowCount() - 1, Balance));
}

int BookingListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BookingListModel::loadedData(const QModelIndex &index, int role) const
{
    const BookingRow &booking = *loadedRow(index.row());
    const QString format = QStringLiteral("d MMM yyyy HH:mm");
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (Column(index.column())) {
        case Id:
            return QString::number(booking.id);
        case Pickup:
            return QLocale().toString(booking.pickup.toTimeZone(m_zone), format);
        case Return:
            return QLocale().toString(booking.returned.toTimeZone(m_zone), format);
        case Car:
            return QStringLiteral("#%1 %2").arg(booking.stockNumber, booking.car);
        case Customer:
            return booking.customer;
        case Status:
            return booking.overdue ? tr("Overdue") : BookingService::statusLabel(booking.status);
        case Branch:
            return booking.pickupBranch;
        case Total: // a column of amounts: always with cents, so that they line up
            return Money::format(booking.totalCents, m_currency, QLocale(), Money::Cents::Always);
        case Balance:
            return Money::format(booking.balanceCents, m_currency, QLocale(), Money::Cents::Always);
        case ColumnCount:
            break;
        }
    } else if (role == Qt::ForegroundRole) {
        if (booking.overdue)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (index.column() == Balance && booking.balanceCents > 0)
            return QBrush(QColor(0xb2, 0x6a, 0x00));
    } else if (role == Qt::TextAlignmentRole) {
        if (index.column() == Id || index.column() == Total || index.column() == Balance)
            return int(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ToolTipRole && booking.overdue) {
        return tr("Overdue: due back %1").arg(QLocale().toString(booking.returned.toTimeZone(m_zone), format));
    }
    return {};
}

QVariant BookingListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Id:
        return tr("Booking");
    case Pickup:
        return tr("Pick-up");
    case Return:
        return tr("Return");
    case Car:
        return tr("Car");
    case Customer:
        return tr("Customer");
    case Status:
        return tr("Status");
    case Branch:
        return tr("Branch");
    case Total:
        return tr("Total");
    case Balance:
        return tr("Balance");
    case ColumnCount:
        break;
    }
    return {};
}

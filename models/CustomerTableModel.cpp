#include "CustomerTableModel.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>

namespace {

constexpr int kColumnCount = static_cast<int>(CustomerColumn::Count);

// Dark amber, readable on a light or a dark base.
QColor warningColour()
{
    return QPalette().color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0xd5, 0x4f) : QColor(0x8a, 0x5a, 0x00);
}

} // namespace

CustomerTableModel::CustomerTableModel(DatabaseThread *database, QObject *parent)
    : KeysetTableModel(database, {&CustomerService::page, &CustomerService::count, &CustomerService::anchors},
                       MaxCachedPages, int(CustomerColumn::FullName), parent)
{}

QString CustomerTableModel::columnLabel(CustomerColumn column)
{
    switch (column) {
    case CustomerColumn::Id:
        return tr("No.");
    case CustomerColumn::FullName:
        return CustomerValidator::fieldLabel(CustomerField::FullName);
    case CustomerColumn::Email:
        return CustomerValidator::fieldLabel(CustomerField::Email);
    case CustomerColumn::Phone:
        return CustomerValidator::fieldLabel(CustomerField::Phone);
    case CustomerColumn::DateOfBirth:
        return CustomerValidator::fieldLabel(CustomerField::DateOfBirth);
    case CustomerColumn::LicenceNumber:
        return CustomerValidator::fieldLabel(CustomerField::LicenceNumber);
    case CustomerColumn::LicenceExpiry:
        return CustomerValidator::fieldLabel(CustomerField::LicenceExpiry);
    case CustomerColumn::PossibleDuplicate:
        return tr("Duplicate?");
    case CustomerColumn::UpdatedAt:
        return tr("Changed");
    case CustomerColumn::Count:
        break;
    }
    return {};
}

QString CustomerTableModel::displayText(const CustomerRow &row, CustomerColumn column)
{
    const QLocale locale;
    const auto date = [&](const QDate &value) {
        return value.isValid() ? locale.toString(value, QLocale::ShortFormat) : QString();
    };
    switch (column) {
    case CustomerColumn::Id:
        return QString::number(row.id);
    case CustomerColumn::FullName:
        return row.fullName;
    case CustomerColumn::Email:
        return row.email;
    case CustomerColumn::Phone:
        return row.phone;
    case CustomerColumn::DateOfBirth:
        return date(row.dateOfBirth);
    case CustomerColumn::LicenceNumber:
        return row.licenceNumber;
    case CustomerColumn::LicenceExpiry:
        return date(row.licenceExpiry);
    case CustomerColumn::PossibleDuplicate:
        return row.possibleDuplicate ? tr("Possible duplicate") : QString();
    case CustomerColumn::UpdatedAt:
        return row.updatedAt.isValid() ? locale.toString(row.updatedAt.toLocalTime(), QLocale::ShortFormat) : QString();
    case CustomerColumn::Count:
        break;
    }
    return {};
}

int CustomerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant CustomerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto column = static_cast<CustomerColumn>(section);
    switch (role) {
    case Qt::DisplayRole:
        return columnLabel(column);
    case Qt::ToolTipRole:
        return column == CustomerColumn::PossibleDuplicate
                   ? QVariant(tr("Marks customers who share an email or licence number with another customer."))
                   : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment((column == CustomerColumn::Id ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant CustomerTableModel::loadedData(const QModelIndex &index, int role) const
{
    const auto column = static_cast<CustomerColumn>(index.column());
    const CustomerRow &row = *loadedRow(index.row());
    const bool expired = row.licenceExpiry.isValid() && row.licenceExpiry < QDate::currentDate();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return displayText(row, column);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment((column == CustomerColumn::Id ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if ((column == CustomerColumn::PossibleDuplicate && row.possibleDuplicate) ||
            (column == CustomerColumn::LicenceExpiry && expired))
            return QBrush(warningColour());
        return {};
    case Qt::ToolTipRole:
        if (column == CustomerColumn::PossibleDuplicate && row.possibleDuplicate)
            return tr("Another customer has the same email or licence number. Check whether they are the same "
                      "person.");
        if (column == CustomerColumn::LicenceExpiry && expired)
            return tr("The licence has expired: the customer cannot pick up a car until it is renewed.");
        return {};
    case DuplicateRole:
        return row.possibleDuplicate;
    default:
        return {};
    }
}

void CustomerTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= kColumnCount)
        return;
    CustomerQuery sorted = query();
    sorted.sortColumn = static_cast<CustomerColumn>(column);
    sorted.sortOrder = order;
    setQuery(sorted);
}

void CustomerTableModel::setSearchText(const QString &text)
{
    CustomerQuery searched = query();
    searched.text = text.simplified();
    setQuery(searched);
}

#include "CarTableModel.h"

#include "domain/CarValidator.h"
#include "domain/CarVocabulary.h"
#include "domain/Money.h"
#include "services/FleetService.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>

namespace {

constexpr int kColumnCount = static_cast<int>(CarColumn::Count);

std::optional<CarField> fieldOf(CarColumn column)
{
    switch (column) {
    case CarColumn::UpdatedAt:
    case CarColumn::UpdatedBy:
    case CarColumn::Count:
        return std::nullopt;
    case CarColumn::ForRent:
        return CarField::ForRent;
    default:
        // The first columns follow CarField's order exactly.
        return static_cast<CarField>(static_cast<int>(column));
    }
}

std::optional<CarVocabulary::Kind> vocabularyOf(CarColumn column)
{
    const std::optional<CarField> field = fieldOf(column);
    return field ? CarValidator::vocabularyOf(*field) : std::nullopt;
}

bool isNumeric(CarColumn column)
{
    const std::optional<CarField> field = fieldOf(column);
    return field && CarValidator::isNumeric(*field);
}

} // namespace

CarTableModel::CarTableModel(DatabaseThread *database, QObject *parent)
    : KeysetTableModel(database, {&FleetService::page, &FleetService::count, &FleetService::anchors}, MaxCachedPages, 0,
                       parent)
{
    static_assert(static_cast<int>(CarField::Notes) == 24 && static_cast<int>(CarColumn::SoldOn) == 22,
                  "CarColumn follows CarField up to SoldOn");
}

QString CarTableModel::columnLabel(CarColumn column)
{
    if (const auto field = fieldOf(column))
        return CarValidator::fieldLabel(*field);
    if (column == CarColumn::UpdatedAt)
        return tr("Changed");
    if (column == CarColumn::UpdatedBy)
        return tr("Changed by");
    return {};
}

QString CarTableModel::headerLabel(CarColumn column)
{
    switch (column) {
    case CarColumn::StockNumber:
        return tr("Stock no.");
    case CarColumn::ModelYear:
        return tr("Year");
    case CarColumn::ListPrice:
        return tr("Price");
    case CarColumn::MileageKm:
        return tr("Mileage");
    case CarColumn::ForRent:
        return tr("Rental fleet");
    default:
        return columnLabel(column);
    }
}

int CarTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant CarTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto column = static_cast<CarColumn>(section);
    switch (role) {
    case Qt::DisplayRole:
        return headerLabel(column);
    case Qt::AccessibleTextRole:
        return columnLabel(column);
    case Qt::ToolTipRole:
        return CarQuery::isIndexed(column) ? columnLabel(column)
                                           : tr("%1. Sorting on this column reads every car; it may take a moment "
                                                "with a large fleet.")
                                                 .arg(columnLabel(column));
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment((isNumeric(column) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant CarTableModel::loadedData(const QModelIndex &index, int role) const
{
    const auto column = static_cast<CarColumn>(index.column());
    const CarRow &row = *loadedRow(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        const QString text = displayText(row, column, m_currency);
        // A body type, fuel type, transmission, drive or condition that is not known.
        if (text.isEmpty() && vocabularyOf(column))
            return role == Qt::DisplayRole ? QStringLiteral("—") : CarVocabulary::notStatedLabel();
        return text;
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment((isNumeric(column) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if (column == CarColumn::Status &&
            (row.status == QLatin1String("sold") || row.status == QLatin1String("retired")))
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case SortValueRole:
        return rawValue(row, column);
    default:
        return {};
    }
}

QString CarTableModel::displayText(const CarRow &row, CarColumn column, const QString &currency)
{
    const QLocale locale;
    if (const auto kind = vocabularyOf(column)) {
        const QString key = rawValue(row, column).toString();
        const QString label = CarVocabulary::label(*kind, key);
        return label.isEmpty() ? key : label;
    }
    const auto optionalNumber = [&](const std::optional<int> &value) {
        return value ? locale.toString(*value) : QString();
    };
    const auto date = [&](const QDate &value) {
        return value.isValid() ? locale.toString(value, QLocale::ShortFormat) : QString();
    };
    switch (column) {
    case CarColumn::ModelYear:
        return QString::number(row.modelYear); // no group separator in a year
    case CarColumn::Seats:
        return optionalNumber(row.seats);
    case CarColumn::Doors:
        return optionalNumber(row.doors);
    case CarColumn::PowerKw:
        return row.powerKw ? tr("%1 kW").arg(locale.toString(*row.powerKw)) : QString();
    case CarColumn::MileageKm:
        return tr("%1 km").arg(locale.toString(row.mileageKm));
    case CarColumn::ListPrice:
        return Money::format(row.listPriceCents, currency);
    case CarColumn::Cost:
        return row.costCents ? Money::format(*row.costCents, currency) : QString();
    case CarColumn::AcquiredOn:
        return date(row.acquiredOn);
    case CarColumn::ListedOn:
        return date(row.listedOn);
    case CarColumn::SoldOn:
        return date(row.soldOn);
    case CarColumn::UpdatedAt:
        return locale.toString(row.updatedAt.toLocalTime(), QLocale::ShortFormat);
    case CarColumn::ForRent:
        return row.forRent ? tr("Yes") : tr("No");
    default:
        return rawValue(row, column).toString();
    }
}

QVariant CarTableModel::rawValue(const CarRow &row, CarColumn column)
{
    const auto optional = [](const auto &value) { return value ? QVariant(*value) : QVariant(); };
    switch (column) {
    case CarColumn::StockNumber:
        return row.stockNumber;
    case CarColumn::Vin:
        return row.vin;
    case CarColumn::Make:
        return row.make;
    case CarColumn::Model:
        return row.model;
    case CarColumn::Trim:
        return row.trim;
    case CarColumn::ModelYear:
        return row.modelYear;
    case CarColumn::BodyType:
        return row.bodyType;
    case CarColumn::FuelType:
        return row.fuelType;
    case CarColumn::Transmission:
        return row.transmission;
    case CarColumn::Drive:
        return row.drive;
    case CarColumn::Colour:
        return row.colour;
    case CarColumn::Seats:
        return optional(row.seats);
    case CarColumn::Doors:
        return optional(row.doors);
    case CarColumn::PowerKw:
        return optional(row.powerKw);
    case CarColumn::MileageKm:
        return row.mileageKm;
    case CarColumn::Condition:
        return row.condition;
    case CarColumn::Status:
        return row.status;
    case CarColumn::Location:
        return row.location;
    case CarColumn::ListPrice:
        return row.listPriceCents;
    case CarColumn::Cost:
        return optional(row.costCents);
    case CarColumn::AcquiredOn:
        return row.acquiredOn;
    case CarColumn::ListedOn:
        return row.listedOn;
    case CarColumn::SoldOn:
        return row.soldOn;
    case CarColumn::UpdatedAt:
        return row.updatedAt;
    case CarColumn::UpdatedBy:
        return row.updatedBy;
    case CarColumn::ForRent:
        return row.forRent;
    case CarColumn::Count:
        break;
    }
    return {};
}

void CarTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= kColumnCount)
        return;
    CarQuery sorted = query();
    sorted.sortColumn = static_cast<CarColumn>(column);
    sorted.sortOrder = order;
    setQuery(sorted);
}

void CarTableModel::setFilter(const CarFilter &filter)
{
    CarQuery filtered = query();
    filtered.filter = filter;
    setQuery(filtered);
}

void CarTableModel::setCurrency(const QString &isoCode)
{
    if (isoCode.isEmpty() || isoCode == m_currency)
        return;
    m_currency = isoCode;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, kColumnCount - 1), {Qt::DisplayRole});
}

#include "models/DashboardFiguresModel.h"

#include "domain/Money.h"

#include <cmath>

DashboardFormat::DashboardFormat(QString currency, QLocale locale)
    : m_currency(std::move(currency))
    , m_locale(std::move(locale))
{}

bool DashboardFormat::isShare(const QString &figure)
{
    return figure.endsWith(QLatin1String("_rate")) || figure.startsWith(QLatin1String("utilisation")) ||
           figure == QLatin1String("sold_within_30_days") || figure == QLatin1String("findings");
}

QString DashboardFormat::text(const DashboardPoint &point, const QString &figure) const
{
    if (point.cents)
        return Money::format(*point.cents, m_currency, m_locale);
    if (isShare(figure))
        return m_locale.toString(point.value * 100, 'f', 1) + m_locale.percent();
    const bool whole = point.value == std::floor(point.value);
    return m_locale.toString(point.value, 'f', whole ? 0 : 1);
}

QString DashboardFormat::exact(const DashboardPoint &point, const QString &figure) const
{
    if (point.cents)
        return Money::format(*point.cents, m_currency, m_locale, Money::Cents::Always);
    if (isShare(figure))
        return m_locale.toString(point.value * 100, 'f', 2) + m_locale.percent();
    const bool whole = point.value == std::floor(point.value);
    return m_locale.toString(point.value, 'f', whole ? 0 : 2);
}

DashboardFiguresModel::DashboardFiguresModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void DashboardFiguresModel::setFigures(const DashboardFigures &figures, const std::optional<DashboardFigures> &previous,
                                       const DashboardFormat &format, const QHash<QString, QString> &labels)
{
    beginResetModel();
    m_figures = figures;
    m_format = format;
    m_labels = labels;
    m_comparing = previous.has_value();
    m_rows.clear();
    for (const DashboardPoint &tile : figures.tiles) {
        Row row{tile.key, tile, true, std::nullopt};
        if (previous)
            if (const DashboardPoint *before = previous->tile(tile.key))
                row.previous = *before;
        m_rows << row;
    }
    for (const auto &[name, points] : figures.series)
        for (const DashboardPoint &point : points)
            m_rows << Row{name, point, false, std::nullopt};
    endResetModel();
}

int DashboardFiguresModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DashboardFiguresModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : (m_comparing ? ColumnCount : PreviousColumn);
}

QVariant DashboardFiguresModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == NameRole)
        return row.name;
    switch (index.column()) {
    case FigureColumn:
        if (role == Qt::DisplayRole)
            return m_labels.value(row.name, row.name);
        break;
    case KeyColumn:
        if (role == Qt::DisplayRole)
            return row.tile ? QString() : row.point.key;
        break;
    case ValueColumn:
        if (role == Qt::DisplayRole)
            return m_format.text(row.point, row.name);
        if (role == Qt::ToolTipRole)
            return m_format.exact(row.point, row.name);
        if (role == Qt::UserRole)
            return row.point.value;
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case PreviousColumn:
        if (!row.previous)
            break;
        if (role == Qt::DisplayRole)
            return m_format.text(*row.previous, row.name);
        if (role == Qt::ToolTipRole)
            return m_format.exact(*row.previous, row.name);
        if (role == Qt::UserRole)
            return row.previous->value;
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant DashboardFiguresModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FigureColumn:
        return tr("Figure");
    case KeyColumn:
        return tr("Of");
    case ValueColumn:
        return tr("Value");
    case PreviousColumn:
        return tr("Previous period");
    default:
        return {};
    }
}

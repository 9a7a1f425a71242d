#include "models/DashboardFiguresModel.h"

#include "domain/CarVocabulary.h"
#include "domain/Money.h"
#include "services/BookingService.h"

#include <cmath>

DashboardFormat::DashboardFormat(QString currency, QLocale locale)
    : m_currency(std::move(currency))
    , m_locale(std::move(locale))
{}

bool DashboardFormat::isShare(const QString &figure)
{
    return figure.endsWith(QLatin1String("_rate")) || figure.startsWith(QLatin1String("utilisation")) ||
           figure.startsWith(QLatin1String("sold_within_30_days")) || figure == QLatin1String("findings");
}

QString DashboardFormat::text(const DashboardPoint &point, const QString &figure) const
{
    return written(point, figure, false);
}

QString DashboardFormat::exact(const DashboardPoint &point, const QString &figure) const
{
    return written(point, figure, true);
}

QString DashboardFormat::written(const DashboardPoint &point, const QString &figure, bool exact) const
{
    if (point.cents)
        return Money::format(*point.cents, m_currency, m_locale,
                             exact ? Money::Cents::Always : Money::Cents::WhenNotWhole);
    if (isShare(figure))
        return m_locale.toString(point.value * 100, 'f', exact ? 2 : 1) + m_locale.percent();
    const bool whole = point.value == std::floor(point.value);
    return m_locale.toString(point.value, 'f', whole ? 0 : exact ? 2 : 1);
}

QString DashboardFormat::keyLabel(const QString &series, const QString &key)
{
    if (series == QLatin1String("by_body_type") || series == QLatin1String("by_fuel_type")) {
        const auto kind =
            series == QLatin1String("by_body_type") ? CarVocabulary::Kind::BodyType : CarVocabulary::Kind::FuelType;
        const QString label = CarVocabulary::label(kind, key);
        return !label.isEmpty() ? label : key == QLatin1String("not_stated") ? CarVocabulary::notStatedLabel() : key;
    }
    if (series == QLatin1String("bookings_by_status"))
        return BookingService::statusLabel(key);
    if (series == QLatin1String("findings")) {
        static const QHash<QString, const char *> findings = {
            {QStringLiteral("accidents"), QT_TR_NOOP("Accidents")},
            {QStringLiteral("rollback"), QT_TR_NOOP("Odometer rollback")},
            {QStringLiteral("stolen"), QT_TR_NOOP("Reported stolen")},
            {QStringLiteral("title_brands"), QT_TR_NOOP("Title brands")}};
        if (const char *label = findings.value(key))
            return tr(label);
    }
    if (key.size() == 8 && key.at(4) == QLatin1Char('-') && key.at(5) == QLatin1Char('W')) // an ISO week, "2026-W09"
        return tr("W%1 %2").arg(key.mid(6).toInt()).arg(key.left(4));
    if (series == QLatin1String("revenue_over_time") && key.size() == 10) { // a day, "2026-03-01"
        const QDate day = QDate::fromString(key, Qt::ISODate);
        if (day.isValid())
            return QLocale().toString(day, QStringLiteral("d MMM"));
    }
    if (key.size() == 7 && key.at(4) == QLatin1Char('-')) { // a month, "2026-03"
        const QDate month = QDate::fromString(key + QStringLiteral("-01"), Qt::ISODate);
        if (month.isValid())
            return QLocale().toString(month, QStringLiteral("MMM yy"));
    }
    return key;
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
    if (role == KeyRole)
        return row.tile ? QString() : row.point.key;
    switch (index.column()) {
    case FigureColumn:
        if (role == Qt::DisplayRole)
            return m_labels.value(row.name, row.name);
        break;
    case KeyColumn:
        if (role == Qt::DisplayRole)
            return row.tile ? QString() : DashboardFormat::keyLabel(row.name, row.point.key);
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

#include "domain/DashboardFigures.h"

#include "domain/Money.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

QString DashboardPoint::plainText() const
{
    return cents ? Money::fromCents(*cents).toDecimal() : QString::number(value, 'g', 17);
}

DashboardPoint DashboardFigures::point(const QString &key, double value)
{
    return DashboardPoint{key, value, std::nullopt};
}

DashboardPoint DashboardFigures::moneyPoint(const QString &key, double cents)
{
    return DashboardPoint{key, cents / 100.0, std::llround(cents)};
}

void DashboardFigures::addTile(const QString &name, double value)
{
    tiles << point(name, value);
}

void DashboardFigures::addMoneyTile(const QString &name, double cents)
{
    tiles << moneyPoint(name, cents);
}

void DashboardFigures::addSeries(const QString &name, DashboardSeries points)
{
    series.emplace_back(name, std::move(points));
}

const DashboardPoint *DashboardFigures::tile(const QString &name) const
{
    const auto found = std::ranges::find(tiles, name, &DashboardPoint::key);
    return found == tiles.end() ? nullptr : &*found;
}

const DashboardSeries *DashboardFigures::seriesNamed(const QString &name) const
{
    const auto found = std::ranges::find(series, name, &std::pair<QString, DashboardSeries>::first);
    return found == series.end() ? nullptr : &found->second;
}

std::optional<double> DashboardFigures::tileValue(const QString &name) const
{
    const DashboardPoint *found = tile(name);
    return found ? std::optional(found->value) : std::nullopt;
}

QJsonObject DashboardFigures::toJson() const
{
    QJsonObject tileObject;
    for (const DashboardPoint &tile : tiles)
        tileObject.insert(tile.key, tile.value);
    QJsonObject seriesObject;
    for (const auto &[name, points] : series) {
        QJsonArray array;
        for (const DashboardPoint &point : points)
            array.append(QJsonObject{{QStringLiteral("key"), point.key}, {QStringLiteral("value"), point.value}});
        seriesObject.insert(name, array);
    }
    return QJsonObject{{QStringLiteral("dashboard"), dashboard},
                       {QStringLiteral("from"), from.toString(Qt::ISODate)},
                       {QStringLiteral("to"), to.toString(Qt::ISODate)},
                       {QStringLiteral("branch"), branch.isEmpty() ? QJsonValue() : QJsonValue(branch)},
                       {QStringLiteral("tiles"), tileObject},
                       {QStringLiteral("series"), seriesObject}};
}

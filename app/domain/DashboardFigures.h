#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

// One number of a dashboard: a tile ("in_stock") or a point of a series (key "2026-03-01", "90+").
// Money is exact: `cents` holds it in cents of the database's currency and `value` is cents / 100 (an average
// of money, such as gross per deal, is rounded to the cent in `cents` and kept whole in `value`).
struct DashboardPoint
{
    QString key;
    double value = 0;
    std::optional<qint64> cents;

    bool isMoney() const { return cents.has_value(); }
    bool operator==(const DashboardPoint &other) const = default;
};

using DashboardSeries = QList<DashboardPoint>;

// The figures of one dashboard for one period and branch, as plain values: what the section pages, the
// `forecourt stats` command and the tests read. The names of tiles and series are a contract (toJson() is
// what `forecourt stats --json` prints): more may be added, none renamed.
struct DashboardFigures
{
    QString dashboard; // stock, rentals, sales, vin, operations
    QDate from;        // first and last day of the period, both included
    QDate to;
    QString branch; // a branch code; empty: all branches
    QList<DashboardPoint> tiles;
    QList<std::pair<QString, DashboardSeries>> series; // in the order they are shown

    void addTile(const QString &name, double value);
    void addMoneyTile(const QString &name, double cents); // rounded to the cent in `cents`
    void addSeries(const QString &name, DashboardSeries points);

    const DashboardPoint *tile(const QString &name) const;
    const DashboardSeries *seriesNamed(const QString &name) const;
    // tile(name)->value, or nothing when there is no such tile.
    std::optional<double> tileValue(const QString &name) const;

    // {"dashboard", "from", "to", "branch" (null for all), "tiles": {name: number},
    //  "series": {name: [{"key": text, "value": number}]}}; money in currency units.
    QJsonObject toJson() const;

    static DashboardPoint point(const QString &key, double value);
    static DashboardPoint moneyPoint(const QString &key, double cents);
};

#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <utility>

// What a dashboard page shows of DashboardService's figures: which tiles (with the definition their
// tooltip gives) and which series as which chart. The figures' names are DashboardService's contract.
struct DashboardSpec
{
    Q_DECLARE_TR_FUNCTIONS(DashboardSpec)

public:
    struct Tile
    {
        QString name;
        QString label;
        QString definition; // the tooltip: what the number counts (the README's glossary)
    };
    struct Chart
    {
        enum class Kind { Bars, Lines };
        Chart() = default;
        Chart(QString series, QString title, Kind kind = Kind::Bars, double target = -1, QString targetTile = {})
            : series(std::move(series))
            , title(std::move(title))
            , kind(kind)
            , target(target)
            , targetTile(std::move(targetTile))
        {}
        QString series;
        QString title;
        Kind kind = Kind::Bars;
        double target = -1; // a target line (a share, 0–1), or none when negative
        QString targetTile; // the tile whose value is the target line (a setting), `target` until it is read
    };

    DashboardSpec() = default;
    DashboardSpec(QString dashboard, QString title, bool usesPeriod, QList<Tile> tiles, QList<Chart> charts)
        : dashboard(std::move(dashboard))
        , title(std::move(title))
        , usesPeriod(usesPeriod)
        , tiles(std::move(tiles))
        , charts(std::move(charts))
    {}

    QString dashboard; // DashboardService's name: stock, rentals, sales, vin, operations
    QString title;
    bool usesPeriod = true; // operations shows now, whatever the period
    QList<Tile> tiles;
    QList<Chart> charts;
    // The figures shown only in the table (and CSV), by name and label.
    QList<std::pair<QString, QString>> others;

    // Every tile's and series' label by name, for the table view.
    QHash<QString, QString> labels() const;

    // The five pages, in order.
    static QList<DashboardSpec> all();
};

#pragma once

#include <algorithm>

#include <QDateTime>
#include <QList>
#include <QString>

#include "domain/DashboardFigures.h"

// The Rentals dashboard's lists "now": the rental fleet's idle cars and the overdue rentals, each bounded
// (the first ones in their order) with the count of all of them.
struct IdleCar
{
    qint64 carId = 0;
    QString stockNumber;
    QString make;
    QString model;
    QString branchCode;      // empty: no branch
    QDateTime lastRentalEnd; // the end of its last rental (returned, else booked return); invalid: never rented
};

struct OverdueRental
{
    qint64 bookingId = 0;
    qint64 carId = 0;
    QString stockNumber;
    QString make;
    QString model;
    QString branchCode;
    QString customer;
    QDateTime dueAt; // the booked return
};

struct RentalLists
{
    qint64 idleCount = 0; // every idle car; `idle` holds the first ones by stock number
    QList<IdleCar> idle;
    qint64 overdueCount = 0; // every overdue rental; `overdue` holds the first ones, longest overdue first
    QList<OverdueRental> overdue;
};

// The tile of the idle cars' count: counted with the lists (a "now" read over the whole rental fleet), not with
// the period's figures, so that the figures come first.
inline void setListTiles(DashboardFigures &figures, const RentalLists &lists)
{
    const DashboardPoint idle = DashboardFigures::point(QStringLiteral("idle_cars"), double(lists.idleCount));
    const auto found = std::ranges::find(figures.tiles, idle.key, &DashboardPoint::key);
    if (found == figures.tiles.end())
        figures.tiles << idle;
    else
        *found = idle;
}

#pragma once

#include "domain/DashboardFigures.h"
#include "ui/shell/SectionLink.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

// From a dashboard's figure to exactly the records it counts: a link to the Fleet table, the Bookings list
// or the VIN requests, filtered with DashboardService's definitions, so that the list's count equals the
// figure (a count, or the count behind a share, an average or a sum of money: gross and stock at cost open
// the records with a cost). Figures with no list of records (utilisation, RevPAC, operations, and idle cars,
// which the Rentals page lists itself) give none, and notClickableText() says why.
class DashboardDrill
{
    Q_DECLARE_TR_FUNCTIONS(DashboardDrill)

public:
    // Whether the figure (a tile's or a series' name) of `dashboard` opens a list.
    static bool drills(const QString &dashboard, const QString &figure);
    // What a click on it opens, in a sentence for the accessible description ("Opens the cars in Fleet.").
    static QString opensText(const QString &dashboard);
    // Why a figure that does not drill is not clickable, in a sentence for its tooltip (empty when it drills).
    static QString notClickableText(const QString &dashboard, const QString &figure);

    // The list behind `figure` of `figures` (their dashboard, period and branch); `key` is the point's key of
    // a series, empty for a tile. `title` names it for the list's filter bar ("Days in stock: 61–90").
    // `branchName` names the branch ("Berlin"; empty: all branches).
    static std::optional<SectionLink> link(const DashboardFigures &figures, const QString &figure, const QString &key,
                                           const QString &title, const QString &branchName);
};

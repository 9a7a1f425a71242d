#pragma once

#include "Error.h"
#include "domain/DashboardFigures.h"
#include "domain/DashboardLists.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

class Database;

// The dashboards' targets, shares between 0 and 1, kept for every desk in the settings table
// (dashboard_utilisation_target, dashboard_sold_within_30_days_target).
struct DashboardTargets
{
    double utilisation = 0.70;      // the rental fleet's utilisation
    double soldWithin30Days = 0.55; // the share of sales with at most 30 days to sell

    bool operator==(const DashboardTargets &other) const = default;
};

// Which figures to compute: a period of days (both included) and a branch.
struct DashboardQuery
{
    QDate from;
    QDate to;
    QString branchCode; // empty: all branches (each counting its own days)
    QDateTime now;      // the moment the "now" figures are taken at (stock, fleet, overdue); invalid: now
};

// Where the figures come from: the dash_* tables the database keeps current (migration 0016), or the base
// tables directly. Both follow the same definitions; the second is the baseline the consistency test and
// the benchmark compare with (seconds at a million cars, where the first is milliseconds).
enum class DashboardSource {
    Aggregates,
    BaseTables,
};

// The dashboards' figures, one call per dashboard. Definitions (README glossary):
// - A day is a calendar day in the time zone of the car's branch (UTC for a car without one); all branches
//   add up their own days. A period runs from its first to its last day, both included.
// - Stock ("now"): cars neither sold nor retired. Days in stock: today at the car's branch minus the day it
//   counts as in stock from (acquired on, else listed on, else the day it was created). Stock value at cost
//   counts the cars with a cost. Aging buckets 0-15, 16-30, 31-45, 46-60, 61-90, 90+ days.
// - Rentals: a booking counts unless cancelled or no-show; its booked time runs from the pick-up to the actual
//   return when returned, else the booked return. The rental fleet: cars for rent, neither sold nor retired
//   (now). Utilisation of a day: booked seconds of the fleet's cars within it ÷ (fleet cars × seconds of that
//   day, 23 or 25 hours on a DST day); of a period: the sums over its days. Revenue: totals of the bookings
//   returned within the period (by return day). Rental days: the booked time in days of 24 hours. ADR:
//   revenue ÷ their rental days. RevPAC: revenue ÷ (fleet cars × days in the period). Cancellation rate:
//   cancelled and no-show bookings ÷ all bookings, by pick-up day.
// - Sales: a sale counts unless void, by its sale date, at the branch it was sold from. Days to sell: sale
//   date minus the day the car counted as in stock from. Gross: price minus cost at sale, over the sales with
//   a cost. Sold within 30 days: the share of the period's sales with days to sell ≤ 30.
// - VIN reports: requests by the day (UTC) they were made; a request belongs to no branch, so the branch
//   is not applied. Latency: from request to report, over reports not reused.
// - Operations: the queue and workers now; the period and branch do not apply.
// Blocking: call it on a database thread.
class DashboardService
{
    Q_DECLARE_TR_FUNCTIONS(DashboardService)

public:
    // "stock", "rentals", "sales", "vin", "operations".
    static QStringList dashboards();
    // The dashboard named `dashboard` (one of dashboards()).
    static Result<DashboardFigures> figures(Database &database, const QString &dashboard, const DashboardQuery &query,
                                            DashboardSource source = DashboardSource::Aggregates);
    // figures() as the window shows them at last: the Rentals page's with its lists' counts (setListTiles), which
    // the window reads after the figures (what `forecourt stats` prints).
    static Result<DashboardFigures> figuresWithLists(Database &database, const QString &dashboard,
                                                     const DashboardQuery &query);

    static Result<DashboardFigures> stock(Database &database, const DashboardQuery &query,
                                          DashboardSource source = DashboardSource::Aggregates);
    static Result<DashboardFigures> rentals(Database &database, const DashboardQuery &query,
                                            DashboardSource source = DashboardSource::Aggregates);
    static Result<DashboardFigures> sales(Database &database, const DashboardQuery &query,
                                          DashboardSource source = DashboardSource::Aggregates);
    static Result<DashboardFigures> vin(Database &database, const DashboardQuery &query,
                                        DashboardSource source = DashboardSource::Aggregates);
    static Result<DashboardFigures> operations(Database &database, const DashboardQuery &query,
                                               DashboardSource source = DashboardSource::Aggregates);

    // The Rentals page's lists now (query.now, else the server's now) for the query's branch: the idle cars
    // (the rental fleet's cars neither sold, retired nor out, with no booking other than a cancelled or
    // no-show one meeting the last IdleDays days), by stock number, each with the end of its last rental, and the
    // overdue rentals (out past their booked return), longest overdue first; at most `limit` of each, with the counts
    // of all (the tiles idle_cars and overdue_rentals).
    static Result<RentalLists> rentalLists(Database &database, const DashboardQuery &query, int limit = ListLimit);

    // The targets in force (the defaults where the settings have none).
    static Result<DashboardTargets> targets(Database &database);
    // Writes both targets (each a share from 0 to 1, else InvalidInput and nothing written) and tells every
    // open Forecourt (TargetsChangedKey), whose dashboards read their figures again.
    static Result<void> setTargets(Database &database, const DashboardTargets &targets);
    static constexpr const char *TargetsChangedKey = "settings:dashboard_targets";

    // The key of `day`'s step in the series revenue_over_time of the period from..to: the day ("2026-03-01")
    // for periods of up to 31 days, the ISO week ("2026-W09") for up to six months, else the month ("2026-03").
    static QString revenueStepKey(const QDate &from, const QDate &to, const QDate &day);

    // The aging bucket of a number of days ("0-15" ... "90+"), in the order aging() lists them.
    static QString ageBucket(qint64 days);
    static QStringList ageBuckets();
    // How many makes "by_make" names before "Other".
    static constexpr int TopMakes = 12;
    // How many models "top_models_by_gross" names.
    static constexpr int TopModels = 10;
    // A rental-fleet car with no rental in this many days is idle.
    static constexpr int IdleDays = 5;
    // How many idle cars and overdue rentals the lists show at most.
    static constexpr int ListLimit = 200;
    // The targets when the settings (dashboard_utilisation_target, dashboard_sold_within_30_days_target) have
    // none; the tiles utilisation_target and sold_within_30_days_target give the ones in force.
    static constexpr double DefaultUtilisationTarget = 0.70;
    static constexpr double DefaultSoldWithin30DaysTarget = 0.55;
    // Periods longer than this are refused (the figures are kept for any period up to 24 months).
    static constexpr int MaxPeriodDays = 3 * 366;
};

#pragma once

// The Dashboards section as a manager meets it, at the bench's size: the first chart painted after opening,
// the longest GUI-thread stall while every dashboard is shown for every period and branch choice, and how
// soon a sale made on another connection shows on the open Sales dashboard (through the real change
// listener). Needs a QApplication (offscreen is fine) and a database with the figures.
#include "BenchSupport.h"
#include "db/ConnectionProfile.h"

#include <QString>

namespace bench {

struct DashboardsGuiTimes
{
    double firstChartMs = 0;   // from creating the section to its first chart painted with figures
    double builtMs = 0;        // of which creating the section (its pages, tiles and charts)
    double figuresMs = 0;      // of which until the Stock page had its figures
    double longestStallMs = 0; // on the GUI thread, over everything below
    Stats switchMs;            // a dashboard, period or branch chosen until its figures are shown
    Stats liveMs;              // a sale committed on another connection until the Sales dashboard shows it
    QString failure;           // empty when every step finished
};

DashboardsGuiTimes measureDashboardsSection(const ConnectionProfile &profile, const QStringList &branches,
                                            int liveRounds = 10);

} // namespace bench

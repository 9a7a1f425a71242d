#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

// The dashboards' periods: the toolbar's presets and Custom…, worked out from a day (today at this desk).
// A period runs from its first to its last day, both included.
struct DashboardPeriod
{
    Q_DECLARE_TR_FUNCTIONS(DashboardPeriod)

public:
    enum Preset { Last7Days, Last30Days, ThisMonth, LastMonth, ThisQuarter, YearToDate, Last12Months, Custom };
    static constexpr int PresetCount = Custom + 1;

    QDate from;
    QDate to;

    // The preset's period on `today`; Custom gives nothing of its own (the caller keeps its dates).
    static DashboardPeriod of(Preset preset, const QDate &today);
    // "Last 30 days", "Custom…".
    static QString name(Preset preset);
    // The period of the same length just before this one (what "Compare with the previous period" reads).
    DashboardPeriod previous() const;
    qint64 days() const { return from.daysTo(to) + 1; }
    bool isValid() const { return from.isValid() && to.isValid() && from <= to; }
    // "1 Mar 2026 – 31 Mar 2026" in the locale's short dates.
    QString text() const;
};

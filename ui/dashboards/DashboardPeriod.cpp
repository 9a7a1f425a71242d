#include "ui/dashboards/DashboardPeriod.h"

#include <QLocale>

DashboardPeriod DashboardPeriod::of(Preset preset, const QDate &today)
{
    const QDate monthStart(today.year(), today.month(), 1);
    switch (preset) {
    case Last7Days:
        return {today.addDays(-6), today};
    case Last30Days:
        return {today.addDays(-29), today};
    case ThisMonth:
        return {monthStart, today};
    case LastMonth:
        return {monthStart.addMonths(-1), monthStart.addDays(-1)};
    case ThisQuarter:
        return {QDate(today.year(), (today.month() - 1) / 3 * 3 + 1, 1), today};
    case YearToDate:
        return {QDate(today.year(), 1, 1), today};
    case Last12Months:
        return {today.addMonths(-12).addDays(1), today};
    case Custom:
        break;
    }
    return {};
}

QString DashboardPeriod::name(Preset preset)
{
    switch (preset) {
    case Last7Days:
        return tr("Last 7 days");
    case Last30Days:
        return tr("Last 30 days");
    case ThisMonth:
        return tr("This month");
    case LastMonth:
        return tr("Last month");
    case ThisQuarter:
        return tr("This quarter");
    case YearToDate:
        return tr("Year to date");
    case Last12Months:
        return tr("Last 12 months");
    case Custom:
        return tr("Custom…");
    }
    return {};
}

DashboardPeriod DashboardPeriod::previous() const
{
    return {from.addDays(-days()), from.addDays(-1)};
}

QString DashboardPeriod::text() const
{
    const QLocale locale;
    return tr("%1 – %2").arg(locale.toString(from, QLocale::ShortFormat), locale.toString(to, QLocale::ShortFormat));
}

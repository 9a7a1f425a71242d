#include "ui/dashboards/DashboardDrill.h"

#include "ui/dashboards/DashboardPeriod.h"

namespace {

// A band's key ("61-90", "5000-9999", "90+", "100000+") as its first and last value (none: open).
struct Band
{
    std::optional<qint64> first;
    std::optional<qint64> last;
};

std::optional<Band> bandOf(const QString &key)
{
    bool ok = false;
    if (key.endsWith(QLatin1Char('+'))) {
        const qint64 first = key.chopped(1).toLongLong(&ok);
        // "90+" counts from 91 (DashboardService::ageBucket); a price or mileage band "100000+" from 100000.
        return ok ? std::optional<Band>(Band{first, std::nullopt}) : std::nullopt;
    }
    const QStringList parts = key.split(QLatin1Char('-'));
    if (parts.size() != 2)
        return std::nullopt;
    bool lastOk = false;
    const qint64 first = parts[0].toLongLong(&ok);
    const qint64 last = parts[1].toLongLong(&lastOk);
    if (!ok || !lastOk || last < first)
        return std::nullopt;
    return Band{first, last};
}

// An aging bucket as a range of days: the first bucket holds everything up to its end (a car acquired
// "tomorrow" has -1 days and counts in 0-15), the last ("90+") everything after 90.
std::optional<std::pair<std::optional<int>, std::optional<int>>> agingOf(const QString &key)
{
    const auto band = bandOf(key);
    if (!band)
        return std::nullopt;
    std::optional<int> from;
    std::optional<int> to;
    if (band->last) {
        to = int(*band->last);
        if (*band->first > 0)
            from = int(*band->first);
    } else {
        from = int(*band->first) + 1;
    }
    return std::pair{from, to};
}

// The period's days at UTC: the VIN figures count requests by UTC day.
void setUtcDays(VinRequestFilter &filter, const QDate &from, const QDate &to)
{
    filter.from = QDateTime(from, QTime(0, 0), Qt::UTC);
    filter.to = QDateTime(to.addDays(1), QTime(0, 0), Qt::UTC);
}

const QStringList &countingStatuses()
{
    // A booking counts unless cancelled or no-show.
    static const QStringList statuses = {QStringLiteral("reserved"), QStringLiteral("active"),
                                         QStringLiteral("completed")};
    return statuses;
}

// The days a step of revenue_over_time covers (a day "2026-11-03", an ISO week "2026-W45" or a month
// "2026-11", DashboardService::revenueStepKey), within the period.
std::optional<std::pair<QDate, QDate>> stepDays(const DashboardFigures &figures, const QString &key)
{
    QDate first;
    QDate last;
    if (const QDate day = QDate::fromString(key, Qt::ISODate); day.isValid()) {
        first = last = day;
    } else if (key.size() == 8 && key.at(4) == QLatin1Char('-') && key.at(5) == QLatin1Char('W')) {
        bool yearOk = false;
        bool weekOk = false;
        const int year = key.left(4).toInt(&yearOk);
        const int week = key.mid(6).toInt(&weekOk);
        if (!yearOk || !weekOk || week < 1 || week > 53)
            return std::nullopt;
        const QDate fourthOfJanuary(year, 1, 4); // always in ISO week 1
        first = fourthOfJanuary.addDays(1 - fourthOfJanuary.dayOfWeek() + 7 * (week - 1));
        last = first.addDays(6);
    } else if (const QDate month = QDate::fromString(key + QStringLiteral("-01"), Qt::ISODate); month.isValid()) {
        first = month;
        last = month.addMonths(1).addDays(-1);
    } else {
        return std::nullopt;
    }
    return std::pair{std::max(first, figures.from), std::min(last, figures.to)};
}

std::optional<SectionLink> stockLink(const DashboardFigures &figures, const QString &figure, const QString &key)
{
    SectionLink link{SectionLink::Kind::Cars};
    CarFilter &cars = link.cars;
    if (figure == QLatin1String("top_models_by_sales")) { // the period's sales of the model, as sold
        cars.sale.from = figures.from;
        cars.sale.to = figures.to;
        if (!figures.branch.isEmpty())
            cars.sale.locations = {figures.branch};
        cars.sale.models = {key};
        return link;
    }
    if (figure == QLatin1String("top_models_by_bookings")) {
        // The period's bookings that count (by pick-up day at the car's branch) of the car's make and model.
        SectionLink bookings{SectionLink::Kind::Bookings};
        bookings.bookings.pickupFrom = figures.from;
        bookings.bookings.pickupTo = figures.to;
        bookings.bookings.statuses = countingStatuses();
        bookings.bookings.carLocation = figures.branch;
        bookings.bookings.carModels = {key};
        return bookings;
    }
    cars.inStock = true;
    if (!figures.branch.isEmpty())
        cars.locations = {figures.branch};
    if (figure == QLatin1String("in_stock") || figure == QLatin1String("stock_value_list") ||
        figure == QLatin1String("avg_days_in_stock"))
        return link;
    if (figure == QLatin1String("stock_value_cost")) { // the cars in stock that have a cost
        cars.withCost = true;
        return link;
    }
    if (figure == QLatin1String("over_90_days")) {
        cars.daysInStockFrom = 91;
        return link;
    }
    if (figure == QLatin1String("rental_fleet")) {
        cars.forRent = true;
        return link;
    }
    if (figure == QLatin1String("by_make")) {
        if (key == QLatin1String("Other")) {
            // The makes not named on the chart.
            const DashboardSeries *named = figures.seriesNamed(figure);
            if (!named)
                return std::nullopt;
            for (const DashboardPoint &point : *named)
                if (point.key != QLatin1String("Other"))
                    cars.makesExcluded << point.key;
        } else {
            cars.makes = {key};
        }
        return link;
    }
    if (figure == QLatin1String("by_body_type")) {
        cars.bodyTypes = {key};
        return link;
    }
    if (figure == QLatin1String("by_fuel_type")) {
        cars.fuelTypes = {key};
        return link;
    }
    if (figure == QLatin1String("aging")) {
        const auto days = agingOf(key);
        if (!days)
            return std::nullopt;
        cars.daysInStockFrom = days->first;
        cars.daysInStockTo = days->second;
        return link;
    }
    auto band = bandOf(key);
    if (!band)
        return std::nullopt;
    if (band->first == 0)
        band->first.reset(); // prices and mileages are never negative; the filter panel reads 0 as "any"
    if (figure == QLatin1String("price_bands")) {
        // A band holds the prices from its first to just below the next band (a price has cents).
        cars.priceFrom = band->first;
        if (band->last)
            cars.priceBelow = *band->last + 1;
        return link;
    }
    if (figure == QLatin1String("mileage_bands")) {
        cars.mileageFrom = band->first;
        cars.mileageTo = band->last;
        return link;
    }
    return std::nullopt;
}

std::optional<SectionLink> rentalsLink(const DashboardFigures &figures, const QString &figure, const QString &key)
{
    SectionLink link{SectionLink::Kind::Bookings};
    BookingFilter &bookings = link.bookings;
    bookings.carLocation = figures.branch;
    const auto pickedUp = [&](QStringList statuses) {
        bookings.pickupFrom = figures.from;
        bookings.pickupTo = figures.to;
        bookings.statuses = std::move(statuses);
        return link;
    };
    const auto returned = [&](const QDate &from, const QDate &to) {
        bookings.returnedFrom = from;
        bookings.returnedTo = to;
        bookings.statuses = countingStatuses();
        return link;
    };
    if (figure == QLatin1String("bookings"))
        return pickedUp({});
    if (figure == QLatin1String("bookings_by_status"))
        return pickedUp({key});
    if (figure == QLatin1String("cancellation_rate"))
        return pickedUp({QStringLiteral("cancelled"), QStringLiteral("no_show")});
    if (figure == QLatin1String("no_show_rate"))
        return pickedUp({QStringLiteral("no_show")});
    if (figure == QLatin1String("revenue") || figure == QLatin1String("adr") ||
        figure == QLatin1String("avg_rental_days") || figure == QLatin1String("returned"))
        return returned(figures.from, figures.to);
    if (figure == QLatin1String("revenue_by_day") || figure == QLatin1String("revenue_over_time")) {
        const auto days = stepDays(figures, key);
        if (!days)
            return std::nullopt;
        return returned(days->first, days->second);
    }
    if (figure == QLatin1String("overdue_rentals")) {
        bookings.overdueOnly = true;
        return link;
    }
    return std::nullopt;
}

std::optional<SectionLink> salesLink(const DashboardFigures &figures, const QString &figure, const QString &key)
{
    SectionLink link{SectionLink::Kind::Cars};
    CarSaleFilter &sale = link.cars.sale;
    sale.from = figures.from;
    sale.to = figures.to;
    if (!figures.branch.isEmpty())
        sale.locations = {figures.branch};
    if (figure == QLatin1String("units") || figure == QLatin1String("avg_days_to_sell") ||
        figure == QLatin1String("revenue"))
        return link;
    if (figure == QLatin1String("gross_total") || figure == QLatin1String("gross_per_deal")) {
        sale.withCost = true; // gross is taken over the sales with a cost
        return link;
    }
    if (figure == QLatin1String("sold_within_30_days")) {
        sale.daysToSellTo = 30;
        return link;
    }
    if (figure == QLatin1String("units_by_month") || figure == QLatin1String("sold_within_30_days_by_month")) {
        const QDate month = QDate::fromString(key + QStringLiteral("-01"), Qt::ISODate);
        if (!month.isValid())
            return std::nullopt;
        // The month's days within the period.
        sale.from = std::max(figures.from, month);
        sale.to = std::min(figures.to, month.addMonths(1).addDays(-1));
        if (figure == QLatin1String("sold_within_30_days_by_month"))
            sale.daysToSellTo = 30;
        return link;
    }
    if (figure == QLatin1String("units_by_day")) {
        const QDate day = QDate::fromString(key, Qt::ISODate);
        if (!day.isValid())
            return std::nullopt;
        sale.from = sale.to = day;
        return link;
    }
    if (figure == QLatin1String("gross_by_age") || figure == QLatin1String("units_by_age")) {
        const auto days = agingOf(key);
        if (!days)
            return std::nullopt;
        sale.daysToSellFrom = days->first;
        sale.daysToSellTo = days->second;
        return link;
    }
    if (figure == QLatin1String("top_models_by_gross")) {
        sale.models = {key};
        return link;
    }
    if (figure == QLatin1String("units_by_salesperson") || figure == QLatin1String("gross_by_salesperson")) {
        sale.salespeople = {key};
        return link;
    }
    return std::nullopt;
}

std::optional<SectionLink> vinLink(const DashboardFigures &figures, const QString &figure, const QString &key)
{
    SectionLink link{SectionLink::Kind::VinRequests};
    VinRequestFilter &requests = link.vinRequests;
    setUtcDays(requests, figures.from, figures.to);
    const QString failed = QStringLiteral("failed");
    const QString done = QStringLiteral("done");
    if (figure == QLatin1String("requests"))
        return link;
    if (figure == QLatin1String("failed") || figure == QLatin1String("failure_rate")) {
        requests.statuses = {failed};
        return link;
    }
    if (figure == QLatin1String("done")) {
        requests.statuses = {done};
        return link;
    }
    if (figure == QLatin1String("reused") || figure == QLatin1String("avg_latency_seconds")) {
        // Latency is taken over the reports not reused.
        requests.statuses = {done};
        requests.reused = figure == QLatin1String("reused");
        return link;
    }
    if (figure == QLatin1String("requests_by_day") || figure == QLatin1String("failures_by_day")) {
        const QDate day = QDate::fromString(key, Qt::ISODate);
        if (!day.isValid())
            return std::nullopt;
        setUtcDays(requests, day, day);
        if (figure == QLatin1String("failures_by_day"))
            requests.statuses = {failed};
        return link;
    }
    if (figure == QLatin1String("findings")) {
        requests.findings = key;
        return link;
    }
    return std::nullopt;
}

} // namespace

bool DashboardDrill::drills(const QString &dashboard, const QString &figure)
{
    // A figure drills when it gives a link for a key of its kind (the key only shapes the filter).
    DashboardFigures probe;
    probe.dashboard = dashboard;
    probe.from = probe.to = QDate(2000, 1, 1);
    const QString key = figure == QLatin1String("aging") || figure.endsWith(QLatin1String("_by_age"))
                            ? QStringLiteral("0-15")
                        : figure.endsWith(QLatin1String("_bands"))    ? QStringLiteral("0-4999")
                        : figure.endsWith(QLatin1String("_by_month")) ? QStringLiteral("2000-01")
                        : figure.endsWith(QLatin1String("_by_day")) || figure == QLatin1String("revenue_over_time")
                            ? QStringLiteral("2000-01-01")
                            : QStringLiteral("x");
    probe.addSeries(figure, {DashboardFigures::point(key, 0)});
    return link(probe, figure, key, {}, {}).has_value();
}

QString DashboardDrill::notClickableText(const QString &dashboard, const QString &figure)
{
    if (drills(dashboard, figure))
        return {};
    if (dashboard == QLatin1String("operations"))
        return tr("Not clickable: a reading of the event queue and the database now, not a list of records.");
    if (figure == QLatin1String("idle_cars"))
        return tr("Not clickable here: the Idle cars list below names these cars; open one with a double-click.");
    if (figure.startsWith(QLatin1String("utilisation")))
        return tr("Not clickable: a share of the fleet's hours, not a list of records.");
    if (figure == QLatin1String("revpac"))
        return tr("Not clickable: revenue per car and day of the whole fleet, not a list of records.");
    return tr("Not clickable: this figure is not a list of records.");
}

QString DashboardDrill::opensText(const QString &dashboard)
{
    if (dashboard == QLatin1String("rentals"))
        return tr("Opens these bookings in Bookings.");
    if (dashboard == QLatin1String("vin"))
        return tr("Opens these requests in VIN reports.");
    return tr("Opens these cars in Fleet.");
}

std::optional<SectionLink> DashboardDrill::link(const DashboardFigures &figures, const QString &figure,
                                                const QString &key, const QString &title, const QString &branchName)
{
    std::optional<SectionLink> link;
    if (figures.dashboard == QLatin1String("stock"))
        link = stockLink(figures, figure, key);
    else if (figures.dashboard == QLatin1String("rentals"))
        link = rentalsLink(figures, figure, key);
    else if (figures.dashboard == QLatin1String("sales"))
        link = salesLink(figures, figure, key);
    else if (figures.dashboard == QLatin1String("vin"))
        link = vinLink(figures, figure, key);
    if (!link)
        return link;
    // "Days in stock: 61-90, Berlin"; a period's figure names its period too.
    QStringList parts{title};
    const bool ofPeriod = figures.dashboard != QLatin1String("stock") || figure.startsWith(QLatin1String("top_"));
    if (ofPeriod && figure != QLatin1String("overdue_rentals"))
        parts << DashboardPeriod{figures.from, figures.to}.text();
    if (figures.dashboard != QLatin1String("vin"))
        parts << (branchName.isEmpty() ? (figures.branch.isEmpty() ? tr("all branches") : figures.branch) : branchName);
    parts.removeAll(QString());
    link->title = parts.join(QStringLiteral(", "));
    return link;
}

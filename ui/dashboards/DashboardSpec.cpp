#include "ui/dashboards/DashboardSpec.h"

namespace {
using Kind = DashboardSpec::Chart::Kind;
} // namespace

QHash<QString, QString> DashboardSpec::labels() const
{
    QHash<QString, QString> labels;
    for (const Tile &tile : tiles)
        labels.insert(tile.name, tile.label);
    for (const Chart &chart : charts)
        labels.insert(chart.series, chart.title);
    for (const auto &[name, label] : others)
        labels.insert(name, label);
    return labels;
}

QList<DashboardSpec> DashboardSpec::all()
{
    const QString dayRule = tr("A day is a calendar day at the car's branch; all branches add up their own days.");
    DashboardSpec stock{
        QStringLiteral("stock"),
        tr("Stock"),
        false,
        {{QStringLiteral("in_stock"), tr("Cars in stock"), tr("Cars neither sold nor retired, now.")},
         {QStringLiteral("stock_value_list"), tr("Stock value (list)"), tr("The list prices of the cars in stock.")},
         {QStringLiteral("stock_value_cost"), tr("Stock value (cost)"),
          tr("The costs of the cars in stock that have a cost.")},
         {QStringLiteral("avg_days_in_stock"), tr("Average days in stock"),
          tr("Today minus the day a car counts as in stock from: acquired on, else listed on, else the day it "
             "was created.")},
         {QStringLiteral("over_90_days"), tr("Over 90 days"), tr("Cars in stock for more than 90 days.")}},
        {{QStringLiteral("by_make"), tr("Stock by make"), Kind::Bars},
         {QStringLiteral("aging"), tr("Days in stock"), Kind::Bars},
         {QStringLiteral("by_body_type"), tr("Stock by body type"), Kind::Bars},
         {QStringLiteral("by_fuel_type"), tr("Stock by fuel"), Kind::Bars},
         {QStringLiteral("price_bands"), tr("List prices"), Kind::Bars},
         {QStringLiteral("mileage_bands"), tr("Mileage"), Kind::Bars},
         {QStringLiteral("top_models_by_bookings"), tr("Most booked models in the period"), Kind::Bars},
         {QStringLiteral("top_models_by_sales"), tr("Best-selling models in the period"), Kind::Bars}}};
    DashboardSpec rentals{
        QStringLiteral("rentals"),
        tr("Rentals"),
        true,
        {{QStringLiteral("utilisation"), tr("Utilisation"),
          tr("Booked hours of the rental fleet's cars ÷ (fleet cars × hours of each day), over the period. ") +
              dayRule},
         {QStringLiteral("revenue"), tr("Revenue"), tr("Charges of the bookings returned within the period.")},
         {QStringLiteral("revpac"), tr("RevPAC"), tr("Revenue ÷ (rental fleet cars × days in the period).")},
         {QStringLiteral("adr"), tr("ADR"), tr("Revenue ÷ the rental days of the bookings returned.")},
         {QStringLiteral("cancellation_rate"), tr("Cancelled or no-show"),
          tr("Cancelled and no-show bookings ÷ all bookings, by pick-up day in the period.")},
         {QStringLiteral("avg_rental_days"), tr("Average rental (days)"),
          tr("The booked time of the bookings returned in the period, in days, per booking.")},
         {QStringLiteral("overdue_rentals"), tr("Overdue now"), tr("Rentals past their return time, now.")},
         {QStringLiteral("idle_cars"), tr("Idle cars now"),
          tr("Rental fleet cars not out now and with no rental in the last 5 days.")}},
        {{QStringLiteral("utilisation_by_day"), tr("Utilisation by day"), Kind::Lines, 0.70,
          QStringLiteral("utilisation_target")},
         {QStringLiteral("revenue_over_time"), tr("Revenue (by day, week or month)"), Kind::Bars},
         {QStringLiteral("bookings_by_status"), tr("Bookings by status"), Kind::Bars}}};
    DashboardSpec sales{
        QStringLiteral("sales"),
        tr("Sales"),
        true,
        {{QStringLiteral("units"), tr("Cars sold"), tr("Sales in the period by sale date, void ones left out.")},
         {QStringLiteral("avg_days_to_sell"), tr("Average days to sell"),
          tr("Sale date minus the day the car counted as in stock from.")},
         {QStringLiteral("gross_per_deal"), tr("Gross per deal"),
          tr("Sale price minus cost at sale, over the sales with a cost.")},
         {QStringLiteral("gross_total"), tr("Gross"), tr("Sale price minus cost at sale, summed.")},
         {QStringLiteral("sold_within_30_days"), tr("Sold within 30 days"),
          tr("The share of the period's sales with at most 30 days to sell.")}},
        {{QStringLiteral("units_by_month"), tr("Cars sold by month"), Kind::Bars},
         {QStringLiteral("sold_within_30_days_by_month"), tr("Sold within 30 days by month"), Kind::Bars, 0.55,
          QStringLiteral("sold_within_30_days_target")},
         {QStringLiteral("gross_by_age"), tr("Gross by age at sale"), Kind::Bars},
         {QStringLiteral("top_models_by_gross"), tr("Top models by gross"), Kind::Bars},
         {QStringLiteral("units_by_salesperson"), tr("Cars sold by salesperson"), Kind::Bars}}};
    DashboardSpec vin{
        QStringLiteral("vin"),
        tr("VIN reports"),
        true,
        {{QStringLiteral("requests"), tr("Requests"), tr("VIN report requests made in the period (UTC days).")},
         {QStringLiteral("failed"), tr("Failed"), tr("Requests that failed.")},
         {QStringLiteral("failure_rate"), tr("Failure rate"), tr("Failed ÷ (done + failed).")},
         {QStringLiteral("avg_latency_seconds"), tr("Provider latency (s)"),
          tr("From request to report, over the reports not reused.")}},
        {{QStringLiteral("requests_by_day"), tr("Requests by day"), Kind::Lines},
         {QStringLiteral("findings"), tr("Share with findings"), Kind::Bars},
         {QStringLiteral("failures_by_day"), tr("Failures by day"), Kind::Lines}}};
    DashboardSpec operations{
        QStringLiteral("operations"),
        tr("Operations"),
        false,
        {{QStringLiteral("events_per_minute"), tr("Events handled per minute"),
          tr("Events handled in the last minute.")},
         {QStringLiteral("queue_lag_seconds"), tr("Queue lag (s)"), tr("How long the oldest due event has waited.")},
         {QStringLiteral("failed_events"), tr("Failed events"), tr("Events that gave up (dead letters).")},
         {QStringLiteral("workers_alive"), tr("Workers alive"), tr("Workers with a recent heartbeat.")},
         {QStringLiteral("database_bytes"), tr("Database size (bytes)"), tr("The database's size on disk.")}},
        {{QStringLiteral("handled_by_minute"), tr("Events handled by minute"), Kind::Lines}}};
    stock.others = {{QStringLiteral("with_cost"), tr("Cars with a cost")},
                    {QStringLiteral("rental_fleet"), tr("Rental fleet cars")},
                    {QStringLiteral("top_makes_by_bookings"), tr("Most booked makes in the period")},
                    {QStringLiteral("top_makes_by_sales"), tr("Best-selling makes in the period")}};
    rentals.others = {{QStringLiteral("no_show_rate"), tr("No-show rate")},
                      {QStringLiteral("bookings"), tr("Bookings (by pick-up day)")},
                      {QStringLiteral("returned"), tr("Bookings returned")},
                      {QStringLiteral("rental_fleet"), tr("Rental fleet cars")},
                      {QStringLiteral("booked_hours"), tr("Booked hours")},
                      {QStringLiteral("utilisation_target"), tr("Utilisation target")},
                      {QStringLiteral("revenue_by_day"), tr("Revenue by day")}};
    sales.others = {{QStringLiteral("revenue"), tr("Sales revenue")},
                    {QStringLiteral("with_cost"), tr("Sales with a cost")},
                    {QStringLiteral("units_by_day"), tr("Cars sold by day")},
                    {QStringLiteral("units_by_age"), tr("Cars sold by age at sale")},
                    {QStringLiteral("gross_by_salesperson"), tr("Gross by salesperson")},
                    {QStringLiteral("sold_within_30_days_target"), tr("Sold within 30 days: target")}};
    vin.others = {{QStringLiteral("done"), tr("Reports made")}, {QStringLiteral("reused"), tr("Reports reused")}};
    operations.others = {{QStringLiteral("failed_per_minute"), tr("Events failed per minute")},
                         {QStringLiteral("queue_pending"), tr("Events waiting")}};
    return {stock, rentals, sales, vin, operations};
}

#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/DatabaseThread.h"
#include "models/BookingListModel.h"
#include "models/CarTableModel.h"
#include "models/VinRequestListModel.h"
#include "services/DashboardService.h"
#include "services/SalesService.h"
#include "ui/bookings/BookingsPage.h"
#include "ui/common/FigureFilterBar.h"
#include "ui/dashboards/DashboardDrill.h"
#include "ui/dashboards/DashboardPage.h"
#include "ui/dashboards/DashboardsSection.h"
#include "ui/fleet/FleetPage.h"
#include "ui/vin/VinReportsPage.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

// A click on a dashboard's figure opens Fleet, Bookings or VIN reports filtered to exactly the records it
// counts: the list's true count (the model's, read by its own count query) equals the figure.
class TestDashboardDrill : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DatabaseThread> m_thread;
    std::unique_ptr<DashboardsSection> m_dashboards;
    std::unique_ptr<FleetPage> m_fleet;
    std::unique_ptr<BookingsPage> m_bookings;
    std::unique_ptr<VinReportsPage> m_vin;

    QString query(const std::string &sql) { return scalarOn(*m_thread, sql); }

    bool show(const QString &dashboard)
    {
        m_dashboards->showDashboard(dashboard);
        return QTest::qWaitFor([&] { return m_dashboards->isCurrent(dashboard); }, 20000);
    }

    DashboardPage *page(const QString &dashboard) const { return m_dashboards->page(dashboard); }
    const DashboardFigures &figures(const QString &dashboard) const { return page(dashboard)->model()->figures(); }

    int chartIndex(const QString &dashboard, const QString &series) const
    {
        const QList<DashboardSpec::Chart> &charts = page(dashboard)->spec().charts;
        for (int i = 0; i < charts.size(); ++i)
            if (charts.at(i).series == series)
                return i;
        return -1;
    }

    // What the section asks the window to open when `emitClick` clicks a figure.
    template <typename Click> std::optional<SectionLink> linkOf(Click emitClick)
    {
        QSignalSpy requested(m_dashboards.get(), &Section::linkRequested);
        emitClick();
        if (requested.size() != 1)
            return std::nullopt;
        return requested.first().first().value<SectionLink>();
    }

    // A click on bar `index` of the chart of `series` (QBarSet::clicked, as Qt Charts sends it).
    std::optional<SectionLink> clickBar(const QString &dashboard, const QString &series, int index)
    {
        const int chart = chartIndex(dashboard, series);
        if (chart < 0)
            return std::nullopt;
        auto *bars = qobject_cast<QBarSeries *>(page(dashboard)->chartView(chart)->chart()->series().first());
        if (!bars)
            return std::nullopt;
        QBarSet *set = bars->barSets().first();
        return linkOf([&] { emit set->clicked(index); });
    }

    // A click on the line of `series` at the point of `key` (a day), as QXYSeries::clicked sends it.
    std::optional<SectionLink> clickPoint(const QString &dashboard, const QString &series, const QString &key)
    {
        const int chart = chartIndex(dashboard, series);
        if (chart < 0)
            return std::nullopt;
        auto *line = qobject_cast<QLineSeries *>(page(dashboard)->chartView(chart)->chart()->series().first());
        const qreal x = qreal(QDate::fromString(key, Qt::ISODate).startOfDay().toMSecsSinceEpoch());
        return linkOf([&] { emit line->clicked(QPointF(x + 3600 * 1000, 0)); }); // an hour off: the nearest
    }

    // Enter on a tile (keyboard), or a click on it (mouse).
    std::optional<SectionLink> pressTile(const QString &dashboard, const QString &tile, bool mouse = false)
    {
        auto *frame = page(dashboard)->findChild<QWidget *>(tile + QStringLiteral("Tile"));
        if (!frame)
            return std::nullopt;
        return linkOf([&] {
            if (mouse)
                QTest::mouseClick(frame, Qt::LeftButton);
            else
                QTest::keyClick(frame, Qt::Key_Return);
        });
    }

    // Applies `link` to the section that opens it; the list's true count once read, or -1.
    qint64 countOf(const SectionLink &link)
    {
        const auto settled = [](const PagedTableModel *model) {
            return QTest::qWaitFor([model] { return model->isStarted() && !model->isReading(); }, 20000);
        };
        switch (link.kind) {
        case SectionLink::Kind::Cars:
            if (!m_fleet->opens(link.kind))
                return -1;
            m_fleet->open(link);
            // The filter applied is the link's: the panel shows it and leaves it as it is.
            if (m_fleet->model()->query().filter != link.cars || !settled(m_fleet->model()))
                return -1;
            return m_fleet->model()->rowCount();
        case SectionLink::Kind::Bookings:
            if (!m_bookings->opens(link.kind))
                return -1;
            m_bookings->open(link);
            if (m_bookings->listModel()->query().filter != link.bookings || !settled(m_bookings->listModel()))
                return -1;
            return m_bookings->listModel()->rowCount();
        case SectionLink::Kind::VinRequests:
            if (!m_vin->opens(link.kind))
                return -1;
            m_vin->open(link);
            if (m_vin->model()->query() != link.vinRequests || !settled(m_vin->model()))
                return -1;
            return m_vin->model()->rowCount();
        default:
            return -1;
        }
    }

    static qint64 whole(double value) { return qint64(std::llround(value)); }

    // Every bar of `series` opens exactly its count; returns how many bars were not empty.
    int checkEveryBar(const QString &dashboard, const QString &series, const QString &countSeries = {})
    {
        const DashboardSeries points = *figures(dashboard).seriesNamed(series);
        const DashboardSeries *counts = figures(dashboard).seriesNamed(countSeries.isEmpty() ? series : countSeries);
        int shown = 0;
        for (int i = 0; i < points.size(); ++i) {
            const auto link = clickBar(dashboard, series, i);
            if (!link) {
                qWarning("%s: no link for %s", qPrintable(series), qPrintable(points.at(i).key));
                return -1;
            }
            const auto count = std::ranges::find(*counts, points.at(i).key, &DashboardPoint::key);
            const qint64 expected = count == counts->end() ? 0 : whole(count->value);
            const qint64 listed = countOf(*link);
            if (listed != expected) {
                qWarning("%s %s: the list has %lld, the figure says %lld (%s)", qPrintable(series),
                         qPrintable(points.at(i).key), listed, expected, qPrintable(link->title));
                return -1;
            }
            shown += expected > 0 ? 1 : 0;
        }
        return shown;
    }

private slots:
    void initTestCase()
    {
        useTestSettings(QStringLiteral("tst_dashboarddrill"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        const QString error = openDemoDatabase(m_db, m_thread, QStringLiteral("dashboarddrill"), 400);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(query("UPDATE settings SET value = '\"\"' WHERE key = 'vin_vpic_url' RETURNING key"),
                 QStringLiteral("vin_vpic_url"));
        // VIN requests over the last 18 days: done (some reused, their reports with findings of each kind),
        // failed and pending.
        QCOMPARE(query("WITH r AS (INSERT INTO vin_reports (vin, provider, simulated, accidents, rollback_suspected, "
                       "  stolen, title_brands, report) "
                       "  SELECT 'WVWZZZ1KZAW' || lpad(i::text, 6, '0'), 'simulated', true, (i % 3 = 0)::integer * 2, "
                       "    i % 4 = 1, i % 7 = 0, CASE WHEN i % 5 = 0 THEN ARRAY['salvage'] ELSE '{}' END, '{}' "
                       "  FROM generate_series(1, 60) i WHERE i % 4 IN (0, 1) RETURNING 1) SELECT count(*) FROM r"),
                 QStringLiteral("30"));
        QCOMPARE(
            query("WITH q AS (INSERT INTO vin_requests (batch_id, vin, requested_at, status, finished_at, error, "
                  "  report_id, reused) "
                  "  SELECT 1, v.vin, now() - (i * 7 || ' hours')::interval, "
                  "    CASE i % 4 WHEN 2 THEN 'failed' WHEN 3 THEN 'pending' ELSE 'done' END, "
                  "    CASE WHEN i % 4 <> 3 THEN now() - (i * 7 || ' hours')::interval + (i || ' seconds')::interval "
                  "    END, CASE WHEN i % 4 = 2 THEN 'no answer' END, "
                  "    (SELECT max(id) FROM vin_reports r WHERE r.vin = v.vin AND i % 4 IN (0, 1)), "
                  "    i % 8 = 0 "
                  "  FROM generate_series(1, 60) i CROSS JOIN LATERAL (SELECT 'WVWZZZ1KZAW' || lpad(i::text, 6, "
                  "'0') AS vin) v RETURNING 1) SELECT count(*) FROM q"),
            QStringLiteral("60"));

        const SectionContext context{m_thread.get(), nullptr};
        m_dashboards = std::make_unique<DashboardsSection>(context);
        m_fleet = std::make_unique<FleetPage>(context);
        m_bookings = std::make_unique<BookingsPage>(context);
        m_vin = std::make_unique<VinReportsPage>(context);
        for (QWidget *widget :
             std::initializer_list<QWidget *>{m_dashboards.get(), m_fleet.get(), m_bookings.get(), m_vin.get()}) {
            widget->resize(1280, 800);
            widget->show();
        }
        const Session session = loadSession(*m_thread);
        QSignalSpy shown(m_dashboards.get(), &DashboardsSection::figuresShown);
        m_dashboards->activate(session);
        QVERIFY(shown.wait(20000));
        m_fleet->activate(session);
        m_bookings->activate(session);
        m_vin->activate(session);
        QTRY_VERIFY_WITH_TIMEOUT(m_fleet->model()->isStarted() && !m_fleet->model()->isReading(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_bookings->isLoading(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_vin->isLoading(), 20000);
    }

    void cleanupTestCase()
    {
        m_vin.reset();
        m_bookings.reset();
        m_fleet.reset();
        m_dashboards.reset();
        m_thread.reset();
        m_db.reset();
    }

    // Stock: the tiles (keyboard and mouse) and every bar of every chart, for all branches and for one.
    void stockFiguresOpenExactlyTheirCars()
    {
        const QString stock = QStringLiteral("stock");
        for (const QString &branch : {QString(), query("SELECT code FROM branches ORDER BY code LIMIT 1")}) {
            m_dashboards->setBranch(branch);
            QVERIFY(show(stock));
            QCOMPARE(figures(stock).branch, branch);
            for (const QString &tile : {QStringLiteral("in_stock"), QStringLiteral("over_90_days")}) {
                const auto link = pressTile(stock, tile, tile == QLatin1String("over_90_days"));
                QVERIFY2(link, qPrintable(tile));
                QCOMPARE(link->kind, SectionLink::Kind::Cars);
                QCOMPARE(countOf(*link), whole(*figures(stock).tileValue(tile)));
            }
            QVERIFY(*figures(stock).tileValue(QStringLiteral("in_stock")) > 20);
            for (const QString &series :
                 {QStringLiteral("by_make"), QStringLiteral("by_body_type"), QStringLiteral("by_fuel_type"),
                  QStringLiteral("aging"), QStringLiteral("price_bands"), QStringLiteral("mileage_bands")}) {
                const int bars = checkEveryBar(stock, series);
                QVERIFY2(bars > (series == QLatin1String("aging") ? 2 : 1), qPrintable(series));
            }
        }
        // "Other" makes: the makes not named on the chart.
        m_dashboards->setBranch({});
        QVERIFY(show(stock));
        const DashboardSeries makes = *figures(stock).seriesNamed(QStringLiteral("by_make"));
        QCOMPARE(makes.last().key, QStringLiteral("Other"));
        const auto other = clickBar(stock, QStringLiteral("by_make"), int(makes.size() - 1));
        QVERIFY(other);
        QCOMPARE(other->cars.makesExcluded.size(), DashboardService::TopMakes);
        QCOMPARE(countOf(*other), whole(makes.last().value));
        // The list says which filter it shows; Clear shows the whole fleet again.
        const auto aging = clickBar(stock, QStringLiteral("aging"), 4); // 61-90
        QVERIFY(aging);
        QCOMPARE(aging->title, QStringLiteral("Days in stock: 61-90, all branches"));
        QCOMPARE(countOf(*aging), whole(figures(stock).seriesNamed(QStringLiteral("aging"))->at(4).value));
        QVERIFY(m_fleet->figureFilterBar()->isVisible());
        QVERIFY(m_fleet->figureFilterBar()->findChild<QLabel *>()->text().contains(aging->title));
        saveScreenshot(m_fleet.get(), QStringLiteral("drill_fleet_aging"));
        QTest::mouseClick(m_fleet->figureFilterBar()->findChild<QPushButton *>(), Qt::LeftButton);
        QVERIFY(!m_fleet->figureFilterBar()->isVisible());
        QCOMPARE(m_fleet->model()->query().filter, CarFilter());
        QTRY_VERIFY_WITH_TIMEOUT(!m_fleet->model()->isReading(), 20000);
        QCOMPARE(m_fleet->model()->rowCount(), 400);
    }

    // Sales: the cars sold in the period, by month, by salesperson, by age at sale, within 30 days.
    void salesFiguresOpenExactlyTheCarsSold()
    {
        const QString sales = QStringLiteral("sales");
        m_dashboards->setBranch({});
        m_dashboards->setPeriod(DashboardPeriod::Last12Months);
        QVERIFY(show(sales));
        const qint64 units = whole(*figures(sales).tileValue(QStringLiteral("units")));
        QVERIFY(units > 10);
        const auto all = pressTile(sales, QStringLiteral("units"));
        QVERIFY(all);
        QCOMPARE(all->kind, SectionLink::Kind::Cars);
        QCOMPARE(countOf(*all), units);
        const auto within30 = pressTile(sales, QStringLiteral("sold_within_30_days"), true);
        QVERIFY(within30);
        QCOMPARE(countOf(*within30),
                 whole(*figures(sales).tileValue(QStringLiteral("sold_within_30_days")) * double(units)));
        QVERIFY(checkEveryBar(sales, QStringLiteral("units_by_month")) >= 6);
        QVERIFY(checkEveryBar(sales, QStringLiteral("units_by_salesperson")) >= 2);
        // Gross by age: the cars behind each bar are the sales of that age.
        QVERIFY(checkEveryBar(sales, QStringLiteral("gross_by_age"), QStringLiteral("units_by_age")) >= 3);
        const auto model = clickBar(sales, QStringLiteral("top_models_by_gross"), 0);
        QVERIFY(model);
        QCOMPARE(model->cars.sale.models,
                 QStringList{figures(sales).seriesNamed(QStringLiteral("top_models_by_gross"))->first().key});
        QVERIFY(countOf(*model) > 0);
        // One branch: the branch the car was sold from.
        m_dashboards->setBranch(query("SELECT b.code FROM car_sales s JOIN branches b ON b.id = s.branch_id "
                                      "WHERE s.voided_at IS NULL AND s.sold_on > current_date - 300 "
                                      "GROUP BY b.code ORDER BY count(*) DESC, b.code LIMIT 1"));
        QVERIFY(show(sales));
        const auto branch = pressTile(sales, QStringLiteral("units"));
        QVERIFY(branch);
        QCOMPARE(countOf(*branch), whole(*figures(sales).tileValue(QStringLiteral("units"))));
        QVERIFY(checkEveryBar(sales, QStringLiteral("units_by_month")) >= 1);
        m_dashboards->setBranch({});
    }

    // Rentals: bookings by status (by pick-up day at the car's branch), cancellations, returns, overdue.
    void rentalFiguresOpenExactlyTheirBookings()
    {
        const QString rentals = QStringLiteral("rentals");
        m_dashboards->setPeriod(DashboardPeriod::Last30Days);
        QVERIFY(show(rentals));
        QVERIFY(checkEveryBar(rentals, QStringLiteral("bookings_by_status")) >= 2);
        const DashboardFigures &shown = figures(rentals);
        const auto cancelled = pressTile(rentals, QStringLiteral("cancellation_rate"));
        QVERIFY(cancelled);
        QCOMPARE(cancelled->kind, SectionLink::Kind::Bookings);
        QCOMPARE(countOf(*cancelled), whole(*shown.tileValue(QStringLiteral("cancellation_rate")) *
                                            *shown.tileValue(QStringLiteral("bookings"))));
        const auto revenue = pressTile(rentals, QStringLiteral("revenue"));
        QVERIFY(revenue);
        QVERIFY(*shown.tileValue(QStringLiteral("returned")) > 0);
        QCOMPARE(countOf(*revenue), whole(*shown.tileValue(QStringLiteral("returned"))));
        QVERIFY(m_bookings->figureFilterBar()->isVisible());
        saveScreenshot(m_bookings.get(), QStringLiteral("drill_bookings_returned"));
        const auto overdue = pressTile(rentals, QStringLiteral("overdue_rentals"));
        QVERIFY(overdue);
        QCOMPARE(countOf(*overdue), whole(*shown.tileValue(QStringLiteral("overdue_rentals"))));
        // A day of the revenue bars (per day for 30 days): the bookings returned that day.
        const DashboardSeries &days = *shown.seriesNamed(QStringLiteral("revenue_over_time"));
        const auto day = std::ranges::find_if(days, [](const DashboardPoint &point) { return point.value > 0; });
        QVERIFY(day != days.end());
        const auto returned = clickBar(rentals, QStringLiteral("revenue_over_time"), int(day - days.begin()));
        QVERIFY(returned);
        QCOMPARE(returned->bookings.returnedFrom, QDate::fromString(day->key, Qt::ISODate));
        QCOMPARE(returned->bookings.returnedTo, returned->bookings.returnedFrom);
        QVERIFY(countOf(*returned) > 0);
        // A change of the list's own filter replaces the dashboard's.
        m_bookings->findChild<QComboBox *>(QStringLiteral("listStatus"))->setCurrentIndex(1);
        QVERIFY(!m_bookings->figureFilterBar()->isVisible());
        // Figures with no list of records are not clickable.
        auto *utilisation = page(rentals)->findChild<QWidget *>(QStringLiteral("utilisationTile"));
        QVERIFY(utilisation);
        QVERIFY(utilisation->cursor().shape() != Qt::PointingHandCursor);
        QVERIFY(!pressTile(rentals, QStringLiteral("utilisation")));
        QVERIFY(!DashboardDrill::drills(rentals, QStringLiteral("utilisation_by_day")));
        QVERIFY(!DashboardDrill::drills(QStringLiteral("operations"), QStringLiteral("events_per_minute")));
        auto *inStock = page(QStringLiteral("stock"))->findChild<QWidget *>(QStringLiteral("in_stockTile"));
        QCOMPARE(inStock->cursor().shape(), Qt::PointingHandCursor);
        QVERIFY(inStock->accessibleDescription().contains(QStringLiteral("Opens these cars in Fleet.")));
    }

    // VIN reports: requests by UTC day, failures, the reports with findings of each kind.
    void vinFiguresOpenExactlyTheirRequests()
    {
        const QString vin = QStringLiteral("vin");
        QVERIFY(show(vin));
        const DashboardFigures &shown = figures(vin);
        QCOMPARE(*shown.tileValue(QStringLiteral("requests")), 60.0);
        for (const QString &tile : {QStringLiteral("requests"), QStringLiteral("failed")}) {
            const auto link = pressTile(vin, tile);
            QVERIFY(link);
            QCOMPARE(link->kind, SectionLink::Kind::VinRequests);
            QCOMPARE(countOf(*link), whole(*shown.tileValue(tile)));
        }
        QVERIFY(m_vin->figureFilterBar()->isVisible());
        const double done = *shown.tileValue(QStringLiteral("done"));
        const DashboardSeries findings = *shown.seriesNamed(QStringLiteral("findings"));
        for (int i = 0; i < findings.size(); ++i) {
            const auto link = clickBar(vin, QStringLiteral("findings"), i);
            QVERIFY(link);
            QVERIFY(findings.at(i).value > 0);
            QCOMPARE(countOf(*link), whole(findings.at(i).value * done)); // the share's records
        }
        int days = 0;
        for (const QString &series : {QStringLiteral("requests_by_day"), QStringLiteral("failures_by_day")}) {
            for (const DashboardPoint &point : *shown.seriesNamed(series)) {
                if (point.value == 0)
                    continue;
                const auto link = clickPoint(vin, series, point.key);
                QVERIFY(link);
                QCOMPARE(countOf(*link), whole(point.value));
                ++days;
            }
        }
        QVERIFY(days > 10);
        saveScreenshot(m_vin.get(), QStringLiteral("drill_vin_day"));
    }

    // The figures that drill since the audit: stock at cost, the most booked and best-selling models, gross,
    // sold within 30 days by month; each opens exactly the records its figure is taken over.
    void costsModelsAndGrossOpenTheirRecords()
    {
        const QString stock = QStringLiteral("stock");
        const QString sales = QStringLiteral("sales");
        // Some cars in stock and some sales without a cost (the demo gives every car one).
        QVERIFY(query("WITH c AS (UPDATE cars SET cost = NULL WHERE id % 4 = 1 AND status NOT IN ('sold', 'retired') "
                      "RETURNING 1) SELECT count(*) FROM c")
                    .toInt() > 0);
        // Sales of cars without a cost: no cost at sale either.
        const QStringList costless =
            query("SELECT string_agg(id::text, ',') FROM (SELECT id FROM cars WHERE cost IS NULL AND status "
                  "IN ('available', 'in_service') ORDER BY id LIMIT 3) c")
                .split(QLatin1Char(','), Qt::SkipEmptyParts);
        QCOMPARE(costless.size(), 3);
        for (const QString &id : costless) {
            const auto sold = runJob(*m_thread, [carId = id.toLongLong()](Database &database) {
                SaleRequest sale;
                sale.carId = carId;
                sale.soldOn = QDate::currentDate();
                sale.priceCents = 1500000;
                return SalesService::sell(database, sale);
            });
            QVERIFY2(sold, qPrintable(sold ? QString() : sold.error().oneLine()));
        }
        m_dashboards->applyChanges({QStringLiteral("car:*")});
        m_dashboards->setBranch({});
        m_dashboards->setPeriod(DashboardPeriod::Last12Months);
        QVERIFY(show(stock));
        const auto cost = pressTile(stock, QStringLiteral("stock_value_cost"), true);
        QVERIFY(cost);
        QVERIFY(cost->cars.withCost && cost->cars.inStock);
        const qint64 withCost = whole(*figures(stock).tileValue(QStringLiteral("with_cost")));
        QVERIFY(withCost > 0 && withCost < whole(*figures(stock).tileValue(QStringLiteral("in_stock"))));
        QCOMPARE(countOf(*cost), withCost);
        // The bookings of a model picked up in the period (cancelled and no-show ones left out).
        QVERIFY(checkEveryBar(stock, QStringLiteral("top_models_by_bookings")) >= 3);
        const auto booked = clickBar(stock, QStringLiteral("top_models_by_bookings"), 0);
        QVERIFY(booked);
        QCOMPARE(booked->kind, SectionLink::Kind::Bookings);
        QVERIFY(booked->title.contains(DashboardPeriod{figures(stock).from, figures(stock).to}.text()));
        QVERIFY(m_bookings->figureFilterBar()->isVisible());
        saveScreenshot(m_bookings.get(), QStringLiteral("drill_bookings_model"));
        QVERIFY(checkEveryBar(stock, QStringLiteral("top_models_by_sales")) >= 1);
        // One branch: the bookings of the cars of that branch.
        m_dashboards->setBranch(query("SELECT b.code FROM bookings k JOIN cars c ON c.id = k.car_id "
                                      "JOIN branches b ON b.id = c.branch_id GROUP BY b.code "
                                      "ORDER BY count(*) DESC, b.code LIMIT 1"));
        QVERIFY(show(stock));
        QVERIFY(checkEveryBar(stock, QStringLiteral("top_models_by_bookings")) >= 1);
        m_dashboards->setBranch({});

        QVERIFY(show(sales));
        const DashboardFigures &sold = figures(sales);
        const qint64 salesWithCost = whole(*sold.tileValue(QStringLiteral("with_cost")));
        QVERIFY(salesWithCost > 0 && salesWithCost < whole(*sold.tileValue(QStringLiteral("units"))));
        for (const QString &tile : {QStringLiteral("gross_total"), QStringLiteral("gross_per_deal")}) {
            const auto gross = pressTile(sales, tile);
            QVERIFY2(gross, qPrintable(tile));
            QVERIFY(gross->cars.sale.withCost);
            QCOMPARE(countOf(*gross), salesWithCost);
        }
        // A month's share sold within 30 days: that month's sales with at most 30 days to sell.
        const DashboardSeries shares = *sold.seriesNamed(QStringLiteral("sold_within_30_days_by_month"));
        const DashboardSeries units = *sold.seriesNamed(QStringLiteral("units_by_month"));
        QCOMPARE(shares.size(), units.size());
        int months = 0;
        for (int i = 0; i < shares.size(); ++i) {
            const auto link = clickBar(sales, QStringLiteral("sold_within_30_days_by_month"), i);
            QVERIFY(link);
            const qint64 expected = whole(shares.at(i).value * units.at(i).value);
            QCOMPARE(countOf(*link), expected);
            months += expected > 0 ? 1 : 0;
        }
        QVERIFY(months >= 3);
    }

    // The audit: every tile and chart of the five pages either opens its records (a pointing hand, "Opens
    // these …") or says in its tooltip why it is not clickable (no pointing hand). These do not drill: they
    // are not a set of records.
    void everyFigureDrillsOrSaysWhyNot()
    {
        const QSet<QString> notRecords = {QStringLiteral("rentals/utilisation"),
                                          QStringLiteral("rentals/revpac"),
                                          QStringLiteral("rentals/idle_cars"),
                                          QStringLiteral("rentals/utilisation_by_day"),
                                          QStringLiteral("operations/events_per_minute"),
                                          QStringLiteral("operations/queue_lag_seconds"),
                                          QStringLiteral("operations/failed_events"),
                                          QStringLiteral("operations/workers_alive"),
                                          QStringLiteral("operations/database_bytes"),
                                          QStringLiteral("operations/handled_by_minute")};
        QSet<QString> found;
        for (const DashboardSpec &spec : DashboardSpec::all()) {
            DashboardPage *shown = page(spec.dashboard);
            QVERIFY(show(spec.dashboard));
            for (const DashboardSpec::Tile &tile : spec.tiles) {
                auto *frame = shown->findChild<QWidget *>(tile.name + QStringLiteral("Tile"));
                QVERIFY(frame);
                const bool drills = DashboardDrill::drills(spec.dashboard, tile.name);
                QCOMPARE(frame->cursor().shape() == Qt::PointingHandCursor, drills);
                QVERIFY2(frame->toolTip().contains(drills ? DashboardDrill::opensText(spec.dashboard)
                                                          : QStringLiteral("Not clickable")),
                         qPrintable(tile.name));
                if (!drills) {
                    found << spec.dashboard + QLatin1Char('/') + tile.name;
                    QVERIFY(!pressTile(spec.dashboard, tile.name));
                }
            }
            for (int i = 0; i < spec.charts.size(); ++i) {
                const QString series = spec.charts.at(i).series;
                const bool drills = DashboardDrill::drills(spec.dashboard, series);
                QCOMPARE(shown->chartView(i)->cursor().shape() == Qt::PointingHandCursor, drills);
                if (!drills) {
                    found << spec.dashboard + QLatin1Char('/') + series;
                    QVERIFY(shown->chartView(i)->accessibleDescription().startsWith(QStringLiteral("Not clickable")));
                }
            }
        }
        QCOMPARE(found, notRecords);
    }

    // The links' filters survive being saved (JSON), and the sections keep them as given.
    // A bar of revenue over time is a day, an ISO week or a month of return days, cut to the period.
    void revenueStepsOpenTheirDays()
    {
        DashboardFigures figures;
        figures.dashboard = QStringLiteral("rentals");
        figures.from = QDate(2026, 11, 4);
        figures.to = QDate(2027, 3, 31);
        const auto week =
            DashboardDrill::link(figures, QStringLiteral("revenue_over_time"), QStringLiteral("2026-W45"), {}, {});
        QVERIFY(week);
        QCOMPARE(week->bookings.returnedFrom, QDate(2026, 11, 4)); // the week of Monday 2 Nov, from the period's start
        QCOMPARE(week->bookings.returnedTo, QDate(2026, 11, 8));
        const auto firstWeek =
            DashboardDrill::link(figures, QStringLiteral("revenue_over_time"), QStringLiteral("2027-W01"), {}, {});
        QVERIFY(firstWeek);
        QCOMPARE(firstWeek->bookings.returnedFrom, QDate(2027, 1, 4));
        QCOMPARE(firstWeek->bookings.returnedTo, QDate(2027, 1, 10));
        const auto month =
            DashboardDrill::link(figures, QStringLiteral("revenue_over_time"), QStringLiteral("2027-02"), {}, {});
        QVERIFY(month);
        QCOMPARE(month->bookings.returnedFrom, QDate(2027, 2, 1));
        QCOMPARE(month->bookings.returnedTo, QDate(2027, 2, 28));
        QVERIFY(
            !DashboardDrill::link(figures, QStringLiteral("revenue_over_time"), QStringLiteral("2027-W99"), {}, {}));
    }

    void filtersRoundTrip()
    {
        m_dashboards->setPeriod(DashboardPeriod::Last12Months);
        QVERIFY(show(QStringLiteral("sales")));
        const auto sold = clickBar(QStringLiteral("sales"), QStringLiteral("gross_by_age"), 1);
        QVERIFY(sold);
        QVERIFY(sold->cars.sale.daysToSellFrom && sold->cars.sale.daysToSellTo);
        QCOMPARE(CarFilter::fromJson(sold->cars.toJson()), sold->cars);
        QVERIFY(show(QStringLiteral("stock")));
        const auto price = clickBar(QStringLiteral("stock"), QStringLiteral("price_bands"), 1);
        QVERIFY(price);
        QVERIFY(price->cars.priceBelow && price->cars.inStock);
        QCOMPARE(CarFilter::fromJson(price->cars.toJson()), price->cars);
        CarFilter both = sold->cars;
        both.daysInStockFrom = 3;
        both.daysInStockTo = 40;
        both.makesExcluded = {QStringLiteral("Volkswagen")};
        QCOMPARE(CarFilter::fromJson(both.toJson()), both);
        QCOMPARE(both.conditionCount(), 3);
        // A saved filter with a figure's conditions opens with them (and names them above the table).
        const qint64 expected = countOf(*price);
        m_fleet->clearFigureFilter();
        QVERIFY(!m_fleet->figureFilterBar()->isVisible());
        SectionLink again = *price;
        again.cars = CarFilter::fromJson(price->cars.toJson());
        QCOMPARE(countOf(again), expected);
    }
};

QTEST_MAIN(TestDashboardDrill)
#include "tst_dashboarddrill.moc"

#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/DatabaseThread.h"
#include "io/CsvReader.h"
#include "services/BookingService.h"
#include "services/DashboardService.h"
#include "ui/dashboards/DashboardPage.h"
#include "ui/dashboards/DashboardTargetsDialog.h"
#include "ui/dashboards/DashboardsSection.h"

#include <QAbstractItemModelTester>
#include <QBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QGroupBox>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

class TestDashboardsSection : public QObject
{
    Q_OBJECT

    // The figures DashboardService gives for what the section shows now.
    DashboardFigures serviceFigures(const QString &dashboard)
    {
        const DashboardPeriod period = m_section->period();
        const DashboardQuery query{period.from, period.to, m_section->branch(), {}};
        const auto figures = runJob(*m_thread, [dashboard, query](Database &database) {
            return DashboardService::figuresWithLists(database, dashboard, query);
        });
        if (!figures)
            qWarning("%s", qPrintable(figures.error().oneLine()));
        return figures ? *figures : DashboardFigures{};
    }

    // Shows `dashboard` and waits for its figures when it has to read them.
    bool show(const QString &dashboard)
    {
        m_section->showDashboard(dashboard);
        return QTest::qWaitFor([&] { return m_section->isCurrent(dashboard); }, 15000);
    }

    // Every (name, key) -> value the table view holds, tiles with an empty key.
    static QMap<QPair<QString, QString>, double> tableOf(const DashboardFiguresModel &model)
    {
        QMap<QPair<QString, QString>, double> values;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString name = model.index(row, 0).data(DashboardFiguresModel::NameRole).toString();
            const QString key = model.index(row, 0).data(DashboardFiguresModel::KeyRole).toString();
            values.insert({name, key},
                          model.index(row, DashboardFiguresModel::ValueColumn).data(Qt::UserRole).toDouble());
        }
        return values;
    }

    static QMap<QPair<QString, QString>, double> valuesOf(const DashboardFigures &figures)
    {
        QMap<QPair<QString, QString>, double> values;
        for (const DashboardPoint &tile : figures.tiles)
            values.insert({tile.key, QString()}, tile.value);
        for (const auto &[name, points] : figures.series)
            for (const DashboardPoint &point : points)
                values.insert({name, point.key}, point.value);
        return values;
    }

private slots:
    void initTestCase()
    {
        useTestSettings(QStringLiteral("tst_dashboardssection"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        const QString error = openDemoDatabase(m_db, m_thread, QStringLiteral("dashboardssection"), 60);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_section = std::make_unique<DashboardsSection>(SectionContext{m_thread.get(), nullptr});
        m_section->resize(1280, 800);
        m_section->show();
        QSignalSpy shown(m_section.get(), &DashboardsSection::figuresShown);
        m_section->activate(loadSession(*m_thread));
        QVERIFY(shown.wait(15000));
        QCOMPARE(m_section->period().days(), 30); // Last 30 days unless chosen otherwise
    }

    void cleanupTestCase()
    {
        m_section.reset();
        m_thread.reset();
        m_db.reset();
    }

    // Every page reads its figures offscreen; its tiles, table and charts show DashboardService's numbers.
    void pagesShowTheServicesFigures()
    {
        for (const DashboardSpec &spec : DashboardSpec::all()) {
            QVERIFY2(show(spec.dashboard), qPrintable(spec.dashboard));
            DashboardPage *page = m_section->page(spec.dashboard);
            QVERIFY(page->hasFigures());
            QAbstractItemModelTester tester(page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            if (spec.dashboard == QLatin1String("operations"))
                continue; // the queue moves on between two reads
            const DashboardFigures figures = serviceFigures(spec.dashboard);
            QCOMPARE(tableOf(*page->model()), valuesOf(figures));
            QCOMPARE(
                page->model()->rowCount(), figures.tiles.size() + [&] {
                    qsizetype points = 0;
                    for (const auto &series : figures.series)
                        points += series.second.size();
                    return points;
                }());
            for (int chart = 0; chart < page->chartCount(); ++chart) {
                const auto *bars = page->chartView(chart)->findChild<QBarSeries *>();
                if (!bars)
                    continue;
                const DashboardSeries *points = figures.seriesNamed(spec.charts.at(chart).series);
                QVERIFY(points);
                QCOMPARE(bars->barSets().first()->count(), points->size());
                const double scale = DashboardFormat::isShare(spec.charts.at(chart).series) ? 100 : 1; // in percent
                for (int i = 0; i < points->size(); ++i)
                    QCOMPARE(bars->barSets().first()->at(i), points->at(i).value * scale);
            }
            saveScreenshot(m_section.get(), QStringLiteral("dashboard_") + spec.dashboard);
        }
        const DashboardFigures stock = serviceFigures(QStringLiteral("stock"));
        QCOMPARE(m_section->page(QStringLiteral("stock"))->tileText(QStringLiteral("in_stock")),
                 QLocale().toString(qint64(*stock.tileValue(QStringLiteral("in_stock")))));
    }

    // The table view is the same model the charts are fed from; the choice is remembered.
    // New figures reach the tiles at once and the charts one per turn of the event loop, so no single turn
    // updates and paints every chart; a newer set of figures drops what is left of the older one.
    void chartsFollowOneATurn()
    {
        const DashboardSpec spec = DashboardSpec::all().first();
        QVERIFY(spec.charts.size() >= 2);
        DashboardPage page(spec);
        const auto figuresWith = [&](double value) {
            DashboardFigures figures;
            figures.dashboard = spec.dashboard;
            figures.addTile(spec.tiles.first().name, value);
            for (const DashboardSpec::Chart &chart : spec.charts)
                figures.addSeries(chart.series, {DashboardFigures::point(QStringLiteral("a"), value),
                                                 DashboardFigures::point(QStringLiteral("b"), value + 1)});
            return figures;
        };
        const auto barsOf = [&](int chart) -> QBarSet * {
            const auto *bars = qobject_cast<QBarSeries *>(page.chartView(chart)->chart()->series().first());
            return bars ? bars->barSets().first() : nullptr;
        };
        QSignalSpy shown(&page, &DashboardPage::chartsShown);
        page.setFigures(figuresWith(3), std::nullopt, DashboardFormat());
        QVERIFY(page.chartsPending());
        QCOMPARE(page.tileText(spec.tiles.first().name), QStringLiteral("3"));
        QCOMPARE(barsOf(0)->count(), 2);
        QCOMPARE(barsOf(1)->count(), 0);                                  // not yet
        page.setFigures(figuresWith(7), std::nullopt, DashboardFormat()); // newer figures before the rest
        QVERIFY(shown.wait(5000));
        QVERIFY(!page.chartsPending());
        for (int chart = 0; chart < page.chartCount(); ++chart)
            if (QBarSet *bars = barsOf(chart))
                QCOMPARE(bars->at(0), 7.0);
        QTest::qWait(50);
        QCOMPARE(shown.count(), 1); // the older figures' remaining charts were dropped
    }

    void tableViewAndRememberedChoices()
    {
        QVERIFY(show(QStringLiteral("stock")));
        m_section->setTableShown(true);
        QVERIFY(m_section->currentPage()->tableShown());
        saveScreenshot(m_section.get(), QStringLiteral("dashboard_stock_table"));
        m_section->setTableShown(false);

        QSignalSpy shown(m_section.get(), &DashboardsSection::figuresShown);
        m_section->setPeriod(DashboardPeriod::Last12Months);
        QVERIFY(shown.wait(15000));
        DashboardsSection again(SectionContext{m_thread.get(), nullptr});
        QCOMPARE(again.period().from, DashboardPeriod::of(DashboardPeriod::Last12Months, QDate::currentDate()).from);
        QCOMPARE(again.currentPage()->spec().dashboard, QStringLiteral("stock"));
    }

    // Comparing reads the previous period too: the tiles say the change and the table has its column.
    void compareWithThePreviousPeriod()
    {
        QVERIFY(show(QStringLiteral("sales")));
        QSignalSpy shown(m_section.get(), &DashboardsSection::figuresShown);
        m_section->setComparing(true);
        QVERIFY(shown.wait(15000));
        DashboardPage *page = m_section->page(QStringLiteral("sales"));
        QCOMPARE(page->model()->columnCount(), int(DashboardFiguresModel::ColumnCount));
        const auto *delta = page->findChild<QWidget *>(QStringLiteral("unitsTile"))->findChildren<QLabel *>().last();
        QVERIFY2(delta->isVisible() && delta->text().contains(QLatin1String("previous period")),
                 qPrintable(delta->text()));
        shown.clear();
        m_section->setComparing(false);
        QVERIFY(shown.wait(15000));
        QCOMPARE(page->model()->columnCount(), int(DashboardFiguresModel::PreviousColumn));
    }

    // Export: each chart as PNG and SVG, the data as CSV, the report as PDF; each file reads back.
    void exportsReadBack()
    {
        QVERIFY(show(QStringLiteral("stock")));
        DashboardPage *page = m_section->currentPage();
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY(page->exportChartPng(0, png));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), page->chartView(0)->size());

        const QString svg = dir.filePath(QStringLiteral("chart.svg"));
        QVERIFY(page->exportChartSvg(0, svg));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY(svgText.contains("<svg") && svgText.contains("</svg>"));
        QVERIFY(svgText.contains(page->chartTitle(0).toUtf8()));

        const QString csv = dir.filePath(QStringLiteral("stock.csv"));
        QVERIFY(page->exportCsv(csv));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        CsvReader reader(&csvFile);
        const auto header = reader.readHeader();
        QVERIFY(header);
        QCOMPARE(*header, (QStringList{QStringLiteral("name"), QStringLiteral("label"), QStringLiteral("key"),
                                       QStringLiteral("value")}));
        QMap<QPair<QString, QString>, double> read;
        CsvRecord record;
        while (reader.next(record).value_or(false))
            read.insert({record.fields.at(0), record.fields.at(2)}, record.fields.at(3).toDouble());
        QCOMPARE(read, valuesOf(page->model()->figures()));
        QVERIFY(!page->exportCsv(dir.filePath(QStringLiteral("no/such/folder/stock.csv"))));

        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(m_section->writePdf(pdf));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
        QVERIFY(pdfFile.size() > 2000);
        if (!qEnvironmentVariableIsEmpty("FORECOURT_SCREENSHOT_DIR")) {
            QFile::remove(qEnvironmentVariable("FORECOURT_SCREENSHOT_DIR") + QStringLiteral("/dashboard_report.pdf"));
            QFile::copy(pdf,
                        qEnvironmentVariable("FORECOURT_SCREENSHOT_DIR") + QStringLiteral("/dashboard_report.pdf"));
        }
    }

    // Other desks' changes arriving faster than the re-read delay (every 100 ms) still show new figures
    // within a second while they keep coming.
    void steadyChangesStillShow()
    {
        QVERIFY(show(QStringLiteral("rentals")));
        QSignalSpy shown(m_section.get(), &DashboardsSection::figuresShown);
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 3000 && shown.isEmpty()) {
            m_section->applyChanges({QStringLiteral("booking:*")});
            QTest::qWait(100);
        }
        QVERIFY2(!shown.isEmpty(), "no figures were shown while the changes came");
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(show(QStringLiteral("rentals")));
    }

    // A booking made through BookingService shows on the open dashboard once its key arrives, in the same
    // charts (updated in place, not rebuilt).
    void liveBookingShows()
    {
        const QDate today = QDate::currentDate();
        QSignalSpy shown(m_section.get(), &DashboardsSection::figuresShown);
        m_section->showDashboard(QStringLiteral("rentals"));
        m_section->setPeriod(DashboardPeriod::Custom, {today, today.addDays(10)});
        QVERIFY(shown.wait(15000));
        DashboardPage *page = m_section->page(QStringLiteral("rentals"));
        const double before = *page->model()->figures().tileValue(QStringLiteral("bookings"));
        QChartView *view = page->chartView(0);

        const qint64 car = scalarOn(*m_thread, "SELECT id FROM cars WHERE status = 'available' AND NOT EXISTS "
                                               "(SELECT 1 FROM bookings k WHERE k.car_id = cars.id AND k.status IN "
                                               "('reserved', 'active')) ORDER BY id LIMIT 1")
                               .toLongLong();
        const qint64 customer = scalarOn(*m_thread, "SELECT min(id) FROM customers").toLongLong();
        QVERIFY(car > 0 && customer > 0);
        BookingRequest request;
        request.carId = car;
        request.customerId = customer;
        request.pickup = QDateTime(today.addDays(2), QTime(10, 0));
        request.returned = QDateTime(today.addDays(4), QTime(10, 0));
        request.rates.dailyCents = 5500;
        const auto booking =
            runJob(*m_thread, [request](Database &database) { return BookingService::create(database, request); });
        QVERIFY2(booking, qPrintable(booking ? QString() : booking.error().oneLine()));

        shown.clear();
        QElapsedTimer clock;
        clock.start();
        m_section->applyChanges({QStringLiteral("booking:%1").arg(booking->id)});
        QVERIFY(shown.wait(5000));
        QCOMPARE(shown.first().first().toString(), QStringLiteral("rentals"));
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(*page->model()->figures().tileValue(QStringLiteral("bookings")), before + 1);
        QCOMPARE(page->chartView(0), view);
        // Other dashboards are not read for it: only the one shown was.
        QCOMPARE(shown.size(), 1);
        m_section->setPeriod(DashboardPeriod::Last30Days);
    }

    // The Rentals page lists the idle cars and overdue rentals now, as the service gives them (count in the
    // title); double-click or Enter opens the car or the booking.
    void rentalListsOpenTheirCarOrBooking()
    {
        // An overdue rental: out since three days ago, due back yesterday.
        const qint64 overdue =
            scalarOn(*m_thread, "INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, status, "
                                "  daily_rate, total, picked_up_at) "
                                "SELECT c.id, (SELECT min(id) FROM customers), now() - interval '3 days', "
                                "  now() - interval '1 day', 'active', 40, 80, now() - interval '3 days' "
                                "FROM cars c WHERE c.for_rent AND c.status = 'available' AND NOT EXISTS "
                                "  (SELECT 1 FROM bookings k WHERE k.car_id = c.id AND k.status IN ('reserved', "
                                "'active') AND k.pickup_at < now() + interval '1 day') "
                                "ORDER BY c.id LIMIT 1 RETURNING id")
                .toLongLong();
        QVERIFY(overdue > 0);
        // Shown once the re-read after the change has answered (a read of before the change may come first).
        m_section->showDashboard(QStringLiteral("rentals"));
        m_section->applyChanges({QStringLiteral("booking:%1").arg(overdue)});
        DashboardPage *page = m_section->page(QStringLiteral("rentals"));
        const auto listed = [&] {
            QTreeWidget *list = page->overdueList();
            for (int row = 0; list && row < list->topLevelItemCount(); ++row)
                if (list->topLevelItem(row)->text(0) == QStringLiteral("#%1").arg(overdue))
                    return m_section->isCurrent(QStringLiteral("rentals"));
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(listed(), 15000);
        QTreeWidget *idle = page->idleCarsList();
        QTreeWidget *late = page->overdueList();
        QVERIFY(idle && late);

        const DashboardPeriod period = m_section->period();
        const DashboardQuery query{period.from, period.to, m_section->branch(), {}};
        const auto lists =
            runJob(*m_thread, [query](Database &database) { return DashboardService::rentalLists(database, query); });
        QVERIFY(lists);
        QVERIFY(lists->overdueCount >= 1);
        QCOMPARE(qsizetype(late->topLevelItemCount()), lists->overdue.size());
        QCOMPARE(qsizetype(idle->topLevelItemCount()), lists->idle.size());
        QCOMPARE(*page->model()->figures().tileValue(QStringLiteral("overdue_rentals")), double(lists->overdueCount));
        QCOMPARE(*page->model()->figures().tileValue(QStringLiteral("idle_cars")), double(lists->idleCount));
        for (int row = 0; row < idle->topLevelItemCount(); ++row)
            QCOMPARE(idle->topLevelItem(row)->text(0), lists->idle.at(row).stockNumber);
        QVERIFY(
            qobject_cast<QGroupBox *>(late->parentWidget())->title().contains(QLocale().toString(lists->overdueCount)));

        if (auto *scroll = page->findChild<QScrollArea *>())
            scroll->ensureWidgetVisible(late);
        saveScreenshot(m_section.get(), QStringLiteral("dashboard_rentals_lists"));

        QSignalSpy links(m_section.get(), &Section::linkRequested);
        QTreeWidgetItem *booking = nullptr;
        for (int row = 0; row < late->topLevelItemCount(); ++row)
            if (late->topLevelItem(row)->text(0) == QStringLiteral("#%1").arg(overdue))
                booking = late->topLevelItem(row);
        QVERIFY(booking);
        late->setFocus();
        late->setCurrentItem(booking);
        QTest::keyClick(late, Qt::Key_Return);
        QCOMPARE(links.size(), 1);
        auto link = links.takeFirst().first().value<SectionLink>();
        QCOMPARE(link.kind, SectionLink::Kind::Booking);
        QCOMPARE(link.id, overdue);
        if (idle->topLevelItemCount() > 0) {
            QTreeWidgetItem *car = idle->topLevelItem(0);
            idle->scrollToItem(car);
            QTest::mouseDClick(idle->viewport(), Qt::LeftButton, {}, idle->visualItemRect(car).center());
            QCOMPARE(links.size(), 1);
            link = links.takeFirst().first().value<SectionLink>();
            QCOMPARE(link.kind, SectionLink::Kind::Car);
            QCOMPARE(link.id, lists->idle.first().carId);
        }
        // The Stock page's most popular models, for the eye.
        QVERIFY(show(QStringLiteral("stock")));
        if (auto *scroll = m_section->page(QStringLiteral("stock"))->findChild<QScrollArea *>())
            scroll->ensureWidgetVisible(m_section->page(QStringLiteral("stock"))->chartView(7));
        saveScreenshot(m_section.get(), QStringLiteral("dashboard_stock_popular"));
        QVERIFY(show(QStringLiteral("rentals")));
        // The targets are the settings' (the tiles utilisation_target and sold_within_30_days_target).
        QCOMPARE(page->chartTarget(0), *page->model()->figures().tileValue(QStringLiteral("utilisation_target")));
        QCOMPARE(page->chartTarget(0), DashboardService::DefaultUtilisationTarget);
        DashboardPage *sales = m_section->page(QStringLiteral("sales"));
        QVERIFY(sales->hasFigures());
        QCOMPARE(sales->chartTitle(1), QStringLiteral("Sold within 30 days by month"));
        QCOMPARE(sales->chartTarget(1),
                 *sales->model()->figures().tileValue(QStringLiteral("sold_within_30_days_target")));
        QCOMPARE(sales->chartTarget(0), -1.0); // cars sold by month: no target
    }

    // The PDF report of the Rentals page holds its lists: each list's title with its count, its headings, its
    // first rows, and "and N more" for the ones that did not fit (read back with pdftotext).
    void reportHoldsTheRentalLists()
    {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        // Forty rental cars never rented: more idle cars than a page holds.
        QCOMPARE(scalarOn(*m_thread, "WITH c AS (INSERT INTO cars (vin, make, model, model_year, list_price, for_rent, "
                                     "  branch_id) SELECT 'WVWZZZ1KZAW9' || lpad(i::text, 5, '0'), 'Volkswagen', "
                                     "  'Polo', 2023, 16900, true, (SELECT min(id) FROM branches) "
                                     "  FROM generate_series(1, 40) i RETURNING 1) SELECT count(*) FROM c"),
                 QStringLiteral("40"));
        m_section->applyChanges({QStringLiteral("car:*")});
        QVERIFY(show(QStringLiteral("rentals")));
        DashboardPage *page = m_section->page(QStringLiteral("rentals"));
        QTRY_VERIFY_WITH_TIMEOUT(page->idleCarsList() && page->idleCarsList()->topLevelItemCount() >= 40 &&
                                     page->overdueList()->topLevelItemCount() > 0 &&
                                     m_section->isCurrent(QStringLiteral("rentals")),
                                 15000);
        QTreeWidget *idle = page->idleCarsList();
        QTreeWidget *late = page->overdueList();
        const qint64 idleCount = qint64(*page->model()->figures().tileValue(QStringLiteral("idle_cars")));
        const qint64 overdueCount = qint64(*page->model()->figures().tileValue(QStringLiteral("overdue_rentals")));
        QVERIFY(idleCount > 0);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("rentals.pdf"));
        QVERIFY(m_section->writePdf(pdf));
        QProcess process;
        process.start(pdftotext, {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QString text = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(text.contains(QStringLiteral("Forecourt: Rentals")), qPrintable(text.left(400)));
        QVERIFY(text.contains(QStringLiteral("Forecourt: Rentals, lists now")));
        QVERIFY(text.contains(QStringLiteral("\f"))); // the lists' own page
        QVERIFY2(text.contains(QStringLiteral("Idle cars now: %1").arg(QLocale().toString(idleCount))),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Overdue rentals now: %1").arg(QLocale().toString(overdueCount))));
        for (QTreeWidget *list : {idle, late})
            for (int c = 0; c < list->columnCount(); ++c)
                QVERIFY2(text.contains(list->headerItem()->text(c)), qPrintable(list->headerItem()->text(c)));
        QVERIFY(text.contains(late->topLevelItem(0)->text(0))); // "#123", the longest overdue
        // The idle cars painted are the first ones of the list, then "and N more" for the rest.
        const QString listsPage = text.mid(text.indexOf(QStringLiteral("lists now")));
        int painted = 0;
        for (int row = 0; row < idle->topLevelItemCount(); ++row) {
            const QRegularExpression stockNumber(
                QStringLiteral("(^|\\s)%1(\\s|$)").arg(QRegularExpression::escape(idle->topLevelItem(row)->text(0))),
                QRegularExpression::MultilineOption);
            if (!listsPage.contains(stockNumber))
                break;
            ++painted;
        }
        QVERIFY(painted > 0);
        if (painted < idleCount)
            QVERIFY2(listsPage.contains(QStringLiteral("and %1 more").arg(QLocale().toString(idleCount - painted))),
                     qPrintable(listsPage));
        else
            QVERIFY(!listsPage.contains(QStringLiteral(" more")));
        if (!qEnvironmentVariableIsEmpty("FORECOURT_SCREENSHOT_DIR")) {
            const QString copy =
                qEnvironmentVariable("FORECOURT_SCREENSHOT_DIR") + QStringLiteral("/rentals_report.pdf");
            QFile::remove(copy);
            QFile::copy(pdf, copy);
        }
    }

    // Dashboards › Targets…: a dialog of two percentages, read from and written to the database (on its
    // thread); the open dashboards draw the new target lines.
    void targetsDialogChangesTheTargetLines()
    {
        QVERIFY(show(QStringLiteral("rentals")));
        DashboardPage *rentals = m_section->page(QStringLiteral("rentals"));
        QCOMPARE(rentals->chartTarget(0), DashboardService::DefaultUtilisationTarget);
        auto *button = m_section->findChild<QToolButton *>(QStringLiteral("dashboardTargetsButton"));
        QVERIFY(button && button->isVisible());
        QVERIFY(std::ranges::any_of(m_section->menu()->actions(), [](QAction *action) {
            return action && action->text() == QStringLiteral("&Targets…");
        }));
        button->click();
        DashboardTargetsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_section->findChild<DashboardTargetsDialog *>()) != nullptr && dialog->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 10000);
        auto *utilisation = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("utilisationTarget"));
        auto *sold = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("soldWithin30DaysTarget"));
        QVERIFY(utilisation && sold);
        QCOMPARE(utilisation->value(), 70.0);
        QCOMPARE(sold->value(), 55.0);
        QVERIFY(!utilisation->accessibleName().isEmpty() && !sold->accessibleName().isEmpty());
        // Typed as a manager would: select all, type, Tab.
        utilisation->setFocus();
        utilisation->selectAll();
        QTest::keyClicks(utilisation, QStringLiteral("82.5"));
        QTest::keyClick(utilisation, Qt::Key_Tab);
        sold->setValue(60);
        saveScreenshot(dialog, QStringLiteral("dashboard_targets"));
        QCOMPARE(dialog->targets(), (DashboardTargets{0.825, 0.6}));
        QSignalSpy saved(dialog, &DashboardTargetsDialog::saved);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
        const auto stored = runJob(*m_thread, [](Database &database) { return DashboardService::targets(database); });
        QVERIFY(stored);
        QCOMPARE(*stored, (DashboardTargets{0.825, 0.6}));
        // The open dashboards read again and draw the new lines.
        QTRY_COMPARE_WITH_TIMEOUT(rentals->chartTarget(0), 0.825, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_section->isCurrent(QStringLiteral("rentals")), 10000);
        QVERIFY(show(QStringLiteral("sales")));
        QTRY_COMPARE_WITH_TIMEOUT(m_section->page(QStringLiteral("sales"))->chartTarget(1), 0.6, 10000);
        // Back to the defaults (written by the service, as the dialog does).
        QVERIFY(runJob(*m_thread,
                       [](Database &database) { return DashboardService::setTargets(database, DashboardTargets{}); }));
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DatabaseThread> m_thread;
    std::unique_ptr<DashboardsSection> m_section;
};

QTEST_MAIN(TestDashboardsSection)
#include "tst_dashboardssection.moc"

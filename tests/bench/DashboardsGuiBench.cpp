#include "DashboardsGuiBench.h"

#include "TestSupport.h"
#include "events/ChangeListener.h"
#include "services/DashboardService.h"
#include "services/SalesService.h"
#include "ui/dashboards/DashboardPage.h"
#include "ui/dashboards/DashboardsSection.h"

#include <QChartView>
#include <QEvent>

#include <memory>

namespace bench {
namespace {

// Notes when `view` first paints once `page` has figures.
class FirstPaint : public QObject
{
public:
    FirstPaint(QWidget *view, const DashboardPage *page)
        : m_page(page)
    {
        view->installEventFilter(this);
    }
    bool seen() const { return m_seen; }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        // Seen after the paint event has been handled: the next turn of the event loop.
        if (event->type() == QEvent::Paint && !m_seen && m_page->hasFigures())
            QTimer::singleShot(0, this, [this] { m_seen = true; });
        return false;
    }

private:
    const DashboardPage *m_page;
    bool m_seen = false;
};

std::unique_ptr<DatabaseThread> openThread(const ConnectionProfile &profile)
{
    auto thread = std::make_unique<DatabaseThread>();
    auto opened = thread->open(profile);
    waitFor([&] { return opened.isFinished(); });
    return opened.result() ? std::move(thread) : nullptr;
}

} // namespace

DashboardsGuiTimes measureDashboardsSection(const ConnectionProfile &profile, const QStringList &branches,
                                            int liveRounds)
{
    DashboardsGuiTimes times;
    auto database = openThread(profile);
    auto longReads = openThread(profile);
    auto writer = openThread(profile);
    if (!database || !longReads || !writer) {
        times.failure = QStringLiteral("a database thread could not connect");
        return times;
    }
    const Session session = loadSession(*database);

    StallProbe probe;
    QElapsedTimer clock;
    clock.start();
    DashboardsSection section(SectionContext{database.get(), longReads.get()});
    section.resize(1280, 800);
    section.setPeriod(DashboardPeriod::Last30Days);
    section.setBranch({});
    section.showDashboard(QStringLiteral("stock"));
    times.builtMs = double(clock.nsecsElapsed()) / 1e6;
    DashboardPage *stock = section.page(QStringLiteral("stock"));
    FirstPaint firstPaint(stock->chartView(0)->viewport(), stock);
    section.show();
    section.activate(session);
    waitFor([&] { return stock->hasFigures() || firstPaint.seen(); }, 60000);
    times.figuresMs = double(clock.nsecsElapsed()) / 1e6;
    if (!waitFor([&] { return firstPaint.seen(); }, 60000)) {
        times.failure = QStringLiteral("the first chart was not painted within 60 s");
        return times;
    }
    times.firstChartMs = double(clock.nsecsElapsed()) / 1e6;

    // Every dashboard, period and branch choice, as a manager clicks through them.
    const auto timed = [&](const QString &dashboard, const std::function<void()> &choose) {
        QElapsedTimer step;
        step.start();
        choose();
        if (!waitFor([&] { return section.isCurrent(dashboard); }, 60000))
            times.failure = QStringLiteral("%1 did not show its figures within 60 s").arg(dashboard);
        times.switchMs.add(double(step.nsecsElapsed()) / 1e6);
    };
    for (const QString &dashboard : DashboardService::dashboards()) {
        timed(dashboard, [&] { section.showDashboard(dashboard); });
        for (int preset = 0; preset < DashboardPeriod::Custom; ++preset)
            timed(dashboard, [&] { section.setPeriod(DashboardPeriod::Preset(preset)); });
        for (const QString &branch : branches)
            timed(dashboard, [&] { section.setBranch(branch); });
        timed(dashboard, [&] { section.setBranch({}); });
    }

    // A sale made on another connection, until the open Sales dashboard shows it (the real listener).
    timed(QStringLiteral("sales"), [&] {
        section.setPeriod(DashboardPeriod::Last7Days);
        section.showDashboard(QStringLiteral("sales"));
    });
    ChangeListener listener(profile);
    QObject::connect(&listener, &ChangeListener::changed, &section, &Section::applyChanges);
    listener.start();
    listener.start();
    waitFor([] { return false; }, 500); // the listener connects and listens
    const QStringList cars =
        scalarOn(*writer, "SELECT string_agg(id::text, ',') FROM (SELECT id FROM cars WHERE status = 'available' "
                          "AND NOT for_rent ORDER BY id DESC LIMIT " +
                              std::to_string(liveRounds) + ") c")
            .split(QLatin1Char(','), Qt::SkipEmptyParts);
    DashboardPage *sales = section.page(QStringLiteral("sales"));
    for (const QString &car : cars) {
        const QString before = sales->tileText(QStringLiteral("units"));
        SaleRequest request;
        request.carId = car.toLongLong();
        request.soldOn = QDate::currentDate();
        request.priceCents = 1'234'500;
        auto sold = writer->submit([request](Database &db) { return SalesService::sell(db, request); });
        waitFor([&] { return sold.isFinished(); });
        if (!sold.result()) {
            times.failure = QStringLiteral("a sale was refused: ") + sold.result().error().oneLine();
            break;
        }
        QElapsedTimer shown;
        shown.start();
        if (!waitFor([&] { return sales->tileText(QStringLiteral("units")) != before; }, 10000)) {
            times.failure = QStringLiteral("a sale did not show on the Sales dashboard within 10 s");
            break;
        }
        times.liveMs.add(double(shown.nsecsElapsed()) / 1e6);
    }
    times.longestStallMs = probe.longestMs();
    return times;
}

} // namespace bench

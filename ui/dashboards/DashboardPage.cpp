#include "ui/dashboards/DashboardPage.h"

#include "io/CsvWriter.h"
#include "ui/dashboards/DashboardDrill.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTimeAxis>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPainter>
#include <QSaveFile>
#include <QScrollArea>
#include <QStackedWidget>
#include <QSvgGenerator>
#include <QTableView>
#include <QTimer>
#include <QToolTip>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kTilesPerRow = 5;
constexpr int kChartsPerRow = 2;
constexpr int kChartHeight = 260;

// A share is charted in percent (the axis reads 0–100); the tooltip keeps the exact share.
double chartValue(const DashboardPoint &point, const QString &series)
{
    return DashboardFormat::isShare(series) ? point.value * 100 : point.value;
}

// The difference of two figures, money in cents when both are money.
DashboardPoint difference(const DashboardPoint &now, const DashboardPoint &before)
{
    if (now.cents && before.cents)
        return DashboardFigures::moneyPoint(now.key, double(*now.cents - *before.cents));
    return DashboardFigures::point(now.key, now.value - before.value);
}

bool isEmpty(const DashboardFigures &figures)
{
    const auto zero = [](const DashboardPoint &point) { return point.value == 0; };
    return std::ranges::all_of(figures.tiles, zero) && std::ranges::all_of(figures.series, [&](const auto &series) {
               return std::ranges::all_of(series.second, zero);
           });
}

// Names about five of `days` (keys "YYYY-MM-DD", one bar each at 0, 1, 2…) under their bars: the day and
// month, or the month and year over a longer span (each name once, as the axis needs).
void labelDays(QCategoryAxis &axis, const DashboardSeries &days)
{
    for (const QString &label : axis.categoriesLabels())
        axis.remove(label);
    const qsizetype count = days.size();
    axis.setStartValue(-0.5);
    axis.setRange(-0.5, qreal(count) - 0.5);
    const QDate first = QDate::fromString(days.first().key, Qt::ISODate);
    const QDate last = QDate::fromString(days.last().key, Qt::ISODate);
    const QString format = first.daysTo(last) > 300 ? QStringLiteral("MMM yy") : QStringLiteral("d MMM");
    // From the last day back, every step-th (a label is drawn within the bars since the one before it).
    const qsizetype step = std::max<qsizetype>(1, (count + 4) / 5);
    QList<qsizetype> named;
    for (qsizetype i = count - 1; i >= step / 2; i -= step)
        named.prepend(i);
    for (const qsizetype i : named)
        axis.append(QLocale().toString(QDate::fromString(days.at(i).key, Qt::ISODate), format), qreal(i));
}

} // namespace

DashboardPage::DashboardPage(DashboardSpec spec, QWidget *parent)
    : QWidget(parent)
    , m_spec(std::move(spec))
    , m_model(new DashboardFiguresModel(this))
{
    setObjectName(m_spec.dashboard + QStringLiteral("Dashboard"));
    setAccessibleName(m_spec.title);

    auto *tiles = new QGridLayout;
    tiles->setSpacing(8);
    for (const DashboardSpec::Tile &spec : m_spec.tiles) {
        auto *frame = new QFrame(this);
        frame->setObjectName(spec.name + QStringLiteral("Tile"));
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setAccessibleName(spec.label);
        frame->setFocusPolicy(Qt::TabFocus);
        auto *caption = new QLabel(spec.label, frame);
        caption->setWordWrap(true);
        auto *value = new QLabel(QStringLiteral("–"), frame);
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 1.6);
        big.setBold(true);
        value->setFont(big);
        auto *delta = new QLabel(frame);
        delta->setVisible(false);
        auto *column = new QVBoxLayout(frame);
        column->setContentsMargins(10, 6, 10, 6);
        column->addWidget(caption);
        column->addWidget(value);
        column->addWidget(delta);
        if (DashboardDrill::drills(m_spec.dashboard, spec.name))
            frame->setToolTip(spec.definition);
        else
            frame->setToolTip(spec.definition + QLatin1Char('\n') +
                              DashboardDrill::notClickableText(m_spec.dashboard, spec.name));
        if (DashboardDrill::drills(m_spec.dashboard, spec.name)) {
            // Opens its records: a pointer, Enter or Space (DashboardsSection turns it into a link).
            frame->setCursor(Qt::PointingHandCursor);
            frame->setFocusPolicy(Qt::StrongFocus);
            frame->setProperty("drills", true);
            frame->setAccessibleDescription(DashboardDrill::opensText(m_spec.dashboard));
            frame->installEventFilter(this);
        }
        const int place = int(m_tiles.size());
        tiles->addWidget(frame, place / kTilesPerRow, place % kTilesPerRow);
        m_tiles << Tile{spec.name, frame, value, delta};
    }

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("dashboardState"));
    m_state->setWordWrap(true);
    m_state->setVisible(false);

    m_chartArea = new QWidget;
    m_chartGrid = new QGridLayout(m_chartArea);
    m_chartGrid->setContentsMargins(0, 0, 0, 0);
    for (const DashboardSpec::Chart &chart : m_spec.charts)
        buildChart(chart);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_chartArea);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("dashboardTable"));
    m_table->setAccessibleName(tr("%1 figures").arg(m_spec.title));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(DashboardFiguresModel::KeyColumn, QHeaderView::Stretch);

    m_views = new QStackedWidget(this);
    m_views->addWidget(scroll);
    m_views->addWidget(m_table);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(tiles);
    layout->addWidget(m_state);
    layout->addWidget(m_views, 1);
}

void DashboardPage::buildChart(const DashboardSpec::Chart &spec)
{
    Chart chart;
    chart.spec = spec;
    chart.chart = new QChart;
    chart.chart->setTitle(spec.title);
    chart.chart->legend()->hide();
    chart.chart->setAnimationOptions(QChart::NoAnimation);
    chart.chart->setMargins(QMargins(4, 4, 4, 4));
    chart.axisY = new QValueAxis(chart.chart);
    chart.axisY->setLabelFormat(DashboardFormat::isShare(spec.series) ? QStringLiteral("%.0f %%")
                                                                      : QStringLiteral("%.0f"));
    const int index = int(m_charts.size());
    QAbstractAxis *axisX = nullptr;
    if (spec.kind == DashboardSpec::Chart::Kind::Lines) {
        chart.time = new QDateTimeAxis(chart.chart);
        chart.time->setTickCount(7);
        axisX = chart.time;
    } else {
        chart.categories = new QBarCategoryAxis(chart.chart);
        axisX = chart.categories;
        // A month of days has no room for a label under every bar: this axis (of no series, over the same
        // range) names a few of them instead.
        chart.days = new QCategoryAxis(chart.chart);
        chart.days->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        chart.days->setGridLineVisible(false);
        chart.days->setVisible(false);
        chart.chart->addAxis(chart.days, Qt::AlignBottom);
    }
    chart.chart->addAxis(axisX, Qt::AlignBottom);
    chart.chart->addAxis(chart.axisY, Qt::AlignLeft);
    if (spec.kind == DashboardSpec::Chart::Kind::Lines) {
        chart.line = new QLineSeries(chart.chart);
        chart.line->setName(spec.title);
        chart.chart->addSeries(chart.line);
        chart.line->attachAxis(axisX);
        chart.line->attachAxis(chart.axisY);
        connect(chart.line, &QLineSeries::hovered, this, [this, index](const QPointF &point, bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            showChartTip(m_charts.at(index), nearestPoint(m_charts.at(index), point.x()));
        });
        if (DashboardDrill::drills(m_spec.dashboard, spec.series)) {
            connect(chart.line, &QLineSeries::clicked, this, [this, index](const QPointF &point) {
                const Chart &clicked = m_charts.at(index);
                const int nearest = nearestPoint(clicked, point.x());
                if (nearest >= 0 && nearest < clicked.points.size())
                    emit drillRequested(clicked.spec.series, clicked.points.at(nearest).key);
            });
        }
    } else {
        chart.bars = new QBarSeries(chart.chart);
        chart.set = new QBarSet(spec.title, chart.bars);
        chart.bars->append(chart.set);
        chart.chart->addSeries(chart.bars);
        chart.bars->attachAxis(axisX);
        chart.bars->attachAxis(chart.axisY);
        connect(chart.bars, &QBarSeries::hovered, this, [this, index](bool state, int bar, QBarSet *) {
            if (state)
                showChartTip(m_charts.at(index), bar);
            else
                QToolTip::hideText();
        });
        if (DashboardDrill::drills(m_spec.dashboard, spec.series)) {
            connect(chart.set, &QBarSet::clicked, this, [this, index](int bar) {
                const Chart &clicked = m_charts.at(index);
                if (bar >= 0 && bar < clicked.points.size())
                    emit drillRequested(clicked.spec.series, clicked.points.at(bar).key);
            });
        }
    }
    if (spec.target >= 0 || !spec.targetTile.isEmpty()) {
        chart.targetValue = spec.target;
        chart.target = new QLineSeries(chart.chart);
        QPen pen(Qt::red);
        pen.setStyle(Qt::DashLine);
        chart.target->setPen(pen);
        chart.chart->addSeries(chart.target);
        chart.target->attachAxis(axisX);
        chart.target->attachAxis(chart.axisY);
        chart.chart->legend()->show();
        chart.chart->legend()->setAlignment(Qt::AlignBottom);
    }
    chart.view = new QChartView(chart.chart, m_chartArea);
    chart.view->setObjectName(spec.series + QStringLiteral("Chart"));
    chart.view->setAccessibleName(spec.title);
    chart.view->setRenderHint(QPainter::Antialiasing);
    chart.view->setMinimumHeight(kChartHeight);
    if (DashboardDrill::drills(m_spec.dashboard, spec.series)) {
        chart.view->setCursor(Qt::PointingHandCursor);
        chart.view->setAccessibleDescription(
            tr("Click a bar or point: %1").arg(DashboardDrill::opensText(m_spec.dashboard)));
    } else {
        chart.view->setAccessibleDescription(DashboardDrill::notClickableText(m_spec.dashboard, spec.series));
    }
    m_chartGrid->addWidget(chart.view, index / kChartsPerRow, index % kChartsPerRow);
    m_charts << chart;
}

void DashboardPage::updateChart(Chart &chart, const DashboardSeries &points)
{
    chart.points = points;
    QList<qreal> values;
    for (const DashboardPoint &point : points)
        values << chartValue(point, chart.spec.series);
    if (chart.set) {
        // Many days as bars: a date under about every eighth bar (the tooltip and the table give each one).
        const bool manyDays = points.size() > 12 && std::ranges::all_of(points, [](const DashboardPoint &point) {
                                  return point.key.size() == 10 && QDate::fromString(point.key, Qt::ISODate).isValid();
                              });
        QStringList categories;
        for (const DashboardPoint &point : points)
            categories << (manyDays ? point.key : DashboardFormat::keyLabel(chart.spec.series, point.key));
        if (chart.categories->categories() != categories)
            chart.categories->setCategories(categories);
        chart.categories->setLabelsAngle(categories.size() > 12 ? -90 : 0);
        chart.categories->setVisible(!manyDays);
        chart.days->setVisible(manyDays);
        if (manyDays)
            labelDays(*chart.days, points);
        // In place when the bars are the same ones (a live change), else all at once.
        if (chart.set->count() == values.size()) {
            for (int i = 0; i < values.size(); ++i)
                if (chart.set->at(i) != values.at(i))
                    chart.set->replace(i, values.at(i));
        } else {
            if (chart.set->count() > 0)
                chart.set->remove(0, chart.set->count());
            chart.set->append(values);
        }
    }
    QDateTime first;
    QDateTime last;
    if (chart.line) {
        chart.xs.clear();
        QList<QPointF> line;
        for (int i = 0; i < points.size(); ++i) {
            // Days ("2026-03-01") and minutes ("2026-03-01T10:15"), drawn where they fall in time.
            QDateTime at = QDateTime::fromString(points.at(i).key, Qt::ISODate);
            if (!at.isValid())
                at = QDate::fromString(points.at(i).key, Qt::ISODate).startOfDay();
            first = first.isValid() ? first : at;
            last = at;
            chart.xs << qreal(at.toMSecsSinceEpoch());
            line << QPointF(chart.xs.last(), values.at(i));
        }
        chart.line->replace(line);
        const bool byMinute = points.size() > 0 && points.first().key.contains(QLatin1Char('T'));
        chart.time->setFormat(byMinute ? QStringLiteral("HH:mm") : QStringLiteral("d MMM"));
        chart.time->setTickCount(byMinute ? 7 : 5); // "13 Nov" needs more room than "10:15" at 1024 pixels
        if (first.isValid())
            chart.time->setRange(first, last > first ? last : first.addDays(1));
    }
    double top = values.isEmpty() ? 0 : *std::ranges::max_element(values);
    if (chart.target) {
        // Across the plot: the first to the last day, or the bars' categories from edge to edge.
        const double target = std::max(0.0, chart.targetValue) * 100;
        qreal left = chart.xs.isEmpty() ? 0 : chart.xs.first();
        qreal right = chart.xs.isEmpty() ? 1 : std::max(chart.xs.last(), left + 1);
        if (chart.set) {
            left = -0.5;
            right = std::max<qreal>(0.5, qreal(points.size()) - 0.5);
        }
        chart.target->replace({QPointF(left, target), QPointF(right, target)});
        chart.target->setVisible(chart.targetValue >= 0);
        chart.target->setName(
            tr("Target %1")
                .arg(m_format.text(DashboardFigures::point(QString(), chart.targetValue), chart.spec.series)));
        top = std::max(top, target);
    }
    // Labels are whole numbers: a small top (or none yet) gets whole steps rather than 0, 0.5, 1, which
    // would read "0, 1, 1, 2".
    if (top * 1.1 > 4) {
        chart.axisY->setRange(0, top * 1.1);
        chart.axisY->applyNiceNumbers();
    } else {
        chart.axisY->setRange(0, 4);
        chart.axisY->setTickCount(5);
    }
    chart.chart->setTitle(points.isEmpty() ? tr("%1 (none in this period)").arg(chart.spec.title) : chart.spec.title);
}

int DashboardPage::nearestPoint(const Chart &chart, qreal x) const
{
    const QList<qreal> &xs = chart.xs;
    const auto after = std::ranges::lower_bound(xs, x);
    qsizetype nearest = after - xs.begin();
    if (nearest > 0 && (nearest == xs.size() || x - xs.at(nearest - 1) < xs.at(nearest) - x))
        --nearest;
    return int(nearest);
}

bool DashboardPage::eventFilter(QObject *watched, QEvent *event)
{
    const auto tile = std::ranges::find(m_tiles, watched, &Tile::frame);
    if (tile == m_tiles.end())
        return QWidget::eventFilter(watched, event);
    bool activated = false;
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        activated = mouse->button() == Qt::LeftButton && tile->frame->rect().contains(mouse->position().toPoint());
    } else if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        activated = key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Space;
    }
    if (!activated)
        return QWidget::eventFilter(watched, event);
    if (m_hasFigures)
        emit drillRequested(tile->name, QString());
    return true;
}

void DashboardPage::showChartTip(const Chart &chart, int index)
{
    if (index < 0 || index >= chart.points.size())
        return;
    const DashboardPoint &point = chart.points.at(index);
    QString tip = tr("%1\n%2: %3").arg(chart.spec.title, point.key, m_format.exact(point, chart.spec.series));
    if (chart.target && chart.targetValue >= 0)
        tip += QLatin1Char('\n') +
               tr("Target: %1")
                   .arg(m_format.exact(DashboardFigures::point(QString(), chart.targetValue), chart.spec.series));
    const QString notClickable = DashboardDrill::notClickableText(m_spec.dashboard, chart.spec.series);
    tip += QLatin1Char('\n') + (notClickable.isEmpty() ? DashboardDrill::opensText(m_spec.dashboard) : notClickable);
    QToolTip::showText(QCursor::pos(), tip, chart.view);
}

void DashboardPage::setState(const QString &text)
{
    m_state->setText(text);
    m_state->setVisible(!text.isEmpty());
}

void DashboardPage::showLoading()
{
    setState(m_hasFigures ? tr("Updating…") : tr("Reading the figures…"));
}

void DashboardPage::showError(const Error &error)
{
    setState(tr("The figures could not be read: %1 Choose Refresh to try again.").arg(error.message));
}

void DashboardPage::setFigures(const DashboardFigures &figures, const std::optional<DashboardFigures> &previous,
                               const DashboardFormat &format)
{
    m_format = format;
    m_hasFigures = true;
    m_figures = figures;
    m_previous = previous;
    if (m_lists)
        setListTiles(m_figures, *m_lists); // the newest lists' counts until the next lists come
    showTiles();
    // The target lines the settings give (the figures' tiles), before the charts are drawn.
    for (Chart &chart : m_charts)
        if (!chart.spec.targetTile.isEmpty())
            chart.targetValue = figures.tileValue(chart.spec.targetTile).value_or(chart.spec.target);
    m_chartFigures = figures;
    m_nextChart = 0;
    updateNextChart(++m_chartGeneration);
    setState(isEmpty(figures) ? tr("Nothing to show for this period and branch yet: try a longer period or another "
                                   "branch.")
                              : QString());
}

// The tiles and the table of m_figures.
void DashboardPage::showTiles()
{
    const DashboardFigures &figures = m_figures;
    const std::optional<DashboardFigures> &previous = m_previous;
    const DashboardFormat &format = m_format;
    m_model->setFigures(figures, previous, format, m_spec.labels());
    for (Tile &tile : m_tiles) {
        const DashboardSpec::Tile &spec = *std::ranges::find(m_spec.tiles, tile.name, &DashboardSpec::Tile::name);
        const DashboardPoint *point = figures.tile(tile.name);
        if (!point) {
            tile.value->setText(QStringLiteral("–"));
            continue;
        }
        const QString text = format.text(*point, tile.name);
        tile.value->setText(text);
        tile.frame->setAccessibleDescription(tile.frame->property("drills").toBool()
                                                 ? tr("%1. %2").arg(text, DashboardDrill::opensText(m_spec.dashboard))
                                                 : text);
        QString tip = spec.definition + QLatin1Char('\n') + tr("Exactly: %1").arg(format.exact(*point, tile.name));
        if (const DashboardPoint *target = figures.tile(tile.name + QStringLiteral("_target")))
            tip += QLatin1Char('\n') + tr("Target: %1").arg(format.text(*target, target->key));
        const DashboardPoint *before = previous ? previous->tile(tile.name) : nullptr;
        tile.delta->setVisible(before != nullptr);
        if (before) {
            const DashboardPoint change = difference(*point, *before);
            const QString sign = change.value > 0   ? QStringLiteral("▲ +")
                                 : change.value < 0 ? QStringLiteral("▼ ")
                                                    : QString();
            tile.delta->setText(tr("%1%2 on the previous period").arg(sign, format.text(change, tile.name)));
            tip += QLatin1Char('\n') + tr("Previous period: %1").arg(format.exact(*before, tile.name));
        }
        tip += QLatin1Char('\n') + (tile.frame->property("drills").toBool()
                                        ? DashboardDrill::opensText(m_spec.dashboard)
                                        : DashboardDrill::notClickableText(m_spec.dashboard, tile.name));
        tile.frame->setToolTip(tip);
    }
}

void DashboardPage::updateNextChart(quint64 generation)
{
    if (generation != m_chartGeneration)
        return;
    if (chartsPending()) {
        Chart &chart = m_charts[m_nextChart++];
        const DashboardSeries *points = m_chartFigures.seriesNamed(chart.spec.series);
        updateChart(chart, points ? *points : DashboardSeries());
    }
    if (!chartsPending()) {
        emit chartsShown();
        return;
    }
    // A timer rather than a queued call: it fires after the posted repaint of the chart just updated.
    QTimer::singleShot(1, this, [this, generation] { updateNextChart(generation); });
}

void DashboardPage::setTableShown(bool table)
{
    m_views->setCurrentIndex(table ? 1 : 0);
}

bool DashboardPage::tableShown() const
{
    return m_views->currentIndex() == 1;
}

double DashboardPage::chartTarget(int chart) const
{
    return m_charts.at(chart).target ? m_charts.at(chart).targetValue : -1;
}

void DashboardPage::buildRentalLists()
{
    const auto list = [this](const QString &name, const QStringList &headers) {
        auto *tree = new QTreeWidget;
        tree->setObjectName(name);
        tree->setRootIsDecorated(false);
        tree->setUniformRowHeights(true);
        tree->setAllColumnsShowFocus(true);
        tree->setHeaderLabels(headers);
        tree->setMinimumHeight(kChartHeight);
        tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        // Double-click or Enter opens the row's car or booking (kept in the first column's data).
        connect(tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
            emit linkRequested(item->data(0, Qt::UserRole).value<SectionLink>());
        });
        return tree;
    };
    m_idleCars =
        list(QStringLiteral("idleCarsList"), {tr("Stock #"), tr("Car"), tr("Branch"), tr("Last rental ended")});
    m_idleCars->setAccessibleName(tr("Idle cars now"));
    m_idleCars->setAccessibleDescription(tr("Double-click or press Enter to open the car in Fleet."));
    m_overdue = list(QStringLiteral("overdueRentalsList"),
                     {tr("Booking"), tr("Stock #"), tr("Car"), tr("Customer"), tr("Branch"), tr("Due back")});
    m_overdue->setAccessibleName(tr("Overdue rentals now"));
    m_overdue->setAccessibleDescription(tr("Double-click or press Enter to open the booking."));
    const int row = int((m_charts.size() + kChartsPerRow - 1) / kChartsPerRow);
    int column = 0;
    for (auto [box, tree] : {std::pair{&m_idleBox, m_idleCars}, std::pair{&m_overdueBox, m_overdue}}) {
        *box = new QGroupBox(m_chartArea);
        auto *layout = new QVBoxLayout(*box);
        layout->addWidget(tree);
        m_chartGrid->addWidget(*box, row, column++);
    }
}

void DashboardPage::setRentalLists(const RentalLists &lists)
{
    if (!m_idleCars)
        buildRentalLists();
    m_lists = lists;
    if (m_hasFigures) {
        setListTiles(m_figures, lists);
        showTiles();
    }
    const auto when = [](const QDateTime &at) { return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat); };
    const auto title = [this](const QString &name, const QString &text, qint64 count, qsizetype shown) {
        const QString all = m_format.text(DashboardFigures::point(name, double(count)), name);
        return count > shown ? tr("%1: %2 (the first %3 shown)")
                                   .arg(text, all, m_format.text(DashboardFigures::point(name, double(shown)), name))
                             : tr("%1: %2").arg(text, all);
    };
    m_idleBox->setTitle(title(QStringLiteral("idle_cars"), tr("Idle cars now"), lists.idleCount, lists.idle.size()));
    m_overdueBox->setTitle(
        title(QStringLiteral("overdue_rentals"), tr("Overdue rentals now"), lists.overdueCount, lists.overdue.size()));
    const auto carName = [](const QString &make, const QString &model) {
        return QString(make + QLatin1Char(' ') + model).simplified();
    };
    m_idleCars->clear();
    for (const IdleCar &car : lists.idle) {
        auto *item = new QTreeWidgetItem(m_idleCars,
                                         {car.stockNumber, carName(car.make, car.model), car.branchCode,
                                          car.lastRentalEnd.isValid() ? when(car.lastRentalEnd) : tr("Never rented")});
        item->setData(0, Qt::UserRole, QVariant::fromValue(SectionLink{SectionLink::Kind::Car, car.carId}));
    }
    m_overdue->clear();
    for (const OverdueRental &rental : lists.overdue) {
        auto *item = new QTreeWidgetItem(m_overdue, {tr("#%1").arg(rental.bookingId), rental.stockNumber,
                                                     carName(rental.make, rental.model), rental.customer,
                                                     rental.branchCode, when(rental.dueAt)});
        item->setData(0, Qt::UserRole, QVariant::fromValue(SectionLink{SectionLink::Kind::Booking, rental.bookingId}));
    }
    for (QTreeWidget *tree : {m_idleCars, m_overdue})
        if (!tree->currentItem() && tree->topLevelItemCount() > 0)
            tree->setCurrentItem(tree->topLevelItem(0));
}

QString DashboardPage::chartTitle(int chart) const
{
    return m_charts.at(chart).spec.title;
}

QChartView *DashboardPage::chartView(int chart) const
{
    return m_charts.at(chart).view;
}

QString DashboardPage::tileText(const QString &name) const
{
    const auto found = std::ranges::find(m_tiles, name, &Tile::name);
    return found == m_tiles.end() ? QString() : found->value->text();
}

Result<void> DashboardPage::exportChartPng(int chart, const QString &path) const
{
    const QPixmap image = m_charts.at(chart).view->grab();
    if (image.isNull() || !image.save(path, "PNG"))
        return std::unexpected(
            Error{Error::Code::InvalidInput,
                  tr("The chart could not be written to %1. Choose a folder you may write to.").arg(path)});
    return {};
}

Result<void> DashboardPage::exportChartSvg(int chart, const QString &path) const
{
    QChartView *view = m_charts.at(chart).view;
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(view->size());
    svg.setViewBox(view->rect());
    svg.setTitle(m_charts.at(chart).spec.title);
    QPainter painter;
    if (!painter.begin(&svg))
        return std::unexpected(
            Error{Error::Code::InvalidInput,
                  tr("The chart could not be written to %1. Choose a folder you may write to.").arg(path)});
    view->render(&painter);
    painter.end();
    return {};
}

Result<void> DashboardPage::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    const auto failed = [&] {
        return std::unexpected(Error{Error::Code::InvalidInput,
                                     tr("The figures could not be written to %1: %2. Choose a folder you may write to.")
                                         .arg(path, file.errorString())});
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed();
    CsvWriter::Options options;
    options.numericColumns = {false, false, false, true};
    CsvWriter writer(&file, options);
    const QHash<QString, QString> labels = m_spec.labels();
    const DashboardFigures &figures = m_model->figures();
    Result<void> written = writer.writeRow(
        {QStringLiteral("name"), QStringLiteral("label"), QStringLiteral("key"), QStringLiteral("value")});
    for (const DashboardPoint &tile : figures.tiles)
        if (written)
            written = writer.writeRow({tile.key, labels.value(tile.key), QString(), tile.plainText()});
    for (const auto &[name, points] : figures.series)
        for (const DashboardPoint &point : points)
            if (written)
                written = writer.writeRow({name, labels.value(name), point.key, point.plainText()});
    if (written)
        written = writer.flush();
    if (!written)
        return std::unexpected(written.error());
    if (!file.commit())
        return failed();
    return {};
}

void DashboardPage::paintReport(QPainter &painter, const QRectF &area) const
{
    // The tiles as two columns of "label: value", then the charts two by two in what is left.
    const QFontMetricsF metrics(painter.font());
    const double line = metrics.height() * 1.3;
    const double column = area.width() / 2;
    int i = 0;
    for (const Tile &tile : m_tiles) {
        const QPointF at(area.left() + (i % 2) * column, area.top() + (i / 2) * line);
        const auto spec = std::ranges::find(m_spec.tiles, tile.name, &DashboardSpec::Tile::name);
        painter.drawText(QRectF(at, QSizeF(column, line)), Qt::AlignLeft | Qt::AlignVCenter,
                         tr("%1: %2").arg(spec->label, tile.value->text()));
        ++i;
    }
    const double chartsTop = area.top() + ((i + 1) / 2) * line + line / 2;
    const int rows = int((m_charts.size() + kChartsPerRow - 1) / kChartsPerRow);
    if (rows == 0)
        return;
    const double height = (area.bottom() - chartsTop) / rows;
    const double width = area.width() / kChartsPerRow;
    for (int c = 0; c < m_charts.size(); ++c) {
        const QRectF target(area.left() + (c % kChartsPerRow) * width, chartsTop + (c / kChartsPerRow) * height,
                            width - 8, height - 8);
        m_charts.at(c).view->render(&painter, target);
    }
}

namespace {

// A list as a table in `area`: its title, the header and as many rows as fit, then "and N more" when `total`
// (every record, not only those listed) is larger than the rows painted. Returns the height used.
double paintList(QPainter &painter, const QRectF &area, const QString &title, const QTreeWidget &tree, qint64 total)
{
    const QFont body = painter.font();
    const QFontMetricsF metrics(body);
    const double line = metrics.height() * 1.3;
    QFont bold = body;
    bold.setBold(true);
    painter.setFont(bold);
    painter.drawText(QRectF(area.left(), area.top(), area.width(), line), Qt::AlignLeft | Qt::AlignVCenter, title);
    const int columns = tree.columnCount();
    QStringList headers;
    for (int c = 0; c < columns; ++c)
        headers << tree.headerItem()->text(c);
    // Each column as wide as its widest text, shrunk alike when they do not fit.
    QList<double> widths;
    double sum = 0;
    for (int c = 0; c < columns; ++c) {
        double widest = QFontMetricsF(bold).horizontalAdvance(headers.at(c));
        for (int r = 0; r < tree.topLevelItemCount(); ++r)
            widest = std::max(widest, metrics.horizontalAdvance(tree.topLevelItem(r)->text(c)));
        widths << widest + metrics.averageCharWidth() * 2;
        sum += widths.last();
    }
    const double scale = sum > area.width() ? area.width() / sum : 1.0;
    const auto paintRow = [&](double top, const QStringList &texts) {
        double left = area.left();
        for (int c = 0; c < columns; ++c) {
            const double width = widths.at(c) * scale;
            painter.drawText(QRectF(left, top, width, line), Qt::AlignLeft | Qt::AlignVCenter,
                             metrics.elidedText(texts.value(c), Qt::ElideRight, width - metrics.averageCharWidth()));
            left += width;
        }
    };
    double top = area.top() + line;
    paintRow(top, headers);
    painter.setFont(body);
    top += line;
    painter.drawLine(QPointF(area.left(), top), QPointF(area.left() + sum * scale, top));
    // Rows while they fit, keeping a line for "and N more".
    const int fits = std::max(0, int((area.bottom() - top) / line) - 1);
    const int rows = std::min(tree.topLevelItemCount(), fits);
    for (int r = 0; r < rows; ++r) {
        QStringList texts;
        for (int c = 0; c < columns; ++c)
            texts << tree.topLevelItem(r)->text(c);
        paintRow(top, texts);
        top += line;
    }
    if (total > rows) {
        painter.drawText(QRectF(area.left(), top, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                         DashboardPage::tr("and %1 more").arg(QLocale().toString(total - rows)));
        top += line;
    }
    return top - area.top();
}

} // namespace

void DashboardPage::paintReportLists(QPainter &painter, const QRectF &area) const
{
    if (!hasReportLists())
        return;
    // The two lists one above the other, each in half of the page.
    const double half = area.height() / 2;
    const auto title = [this](const QString &name, const QString &text, qint64 count) {
        return tr("%1: %2").arg(text, m_format.text(DashboardFigures::point(name, double(count)), name));
    };
    paintList(painter, QRectF(area.left(), area.top(), area.width(), half - 8),
              title(QStringLiteral("idle_cars"), tr("Idle cars now"), m_lists->idleCount), *m_idleCars,
              m_lists->idleCount);
    paintList(painter, QRectF(area.left(), area.top() + half, area.width(), half),
              title(QStringLiteral("overdue_rentals"), tr("Overdue rentals now"), m_lists->overdueCount), *m_overdue,
              m_lists->overdueCount);
}

#pragma once

#include "Error.h"
#include "domain/DashboardLists.h"
#include "models/DashboardFiguresModel.h"
#include "ui/dashboards/DashboardSpec.h"
#include "ui/shell/SectionLink.h"

#include <QWidget>

#include <optional>

class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QCategoryAxis;
class QChart;
class QChartView;
class QDateTimeAxis;
class QGridLayout;
class QGroupBox;
class QLabel;
class QLineSeries;
class QPainter;
class QStackedWidget;
class QTableView;
class QTreeWidget;
class QValueAxis;

// One dashboard: KPI tiles on top, then its charts or, in the table view, the same numbers as a table
// fed from the same model. It shows what it is given (the section reads the figures on a database
// thread); a new set of figures updates the charts in place (replace()), so a live change does not
// flicker.
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(DashboardSpec spec, QWidget *parent = nullptr);

    const DashboardSpec &spec() const { return m_spec; }
    DashboardFiguresModel *model() const { return m_model; }
    bool hasFigures() const { return m_hasFigures; }
    // The tiles and table show new figures at once; the charts follow one per turn of the event loop, so
    // that no single turn updates and paints them all (chartsShown() when the last one is done).
    bool chartsPending() const { return m_nextChart < m_charts.size(); }

    // Loading: says so over the figures shown until the new ones arrive (none yet: in their place).
    void showLoading();
    void showError(const Error &error);
    void setFigures(const DashboardFigures &figures, const std::optional<DashboardFigures> &previous,
                    const DashboardFormat &format);

    void setTableShown(bool table);
    bool tableShown() const;

    int chartCount() const { return int(m_charts.size()); }
    QString chartTitle(int chart) const;
    QChartView *chartView(int chart) const;
    // The tile's text as shown ("1,234"), for tests and the report.
    QString tileText(const QString &name) const;
    // The Rentals page's lists now (idle cars, overdue rentals), below its charts; an item opened (double-click
    // or Enter) asks for its car or booking (linkRequested).
    void setRentalLists(const RentalLists &lists);
    QTreeWidget *idleCarsList() const { return m_idleCars; }
    QTreeWidget *overdueList() const { return m_overdue; }
    // The target line's value of `chart` (a share), or negative when it has none.
    double chartTarget(int chart) const;

    // Exports; each says what went wrong in a sentence.
    Result<void> exportChartPng(int chart, const QString &path) const;
    Result<void> exportChartSvg(int chart, const QString &path) const;
    Result<void> exportCsv(const QString &path) const;
    // Paints the tiles and the charts into `area` of a page (the PDF report).
    void paintReport(QPainter &painter, const QRectF &area) const;
    // Whether the page shows lists (the Rentals page's idle cars and overdue rentals) the report gives on a
    // page of their own: paintReportLists() paints each list's title with its count, its header and the rows
    // that fit, then "and N more".
    bool hasReportLists() const { return m_idleCars != nullptr && m_lists.has_value(); }
    void paintReportLists(QPainter &painter, const QRectF &area) const;

signals:
    void chartsShown(); // the last chart of new figures is updated
    void linkRequested(const SectionLink &link);
    // A click (or Enter/Space on a tile) on a figure that has a list of records (DashboardDrill::drills):
    // a tile (`key` empty) or a bar/point of a series.
    void drillRequested(const QString &figure, const QString &key);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Tile
    {
        QString name;
        QWidget *frame = nullptr;
        QLabel *value = nullptr;
        QLabel *delta = nullptr;
    };
    struct Chart
    {
        DashboardSpec::Chart spec;
        QChartView *view = nullptr;
        QChart *chart = nullptr;
        QBarSeries *bars = nullptr;
        QBarSet *set = nullptr;
        QLineSeries *line = nullptr;
        QLineSeries *target = nullptr;
        double targetValue = -1;                // the target line's share in force (spec.target until a tile gives it)
        QBarCategoryAxis *categories = nullptr; // bars: a category per point
        QCategoryAxis *days = nullptr;          // bars over many days: a few dates under them, in place of categories
        QDateTimeAxis *time = nullptr;          // lines: the points' keys are days or minutes
        QValueAxis *axisY = nullptr;
        DashboardSeries points;
        QList<qreal> xs; // lines: each point's x (ms since the epoch)
    };

    void buildChart(const DashboardSpec::Chart &spec);
    void updateChart(Chart &chart, const DashboardSeries &points);
    void updateNextChart(quint64 generation);
    void showChartTip(const Chart &chart, int index);
    // The point of a line chart nearest `x`.
    int nearestPoint(const Chart &chart, qreal x) const;
    void setState(const QString &text);
    void buildRentalLists();
    void showTiles();

    DashboardSpec m_spec;
    DashboardFiguresModel *m_model = nullptr;
    DashboardFormat m_format;
    QList<Tile> m_tiles;
    QList<Chart> m_charts;
    QLabel *m_state = nullptr;
    QStackedWidget *m_views = nullptr;
    QWidget *m_chartArea = nullptr;
    QGridLayout *m_chartGrid = nullptr;
    QTableView *m_table = nullptr;
    QGroupBox *m_idleBox = nullptr;
    QGroupBox *m_overdueBox = nullptr;
    QTreeWidget *m_idleCars = nullptr;
    QTreeWidget *m_overdue = nullptr;
    bool m_hasFigures = false;
    DashboardFigures m_figures; // the tiles' and the table's, with the lists' counts
    std::optional<DashboardFigures> m_previous;
    std::optional<RentalLists> m_lists;
    DashboardFigures m_chartFigures; // what the charts still to update show
    qsizetype m_nextChart = 0;
    quint64 m_chartGeneration = 0; // a newer setFigures() drops the older charts' updates
};

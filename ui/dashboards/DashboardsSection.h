#pragma once

#include "Error.h"
#include "models/DashboardFiguresModel.h"
#include "ui/dashboards/DashboardPeriod.h"
#include "ui/shell/Section.h"

#include <QHash>
#include <QSet>

#include <optional>

class DashboardPage;
class QAction;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QMenu;
class QPagedPaintDevice;
class QPainter;
class QTabWidget;
class QTimer;

// The Dashboards section: a toolbar shared by every dashboard (period, branch, compare with the previous
// period; remembered in UserSettings) over the five pages (DashboardSpec::all()). Figures are read from
// DashboardService on the Reports server's thread when one is set (a read replica; SectionContext::reports),
// else on the long-reads database thread, never on the GUI thread; a page is read when it is shown and its
// figures are stale. Other desks' changes (from the main server) mark the dashboards they touch stale and
// re-read the one shown; on a replica that re-read first waits for the replica to replay the change.
class DashboardsSection : public Section
{
    Q_OBJECT

public:
    explicit DashboardsSection(const SectionContext &context, QWidget *parent = nullptr);

    QString title() const override;
    QString summary() const override;
    QIcon icon() const override;
    QMenu *menu() const override { return m_menu; }
    void applyChanges(const QStringList &keys) override;

    DashboardPage *page(const QString &dashboard) const;
    DashboardPage *currentPage() const;
    void showDashboard(const QString &dashboard);
    DashboardPeriod period() const;
    // The period of a preset; for Custom, `custom` too.
    void setPeriod(DashboardPeriod::Preset preset, const DashboardPeriod &custom = {});
    // A branch code; empty: all branches.
    void setBranch(const QString &code);
    QString branch() const;
    void setComparing(bool compare);
    void setTableShown(bool table);
    // Whether the dashboard shows figures for the current choices, with no read of its own outstanding.
    bool isCurrent(const QString &dashboard) const;

    // The shown dashboard as an A4 report (title, period, branch, the day it was made, tiles and charts).
    Result<void> writePdf(const QString &path) const;

signals:
    // A page got new figures (tests wait for it).
    void figuresShown(const QString &dashboard);

protected:
    void activated() override;

private:
    // The dashboards a change of these keys touches.
    static QSet<QString> dashboardsTouchedBy(const QStringList &keys);

    void buildToolbar(QWidget *bar);
    void buildMenu();
    void loadVocabulary();
    void choiceChanged();
    // Reads `page`'s figures (and the previous period's when comparing). `restart`: the choices changed,
    // so a read under way is for the old ones and its answer is dropped; otherwise a read under way is
    // left to finish, and the page is read again after it if it went stale meanwhile (a steady stream of
    // changes still shows figures, never starving behind ever newer reads).
    void read(DashboardPage *page, bool restart);
    void readShownIfStale(bool restart = false);
    // Marks these dashboards stale and re-reads the shown one (after the live delay) if it is one of them.
    void markStale(const QSet<QString> &dashboards);
    // The Reports server's thread when one is set, else null (the figures are read on m_reads).
    DatabaseThread *reportsServer() const;
    // A connection failure on the Reports server, said as one (and where to change it).
    static Error reportsServerError(const QString &server, const Error &error);
    void markAllStale();
    // The report of the page shown: its tiles and charts, then its lists (if any) on a page of their own.
    void paintReport(QPainter &painter, QPagedPaintDevice &device, const QRectF &pageRect) const;
    void exportChart(bool svg);
    void exportCsv();
    void exportPdf();
    void print();
    void showError(const QString &what, const Error &error);
    // A figure of `page` was clicked: asks the window for the list of its records.
    void openFigure(DashboardPage *page, const QString &figure, const QString &key);
    // Targets…: the dialog, then the pages with a target line read again.
    void editTargets();

    DatabaseThread *m_reads = nullptr;
    DatabaseThread *m_primary = nullptr; // the main server: where a change's WAL position is read
    DatabaseThread *m_reports = nullptr; // SectionContext::reports
    // The main server's WAL position after the newest change: the next read on the Reports server waits
    // for the replica to replay up to it.
    std::optional<quint64> m_catchUp;
    QComboBox *m_period = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_branch = nullptr;
    QCheckBox *m_compare = nullptr;
    QAction *m_tableAction = nullptr;
    QAction *m_targetsAction = nullptr;
    QTabWidget *m_pages = nullptr;
    QWidget *m_pageButtons = nullptr; // Show as Table, Export, Targets…: the tab bar's corner
    QMenu *m_menu = nullptr;
    QTimer *m_liveTimer = nullptr;
    QList<DashboardPage *> m_pageList;
    QSet<DashboardPage *> m_stale;
    QSet<DashboardPage *> m_reading;
    QSet<DashboardPage *> m_listing;              // the Rentals page while its lists are read
    QHash<DashboardPage *, quint64> m_generation; // the newest read asked for; older answers are dropped
    DashboardFormat m_format;
    bool m_active = false;
    bool m_restoring = false;
};

#include "DashboardsSection.h"

#include "Async.h"
#include "UserSettings.h"
#include "db/DatabaseThread.h"
#include "db/Replication.h"
#include "services/DashboardService.h"
#include "services/FleetService.h"
#include "ui/dashboards/DashboardDrill.h"
#include "ui/dashboards/DashboardPage.h"
#include "ui/dashboards/DashboardTargetsDialog.h"

#include <QAction>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QPrintDialog>
#include <QPrinter>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace {

// What one read gives a page: the period's figures and, when comparing, the previous period's.
struct Read
{
    DashboardFigures now;
    std::optional<DashboardFigures> previous;
    bool replicaBehind = false; // the Reports server had not caught up with a change within the wait
};

// How long a burst of other desks' changes is gathered before the shown dashboard is read again (well
// inside the second a change may take to show).
constexpr int kLiveDelayMs = 250;

// How long a re-read on the Reports server waits for it to replay a change the main server reported: a
// replica that keeps up needs milliseconds; one that does not is read as it is after this.
constexpr std::chrono::milliseconds kReplicaWait{1500};

bool isConnectionFailure(const Error &error)
{
    switch (error.code) {
    case Error::Code::HostNotFound:
    case Error::Code::AuthenticationFailed:
    case Error::Code::ServerUnreachable:
    case Error::Code::DatabaseMissing:
    case Error::Code::ConnectionLost:
        return true;
    default:
        return false;
    }
}

} // namespace

DashboardsSection::DashboardsSection(const SectionContext &context, QWidget *parent)
    : Section(parent)
    , m_reads(context.longReads ? context.longReads : context.database)
    , m_primary(context.database)
    , m_reports(context.reports)
{
    setObjectName(QStringLiteral("dashboardsSection"));
    setAccessibleName(title());

    auto *bar = new QWidget(this);
    buildToolbar(bar);

    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("dashboardPages"));
    m_pages->setDocumentMode(true);
    m_pages->setCornerWidget(m_pageButtons, Qt::TopRightCorner);
    for (const DashboardSpec &spec : DashboardSpec::all()) {
        auto *page = new DashboardPage(spec, m_pages);
        m_pages->addTab(page, spec.title);
        connect(page, &DashboardPage::chartsShown, this, [this, page] { emit figuresShown(page->spec().dashboard); });
        m_pageList << page;
        m_stale.insert(page);
        connect(page, &DashboardPage::linkRequested, this, &Section::linkRequested); // a listed car or booking
        connect(page, &DashboardPage::drillRequested, this,
                [this, page](const QString &figure, const QString &key) { openFigure(page, figure, key); });
    }
    buildMenu();

    m_liveTimer = new QTimer(this);
    m_liveTimer->setSingleShot(true);
    m_liveTimer->setInterval(kLiveDelayMs);
    connect(m_liveTimer, &QTimer::timeout, this, [this] { readShownIfStale(); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(bar);
    layout->addWidget(m_pages, 1);

    // The choices as last left.
    m_restoring = true;
    const int preset = std::clamp(UserSettings::dashboardsPeriod.value(), 0, int(DashboardPeriod::Custom));
    const QDate today = QDate::currentDate();
    m_from->setDate(UserSettings::dashboardsFrom.value().isValid() ? UserSettings::dashboardsFrom.value()
                                                                   : today.addDays(-29));
    m_to->setDate(UserSettings::dashboardsTo.value().isValid() ? UserSettings::dashboardsTo.value() : today);
    m_period->setCurrentIndex(preset);
    m_compare->setChecked(UserSettings::dashboardsCompare.value());
    m_pages->setCurrentIndex(std::clamp(UserSettings::dashboardsPage.value(), 0, int(m_pageList.size()) - 1));
    setTableShown(UserSettings::dashboardsTable.value());
    m_restoring = false;
    const bool custom = preset == DashboardPeriod::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);

    connect(m_pages, &QTabWidget::currentChanged, this, [this](int index) {
        if (!m_restoring)
            UserSettings::dashboardsPage.setValue(index);
        readShownIfStale();
    });
}

void DashboardsSection::buildToolbar(QWidget *bar)
{
    m_period = new QComboBox(bar);
    m_period->setObjectName(QStringLiteral("dashboardPeriod"));
    m_period->setAccessibleName(tr("Period"));
    for (int preset = 0; preset < DashboardPeriod::PresetCount; ++preset)
        m_period->addItem(DashboardPeriod::name(DashboardPeriod::Preset(preset)));
    m_from = new QDateEdit(bar);
    m_from->setObjectName(QStringLiteral("dashboardFrom"));
    m_from->setAccessibleName(tr("First day"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(bar);
    m_to->setObjectName(QStringLiteral("dashboardTo"));
    m_to->setAccessibleName(tr("Last day"));
    m_to->setCalendarPopup(true);
    m_branch = new QComboBox(bar);
    m_branch->setObjectName(QStringLiteral("dashboardBranch"));
    m_branch->setAccessibleName(tr("Branch"));
    m_branch->addItem(tr("All branches"), QString());
    m_compare = new QCheckBox(tr("Compare with the previous period"), bar);
    m_compare->setObjectName(QStringLiteral("dashboardCompare"));

    auto *periodLabel = new QLabel(tr("&Period:"), bar);
    periodLabel->setBuddy(m_period);
    auto *branchLabel = new QLabel(tr("&Branch:"), bar);
    branchLabel->setBuddy(m_branch);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(periodLabel);
    row->addWidget(m_period);
    row->addWidget(m_from);
    row->addWidget(m_to);
    row->addSpacing(12);
    row->addWidget(branchLabel);
    row->addWidget(m_branch);
    row->addSpacing(12);
    row->addWidget(m_compare);
    row->addStretch();

    connect(m_period, &QComboBox::currentIndexChanged, this, &DashboardsSection::choiceChanged);
    connect(m_from, &QDateEdit::dateChanged, this, &DashboardsSection::choiceChanged);
    connect(m_to, &QDateEdit::dateChanged, this, &DashboardsSection::choiceChanged);
    connect(m_branch, &QComboBox::currentIndexChanged, this, &DashboardsSection::choiceChanged);
    connect(m_compare, &QCheckBox::toggled, this, &DashboardsSection::choiceChanged);

    // The table view's action is also in the section's menu. Its buttons sit at the right of the pages' tabs
    // (m_pageButtons, the tab bar's corner), so that the choices above keep their room on a narrow window.
    m_pageButtons = new QWidget(this);
    auto *buttons = new QHBoxLayout(m_pageButtons);
    buttons->setContentsMargins(0, 0, 0, 2);
    auto *tableButton = new QToolButton(m_pageButtons);
    tableButton->setObjectName(QStringLiteral("dashboardTableButton"));
    auto *exportButton = new QToolButton(m_pageButtons);
    exportButton->setObjectName(QStringLiteral("dashboardExportButton"));
    exportButton->setText(tr("Export"));
    exportButton->setAccessibleName(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    buttons->addWidget(tableButton);
    buttons->addWidget(exportButton);
    m_targetsAction = new QAction(tr("&Targets…"), this);
    m_targetsAction->setToolTip(tr("The utilisation and sold-within-30-days targets, for every desk."));
    connect(m_targetsAction, &QAction::triggered, this, &DashboardsSection::editTargets);
    auto *targetsButton = new QToolButton(m_pageButtons);
    targetsButton->setObjectName(QStringLiteral("dashboardTargetsButton"));
    targetsButton->setDefaultAction(m_targetsAction);
    buttons->addWidget(targetsButton);
    m_tableAction = new QAction(tr("Show as &Table"), this);
    m_tableAction->setCheckable(true);
    m_tableAction->setToolTip(tr("The same numbers as a table (the accessible view)."));
    tableButton->setDefaultAction(m_tableAction);
    connect(m_tableAction, &QAction::toggled, this, &DashboardsSection::setTableShown);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(tr("Chart as &PNG…"), this, [this] { exportChart(false); });
    exportMenu->addAction(tr("Chart as &SVG…"), this, [this] { exportChart(true); });
    exportMenu->addAction(tr("Data as &CSV…"), this, &DashboardsSection::exportCsv);
    exportMenu->addSeparator();
    exportMenu->addAction(tr("&Print…"), this, &DashboardsSection::print);
    exportMenu->addAction(tr("Export P&DF…"), this, &DashboardsSection::exportPdf);
    exportButton->setMenu(exportMenu);
}

void DashboardsSection::buildMenu()
{
    m_menu = new QMenu(tr("&Dashboards"), this);
    m_menu->addAction(tr("&Refresh"), this, [this] {
        markAllStale();
        readShownIfStale(true);
    });
    m_menu->addAction(m_tableAction);
    m_menu->addAction(m_targetsAction);
    m_menu->addSeparator();
    m_menu->addAction(tr("Export Chart as &PNG…"), this, [this] { exportChart(false); });
    m_menu->addAction(tr("Export Chart as &SVG…"), this, [this] { exportChart(true); });
    m_menu->addAction(tr("Export Data as &CSV…"), this, &DashboardsSection::exportCsv);
    m_menu->addSeparator();
    m_menu->addAction(tr("&Print…"), this, &DashboardsSection::print);
    m_menu->addAction(tr("Export P&DF…"), this, &DashboardsSection::exportPdf);
}

void DashboardsSection::editTargets()
{
    // Written on the main server (a Reports server is read-only).
    auto *dialog = new DashboardTargetsDialog(m_primary, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DashboardTargetsDialog::saved, this, [this](const DashboardTargets &targets) {
        emit statusMessage(tr("Targets saved: utilisation %1, sold within 30 days %2.")
                               .arg(m_format.text(DashboardFigures::point(QString(), targets.utilisation),
                                                  QStringLiteral("utilisation_target")),
                                    m_format.text(DashboardFigures::point(QString(), targets.soldWithin30Days),
                                                  QStringLiteral("sold_within_30_days_target"))));
        applyChanges({QString::fromLatin1(DashboardService::TargetsChangedKey)});
    });
    dialog->open();
}

void DashboardsSection::openFigure(DashboardPage *page, const QString &figure, const QString &key)
{
    // The figures shown (their period and branch), not the toolbar's choice, which may be on its way.
    const DashboardFigures &figures = page->model()->figures();
    QString title = page->spec().labels().value(figure, figure);
    if (!key.isEmpty())
        title = tr("%1: %2").arg(title, DashboardFormat::keyLabel(figure, key));
    const int branch = figures.branch.isEmpty() ? -1 : m_branch->findData(figures.branch);
    const auto link =
        DashboardDrill::link(figures, figure, key, title, branch < 0 ? QString() : m_branch->itemText(branch));
    if (link)
        emit linkRequested(*link);
}

QString DashboardsSection::title() const
{
    return tr("Dashboards");
}

QString DashboardsSection::summary() const
{
    return tr("Charts of the fleet, rentals, sales and VIN activity.");
}

QIcon DashboardsSection::icon() const
{
    return style()->standardIcon(QStyle::SP_FileDialogListView);
}

void DashboardsSection::activated()
{
    m_active = true;
    markAllStale();
    loadVocabulary();
}

// The branches for the branch list and the currency money is shown in; then the shown dashboard.
void DashboardsSection::loadVocabulary()
{
    whenFinished(m_reads->submit([](Database &database) { return FleetService::vocabulary(database); }), this,
                 [this](const Result<FleetVocabulary> &vocabulary) {
                     if (!vocabulary) {
                         currentPage()->showError(vocabulary.error());
                         return;
                     }
                     m_format = DashboardFormat(vocabulary->currency);
                     m_restoring = true;
                     const QString wanted = UserSettings::dashboardsBranch.value();
                     while (m_branch->count() > 1)
                         m_branch->removeItem(1);
                     for (const Branch &branch : vocabulary->branches)
                         m_branch->addItem(tr("%1 – %2").arg(branch.code, branch.name), branch.code);
                     m_branch->setCurrentIndex(std::max(0, m_branch->findData(wanted)));
                     m_restoring = false;
                     readShownIfStale(true);
                 });
}

void DashboardsSection::choiceChanged()
{
    const bool custom = m_period->currentIndex() == DashboardPeriod::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    if (m_restoring)
        return;
    UserSettings::dashboardsPeriod.setValue(m_period->currentIndex());
    if (custom) {
        UserSettings::dashboardsFrom.setValue(m_from->date());
        UserSettings::dashboardsTo.setValue(m_to->date());
    }
    UserSettings::dashboardsBranch.setValue(branch());
    UserSettings::dashboardsCompare.setValue(m_compare->isChecked());
    markAllStale();
    readShownIfStale(true);
}

DashboardPeriod DashboardsSection::period() const
{
    const auto preset = DashboardPeriod::Preset(m_period->currentIndex());
    if (preset == DashboardPeriod::Custom)
        return {m_from->date(), m_to->date()};
    return DashboardPeriod::of(preset, QDate::currentDate());
}

void DashboardsSection::setPeriod(DashboardPeriod::Preset preset, const DashboardPeriod &custom)
{
    if (preset == DashboardPeriod::Custom) {
        m_restoring = true;
        m_from->setDate(custom.from);
        m_to->setDate(custom.to);
        m_restoring = false;
    }
    if (m_period->currentIndex() == preset)
        choiceChanged();
    else
        m_period->setCurrentIndex(preset);
}

void DashboardsSection::setBranch(const QString &code)
{
    m_branch->setCurrentIndex(std::max(0, m_branch->findData(code)));
}

QString DashboardsSection::branch() const
{
    return m_branch->currentData().toString();
}

void DashboardsSection::setComparing(bool compare)
{
    m_compare->setChecked(compare);
}

void DashboardsSection::setTableShown(bool table)
{
    m_tableAction->setChecked(table);
    for (DashboardPage *page : m_pageList)
        page->setTableShown(table);
    if (!m_restoring)
        UserSettings::dashboardsTable.setValue(table);
}

DashboardPage *DashboardsSection::page(const QString &dashboard) const
{
    for (DashboardPage *page : m_pageList)
        if (page->spec().dashboard == dashboard)
            return page;
    return nullptr;
}

bool DashboardsSection::isCurrent(const QString &dashboard) const
{
    DashboardPage *shown = page(dashboard);
    return shown && shown->hasFigures() && !shown->chartsPending() && !m_stale.contains(shown) &&
           !m_reading.contains(shown) && !m_listing.contains(shown);
}

DashboardPage *DashboardsSection::currentPage() const
{
    return static_cast<DashboardPage *>(m_pages->currentWidget());
}

void DashboardsSection::showDashboard(const QString &dashboard)
{
    if (DashboardPage *shown = page(dashboard))
        m_pages->setCurrentWidget(shown);
}

void DashboardsSection::markAllStale()
{
    for (DashboardPage *page : m_pageList)
        m_stale.insert(page);
}

void DashboardsSection::readShownIfStale(bool restart)
{
    if (m_active && m_stale.contains(currentPage()))
        read(currentPage(), restart);
}

void DashboardsSection::read(DashboardPage *page, bool restart)
{
    if (!restart && m_reading.contains(page))
        return; // read again when the one under way has answered
    const DashboardPeriod shown = period();
    if (!shown.isValid()) {
        page->showError(Error{Error::Code::InvalidInput, tr("The period's last day is before its first.")});
        return;
    }
    m_stale.remove(page);
    m_reading.insert(page);
    const quint64 generation = ++m_generation[page];
    page->showLoading();
    const QString dashboard = page->spec().dashboard;
    const DashboardQuery query{shown.from, shown.to, branch(), {}};
    std::optional<DashboardQuery> before;
    if (m_compare->isChecked() && page->spec().usesPeriod) {
        const DashboardPeriod previous = shown.previous();
        before = DashboardQuery{previous.from, previous.to, branch(), {}};
    }
    const std::optional<quint64> catchUp = std::exchange(m_catchUp, std::nullopt);
    DatabaseThread *reports = reportsServer();
    const QString reportsName = reports ? reports->profile()->describe() : QString();
    whenFinished(
        (reports ? reports : m_reads)->submit([dashboard, query, before, catchUp](Database &database) -> Result<Read> {
            Read read;
            if (catchUp) {
                const auto replayed = Replication::waitForReplay(database, *catchUp, kReplicaWait);
                if (!replayed)
                    return std::unexpected(replayed.error());
                read.replicaBehind = !*replayed;
            }
            auto now = DashboardService::figures(database, dashboard, query);
            if (!now)
                return std::unexpected(now.error());
            read.now = *now;
            if (before) {
                auto previous = DashboardService::figures(database, dashboard, *before);
                if (!previous)
                    return std::unexpected(previous.error());
                read.previous = *previous;
            }
            return read;
        }),
        this, [this, page, generation, reportsName, catchUp](const Result<Read> &read) {
            if (generation != m_generation.value(page))
                return; // a newer read is on its way
            m_reading.remove(page);
            if (!read) {
                m_stale.insert(page);
                page->showError(reportsName.isEmpty() ? read.error() : reportsServerError(reportsName, read.error()));
                return;
            }
            page->setFigures(read->now, read->previous, m_format); // figuresShown() follows the charts
            if (read->replicaBehind) {
                // Read again (after the live delay) until the replica has the change.
                m_catchUp = std::max(m_catchUp.value_or(0), *catchUp);
                m_stale.insert(page);
                emit statusMessage(tr("The reports server is behind the main server: the dashboard may "
                                      "not show the newest changes yet."));
            }
            if (m_stale.contains(page) && page == currentPage() && !m_liveTimer->isActive())
                m_liveTimer->start(); // changes arrived while it was read
        });
    // The Rentals page's lists "now" follow as a read of their own (queued after the figures on the same
    // thread), so that the period's figures and charts do not wait for a read over the whole rental fleet.
    if (page->spec().dashboard != QLatin1String("rentals"))
        return;
    m_listing.insert(page);
    whenFinished((reports ? reports : m_reads)->submit([query](Database &database) {
        return DashboardService::rentalLists(database, query);
    }),
                 this, [this, page, generation, reportsName](const Result<RentalLists> &lists) {
                     if (generation != m_generation.value(page))
                         return;
                     m_listing.remove(page);
                     if (lists)
                         page->setRentalLists(*lists);
                     else
                         page->showError(reportsName.isEmpty() ? lists.error()
                                                               : reportsServerError(reportsName, lists.error()));
                 });
}

DatabaseThread *DashboardsSection::reportsServer() const
{
    return m_reports && m_reports->profile() ? m_reports : nullptr;
}

Error DashboardsSection::reportsServerError(const QString &server, const Error &error)
{
    if (!isConnectionFailure(error))
        return error;
    return Error{error.code,
                 tr("The reports server %1 cannot be reached: %2 Check File › Connection… › Reports server, or "
                    "clear it to use the main server.")
                     .arg(server, error.message),
                 error.detail};
}

QSet<QString> DashboardsSection::dashboardsTouchedBy(const QStringList &keys)
{
    QSet<QString> touched;
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("car:")))
            touched << QStringLiteral("stock") << QStringLiteral("sales") << QStringLiteral("rentals");
        else if (key.startsWith(QLatin1String("booking:")))
            touched << QStringLiteral("rentals") << QStringLiteral("stock"); // stock: the most booked models
        else if (key.startsWith(QLatin1String("vin_request:")))
            touched << QStringLiteral("vin");
        else if (key == QLatin1String(DashboardService::TargetsChangedKey))
            touched << QStringLiteral("rentals") << QStringLiteral("sales"); // their target lines
    }
    if (!keys.isEmpty())
        touched << QStringLiteral("operations"); // every change is an event handled
    return touched;
}

void DashboardsSection::applyChanges(const QStringList &keys)
{
    const QSet<QString> touched = dashboardsTouchedBy(keys);
    if (touched.isEmpty() || !reportsServer() || !m_primary) {
        markStale(touched);
        return;
    }
    // Read from a replica: the re-read first waits until the replica has replayed the main server's
    // write-ahead log up to where it was when the change arrived (its notification is sent at commit, so
    // the change is before that position).
    whenFinished(m_primary->submit([](Database &database) { return Replication::currentPosition(database); }), this,
                 [this, touched](const Result<std::optional<quint64>> &position) {
                     if (position && *position)
                         m_catchUp = std::max(m_catchUp.value_or(0), **position);
                     markStale(touched);
                 });
}

void DashboardsSection::markStale(const QSet<QString> &dashboards)
{
    for (DashboardPage *page : m_pageList)
        if (dashboards.contains(page->spec().dashboard))
            m_stale.insert(page);
    // Not restarted by every change: under a steady stream the shown figures still follow within the delay.
    if (m_active && m_stale.contains(currentPage()) && !m_liveTimer->isActive())
        m_liveTimer->start();
}

void DashboardsSection::showError(const QString &what, const Error &error)
{
    QMessageBox::warning(this, what, error.message);
}

void DashboardsSection::exportChart(bool svg)
{
    DashboardPage *shown = currentPage();
    if (shown->chartCount() == 0)
        return;
    QStringList titles;
    for (int chart = 0; chart < shown->chartCount(); ++chart)
        titles << shown->chartTitle(chart);
    bool chosen = false;
    const QString title = QInputDialog::getItem(this, tr("Export Chart"), tr("Chart:"), titles, 0, false, &chosen);
    if (!chosen)
        return;
    const int chart = int(titles.indexOf(title));
    const QString suffix = svg ? QStringLiteral("svg") : QStringLiteral("png");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Chart"),
                                     QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                                         QLatin1Char('/') + title + QLatin1Char('.') + suffix,
                                     svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    const auto written = svg ? shown->exportChartSvg(chart, path) : shown->exportChartPng(chart, path);
    if (!written)
        showError(tr("Export Chart"), written.error());
    else
        emit statusMessage(tr("Chart written to %1.").arg(path));
}

void DashboardsSection::exportCsv()
{
    DashboardPage *shown = currentPage();
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Data"),
                                     QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                                         QLatin1Char('/') + shown->spec().title + QStringLiteral(".csv"),
                                     tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const auto written = shown->exportCsv(path);
    if (!written)
        showError(tr("Export Data"), written.error());
    else
        emit statusMessage(tr("Figures written to %1.").arg(path));
}

void DashboardsSection::paintReport(QPainter &painter, QPagedPaintDevice &device, const QRectF &pageRect) const
{
    const DashboardPage *shown = currentPage();
    const QLocale locale;
    QFont heading = painter.font();
    heading.setPointSizeF(heading.pointSizeF() * 1.6);
    heading.setBold(true);
    const QFont body = painter.font();
    const double headingHeight = QFontMetricsF(heading).height() * 1.4;
    const double line = QFontMetricsF(body).height() * 1.3;
    const QString branchText = branch().isEmpty() ? tr("All branches") : m_branch->currentText();
    const QString periodText = shown->spec().usesPeriod ? period().text() : tr("now");
    const QString made = locale.toString(QDateTime::currentDateTime(), QLocale::ShortFormat);
    // Each page: the dashboard, its period and branch, the day it was made; what is left below.
    const auto head = [&](const QString &title) {
        painter.setFont(heading);
        painter.drawText(QRectF(pageRect.topLeft(), QSizeF(pageRect.width(), headingHeight)),
                         Qt::AlignLeft | Qt::AlignVCenter, title);
        painter.setFont(body);
        painter.drawText(QRectF(pageRect.left(), pageRect.top() + headingHeight, pageRect.width(), line),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         tr("Period: %1 · Branch: %2 · Made %3").arg(periodText, branchText, made));
        return QRectF(pageRect.left(), pageRect.top() + headingHeight + line * 2, pageRect.width(),
                      pageRect.height() - headingHeight - line * 2);
    };
    shown->paintReport(painter, head(tr("Forecourt: %1").arg(shown->spec().title)));
    if (shown->hasReportLists() && device.newPage())
        shown->paintReportLists(painter, head(tr("Forecourt: %1, lists now").arg(shown->spec().title)));
}

Result<void> DashboardsSection::writePdf(const QString &path) const
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    writer.setTitle(tr("Forecourt: %1").arg(currentPage()->spec().title));
    QPainter painter;
    if (!painter.begin(&writer))
        return std::unexpected(
            Error{Error::Code::InvalidInput,
                  tr("The report could not be written to %1. Choose a folder you may write to.").arg(path)});
    paintReport(painter, writer, QRectF(QPointF(0, 0), QSizeF(writer.width(), writer.height())));
    painter.end();
    return {};
}

void DashboardsSection::exportPdf()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export PDF"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QLatin1Char('/') +
            tr("%1 %2").arg(currentPage()->spec().title, QDate::currentDate().toString(Qt::ISODate)) +
            QStringLiteral(".pdf"),
        tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    const auto written = writePdf(path);
    if (!written)
        showError(tr("Export PDF"), written.error());
    else
        emit statusMessage(tr("Report written to %1.").arg(path));
}

void DashboardsSection::print()
{
    QPrinter printer;
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageOrientation(QPageLayout::Landscape);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QPainter painter(&printer);
    paintReport(painter, printer,
                printer.pageLayout()
                    .paintRectPixels(printer.resolution())
                    .translated(-printer.pageLayout().paintRectPixels(printer.resolution()).topLeft()));
}

#include "VinReportsPage.h"

#include "Async.h"
#include "UserSettings.h"
#include "VinReportDialog.h"
#include "VinSettingsDialog.h"
#include "db/DatabaseThread.h"
#include "models/CurrentRowKeeper.h"
#include "models/VinRequestListModel.h"
#include "ui/common/FigureFilterBar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace {} // namespace

VinReportsPage::VinReportsPage(const SectionContext &context, QWidget *parent)
    : Section(parent)
    , m_database(context.database)
    , m_input(new QPlainTextEdit(this))
    , m_fresh(new QCheckBox(tr("Ask again even if a recent report exists"), this))
    , m_request(new QPushButton(tr("&Request report"), this))
    , m_message(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_mine(new QCheckBox(tr("Only mine"), this))
    , m_count(new QLabel(this))
    , m_view(new QTableView(this))
    , m_model(new VinRequestListModel(context.database, this))
    , m_open(new QPushButton(tr("&Open report"), this))
    , m_retry(new QPushButton(tr("Re&try failed"), this))
    , m_reloadTimer(new QTimer(this))
    , m_figureBar(new FigureFilterBar(this))
{
    m_model->setBackgroundThread(context.longReads); // the count and the anchors
    setObjectName(QStringLiteral("vinReportsPage"));
    auto *title = new QLabel(tr("VIN reports"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_input->setObjectName(QStringLiteral("vinInput"));
    m_input->setAccessibleName(tr("VINs to request"));
    m_input->setPlaceholderText(tr("Type or paste VINs: one a line, or separated by commas"));
    m_input->setTabChangesFocus(true);
    m_input->setFixedHeight(m_input->fontMetrics().lineSpacing() * 3 + 14);
    m_request->setObjectName(QStringLiteral("requestReport"));
    m_request->setToolTip(tr("Queue a report for each VIN (Ctrl+Return); the background worker makes them"));
    auto *fromCsv = new QPushButton(tr("From &CSV…"), this);
    fromCsv->setObjectName(QStringLiteral("requestFromCsv"));
    fromCsv->setToolTip(tr("Request a report for every VIN in a CSV file's VIN column"));
    auto *settings = new QPushButton(tr("&Settings…"), this);
    settings->setObjectName(QStringLiteral("vinSettings"));
    settings->setToolTip(tr("vPIC, the history provider and its API key, how long reports are reused"));
    m_fresh->setObjectName(QStringLiteral("askAgain"));
    m_message->setObjectName(QStringLiteral("requestMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *requestButtons = new QVBoxLayout;
    requestButtons->addWidget(m_request);
    requestButtons->addWidget(fromCsv);
    requestButtons->addStretch();
    auto *requestRow = new QHBoxLayout;
    requestRow->addWidget(m_input, 1);
    requestRow->addLayout(requestButtons);
    auto *optionsRow = new QHBoxLayout;
    optionsRow->addWidget(m_fresh);
    optionsRow->addStretch();
    optionsRow->addWidget(settings);

    m_search->setObjectName(QStringLiteral("vinSearch"));
    m_search->setPlaceholderText(tr("Search VIN, vehicle or stock number"));
    m_search->setAccessibleName(tr("Search requests"));
    m_search->setClearButtonEnabled(true);
    m_status->setObjectName(QStringLiteral("vinStatus"));
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("Any status"), QString());
    m_status->addItem(tr("Pending"), QStringLiteral("pending"));
    m_status->addItem(tr("Done"), QStringLiteral("done"));
    m_status->addItem(tr("Failed"), QStringLiteral("failed"));
    m_mine->setObjectName(QStringLiteral("onlyMine"));
    m_count->setObjectName(QStringLiteral("vinCount"));
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_search, 2);
    filterRow->addWidget(m_status);
    filterRow->addWidget(m_mine);
    filterRow->addStretch(1);
    filterRow->addWidget(m_count);

    m_view->setObjectName(QStringLiteral("vinRequests"));
    m_view->setAccessibleName(tr("VIN report requests"));
    m_view->setModel(m_model);
    m_keepCurrent = new CurrentRowKeeper(m_model, m_view->selectionModel());
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(VinRequestListModel::Findings, QHeaderView::Stretch);
    m_view->setColumnWidth(VinRequestListModel::Requested, 130);
    m_view->setColumnWidth(VinRequestListModel::Vin, 160);
    m_view->setColumnWidth(VinRequestListModel::Vehicle, 200);
    m_view->setColumnWidth(VinRequestListModel::Status, 140);
    m_view->setColumnWidth(VinRequestListModel::RequestedBy, 90);
    m_view->setColumnWidth(VinRequestListModel::Finished, 130);
    m_view->horizontalHeader()->restoreState(UserSettings::vinReportsHeader.value());

    m_open->setObjectName(QStringLiteral("openReport"));
    m_open->setToolTip(tr("Show the selected request's report (Enter)"));
    m_retry->setObjectName(QStringLiteral("retryFailed"));
    m_retry->setToolTip(tr("Queue the selected failed requests again"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_open);
    actions->addWidget(m_retry);
    actions->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(requestRow);
    layout->addLayout(optionsRow);
    layout->addWidget(m_message);
    layout->addLayout(filterRow);
    layout->addWidget(m_figureBar);
    layout->addWidget(m_view, 1);
    layout->addLayout(actions);

    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(300);
    connect(m_reloadTimer, &QTimer::timeout, this, &VinReportsPage::reload);
    connect(m_search, &QLineEdit::textChanged, m_reloadTimer, qOverload<>(&QTimer::start));
    // A change of the list's own filters replaces a dashboard's filter.
    const auto filterChanged = [this] {
        dropFigureFilter();
        reload();
    };
    connect(m_status, &QComboBox::currentIndexChanged, this, filterChanged);
    connect(m_mine, &QCheckBox::toggled, this, filterChanged);
    connect(m_figureBar, &FigureFilterBar::clearRequested, this, filterChanged);
    connect(m_request, &QPushButton::clicked, this, [this] { requestFromText(m_input->toPlainText()); });
    auto *submit = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_input);
    connect(submit, &QShortcut::activated, m_request, &QPushButton::click);
    connect(fromCsv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Request VIN reports from a CSV file"), QString(),
                                                          tr("CSV files (*.csv *.txt);;All files (*)"));
        if (!path.isEmpty())
            requestFromCsv(path);
    });
    connect(settings, &QPushButton::clicked, this, &VinReportsPage::openSettings);
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QList<VinRequestRow> selected = selectedRequests();
        if (!selected.isEmpty() && selected.constFirst().reportId)
            openReport(selected.constFirst().reportId);
    });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const auto row = m_model->rowAt(index.row()); row && row->reportId)
            openReport(row->reportId);
    });
    connect(m_retry, &QPushButton::clicked, this, &VinReportsPage::retrySelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &VinReportsPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &VinReportsPage::updateActions);
    connect(m_model, &VinRequestListModel::pageLoaded, this, [this] {
        updateActions(); // the selected requests' status may have changed
        selectWhenLoaded();
    });
    connect(m_model, &VinRequestListModel::countChanged, this, &VinReportsPage::countPending);
    connect(m_model, &VinRequestListModel::settled, this, &VinReportsPage::finishLoading);
    connect(m_model, &VinRequestListModel::failed, this, [this](const Error &error) {
        m_count->setText(error.message);
        m_loading = false;
    });
    updateActions();
}

VinReportsPage::~VinReportsPage()
{
    UserSettings::vinReportsHeader.setValue(m_view->horizontalHeader()->saveState());
}

QString VinReportsPage::title() const
{
    return tr("VIN reports");
}

QString VinReportsPage::summary() const
{
    return tr("Vehicle history reports requested by VIN.");
}

QIcon VinReportsPage::icon() const
{
    return style()->standardIcon(QStyle::SP_FileDialogContentsView);
}

void VinReportsPage::activated()
{
    m_active = true;
    reload();
}

void VinReportsPage::applyChanges(const QStringList &keys)
{
    if (!m_active)
        return;
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("vin_request:"))) {
            m_reloadTimer->start();
            return;
        }
    }
}

void VinReportsPage::open(const SectionLink &link)
{
    if (link.kind == SectionLink::Kind::VinRequests)
        showFigureFilter(link.vinRequests, link.title);
    else
        openRequest(link.id);
}

void VinReportsPage::showFigureFilter(const VinRequestFilter &filter, const QString &title)
{
    m_figureFilter = filter;
    m_figureBar->showFilter(title);
    {
        // The bar shows what it can of it: one status.
        const QSignalBlocker statusBlocker(m_status);
        const QSignalBlocker mineBlocker(m_mine);
        const QSignalBlocker searchBlocker(m_search);
        m_status->setCurrentIndex(filter.statuses.size() == 1 ? std::max(0, m_status->findData(filter.statuses.first()))
                                                              : 0);
        m_mine->setChecked(filter.mine);
        m_search->setText(filter.text);
    }
    m_reloadTimer->stop();
    reload();
}

void VinReportsPage::dropFigureFilter()
{
    m_figureFilter.reset();
    m_figureBar->clear();
}

// Every request that passes the filter, a page at a time: a new filter reads the list from its start, the
// same one (the worker's progress, other desks' requests) reads the rows in view again where they are.
void VinReportsPage::reload()
{
    if (!m_active)
        return;
    VinRequestFilter filter = m_figureFilter.value_or(VinRequestFilter());
    filter.text = m_search->text().trimmed();
    if (!m_figureFilter) {
        if (const QString status = m_status->currentData().toString(); !status.isEmpty())
            filter.statuses = {status};
        filter.mine = m_mine->isChecked();
    }
    m_loading = true;
    m_keepCurrent->remember();
    m_model->show(filter);
}

// The count says how many of the requests are pending: a count of its own.
void VinReportsPage::countPending(qint64 count)
{
    const VinRequestFilter filter = m_model->query();
    const bool filtered = !filter.text.isEmpty() || !filter.statuses.isEmpty() || filter.mine || m_figureFilter;
    const QString pendingKey = QStringLiteral("pending");
    if (count == 0) {
        m_count->setText(filtered ? tr("No requests match.")
                                  : tr("No VIN reports asked for yet: type or paste a VIN above."));
        return;
    }
    if (!filter.statuses.isEmpty() && !filter.statuses.contains(pendingKey)) {
        m_count->setText(tr("%n request(s)", nullptr, int(count)));
        return;
    }
    VinRequestFilter pending = filter;
    pending.statuses = {pendingKey};
    ++m_countingPending;
    whenFinished(m_database->submit([pending](Database &db) { return VinReportService::count(db, pending); }), this,
                 [this, count, filter](const Result<qint64> &pendingCount) {
                     --m_countingPending;
                     if (filter == m_model->query()) { // still the list shown
                         m_count->setText(pendingCount && *pendingCount > 0
                                              ? tr("%n request(s), %1 pending", nullptr, int(count)).arg(*pendingCount)
                                              : tr("%n request(s)", nullptr, int(count)));
                     }
                     finishLoading();
                 });
}

void VinReportsPage::finishLoading()
{
    if (!m_loading || m_model->isReading() || m_countingPending > 0)
        return;
    m_loading = false;
    selectWhenLoaded();
    emit loaded();
}

// The request openRequest() asked for is selected, and its report opened, once its row is read; a row
// beyond the pages read is asked for by its place in the list.
void VinReportsPage::selectWhenLoaded()
{
    if (m_openWhenLoaded == 0 || m_loading)
        return;
    const qint64 id = m_openWhenLoaded;
    if (const int row = m_model->rowOfId(id); row >= 0) {
        m_openWhenLoaded = 0;
        m_openRow = -1;
        m_view->selectRow(row);
        m_view->scrollTo(m_model->index(row, 0));
        if (const qint64 report = m_model->rowAt(row)->reportId)
            openReport(report);
        return;
    }
    if (m_openRow >= 0) {
        if (m_model->isLoaded(m_openRow)) { // read, and not there: it moved or went meanwhile
            m_openWhenLoaded = 0;
            m_openRow = -1;
        }
        return;
    }
    const VinRequestFilter filter = m_model->query();
    whenFinished(m_database->submit([filter, id](Database &db) { return VinReportService::position(db, filter, id); }),
                 this, [this, id](const Result<std::optional<qint64>> &position) {
                     if (m_openWhenLoaded != id)
                         return; // another request was asked for since
                     if (!position || !*position || **position >= m_model->rowCount()) {
                         m_openWhenLoaded = 0;
                         return;
                     }
                     m_openRow = int(**position);
                     const QModelIndex index = m_model->index(m_openRow, 0);
                     m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
                     index.data(); // its page is read, also when the view does not paint (hidden)
                 });
}

void VinReportsPage::openRequest(qint64 requestId)
{
    m_search->clear();
    m_status->setCurrentIndex(0);
    m_openWhenLoaded = requestId;
    m_openRow = -1;
    reload();
}

void VinReportsPage::requestFromText(const QString &text)
{
    const QStringList vins = VinReportService::vinsFromText(text);
    if (vins.isEmpty()) {
        m_message->setText(tr("Type or paste a VIN first."));
        m_input->setFocus();
        return;
    }
    request(vins);
}

void VinReportsPage::requestFromCsv(const QString &path)
{
    m_message->setText(tr("Reading %1…").arg(path));
    whenFinished(QtConcurrent::run([path]() -> Result<QStringList> {
                     QFile file(path);
                     if (!file.open(QIODevice::ReadOnly))
                         return std::unexpected(Error{Error::Code::InvalidInput,
                                                      tr("it could not be opened (%1).").arg(file.errorString())});
                     return VinReportService::vinsFromCsv(file);
                 }),
                 this, [this, path](const Result<QStringList> &vins) {
                     if (!vins) {
                         m_message->setText(tr("%1: %2").arg(QFileInfo(path).fileName(), vins.error().message));
                         return;
                     }
                     if (vins->isEmpty()) {
                         m_message->setText(tr("%1 holds no VINs.").arg(QFileInfo(path).fileName()));
                         return;
                     }
                     request(*vins);
                 });
}

void VinReportsPage::request(const QStringList &vins)
{
    const bool fresh = m_fresh->isChecked();
    m_request->setEnabled(false);
    whenFinished(
        m_database->submit([vins, fresh](Database &db) { return VinReportService::request(db, vins, 0, fresh); }), this,
        [this](const Result<VinRequestBatch> &batch) {
            m_request->setEnabled(true);
            if (!batch) {
                m_message->setText(batch.error().message);
                return;
            }
            QString text = tr("Asked for %n report(s); you will be notified when they are ready.", nullptr,
                              int(batch->ids.size()));
            if (batch->repeated)
                text += QLatin1Char(' ') + tr("%n repeated VIN(s) asked for once.", nullptr, batch->repeated);
            if (!batch->refused.isEmpty()) {
                QStringList refused;
                for (const auto &[input, reason] : batch->refused.mid(0, 5))
                    refused << tr("\"%1\": %2").arg(input, reason);
                text += QLatin1Char(' ') + tr("%n line(s) refused:", nullptr, int(batch->refused.size())) +
                        QLatin1Char(' ') + refused.join(QLatin1Char(' '));
                if (batch->refused.size() > 5)
                    text += QStringLiteral(" …");
            }
            m_message->setText(text);
            // What was refused stays in the box to be corrected; what was queued goes.
            QStringList keep;
            for (const auto &[input, reason] : batch->refused)
                keep << input;
            m_input->setPlainText(keep.join(QLatin1Char('\n')));
            emit statusMessage(text);
            reload();
        });
}

void VinReportsPage::openReport(qint64 reportId)
{
    auto *dialog = new VinReportDialog(m_database, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->showReport(reportId);
    dialog->open();
}

QList<VinRequestRow> VinReportsPage::selectedRequests() const
{
    QList<VinRequestRow> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        if (const auto row = m_model->rowAt(index.row()))
            rows << *row;
    }
    return rows;
}

void VinReportsPage::updateActions()
{
    const QList<VinRequestRow> selected = selectedRequests();
    m_open->setEnabled(selected.size() == 1 && selected.constFirst().reportId);
    m_retry->setEnabled(std::any_of(selected.cbegin(), selected.cend(),
                                    [](const VinRequestRow &row) { return row.status == QLatin1String("failed"); }));
}

void VinReportsPage::retrySelected()
{
    QList<qint64> ids;
    for (const VinRequestRow &row : selectedRequests()) {
        if (row.status == QLatin1String("failed"))
            ids << row.id;
    }
    whenFinished(m_database->submit([ids](Database &db) { return VinReportService::retry(db, ids); }), this,
                 [this](const Result<int> &retried) {
                     m_message->setText(retried ? tr("%n request(s) queued again.", nullptr, *retried)
                                                : retried.error().message);
                     reload();
                 });
}

void VinReportsPage::openSettings()
{
    auto *dialog = new VinSettingsDialog(m_database, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &VinSettingsDialog::saved, this, [this] { emit statusMessage(tr("VIN report settings saved.")); });
    dialog->open();
}

#include "FleetPage.h"

#include "services/VinReportService.h"
#include "ui/vin/VinReportDialog.h"

#include "Async.h"
#include "CarCompareDialog.h"
#include "CarDetailPanel.h"
#include "CarEditorDialog.h"
#include "CarFilterPanel.h"
#include "CarImportWizard.h"
#include "Logging.h"
#include "db/DatabaseThread.h"
#include "domain/CarVocabulary.h"
#include "domain/Money.h"
#include "models/CarTableModel.h"
#include "services/CarExportService.h"
#include "services/CarImportHistory.h"
#include "ui/common/MoneyBox.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QRadioButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// Shown at first, in this order: what a dealer reads first, then the rest; the others are a right-click
// on the header away.
const QList<CarColumn> kDefaultColumns = {
    CarColumn::StockNumber, CarColumn::Make,         CarColumn::Model,     CarColumn::ModelYear, CarColumn::ListPrice,
    CarColumn::MileageKm,   CarColumn::Status,       CarColumn::Location,  CarColumn::Vin,       CarColumn::BodyType,
    CarColumn::FuelType,    CarColumn::Transmission, CarColumn::UpdatedAt,
};

const QString kHeaderKey = QStringLiteral("fleet/header");
// The layout kDefaultColumns' order belongs to. A header saved with an older one gets the new order,
// unless its user had moved columns (their order is theirs).
const QString kHeaderVersionKey = QStringLiteral("fleet/headerVersion");
constexpr int kHeaderVersion = 2;
const QString kSplitterKey = QStringLiteral("fleet/splitter");
const QString kFiltersVisibleKey = QStringLiteral("fleet/filtersVisible");

} // namespace

FleetPage::FleetPage(const SectionContext &context, QWidget *parent)
    : Section(parent)
    , m_database(context.database)
    , m_model(new CarTableModel(context.database, this))
    , m_search(new QLineEdit(this))
    , m_filtersButton(new QToolButton(this))
    , m_filterPanel(new CarFilterPanel(this))
    , m_savedFilters(new QComboBox(this))
    , m_filtersAction(new QAction(tr("&Filters"), this))
    , m_toolbar(new QToolBar(this))
    , m_table(new QTableView(this))
    , m_details(new CarDetailPanel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_countLabel(new QLabel(this))
    , m_searchDelay(new QTimer(this))
    , m_selectionDelay(new QTimer(this))
    , m_statusMenu(new QMenu(tr("Change &status"), this))
    , m_locationMenu(new QMenu(tr("Move to &location"), this))
    , m_menu(new QMenu(tr("F&leet"), this))
    , m_contextMenu(new QMenu(this))
{
    setObjectName(QStringLiteral("fleetPage"));
    m_search->setPlaceholderText(tr("Search stock number, VIN, make or model"));
    m_search->setAccessibleName(tr("Search the fleet"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(280);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &FleetPage::applyFilter);
    connect(m_searchDelay, &QTimer::timeout, this, &FleetPage::applyFilter);

    m_filtersAction->setCheckable(true);
    m_filtersAction->setToolTip(tr("Show or hide the filters (Ctrl+Shift+F)"));
    m_filtersAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_filtersAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_filtersButton->setDefaultAction(m_filtersAction);
    connect(m_filtersAction, &QAction::toggled, m_filterPanel, &QWidget::setVisible);
    connect(m_filterPanel, &CarFilterPanel::changed, this, &FleetPage::applyFilter);

    m_savedFilters->setAccessibleName(tr("Saved filters"));
    m_savedFilters->setMinimumContentsLength(16);
    m_savedFilters->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_savedFilters, &QComboBox::activated, this, &FleetPage::chooseSavedFilter);

    m_model->setBackgroundThread(context.longReads); // the count and the anchors
    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("fleetTable"));
    m_table->setAccessibleName(tr("Cars"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setSortIndicator(int(m_model->query().sortColumn), m_model->query().sortOrder);
    m_table->setSortingEnabled(true); // sorts by the indicator: the model only remembers it until activate()
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // no per-row size hints
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->horizontalHeader()->setHighlightSections(false);
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this, &FleetPage::showColumnMenu);

    m_selectionDelay->setSingleShot(true);
    m_selectionDelay->setInterval(120);
    connect(m_selectionDelay, &QTimer::timeout, this, &FleetPage::showCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, m_selectionDelay,
            qOverload<>(&QTimer::start));
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &FleetPage::updateCountLabel);
    connect(m_model, &CarTableModel::countChanged, this, &FleetPage::updateCountLabel);
    connect(m_model, &CarTableModel::countChanged, this, &FleetPage::bringPendingRowIn);
    connect(m_model, &CarTableModel::failed, this, &FleetPage::report);
    connect(m_model, &CarTableModel::loaded, this, [this] {
        updateCountLabel();
        if (m_fitColumns && m_model->rowCount() > 0) {
            m_fitColumns = false;
            fitColumns();
        }
        // A car to show (one just saved, say) is selected wherever it is in the new order; else the first.
        if (m_pendingSelection != 0)
            selectCar(m_pendingSelection);
        else if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
            setCurrentRow(0);
    });
    connect(m_model, &CarTableModel::pageLoaded, this, [this](int first, int last) {
        const QModelIndex current = m_table->currentIndex();
        if (m_pendingSelection != 0) {
            if (m_model->rowOfId(m_pendingSelection) >= 0)
                selectCar(m_pendingSelection);
        } else if (current.isValid() && current.row() >= first && current.row() <= last && m_details->carId() == 0) {
            m_selectionDelay->start();
        }
        // After another desk's change the rows may have moved: the car the user had stays current
        // when it is among the rows read again, and the view does not scroll.
        if (m_keepCurrent != 0) {
            const int row = m_model->rowOfId(m_keepCurrent);
            if (row >= 0 && row != current.row())
                setCurrentRow(row);
            if (row >= 0 || (current.row() >= first && current.row() <= last))
                m_keepCurrent = 0;
        }
    });
    connect(m_details, &CarDetailPanel::similarCarActivated, this, &FleetPage::selectCar);

    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_details->setMinimumWidth(320);

    m_countLabel->setObjectName(QStringLiteral("fleetCount"));
    m_countLabel->setAccessibleName(tr("Number of cars"));

    m_toolbar->setObjectName(QStringLiteral("fleetToolbar"));
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolbar->addWidget(m_search);
    m_toolbar->addWidget(m_filtersButton);
    m_toolbar->addWidget(m_savedFilters);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->addWidget(m_toolbar);
    layout->addWidget(m_filterPanel);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_countLabel);

    buildActions();
    restoreLayout();
    updateCountLabel();
}

FleetPage::~FleetPage()
{
    saveLayout();
}

template <typename Slot>
QAction *FleetPage::addPageAction(const QString &text, const QKeySequence &shortcut, Group group, int show, Slot slot)
{
    auto *action = new QAction(text, this);
    action->setShortcut(shortcut);
    connect(action, &QAction::triggered, this, slot);
    return addPageAction(action, group, show);
}

QAction *FleetPage::addPageAction(QAction *action, Group group, int show)
{
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
    m_actions.append({action, group, show});
    return action;
}

void FleetPage::buildActions()
{
    auto *refresh = new QAction(tr("&Refresh"), this);
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refresh, &QAction::triggered, this, [this] {
        m_model->reload();
        loadVocabulary();
    });
    addAction(refresh); // not in the Fleet menu: Go › Refresh is there with the same key

    for (const QString &status : CarVocabulary::keys(CarVocabulary::Kind::Status)) {
        m_statusMenu->addAction(CarVocabulary::label(CarVocabulary::Kind::Status, status), this,
                                [this, status] { bulkStatus(status); });
    }
    m_alertAction = new QAction(tr("&Alert me about new matches and price drops"), this);
    m_alertAction->setCheckable(true);
    m_alertAction->setEnabled(false);
    m_alertAction->setToolTip(tr("A notification when a new car or a lower price matches the chosen saved filter."));
    connect(m_alertAction, &QAction::toggled, this, &FleetPage::setAlert);

    // The one list of the page's actions, in menu order.
    addPageAction(tr("&New car…"), QKeySequence::New, Group::Cars, OnToolbar, &FleetPage::newCar);
    addPageAction(tr("&Edit…"), QKeySequence(Qt::Key_F2), Group::Cars, OnToolbar | InContextMenu,
                  &FleetPage::editCurrent);
    addPageAction(tr("C&ompare…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), Group::Cars,
                  OnToolbar | InContextMenu, &FleetPage::compareSelected);
    addPageAction(tr("&Import…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), Group::Cars, OnToolbar,
                  &FleetPage::importCars);
    addPageAction(tr("U&ndo import…"), QKeySequence(), Group::Cars, MenuOnly, &FleetPage::undoImport)
        ->setObjectName(QStringLiteral("undoImportAction"));
    addPageAction(tr("E&xport view…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), Group::Cars, OnToolbar,
                  &FleetPage::exportView);
    addPageAction(tr("&Book…"), QKeySequence(Qt::CTRL | Qt::Key_B), Group::CurrentCar, InContextMenu,
                  &FleetPage::bookCurrent);
    addPageAction(tr("Request &VIN report"), QKeySequence(), Group::CurrentCar, InContextMenu, [this] {
        if (const auto car = currentRow())
            requestVinReport(car->id);
        else
            QMessageBox::information(this, tr("Request VIN report"), tr("Select the car first."));
    });
    addPageAction(m_statusMenu->menuAction(), Group::SelectedCars, OnToolbar | InContextMenu);
    addPageAction(m_locationMenu->menuAction(), Group::SelectedCars, OnToolbar | InContextMenu);
    addPageAction(tr("Change &price…"), QKeySequence(), Group::SelectedCars, OnToolbar | InContextMenu,
                  &FleetPage::bulkPrice);
    m_undoAction = addPageAction(tr("&Undo last edit"), QKeySequence::Undo, Group::SelectedCars,
                                 OnToolbar | InContextMenu, &FleetPage::undoLastEdit);
    m_undoAction->setEnabled(false);
    addPageAction(tr("&Delete or retire…"), QKeySequence::Delete, Group::SelectedCars, OnToolbar | InContextMenu,
                  &FleetPage::removeSelected);
    addPageAction(tr("&Save filter…"), QKeySequence(), Group::SavedFilter, OnToolbar, &FleetPage::saveFilter);
    addPageAction(tr("Delete saved &filter"), QKeySequence(), Group::SavedFilter, OnToolbar,
                  &FleetPage::deleteSavedFilter);
    addPageAction(m_alertAction, Group::SavedFilter, OnToolbar);
    addPageAction(m_filtersAction, Group::View, MenuOnly);
    addPageAction(tr("F&ind"), QKeySequence::Find, Group::View, MenuOnly, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    buildMenus();

    connect(m_table, &QTableView::activated, this, &FleetPage::editCurrent);
    connect(m_details, &CarDetailPanel::editRequested, this, &FleetPage::editCurrent);
    connect(m_details, &CarDetailPanel::vinReportRequested, this, &FleetPage::requestVinReport);
    connect(m_details, &CarDetailPanel::vinReportOpened, this, [this](qint64 reportId) {
        auto *dialog = new VinReportDialog(m_database, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->showReport(reportId);
        dialog->open();
    });

    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this,
            [this](const QPoint &position) { showContextMenu(m_table->viewport()->mapFrom(m_table, position)); });
    // The keyboard's way to it, at the current row.
    auto *contextKey = new QAction(tr("Context menu"), m_table);
    contextKey->setShortcuts({QKeySequence(Qt::Key_Menu), QKeySequence(Qt::SHIFT | Qt::Key_F10)});
    contextKey->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(contextKey);
    connect(contextKey, &QAction::triggered, this, [this] {
        const QRect cell = m_table->visualRect(m_table->currentIndex());
        showContextMenu(cell.isValid() && m_table->viewport()->rect().intersects(cell)
                            ? QPoint(std::max(cell.left(), 0) + 8, cell.bottom())
                            : m_table->viewport()->rect().center());
    });
}

// The toolbar, the Fleet menu and the context menu, from m_actions: a separator between groups.
void FleetPage::buildMenus()
{
    const auto add = [](QMenu *menu, const PageAction &entry, std::optional<Group> &previous) {
        if (previous && *previous != entry.group)
            menu->addSeparator();
        previous = entry.group;
        menu->addAction(entry.action);
    };
    auto *selectedCars = new QMenu(this);
    auto *savedFilter = new QMenu(this);
    std::optional<Group> inMenu;
    std::optional<Group> inContext;
    std::optional<Group> inSelectedCars;
    std::optional<Group> inSavedFilter;
    QList<QAction *> buttons;
    for (const PageAction &entry : std::as_const(m_actions)) {
        add(m_menu, entry, inMenu);
        if (entry.show & InContextMenu)
            add(m_contextMenu, entry, inContext);
        if (!(entry.show & OnToolbar))
            continue;
        if (entry.group == Group::SelectedCars)
            add(selectedCars, entry, inSelectedCars);
        else if (entry.group == Group::SavedFilter)
            add(savedFilter, entry, inSavedFilter);
        else
            buttons << entry.action;
    }

    const auto menuButton = [this](const QString &text, const QString &name, QMenu *menu) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setAccessibleName(name);
        button->setPopupMode(QToolButton::InstantPopup);
        button->setMenu(menu);
        m_toolbar->addWidget(button);
    };
    menuButton(tr("Filter ▾"), tr("Saved filter actions"), savedFilter);
    m_toolbar->addSeparator();
    m_toolbar->addActions(buttons);
    menuButton(tr("&Selected cars"), tr("Actions on the selected cars"), selectedCars);
}

void FleetPage::showContextMenu(const QPoint &viewportPosition)
{
    m_contextMenu->popup(m_table->viewport()->mapToGlobal(viewportPosition));
}

std::optional<CarRow> FleetPage::currentRow() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->rowAt(current.row()) : std::nullopt;
}

void FleetPage::setCurrentRow(int row)
{
    QScrollBar *sideways = m_table->horizontalScrollBar();
    const int scrolled = sideways->value();
    const QModelIndex current = m_table->currentIndex();
    const int column = current.isValid() ? current.column() : std::max(m_table->columnAt(0), 0);
    m_table->setCurrentIndex(m_model->index(row, column));
    sideways->setValue(scrolled);
}

void FleetPage::bookCurrent()
{
    if (const auto car = currentRow())
        emit linkRequested({SectionLink::Kind::NewBooking, car->id});
    else
        QMessageBox::information(this, tr("Book"), tr("Select the car first."));
}

void FleetPage::requestVinReport(qint64 carId)
{
    whenFinished(m_database->submit([carId](Database &db) { return VinReportService::requestForCar(db, carId); }), this,
                 [this](const Result<VinRequestBatch> &batch) {
                     emit statusMessage(batch ? tr("VIN report requested; you will be notified when it is ready.")
                                              : batch.error().message);
                     // Only the report line: reloading the whole panel would scroll it back to the top.
                     if (const auto shown = currentRow())
                         loadVinReport(shown->vin);
                 });
}

QString FleetPage::title() const
{
    return tr("Fleet");
}

QString FleetPage::summary() const
{
    return tr("The car inventory: stock, prices, status and location.");
}

QIcon FleetPage::icon() const
{
    return style()->standardIcon(QStyle::SP_DirHomeIcon);
}

void FleetPage::activated()
{
    // The first rows first: the jobs run in order on the database thread, and the lists read more.
    m_model->reload();
    loadSavedFilters();
    loadVocabulary();
}

void FleetPage::applyChanges(const QStringList &keys)
{
    const auto shown = currentRow();
    const QString shownKey = shown ? QStringLiteral("car:%1").arg(shown->id) : QString();
    bool cars = false;
    bool shownCar = false;
    bool vinRequests = false;
    for (const QString &key : keys) {
        vinRequests = vinRequests || key.startsWith(QLatin1String("vin_request:"));
        if (key.startsWith(QLatin1String("car:"))) {
            cars = true;
            shownCar = shownCar || key == QLatin1String("car:*") || key == shownKey;
        }
    }
    if (cars) {
        m_keepCurrent = shown ? shown->id : 0;
        m_model->refresh();
    }
    if (shownCar)
        showCurrent();
    else if (vinRequests && shown)
        loadVinReport(shown->vin);
}

CarFilter FleetPage::filterShown() const
{
    CarFilter filter = m_filterPanel->apply(m_model->query().filter);
    filter.text = m_search->text().simplified();
    return filter;
}

void FleetPage::applyFilter()
{
    m_searchDelay->stop();
    const CarFilter filter = filterShown();
    const int conditions = filter.conditionCount() - (filter.text.isEmpty() ? 0 : 1);
    m_filtersAction->setText(conditions > 0 ? tr("&Filters (%1)").arg(conditions) : tr("&Filters"));
    // The saved-filter box names the filter in effect: none once the filter is changed or cleared.
    if (m_savedFilters->currentIndex() > 0 && filter != m_savedFilterShown) {
        m_savedFilters->setCurrentIndex(0);
        updateAlertAction();
    }
    if (filter == m_model->query().filter)
        return;
    m_pendingSelection = 0; // a car still to select belonged to the filter before
    m_pendingRow = -1;
    m_details->showMessage(tr("Select a car to see its details."));
    m_table->clearSelection();
    m_table->setCurrentIndex({});
    m_model->setFilter(filter);
    m_countLabel->setText(tr("Searching…"));
}

void FleetPage::loadVocabulary()
{
    whenFinished(m_database->submit([](Database &db) { return FleetService::vocabulary(db); }), this,
                 [this](const Result<FleetVocabulary> &vocabulary) {
                     if (!vocabulary) {
                         report(vocabulary.error());
                         return;
                     }
                     m_vocabulary = *vocabulary;
                     m_filterPanel->setVocabulary(m_vocabulary);
                     m_filterPanel->show(m_model->query().filter);
                     m_model->setCurrency(m_vocabulary.currency);
                     m_details->setCurrency(m_vocabulary.currency);
                     m_locationMenu->clear();
                     for (const Branch &branch : m_vocabulary.branches) {
                         m_locationMenu->addAction(tr("%1 (%2)").arg(branch.name, branch.code), this,
                                                   [this, code = branch.code] { bulkLocation(code); });
                     }
                 });
}

void FleetPage::loadSavedFilters(const QString &select)
{
    whenFinished(m_database->submit([](Database &db) { return FleetService::savedFilters(db); }), this,
                 [this, select](const Result<QList<SavedFilter>> &filters) {
                     if (!filters) {
                         report(filters.error());
                         return;
                     }
                     m_saved = *filters;
                     const QSignalBlocker blocker(m_savedFilters);
                     m_savedFilters->clear();
                     m_savedFilters->addItem(m_saved.isEmpty() ? tr("No saved filters") : tr("Saved filters…"));
                     for (const SavedFilter &filter : m_saved)
                         m_savedFilters->addItem(filter.name, filter.id);
                     const int index = m_savedFilters->findText(select);
                     m_savedFilters->setCurrentIndex(std::max(index, 0));
                     if (index > 0)
                         m_savedFilterShown = filterShown();
                     updateAlertAction();
                 });
}

void FleetPage::updateAlertAction()
{
    const int index = m_savedFilters->currentIndex();
    const bool chosen = index > 0 && index <= m_saved.size();
    const QSignalBlocker blocker(m_alertAction);
    m_alertAction->setEnabled(chosen);
    m_alertAction->setChecked(chosen && m_saved.at(index - 1).alert);
}

void FleetPage::setAlert(bool alert)
{
    const int index = m_savedFilters->currentIndex();
    if (index <= 0 || index > m_saved.size())
        return;
    const qint64 id = m_saved.at(index - 1).id;
    const QString name = m_saved.at(index - 1).name;
    whenFinished(m_database->submit([id, alert](Database &db) { return FleetService::setFilterAlert(db, id, alert); }),
                 this, [this, name, alert](const Result<void> &done) {
                     if (!done) {
                         report(done.error());
                         loadSavedFilters(name);
                         return;
                     }
                     emit statusMessage(
                         alert ? tr("You will be notified of new cars and price drops matching \"%1\".").arg(name)
                               : tr("Alerts for \"%1\" are off.").arg(name));
                     loadSavedFilters(name);
                 });
}

void FleetPage::chooseSavedFilter(int index)
{
    updateAlertAction();
    if (index <= 0 || index > m_saved.size())
        return;
    const CarFilter &filter = m_saved.at(index - 1).filter;
    {
        const QSignalBlocker blocker(m_search);
        m_search->setText(filter.text);
    }
    m_filterPanel->show(filter);
    if (filter.conditionCount() > (filter.text.isEmpty() ? 0 : 1))
        m_filtersAction->setChecked(true);
    m_savedFilterShown = filterShown();
    applyFilter();
}

void FleetPage::saveFilter()
{
    const CarFilter filter = m_model->query().filter;
    if (filter.isEmpty()) {
        QMessageBox::information(this, tr("Save filter"),
                                 tr("Set a search or a filter first; then save it to use it again."));
        return;
    }
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save filter"), tr("Name of the filter:"), QLineEdit::Normal,
                              m_savedFilters->currentIndex() > 0 ? m_savedFilters->currentText() : QString(), &ok);
    if (!ok)
        return;
    whenFinished(
        m_database->submit([name, filter](Database &db) { return FleetService::saveFilter(db, name, filter); }), this,
        [this](const Result<SavedFilter> &saved) {
            if (!saved) {
                report(saved.error());
                return;
            }
            emit statusMessage(tr("Filter \"%1\" saved.").arg(saved->name));
            loadSavedFilters(saved->name);
        });
}

void FleetPage::deleteSavedFilter()
{
    const int index = m_savedFilters->currentIndex();
    if (index <= 0) {
        QMessageBox::information(this, tr("Delete saved filter"), tr("Choose a saved filter first."));
        return;
    }
    const QString name = m_savedFilters->currentText();
    if (QMessageBox::question(this, tr("Delete saved filter"), tr("Delete the saved filter \"%1\"?").arg(name)) !=
        QMessageBox::Yes)
        return;
    const qint64 id = m_savedFilters->currentData().toLongLong();
    whenFinished(m_database->submit([id](Database &db) { return FleetService::deleteFilter(db, id); }), this,
                 [this, name](const Result<void> &deleted) {
                     if (!deleted) {
                         report(deleted.error());
                         return;
                     }
                     emit statusMessage(tr("Filter \"%1\" deleted.").arg(name));
                     loadSavedFilters();
                 });
}

void FleetPage::showCurrent()
{
    const auto row = currentRow();
    if (!row) {
        m_details->showMessage(m_table->currentIndex().isValid() ? tr("Loading…")
                                                                 : tr("Select a car to see its details."));
        return;
    }
    const quint64 generation = ++m_detailGeneration;
    const qint64 id = row->id;
    whenFinished(m_database->submit([id](Database &db) { return FleetService::details(db, id); }), this,
                 [this, generation](const Result<CarDetails> &details) {
                     if (generation != m_detailGeneration)
                         return;
                     if (!details) {
                         m_details->showMessage(details.error().message);
                         return;
                     }
                     m_details->showDetails(*details);
                 });
    whenFinished(m_database->submit([id](Database &db) { return FleetService::similar(db, id); }), this,
                 [this, generation](const Result<QList<SimilarCar>> &similar) {
                     if (generation != m_detailGeneration)
                         return;
                     m_details->showSimilar(similar.value_or(QList<SimilarCar>()));
                 });
    loadVinReport(row->vin);
}

void FleetPage::loadVinReport(const QString &vin)
{
    const quint64 generation = m_detailGeneration;
    VinRequestFilter filter;
    filter.vin = vin;
    whenFinished(m_database->submit([filter](Database &db) { return VinReportService::requests(db, filter, 1); }), this,
                 [this, generation](const Result<QList<VinRequestRow>> &requests) {
                     if (generation != m_detailGeneration || !requests)
                         return;
                     m_details->showVinReport(requests->isEmpty() ? std::nullopt
                                                                  : std::optional(requests->constFirst()));
                 });
}

void FleetPage::selectCar(qint64 id)
{
    if (const int row = m_model->rowOfId(id); row >= 0) {
        m_pendingSelection = 0;
        m_pendingRow = -1;
        setCurrentRow(row);
        return;
    }
    m_pendingSelection = id;
    locateCar(id);
}

// Where car `id` is in the table's order; its row is then brought in and selected (bringPendingRowIn,
// pageLoaded). A car the filter hides is shown alone.
void FleetPage::locateCar(qint64 id)
{
    const CarQuery query = m_model->query();
    m_pendingRow = -1;
    whenFinished(m_database->submit([query, id](Database &db) { return FleetService::position(db, query, id); }), this,
                 [this, query, id](const Result<std::optional<qint64>> &position) {
                     if (m_pendingSelection != id || query != m_model->query())
                         return; // another car or another filter since
                     if (!position) {
                         m_pendingSelection = 0;
                         report(position.error());
                         return;
                     }
                     if (!*position) {
                         showAlone(id);
                         return;
                     }
                     m_pendingRow = int(std::min<qint64>(**position, std::numeric_limits<int>::max()));
                     bringPendingRowIn();
                 });
}

void FleetPage::bringPendingRowIn()
{
    if (m_pendingSelection == 0 || m_pendingRow < 0 || m_pendingRow >= m_model->rowCount())
        return; // not located yet, or the count that makes its row exist is still on its way
    if (m_model->rowOfId(m_pendingSelection) >= 0) {
        selectCar(m_pendingSelection);
        return;
    }
    // Scrolling there makes the view ask for the row's page; pageLoaded selects the car.
    const int column = std::max(m_table->columnAt(0), 0);
    QScrollBar *sideways = m_table->horizontalScrollBar();
    const int scrolled = sideways->value();
    m_table->scrollTo(m_model->index(m_pendingRow, column), QAbstractItemView::PositionAtCenter);
    sideways->setValue(scrolled);
    m_model->index(m_pendingRow, column).data(); // also when the view does not paint (hidden)
}

// Not in the table under its filter: the car is searched by its stock number, with no other filter.
void FleetPage::showAlone(qint64 id)
{
    whenFinished(m_database->submit([id](Database &db) { return FleetService::details(db, id); }), this,
                 [this, id](const Result<CarDetails> &details) {
                     if (!details) {
                         report(details.error());
                         return;
                     }
                     m_filterPanel->clear();
                     {
                         const QSignalBlocker blocker(m_search);
                         m_search->setText(details->row.stockNumber);
                     }
                     applyFilter();
                     m_pendingSelection = id; // after applyFilter(), which forgets the one of the old filter
                     m_pendingRow = -1;
                     emit statusMessage(
                         tr("Stock #%1 is shown alone: the filter left it out.").arg(details->row.stockNumber));
                 });
}

void FleetPage::updateCountLabel()
{
    const QLocale locale;
    const int rows = m_model->rowCount();
    QString text = m_model->isCounting() ? tr("Counting…") : tr("%1 car(s)", nullptr, rows).arg(locale.toString(rows));
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    if (selected > 1)
        text += QStringLiteral(" · ") + tr("%1 selected").arg(locale.toString(selected));
    m_countLabel->setText(text);
}

void FleetPage::showColumnMenu(const QPoint &position)
{
    QMenu menu(this);
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        QAction *action = menu.addAction(CarTableModel::columnLabel(CarColumn(column)));
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, this,
                [header, column](bool shown) { header->setSectionHidden(column, !shown); });
    }
    menu.addSeparator();
    menu.addAction(tr("Reset columns"), this, [this, header] {
        for (int column = 0; column < m_model->columnCount(); ++column)
            header->setSectionHidden(column, !kDefaultColumns.contains(CarColumn(column)));
        placeColumnsInDefaultOrder();
        fitColumns();
    });
    menu.exec(header->mapToGlobal(position));
}

// Each column as wide as its header and the rows read so far (a long model name at most 30 characters),
// so the columns a dealer reads first fit beside the panel even on a small screen.
void FleetPage::fitColumns()
{
    m_table->resizeColumnsToContents();
    QHeaderView *header = m_table->horizontalHeader();
    const int widest = m_table->fontMetrics().averageCharWidth() * 30;
    for (int column = 0; column < header->count(); ++column)
        header->resizeSection(column, std::min(header->sectionSize(column), widest));
}

void FleetPage::placeColumnsInDefaultOrder()
{
    QHeaderView *header = m_table->horizontalHeader();
    int visual = 0;
    for (const CarColumn column : kDefaultColumns)
        header->moveSection(header->visualIndex(int(column)), visual++);
    for (int column = 0; column < int(CarColumn::Count); ++column) { // the others after them, as the model has them
        if (!kDefaultColumns.contains(CarColumn(column)))
            header->moveSection(header->visualIndex(column), visual++);
    }
}

void FleetPage::restoreLayout()
{
    QSettings settings;
    QHeaderView *header = m_table->horizontalHeader();
    const bool restored = header->restoreState(settings.value(kHeaderKey).toByteArray());
    if (!restored || (settings.value(kHeaderVersionKey, 1).toInt() < kHeaderVersion && !header->sectionsMoved()))
        placeColumnsInDefaultOrder();
    if (!restored) {
        for (int column = 0; column < int(CarColumn::Count); ++column)
            header->setSectionHidden(column, !kDefaultColumns.contains(CarColumn(column)));
        m_fitColumns = true; // to the first rows, once; then the user's widths are remembered
    }
    // The sort order restored with the header is the one to query.
    m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    if (!m_splitter->restoreState(settings.value(kSplitterKey).toByteArray()))
        m_splitter->setSizes({780, 380});
    const bool filters = settings.value(kFiltersVisibleKey, false).toBool();
    m_filtersAction->setChecked(filters);
    m_filterPanel->setVisible(filters);
}

void FleetPage::saveLayout() const
{
    QSettings settings;
    settings.setValue(kHeaderKey, m_table->horizontalHeader()->saveState());
    settings.setValue(kHeaderVersionKey, kHeaderVersion);
    settings.setValue(kSplitterKey, m_splitter->saveState());
    settings.setValue(kFiltersVisibleKey, m_filtersAction->isChecked());
}

bool FleetPage::allRowsSelected() const
{
    const QItemSelection selection = m_table->selectionModel()->selection();
    qint64 rows = 0;
    for (const QItemSelectionRange &range : selection)
        rows += range.height();
    return m_model->rowCount() > 0 && rows >= m_model->rowCount();
}

QList<qint64> FleetPage::selectedIds() const
{
    QList<qint64> ids;
    for (const QItemSelectionRange &range : m_table->selectionModel()->selection()) {
        for (int row = range.top(); row <= range.bottom(); ++row) {
            if (const auto car = m_model->rowAt(row))
                ids << car->id;
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

void FleetPage::runBulk(const QString &description,
                        std::function<Result<int>(Database &, const QList<qint64> &)> change)
{
    const bool everything = allRowsSelected();
    const QList<qint64> ids = everything ? QList<qint64>() : selectedIds();
    if (!everything && ids.isEmpty()) {
        QMessageBox::information(this, description, tr("Select one or more cars first."));
        return;
    }
    const int count = everything ? m_model->rowCount() : int(ids.size());
    if (count > 1 &&
        QMessageBox::question(this, description,
                              tr("%1 for %2 car(s)?", nullptr, count).arg(description, QLocale().toString(count))) !=
            QMessageBox::Yes)
        return;
    const CarQuery query = m_model->query();
    emit statusMessage(tr("%1…").arg(description));
    whenFinished(m_database->submit([everything, ids, query, change](Database &db) -> Result<int> {
        QList<qint64> chosen = ids;
        if (everything) {
            auto all = FleetService::ids(db, query);
            if (!all)
                return std::unexpected(all.error());
            chosen = *all;
        }
        return change(db, chosen);
    }),
                 this, [this, description](const Result<int> &changed) {
                     if (!changed) {
                         report(changed.error());
                         return;
                     }
                     emit statusMessage(tr("%1: %2 car(s) changed.", nullptr, *changed).arg(description).arg(*changed));
                     m_model->reload();
                     m_selectionDelay->start();
                 });
}

void FleetPage::bulkStatus(const QString &status)
{
    runBulk(tr("Set the status to %1").arg(CarVocabulary::label(CarVocabulary::Kind::Status, status)),
            [status](Database &db, const QList<qint64> &ids) { return FleetService::setStatus(db, ids, status); });
}

void FleetPage::bulkLocation(const QString &code)
{
    runBulk(tr("Move to %1").arg(code),
            [code](Database &db, const QList<qint64> &ids) { return FleetService::setLocation(db, ids, code); });
}

void FleetPage::bulkPrice()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Change price"));
    auto *byPercent = new QRadioButton(tr("By &percent"), &dialog);
    auto *byAmount = new QRadioButton(tr("By &amount"), &dialog);
    byPercent->setChecked(true);
    auto *percent = new QDoubleSpinBox(&dialog);
    percent->setRange(-100, 1000);
    percent->setSuffix(QStringLiteral(" %"));
    percent->setValue(-5);
    percent->setAccessibleName(tr("Percent"));
    auto *amount = new QDoubleSpinBox(&dialog);
    amount->setRange(-1'000'000, 1'000'000);
    amount->setDecimals(0);
    amount->setSingleStep(100);
    showCurrency(amount, m_vocabulary.currency);
    amount->setValue(-500);
    amount->setAccessibleName(tr("Amount"));
    amount->setEnabled(false);
    connect(byAmount, &QRadioButton::toggled, amount, &QWidget::setEnabled);
    connect(byAmount, &QRadioButton::toggled, percent, &QWidget::setDisabled);
    auto *form = new QFormLayout(&dialog);
    form->addRow(new QLabel(tr("Negative values lower the price. New prices are rounded to whole units."), &dialog));
    form->addRow(byPercent, percent);
    form->addRow(byAmount, amount);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;

    PriceAdjustment adjustment;
    if (byPercent->isChecked()) {
        adjustment.kind = PriceAdjustment::Kind::Percent;
        adjustment.percent = percent->value();
    } else {
        adjustment.amountCents = qRound64(amount->value() * 100);
    }
    // Lowered or raised by an amount: a negative amount reads badly in some locales ("(€500)").
    const QString description =
        byPercent->isChecked() ? tr("Change the price by %1%").arg(QLocale().toString(percent->value(), 'f', 1))
        : adjustment.amountCents < 0
            ? tr("Lower the price by %1").arg(Money::format(-adjustment.amountCents, m_vocabulary.currency))
            : tr("Raise the price by %1").arg(Money::format(adjustment.amountCents, m_vocabulary.currency));
    runBulk(description, [adjustment](Database &db, const QList<qint64> &ids) {
        return FleetService::adjustPrice(db, ids, adjustment);
    });
}

void FleetPage::removeSelected()
{
    const auto row = currentRow();
    if (!row)
        return;
    if (QMessageBox::question(this, tr("Delete car"),
                              tr("Delete stock #%1 (%2 %3)?\n\nA car with bookings or a price history is retired "
                                 "instead, so its records stay.")
                                  .arg(row->stockNumber, row->make, row->model)) != QMessageBox::Yes)
        return;
    const qint64 id = row->id;
    const int version = row->version;
    const QString stock = row->stockNumber;
    whenFinished(m_database->submit([id, version](Database &db) { return FleetService::remove(db, id, version); }),
                 this, [this, stock](const Result<FleetService::RemoveOutcome> &outcome) {
                     if (!outcome) {
                         report(outcome.error());
                         return;
                     }
                     emit statusMessage(*outcome == FleetService::RemoveOutcome::Deleted
                                            ? tr("Stock #%1 deleted.").arg(stock)
                                            : tr("Stock #%1 has a history, so it was retired instead.").arg(stock));
                     m_model->reload();
                 });
}

void FleetPage::report(const Error &error)
{
    emit statusMessage(error.message);
    if (error.code != Error::Code::ConnectionLost)
        QMessageBox::warning(this, tr("Fleet"), error.message);
}

void FleetPage::newCar()
{
    openEditor(new CarEditorDialog(m_database, this));
}

void FleetPage::editCurrent()
{
    if (const auto row = currentRow())
        openEditor(new CarEditorDialog(m_database, *row, this));
}

void FleetPage::openEditor(CarEditorDialog *editor)
{
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &CarEditorDialog::saved, this, [this, editor](const CarDetails &car) {
        if (!editor->isNewCar()) {
            m_undoBefore = editor->original();
            m_undoVersion = car.row.version;
            m_undoAction->setEnabled(true);
            m_undoAction->setText(tr("&Undo last edit (stock #%1)").arg(car.row.stockNumber));
        }
        emit statusMessage(editor->isNewCar() ? tr("Stock #%1 added.").arg(car.row.stockNumber)
                                              : tr("Stock #%1 saved.").arg(car.row.stockNumber));
        m_pendingSelection = car.row.id; // selected and shown once the table has it (the loaded handler)
        m_pendingRow = -1;
        m_model->reload();
        if (m_details->carId() == car.row.id)
            m_details->showDetails(car);
    });
    editor->open();
}

void FleetPage::undoLastEdit()
{
    if (!m_undoBefore)
        return;
    const CarValidation validation = CarValidator::validate(CarEditorDialog::inputFrom(*m_undoBefore));
    const qint64 id = m_undoBefore->row.id;
    const int version = m_undoVersion;
    const CarRecord record = validation.record;
    const QString stock = m_undoBefore->row.stockNumber;
    // Against the version the edit made: if someone changed the car since, the undo is refused.
    whenFinished(m_database->submit(
                     [id, record, version](Database &db) { return FleetService::update(db, id, record, version); }),
                 this, [this, stock](const Result<CarDetails> &restored) {
                     if (!restored) {
                         report(restored.error());
                         return;
                     }
                     m_undoBefore.reset();
                     m_undoAction->setEnabled(false);
                     m_undoAction->setText(tr("&Undo last edit"));
                     emit statusMessage(tr("The last edit of stock #%1 was undone.").arg(stock));
                     m_pendingSelection = restored->row.id;
                     m_pendingRow = -1;
                     m_model->reload();
                 });
}

void FleetPage::compareSelected()
{
    QList<qint64> ids = selectedIds();
    if (ids.size() < CarCompareDialog::MinCars || ids.size() > CarCompareDialog::MaxCars) {
        QMessageBox::information(this, tr("Compare cars"),
                                 tr("Select 2 to 4 cars to compare (Ctrl+click adds a car to the selection)."));
        return;
    }
    whenFinished(m_database->submit([ids](Database &db) -> Result<QList<CarDetails>> {
        QList<CarDetails> cars;
        for (const qint64 id : ids) {
            auto details = FleetService::details(db, id);
            if (!details)
                return std::unexpected(details.error());
            cars << *details;
        }
        return cars;
    }),
                 this, [this](const Result<QList<CarDetails>> &cars) {
                     if (!cars) {
                         report(cars.error());
                         return;
                     }
                     auto *dialog = new CarCompareDialog(*cars, m_vocabulary.currency, this);
                     dialog->setAttribute(Qt::WA_DeleteOnClose);
                     dialog->open();
                 });
}

void FleetPage::importCars()
{
    auto *wizard = new CarImportWizard(session().profile(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &CarImportWizard::imported, this, [this](const CarImportSummary &summary) {
        emit statusMessage(tr("Import %4 done: %1 cars added, %2 updated, %3 unchanged. Undo import takes it back.")
                               .arg(QLocale().toString(summary.inserted), QLocale().toString(summary.updated),
                                    QLocale().toString(summary.unchanged))
                               .arg(summary.importId));
        m_model->reload();
        loadVocabulary();
    });
    wizard->open();
}

// Finds the newest import, asks, then takes it back; all of it on the database thread, in one transaction.
void FleetPage::undoImport()
{
    whenFinished(m_database->submit([](Database &db) { return CarImportHistory::latest(db); }), this,
                 [this](const Result<std::optional<CarImportRecord>> &latest) {
                     if (!latest) {
                         report(latest.error());
                         return;
                     }
                     if (!*latest) {
                         QMessageBox::information(this, tr("Undo import"),
                                                  tr("There is no import to undo: every import so far has been "
                                                     "undone, or none has added or changed cars."));
                         return;
                     }
                     const CarImportRecord import = **latest;
                     QMessageBox question(QMessageBox::Question, tr("Undo import"),
                                          tr("Undo the import of %1?").arg(CarImportHistory::describe(import)),
                                          QMessageBox::Yes | QMessageBox::Cancel, this);
                     question.setObjectName(QStringLiteral("undoImportQuestion"));
                     question.setInformativeText(
                         tr("The cars it added are deleted and the values it overwrote are put back. Cars that "
                            "were booked or changed since stay as they are; you get a list of them."));
                     question.setDefaultButton(QMessageBox::Cancel);
                     if (question.exec() != QMessageBox::Yes)
                         return;
                     emit statusMessage(tr("Undoing the import of %1…").arg(CarImportHistory::describe(import)));
                     const qint64 id = import.id;
                     whenFinished(m_database->submit([id](Database &db) { return CarImportHistory::undo(db, id); }),
                                  this, [this](const Result<CarImportUndoResult> &undone) {
                                      if (!undone) {
                                          report(undone.error());
                                          return;
                                      }
                                      showUndoResult(*undone);
                                      m_model->reload();
                                      loadVocabulary();
                                  });
                 });
}

void FleetPage::showUndoResult(const CarImportUndoResult &undone)
{
    const QString summary = CarImportHistory::describe(undone);
    emit statusMessage(tr("Import undone: %1").arg(summary));
    QMessageBox box(undone.keptCount > 0 ? QMessageBox::Warning : QMessageBox::Information, tr("Undo import"),
                    tr("The import of %1 is undone. %2").arg(CarImportHistory::describe(undone.import), summary),
                    QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("undoImportResult"));
    if (undone.keptCount > 0) {
        QStringList lines;
        for (const CarImportUndoKept &car : undone.kept)
            lines << car.message;
        if (undone.keptCount > undone.kept.size())
            lines << tr("… and %1 more.").arg(QLocale().toString(undone.keptCount - undone.kept.size()));
        box.setInformativeText(tr("Some cars were left as they are; see the details for each and why."));
        box.setDetailedText(lines.join(QLatin1Char('\n')));
    }
    box.exec();
}

void FleetPage::exportView()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export view"), tr("cars.csv"), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    const CarQuery query = m_model->query();
    emit statusMessage(
        tr("Exporting %1 car(s)…", nullptr, m_model->rowCount()).arg(QLocale().toString(m_model->rowCount())));
    // The file is written on the database thread as the rows stream in; it replaces the old file only
    // when complete.
    whenFinished(
        m_database->submit([query, path](Database &db) -> Result<qint64> {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return std::unexpected(
                    Error{Error::Code::InvalidInput, tr("%1 cannot be written: %2").arg(path, file.errorString())});
            auto written = CarExportService::exportCars(db, query, file);
            if (written && !file.commit())
                return std::unexpected(
                    Error{Error::Code::InvalidInput, tr("%1 cannot be written: %2").arg(path, file.errorString())});
            return written;
        }),
        this, [this, path](const Result<qint64> &written) {
            if (!written) {
                report(written.error());
                return;
            }
            emit statusMessage(
                tr("%1 car(s) exported to %2.", nullptr, int(*written)).arg(QLocale().toString(*written), path));
        });
}

#include "FleetPage.h"

#include "Async.h"
#include "CarCompareDialog.h"
#include "CarDetailPanel.h"
#include "CarEditorDialog.h"
#include "CarFilterPanel.h"
#include "FleetActions.h"
#include "FleetBulkActions.h"
#include "FleetLayout.h"
#include "FleetTransfer.h"
#include "LastEditUndo.h"
#include "SavedFiltersBar.h"
#include "SellCarDialog.h"
#include "db/DatabaseThread.h"
#include "models/CarTableModel.h"
#include "services/SalesService.h"
#include "services/VinReportService.h"
#include "ui/common/FigureFilterBar.h"
#include "ui/vin/VinReportDialog.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

FleetPage::FleetPage(const SectionContext &context, QWidget *parent)
    : Section(parent)
    , m_database(context.database)
    , m_model(new CarTableModel(context.database, this))
    , m_search(new QLineEdit(this))
    , m_filtersButton(new QToolButton(this))
    , m_filterPanel(new CarFilterPanel(this))
    , m_filtersAction(new QAction(tr("&Filters"), this))
    , m_toolbar(new QToolBar(this))
    , m_table(new QTableView(this))
    , m_details(new CarDetailPanel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_countLabel(new QLabel(this))
    , m_searchDelay(new QTimer(this))
    , m_selectionDelay(new QTimer(this))
    , m_actions(new FleetActions(this, m_toolbar))
    , m_savedFilters(new SavedFiltersBar(
          m_database, m_model, [this] { return filterShown(); }, this))
    , m_bulk(new FleetBulkActions(m_database, this))
    , m_undo(new LastEditUndo(m_database, this))
    , m_transfer(new FleetTransfer(m_database, this))
    , m_layout(new FleetLayout(m_table, m_model, m_splitter, m_filtersAction, m_filterPanel))
    , m_figureBar(new FigureFilterBar(this))
{
    connect(m_figureBar, &FigureFilterBar::clearRequested, this, &FleetPage::clearFigureFilter);
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

    connect(m_savedFilters, &SavedFiltersBar::chosen, this, &FleetPage::showSavedFilter);
    connect(m_savedFilters, &SavedFiltersBar::statusMessage, this, &FleetPage::statusMessage);
    connect(m_savedFilters, &SavedFiltersBar::failed, this, &FleetPage::report);
    connect(m_bulk, &FleetBulkActions::statusMessage, this, &FleetPage::statusMessage);
    connect(m_bulk, &FleetBulkActions::failed, this, &FleetPage::report);
    connect(m_bulk, &FleetBulkActions::changed, this, [this] {
        m_model->reload();
        m_selectionDelay->start();
    });
    connect(m_undo, &LastEditUndo::statusMessage, this, &FleetPage::statusMessage);
    connect(m_undo, &LastEditUndo::failed, this, &FleetPage::report);
    connect(m_undo, &LastEditUndo::undone, this, &FleetPage::reloadAndSelect);
    connect(m_transfer, &FleetTransfer::statusMessage, this, &FleetPage::statusMessage);
    connect(m_transfer, &FleetTransfer::failed, this, &FleetPage::report);
    connect(m_transfer, &FleetTransfer::carsChanged, this, [this] {
        m_model->reload();
        loadVocabulary();
    });

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
    m_table->horizontalHeader()->setHighlightSections(false);

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
    m_toolbar->addWidget(m_savedFilters->box());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->addWidget(m_toolbar);
    layout->addWidget(m_filterPanel);
    layout->addWidget(m_figureBar);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_countLabel);

    buildActions();
    m_layout->restore();
    updateCountLabel();
}

FleetPage::~FleetPage()
{
    m_layout->save();
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

    // The one list of the page's actions, in menu order.
    using Group = FleetActions::Group;
    const auto add = [this](const QString &text, const QKeySequence &shortcut, Group group, int show, auto slot) {
        return m_actions->add(text, shortcut, group, show, this, slot);
    };
    constexpr int MenuOnly = FleetActions::MenuOnly;
    constexpr int OnToolbar = FleetActions::OnToolbar;
    constexpr int InContextMenu = FleetActions::InContextMenu;
    add(tr("&New car…"), QKeySequence::New, Group::Cars, OnToolbar, &FleetPage::newCar);
    add(tr("&Edit…"), QKeySequence(Qt::Key_F2), Group::Cars, OnToolbar | InContextMenu, &FleetPage::editCurrent);
    add(tr("C&ompare…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), Group::Cars, OnToolbar | InContextMenu,
        &FleetPage::compareSelected);
    m_actions->add(tr("&Import…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), Group::Cars, OnToolbar, m_transfer,
                   &FleetTransfer::importCars);
    m_actions->add(tr("U&ndo import…"), QKeySequence(), Group::Cars, MenuOnly, m_transfer, &FleetTransfer::undoImport)
        ->setObjectName(QStringLiteral("undoImportAction"));
    m_actions->add(tr("E&xport view…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), Group::Cars, OnToolbar,
                   m_transfer, &FleetTransfer::exportView);
    add(tr("&Book…"), QKeySequence(Qt::CTRL | Qt::Key_B), Group::CurrentCar, InContextMenu, &FleetPage::bookCurrent);
    add(tr("&Sell…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), Group::CurrentCar, InContextMenu,
        &FleetPage::sellCurrent);
    add(tr("Request &VIN report"), QKeySequence(), Group::CurrentCar, InContextMenu, [this] {
        if (const auto car = currentRow())
            requestVinReport(car->id);
        else
            QMessageBox::information(this, tr("Request VIN report"), tr("Select the car first."));
    });
    m_actions->add(m_bulk->statusMenu()->menuAction(), Group::SelectedCars, OnToolbar | InContextMenu);
    m_actions->add(m_bulk->locationMenu()->menuAction(), Group::SelectedCars, OnToolbar | InContextMenu);
    m_actions->add(tr("Change &price…"), QKeySequence(), Group::SelectedCars, OnToolbar | InContextMenu, m_bulk,
                   &FleetBulkActions::changePrice);
    m_actions->add(m_undo->action(), Group::SelectedCars, OnToolbar | InContextMenu);
    add(tr("&Delete or retire…"), QKeySequence::Delete, Group::SelectedCars, OnToolbar | InContextMenu,
        &FleetPage::removeSelected);
    m_actions->add(m_savedFilters->saveAction(), Group::SavedFilter, OnToolbar);
    m_actions->add(m_savedFilters->deleteAction(), Group::SavedFilter, OnToolbar);
    m_actions->add(m_savedFilters->alertAction(), Group::SavedFilter, OnToolbar);
    m_actions->add(m_filtersAction, Group::View, MenuOnly);
    add(tr("F&ind"), QKeySequence::Find, Group::View, MenuOnly, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    m_actions->build();
    m_actions->attachContextMenu(m_table);

    connect(m_table, &QTableView::activated, this, &FleetPage::editCurrent);
    connect(m_details, &CarDetailPanel::editRequested, this, &FleetPage::editCurrent);
    connect(m_details, &CarDetailPanel::sellRequested, this, &FleetPage::sellCurrent);
    connect(m_details, &CarDetailPanel::voidSaleRequested, this, &FleetPage::voidSale);
    connect(m_details, &CarDetailPanel::vinReportRequested, this, &FleetPage::requestVinReport);
    connect(m_details, &CarDetailPanel::vinReportOpened, this, [this](qint64 reportId) {
        auto *dialog = new VinReportDialog(m_database, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->showReport(reportId);
        dialog->open();
    });
}

QMenu *FleetPage::menu() const
{
    return m_actions->menu();
}

QMenu *FleetPage::contextMenu() const
{
    return m_actions->contextMenu();
}

QComboBox *FleetPage::savedFiltersBox() const
{
    return m_savedFilters->box();
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

void FleetPage::loadSale(qint64 carId)
{
    const quint64 generation = m_detailGeneration;
    whenFinished(m_database->submit([carId](Database &db) { return SalesService::saleOfCar(db, carId); }), this,
                 [this, generation](const Result<std::optional<Sale>> &sale) {
                     if (generation != m_detailGeneration)
                         return;
                     if (!sale) {
                         emit statusMessage(sale.error().message);
                         return;
                     }
                     m_details->showSale(*sale);
                 });
}

void FleetPage::sellCurrent()
{
    const auto car = currentRow();
    if (!car) {
        QMessageBox::information(this, tr("Sell"), tr("Select the car first."));
        return;
    }
    if (car->status == QLatin1String("sold") || car->status == QLatin1String("retired")) {
        QMessageBox::information(this, tr("Sell"),
                                 car->status == QLatin1String("sold")
                                     ? tr("Stock #%1 is sold already. If that sale was a mistake, void it first "
                                          "(Void sale… in the car's panel).")
                                           .arg(car->stockNumber)
                                     : tr("Stock #%1 is retired, so it cannot be sold.").arg(car->stockNumber));
        return;
    }
    auto *dialog = new SellCarDialog(m_database, *car, m_vocabulary.currency,
                                     session().isConnected() ? session().displayName() : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SellCarDialog::sold, this, [this, stockNumber = car->stockNumber](const Sale &sale) {
        saleChanged(sale.carId, tr("Stock #%1 sold.").arg(stockNumber));
    });
    dialog->open();
}

void FleetPage::voidSale(qint64 saleId)
{
    if (saleId <= 0)
        return;
    auto *ask = new QInputDialog(this);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setObjectName(QStringLiteral("voidSaleReason"));
    ask->setWindowTitle(tr("Void sale"));
    ask->setLabelText(tr("The sale stays on record, marked void, and the car gets back the status it had before. "
                         "Why is the sale void?"));
    ask->setOkButtonText(tr("&Void sale"));
    connect(ask, &QInputDialog::textValueSelected, this, [this, saleId](const QString &reason) {
        whenFinished(
            m_database->submit([saleId, reason](Database &db) { return SalesService::voidSale(db, saleId, reason); }),
            this, [this](const Result<Sale> &sale) {
                if (!sale) {
                    report(sale.error());
                    return;
                }
                saleChanged(sale->carId, tr("Sale #%1 is void; the car has its status back.").arg(sale->id));
            });
    });
    ask->open();
}

// After a sale or a void: the table (status, sold date) and the panel read again.
void FleetPage::saleChanged(qint64 carId, const QString &message)
{
    emit statusMessage(message);
    reloadAndSelect(carId);
    if (m_details->carId() == carId)
        showCurrent();
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
    m_savedFilters->load();
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

void FleetPage::open(const SectionLink &link)
{
    if (link.kind == SectionLink::Kind::Cars)
        showFigureFilter(link.cars, link.title);
    else
        selectCar(link.id);
}

void FleetPage::showFigureFilter(const CarFilter &filter, const QString &title)
{
    showSavedFilter(filter);
    m_figureBar->showFilter(title);
}

void FleetPage::clearFigureFilter()
{
    m_figureFilter = {};
    m_figureBar->clear();
    {
        const QSignalBlocker blocker(m_search);
        m_search->clear();
    }
    m_filterPanel->clear();
    applyFilter();
}

CarFilter FleetPage::filterShown() const
{
    // The panel's conditions on top of the figure's (none when no dashboard's filter is in effect).
    CarFilter filter = m_filterPanel->apply(m_figureFilter);
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
    m_savedFilters->noteShown(filter);
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
                     m_bulk->setVocabulary(m_vocabulary);
                 });
}

// A saved filter was chosen: the search field and the filter panel show it, and it applies.
void FleetPage::showSavedFilter(const CarFilter &filter)
{
    // A saved filter may hold a figure's conditions too (saved from a dashboard's list).
    m_figureFilter = filter;
    if (!filter.hasFigureConditions())
        m_figureBar->clear();
    else if (m_figureBar->title().isEmpty())
        m_figureBar->showFilter(tr("the saved filter's figure conditions"));
    {
        const QSignalBlocker blocker(m_search);
        m_search->setText(filter.text);
    }
    m_filterPanel->show(filter);
    if (filter.conditionCount() > (filter.text.isEmpty() ? 0 : 1))
        m_filtersAction->setChecked(true);
    m_savedFilters->keepNaming(filterShown());
    applyFilter();
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
                     if (details->row.status == QLatin1String("sold"))
                         loadSale(details->row.id);
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
                     m_figureFilter = {};
                     m_figureBar->clear();
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
        if (!editor->isNewCar())
            m_undo->remember(editor->original(), car);
        emit statusMessage(editor->isNewCar() ? tr("Stock #%1 added.").arg(car.row.stockNumber)
                                              : tr("Stock #%1 saved.").arg(car.row.stockNumber));
        reloadAndSelect(car.row.id);
        if (m_details->carId() == car.row.id)
            m_details->showDetails(car);
    });
    // Sell… in the editor: the car is still the current one (the editor was opened for it).
    connect(editor, &CarEditorDialog::sellRequested, this, [this](qint64 carId) {
        if (const auto row = currentRow(); row && row->id == carId)
            sellCurrent();
    });
    editor->open();
}

// The table is read again and car `id` selected once it has it (the loaded handler).
void FleetPage::reloadAndSelect(qint64 id)
{
    m_pendingSelection = id;
    m_pendingRow = -1;
    m_model->reload();
}

void FleetPage::compareSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.size() < CarCompareDialog::MinCars || ids.size() > CarCompareDialog::MaxCars) {
        QMessageBox::information(this, tr("Compare cars"),
                                 tr("Select 2 to 4 cars to compare (Ctrl+click adds a car to the selection)."));
        return;
    }
    whenFinished(m_database->submit([ids](Database &db) { return FleetService::details(db, ids); }), this,
                 [this](const Result<QList<CarDetails>> &cars) {
                     if (!cars) {
                         report(cars.error());
                         return;
                     }
                     auto *dialog = new CarCompareDialog(*cars, m_vocabulary.currency, this);
                     dialog->setAttribute(Qt::WA_DeleteOnClose);
                     dialog->open();
                 });
}

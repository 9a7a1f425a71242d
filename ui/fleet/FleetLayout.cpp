#include "FleetLayout.h"

#include "FleetPage.h"
#include "UserSettings.h"
#include "models/CarTableModel.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QSplitter>
#include <QTableView>

namespace {

// Shown at first, in this order: what a dealer reads first, then the rest; the others are a right-click
// on the header away.
const QList<CarColumn> kDefaultColumns = {
    CarColumn::StockNumber, CarColumn::Make,         CarColumn::Model,     CarColumn::ModelYear, CarColumn::ListPrice,
    CarColumn::MileageKm,   CarColumn::Status,       CarColumn::Location,  CarColumn::Vin,       CarColumn::BodyType,
    CarColumn::FuelType,    CarColumn::Transmission, CarColumn::UpdatedAt,
};

// The layout kDefaultColumns' order belongs to (UserSettings::fleetHeaderVersion). A header saved with an
// older one gets the new order, unless its user had moved columns (their order is theirs).
constexpr int kHeaderVersion = 2;

} // namespace

FleetLayout::FleetLayout(QTableView *table, CarTableModel *model, QSplitter *splitter, QAction *filtersAction,
                         QWidget *filterPanel)
    : QObject(table)
    , m_table(table)
    , m_model(model)
    , m_splitter(splitter)
    , m_filtersAction(filtersAction)
    , m_filterPanel(filterPanel)
{
    QHeaderView *header = m_table->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &FleetLayout::showColumnMenu);
    connect(m_model, &CarTableModel::loaded, this, [this] {
        if (m_fitColumns && m_model->rowCount() > 0) {
            m_fitColumns = false;
            fitColumns();
        }
    });
}

void FleetLayout::restore()
{
    QHeaderView *header = m_table->horizontalHeader();
    const bool restored = header->restoreState(UserSettings::fleetHeader.value());
    if (!restored || (UserSettings::fleetHeaderVersion.value() < kHeaderVersion && !header->sectionsMoved()))
        placeColumnsInDefaultOrder();
    if (!restored) {
        for (int column = 0; column < int(CarColumn::Count); ++column)
            header->setSectionHidden(column, !kDefaultColumns.contains(CarColumn(column)));
        m_fitColumns = true; // to the first rows, once; then the user's widths are remembered
    }
    // The sort order restored with the header is the one to query.
    m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    if (!m_splitter->restoreState(UserSettings::fleetSplitter.value()))
        m_splitter->setSizes({780, 380});
    const bool filters = UserSettings::fleetFiltersVisible.value();
    m_filtersAction->setChecked(filters);
    m_filterPanel->setVisible(filters);
}

void FleetLayout::save() const
{
    UserSettings::fleetHeader.setValue(m_table->horizontalHeader()->saveState());
    UserSettings::fleetHeaderVersion.setValue(kHeaderVersion);
    UserSettings::fleetSplitter.setValue(m_splitter->saveState());
    UserSettings::fleetFiltersVisible.setValue(m_filtersAction->isChecked());
}

void FleetLayout::showColumnMenu(const QPoint &position)
{
    QMenu menu(m_table);
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        QAction *action = menu.addAction(CarTableModel::columnLabel(CarColumn(column)));
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, this,
                [header, column](bool shown) { header->setSectionHidden(column, !shown); });
    }
    menu.addSeparator();
    menu.addAction(FleetPage::tr("Reset columns"), this, [this, header] {
        for (int column = 0; column < m_model->columnCount(); ++column)
            header->setSectionHidden(column, !kDefaultColumns.contains(CarColumn(column)));
        placeColumnsInDefaultOrder();
        fitColumns();
    });
    menu.exec(header->mapToGlobal(position));
}

// Each column as wide as its header and the rows read so far (a long model name at most 30 characters),
// so the columns a dealer reads first fit beside the panel even on a small screen.
void FleetLayout::fitColumns()
{
    m_table->resizeColumnsToContents();
    QHeaderView *header = m_table->horizontalHeader();
    const int widest = m_table->fontMetrics().averageCharWidth() * 30;
    for (int column = 0; column < header->count(); ++column)
        header->resizeSection(column, std::min(header->sectionSize(column), widest));
}

void FleetLayout::placeColumnsInDefaultOrder()
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

#pragma once

#include "domain/CarRow.h"
#include "services/FleetService.h"
#include "ui/shell/Section.h"

#include <optional>

class CarDetailPanel;
class CarEditorDialog;
class CarFilterPanel;
class FigureFilterBar;
class CarTableModel;
class DatabaseThread;
class FleetActions;
class FleetBulkActions;
class FleetLayout;
class FleetTransfer;
class LastEditUndo;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSplitter;
class QTableView;
class QTimer;
class QToolBar;
class QToolButton;
class SavedFiltersBar;

// The Fleet section: the table of cars (any number of them), the search and filters, saved filters,
// the detail panel, and the actions on one car or on many.
class FleetPage : public Section
{
    Q_OBJECT

public:
    explicit FleetPage(const SectionContext &context, QWidget *parent = nullptr);
    ~FleetPage() override;

    QString title() const override;
    QString summary() const override;
    QIcon icon() const override;
    // The Fleet menu of the menu bar: every action of the page with its shortcut.
    QMenu *menu() const override;

    // Other desks changed these ("car:42", "car:*"): the table and the detail panel show it.
    void applyChanges(const QStringList &keys) override;
    // A car (a notification's): selected in the table when it is there, else searched by stock number.
    // Or the cars a dashboard's figure counts (Cars): the table filtered to them, the filter named above it.
    bool opens(SectionLink::Kind kind) const override
    {
        return kind == SectionLink::Kind::Car || kind == SectionLink::Kind::Cars;
    }
    void open(const SectionLink &link) override;
    // Shows exactly the cars of `filter`, named `title` in the bar over the table (until cleared).
    void showFigureFilter(const CarFilter &filter, const QString &title);
    void clearFigureFilter();
    FigureFilterBar *figureFilterBar() const { return m_figureBar; }

    CarTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    CarDetailPanel *detailPanel() const { return m_details; }
    CarFilterPanel *filterPanel() const { return m_filterPanel; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *savedFiltersBox() const;
    // The table's context menu (right click, the Menu key, Shift+F10).
    QMenu *contextMenu() const;
    // The ids of the selected cars that are loaded; all of them when every row is selected.
    QList<qint64> selectedIds() const;
    bool allRowsSelected() const;

protected:
    // Loads the first rows and the lists.
    void activated() override;

private:
    void buildActions();
    std::optional<CarRow> currentRow() const;
    // Makes `row` current and scrolls it into view vertically; the sideways scroll stays where the user put it.
    void setCurrentRow(int row);
    // The filter the panel and the search field show.
    CarFilter filterShown() const;
    void applyFilter();
    void showSavedFilter(const CarFilter &filter);
    void loadVocabulary();
    void showCurrent();
    void loadVinReport(const QString &vin);
    // Selects car `id` wherever it is in the table's order (its page is read when needed), or shows it
    // alone by its stock number when the filter hides it.
    void selectCar(qint64 id);
    void locateCar(qint64 id);
    void showAlone(qint64 id);
    void bringPendingRowIn();
    void reloadAndSelect(qint64 id);
    void updateCountLabel();
    void bookCurrent();
    void sellCurrent();
    void voidSale(qint64 saleId);
    void loadSale(qint64 carId);
    void saleChanged(qint64 carId, const QString &message);
    void requestVinReport(qint64 carId);
    void removeSelected();
    void report(const Error &error);
    void newCar();
    void editCurrent();
    void openEditor(CarEditorDialog *editor);
    void compareSelected();

    DatabaseThread *m_database;
    CarTableModel *m_model;
    QLineEdit *m_search;
    QToolButton *m_filtersButton;
    CarFilterPanel *m_filterPanel;
    QAction *m_filtersAction; // shows the filter panel: the Filters button, the Fleet menu
    QToolBar *m_toolbar;
    QTableView *m_table;
    CarDetailPanel *m_details;
    QSplitter *m_splitter;
    QLabel *m_countLabel;
    QTimer *m_searchDelay;
    QTimer *m_selectionDelay;
    // The page's parts, each in its own file.
    FleetActions *m_actions;
    SavedFiltersBar *m_savedFilters;
    FleetBulkActions *m_bulk;
    LastEditUndo *m_undo;
    FleetTransfer *m_transfer;
    FleetLayout *m_layout;
    FleetVocabulary m_vocabulary;
    quint64 m_detailGeneration = 0;
    qint64 m_pendingSelection = 0; // a car to select once its row is loaded
    int m_pendingRow = -1;         // its row in the table's order, once known (and not loaded yet)
    qint64 m_keepCurrent = 0;      // the current car before a refresh: current again after it
    FigureFilterBar *m_figureBar;
    // The conditions the filter panel does not show (a dashboard's figure), kept while the bar shows them.
    CarFilter m_figureFilter;
};

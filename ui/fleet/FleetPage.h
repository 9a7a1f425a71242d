#pragma once

#include "domain/CarRow.h"
#include "services/FleetService.h"
#include "ui/shell/Section.h"

#include <optional>

class CarDetailPanel;
class CarFilterPanel;
class CarTableModel;
class DatabaseThread;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSplitter;
class QTableView;
class QTimer;
class QToolBar;
class QToolButton;

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
    QMenu *menu() const override { return m_menu; }

    // Other desks changed these ("car:42", "car:*"): the table and the detail panel show it.
    void applyChanges(const QStringList &keys) override;
    // A car (a notification's): selected in the table when it is there, else searched by stock number.
    bool opens(SectionLink::Kind kind) const override { return kind == SectionLink::Kind::Car; }
    void open(const SectionLink &link) override { selectCar(link.id); }

    CarTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    CarDetailPanel *detailPanel() const { return m_details; }
    CarFilterPanel *filterPanel() const { return m_filterPanel; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *savedFiltersBox() const { return m_savedFilters; }
    // The table's context menu (right click, the Menu key, Shift+F10).
    QMenu *contextMenu() const { return m_contextMenu; }
    // The ids of the selected cars that are loaded; all of them when every row is selected.
    QList<qint64> selectedIds() const;
    bool allRowsSelected() const;

protected:
    // Loads the first rows and the lists.
    void activated() override;

private:
    // The groups of the page's actions: a separator between them in the menus; the selected cars' and
    // the saved filter's actions sit under a toolbar button of their own.
    enum class Group { Cars, CurrentCar, SelectedCars, SavedFilter, View };
    enum Show {
        MenuOnly = 0x0,     // only in the Fleet menu (and by its shortcut)
        OnToolbar = 0x1,    // also on the toolbar (or under the group's toolbar button)
        InContextMenu = 0x2 // also in the table's context menu
    };
    struct PageAction
    {
        QAction *action;
        Group group;
        int show; // Show flags
    };

    void loadVinReport(const QString &vin);
    void buildActions();
    // Adds an action to the page's one list (m_actions) that the toolbar, the Fleet menu and the context
    // menu are built from; its shortcut works anywhere on the page.
    QAction *addPageAction(QAction *action, Group group, int show);
    template <typename Slot>
    QAction *addPageAction(const QString &text, const QKeySequence &shortcut, Group group, int show, Slot slot);
    void buildMenus();
    void showContextMenu(const QPoint &viewportPosition);
    std::optional<CarRow> currentRow() const;
    // Makes `row` current and scrolls it into view vertically; the sideways scroll stays where the user put it.
    void setCurrentRow(int row);
    void placeColumnsInDefaultOrder();
    void fitColumns();
    // The filter the panel and the search field show.
    CarFilter filterShown() const;
    void applyFilter();
    void loadVocabulary();
    void loadSavedFilters(const QString &select = {});
    void chooseSavedFilter(int index);
    void saveFilter();
    void deleteSavedFilter();
    void updateAlertAction();
    void setAlert(bool alert);
    void showCurrent();
    // Selects car `id` wherever it is in the table's order (its page is read when needed), or shows it
    // alone by its stock number when the filter hides it.
    void selectCar(qint64 id);
    void locateCar(qint64 id);
    void showAlone(qint64 id);
    void bringPendingRowIn();
    void bookCurrent();
    void requestVinReport(qint64 carId);
    void updateCountLabel();
    void showColumnMenu(const QPoint &position);
    void restoreLayout();
    void saveLayout() const;
    void removeSelected();
    void bulkStatus(const QString &status);
    void bulkLocation(const QString &code);
    void bulkPrice();
    // Runs a bulk change on the selected cars (or every car matching the filter) and reloads.
    void runBulk(const QString &description, std::function<Result<int>(Database &, const QList<qint64> &)> change);
    void report(const Error &error);
    void newCar();
    void editCurrent();
    void openEditor(class CarEditorDialog *editor);
    void undoLastEdit();
    void compareSelected();
    void exportView();
    void importCars();
    void undoImport();
    void showUndoResult(const struct CarImportUndoResult &undone);

    DatabaseThread *m_database;
    CarTableModel *m_model;
    QLineEdit *m_search;
    QToolButton *m_filtersButton;
    CarFilterPanel *m_filterPanel;
    QComboBox *m_savedFilters;
    QAction *m_filtersAction; // shows the filter panel: the Filters button, the Fleet menu
    QToolBar *m_toolbar;
    QTableView *m_table;
    CarDetailPanel *m_details;
    QSplitter *m_splitter;
    QLabel *m_countLabel;
    QTimer *m_searchDelay;
    QTimer *m_selectionDelay;
    QMenu *m_statusMenu;
    QMenu *m_locationMenu;
    QMenu *m_menu;
    QMenu *m_contextMenu;
    QList<PageAction> m_actions;
    FleetVocabulary m_vocabulary;
    QList<SavedFilter> m_saved;
    quint64 m_detailGeneration = 0;
    qint64 m_pendingSelection = 0; // a car to select once its row is loaded
    int m_pendingRow = -1;
    bool m_fitColumns = false; // no saved layout: the columns fit the first rows         // its row in the table's
                               // order, once known (and not loaded yet)
    qint64 m_keepCurrent = 0;  // the current car before a refresh: current again after it
    // The last edit, for Undo: the car as it was, and the version the edit gave it.
    std::optional<CarDetails> m_undoBefore;
    int m_undoVersion = 0;
    QAction *m_undoAction = nullptr;
    QAction *m_alertAction = nullptr; // the chosen saved filter's alert
    CarFilter m_savedFilterShown;     // the filter the chosen saved filter gave (the box shows it while it holds)
};

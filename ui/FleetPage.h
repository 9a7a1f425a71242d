#pragma once

#include "db/ConnectionProfile.h"
#include "domain/CarRow.h"
#include "services/FleetService.h"

#include <QWidget>

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
class FleetPage : public QWidget
{
    Q_OBJECT

public:
    explicit FleetPage(DatabaseThread *database, QWidget *parent = nullptr);
    ~FleetPage() override;

    // Called once the database is connected and migrated: loads the first rows and the lists. The
    // table's slow reads (count, anchors) get their own connection to `profile`.
    void activate(const ConnectionProfile &profile);

    // Selects the car (a notification's): in the table when it is there, else searched by stock number.
    void showCar(qint64 id) { selectCar(id); }

    // Other desks changed these ("car:42", "car:*"): the table and the detail panel show it.
    void applyChanges(const QStringList &keys);

    CarTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    CarDetailPanel *detailPanel() const { return m_details; }
    CarFilterPanel *filterPanel() const { return m_filterPanel; }
    QLineEdit *searchField() const { return m_search; }
    // The ids of the selected cars that are loaded; all of them when every row is selected.
    QList<qint64> selectedIds() const;
    bool allRowsSelected() const;

signals:
    void statusMessage(const QString &message);

private:
    void loadVinReport(const QString &vin);
    void buildActions();
    void applyFilter();
    void loadVocabulary();
    void loadSavedFilters(const QString &select = {});
    void chooseSavedFilter(int index);
    void saveFilter();
    void deleteSavedFilter();
    void updateAlertAction();
    void setAlert(bool alert);
    void showCurrent();
    void selectCar(qint64 id);
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
    DatabaseThread *m_background; // the table's count and anchors
    ConnectionProfile m_profile;  // for the connections of long work (the import)
    CarTableModel *m_model;
    QLineEdit *m_search;
    QToolButton *m_filtersButton;
    CarFilterPanel *m_filterPanel;
    QComboBox *m_savedFilters;
    QToolBar *m_toolbar;
    QTableView *m_table;
    CarDetailPanel *m_details;
    QSplitter *m_splitter;
    QLabel *m_countLabel;
    QTimer *m_searchDelay;
    QTimer *m_selectionDelay;
    QMenu *m_statusMenu;
    QMenu *m_locationMenu;
    FleetVocabulary m_vocabulary;
    QList<SavedFilter> m_saved;
    quint64 m_detailGeneration = 0;
    qint64 m_pendingSelection = 0; // a car to select once its row is loaded
    qint64 m_keepCurrent = 0;      // the current car before a refresh: current again after it
    // The last edit, for Undo: the car as it was, and the version the edit gave it.
    std::optional<CarDetails> m_undoBefore;
    int m_undoVersion = 0;
    QAction *m_undoAction = nullptr;
    QAction *m_alertAction = nullptr; // the chosen saved filter's alert
};

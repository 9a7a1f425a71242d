#pragma once

#include "Error.h"
#include "domain/CarFilter.h"
#include "services/FleetService.h"

#include <QObject>

#include <functional>

class CarTableModel;
class DatabaseThread;
class QAction;
class QComboBox;
class QWidget;

// The Fleet page's saved filters: the box that names the saved filter in effect (none once the filter
// shown differs from it), and the actions on it: Save filter…, Delete saved filter, and the alert on new
// matches and price drops.
class SavedFiltersBar : public QObject
{
    Q_OBJECT

public:
    // `shown` is the filter the page's search field and filter panel show; `model` holds the one in effect.
    SavedFiltersBar(DatabaseThread *database, CarTableModel *model, std::function<CarFilter()> shown, QWidget *page);

    QComboBox *box() const { return m_box; }
    QAction *saveAction() const { return m_save; }
    QAction *deleteAction() const { return m_delete; }
    QAction *alertAction() const { return m_alert; }

    // Reads the saved filters again; `select` names the one the box shows then.
    void load(const QString &select = {});
    // The chosen saved filter made the page show `filter`: the box names it while the page shows that.
    void keepNaming(const CarFilter &filter);
    // The page shows `filter` now: the box names no saved filter unless it is still the chosen one's.
    void noteShown(const CarFilter &filter);

signals:
    // A saved filter was chosen: the page shows it (then keepNaming()) and applies it.
    void chosen(const CarFilter &filter);
    void statusMessage(const QString &message);
    void failed(const Error &error);

private:
    void choose(int index);
    void save();
    void remove();
    void setAlert(bool alert);
    void updateAlertAction();

    DatabaseThread *m_database;
    CarTableModel *m_model;
    std::function<CarFilter()> m_shown;
    QWidget *m_page;
    QComboBox *m_box;
    QAction *m_save;
    QAction *m_delete;
    QAction *m_alert;
    QList<SavedFilter> m_saved;
    CarFilter m_named; // the filter the chosen saved filter gave (the box names it while it holds)
};

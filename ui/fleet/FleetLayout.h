#pragma once

#include <QObject>

class CarTableModel;
class QAction;
class QPoint;
class QSplitter;
class QTableView;
class QWidget;

// The Fleet page's layout, kept between sessions (UserSettings): which columns show, their order, widths
// and the sort; the split between the table and the car panel; whether the filters show. The header's
// right-click menu shows and hides columns. Without a saved layout the dealer's columns come first
// and fit the first rows.
class FleetLayout : public QObject
{
    Q_OBJECT

public:
    // `filtersAction` shows `filterPanel`.
    FleetLayout(QTableView *table, CarTableModel *model, QSplitter *splitter, QAction *filtersAction,
                QWidget *filterPanel);

    // Before the first query: the restored sort order is the one the model queries.
    void restore();
    void save() const;

private:
    void showColumnMenu(const QPoint &position);
    void placeColumnsInDefaultOrder();
    void fitColumns();

    QTableView *m_table;
    CarTableModel *m_model;
    QSplitter *m_splitter;
    QAction *m_filtersAction;
    QWidget *m_filterPanel;
    bool m_fitColumns = false; // no saved layout: the columns fit the first rows, once
};

#pragma once

#include <QObject>

class PagedTableModel;
class QItemSelectionModel;

// Keeps a view's current row on the same record while a PagedTableModel reads its pages again in place
// (refresh(), another desk's change): rows before it may have come or gone, so the record may now be on
// another row. Call remember() before refresh(); once the record's new row is read, it is made current
// (and the only row selected) without scrolling the view.
class CurrentRowKeeper : public QObject
{
public:
    CurrentRowKeeper(PagedTableModel *model, QItemSelectionModel *selection);

    void remember();

private:
    void pageLoaded(int first, int last);

    PagedTableModel *m_model;
    QItemSelectionModel *m_selection;
    qint64 m_id = 0; // the record to keep current; 0: none
};

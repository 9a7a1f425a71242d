#include "CurrentRowKeeper.h"

#include "PagedTableModel.h"

#include <QItemSelectionModel>

CurrentRowKeeper::CurrentRowKeeper(PagedTableModel *model, QItemSelectionModel *selection)
    : QObject(model)
    , m_model(model)
    , m_selection(selection)
{
    connect(model, &PagedTableModel::pageLoaded, this, &CurrentRowKeeper::pageLoaded);
    connect(model, &QAbstractItemModel::modelReset, this, [this] { m_id = 0; }); // another query
}

void CurrentRowKeeper::remember()
{
    const QModelIndex current = m_selection->currentIndex();
    m_id = current.isValid() ? current.data(PagedTableModel::IdRole).toLongLong() : 0;
}

void CurrentRowKeeper::pageLoaded(int first, int last)
{
    if (m_id == 0)
        return;
    const QModelIndex now = m_selection->currentIndex();
    const int row = m_model->rowOfId(m_id);
    if (row >= 0 && row != now.row())
        m_selection->setCurrentIndex(m_model->index(row, std::max(0, now.column())),
                                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    // Done when the record is found, or when its old row was read again without it (it is gone, or far).
    if (row >= 0 || (now.row() >= first && now.row() <= last))
        m_id = 0;
}

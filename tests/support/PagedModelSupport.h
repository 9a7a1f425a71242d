#pragma once

#include "models/PagedTableModel.h"

#include <QList>
#include <QTest>

#include <algorithm>

// The ids of every row of `model`, read page by page as a view scrolling through it would (the last page
// first when `backwards`, so that pages are also read before a known key). Empty when a page did not come.
inline QList<qint64> idsOfEveryRow(PagedTableModel &model, bool backwards)
{
    QList<qint64> ids(model.rowCount());
    const int pages = (model.rowCount() + PagedTableModel::PageSize - 1) / PagedTableModel::PageSize;
    for (int i = 0; i < pages; ++i) {
        const int page = backwards ? pages - 1 - i : i;
        const int first = page * PagedTableModel::PageSize;
        const int last = std::min(first + PagedTableModel::PageSize, model.rowCount()) - 1;
        model.index(first, 0).data(); // asks for the page
        if (!QTest::qWaitFor([&] { return model.isLoaded(first) && model.isLoaded(last); }, 10000))
            return {};
        for (int row = first; row <= last; ++row)
            ids[row] = model.index(row, 0).data(PagedTableModel::IdRole).toLongLong();
    }
    return ids;
}

#pragma once

#include <QHeaderView>
#include <QStringList>
#include <QTreeWidget>

// A list of priced lines (a quote, a bill): no tree, no selection, the first column (the text) taking the room,
// the others (quantities, amounts) as wide as their content and right-aligned.
inline QTreeWidget *linesView(QWidget *parent, const QString &objectName, const QString &accessibleName,
                              const QStringList &headers)
{
    auto *view = new QTreeWidget(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->setHeaderLabels(headers);
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < headers.size(); ++column) {
        view->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
        view->headerItem()->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    }
    return view;
}

// Adds a line: its texts, the columns after the first right-aligned.
inline QTreeWidgetItem *addLine(QTreeWidget *view, const QStringList &texts)
{
    auto *item = new QTreeWidgetItem(view, texts);
    item->setToolTip(0, texts.value(0));
    for (int column = 1; column < texts.size(); ++column)
        item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

#pragma once

#include <QObject>

class QAbstractItemView;
class QHeaderView;

// Columns as wide as what they show, so that dates, cars and amounts are never cut: one column (a name)
// takes the room the others leave when the view is wider than all of them; otherwise every column keeps
// its content's width and the view scrolls sideways. Follows the view's width and its model's rows.
class ContentColumns : public QObject
{
    Q_OBJECT

public:
    // Sizes `view`'s columns (its horizontal `header`) so from now on; `roomy` is the column that grows.
    static void apply(QAbstractItemView *view, QHeaderView *header, int roomy);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    ContentColumns(QAbstractItemView *view, QHeaderView *header, int roomy);
    void schedule(); // once after a burst of row changes
    void fit();

    QAbstractItemView *m_view;
    QHeaderView *m_header;
    int m_roomy;
    bool m_scheduled = false;
};

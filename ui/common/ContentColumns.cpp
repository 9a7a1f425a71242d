#include "ContentColumns.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QHeaderView>
#include <QTimer>

void ContentColumns::apply(QAbstractItemView *view, QHeaderView *header, int roomy)
{
    new ContentColumns(view, header, roomy);
}

ContentColumns::ContentColumns(QAbstractItemView *view, QHeaderView *header, int roomy)
    : QObject(view)
    , m_view(view)
    , m_header(header)
    , m_roomy(roomy)
{
    m_header->setStretchLastSection(false);
    m_header->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->viewport()->installEventFilter(this);
    QAbstractItemModel *model = m_view->model();
    connect(model, &QAbstractItemModel::modelReset, this, &ContentColumns::schedule);
    connect(model, &QAbstractItemModel::layoutChanged, this, &ContentColumns::schedule);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ContentColumns::schedule);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ContentColumns::schedule);
    connect(model, &QAbstractItemModel::dataChanged, this, &ContentColumns::schedule);
    fit();
}

bool ContentColumns::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

void ContentColumns::schedule()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_scheduled = false;
        fit();
    });
}

void ContentColumns::fit()
{
    if (m_roomy < 0 || m_roomy >= m_header->count())
        return;
    // What every column needs; the growing one's own content measured, as it may be stretched now.
    int needed = 0;
    for (int column = 0; column < m_header->count(); ++column) {
        if (m_header->isSectionHidden(column))
            continue;
        needed += column == m_roomy ? std::max(m_view->sizeHintForColumn(column), m_header->sectionSizeHint(column))
                                    : m_header->sectionSize(column);
    }
    const auto mode = needed <= m_view->viewport()->width() ? QHeaderView::Stretch : QHeaderView::ResizeToContents;
    if (m_header->sectionResizeMode(m_roomy) != mode)
        m_header->setSectionResizeMode(m_roomy, mode);
}

#include "PagedTableModel.h"

#include <QBrush>
#include <QPalette>
#include <QTimer>

#include <algorithm>
#include <limits>

PagedTableModel::PagedTableModel(DatabaseThread *database, int maxCachedPages, int placeholderColumn, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(database)
    , m_background(database)
    , m_maxCachedPages(maxCachedPages)
    , m_placeholderColumn(placeholderColumn)
{}

void PagedTableModel::setBackgroundThread(DatabaseThread *background)
{
    m_background = background ? background : m_database;
}

int PagedTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

bool PagedTableModel::isReading() const
{
    return m_starting || m_counting || m_inFlight >= 0 || !m_wanted.isEmpty();
}

bool PagedTableModel::isLoaded(int row) const
{
    const auto page = m_pages.constFind(row / PageSize);
    return row >= 0 && row < m_rowCount && page != m_pages.cend() && row % PageSize < page->keys.size();
}

int PagedTableModel::rowOfId(qint64 id) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (qsizetype i = 0; i < it->keys.size(); ++i) {
            if (it->keys.at(i).id == id)
                return it.key() * PageSize + static_cast<int>(i);
        }
    }
    return -1;
}

QVariant PagedTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int pageNumber = index.row() / PageSize;
    const int offset = index.row() % PageSize;
    const auto page = m_pages.find(pageNumber);
    if (page == m_pages.end() || offset >= page->keys.size()) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            requestPage(pageNumber);
            return index.column() == m_placeholderColumn ? QVariant(tr("Loading…")) : QVariant();
        case Qt::ForegroundRole:
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        case LoadedRole:
            return false;
        case IdRole:
            return qint64(0);
        default:
            return {};
        }
    }
    page->lastUsed = ++m_useCounter;
    if (page->stale && role == Qt::DisplayRole)
        requestPage(pageNumber);
    if (role == IdRole)
        return page->keys.at(offset).id;
    if (role == LoadedRole)
        return true;
    return loadedData(index, role);
}

void PagedTableModel::requestRow(int row)
{
    if (row < 0)
        return;
    if (row < m_rowCount && !m_starting) {
        requestPage(row / PageSize);
        m_rowWanted = -1;
    } else {
        m_rowWanted = row;
    }
}

// The first page comes first and alone, so rows show at once; the count follows, the anchors at the first
// far jump. Until the count is in, the model has as many rows as the first page.
void PagedTableModel::reload()
{
    const quint64 current = ++m_generation;
    m_currentGeneration->store(current);
    m_wanted.clear();
    m_anchors.clear();
    m_anchorsRequested = false;
    m_counting = true;
    m_countAgain = false;
    m_rowWanted = -1;
    m_starting = true;
    m_inFlight = 0; // no other page is read before it
    PageRequest request;
    request.limit = PageSize;
    readPage(0, request);
}

void PagedTableModel::refresh()
{
    if (!isStarted())
        return; // nothing read yet
    for (Page &page : m_pages)
        page.stale = true;
    m_anchors.clear(); // rows may have come or gone before them
    m_anchorsRequested = false;
    if (m_rowCount > 0)
        emit dataChanged(index(0, 0), index(m_rowCount - 1, columnCount() - 1)); // the view asks for what it shows
    // The page read last (the one in view) is read again at once, whether a view paints it or not.
    if (!m_pages.isEmpty()) {
        const auto latest = std::max_element(m_pages.cbegin(), m_pages.cend(),
                                             [](const Page &a, const Page &b) { return a.lastUsed < b.lastUsed; });
        requestPage(latest.key());
    }
    if (m_counting) {
        m_countAgain = !m_starting; // the count on its way may have been taken before the change
    } else {
        m_counting = true;
        fetchCount();
    }
}

void PagedTableModel::pageRead(quint64 generation, int page, const Result<QList<PageKey>> &keys,
                               const std::function<void()> &store)
{
    if (generation != m_generation)
        return;
    m_inFlight = -1;
    if (m_starting) {
        m_starting = false;
        if (!keys) {
            m_counting = false;
            emit failed(keys.error());
            return;
        }
        beginResetModel();
        m_pages.clear();
        dropAllRows();
        store();
        m_pages.insert(0, Page{*keys, ++m_useCounter});
        m_rowCount = static_cast<int>(keys->size());
        endResetModel();
        emit loaded();
        if (keys->size() < PageSize) {
            m_counting = false;
            emit countChanged(m_rowCount);
        } else {
            fetchCount();
        }
    } else if (!keys) {
        emit failed(keys.error());
    } else if (const int first = page * PageSize; first < m_rowCount) {
        store();
        m_pages.insert(page, Page{*keys, ++m_useCounter});
        while (m_pages.size() > m_maxCachedPages) {
            const auto oldest = std::min_element(m_pages.begin(), m_pages.end(),
                                                 [](const Page &a, const Page &b) { return a.lastUsed < b.lastUsed; });
            dropRows(oldest.key());
            m_pages.erase(oldest);
        }
        const int last = std::min(first + PageSize, m_rowCount) - 1;
        emit dataChanged(index(first, 0), index(last, columnCount() - 1));
        emit pageLoaded(first, last);
    }
    dispatch();
}

void PagedTableModel::fetchCount()
{
    const quint64 current = m_generation;
    whenFinished(m_background->submit(unlessSuperseded(countJob())), this,
                 [this, current](const Result<qint64> &count) {
                     if (current != m_generation)
                         return;
                     if (m_countAgain) {
                         m_countAgain = false;
                         fetchCount();
                     } else {
                         m_counting = false;
                     }
                     if (!count) {
                         emit failed(count.error());
                     } else {
                         setRowCount(static_cast<int>(std::min<qint64>(*count, std::numeric_limits<int>::max())));
                         emit countChanged(m_rowCount);
                         if (m_rowWanted >= 0 && m_rowWanted < m_rowCount)
                             requestRow(m_rowWanted);
                     }
                     settleWhenIdle();
                 });
}

void PagedTableModel::setRowCount(int count)
{
    if (count > m_rowCount) {
        beginInsertRows({}, m_rowCount, count - 1);
        m_rowCount = count;
        endInsertRows();
    } else if (count < m_rowCount) {
        beginRemoveRows({}, count, m_rowCount - 1);
        m_rowCount = count;
        endRemoveRows();
    }
}

void PagedTableModel::fetchAnchors()
{
    const quint64 current = m_generation;
    whenFinished(m_background->submit(unlessSuperseded(anchorsJob(AnchorStep))), this,
                 [this, current](const Result<QList<PageKey>> &anchors) {
                     if (current != m_generation)
                         return;
                     if (anchors)
                         m_anchors = *anchors;
                     // Without anchors a jump still works, by OFFSET: slower, never wrong.
                 });
}

void PagedTableModel::requestPage(int page) const
{
    if (m_inFlight == page)
        return;
    m_wanted.removeOne(page);
    m_wanted.append(page);
    while (m_wanted.size() > MaxWantedPages)
        m_wanted.removeFirst(); // scrolled past: no longer worth reading
    // Dispatch after the paint that asked: it may ask for several pages, and the latest wins.
    if (!m_dispatchQueued) {
        m_dispatchQueued = true;
        QTimer::singleShot(0, const_cast<PagedTableModel *>(this), [self = const_cast<PagedTableModel *>(this)] {
            self->m_dispatchQueued = false;
            self->dispatch();
        });
    }
}

void PagedTableModel::dispatch()
{
    if (m_inFlight >= 0)
        return;
    int page = -1;
    while (!m_wanted.isEmpty()) {
        const int wanted = m_wanted.takeLast();
        const auto cached = m_pages.constFind(wanted);
        if ((cached == m_pages.cend() || cached->stale) && wanted * PageSize < m_rowCount) {
            page = wanted;
            break;
        }
    }
    if (page < 0) {
        settleWhenIdle();
        return;
    }

    PageRequest request;
    request.limit = PageSize;
    const auto previous = m_pages.constFind(page - 1);
    const auto next = m_pages.constFind(page + 1);
    if (previous != m_pages.cend() && previous->keys.size() == PageSize) {
        request.from = PageRequest::From::After;
        request.key = previous->keys.constLast();
    } else if (next != m_pages.cend() && !next->keys.isEmpty()) {
        request.from = PageRequest::From::Before;
        request.key = next->keys.constFirst();
    } else if (const qsizetype anchor = qsizetype(page) * PageSize / AnchorStep;
               anchor > 0 && anchor < m_anchors.size()) {
        request.from = PageRequest::From::At;
        request.key = m_anchors.at(anchor);
        request.offset = qint64(page) * PageSize - qint64(anchor) * AnchorStep;
    } else {
        request.offset = qint64(page) * PageSize;
        // The first far jump of a query: read the anchors for the next ones (a full scan of the query's
        // keys, so only when someone jumps; a sort change alone does not pay for it).
        if (request.offset >= AnchorStep && !m_anchorsRequested) {
            m_anchorsRequested = true;
            fetchAnchors();
        }
    }
    m_inFlight = page;
    readPage(page, request);
}

void PagedTableModel::settleWhenIdle()
{
    if (!isReading())
        emit settled();
}

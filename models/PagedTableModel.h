#pragma once

#include "Async.h"
#include "Error.h"
#include "db/DatabaseThread.h"
#include "services/PageRequest.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class Database;

// The one way a table pages: a table over any number of rows of a query that sorts and filters in SQL. It
// knows the true row count but holds only a bounded cache of pages. A page that is not loaded shows a
// placeholder and is read on the database thread by keyset (PageRequest): after the page before it,
// before the page after it, or from the nearest anchor (the key of every AnchorStep-th row, read at the
// first far jump of a query), so a jump into the middle of a million rows is one short index read. The
// first page comes before the count; the count and the anchors run on a second thread when there is one
// (setBackgroundThread()), so the next query's first page never waits behind them, and reads queued for a
// query that has since been replaced are skipped. KeysetTableModel binds it to a service's rows.
class PagedTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int PageSize = 100;
    static constexpr int AnchorStep = 1000;
    static constexpr int MaxWantedPages = 8; // the most recently wanted pages that are not loaded yet

    enum Role {
        IdRole = Qt::UserRole + 1, // qint64; 0 while the row is not loaded
        LoadedRole,                // bool
        FirstOwnRole,              // the first role of a derived model
    };

    // A second database thread for the slow reads of a query (the count and the anchors), so that the
    // pages of the next query never wait behind them. Without one, everything runs on the first.
    void setBackgroundThread(DatabaseThread *background);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Reads everything again: the first page, then the count (the anchors when they are needed).
    void reload();
    // The rows changed (another desk): the count and the pages in view are read again while the rows stay
    // where they are (scroll position and selection kept), the loaded rows showing until then.
    void refresh();

    // Reads the page of `row` (a place found by a query of its own) whether a view shows it or not; when
    // the row is beyond the rows known until the count is in, once it is.
    void requestRow(int row);

    // Whether anything was read yet (reload()).
    bool isStarted() const { return m_generation > 0; }
    bool isCounting() const { return m_counting; }
    // Whether a page or the count is being read, or a page waits to be.
    bool isReading() const;
    bool isLoaded(int row) const;
    // The model row of `id` among the loaded pages, or -1.
    int rowOfId(qint64 id) const;
    int cachedPageCount() const { return static_cast<int>(m_pages.size()); }
    int anchorCount() const { return static_cast<int>(m_anchors.size()); }

signals:
    void loaded();                   // the first page of the current query is in
    void countChanged(qint64 count); // the true number of rows is known
    void pageLoaded(int first, int last);
    void failed(const Error &error);
    // Nothing is being read any more: the count is in and the pages asked for are (after reload(),
    // refresh() or scrolling).
    void settled();

protected:
    // `maxCachedPages`: the most pages held; `placeholderColumn`: where a row not loaded says so.
    PagedTableModel(DatabaseThread *database, int maxCachedPages, int placeholderColumn, QObject *parent);

    // What a loaded row shows in `role` (data() answers IdRole, LoadedRole and rows not loaded).
    virtual QVariant loadedData(const QModelIndex &index, int role) const = 0;

    // The typed part (KeysetTableModel): reads a page of the current query, then calls pageRead().
    virtual void readPage(int page, const PageRequest &request) = 0;
    virtual std::function<Result<qint64>(Database &)> countJob() const = 0;
    virtual std::function<Result<QList<PageKey>>(Database &)> anchorsJob(int step) const = 0;
    // The rows of `page` are no longer held (evicted, or the query replaced).
    virtual void dropRows(int page) = 0;
    virtual void dropAllRows() = 0;

    // A page read by readPage() for the query of `generation`: its keys, and `store`, which keeps its rows
    // (called only when the page is taken).
    void pageRead(quint64 generation, int page, const Result<QList<PageKey>> &keys, const std::function<void()> &store);
    quint64 generation() const { return m_generation; }
    DatabaseThread *database() const { return m_database; }

    // Wraps a job so that it returns at once, without SQL, when the query changed while it was queued.
    template <typename Job> auto unlessSuperseded(Job job) const
    {
        return [current = m_currentGeneration, generation = m_generation,
                job = std::move(job)](Database &db) -> std::invoke_result_t<Job, Database &> {
            if (current->load() != generation)
                return std::unexpected(Error{Error::Code::Superseded, QString()});
            return job(db);
        };
    }

private:
    struct Page
    {
        QList<PageKey> keys; // of its rows
        quint64 lastUsed = 0;
        bool stale = false; // shown until read again (refresh())
    };

    void requestPage(int page) const;
    void dispatch();
    void fetchCount();
    void fetchAnchors();
    void setRowCount(int count);
    void settleWhenIdle();

    DatabaseThread *m_database;
    DatabaseThread *m_background;
    const int m_maxCachedPages;
    const int m_placeholderColumn;
    std::shared_ptr<std::atomic<quint64>> m_currentGeneration = std::make_shared<std::atomic<quint64>>(0);
    quint64 m_generation = 0;
    bool m_starting = false; // the first page of a new query is on its way: it replaces every row
    int m_rowCount = 0;
    bool m_counting = false;
    bool m_countAgain = false; // the rows changed while the count was on its way
    int m_rowWanted = -1;      // requestRow() beyond the rows known
    QList<PageKey> m_anchors;
    bool m_anchorsRequested = false;

    mutable QHash<int, Page> m_pages;
    mutable QList<int> m_wanted; // most recent last
    mutable quint64 m_useCounter = 0;
    mutable bool m_dispatchQueued = false;
    int m_inFlight = -1; // the page being read
};

// A PagedTableModel over the rows a service reads for a Query (which compares with ==): the service's
// three functions (static, so that jobs carry them to the database thread) and the rows held.
template <typename Row, typename Query> class KeysetTableModel : public PagedTableModel
{
public:
    struct Reader
    {
        Result<KeyedPage<Row>> (*page)(Database &, const Query &, const PageRequest &);
        Result<qint64> (*count)(Database &, const Query &);
        Result<QList<PageKey>> (*anchors)(Database &, const Query &, int step);
    };

    const Query &query() const { return m_query; }
    // Shows `query` (read from the start when it differs from the current one). Nothing is read before the
    // first reload(), so a page can set its saved sort order and filter before the database is open.
    void setQuery(const Query &query)
    {
        if (query == m_query)
            return;
        m_query = query;
        if (isStarted())
            reload();
    }
    // Shows `query`: read from the start when it is another query or nothing was read yet, read again in
    // place (refresh()) when it is the one shown.
    void show(const Query &query)
    {
        if (isStarted() && query == m_query) {
            refresh();
            return;
        }
        m_query = query;
        reload();
    }

    // The loaded row, or nothing when `row` is not in the cache.
    std::optional<Row> rowAt(int row) const
    {
        const Row *loaded = loadedRow(row);
        return loaded ? std::optional<Row>(*loaded) : std::nullopt;
    }

protected:
    KeysetTableModel(DatabaseThread *database, Reader reader, int maxCachedPages, int placeholderColumn,
                     QObject *parent)
        : PagedTableModel(database, maxCachedPages, placeholderColumn, parent)
        , m_reader(reader)
    {}

    // The loaded row, or nullptr.
    const Row *loadedRow(int row) const
    {
        const auto page = m_rows.constFind(row / PageSize);
        if (row < 0 || page == m_rows.cend() || row % PageSize >= page->size())
            return nullptr;
        return &page->at(row % PageSize);
    }

private:
    void readPage(int page, const PageRequest &request) override
    {
        const quint64 current = generation();
        whenFinished(database()->submit(unlessSuperseded([read = m_reader.page, query = m_query,
                                                          request](Database &db) { return read(db, query, request); })),
                     this, [this, current, page](const Result<KeyedPage<Row>> &rows) {
                         if (!rows) {
                             pageRead(current, page, std::unexpected(rows.error()), {});
                             return;
                         }
                         pageRead(current, page, rows->keys, [&] { m_rows.insert(page, rows->rows); });
                     });
    }
    std::function<Result<qint64>(Database &)> countJob() const override
    {
        return [count = m_reader.count, query = m_query](Database &db) { return count(db, query); };
    }
    std::function<Result<QList<PageKey>>(Database &)> anchorsJob(int step) const override
    {
        return [anchors = m_reader.anchors, query = m_query, step](Database &db) { return anchors(db, query, step); };
    }
    void dropRows(int page) override { m_rows.remove(page); }
    void dropAllRows() override { m_rows.clear(); }

    const Reader m_reader;
    Query m_query;
    QHash<int, QList<Row>> m_rows;
};

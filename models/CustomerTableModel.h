#pragma once

#include "Error.h"
#include "domain/CustomerRow.h"
#include "services/CustomerService.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <atomic>
#include <memory>
#include <optional>

class DatabaseThread;

// The Customers table. It knows the true row count but holds only a bounded cache of pages; a page
// that is not loaded shows a placeholder and is fetched by offset on the database thread (see
// CustomerService for why offsets suit customers). Searching and sorting happen in SQL.
class CustomerTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int PageSize = 100;
    static constexpr int MaxCachedPages = 30;
    static constexpr int MaxWantedPages = 8; // the most recently wanted pages that are not loaded yet

    enum Role {
        IdRole = Qt::UserRole + 1, // qint64; 0 while the row is not loaded
        LoadedRole,                // bool
        DuplicateRole,             // bool: another customer has the same email or licence number
    };

    explicit CustomerTableModel(DatabaseThread *database, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    const CustomerQuery &query() const { return m_query; }
    // Shows `query`. Nothing is read before the first reload(), so a page can set its saved sort order
    // before the database is open.
    void setQuery(const CustomerQuery &query);
    void setSearchText(const QString &text);
    // Reads everything again.
    void reload();
    // Another desk changed customers: the count and the pages in view are read again while the rows
    // stay where they are, and the loaded rows show until then.
    void refresh();

    std::optional<CustomerRow> rowAt(int row) const;
    int rowOfId(qint64 id) const; // among the loaded pages, or -1
    bool isCounting() const { return m_counting; }
    int cachedPageCount() const { return static_cast<int>(m_pages.size()); }

    static QString columnLabel(CustomerColumn column);
    static QString displayText(const CustomerRow &row, CustomerColumn column);

signals:
    void loaded(); // the count and the first page of the current query are in
    void countChanged(qint64 count);
    void pageLoaded(int first, int last);
    void failed(const Error &error);

private:
    struct Page
    {
        QList<CustomerRow> rows;
        quint64 lastUsed = 0;
        bool stale = false; // shown until read again (refresh())
    };
    struct FirstPage
    {
        qint64 count = 0;
        QList<CustomerRow> rows;
    };

    void start();
    void requestPage(int page) const;
    void dispatch();
    void storePage(int page, const QList<CustomerRow> &rows);
    void fetchCount();
    void setRowCount(int count);

    // Wraps a job so that it returns at once, without SQL, when the query changed while it was queued.
    template <typename Job> auto unlessSuperseded(Job job) const;

    DatabaseThread *m_database;
    std::shared_ptr<std::atomic<quint64>> m_currentGeneration = std::make_shared<std::atomic<quint64>>(0);
    CustomerQuery m_query;
    quint64 m_generation = 0;
    int m_rowCount = 0;
    bool m_counting = false;

    mutable QHash<int, Page> m_pages;
    mutable QList<int> m_wanted; // most recent last
    mutable quint64 m_useCounter = 0;
    int m_inFlight = -1; // the page being fetched
};

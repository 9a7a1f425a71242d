#pragma once

#include "Error.h"
#include "domain/CarRow.h"
#include "services/CarQuery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <atomic>
#include <memory>
#include <optional>

class DatabaseThread;

// The Fleet table over any number of cars. It knows the true row count but holds only a bounded cache
// of pages; a page that is not loaded shows a placeholder and is fetched on the database thread, by
// keyset from a neighbouring page or from the nearest anchor (the key of every AnchorStep-th row),
// so a jump to the middle of a million rows costs one short index read. Sorting and filtering happen
// in SQL (setQuery / sort).
class CarTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int PageSize = 100;
    static constexpr int AnchorStep = 1000;
    static constexpr int MaxCachedPages = 40; // 4,000 rows
    static constexpr int MaxWantedPages = 8;  // the most recently wanted pages that are not loaded yet

    enum Role {
        IdRole = Qt::UserRole + 1, // qint64; 0 while the row is not loaded
        LoadedRole,                // bool
        SortValueRole,             // the raw value (numbers as numbers), for tests and delegates
    };

    explicit CarTableModel(DatabaseThread *database, QObject *parent = nullptr);

    // A second database thread for the slow reads of a query (the count and the anchors), so that the
    // pages of the next query never wait behind them. Without one, everything runs on `database`.
    void setBackgroundThread(DatabaseThread *background);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    const CarQuery &query() const { return m_query; }
    // Shows `query` (reloads when it differs from the current one). Nothing is read before the first
    // reload(), so a page can set its saved sort order and filter before the database is open.
    void setQuery(const CarQuery &query);
    void setFilter(const CarFilter &filter);
    // Reads everything again: the first page and the count (the anchors when they are needed).
    void reload();
    // Another desk changed cars: the count and the pages in view are read again while the rows stay
    // where they are (scroll position and selection kept), and the loaded rows show until then.
    void refresh();

    void setCurrency(const QString &isoCode);

    // The loaded row, or nothing when `row` is not in the cache.
    std::optional<CarRow> rowAt(int row) const;
    // The model row of car `id` among the loaded pages, or -1.
    int rowOfId(qint64 id) const;
    bool isCounting() const { return m_counting; }
    int cachedPageCount() const { return static_cast<int>(m_pages.size()); }
    int anchorCount() const { return static_cast<int>(m_anchors.size()); }

    static QString columnLabel(CarColumn column);
    // The table's header: a shorter word where the full label would make the column wider than its values
    // ("Year" for "Model year"), so the columns a dealer reads first fit beside the car panel.
    static QString headerLabel(CarColumn column);
    // A field of a car as people read it (labels for keys, units, QLocale numbers, dates and money);
    // shared by the table, the detail panel and the comparison.
    static QString displayText(const CarRow &row, CarColumn column, const QString &currency);

signals:
    void loaded();                   // the first page of the current query is in
    void countChanged(qint64 count); // the true number of rows is known
    void pageLoaded(int first, int last);
    void failed(const Error &error);

private:
    struct Page
    {
        QList<CarRow> rows;
        quint64 lastUsed = 0;
        bool stale = false; // shown until read again (refresh())
    };

    void start();
    void requestPage(int page) const;
    void dispatch();
    void storePage(int page, const QList<CarRow> &rows);
    void fetchCount();
    void fetchAnchors();
    static QVariant rawValue(const CarRow &row, CarColumn column);

    // Wraps a job so that it returns at once, without SQL, when the query changed while it was queued.
    template <typename Job> auto unlessSuperseded(Job job) const;

    DatabaseThread *m_database;
    DatabaseThread *m_background;
    std::shared_ptr<std::atomic<quint64>> m_currentGeneration = std::make_shared<std::atomic<quint64>>(0);
    CarQuery m_query;
    QString m_currency = QStringLiteral("EUR");
    quint64 m_generation = 0;
    int m_rowCount = 0;
    bool m_counting = false;
    QList<CarKey> m_anchors;
    bool m_anchorsRequested = false;

    mutable QHash<int, Page> m_pages;
    mutable QList<int> m_wanted; // most recent last
    mutable quint64 m_useCounter = 0;
    int m_inFlight = -1; // the page being fetched
};

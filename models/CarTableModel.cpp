#include "CarTableModel.h"

#include "Async.h"
#include "PageCache.h"
#include "db/DatabaseThread.h"
#include "domain/CarValidator.h"
#include "domain/CarVocabulary.h"
#include "domain/Money.h"
#include "services/FleetService.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>
#include <QTimer>

namespace {

constexpr int kColumnCount = static_cast<int>(CarColumn::Count);

std::optional<CarField> fieldOf(CarColumn column)
{
    switch (column) {
    case CarColumn::UpdatedAt:
    case CarColumn::UpdatedBy:
    case CarColumn::Count:
        return std::nullopt;
    case CarColumn::ForRent:
        return CarField::ForRent;
    default:
        // The first columns follow CarField's order exactly.
        return static_cast<CarField>(static_cast<int>(column));
    }
}

std::optional<CarVocabulary::Kind> vocabularyOf(CarColumn column)
{
    const std::optional<CarField> field = fieldOf(column);
    return field ? CarValidator::vocabularyOf(*field) : std::nullopt;
}

bool isNumeric(CarColumn column)
{
    const std::optional<CarField> field = fieldOf(column);
    return field && CarValidator::isNumeric(*field);
}

} // namespace

CarTableModel::CarTableModel(DatabaseThread *database, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(database)
    , m_background(database)
{
    static_assert(static_cast<int>(CarField::Notes) == 24 && static_cast<int>(CarColumn::SoldOn) == 22,
                  "CarColumn follows CarField up to SoldOn");
}

void CarTableModel::setBackgroundThread(DatabaseThread *background)
{
    m_background = background ? background : m_database;
}

template <typename Job> auto CarTableModel::unlessSuperseded(Job job) const
{
    return [current = m_currentGeneration, generation = m_generation,
            job = std::move(job)](Database &db) -> std::invoke_result_t<Job, Database &> {
        if (current->load() != generation)
            return std::unexpected(Error{Error::Code::Superseded, QString()});
        return job(db);
    };
}

QString CarTableModel::columnLabel(CarColumn column)
{
    if (const auto field = fieldOf(column))
        return CarValidator::fieldLabel(*field);
    if (column == CarColumn::UpdatedAt)
        return tr("Changed");
    if (column == CarColumn::UpdatedBy)
        return tr("Changed by");
    return {};
}

QString CarTableModel::headerLabel(CarColumn column)
{
    switch (column) {
    case CarColumn::StockNumber:
        return tr("Stock no.");
    case CarColumn::ModelYear:
        return tr("Year");
    case CarColumn::ListPrice:
        return tr("Price");
    case CarColumn::MileageKm:
        return tr("Mileage");
    case CarColumn::ForRent:
        return tr("Rent or sale");
    default:
        return columnLabel(column);
    }
}

int CarTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int CarTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant CarTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto column = static_cast<CarColumn>(section);
    switch (role) {
    case Qt::DisplayRole:
        return headerLabel(column);
    case Qt::AccessibleTextRole:
        return columnLabel(column);
    case Qt::ToolTipRole:
        return CarQuery::isIndexed(column) ? columnLabel(column)
                                           : tr("%1. Sorting on this column reads every car; it may take a moment "
                                                "with a large fleet.")
                                                 .arg(columnLabel(column));
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment((isNumeric(column) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant CarTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int pageNumber = index.row() / PageSize;
    const auto column = static_cast<CarColumn>(index.column());
    const auto page = m_pages.find(pageNumber);
    const bool loaded = page != m_pages.end() && index.row() % PageSize < page->rows.size();

    if (!loaded) {
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
            requestPage(pageNumber);
            return index.column() == 0 ? QVariant(tr("Loading…")) : QVariant();
        }
        if (role == Qt::ForegroundRole)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        if (role == LoadedRole)
            return false;
        if (role == IdRole)
            return qint64(0);
        return {};
    }

    page->lastUsed = ++m_useCounter;
    if (page->stale && role == Qt::DisplayRole)
        requestPage(pageNumber);
    const CarRow &row = page->rows.at(index.row() % PageSize);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        const QString text = displayText(row, column, m_currency);
        // A body type, fuel type, transmission, drive or condition that is not known.
        if (text.isEmpty() && vocabularyOf(column))
            return role == Qt::DisplayRole ? QStringLiteral("—") : CarVocabulary::notStatedLabel();
        return text;
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment((isNumeric(column) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if (column == CarColumn::Status &&
            (row.status == QLatin1String("sold") || row.status == QLatin1String("retired")))
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case IdRole:
        return row.id;
    case LoadedRole:
        return true;
    case SortValueRole:
        return rawValue(row, column);
    default:
        return {};
    }
}

QString CarTableModel::displayText(const CarRow &row, CarColumn column, const QString &currency)
{
    const QLocale locale;
    if (const auto kind = vocabularyOf(column)) {
        const QString key = rawValue(row, column).toString();
        const QString label = CarVocabulary::label(*kind, key);
        return label.isEmpty() ? key : label;
    }
    const auto optionalNumber = [&](const std::optional<int> &value) {
        return value ? locale.toString(*value) : QString();
    };
    const auto date = [&](const QDate &value) {
        return value.isValid() ? locale.toString(value, QLocale::ShortFormat) : QString();
    };
    switch (column) {
    case CarColumn::ModelYear:
        return QString::number(row.modelYear); // no group separator in a year
    case CarColumn::Seats:
        return optionalNumber(row.seats);
    case CarColumn::Doors:
        return optionalNumber(row.doors);
    case CarColumn::PowerKw:
        return row.powerKw ? tr("%1 kW").arg(locale.toString(*row.powerKw)) : QString();
    case CarColumn::MileageKm:
        return tr("%1 km").arg(locale.toString(row.mileageKm));
    case CarColumn::ListPrice:
        return Money::format(row.listPriceCents, currency);
    case CarColumn::Cost:
        return row.costCents ? Money::format(*row.costCents, currency) : QString();
    case CarColumn::AcquiredOn:
        return date(row.acquiredOn);
    case CarColumn::ListedOn:
        return date(row.listedOn);
    case CarColumn::SoldOn:
        return date(row.soldOn);
    case CarColumn::UpdatedAt:
        return locale.toString(row.updatedAt.toLocalTime(), QLocale::ShortFormat);
    case CarColumn::ForRent:
        return row.forRent ? tr("Rental fleet") : tr("For sale");
    default:
        return rawValue(row, column).toString();
    }
}

QVariant CarTableModel::rawValue(const CarRow &row, CarColumn column)
{
    const auto optional = [](const auto &value) { return value ? QVariant(*value) : QVariant(); };
    switch (column) {
    case CarColumn::StockNumber:
        return row.stockNumber;
    case CarColumn::Vin:
        return row.vin;
    case CarColumn::Make:
        return row.make;
    case CarColumn::Model:
        return row.model;
    case CarColumn::Trim:
        return row.trim;
    case CarColumn::ModelYear:
        return row.modelYear;
    case CarColumn::BodyType:
        return row.bodyType;
    case CarColumn::FuelType:
        return row.fuelType;
    case CarColumn::Transmission:
        return row.transmission;
    case CarColumn::Drive:
        return row.drive;
    case CarColumn::Colour:
        return row.colour;
    case CarColumn::Seats:
        return optional(row.seats);
    case CarColumn::Doors:
        return optional(row.doors);
    case CarColumn::PowerKw:
        return optional(row.powerKw);
    case CarColumn::MileageKm:
        return row.mileageKm;
    case CarColumn::Condition:
        return row.condition;
    case CarColumn::Status:
        return row.status;
    case CarColumn::Location:
        return row.location;
    case CarColumn::ListPrice:
        return row.listPriceCents;
    case CarColumn::Cost:
        return optional(row.costCents);
    case CarColumn::AcquiredOn:
        return row.acquiredOn;
    case CarColumn::ListedOn:
        return row.listedOn;
    case CarColumn::SoldOn:
        return row.soldOn;
    case CarColumn::UpdatedAt:
        return row.updatedAt;
    case CarColumn::UpdatedBy:
        return row.updatedBy;
    case CarColumn::ForRent:
        return row.forRent;
    case CarColumn::Count:
        break;
    }
    return {};
}

void CarTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= kColumnCount)
        return;
    CarQuery query = m_query;
    query.sortColumn = static_cast<CarColumn>(column);
    query.sortOrder = order;
    setQuery(query);
}

void CarTableModel::setQuery(const CarQuery &query)
{
    if (query == m_query)
        return;
    m_query = query;
    if (m_generation > 0) // before the first reload() the query is only remembered
        start();
}

void CarTableModel::setFilter(const CarFilter &filter)
{
    CarQuery query = m_query;
    query.filter = filter;
    setQuery(query);
}

void CarTableModel::reload()
{
    start();
}

void CarTableModel::setCurrency(const QString &isoCode)
{
    if (isoCode.isEmpty() || isoCode == m_currency)
        return;
    m_currency = isoCode;
    if (m_rowCount > 0)
        emit dataChanged(index(0, 0), index(m_rowCount - 1, kColumnCount - 1), {Qt::DisplayRole});
}

std::optional<CarRow> CarTableModel::rowAt(int row) const
{
    const auto page = m_pages.constFind(row / PageSize);
    if (page == m_pages.cend() || row < 0 || row % PageSize >= page->rows.size())
        return std::nullopt;
    return page->rows.at(row % PageSize);
}

int CarTableModel::rowOfId(qint64 id) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (qsizetype i = 0; i < it->rows.size(); ++i) {
            if (it->rows.at(i).id == id)
                return it.key() * PageSize + static_cast<int>(i);
        }
    }
    return -1;
}

// The first page comes first and alone, so rows show at once; the count follows, the anchors at the
// first far jump.
// Until the count is in, the model has as many rows as the first page (plus one to show more come).
void CarTableModel::start()
{
    const quint64 generation = ++m_generation;
    m_currentGeneration->store(generation);
    m_inFlight = -1;
    m_wanted.clear();
    m_anchors.clear();
    m_anchorsRequested = false;
    m_counting = true;
    const CarQuery query = m_query;
    CarPageRequest request;
    request.limit = PageSize;
    whenFinished(m_database->submit(unlessSuperseded(
                     [query, request](Database &db) { return FleetService::page(db, query, request); })),
                 this, [this, generation](const Result<QList<CarRow>> &rows) {
                     if (generation != m_generation)
                         return;
                     if (!rows) {
                         m_counting = false;
                         emit failed(rows.error());
                         return;
                     }
                     beginResetModel();
                     m_pages.clear();
                     m_pages.insert(0, Page{*rows, ++m_useCounter});
                     m_rowCount = static_cast<int>(rows->size());
                     endResetModel();
                     emit loaded();
                     if (rows->size() < PageSize) {
                         m_counting = false;
                         emit countChanged(m_rowCount);
                     } else {
                         fetchCount();
                     }
                 });
}

void CarTableModel::refresh()
{
    if (m_generation == 0)
        return; // nothing read yet
    for (Page &page : m_pages)
        page.stale = true;
    m_anchors.clear(); // rows may have come or gone before them
    m_anchorsRequested = false;
    if (m_rowCount > 0)
        emit dataChanged(index(0, 0), index(m_rowCount - 1, kColumnCount - 1)); // the view asks for what it shows
    if (!m_counting) {
        m_counting = true;
        fetchCount();
    }
}

void CarTableModel::fetchCount()
{
    const quint64 generation = m_generation;
    const CarQuery query = m_query;
    whenFinished(
        m_background->submit(unlessSuperseded([query](Database &db) { return FleetService::count(db, query); })), this,
        [this, generation](const Result<qint64> &count) {
            if (generation != m_generation)
                return;
            m_counting = false;
            if (!count) {
                emit failed(count.error());
                return;
            }
            const int total = static_cast<int>(std::min<qint64>(*count, std::numeric_limits<int>::max()));
            if (total > m_rowCount) {
                beginInsertRows({}, m_rowCount, total - 1);
                m_rowCount = total;
                endInsertRows();
            } else if (total < m_rowCount) {
                beginRemoveRows({}, total, m_rowCount - 1);
                m_rowCount = total;
                endRemoveRows();
            }
            emit countChanged(total);
        });
}

void CarTableModel::fetchAnchors()
{
    const quint64 generation = m_generation;
    const CarQuery query = m_query;
    whenFinished(m_background->submit(
                     unlessSuperseded([query](Database &db) { return FleetService::anchors(db, query, AnchorStep); })),
                 this, [this, generation](const Result<QList<CarKey>> &anchors) {
                     if (generation != m_generation)
                         return;
                     if (anchors)
                         m_anchors = *anchors;
                     // Without anchors a jump still works, by OFFSET: slower, never wrong.
                 });
}

void CarTableModel::requestPage(int page) const
{
    if (m_inFlight == page)
        return;
    m_wanted.removeOne(page);
    m_wanted.append(page);
    while (m_wanted.size() > MaxWantedPages)
        m_wanted.removeFirst(); // scrolled past: no longer worth reading
    // Dispatch after the paint that asked: it may ask for several pages, and the latest wins.
    QTimer::singleShot(0, const_cast<CarTableModel *>(this), &CarTableModel::dispatch);
}

void CarTableModel::dispatch()
{
    if (m_inFlight >= 0 || m_wanted.isEmpty())
        return;
    const int page = m_wanted.takeLast();
    if ((m_pages.contains(page) && !m_pages.value(page).stale) || page * PageSize >= m_rowCount) {
        dispatch();
        return;
    }

    CarPageRequest request;
    request.limit = PageSize;
    const auto previous = m_pages.constFind(page - 1);
    const auto next = m_pages.constFind(page + 1);
    const auto keyOf = [](const CarRow &row) { return CarKey{row.sortKey, row.id}; };
    if (previous != m_pages.cend() && previous->rows.size() == PageSize) {
        request.from = CarPageRequest::From::After;
        request.key = keyOf(previous->rows.constLast());
    } else if (next != m_pages.cend() && !next->rows.isEmpty()) {
        request.from = CarPageRequest::From::Before;
        request.key = keyOf(next->rows.constFirst());
    } else if (const qsizetype anchor = qsizetype(page) * PageSize / AnchorStep;
               anchor > 0 && anchor < m_anchors.size()) {
        request.from = CarPageRequest::From::At;
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
    const quint64 generation = m_generation;
    const CarQuery query = m_query;
    whenFinished(m_database->submit(unlessSuperseded(
                     [query, request](Database &db) { return FleetService::page(db, query, request); })),
                 this, [this, generation, page](const Result<QList<CarRow>> &rows) {
                     if (generation != m_generation)
                         return;
                     m_inFlight = -1;
                     if (rows)
                         storePage(page, *rows);
                     else
                         emit failed(rows.error());
                     dispatch();
                 });
}

void CarTableModel::storePage(int page, const QList<CarRow> &rows)
{
    const int first = page * PageSize;
    if (first >= m_rowCount)
        return;
    m_pages.insert(page, Page{rows, ++m_useCounter});
    evictLeastRecentlyUsed(m_pages, MaxCachedPages);
    const int last = std::min(first + PageSize, m_rowCount) - 1;
    emit dataChanged(index(first, 0), index(last, kColumnCount - 1));
    emit pageLoaded(first, last);
}

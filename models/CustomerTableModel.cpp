#include "CustomerTableModel.h"

#include "Async.h"
#include "PageCache.h"
#include "db/DatabaseThread.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>
#include <QTimer>

#include <limits>

namespace {

constexpr int kColumnCount = static_cast<int>(CustomerColumn::Count);

// Dark amber, readable on a light or a dark base.
QColor warningColour()
{
    return QPalette().color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0xd5, 0x4f) : QColor(0x8a, 0x5a, 0x00);
}

} // namespace

CustomerTableModel::CustomerTableModel(DatabaseThread *database, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(database)
{}

template <typename Job> auto CustomerTableModel::unlessSuperseded(Job job) const
{
    return [current = m_currentGeneration, generation = m_generation,
            job = std::move(job)](Database &db) -> std::invoke_result_t<Job, Database &> {
        if (current->load() != generation)
            return std::unexpected(Error{Error::Code::Superseded, QString()});
        return job(db);
    };
}

QString CustomerTableModel::columnLabel(CustomerColumn column)
{
    switch (column) {
    case CustomerColumn::Id:
        return tr("No.");
    case CustomerColumn::FullName:
        return CustomerValidator::fieldLabel(CustomerField::FullName);
    case CustomerColumn::Email:
        return CustomerValidator::fieldLabel(CustomerField::Email);
    case CustomerColumn::Phone:
        return CustomerValidator::fieldLabel(CustomerField::Phone);
    case CustomerColumn::DateOfBirth:
        return CustomerValidator::fieldLabel(CustomerField::DateOfBirth);
    case CustomerColumn::LicenceNumber:
        return CustomerValidator::fieldLabel(CustomerField::LicenceNumber);
    case CustomerColumn::LicenceExpiry:
        return CustomerValidator::fieldLabel(CustomerField::LicenceExpiry);
    case CustomerColumn::PossibleDuplicate:
        return tr("Duplicate?");
    case CustomerColumn::UpdatedAt:
        return tr("Changed");
    case CustomerColumn::Count:
        break;
    }
    return {};
}

QString CustomerTableModel::displayText(const CustomerRow &row, CustomerColumn column)
{
    const QLocale locale;
    const auto date = [&](const QDate &value) {
        return value.isValid() ? locale.toString(value, QLocale::ShortFormat) : QString();
    };
    switch (column) {
    case CustomerColumn::Id:
        return QString::number(row.id);
    case CustomerColumn::FullName:
        return row.fullName;
    case CustomerColumn::Email:
        return row.email;
    case CustomerColumn::Phone:
        return row.phone;
    case CustomerColumn::DateOfBirth:
        return date(row.dateOfBirth);
    case CustomerColumn::LicenceNumber:
        return row.licenceNumber;
    case CustomerColumn::LicenceExpiry:
        return date(row.licenceExpiry);
    case CustomerColumn::PossibleDuplicate:
        return row.possibleDuplicate ? tr("Possible duplicate") : QString();
    case CustomerColumn::UpdatedAt:
        return row.updatedAt.isValid() ? locale.toString(row.updatedAt.toLocalTime(), QLocale::ShortFormat) : QString();
    case CustomerColumn::Count:
        break;
    }
    return {};
}

int CustomerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int CustomerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant CustomerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto column = static_cast<CustomerColumn>(section);
    switch (role) {
    case Qt::DisplayRole:
        return columnLabel(column);
    case Qt::ToolTipRole:
        return column == CustomerColumn::PossibleDuplicate
                   ? QVariant(tr("Marks customers who share an email or licence number with another customer."))
                   : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment((column == CustomerColumn::Id ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant CustomerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int pageNumber = index.row() / PageSize;
    const auto column = static_cast<CustomerColumn>(index.column());
    const auto page = m_pages.find(pageNumber);
    const bool loaded = page != m_pages.end() && index.row() % PageSize < page->rows.size();

    if (!loaded) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            requestPage(pageNumber);
            return index.column() == int(CustomerColumn::FullName) ? QVariant(tr("Loading…")) : QVariant();
        case Qt::ForegroundRole:
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        case LoadedRole:
        case DuplicateRole:
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
    const CustomerRow &row = page->rows.at(index.row() % PageSize);
    const bool expired = row.licenceExpiry.isValid() && row.licenceExpiry < QDate::currentDate();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return displayText(row, column);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment((column == CustomerColumn::Id ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if ((column == CustomerColumn::PossibleDuplicate && row.possibleDuplicate) ||
            (column == CustomerColumn::LicenceExpiry && expired))
            return QBrush(warningColour());
        return {};
    case Qt::ToolTipRole:
        if (column == CustomerColumn::PossibleDuplicate && row.possibleDuplicate)
            return tr("Another customer has the same email or licence number. Check whether they are the same "
                      "person.");
        if (column == CustomerColumn::LicenceExpiry && expired)
            return tr("The licence has expired: the customer cannot pick up a car until it is renewed.");
        return {};
    case IdRole:
        return row.id;
    case LoadedRole:
        return true;
    case DuplicateRole:
        return row.possibleDuplicate;
    default:
        return {};
    }
}

void CustomerTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= kColumnCount)
        return;
    CustomerQuery query = m_query;
    query.sortColumn = static_cast<CustomerColumn>(column);
    query.sortOrder = order;
    setQuery(query);
}

void CustomerTableModel::setQuery(const CustomerQuery &query)
{
    if (query == m_query)
        return;
    m_query = query;
    if (m_generation > 0) // before the first reload() the query is only remembered
        start();
}

void CustomerTableModel::setSearchText(const QString &text)
{
    CustomerQuery query = m_query;
    query.text = text.simplified();
    setQuery(query);
}

void CustomerTableModel::reload()
{
    start();
}

std::optional<CustomerRow> CustomerTableModel::rowAt(int row) const
{
    const auto page = m_pages.constFind(row / PageSize);
    if (row < 0 || page == m_pages.cend() || row % PageSize >= page->rows.size())
        return std::nullopt;
    return page->rows.at(row % PageSize);
}

int CustomerTableModel::rowOfId(qint64 id) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (qsizetype i = 0; i < it->rows.size(); ++i) {
            if (it->rows.at(i).id == id)
                return it.key() * PageSize + static_cast<int>(i);
        }
    }
    return -1;
}

// The count and the first page in one job: the table shows its true size from the start.
void CustomerTableModel::start()
{
    const quint64 generation = ++m_generation;
    m_currentGeneration->store(generation);
    m_inFlight = -1;
    m_wanted.clear();
    m_counting = true;
    const CustomerQuery query = m_query;
    whenFinished(m_database->submit(unlessSuperseded([query](Database &db) -> Result<FirstPage> {
        const auto count = CustomerService::count(db, query);
        if (!count)
            return std::unexpected(count.error());
        const auto rows = CustomerService::page(db, query, 0, PageSize);
        if (!rows)
            return std::unexpected(rows.error());
        return FirstPage{*count, *rows};
    })),
                 this, [this, generation](const Result<FirstPage> &first) {
                     if (generation != m_generation)
                         return;
                     m_counting = false;
                     if (!first) {
                         emit failed(first.error());
                         return;
                     }
                     beginResetModel();
                     m_pages.clear();
                     m_pages.insert(0, Page{first->rows, ++m_useCounter});
                     m_rowCount = static_cast<int>(std::min<qint64>(first->count, std::numeric_limits<int>::max()));
                     endResetModel();
                     emit loaded();
                     emit countChanged(m_rowCount);
                 });
}

void CustomerTableModel::refresh()
{
    if (m_generation == 0)
        return; // nothing read yet
    for (Page &page : m_pages)
        page.stale = true;
    if (m_rowCount > 0)
        emit dataChanged(index(0, 0), index(m_rowCount - 1, kColumnCount - 1)); // the view asks for what it shows
    if (!m_counting) {
        m_counting = true;
        fetchCount();
    }
}

void CustomerTableModel::fetchCount()
{
    const quint64 generation = m_generation;
    const CustomerQuery query = m_query;
    whenFinished(
        m_database->submit(unlessSuperseded([query](Database &db) { return CustomerService::count(db, query); })), this,
        [this, generation](const Result<qint64> &count) {
            if (generation != m_generation)
                return;
            m_counting = false;
            if (!count) {
                emit failed(count.error());
                return;
            }
            setRowCount(static_cast<int>(std::min<qint64>(*count, std::numeric_limits<int>::max())));
            emit countChanged(m_rowCount);
        });
}

void CustomerTableModel::setRowCount(int count)
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

void CustomerTableModel::requestPage(int page) const
{
    if (m_inFlight == page)
        return;
    m_wanted.removeOne(page);
    m_wanted.append(page);
    while (m_wanted.size() > MaxWantedPages)
        m_wanted.removeFirst(); // scrolled past: no longer worth reading
    // Dispatch after the paint that asked: it may ask for several pages, and the latest wins.
    QTimer::singleShot(0, const_cast<CustomerTableModel *>(this), &CustomerTableModel::dispatch);
}

void CustomerTableModel::dispatch()
{
    if (m_inFlight >= 0 || m_wanted.isEmpty())
        return;
    const int page = m_wanted.takeLast();
    if ((m_pages.contains(page) && !m_pages.value(page).stale) || page * PageSize >= m_rowCount) {
        dispatch();
        return;
    }
    m_inFlight = page;
    const quint64 generation = m_generation;
    const CustomerQuery query = m_query;
    const qint64 offset = qint64(page) * PageSize;
    whenFinished(m_database->submit(unlessSuperseded(
                     [query, offset](Database &db) { return CustomerService::page(db, query, offset, PageSize); })),
                 this, [this, generation, page](const Result<QList<CustomerRow>> &rows) {
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

void CustomerTableModel::storePage(int page, const QList<CustomerRow> &rows)
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

#pragma once

#include "Error.h"
#include "domain/CustomerRow.h"
#include "domain/CustomerValidator.h"
#include "services/PageRequest.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

class Database;

// The columns of the Customers table.
enum class CustomerColumn {
    Id,
    FullName,
    PossibleDuplicate, // beside the name, where the clerk looks
    Email,
    Phone,
    DateOfBirth,
    LicenceNumber,
    LicenceExpiry,
    UpdatedAt,
    Count
};

// What the Customers table shows: search words (each must appear in the name, email, phone or licence
// number) and a sort order.
struct CustomerQuery
{
    QString text;
    CustomerColumn sortColumn = CustomerColumn::FullName;
    Qt::SortOrder sortOrder = Qt::AscendingOrder;

    bool operator==(const CustomerQuery &other) const = default;

    // A stable name of the column, for saved settings.
    static QString columnKey(CustomerColumn column);
};

// What create() did: stored the customer, or stored nothing because others have the same email or
// licence number (`duplicates`) and the caller did not say to store anyway.
struct CustomerCreated
{
    std::optional<CustomerDetails> customer;
    QList<CustomerMatch> duplicates;
};

// The only code that reads and writes customers. Every change writes its event (customer.created,
// customer.updated, key "customer:<id>") to the outbox in the same transaction. Input is validated here
// again with CustomerValidator: what the editor refuses, the service refuses. Blocking: call it on a
// database thread.
//
// The table pages by keyset (PageRequest), as every table does.
class CustomerService
{
    Q_DECLARE_TR_FUNCTIONS(CustomerService)

public:
    // Table paging (see KeysetOrder and CustomerTableModel).
    static Result<KeyedPage<CustomerRow>> page(Database &database, const CustomerQuery &query,
                                               const PageRequest &request);
    // The first `limit` customers `offset` rows from the start (a picker's list).
    static Result<QList<CustomerRow>> page(Database &database, const CustomerQuery &query, qint64 offset, int limit);
    static Result<qint64> count(Database &database, const CustomerQuery &query);
    // The key of every `step`-th row, for jumps into the middle.
    static Result<QList<PageKey>> anchors(Database &database, const CustomerQuery &query, int step);
    // The row of customer `id` in the query's order, or nothing when the search leaves it out.
    static Result<std::optional<qint64>> position(Database &database, const CustomerQuery &query, qint64 id);

    static Result<CustomerDetails> details(Database &database, qint64 id);
    // Other customers with the same email (letter case ignored) or licence number as `record`.
    static Result<QList<CustomerMatch>> duplicates(Database &database, const CustomerRecord &record,
                                                   qint64 exceptId = 0);

    // Refused (InvalidInput) when the input has errors. With possible duplicates nothing is stored unless
    // `storeDuplicate`; the matches come back either way.
    static Result<CustomerCreated> create(Database &database, const CustomerInput &input, bool storeDuplicate = false);
    // Refused with Error::Code::Stale (naming who changed it and when) when the customer is no longer at
    // `expectedVersion`; nullopt overwrites whatever is there.
    static Result<CustomerDetails> update(Database &database, qint64 id, const CustomerInput &input,
                                          std::optional<int> expectedVersion);

    // The customer's bookings, newest pick-up first.
    static Result<QList<CustomerBooking>> bookings(Database &database, qint64 customerId);
    static Result<CustomerBalance> balance(Database &database, qint64 customerId);
};

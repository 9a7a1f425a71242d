#pragma once

#include "PagedTableModel.h"
#include "domain/CustomerRow.h"
#include "services/CustomerService.h"

// The Customers table (PagedTableModel). Searching and sorting happen in SQL (CustomerService).
class CustomerTableModel : public KeysetTableModel<CustomerRow, CustomerQuery>
{
    Q_OBJECT

public:
    static constexpr int MaxCachedPages = 30;

    enum CustomerRole {
        DuplicateRole = FirstOwnRole, // bool: another customer has the same email or licence number
    };

    explicit CustomerTableModel(DatabaseThread *database, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setSearchText(const QString &text);

    static QString columnLabel(CustomerColumn column);
    static QString displayText(const CustomerRow &row, CustomerColumn column);

private:
    QVariant loadedData(const QModelIndex &index, int role) const override;
};

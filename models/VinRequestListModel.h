#pragma once

#include "PagedTableModel.h"
#include "services/VinReportService.h"

// The VIN report requests of the VIN reports section, newest first (PagedTableModel): every request that
// passes the filter, however many (VinReportService::page). A failed request shows its reason, a pending
// one that is being tried again says so, and a done one its findings.
class VinRequestListModel : public KeysetTableModel<VinRequestRow, VinRequestFilter>
{
    Q_OBJECT

public:
    static constexpr int MaxCachedPages = 30;

    enum Column { Requested, Vin, Vehicle, Status, Findings, RequestedBy, Finished, ColumnCount };
    Q_ENUM(Column)

    explicit VinRequestListModel(DatabaseThread *database, QObject *parent = nullptr);

    // "Stolen · Salvage · Odometer rollback suspected · 2 accidents", or "No problems reported".
    static QString findings(const VinRequestRow &request);
    // "Done", "Failed: …", "Pending", "Trying again (attempt 2): …".
    static QString statusText(const VinRequestRow &request);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant loadedData(const QModelIndex &index, int role) const override;
};

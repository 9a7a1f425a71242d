#pragma once

#include "services/VinReportService.h"

#include <QAbstractTableModel>

// The VIN report requests of the VIN reports section, newest first, as one query returned them. A failed
// request shows its reason, a pending one that is being tried again says so, and a done one its findings.
class VinRequestListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Requested, Vin, Vehicle, Status, Findings, RequestedBy, Finished, ColumnCount };
    Q_ENUM(Column)

    explicit VinRequestListModel(QObject *parent = nullptr);

    void setRequests(const QList<VinRequestRow> &requests);
    const QList<VinRequestRow> &requests() const { return m_requests; }
    const VinRequestRow &request(int row) const { return m_requests.at(row); }
    int rowOf(qint64 requestId) const; // -1 when not shown

    // "Stolen · Salvage · Odometer rollback suspected · 2 accidents", or "No problems reported".
    static QString findings(const VinRequestRow &request);
    // "Done", "Failed: …", "Pending", "Trying again (attempt 2): …".
    static QString statusText(const VinRequestRow &request);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<VinRequestRow> m_requests;
};

#pragma once

#include "db/Migrator.h"

#include <QAbstractTableModel>

// The schema migrations of the connected database: applied ones with their time and checksum, then
// the pending ones.
class MigrationTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { VersionColumn, NameColumn, StatusColumn, AppliedAtColumn, ChecksumColumn, ColumnCount };

    explicit MigrationTableModel(QObject *parent = nullptr);

    void setState(const Migrator::State &state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        int version = 0;
        QString name;
        bool applied = false;
        QDateTime appliedAt;
        QString checksum;
    };
    QList<Row> m_rows;
};

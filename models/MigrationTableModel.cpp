#include "MigrationTableModel.h"

#include <QLocale>

MigrationTableModel::MigrationTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MigrationTableModel::setState(const Migrator::State &state)
{
    beginResetModel();
    m_rows.clear();
    for (const Migrator::Applied &applied : state.applied)
        m_rows.append({applied.version, applied.name, true, applied.appliedAt, applied.checksum});
    for (const Migrator::Migration &pending : state.pending)
        m_rows.append({pending.version, pending.name, false, {}, pending.checksum()});
    endResetModel();
}

int MigrationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int MigrationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MigrationTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case VersionColumn:
            return row.version;
        case NameColumn:
            return row.name;
        case StatusColumn:
            return row.applied ? tr("Applied") : tr("Pending");
        case AppliedAtColumn:
            return row.applied ? QLocale().toString(row.appliedAt.toLocalTime(), QLocale::ShortFormat) : QString();
        case ChecksumColumn:
            return row.checksum.left(12);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == ChecksumColumn)
        return tr("SHA-256 %1").arg(row.checksum);
    if (role == Qt::TextAlignmentRole && index.column() == VersionColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant MigrationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VersionColumn:
        return tr("Version");
    case NameColumn:
        return tr("Migration");
    case StatusColumn:
        return tr("Status");
    case AppliedAtColumn:
        return tr("Applied");
    case ChecksumColumn:
        return tr("Checksum");
    }
    return {};
}

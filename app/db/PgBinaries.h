#pragma once

#include "Error.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// Where the PostgreSQL server programs (initdb, pg_ctl, postgres) live.
class PgBinaries
{
    Q_DECLARE_TR_FUNCTIONS(PgBinaries)

public:
    // The folders to look in, in order: $FORECOURT_PG_BIN alone when it is set; otherwise
    // `pg_config --bindir`, /usr/lib/postgresql/<newest>/bin, then every folder on PATH.
    static QStringList candidateDirs();

    // The first folder of `dirs` that holds all the server programs, or an error that names the
    // package to install.
    static Result<PgBinaries> find(const QStringList &dirs);
    static Result<PgBinaries> find() { return find(candidateDirs()); }

    QString dir() const { return m_dir; }
    QString program(const QString &name) const;

private:
    QString m_dir;
};

#include "Migrator.h"

#include "DbErrors.h"
#include "Fields.h"
#include "Logging.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QThread>

#include <pqxx/pqxx>

#include <algorithm>

namespace {
const char *const kTable = "schema_migrations";

Result<Migrator::Migration> readMigration(const QString &path)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_[a-z0-9_]+\\.sql$"));
    const QString fileName = QFileInfo(path).fileName();
    const auto match = pattern.match(fileName);
    QFile file(path);
    if (!match.hasMatch() || !file.open(QIODevice::ReadOnly))
        return std::unexpected(Error{Error::Code::InvalidInput,
                                     Migrator::tr("%1 is not a readable migration named NNNN_name.sql.").arg(path)});
    Migrator::Migration migration;
    migration.version = match.captured(1).toInt();
    migration.name = fileName;
    migration.sql = file.readAll();
    migration.sql.replace("\r\n", "\n"); // a checkout with CRLF line ends must not look edited
    return migration;
}

std::string latin(const QString &text)
{
    return text.toStdString();
}
} // namespace

QString Migrator::Migration::checksum() const
{
    return QString::fromLatin1(QCryptographicHash::hash(sql, QCryptographicHash::Sha256).toHex());
}

Migrator::Migrator(QList<Migration> migrations)
    : m_migrations(std::move(migrations))
{
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
}

QList<Migrator::Migration> Migrator::builtIn()
{
    auto migrations = fromDirectory(QStringLiteral(":/migrations"));
    Q_ASSERT(migrations && !migrations->isEmpty());
    return migrations ? *migrations : QList<Migration>{};
}

Result<QList<Migrator::Migration>> Migrator::fromDirectory(const QString &path)
{
    QList<Migration> migrations;
    const QStringList files = QDir(path).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        auto migration = readMigration(QDir(path).filePath(file));
        if (!migration)
            return std::unexpected(migration.error());
        migrations << *migration;
    }
    return migrations;
}

Result<Migrator::State> Migrator::inspect(pqxx::connection &connection) const
{
    State state;
    state.latestVersion = m_migrations.isEmpty() ? 0 : m_migrations.last().version;
    try {
        pqxx::read_transaction work(connection);
        const bool hasTable = work.exec_params1("SELECT to_regclass($1) IS NOT NULL", kTable)[0].as<bool>();
        if (hasTable) {
            const pqxx::result rows = work.exec(
                "SELECT version, name, checksum, extract(epoch FROM applied_at)::float8 FROM schema_migrations "
                "ORDER BY version");
            for (const auto &row : rows) {
                Applied applied;
                applied.version = row[0].as<int>();
                applied.name = textOf(row[1]);
                applied.checksum = textOf(row[2]);
                applied.appliedAt = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(row[3].as<double>() * 1000));
                state.applied << applied;
                state.currentVersion = std::max(state.currentVersion, applied.version);
            }
        }
        work.commit();
    } catch (const std::exception &e) {
        return std::unexpected(DbErrors::fromException(e));
    }
    return verify(state);
}

Result<Migrator::State> Migrator::verify(State state) const
{
    if (state.currentVersion > state.latestVersion)
        return std::unexpected(Error{Error::Code::SchemaTooNew,
                                     tr("This database has schema version %1, which is newer than this Forecourt "
                                        "understands (up to %2). Update Forecourt before using this database.")
                                         .arg(state.currentVersion)
                                         .arg(state.latestVersion)});
    for (const Applied &applied : state.applied) {
        const auto known = std::find_if(m_migrations.begin(), m_migrations.end(),
                                        [&](const Migration &m) { return m.version == applied.version; });
        if (known == m_migrations.end())
            return std::unexpected(Error{Error::Code::MigrationEdited,
                                         tr("Migration %1 (%2) is applied to this database but missing from this "
                                            "Forecourt. Use the Forecourt version that created the database.")
                                             .arg(applied.version)
                                             .arg(applied.name)});
        if (known->checksum() != applied.checksum)
            return std::unexpected(Error{Error::Code::MigrationEdited,
                                         tr("Migration %1 was changed after it was applied to this database. Restore "
                                            "its original text and put the change in a new migration.")
                                             .arg(known->name),
                                         tr("recorded checksum %1, file checksum %2")
                                             .arg(applied.checksum.left(12), known->checksum().left(12))});
    }
    state.pending.clear();
    for (const Migration &migration : m_migrations) {
        const bool applied = std::any_of(state.applied.begin(), state.applied.end(),
                                         [&](const Applied &a) { return a.version == migration.version; });
        if (applied)
            continue;
        // Applying it now would run it after later migrations it was never written against.
        if (migration.version < state.currentVersion)
            return std::unexpected(Error{Error::Code::MigrationEdited,
                                         tr("Migration %1 is numbered below the database's schema version %2 but was "
                                            "never applied to it. Give it a number above %2.")
                                             .arg(migration.name)
                                             .arg(state.currentVersion)});
        state.pending << migration;
    }
    return state;
}

Result<Migrator::State> Migrator::migrate(pqxx::connection &connection, const Progress &progress) const
{
    // Refuse a newer or edited database before writing anything, even the bookkeeping table.
    auto before = inspect(connection);
    if (!before)
        return before;
    if (before->pending.isEmpty())
        return before;

    // Another client may be migrating: wait for it, but not forever.
    try {
        pqxx::nontransaction session(connection);
        const QDeadlineTimer deadline(120'000);
        while (!session.exec_params1("SELECT pg_try_advisory_lock($1)", kAdvisoryLockKey)[0].as<bool>()) {
            if (deadline.hasExpired())
                return std::unexpected(Error{Error::Code::MigrationFailed,
                                             tr("Another Forecourt has been updating the database schema for two "
                                                "minutes. Try again when it has finished.")});
            QThread::msleep(250);
        }
    } catch (const std::exception &e) {
        return std::unexpected(DbErrors::fromException(e));
    }
    auto unlock = qScopeGuard([&connection] {
        try {
            pqxx::nontransaction session(connection);
            session.exec_params("SELECT pg_advisory_unlock($1)", kAdvisoryLockKey);
        } catch (const std::exception &e) {
            qCWarning(lcMigrations) << "could not release the migration lock:" << e.what();
        }
    });

    try {
        pqxx::work work(connection);
        work.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                  " version integer PRIMARY KEY,"
                  " name text NOT NULL,"
                  " checksum text NOT NULL,"
                  " applied_at timestamptz NOT NULL DEFAULT now(),"
                  " applied_by text NOT NULL DEFAULT current_user)");
        work.commit();
    } catch (const std::exception &e) {
        return std::unexpected(DbErrors::fromException(e));
    }

    // Another client may have migrated while we waited for the lock.
    auto state = inspect(connection);
    if (!state)
        return state;
    const QList<Migration> pending = state->pending;
    for (int i = 0; i < pending.size(); ++i) {
        const Migration &migration = pending.at(i);
        if (progress)
            progress(i, static_cast<int>(pending.size()), migration);
        qCInfo(lcMigrations) << "applying" << migration.name;
        try {
            pqxx::work work(connection);
            work.exec(migration.sql.toStdString());
            work.exec_params("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                             migration.version, latin(migration.name), latin(migration.checksum()));
            work.commit();
        } catch (const std::exception &e) {
            Error error = DbErrors::fromException(e);
            error.code = Error::Code::MigrationFailed;
            error.message = tr("Migration %1 could not be applied; the database is unchanged from migration %2 on. "
                               "Nothing was lost: fix the cause and run the migration again.")
                                .arg(migration.name)
                                .arg(migration.version);
            return std::unexpected(error);
        }
    }
    return inspect(connection);
}

#include "PgBinaries.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QVersionNumber>

#include <algorithm>

namespace {
const QStringList kRequiredPrograms = {QStringLiteral("initdb"), QStringLiteral("pg_ctl"), QStringLiteral("postgres")};

QString pgConfigBinDir()
{
    const QString pgConfig = QStandardPaths::findExecutable(QStringLiteral("pg_config"));
    if (pgConfig.isEmpty())
        return {};
    QProcess process;
    process.start(pgConfig, {QStringLiteral("--bindir")});
    if (!process.waitForFinished(5000) || process.exitCode() != 0)
        return {};
    return QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
}

QStringList debianVersionDirs()
{
    QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
        return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
    });
    QStringList dirs;
    for (const QString &version : versions)
        dirs << root.filePath(version + QStringLiteral("/bin"));
    return dirs;
}
} // namespace

QStringList PgBinaries::candidateDirs()
{
    const QString overrideDir = qEnvironmentVariable("FORECOURT_PG_BIN");
    if (!overrideDir.isEmpty())
        return {overrideDir};

    QStringList dirs;
    if (const QString fromPgConfig = pgConfigBinDir(); !fromPgConfig.isEmpty())
        dirs << fromPgConfig;
    dirs << debianVersionDirs();
    dirs << qEnvironmentVariable("PATH").split(QDir::listSeparator(), Qt::SkipEmptyParts);
    dirs.removeDuplicates();
    return dirs;
}

Result<PgBinaries> PgBinaries::find(const QStringList &dirs)
{
    for (const QString &dir : dirs) {
        const bool complete = std::all_of(kRequiredPrograms.begin(), kRequiredPrograms.end(), [&](const QString &name) {
            return QFileInfo(QDir(dir).filePath(name)).isExecutable();
        });
        if (complete) {
            PgBinaries binaries;
            binaries.m_dir = QDir(dir).absolutePath();
            return binaries;
        }
    }
    return std::unexpected(
        Error{Error::Code::ServerBinariesMissing,
              tr("The PostgreSQL server programs (initdb, pg_ctl, postgres) were not found. Install them with "
                 "\"sudo apt-get install postgresql-15\", set FORECOURT_PG_BIN to their folder, or connect to a "
                 "PostgreSQL server with --server."),
              tr("Looked in: %1").arg(dirs.isEmpty() ? tr("(no folders)") : dirs.join(QStringLiteral(", ")))});
}

QString PgBinaries::program(const QString &name) const
{
    return QDir(m_dir).filePath(name);
}

#pragma once

#include "Error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

#include <pqxx/connection>

// Numbered SQL migrations (NNNN_name.sql), applied in order, each in its own transaction, under an
// advisory lock so two clients never migrate at once, and recorded with a SHA-256 checksum.
class Migrator
{
    Q_DECLARE_TR_FUNCTIONS(Migrator)

public:
    struct Migration
    {
        int version = 0;
        QString name; // the file name
        QByteArray sql;
        QString checksum() const;
    };

    struct Applied
    {
        int version = 0;
        QString name;
        QString checksum;
        QDateTime appliedAt;
    };

    struct State
    {
        int currentVersion = 0; // highest applied, 0 for an empty database
        int latestVersion = 0;  // highest this program knows
        QList<Applied> applied;
        QList<Migration> pending;
    };

    // (index of the migration being applied, how many are pending, the migration)
    using Progress = std::function<void(int, int, const Migration &)>;

    explicit Migrator(QList<Migration> migrations);

    // The migrations embedded in the binary (resources/migrations).
    static QList<Migration> builtIn();
    // Migrations from a folder, for tests and tools.
    static Result<QList<Migration>> fromDirectory(const QString &path);

    // Reads the database's state without writing anything. Refuses a database newer than this program
    // and an applied migration whose file has been edited since.
    Result<State> inspect(pqxx::connection &connection) const;
    // Applies the pending migrations.
    Result<State> migrate(pqxx::connection &connection, const Progress &progress = {}) const;

    static constexpr qint64 kAdvisoryLockKey = 0x466f7265636f7572; // "Forecour"

private:
    Result<State> verify(State state) const;
    QList<Migration> m_migrations;
};

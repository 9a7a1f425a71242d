#pragma once

#include "Error.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

class QSettings;

// Where Forecourt's data lives: the private local server in a data folder, or a PostgreSQL server
// named by a libpq connection string (URI or key=value), or by the standard PG* variables.
class ConnectionProfile
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfile)

public:
    enum class Kind { Local, Server };

    struct Fields
    {
        QString host;
        int port = 5432;
        QString database = QStringLiteral("forecourt");
        QString user;
        QString password; // never saved
        QString sslMode = QStringLiteral("prefer");
    };

    static ConnectionProfile local(const QString &dataDir);
    // An empty string means "what the PG* environment variables say".
    static ConnectionProfile server(const QString &conninfo);
    static ConnectionProfile server(const Fields &fields);

    // The rule the program follows: --server wins, then PG* variables that name a server, then the
    // local server in --data-dir (or the default data folder).
    static ConnectionProfile resolve(const QString &serverOption, const QString &dataDirOption);
    static bool environmentNamesServer();

    // `conninfo` (URI or key=value) as key=value pairs, with Forecourt's defaults for what it leaves
    // open (and no PG* variable sets): a connect timeout, TCP keepalives and a user timeout so a dead
    // server or network is noticed in seconds, and the application name.
    static QString withConnectionDefaults(const QString &conninfo);

    // key='value' pairs with libpq quoting.
    static QString keywordValue(const QList<QPair<QString, QString>> &pairs);

    Kind kind() const { return m_kind; }
    bool isLocal() const { return m_kind == Kind::Local; }
    QString dataDir() const { return m_dataDir; }
    QString conninfo() const { return m_conninfo; }

    // Checks the connection string's syntax with libpq; the error says what is wrong.
    Result<void> validate() const;
    // host/port/database/user as libpq will use them (defaults and PG* variables applied).
    Fields effectiveFields() const;
    // "Local server (/home/anna/.local/share/forecourt)" or "db.example.com:5432, database forecourt".
    QString describe() const;
    // The connection string with any password replaced by ****.
    QString redactedConninfo() const;

    // This server profile with `password` for this session (it is never saved), or unchanged when empty.
    ConnectionProfile withPassword(const QString &password) const;
    // The password the connection string carries (empty: none; libpq may still find one in ~/.pgpass).
    QString password() const;
    bool hasPassword() const { return !password().isEmpty(); }
    // This server profile with every transaction read-only by default (a reports server: the dashboards
    // only read there, and a hot standby refuses writes anyway).
    ConnectionProfile readOnly() const;

    void save(QSettings &settings) const;
    static ConnectionProfile load(QSettings &settings);

    // The Reports server: a second server profile the dashboards read their figures from (a read replica),
    // or nothing for "the same as the main connection". Saved without its password (that goes to the
    // keychain, SecretStore::reportsServerPassword()).
    static void saveReports(QSettings &settings, const std::optional<ConnectionProfile> &reports);
    static std::optional<ConnectionProfile> loadReports(QSettings &settings);

private:
    // The connection string's key=value pairs, without the password when `withoutPassword`.
    QList<QPair<QString, QString>> pairs(bool withoutPassword) const;

    Kind m_kind = Kind::Local;
    QString m_dataDir;
    QString m_conninfo;
};

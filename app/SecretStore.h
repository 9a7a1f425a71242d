#pragma once

#include "Error.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QString>

// Secrets (API keys, passwords) live in the operating system's keychain, never in settings files, the
// database or logs. Blocking: call from a worker thread or a QtConcurrent job, never the GUI thread.
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    // The secret stored under `name`, or an empty string when none is.
    virtual Result<QString> read(const QString &name) = 0;
    virtual Result<void> write(const QString &name, const QString &secret) = 0;
    virtual Result<void> remove(const QString &name) = 0;

    // The names Forecourt stores secrets under.
    static QString vinHistoryApiKey() { return QStringLiteral("vin-history-api-key"); }
    static QString reportsServerPassword() { return QStringLiteral("reports-server-password"); }
};

// The OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS, Credential Manager on
// Windows), under the service "Forecourt".
class KeychainSecretStore : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(KeychainSecretStore)

public:
    Result<QString> read(const QString &name) override;
    Result<void> write(const QString &name, const QString &secret) override;
    Result<void> remove(const QString &name) override;
};

// Secrets in memory, for tests and for a machine without a keychain.
class MemorySecretStore : public SecretStore
{
public:
    Result<QString> read(const QString &name) override;
    Result<void> write(const QString &name, const QString &secret) override;
    Result<void> remove(const QString &name) override;

private:
    QMutex m_mutex;
    QHash<QString, QString> m_secrets;
};

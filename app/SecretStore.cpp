#include "SecretStore.h"

#include <QEventLoop>
#include <QMutexLocker>

#include <qt6keychain/keychain.h>

namespace {

const QString kService = QStringLiteral("Forecourt");

// Starts `job` and runs a local event loop until it has finished (QtKeychain's jobs are asynchronous).
void runToEnd(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

Error keychainError(const QKeychain::Job &job, const QString &what)
{
    return Error{Error::Code::Unknown, what, job.errorString()};
}

} // namespace

Result<QString> KeychainSecretStore::read(const QString &name)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(name);
    runToEnd(job);
    if (job.error() == QKeychain::EntryNotFound)
        return QString();
    if (job.error() != QKeychain::NoError)
        return std::unexpected(keychainError(
            job, tr("The keychain could not be read. Unlock it (or install a keychain service) and try again.")));
    return job.textData();
}

Result<void> KeychainSecretStore::write(const QString &name, const QString &secret)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(name);
    job.setTextData(secret);
    runToEnd(job);
    if (job.error() != QKeychain::NoError)
        return std::unexpected(keychainError(
            job, tr("The key could not be saved in the keychain. Unlock it (or install a keychain service) and try "
                    "again.")));
    return {};
}

Result<void> KeychainSecretStore::remove(const QString &name)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(name);
    runToEnd(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return std::unexpected(keychainError(job, tr("The key could not be removed from the keychain.")));
    return {};
}

Result<QString> MemorySecretStore::read(const QString &name)
{
    QMutexLocker lock(&m_mutex);
    return m_secrets.value(name);
}

Result<void> MemorySecretStore::write(const QString &name, const QString &secret)
{
    QMutexLocker lock(&m_mutex);
    m_secrets.insert(name, secret);
    return {};
}

Result<void> MemorySecretStore::remove(const QString &name)
{
    QMutexLocker lock(&m_mutex);
    m_secrets.remove(name);
    return {};
}

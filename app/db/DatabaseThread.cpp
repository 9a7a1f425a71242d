#include "DatabaseThread.h"

#include <QMetaObject>

DatabaseThread::DatabaseThread(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("forecourt-db"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

DatabaseThread::~DatabaseThread()
{
    shutdown();
}

void DatabaseThread::post(std::function<void()> job)
{
    QMetaObject::invokeMethod(m_context, std::move(job), Qt::QueuedConnection);
}

Error DatabaseThread::notOpen()
{
    return Error{Error::Code::ConnectionLost, tr("Not connected to a database yet.")};
}

QFuture<Result<void>> DatabaseThread::open(const ConnectionProfile &profile, OnFailedOpen onFailure,
                                           Completion complete)
{
    m_profile = profile;
    auto promise = std::make_shared<QPromise<Result<void>>>();
    QFuture<Result<void>> future = promise->future();
    promise->start();
    post([this, promise, profile, onFailure, complete = std::move(complete)]() mutable {
        m_database.reset(); // the old connection (and local server lease) goes first
        m_openProfile = profile;
        m_complete = std::move(complete);
        m_retry = onFailure == OnFailedOpen::Retry;
        promise->addResult(openNow());
        promise->finish();
    });
    return future;
}

void DatabaseThread::close()
{
    m_profile.reset();
    post([this] {
        m_database.reset();
        m_openProfile.reset();
        m_complete = {};
        m_retry = false;
        m_openError.reset();
    });
}

Result<void> DatabaseThread::openNow()
{
    m_openError.reset();
    auto opened = Database::open(m_complete ? m_complete(*m_openProfile) : *m_openProfile);
    if (!opened) {
        m_openError = opened.error();
        return std::unexpected(opened.error());
    }
    m_database = std::move(*opened);
    return {};
}

Result<void> DatabaseThread::ensureOpen()
{
    if (m_database)
        return {};
    if (m_retry && m_openProfile)
        return openNow();
    return std::unexpected(m_openError.value_or(notOpen()));
}

void DatabaseThread::shutdown()
{
    if (!m_thread.isRunning())
        return;
    // Close the connection and release the local server on the thread that owns them.
    QMetaObject::invokeMethod(
        m_context, [this] { m_database.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

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

QFuture<Result<void>> DatabaseThread::open(const ConnectionProfile &profile)
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    QFuture<Result<void>> future = promise->future();
    promise->start();
    post([this, promise, profile] {
        m_database.reset(); // the old connection (and local server lease) goes first
        auto opened = Database::open(profile);
        if (opened) {
            m_database = std::move(*opened);
            promise->addResult(Result<void>{});
        } else {
            promise->addResult(Result<void>(std::unexpected(opened.error())));
        }
        promise->finish();
    });
    return future;
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

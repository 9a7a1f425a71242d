#pragma once

#include "ConnectionProfile.h"
#include "Database.h"
#include "Error.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <memory>
#include <type_traits>

// The database thread of a GUI: one QThread that owns one Database (libpqxx connections belong to one
// thread). Jobs are queued to it and their results come back as QFutures; continue them with
// whenFinished(future, receiver, handler) (Async.h) so a window that closed never receives a late result.
class DatabaseThread : public QObject
{
    Q_OBJECT

public:
    explicit DatabaseThread(QObject *parent = nullptr);
    ~DatabaseThread() override;

    // Opens `profile` on the thread (starting the local server if it names one), replacing any
    // database opened before.
    QFuture<Result<void>> open(const ConnectionProfile &profile);

    // Queues `job(Database &)`, which returns a Result<T>. Fails with ConnectionLost when nothing is open.
    template <typename F> auto submit(F job) -> QFuture<std::invoke_result_t<F, Database &>>
    {
        using R = std::invoke_result_t<F, Database &>;
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        post([this, promise, job = std::move(job)]() mutable {
            if (m_database)
                promise->addResult(job(*m_database));
            else
                promise->addResult(R(std::unexpected(notOpen())));
            promise->finish();
        });
        return future;
    }

    // Called from a job: reports progress to the GUI through progressed().
    void reportProgress(const QString &message, int done, int total) { emit progressed(message, done, total); }

    // Blocks until the thread has closed the database and stopped. Called by the destructor.
    void shutdown();

signals:
    void progressed(const QString &message, int done, int total);

private:
    void post(std::function<void()> job);
    static Error notOpen();

    QThread m_thread;
    QObject *m_context = nullptr;         // lives in m_thread; queued jobs run in its event loop
    std::unique_ptr<Database> m_database; // touched only on m_thread
};

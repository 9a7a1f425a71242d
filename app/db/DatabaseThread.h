#pragma once

#include "ConnectionProfile.h"
#include "Database.h"
#include "Error.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <functional>

#include <memory>
#include <optional>
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

    // What a job does when the open failed: fail with that reason, or (Retry) try to open again first, so
    // a server that was down (a reports server) is used once it answers.
    enum class OnFailedOpen { Fail, Retry };

    // Completes a profile on the thread just before it is opened (a password from the keychain).
    using Completion = std::function<ConnectionProfile(const ConnectionProfile &)>;

    // Opens `profile` (completed by `complete` when given) on the thread, starting the local server if it
    // names one, replacing any database opened before.
    QFuture<Result<void>> open(const ConnectionProfile &profile, OnFailedOpen onFailure = OnFailedOpen::Fail,
                               Completion complete = {});
    // Closes the database (on the thread); jobs then fail until the next open().
    void close();
    // The profile last given to open() (with its password), or nothing when none is (GUI thread).
    const std::optional<ConnectionProfile> &profile() const { return m_profile; }

    // Queues `job(Database &)`, which returns a Result<T>. Fails with ConnectionLost when nothing is open,
    // or with the reason the open failed.
    template <typename F> auto submit(F job) -> QFuture<std::invoke_result_t<F, Database &>>
    {
        using R = std::invoke_result_t<F, Database &>;
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        post([this, promise, job = std::move(job)]() mutable {
            if (auto opened = ensureOpen(); opened)
                promise->addResult(job(*m_database));
            else
                promise->addResult(R(std::unexpected(opened.error())));
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
    // On the thread: the database is open (opened again first when the open failed and may be retried).
    Result<void> ensureOpen();
    // On the thread: opens m_openProfile, keeping the database or why it failed.
    Result<void> openNow();

    QThread m_thread;
    QObject *m_context = nullptr;                   // lives in m_thread; queued jobs run in its event loop
    std::unique_ptr<Database> m_database;           // touched only on m_thread
    std::optional<ConnectionProfile> m_openProfile; // m_thread: the profile opened last
    Completion m_complete;                          // m_thread: completes m_openProfile
    bool m_retry = false;                           // m_thread: open again after a failure
    std::optional<Error> m_openError;               // m_thread: why the last open failed
    std::optional<ConnectionProfile> m_profile;     // GUI thread
};

#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <type_traits>

// Calls `handler(result)` in `receiver`'s thread once `future` has finished, unless `receiver` has been
// destroyed by then: a window closed while its database job ran never gets the late result.
//
// Use this instead of QFuture::then(context, …): in Qt 6.4 that continuation asserts (debug builds)
// or fails when the context object dies before the future finishes. A QFutureWatcher owned by the
// receiver goes with it, so the delivery is dropped safely.
template <typename T, typename Handler> void whenFinished(const QFuture<T> &future, QObject *receiver, Handler handler)
{
    auto *watcher = new QFutureWatcher<T>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver,
                     [watcher, handler = std::move(handler)]() mutable {
                         watcher->deleteLater();
                         if constexpr (std::is_void_v<T>)
                             handler();
                         else
                             handler(watcher->result());
                     });
    watcher->setFuture(future);
}

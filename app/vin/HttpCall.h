#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QString>

class QNetworkAccessManager;

// One HTTP exchange, made blocking for the threads that have no event loop of their own (the event
// worker): send() runs a local event loop until the reply has finished or `timeoutMs` has passed.
// Never call it on the GUI thread.
struct HttpReply
{
    int status = 0; // the HTTP status; 0 when no answer came
    QByteArray body;
    QString error; // a sentence when the exchange failed (no answer, timeout); empty otherwise
    bool timedOut = false;
    bool cancelled = false;     // the thread was asked to stop (QThread::requestInterruption, quit) meanwhile
    int retryAfterSeconds = -1; // from a Retry-After header (429, 503), or -1

    bool ok() const { return error.isEmpty() && status >= 200 && status < 300; }
};

namespace HttpCall {

// `body` empty: GET; otherwise POST with the request's content type. The manager must belong to the
// calling thread. The thread's interruption request is checked while waiting (every 100 ms).
HttpReply send(QNetworkAccessManager &network, const QNetworkRequest &request, const QByteArray &body, int timeoutMs);

} // namespace HttpCall

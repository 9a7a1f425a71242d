#include "HttpCall.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

#include <memory>

namespace {

// tr() for the sentences of this file, in the translation context "HttpCall".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(HttpCall)
};

QString hostOf(const QUrl &url)
{
    return url.host().isEmpty() ? url.toDisplayString() : url.host();
}

// "15 s", "0.3 s".
QString seconds(int ms)
{
    if (ms % 1000 == 0)
        return Text::tr("%1 s").arg(ms / 1000);
    return Text::tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'g', 3));
}

bool stopRequested()
{
    return QThread::currentThread()->isInterruptionRequested();
}

// A sentence for a failure below HTTP (no status came).
QString networkError(const QNetworkReply &reply, const QString &host)
{
    switch (reply.error()) {
    case QNetworkReply::ConnectionRefusedError:
        return Text::tr("%1 refused the connection. Check the address and the internet connection.").arg(host);
    case QNetworkReply::HostNotFoundError:
        return Text::tr("Could not find the server %1. Check the address and the internet connection.").arg(host);
    case QNetworkReply::RemoteHostClosedError:
        return Text::tr("%1 closed the connection before answering. Try again later.").arg(host);
    case QNetworkReply::TimeoutError:
        return Text::tr("No answer from %1 in time. Try again later.").arg(host);
    case QNetworkReply::SslHandshakeFailedError:
        return Text::tr("Could not open a secure connection to %1 (%2).").arg(host, reply.errorString());
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return Text::tr("The network is not available, so %1 could not be reached. Check the internet connection.")
            .arg(host);
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        return Text::tr("The proxy did not let the request to %1 through (%2). Check the proxy settings.")
            .arg(host, reply.errorString());
    default:
        return Text::tr("Could not reach %1 (%2).").arg(host, reply.errorString());
    }
}

int retryAfter(const QNetworkReply &reply)
{
    // Only the delay-seconds form; an HTTP date is read as "not given".
    bool ok = false;
    const int value = reply.rawHeader(QByteArrayLiteral("Retry-After")).trimmed().toInt(&ok);
    return ok && value >= 0 ? value : -1;
}

} // namespace

HttpReply HttpCall::send(QNetworkAccessManager &network, const QNetworkRequest &request, const QByteArray &body,
                         int timeoutMs)
{
    Q_ASSERT(network.thread() == QThread::currentThread());
    HttpReply result;
    const QString host = hostOf(request.url());
    if (stopRequested()) {
        result.cancelled = true;
        result.error = Text::tr("The request to %1 was not sent: Forecourt is stopping.").arg(host);
        return result;
    }

    // Deleted directly, never with deleteLater(): the calling thread may run no event loop afterwards.
    const std::unique_ptr<QNetworkReply> reply(body.isEmpty() ? network.get(request) : network.post(request, body));

    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer timeout;
    timeout.setSingleShot(true);
    timeout.setTimerType(Qt::PreciseTimer); // a coarse timer may fire up to 5 % early
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&] {
        result.timedOut = true;
        reply->abort(); // finishes the reply, which quits the loop
    });
    QTimer watch; // the thread's interruption request
    QObject::connect(&watch, &QTimer::timeout, &loop, [&] {
        if (stopRequested()) {
            result.cancelled = true;
            reply->abort();
        }
    });
    if (!reply->isFinished()) {
        timeout.start(qMax(0, timeoutMs));
        watch.start(100);
        // Returns at once, without running, after QThread::quit()/exit() on this thread: treated as a stop.
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    timeout.stop();
    watch.stop();
    if (!reply->isFinished()) {
        result.cancelled = true;
        reply->abort();
    }

    if (result.timedOut) {
        result.error = Text::tr("No answer from %1 within %2.").arg(host, seconds(timeoutMs));
        qCInfo(lcVin) << "no answer from" << request.url().toDisplayString() << "within" << timeoutMs << "ms";
        return result;
    }
    if (result.cancelled) {
        result.error = Text::tr("The request to %1 was stopped: Forecourt is stopping.").arg(host);
        return result;
    }

    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.retryAfterSeconds = retryAfter(*reply);
    const QNetworkReply::NetworkError error = reply->error();
    // Errors from 200 up are HTTP answers (404, 500, ...): the status says it. Below are transport failures,
    // which leave no usable answer even when a status line arrived before the connection broke.
    const bool transportFailure = error != QNetworkReply::NoError && (result.status == 0 || error < 200);
    if (transportFailure) {
        result.error = networkError(*reply, host);
        result.status = 0;
        result.body.clear();
        qCInfo(lcVin) << request.url().toDisplayString() << "failed:" << error << reply->errorString();
    }
    return result;
}

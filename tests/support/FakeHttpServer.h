#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QThread>
#include <QUrl>

#include <functional>

class QTcpServer;

// A small HTTP/1.1 server on 127.0.0.1 for tests of the network clients (vPIC, history providers). It
// runs on a thread of its own, because the clients under test block the test thread in a local event loop.
// Each request is answered by the responder (called on the server's thread), one response per
// connection (Connection: close).
class FakeHttpServer
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query as sent
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
        qint64 receivedMs = 0; // since the server started
    };
    struct Response
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        QList<std::pair<QByteArray, QByteArray>> headers;
        int delayMs = 0;     // before answering
        bool hang = false;   // never answer (a timeout)
    };
    using Responder = std::function<Response(const Request &request)>;

    explicit FakeHttpServer(Responder responder);
    ~FakeHttpServer();

    bool isListening() const { return m_port != 0; }
    // http://127.0.0.1:<port>/ + path
    QUrl url(const QString &path = {}) const;

    QList<Request> requests() const;
    int requestCount() const;
    void setResponder(Responder responder);

    // A form body (a=1&b=2) as a map, values percent-decoded.
    static QHash<QString, QString> formFields(const QByteArray &body);

private:
    void record(const Request &request);
    Response respond(const Request &request);

    QThread m_thread;
    QObject *m_context = nullptr;   // lives in m_thread: queued calls run there
    QTcpServer *m_server = nullptr; // lives in m_thread
    quint16 m_port = 0;
    QElapsedTimer m_clock;
    mutable QMutex m_mutex;
    Responder m_responder;
    QList<Request> m_requests;
};

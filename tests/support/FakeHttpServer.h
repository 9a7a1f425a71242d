#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpSocket;

// A small HTTP/1.1 server on 127.0.0.1 for tests of the network clients (vPIC, history providers). It
// runs on a thread of its own, because the clients under test block the test thread in a local event loop.
// It records every request; each is answered by the next scripted responder if there is one, else by the
// responder (both called on the server's thread), one response per connection (Connection: close).
class FakeHttpServer
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target;                     // path and query as sent
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
        qint64 acceptedMs = 0; // since the server started, when the connection came
        qint64 receivedMs = 0; // ... and when the whole request had arrived
    };
    struct Response
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        QList<std::pair<QByteArray, QByteArray>> headers; // more headers, e.g. {"Retry-After", "1"}
        int delayMs = 0;                                  // before answering
        bool hang = false; // never answer (a timeout): the connection stays open until the client gives up
    };
    using Responder = std::function<Response(const Request &request)>;

    explicit FakeHttpServer(Responder responder);
    ~FakeHttpServer();
    FakeHttpServer(const FakeHttpServer &) = delete;
    FakeHttpServer &operator=(const FakeHttpServer &) = delete;

    bool isListening() const { return m_port != 0; }
    // http://127.0.0.1:<port>/ + path
    QUrl url(const QString &path = {}) const;

    QList<Request> requests() const;
    int requestCount() const;
    void setResponder(Responder responder);
    // The next requests are answered by these, one each in order (replacing any still waiting); the
    // responder answers the requests after them.
    void script(const QList<Responder> &steps);

    // A form body (a=1&b=2) as a map, values percent-decoded.
    static QHash<QString, QString> formFields(const QByteArray &body);

private:
    class Thread;

    void serve(QTcpSocket *socket); // on the server's thread
    Response take(const Request &request);

    std::unique_ptr<Thread> m_thread; // runs the QTcpServer and its sockets in its event loop
    quint16 m_port = 0;               // set before the constructor returns
    QElapsedTimer m_clock;
    mutable QMutex m_mutex;
    Responder m_responder;
    QList<Responder> m_script;
    QList<Request> m_requests;
};

#include "FakeHttpServer.h"

#include <QMetaObject>
#include <QMutexLocker>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace {

// Parses what has arrived so far: false until the headers and the whole body are in.
bool parseRequest(const QByteArray &data, FakeHttpServer::Request &request)
{
    const qsizetype headerEnd = data.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QList<QByteArray> lines = data.left(headerEnd).split('\n');
    const QList<QByteArray> start = lines.value(0).trimmed().split(' ');
    request.method = start.value(0);
    request.target = start.value(1);
    request.headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length", "0").toLongLong();
    if (data.size() < headerEnd + 4 + length)
        return false;
    request.body = data.mid(headerEnd + 4, length);
    return true;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

FakeHttpServer::FakeHttpServer(Responder responder)
    : m_responder(std::move(responder))
{
    m_clock.start();
    m_thread.setObjectName(QStringLiteral("FakeHttpServer"));
    m_thread.start();
    // The server and its sockets are made on the server's thread and live there.
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_server = new QTcpServer;
            QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] {
                while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                    auto buffer = std::make_shared<QByteArray>();
                    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                    QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                        buffer->append(socket->readAll());
                        Request request;
                        if (!parseRequest(*buffer, request))
                            return;
                        buffer->clear();
                        request.receivedMs = m_clock.elapsed();
                        record(request);
                        const Response response = respond(request);
                        if (response.hang)
                            return; // the client gives up; the socket goes when it disconnects
                        QPointer<QTcpSocket> target(socket);
                        QTimer::singleShot(response.delayMs, socket, [target, response] {
                            if (!target)
                                return;
                            QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                                              reasonPhrase(response.status) + "\r\nContent-Type: " +
                                              response.contentType +
                                              "\r\nContent-Length: " + QByteArray::number(response.body.size()) +
                                              "\r\nConnection: close\r\n";
                            for (const auto &[name, value] : response.headers)
                                head += name + ": " + value + "\r\n";
                            target->write(head + "\r\n" + response.body);
                            target->disconnectFromHost();
                        });
                    });
                }
            });
            if (m_server->listen(QHostAddress::LocalHost, 0))
                m_port = m_server->serverPort();
        },
        Qt::BlockingQueuedConnection);
}

FakeHttpServer::~FakeHttpServer()
{
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            delete m_server;
            delete m_context;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QUrl FakeHttpServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/%2").arg(m_port).arg(path));
}

QList<FakeHttpServer::Request> FakeHttpServer::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

int FakeHttpServer::requestCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_requests.size());
}

void FakeHttpServer::setResponder(Responder responder)
{
    QMutexLocker lock(&m_mutex);
    m_responder = std::move(responder);
}

void FakeHttpServer::record(const Request &request)
{
    QMutexLocker lock(&m_mutex);
    m_requests.append(request);
}

FakeHttpServer::Response FakeHttpServer::respond(const Request &request)
{
    Responder responder;
    {
        QMutexLocker lock(&m_mutex);
        responder = m_responder;
    }
    return responder(request);
}

QHash<QString, QString> FakeHttpServer::formFields(const QByteArray &body)
{
    QHash<QString, QString> fields;
    const QUrlQuery query(QString::fromUtf8(QByteArray(body).replace('+', ' ')));
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        fields.insert(key, value);
    return fields;
}

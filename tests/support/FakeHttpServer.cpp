#include "FakeHttpServer.h"

#include <QMutexLocker>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
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

void write(QTcpSocket *socket, const FakeHttpServer::Response &response)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) +
                      "\r\nContent-Type: " + response.contentType +
                      "\r\nContent-Length: " + QByteArray::number(response.body.size()) + "\r\nConnection: close\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    socket->write(head + "\r\n" + response.body);
    socket->disconnectFromHost(); // after the bytes are written
}

} // namespace

// The server's thread: the QTcpServer lives on its stack, the sockets are its children, and its event loop
// runs until the FakeHttpServer goes.
class FakeHttpServer::Thread : public QThread
{
public:
    explicit Thread(FakeHttpServer &owner)
        : m_owner(owner)
    {
        setObjectName(QStringLiteral("FakeHttpServer"));
    }

    // Starts the thread and returns once the server listens (or could not).
    void startListening()
    {
        start();
        m_ready.acquire();
    }

protected:
    void run() override
    {
        QTcpServer server;
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server] {
            while (QTcpSocket *socket = server.nextPendingConnection())
                m_owner.serve(socket);
        });
        if (server.listen(QHostAddress::LocalHost, 0))
            m_owner.m_port = server.serverPort();
        m_ready.release();
        exec();
    }

private:
    FakeHttpServer &m_owner;
    QSemaphore m_ready;
};

FakeHttpServer::FakeHttpServer(Responder responder)
    : m_thread(std::make_unique<Thread>(*this))
    , m_responder(std::move(responder))
{
    m_clock.start();
    m_thread->startListening();
}

FakeHttpServer::~FakeHttpServer()
{
    m_thread->quit();
    m_thread->wait();
}

void FakeHttpServer::serve(QTcpSocket *socket)
{
    const qint64 accepted = m_clock.elapsed();
    auto buffer = std::make_shared<QByteArray>();
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer, accepted] {
        buffer->append(socket->readAll());
        Request request;
        if (!parseRequest(*buffer, request))
            return;
        buffer->clear();
        request.acceptedMs = accepted;
        request.receivedMs = m_clock.elapsed();
        const Response response = take(request);
        if (response.hang)
            return; // the client gives up; the socket goes when it disconnects
        if (response.delayMs > 0)
            QTimer::singleShot(response.delayMs, socket, [socket, response] { write(socket, response); });
        else
            write(socket, response);
    });
}

FakeHttpServer::Response FakeHttpServer::take(const Request &request)
{
    Responder responder;
    {
        QMutexLocker lock(&m_mutex);
        m_requests.append(request);
        responder = m_script.isEmpty() ? m_responder : m_script.takeFirst();
    }
    return responder(request);
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

void FakeHttpServer::script(const QList<Responder> &steps)
{
    QMutexLocker lock(&m_mutex);
    m_script = steps;
}

QHash<QString, QString> FakeHttpServer::formFields(const QByteArray &body)
{
    QHash<QString, QString> fields;
    const QUrlQuery query(QString::fromUtf8(QByteArray(body).replace('+', ' ')));
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        fields.insert(key, value);
    return fields;
}

#include "vin/HttpCall.h"
#include "vin/VpicClient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace {

// vPIC's answer to a batch, in its documented shape.
QByteArray vpicAnswer(const QList<QJsonObject> &results)
{
    QJsonArray array;
    for (const QJsonObject &result : results)
        array.append(result);
    const QJsonObject root{{QStringLiteral("Count"), array.size()},
                           {QStringLiteral("Message"),
                            QStringLiteral("Results returned successfully. NOTE: Any missing decoded values should be "
                                           "interpreted as NHTSA does not have data on the specific variable.")},
                           {QStringLiteral("SearchCriteria"), QJsonValue::Null},
                           {QStringLiteral("Results"), array}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

// A clean decoding as vPIC gives it for a 2003 Honda Accord coupe (a selection of its ~140 variables).
QJsonObject hondaResult(const QString &vin)
{
    QJsonObject result;
    const auto set = [&](const char *key, const char *value) {
        result.insert(QLatin1String(key), QString::fromUtf8(value));
    };
    set("ABS", "");
    set("AdditionalErrorText", "");
    set("AirBagLocCurtain", "");
    set("AirBagLocFront", "1st Row (Driver and Passenger)");
    set("AirBagLocSide", "1st Row (Driver and Passenger)");
    set("BasePrice", "");
    set("BodyClass", "Coupe");
    set("DisplacementCC", "2998.832712");
    set("DisplacementCI", "183");
    set("DisplacementL", "2.998832712");
    set("Doors", "2");
    set("DriveType", "");
    set("EngineConfiguration", "V-Shaped");
    set("EngineCylinders", "6");
    set("EngineHP", "240");
    set("EngineHP_to", "");
    set("EngineModel", "J30A4");
    set("ErrorCode", "0");
    set("ErrorText", "0 - VIN decoded clean. Check Digit (9th position) is correct");
    set("FuelTypePrimary", "Gasoline");
    set("GVWR", "Class 1C: 4,001 - 5,000 lb (1,814 - 2,268 kg)");
    set("Make", "HONDA");
    set("Manufacturer", "AMERICAN HONDA MOTOR CO., INC.");
    set("Model", "Accord");
    set("ModelYear", "2003");
    set("PlantCity", "MARYSVILLE");
    set("PlantCountry", "UNITED STATES (USA)");
    set("PlantState", "OHIO");
    set("PossibleValues", "");
    set("Series", "");
    set("Series2", "Not Applicable");
    set("SuggestedVIN", "");
    set("TransmissionSpeeds", "5");
    set("TransmissionStyle", "Automatic");
    set("Trim", "EX-V6");
    set("ValveTrainDesign", "Single Overhead Cam (SOHC)");
    set("VehicleDescriptor", "1HGCM826*3A");
    set("VehicleType", "PASSENGER CAR");
    result.insert(QStringLiteral("VIN"), vin);
    return result;
}

// vPIC's answer for a VIN it cannot decode: every variable empty, the code says why.
QJsonObject emptyResult(const QString &vin, const QString &code, const QString &text)
{
    return QJsonObject{{QStringLiteral("ErrorCode"), code},
                       {QStringLiteral("ErrorText"), text},
                       {QStringLiteral("Make"), QString()},
                       {QStringLiteral("Model"), QString()},
                       {QStringLiteral("ModelYear"), QString()},
                       {QStringLiteral("Series2"), QStringLiteral("Not Applicable")},
                       {QStringLiteral("VehicleDescriptor"), QStringLiteral("1FTFW1E5*PF")},
                       {QStringLiteral("VIN"), vin}};
}

QByteArray hondaAnswer(const QStringList &vins)
{
    QList<QJsonObject> results;
    for (const QString &vin : vins)
        results.append(hondaResult(vin));
    return vpicAnswer(results);
}

QString testVin(int number)
{
    return QStringLiteral("1HGCM82633A%1").arg(number, 6, 10, QLatin1Char('0'));
}

QStringList testVins(int count)
{
    QStringList vins;
    for (int i = 1; i <= count; ++i)
        vins.append(testVin(i));
    return vins;
}

// A fake vPIC: a QTcpServer on 127.0.0.1 on a thread of its own (the client blocks the test thread in
// its local event loop), speaking just enough HTTP/1.1. It records every request and answers each from
// the script, or with a clean decoding of every VIN it was sent when the script is used up.
class FakeVpic : public QThread
{
public:
    struct Step
    {
        int status = 200;
        std::function<QByteArray(const QStringList &vins)> body; // none: hondaAnswer
        int delayMs = 0;
        bool hang = false; // never answer
        QByteArray retryAfter;
    };

    struct Request
    {
        qint64 acceptedMs = 0; // since the server started, when the connection came
        qint64 receivedMs = 0; // ... and when the whole request had arrived
        QByteArray method;
        QByteArray path;
        QByteArray contentType;
        QByteArray body;
        QStringList vins; // from the form's data field
    };

    FakeVpic()
    {
        m_clock.start();
        start();
        m_ready.acquire();
    }
    ~FakeVpic() override
    {
        quit();
        wait();
    }

    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/api/").arg(m_port)); }
    quint16 port() const { return m_port; }

    void script(const QList<Step> &steps)
    {
        QMutexLocker lock(&m_mutex);
        m_script = steps;
    }
    QList<Request> requests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_requests;
    }

protected:
    void run() override
    {
        QTcpServer server;
        if (server.listen(QHostAddress::LocalHost, 0))
            m_port = server.serverPort();
        QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
            while (QTcpSocket *socket = server.nextPendingConnection())
                serve(socket);
        });
        m_ready.release();
        exec();
    }

private:
    void serve(QTcpSocket *socket)
    {
        const qint64 accepted = m_clock.elapsed();
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer, accepted] {
            buffer->append(socket->readAll());
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            Request request;
            request.acceptedMs = accepted;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.path = requestLine.value(1);
            qsizetype length = 0;
            for (const QByteArray &line : lines.mid(1)) {
                const qsizetype colon = line.indexOf(':');
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name == "content-length")
                    length = value.toLongLong();
                else if (name == "content-type")
                    request.contentType = value;
            }
            if (buffer->size() < headerEnd + 4 + length)
                return;
            request.body = buffer->mid(headerEnd + 4, length);
            buffer->clear();
            request.receivedMs = m_clock.elapsed();
            for (const QByteArray &pair : request.body.split('&')) {
                if (!pair.startsWith("data="))
                    continue;
                QByteArray data = pair.mid(5);
                data.replace('+', ' ');
                const QStringList entries = QUrl::fromPercentEncoding(data).split(QLatin1Char(';'));
                for (const QString &entry : entries)
                    request.vins.append(entry.section(QLatin1Char(','), 0, 0).trimmed());
            }
            Step step;
            {
                QMutexLocker lock(&m_mutex);
                m_requests.append(request);
                if (!m_script.isEmpty())
                    step = m_script.takeFirst();
            }
            if (step.hang)
                return; // the socket stays open until the client gives up
            const QByteArray body = step.body ? step.body(request.vins) : hondaAnswer(request.vins);
            const auto answer = [socket, step, body] { respond(socket, step, body); };
            if (step.delayMs > 0)
                QTimer::singleShot(step.delayMs, socket, answer);
            else
                answer();
        });
    }

    static void respond(QTcpSocket *socket, const Step &step, const QByteArray &body)
    {
        static const QHash<int, QByteArray> reasons{{200, "OK"},
                                                    {404, "Not Found"},
                                                    {429, "Too Many Requests"},
                                                    {500, "Internal Server Error"},
                                                    {503, "Service Unavailable"}};
        QByteArray head =
            "HTTP/1.1 " + QByteArray::number(step.status) + ' ' + reasons.value(step.status, "Status") +
            "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\nConnection: close\r\n";
        if (!step.retryAfter.isEmpty())
            head += "Retry-After: " + step.retryAfter + "\r\n";
        socket->write(QByteArray(head + "\r\n" + body));
        socket->disconnectFromHost(); // after the bytes are written
    }

    QElapsedTimer m_clock;
    QSemaphore m_ready;
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    QList<Step> m_script;
    QList<Request> m_requests;
};

// One scripted answer: `status` with the body `body` makes of the VINs sent.
FakeVpic::Step answer(int status, std::function<QByteArray(const QStringList &vins)> body)
{
    FakeVpic::Step step;
    step.status = status;
    step.body = std::move(body);
    return step;
}

QStringList labels(const VehicleSpec &spec)
{
    QStringList result;
    for (const auto &field : spec.fields)
        result.append(field.first);
    return result;
}

} // namespace

class TestVpicClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeVpic> m_server;

    // A client of the fake server: no pause between calls, short retries, unless a test says otherwise.
    VpicClient::Options options() const
    {
        VpicClient::Options options;
        options.baseUrl = m_server->baseUrl();
        options.timeoutMs = 3000;
        options.minIntervalMs = 0;
        options.backoffMs = 50;
        return options;
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy); // never an http_proxy from the environment
    }
    void init() { m_server = std::make_unique<FakeVpic>(); }
    void cleanup() { m_server.reset(); }

    void urlAndBody()
    {
        QCOMPARE(VpicClient().batchUrl(),
                 QUrl(QStringLiteral("https://vpic.nhtsa.dot.gov/api/vehicles/DecodeVINValuesBatch/")));
        VpicClient::Options noSlash;
        noSlash.baseUrl = QUrl(QStringLiteral("http://vpic.example/api"));
        QCOMPARE(VpicClient(noSlash).batchUrl(),
                 QUrl(QStringLiteral("http://vpic.example/api/vehicles/DecodeVINValuesBatch/")));
        QCOMPARE(VpicClient::batchBody({testVin(1), testVin(2)}),
                 QByteArray("format=json&data=1HGCM82633A000001%3B1HGCM82633A000002"));
    }

    void normalBatch()
    {
        // Answered out of order and with a VIN in small letters: matched by the VIN vPIC echoes.
        const QStringList vins{testVin(1), testVin(2)};
        m_server->script({answer(200, [](const QStringList &sent) {
            return vpicAnswer({hondaResult(sent.at(1).toLower()), hondaResult(sent.at(0))});
        })});
        VpicClient client(options());
        const VpicClient::Outcome outcome = client.decode(vins);
        QCOMPARE(outcome.calls, 1);
        QVERIFY(outcome.failed.isEmpty());
        QCOMPARE(outcome.specs.size(), 2);

        const QList<FakeVpic::Request> requests = m_server->requests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.at(0).method, QByteArray("POST"));
        QCOMPARE(requests.at(0).path, QByteArray("/api/vehicles/DecodeVINValuesBatch/"));
        QCOMPARE(requests.at(0).contentType, QByteArray("application/x-www-form-urlencoded"));
        QVERIFY(requests.at(0).body.startsWith("format=json&data="));
        QCOMPARE(requests.at(0).vins, vins);

        const VehicleSpec spec = outcome.specs.value(testVin(2));
        QCOMPARE(spec.vin, testVin(2));
        QCOMPARE(spec.errorCodes, QList<int>{0});
        QCOMPARE(spec.errorText, QStringLiteral("0 - VIN decoded clean. Check Digit (9th position) is correct"));
        QVERIFY(spec.warnings.isEmpty());
        QVERIFY(spec.hasData());
        // The fixed order, then the rest by vPIC's names; empty, "Not Applicable" and the diagnostics left out.
        const QStringList expected{QStringLiteral("Make"),         QStringLiteral("Model"),
                                   QStringLiteral("Model year"),   QStringLiteral("Trim"),
                                   QStringLiteral("Body class"),   QStringLiteral("Doors"),
                                   QStringLiteral("Fuel type"),    QStringLiteral("Engine"),
                                   QStringLiteral("Transmission"), QStringLiteral("Manufacturer"),
                                   QStringLiteral("Plant"),        QStringLiteral("Vehicle type"),
                                   QStringLiteral("GVWR"),         QStringLiteral("Front airbags"),
                                   QStringLiteral("Side airbags"), QStringLiteral("EngineConfiguration"),
                                   QStringLiteral("EngineModel"),  QStringLiteral("ValveTrainDesign")};
        QCOMPARE(labels(spec), expected);
        QCOMPARE(spec.value(QStringLiteral("Make")), QStringLiteral("HONDA"));
        QCOMPARE(spec.value(QStringLiteral("Model year")), QStringLiteral("2003"));
        QCOMPARE(spec.value(QStringLiteral("Fuel type")), QStringLiteral("Gasoline"));
        QCOMPARE(spec.value(QStringLiteral("Engine")), QStringLiteral("6 cylinders, 3.0 L, 240 HP"));
        QCOMPARE(spec.value(QStringLiteral("Transmission")), QStringLiteral("Automatic, 5 speeds"));
        QCOMPARE(spec.value(QStringLiteral("Plant")), QStringLiteral("MARYSVILLE, OHIO, UNITED STATES (USA)"));
        QCOMPARE(spec.value(QStringLiteral("Series")), QString());
        QCOMPARE(spec.value(QStringLiteral("Nonexistent")), QString());
        QCOMPARE(VehicleSpec::displayLabel(QStringLiteral("Model year")), QStringLiteral("Model year"));
    }

    void serverErrorIsRetried()
    {
        m_server->script({answer(500, [](const QStringList &) { return QByteArray("oops"); })});
        VpicClient client(options());
        const VpicClient::Outcome outcome = client.decode({testVin(1)});
        QCOMPARE(outcome.calls, 2);
        QCOMPARE(m_server->requests().size(), 2);
        QVERIFY(outcome.failed.isEmpty());
        QCOMPARE(outcome.specs.value(testVin(1)).value(QStringLiteral("Make")), QStringLiteral("HONDA"));
    }

    void serverErrorsGiveUp()
    {
        const auto fail = [](const QStringList &) { return QByteArray("down"); };
        m_server->script({answer(503, fail), answer(503, fail), answer(503, fail), answer(503, fail)});
        VpicClient::Options settings = options();
        settings.retries = 2;
        VpicClient client(settings);
        const VpicClient::Outcome outcome = client.decode({testVin(1)});
        QCOMPARE(outcome.calls, 3);
        QCOMPARE(m_server->requests().size(), 3);
        QVERIFY(outcome.specs.isEmpty());
        const QString reason = outcome.failed.value(testVin(1));
        QVERIFY2(reason.contains(QLatin1String("503")) && reason.contains(QLatin1String("3 attempts")),
                 qPrintable(reason));
    }

    void notFoundIsNotRetried()
    {
        m_server->script({answer(404, [](const QStringList &) { return QByteArray("<html>Not Found</html>"); })});
        VpicClient client(options());
        const VpicClient::Outcome outcome = client.decode({testVin(1), testVin(2)});
        QCOMPARE(outcome.calls, 1);
        QCOMPARE(m_server->requests().size(), 1);
        QVERIFY(outcome.specs.isEmpty());
        QCOMPARE(outcome.failed.size(), 2);
        const QString reason = outcome.failed.value(testVin(2));
        QVERIFY2(reason.contains(QLatin1String("HTTP 404")), qPrintable(reason));
    }

    void timeoutIsRetriedThenFails()
    {
        FakeVpic::Step hang;
        hang.hang = true;
        m_server->script({hang, hang, hang});
        VpicClient::Options settings = options();
        settings.timeoutMs = 300;
        settings.retries = 1;
        VpicClient client(settings);
        QElapsedTimer clock;
        clock.start();
        const VpicClient::Outcome outcome = client.decode({testVin(1)});
        QVERIFY(clock.elapsed() >= 2 * 300);
        QVERIFY(clock.elapsed() < 2500);
        QCOMPARE(outcome.calls, 2);
        QTRY_COMPARE(m_server->requests().size(), 2);
        const QString reason = outcome.failed.value(testVin(1));
        QVERIFY2(reason.contains(QLatin1String("No answer from 127.0.0.1 within 0.3 s.")), qPrintable(reason));
    }

    void malformedAnswer()
    {
        m_server->script(
            {answer(200, [](const QStringList &) { return QByteArray("{\"Count\":1,\"Results\":[{\"VIN\":\"1HGC"); }),
             answer(200, [](const QStringList &) { return QByteArray("{\"Count\":0,\"Message\":\"Bad request\"}"); })});
        VpicClient client(options());
        const VpicClient::Outcome broken = client.decode({testVin(1)});
        QCOMPARE(broken.calls, 1); // not retried
        QVERIFY(broken.specs.isEmpty());
        QVERIFY2(broken.failed.value(testVin(1)).contains(QLatin1String("could not be read")),
                 qPrintable(broken.failed.value(testVin(1))));

        const VpicClient::Outcome noResults = client.decode({testVin(2)});
        QCOMPARE(noResults.calls, 1);
        const QString reason = noResults.failed.value(testVin(2));
        QVERIFY2(reason.contains(QLatin1String("could not be read")) && reason.contains(QLatin1String("Bad request")),
                 qPrintable(reason));
        QCOMPARE(m_server->requests().size(), 2);

        QString error;
        QVERIFY(!VpicClient::parseBatch("[1, 2]", &error));
        QVERIFY(error.contains(QLatin1String("could not be read")));
        QVERIFY(VpicClient::parseBatch(vpicAnswer({}), &error));
        QVERIFY(error.isEmpty());
    }

    void errorCodesAreWarnings()
    {
        m_server->script({answer(200, [](const QStringList &sent) {
            QJsonObject partly = hondaResult(sent.at(0));
            partly.insert(QStringLiteral("ErrorCode"), QStringLiteral("1,11"));
            partly.insert(QStringLiteral("ErrorText"),
                          QStringLiteral("1 - Check Digit (9th position) does not calculate "
                                         "properly; 11 - Incorrect Model Year, decoded data may "
                                         "not be accurate!"));
            return vpicAnswer({partly,
                               emptyResult(sent.at(1), QStringLiteral("8"),
                                           QStringLiteral("8 - No detailed data available currently")),
                               emptyResult(sent.at(2), QStringLiteral("7, 14"),
                                           QStringLiteral("7 - Manufacturer is not registered with NHTSA for "
                                                          "sale or importation in the U.S. for use on U.S "
                                                          "roads; 14 - Unable to provide information for all "
                                                          "the characters in the VIN"))});
        })});
        VpicClient client(options());
        const VpicClient::Outcome outcome = client.decode(testVins(3));
        QVERIFY(outcome.failed.isEmpty());

        const VehicleSpec partly = outcome.specs.value(testVin(1));
        QCOMPARE(partly.errorCodes, (QList<int>{1, 11}));
        QCOMPARE(partly.warnings.size(), 2);
        QVERIFY(partly.warnings.at(0).contains(QLatin1String("check digit")));
        QVERIFY(partly.warnings.at(1).contains(QLatin1String("model year")));
        QVERIFY(partly.hasData());
        QCOMPARE(partly.value(QStringLiteral("Make")), QStringLiteral("HONDA"));

        const VehicleSpec noData = outcome.specs.value(testVin(2));
        QCOMPARE(noData.errorCodes, QList<int>{8});
        QCOMPARE(noData.warnings, QStringList{QStringLiteral("vPIC has no detailed data for this VIN.")});
        QVERIFY(!noData.hasData()); // the VIN pattern (VehicleDescriptor) is not data of the vehicle

        const VehicleSpec unknown = outcome.specs.value(testVin(3));
        QCOMPARE(unknown.errorCodes, (QList<int>{7, 14}));
        QCOMPARE(unknown.warnings.size(), 2);
        QVERIFY2(unknown.warnings.at(0).startsWith(
                     QLatin1String("vPIC reports error 7: Manufacturer is not registered with NHTSA")) &&
                     unknown.warnings.at(0).endsWith(QLatin1String("U.S roads.")),
                 qPrintable(unknown.warnings.at(0)));
        QVERIFY(unknown.warnings.at(1).contains(QLatin1String("all the characters")));
    }

    void batchesOfFifty()
    {
        const QStringList vins = testVins(120);
        VpicClient client(options());
        const VpicClient::Outcome outcome = client.decode(vins + QStringList{testVin(7)}); // a repeat is asked once
        QCOMPARE(outcome.calls, 3);
        QCOMPARE(outcome.specs.size(), 120);
        QVERIFY(outcome.failed.isEmpty());
        const QList<FakeVpic::Request> requests = m_server->requests();
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(0).vins, vins.mid(0, 50));
        QCOMPARE(requests.at(1).vins, vins.mid(50, 50));
        QCOMPARE(requests.at(2).vins, vins.mid(100));
        QCOMPARE(outcome.specs.value(testVin(120)).vin, testVin(120));
    }

    void rateLimit()
    {
        VpicClient::Options settings = options();
        settings.minIntervalMs = 200;
        settings.batchSize = 2;
        VpicClient client(settings);
        QElapsedTimer clock;
        clock.start();
        // A first call on its own: the pause holds across decode() calls too.
        QCOMPARE(client.decode({testVin(99)}).calls, 1);
        const VpicClient::Outcome outcome = client.decode(testVins(6));
        // Four call starts, each at least 200 ms after the one before (and the first after clock.start()).
        QVERIFY2(clock.elapsed() >= 3 * settings.minIntervalMs, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(outcome.calls, 3);
        QCOMPARE(outcome.specs.size(), 6);
        const QList<FakeVpic::Request> requests = m_server->requests();
        QCOMPARE(requests.size(), 4);
        // Measured where the connections arrive, which adds the connection set-up of each call: it varies by
        // a few ms, more on a busy machine. Without the rate limit the gaps are 1-3 ms.
        constexpr qint64 jitterMs = 40;
        for (qsizetype i = 1; i < requests.size(); ++i) {
            const qint64 gap = requests.at(i).acceptedMs - requests.at(i - 1).acceptedMs;
            QVERIFY2(gap >= settings.minIntervalMs - jitterMs, qPrintable(QStringLiteral("gap %1 ms").arg(gap)));
        }
    }

    void retryAfterIsHonoured()
    {
        FakeVpic::Step busy;
        busy.status = 429;
        busy.body = [](const QStringList &) { return QByteArray("slow down"); };
        busy.retryAfter = "1";
        m_server->script({busy});
        VpicClient client(options()); // backoff 50 ms: only Retry-After makes it wait a second
        const VpicClient::Outcome outcome = client.decode({testVin(1)});
        QCOMPARE(outcome.calls, 2);
        QVERIFY(outcome.failed.isEmpty());
        QCOMPARE(outcome.specs.size(), 1);
        const QList<FakeVpic::Request> requests = m_server->requests();
        QCOMPARE(requests.size(), 2);
        const qint64 gap = requests.at(1).acceptedMs - requests.at(0).receivedMs;
        QVERIFY2(gap >= 990, qPrintable(QStringLiteral("gap %1 ms").arg(gap)));
    }

    void missingVinFailsAlone()
    {
        m_server->script({answer(200, [](const QStringList &sent) {
            return vpicAnswer({hondaResult(sent.at(0)), hondaResult(sent.at(2))});
        })});
        VpicClient client(options());
        const VpicClient::Outcome outcome = client.decode(testVins(3));
        QCOMPARE(outcome.calls, 1);
        QCOMPARE(outcome.specs.size(), 2);
        QVERIFY(outcome.specs.contains(testVin(1)) && outcome.specs.contains(testVin(3)));
        QCOMPARE(outcome.failed.size(), 1);
        QVERIFY2(outcome.failed.value(testVin(2)).contains(QLatin1String("did not return")),
                 qPrintable(outcome.failed.value(testVin(2))));
    }

    void jsonRoundTrip()
    {
        QJsonObject result = hondaResult(testVin(1));
        result.insert(QStringLiteral("ErrorCode"), QStringLiteral("1,11"));
        const VehicleSpec spec = VpicClient::specFromResult(result);
        QCOMPARE(spec.warnings.size(), 2);
        QVERIFY(spec.fields.size() > 10);

        const QByteArray stored = QJsonDocument(spec.toJson()).toJson();
        const QJsonObject json = QJsonDocument::fromJson(stored).object();
        QVERIFY(json.value(QStringLiteral("fields")).toArray().at(0).isArray()); // pairs keep the order
        const VehicleSpec read = VehicleSpec::fromJson(json);
        QCOMPARE(read.vin, spec.vin);
        QCOMPARE(read.errorCodes, spec.errorCodes);
        QCOMPARE(read.errorText, spec.errorText);
        QCOMPARE(read.warnings, spec.warnings);
        QCOMPARE(read.fields, spec.fields);

        const VehicleSpec empty = VehicleSpec::fromJson({});
        QVERIFY(empty.vin.isEmpty() && empty.errorCodes.isEmpty() && !empty.hasData());
    }

    void httpCall()
    {
        QNetworkAccessManager network;
        FakeVpic::Step busy;
        busy.status = 503;
        busy.body = [](const QStringList &) { return QByteArray("busy"); };
        busy.retryAfter = "7";
        FakeVpic::Step hang;
        hang.hang = true;
        m_server->script({busy, hang});
        QNetworkRequest request(m_server->baseUrl().resolved(QUrl(QStringLiteral("status"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain"));

        const HttpReply answered = HttpCall::send(network, request, {}, 3000);
        QCOMPARE(m_server->requests().value(0).method, QByteArray("GET"));
        QCOMPARE(answered.status, 503);
        QCOMPARE(answered.body, QByteArray("busy"));
        QCOMPARE(answered.retryAfterSeconds, 7);
        QVERIFY(answered.error.isEmpty());
        QVERIFY(!answered.ok() && !answered.timedOut);

        QElapsedTimer clock;
        clock.start();
        const HttpReply silent = HttpCall::send(network, request, "x", 200);
        QVERIFY(clock.elapsed() >= 200 && clock.elapsed() < 2000);
        QCOMPARE(m_server->requests().value(1).method, QByteArray("POST"));
        QVERIFY(silent.timedOut);
        QCOMPARE(silent.status, 0);
        QCOMPARE(silent.error, QStringLiteral("No answer from 127.0.0.1 within 0.2 s."));

        // Nobody listening: a sentence naming the host, no status.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        const HttpReply refused =
            HttpCall::send(network, QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port))), {}, 3000);
        QCOMPARE(refused.status, 0);
        QVERIFY(!refused.timedOut);
        QVERIFY2(refused.error.contains(QLatin1String("127.0.0.1")), qPrintable(refused.error));
    }

    void stopsWhenTheThreadIsInterrupted()
    {
        FakeVpic::Step hang;
        hang.hang = true;
        m_server->script({hang});
        VpicClient::Options settings = options();
        settings.timeoutMs = 10000;
        VpicClient::Outcome outcome;
        qint64 elapsed = 0;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            VpicClient client(settings);
            QElapsedTimer clock;
            clock.start();
            outcome = client.decode(testVins(3));
            elapsed = clock.elapsed();
        }));
        worker->start();
        QTRY_COMPARE(m_server->requests().size(), 1);
        worker->requestInterruption();
        QVERIFY(worker->wait(3000));
        QVERIFY2(elapsed < 2000, qPrintable(QString::number(elapsed)));
        QCOMPARE(outcome.calls, 1);
        QCOMPARE(outcome.failed.size(), 3);
        QVERIFY(outcome.failed.value(testVin(1)).contains(QLatin1String("stopping")));
    }
};

QTEST_GUILESS_MAIN(TestVpicClient)
#include "tst_vpicclient.moc"

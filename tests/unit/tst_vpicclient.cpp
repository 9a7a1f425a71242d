#include "FakeHttpServer.h"
#include "vin/HttpCall.h"
#include "vin/VpicClient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTcpServer>
#include <QTest>
#include <QThread>

#include <functional>
#include <memory>

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

// The VINs of a DecodeVINValuesBatch request, from its form's data field ("VIN[,year];VIN[,year]...").
QStringList sentVins(const FakeHttpServer::Request &request)
{
    const QHash<QString, QString> fields = FakeHttpServer::formFields(request.body);
    if (!fields.contains(QStringLiteral("data")))
        return {};
    QStringList vins;
    for (const QString &entry : fields.value(QStringLiteral("data")).split(QLatin1Char(';')))
        vins.append(entry.section(QLatin1Char(','), 0, 0).trimmed());
    return vins;
}

// An answer as vPIC sends it.
FakeHttpServer::Response vpicResponse(int status, const QByteArray &body)
{
    FakeHttpServer::Response response;
    response.status = status;
    response.body = body;
    response.contentType = "application/json; charset=utf-8";
    return response;
}

// The fake vPIC's own answer, when no scripted step is left: a clean decoding of every VIN it was sent.
FakeHttpServer::Response vpicDecodes(const FakeHttpServer::Request &request)
{
    return vpicResponse(200, hondaAnswer(sentVins(request)));
}

// One scripted answer: `status` with the body `body` makes of the VINs sent.
FakeHttpServer::Responder answer(int status, std::function<QByteArray(const QStringList &vins)> body)
{
    return [status, body](const FakeHttpServer::Request &request) {
        return vpicResponse(status, body(sentVins(request)));
    };
}

// One scripted answer with a fixed body, and a Retry-After header if `retryAfter` is given.
FakeHttpServer::Responder answer(int status, const QByteArray &body, const QByteArray &retryAfter = {})
{
    return [status, body, retryAfter](const FakeHttpServer::Request &) {
        FakeHttpServer::Response response = vpicResponse(status, body);
        if (!retryAfter.isEmpty())
            response.headers.append({"Retry-After", retryAfter});
        return response;
    };
}

// One scripted request left unanswered until the client gives up.
FakeHttpServer::Responder noAnswer()
{
    return [](const FakeHttpServer::Request &) {
        FakeHttpServer::Response response;
        response.hang = true;
        return response;
    };
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

    std::unique_ptr<FakeHttpServer> m_server; // a fake vPIC

    // A client of the fake server: no pause between calls, short retries, unless a test says otherwise.
    VpicClient::Options options() const
    {
        VpicClient::Options options;
        options.baseUrl = m_server->url(QStringLiteral("api/"));
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
    void init()
    {
        m_server = std::make_unique<FakeHttpServer>(&vpicDecodes);
        QVERIFY(m_server->isListening());
    }
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

        const QList<FakeHttpServer::Request> requests = m_server->requests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.at(0).method, QByteArray("POST"));
        QCOMPARE(requests.at(0).target, QByteArray("/api/vehicles/DecodeVINValuesBatch/"));
        QCOMPARE(requests.at(0).headers.value("content-type"), QByteArray("application/x-www-form-urlencoded"));
        QVERIFY(requests.at(0).body.startsWith("format=json&data="));
        QCOMPARE(sentVins(requests.at(0)), vins);

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
        m_server->script({answer(500, QByteArray("oops"))});
        VpicClient client(options());
        const VpicClient::Outcome outcome = client.decode({testVin(1)});
        QCOMPARE(outcome.calls, 2);
        QCOMPARE(m_server->requests().size(), 2);
        QVERIFY(outcome.failed.isEmpty());
        QCOMPARE(outcome.specs.value(testVin(1)).value(QStringLiteral("Make")), QStringLiteral("HONDA"));
    }

    void serverErrorsGiveUp()
    {
        const FakeHttpServer::Responder down = answer(503, QByteArray("down"));
        m_server->script({down, down, down, down});
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
        m_server->script({answer(404, QByteArray("<html>Not Found</html>"))});
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
        m_server->script({noAnswer(), noAnswer(), noAnswer()});
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
        m_server->script({answer(200, QByteArray("{\"Count\":1,\"Results\":[{\"VIN\":\"1HGC")),
                          answer(200, QByteArray("{\"Count\":0,\"Message\":\"Bad request\"}"))});
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
        const QList<FakeHttpServer::Request> requests = m_server->requests();
        QCOMPARE(requests.size(), 3);
        QCOMPARE(sentVins(requests.at(0)), vins.mid(0, 50));
        QCOMPARE(sentVins(requests.at(1)), vins.mid(50, 50));
        QCOMPARE(sentVins(requests.at(2)), vins.mid(100));
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
        const QList<FakeHttpServer::Request> requests = m_server->requests();
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
        m_server->script({answer(429, QByteArray("slow down"), "1")});
        VpicClient client(options()); // backoff 50 ms: only Retry-After makes it wait a second
        const VpicClient::Outcome outcome = client.decode({testVin(1)});
        QCOMPARE(outcome.calls, 2);
        QVERIFY(outcome.failed.isEmpty());
        QCOMPARE(outcome.specs.size(), 1);
        const QList<FakeHttpServer::Request> requests = m_server->requests();
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

        // A member without a name (found by fuzz_vpic) is no variable: kept, it would show as a field
        // without a label that the stored report then loses.
        result.insert(QString(), QStringLiteral("nameless"));
        result.insert(QStringLiteral("  "), QStringLiteral("blank"));
        const VehicleSpec withNameless = VpicClient::specFromResult(result);
        QCOMPARE(withNameless.fields, spec.fields);
        QCOMPARE(VehicleSpec::fromJson(withNameless.toJson()).fields, withNameless.fields);

        const VehicleSpec empty = VehicleSpec::fromJson({});
        QVERIFY(empty.vin.isEmpty() && empty.errorCodes.isEmpty() && !empty.hasData());
    }

    void httpCall()
    {
        QNetworkAccessManager network;
        m_server->script({answer(503, QByteArray("busy"), "7"), noAnswer()});
        QNetworkRequest request(m_server->url(QStringLiteral("api/status")));
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
        m_server->script({noAnswer()});
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

#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <utility>

class QNetworkAccessManager;

// What NHTSA's vPIC says of one VIN (DecodeVINValuesBatch). vPIC answers every VIN it was sent, even one
// it cannot decode: its ErrorCode/ErrorText then tell why, and are warnings, not failures. Empty strings
// and "Not Applicable" mean "no data" and are left out of `fields`.
struct VehicleSpec
{
    QString vin;
    QList<int> errorCodes; // vPIC's ErrorCode split at commas; {0}: decoded clean
    QString errorText;     // vPIC's ErrorText, as given
    QStringList warnings;  // one sentence per non-zero error code
    // Label and value of every field with data, in a fixed order of interest ("Make", "Model",
    // "Model year", "Trim", "Body class", "Drive type", "Fuel type", "Engine", "Plant", ...) then the rest.
    QList<std::pair<QString, QString>> fields;

    bool hasData() const { return !fields.isEmpty(); }
    QString value(const QString &label) const; // empty when absent
    QJsonObject toJson() const;
    static VehicleSpec fromJson(const QJsonObject &object);
};

// VpicClient::Options. Outside the class because GCC refuses a nested struct with default member
// initializers as a default argument of the enclosing class ("could not convert '{}'").
struct VpicClientOptions
{
    QUrl baseUrl{QStringLiteral("https://vpic.nhtsa.dot.gov/api/")};
    int timeoutMs = 15000;
    int retries = 2;
    int minIntervalMs = 250;
    int batchSize = 50;
};

// A client of the vPIC API over Qt Network, blocking (HttpCall): POSTs DecodeVINValuesBatch with at most
// `batchSize` VINs a call, keeps at least `minIntervalMs` between the starts of two calls (the client-side
// rate limit; a 429's Retry-After is honoured too), and tries a call that got no answer, a timeout or a
// 5xx/429 up to `retries` more times. Thread-affine: the network access manager is made in the thread of
// the first decode() call, and every later call must come from that thread.
class VpicClient
{
    Q_DECLARE_TR_FUNCTIONS(VpicClient)

public:
    using Options = VpicClientOptions;

    struct Outcome
    {
        QHash<QString, VehicleSpec> specs; // by VIN, for every VIN of the batches that were answered
        QHash<QString, QString> failed;    // by VIN: why its batch failed after the retries (a sentence)
        int calls = 0;                     // HTTP requests made, retries included
    };

    explicit VpicClient(Options options = {});
    ~VpicClient();

    // Looks up `vins` (normalised, 17 characters), splitting them into batches.
    Outcome decode(const QStringList &vins);

    // The URL of one batch call (for logs and tests).
    QUrl batchUrl() const;
    const Options &options() const { return m_options; }

private:
    Options m_options;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QElapsedTimer m_lastCall; // the rate limit holds across decode() calls
};

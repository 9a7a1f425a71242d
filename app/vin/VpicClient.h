#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>
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
    // The labels are stored untranslated (English, or vPIC's variable name for the rest): reports are
    // shared between desks in different languages. Show them through displayLabel().
    QList<std::pair<QString, QString>> fields;

    bool hasData() const { return !fields.isEmpty(); }
    bool operator==(const VehicleSpec &other) const = default;
    QString value(const QString &label) const; // empty when absent
    QJsonObject toJson() const;
    static VehicleSpec fromJson(const QJsonObject &object);

    // A field label in the user's language (context "VehicleSpec"); vPIC's own names come back unchanged.
    static QString displayLabel(const QString &label);
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
    struct Options
    {
        QUrl baseUrl{QStringLiteral("https://vpic.nhtsa.dot.gov/api/")};
        int timeoutMs = 15000;
        int retries = 2;
        int minIntervalMs = 250;
        int batchSize = 50;
        int backoffMs = 1000; // the pause before the first retry, doubled for each later one (at most 8 s)
    };

    struct Outcome
    {
        QHash<QString, VehicleSpec> specs; // by VIN, for every VIN of the batches that were answered
        QHash<QString, QString> failed;    // by VIN: why its batch failed after the retries (a sentence)
        int calls = 0;                     // HTTP requests made, retries included
    };

    // Two constructors, not `Options options = {}`: GCC cannot use the member initialisers of a nested
    // struct in a default argument of the class that encloses it (CWG 1397). Calls read the same.
    VpicClient();
    explicit VpicClient(Options options);
    ~VpicClient();

    // Looks up `vins` (normalised, 17 characters), splitting them into batches; a repeated VIN is asked once.
    // Results are matched to the VINs by the VIN vPIC echoes (ignoring case). Stops early, with every VIN
    // left failed, when the thread is asked to stop (QThread::requestInterruption).
    Outcome decode(const QStringList &vins);

    // The URL of one batch call (for logs and tests).
    QUrl batchUrl() const;
    const Options &options() const { return m_options; }

    // The form body of one batch call: "format=json&data=VIN1;VIN2;..." (form-encoded).
    static QByteArray batchBody(const QStringList &vins);
    // vPIC's answer to one batch: its Results, each read by specFromResult(); none when the answer cannot
    // be read (not JSON, no Results array), with the reason in `error`.
    static std::optional<QList<VehicleSpec>> parseBatch(const QByteArray &json, QString *error = nullptr);
    // One member of Results: every value a string; ErrorCode "0", "1,11", ...; "" and "Not Applicable" are no data.
    static VehicleSpec specFromResult(const QJsonObject &result);

private:
    struct BatchResult;
    BatchResult decodeBatch(const QStringList &batch, int &calls);
    void waitForTurn();

    Options m_options;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QElapsedTimer m_lastCall;   // the rate limit holds across decode() calls
    QDeadlineTimer m_notBefore; // from vPIC's last Retry-After (capped); expired when none
};

#include "VpicClient.h"

#include "HttpCall.h"
#include "Logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSet>
#include <QThread>
#include <QVariant>

#include <algorithm>

namespace {

constexpr int kMaxRetryAfterSeconds = 60; // a longer Retry-After is waited for this long only
constexpr int kMaxBackoffMs = 8000;

bool stopRequested()
{
    return QThread::currentThread()->isInterruptionRequested();
}

// Sleeps `ms` in slices, watching the thread's interruption request; false when it came.
bool pause(qint64 ms)
{
    const QDeadlineTimer deadline(ms, Qt::PreciseTimer);
    while (!deadline.hasExpired()) {
        if (stopRequested())
            return false;
        QThread::msleep(static_cast<unsigned long>(std::clamp<qint64>(deadline.remainingTime(), 1, 50)));
    }
    return !stopRequested();
}

// vPIC's text for one code out of ErrorText ("1 - Check Digit ...; 11 - Incorrect Model Year, ..."), or empty.
QString vpicTextFor(int code, const QString &errorText)
{
    static const QRegularExpression part(QStringLiteral("(?:^|;)\\s*(\\d+)\\s*-\\s*(.*?)\\s*(?=;\\s*\\d+\\s*-|$)"));
    auto it = part.globalMatch(errorText);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (match.captured(1).toInt() == code)
            return match.captured(2);
    }
    return {};
}

QString sentence(QString text)
{
    text = text.trimmed();
    if (!text.isEmpty() && !text.endsWith(QLatin1Char('.')) && !text.endsWith(QLatin1Char('!')) &&
        !text.endsWith(QLatin1Char('?')))
        text += QLatin1Char('.');
    return text;
}

// A vPIC value as text: vPIC sends strings only, but a number is read too. "" when null, empty or
// "Not Applicable".
QString valueText(const QJsonValue &value)
{
    QString text = value.isString() ? value.toString() : value.toVariant().toString();
    text = text.trimmed();
    if (text.compare(QLatin1String("Not Applicable"), Qt::CaseInsensitive) == 0)
        return {};
    return text;
}

QString decimal(const QString &text, int digits)
{
    bool ok = false;
    const double number = text.toDouble(&ok);
    return ok ? QLocale().toString(number, 'f', digits) : text;
}

} // namespace

// --- VehicleSpec ---------------------------------------------------------------------------------

QString VehicleSpec::value(const QString &label) const
{
    for (const auto &[name, value] : fields) {
        if (name == label)
            return value;
    }
    return {};
}

QJsonObject VehicleSpec::toJson() const
{
    QJsonArray codes;
    for (int code : errorCodes)
        codes.append(code);
    QJsonArray pairs;
    for (const auto &[label, value] : fields)
        pairs.append(QJsonArray{label, value});
    return QJsonObject{{QStringLiteral("vin"), vin},
                       {QStringLiteral("error_codes"), codes},
                       {QStringLiteral("error_text"), errorText},
                       {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
                       {QStringLiteral("fields"), pairs}};
}

VehicleSpec VehicleSpec::fromJson(const QJsonObject &object)
{
    VehicleSpec spec;
    spec.vin = object.value(QStringLiteral("vin")).toString();
    const QJsonArray codes = object.value(QStringLiteral("error_codes")).toArray();
    for (const QJsonValue &code : codes)
        spec.errorCodes.append(code.toInt());
    spec.errorText = object.value(QStringLiteral("error_text")).toString();
    const QJsonArray warnings = object.value(QStringLiteral("warnings")).toArray();
    for (const QJsonValue &warning : warnings)
        spec.warnings.append(warning.toString());
    const QJsonArray pairs = object.value(QStringLiteral("fields")).toArray();
    for (const QJsonValue &pair : pairs) {
        const QJsonArray labelValue = pair.toArray();
        const QString label = labelValue.at(0).toString();
        if (!label.isEmpty())
            spec.fields.append({label, labelValue.at(1).toString()});
    }
    return spec;
}

QString VehicleSpec::displayLabel(const QString &label)
{
    return QCoreApplication::translate("VehicleSpec", label.toUtf8().constData());
}

// --- VpicClient ----------------------------------------------------------------------------------

struct VpicClient::BatchResult
{
    std::optional<QList<VehicleSpec>> specs; // none: the batch failed
    QString failure;                         // why, when it failed
    bool stopped = false;                    // the thread was asked to stop
};

VpicClient::VpicClient()
    : VpicClient(Options())
{}

VpicClient::VpicClient(Options options)
    : m_options(std::move(options))
{}

VpicClient::~VpicClient() = default;

QUrl VpicClient::batchUrl() const
{
    QUrl base = m_options.baseUrl;
    if (!base.path().endsWith(QLatin1Char('/')))
        base.setPath(base.path() + QLatin1Char('/'));
    return base.resolved(QUrl(QStringLiteral("vehicles/DecodeVINValuesBatch/")));
}

QByteArray VpicClient::batchBody(const QStringList &vins)
{
    return QByteArrayLiteral("format=json&data=") + QUrl::toPercentEncoding(vins.join(QLatin1Char(';')));
}

VpicClient::Outcome VpicClient::decode(const QStringList &vins)
{
    Outcome outcome;
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    Q_ASSERT_X(m_network->thread() == QThread::currentThread(), "VpicClient::decode",
               "every decode() call must come from the thread of the first one");

    QStringList unique;
    QSet<QString> seen;
    for (const QString &vin : vins) {
        const QString key = vin.toUpper();
        if (vin.isEmpty() || seen.contains(key))
            continue;
        seen.insert(key);
        unique.append(vin);
    }

    const qsizetype size = std::max(1, m_options.batchSize);
    for (qsizetype first = 0; first < unique.size(); first += size) {
        const QStringList batch = unique.mid(first, size);
        const BatchResult result = decodeBatch(batch, outcome.calls);
        if (!result.specs) {
            for (const QString &vin : batch)
                outcome.failed.insert(vin, result.failure);
            if (result.stopped) {
                for (const QString &vin : unique.mid(first + size))
                    outcome.failed.insert(vin, result.failure);
                break;
            }
            continue;
        }
        QHash<QString, VehicleSpec> answered; // by the VIN vPIC echoed, in capitals
        for (const VehicleSpec &spec : *result.specs) {
            const QString key = spec.vin.toUpper();
            if (!key.isEmpty() && !answered.contains(key))
                answered.insert(key, spec);
        }
        for (const QString &vin : batch) {
            const auto found = answered.constFind(vin.toUpper());
            if (found == answered.constEnd()) {
                outcome.failed.insert(vin, tr("vPIC did not return this VIN in its answer."));
                continue;
            }
            VehicleSpec spec = *found;
            spec.vin = vin;
            outcome.specs.insert(vin, spec);
        }
        if (answered.size() > batch.size())
            qCInfo(lcVin) << "vPIC answered" << answered.size() << "VINs for a batch of" << batch.size();
    }
    qCDebug(lcVin) << "decoded" << outcome.specs.size() << "of" << unique.size() << "VINs in" << outcome.calls
                   << "calls;" << outcome.failed.size() << "failed";
    return outcome;
}

void VpicClient::waitForTurn()
{
    qint64 wait = m_notBefore.remainingTime();
    if (m_lastCall.isValid())
        wait = std::max(wait, m_options.minIntervalMs - m_lastCall.elapsed());
    if (wait > 0)
        pause(wait);
}

VpicClient::BatchResult VpicClient::decodeBatch(const QStringList &batch, int &calls)
{
    QNetworkRequest request(batchUrl());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Forecourt/" FORECOURT_VERSION));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    const QByteArray body = batchBody(batch);
    const int attempts = 1 + std::max(0, m_options.retries);
    const auto stopped = [](const QString &why) {
        BatchResult result;
        result.failure = why.isEmpty() ? tr("The vPIC lookup was stopped: Forecourt is stopping.") : why;
        result.stopped = true;
        return result;
    };

    for (int attempt = 1;; ++attempt) {
        waitForTurn();
        if (stopRequested())
            return stopped({});
        m_lastCall.start();
        ++calls;
        qCDebug(lcVin) << "POST" << request.url().toDisplayString() << batch.size() << "VINs, attempt" << attempt;
        const HttpReply reply = HttpCall::send(*m_network, request, body, m_options.timeoutMs);
        if (reply.cancelled)
            return stopped(reply.error);

        if (reply.ok()) {
            QString error;
            BatchResult result;
            result.specs = parseBatch(reply.body, &error);
            if (!result.specs) {
                result.failure = error; // a broken answer is not expected to mend itself: no retry
                qCWarning(lcVin) << "vPIC answer not readable:" << error;
            }
            return result;
        }

        QString reason;
        bool retry = true;
        if (reply.status == 0) {
            reason = reply.error;
        } else if (reply.status == 429) {
            reason = tr("vPIC is busy (HTTP 429, too many requests). Try again in a few minutes.");
        } else if (reply.status >= 500) {
            reason = tr("vPIC had a problem answering (HTTP %1). Try again later.").arg(reply.status);
        } else if (reply.status >= 400) {
            reason = tr("vPIC refused the request (HTTP %1). Check the vPIC address (%2).")
                         .arg(QString::number(reply.status), m_options.baseUrl.toDisplayString());
            retry = false;
        } else {
            reason = tr("vPIC gave an unexpected answer (HTTP %1).").arg(reply.status);
            retry = false;
        }
        const bool honourRetryAfter = reply.retryAfterSeconds >= 0 && (reply.status == 429 || reply.status >= 500);
        if (honourRetryAfter)
            m_notBefore =
                QDeadlineTimer(std::min(reply.retryAfterSeconds, kMaxRetryAfterSeconds) * 1000LL, Qt::PreciseTimer);

        if (!retry || attempt >= attempts) {
            if (attempt > 1)
                reason += QLatin1Char(' ') + tr("Gave up after %1 attempts.").arg(attempt);
            qCWarning(lcVin) << "vPIC batch of" << batch.size() << "VINs failed:" << reason;
            BatchResult result;
            result.failure = reason;
            return result;
        }
        qCInfo(lcVin) << "vPIC call failed, retrying:" << reason;
        if (!honourRetryAfter) {
            const qint64 backoff =
                std::min<qint64>(qint64(std::max(0, m_options.backoffMs)) << std::min(attempt - 1, 16), kMaxBackoffMs);
            if (!pause(backoff))
                return stopped({});
        }
    }
}

std::optional<QList<VehicleSpec>> VpicClient::parseBatch(const QByteArray &json, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<QList<VehicleSpec>> {
        if (error)
            *error = tr("The answer from vPIC could not be read (%1).").arg(why);
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("not JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return fail(tr("not a JSON object"));
    const QJsonObject root = document.object();
    const QJsonValue results = root.value(QStringLiteral("Results"));
    if (!results.isArray()) {
        const QString message = root.value(QStringLiteral("Message")).toString().trimmed();
        return fail(message.isEmpty() ? tr("it has no Results") : tr("it has no Results; vPIC says: %1").arg(message));
    }
    QList<VehicleSpec> specs;
    const QJsonArray array = results.toArray();
    for (const QJsonValue &result : array) {
        if (result.isObject())
            specs.append(specFromResult(result.toObject()));
    }
    if (error)
        error->clear();
    return specs;
}

VehicleSpec VpicClient::specFromResult(const QJsonObject &result)
{
    VehicleSpec spec;
    spec.vin = valueText(result.value(QStringLiteral("VIN")));
    spec.errorText = result.value(QStringLiteral("ErrorText")).toVariant().toString();

    const QStringList codes = valueText(result.value(QStringLiteral("ErrorCode"))).split(QLatin1Char(','));
    for (const QString &code : codes) {
        bool ok = false;
        const int number = code.trimmed().toInt(&ok);
        if (ok && !spec.errorCodes.contains(number))
            spec.errorCodes.append(number);
    }
    for (int code : std::as_const(spec.errorCodes)) {
        switch (code) {
        case 0:
            break;
        case 1:
            spec.warnings.append(tr("The check digit (9th character) is not correct: the VIN may have been mistyped."));
            break;
        case 5:
            spec.warnings.append(tr("The VIN has errors in a few positions."));
            break;
        case 6:
            spec.warnings.append(tr("The VIN is incomplete."));
            break;
        case 8:
            spec.warnings.append(tr("vPIC has no detailed data for this VIN."));
            break;
        case 11:
            spec.warnings.append(tr("The model year looks incorrect: the decoded data may not be accurate."));
            break;
        case 14:
            spec.warnings.append(tr("vPIC could not provide information for all the characters of the VIN."));
            break;
        case 400:
            spec.warnings.append(tr("The VIN contains invalid characters."));
            break;
        default: {
            QString text = vpicTextFor(code, spec.errorText);
            if (text.isEmpty())
                text = spec.errorText.trimmed();
            spec.warnings.append(text.isEmpty()
                                     ? tr("vPIC reports error %1.").arg(code)
                                     : tr("vPIC reports error %1: %2").arg(QString::number(code), sentence(text)));
        }
        }
    }
    const QString additional = valueText(result.value(QStringLiteral("AdditionalErrorText")));
    if (!additional.isEmpty())
        spec.warnings.append(tr("vPIC adds: %1").arg(sentence(additional)));
    const QString suggested = valueText(result.value(QStringLiteral("SuggestedVIN")));
    if (!suggested.isEmpty())
        spec.warnings.append(tr("vPIC suggests the VIN %1.").arg(suggested));

    // Not data of the vehicle: the diagnostics above and the VIN pattern vPIC matched.
    QSet<QString> used{QStringLiteral("VIN"),
                       QStringLiteral("ErrorCode"),
                       QStringLiteral("ErrorText"),
                       QStringLiteral("AdditionalErrorText"),
                       QStringLiteral("SuggestedVIN"),
                       QStringLiteral("PossibleValues"),
                       QStringLiteral("VehicleDescriptor")};
    const auto take = [&](const char *key) {
        const QString name = QLatin1String(key);
        used.insert(name);
        return valueText(result.value(name));
    };
    const auto add = [&](const char *label, const QString &value) {
        if (!value.isEmpty())
            spec.fields.append({QLatin1String(label), value});
    };
    const auto joined = [](const QStringList &parts) {
        QStringList present = parts;
        present.removeAll(QString());
        return present.join(QStringLiteral(", "));
    };

    add(QT_TRANSLATE_NOOP("VehicleSpec", "Make"), take("Make"));
    add(QT_TRANSLATE_NOOP("VehicleSpec", "Model"), take("Model"));
    add(QT_TRANSLATE_NOOP("VehicleSpec", "Model year"), take("ModelYear"));
    add(QT_TRANSLATE_NOOP("VehicleSpec", "Trim"), take("Trim"));
    add(QT_TRANSLATE_NOOP("VehicleSpec", "Series"), take("Series"));
    add(QT_TRANSLATE_NOOP("VehicleSpec", "Body class"), take("BodyClass"));
    add(QT_TRANSLATE_NOOP("VehicleSpec", "Doors"), take("Doors"));
    add(QT_TRANSLATE_NOOP("VehicleSpec", "Drive type"), take("DriveType"));
    add(QT_TRANSLATE_NOOP("VehicleSpec", "Fuel type"), take("FuelTypePrimary"));
    add(QT_TRANSLATE_NOOP("VehicleSpec", "Secondary fuel type"), take("FuelTypeSecondary"));
    add(QT_TRANSLATE_NOOP("VehicleSpec", "Electrification"), take("ElectrificationLevel"));
    {
        const QString cylinders = take("EngineCylinders");
        QString displacement = take("DisplacementL");
        if (!displacement.isEmpty()) {
            take("DisplacementCC"); // the same in other units
            take("DisplacementCI");
        }
        const QString hp = take("EngineHP");
        const QString hpTo = take("EngineHP_to");
        QStringList parts;
        if (!cylinders.isEmpty())
            parts.append(cylinders == QLatin1String("1") ? tr("1 cylinder") : tr("%1 cylinders").arg(cylinders));
        if (!displacement.isEmpty())
            parts.append(tr("%1 L").arg(decimal(displacement, 1)));
        if (!hp.isEmpty())
            parts.append(hpTo.isEmpty() || hpTo == hp ? tr("%1 HP").arg(decimal(hp, 0))
                                                      : tr("%1–%2 HP").arg(decimal(hp, 0), decimal(hpTo, 0)));
        add(QT_TRANSLATE_NOOP("VehicleSpec", "Engine"), joined(parts));
    }
    {
        const QString style = take("TransmissionStyle");
        const QString speeds = take("TransmissionSpeeds");
        add(QT_TRANSLATE_NOOP("VehicleSpec", "Transmission"),
            joined({style, speeds.isEmpty() ? QString() : tr("%1 speeds").arg(speeds)}));
    }
    add(QT_TRANSLATE_NOOP("VehicleSpec", "Manufacturer"), take("Manufacturer"));
    add(QT_TRANSLATE_NOOP("VehicleSpec", "Plant"),
        joined({take("PlantCity"), take("PlantState"), take("PlantCountry")}));
    add(QT_TRANSLATE_NOOP("VehicleSpec", "Vehicle type"), take("VehicleType"));
    add(QT_TRANSLATE_NOOP("VehicleSpec", "GVWR"), take("GVWR"));
    add(QT_TRANSLATE_NOOP("VehicleSpec", "Front airbags"), take("AirBagLocFront"));
    add(QT_TRANSLATE_NOOP("VehicleSpec", "Side airbags"), take("AirBagLocSide"));
    add(QT_TRANSLATE_NOOP("VehicleSpec", "Curtain airbags"), take("AirBagLocCurtain"));
    add(QT_TRANSLATE_NOOP("VehicleSpec", "Knee airbags"), take("AirBagLocKnee"));
    add(QT_TRANSLATE_NOOP("VehicleSpec", "Seat cushion airbags"), take("AirBagLocSeatCushion"));

    // The rest under vPIC's own names, in the (alphabetical) order of the JSON object. A member without a
    // name is no variable (and a field needs a label: VehicleSpec::fromJson drops one without).
    for (auto it = result.constBegin(); it != result.constEnd(); ++it) {
        if (used.contains(it.key()) || it.key().trimmed().isEmpty())
            continue;
        const QString value = valueText(it.value());
        if (!value.isEmpty())
            spec.fields.append({it.key(), value});
    }
    return spec;
}

#include "VinReportHandler.h"

#include "FilterAlerts.h"
#include "Logging.h"
#include "Outbox.h"
#include "SecretStore.h"
#include "db/Fields.h"
#include "db/SqlArray.h"
#include "vin/HttpHistoryProvider.h"
#include "vin/SimulatedHistoryProvider.h"
#include "vin/VpicClient.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QLocale>
#include <QSet>

#include <pqxx/pqxx>

namespace {

// "2003 Honda Accord" from vPIC where it answered, else from the offline decoding.
QString vehicleOf(const VinReport &report)
{
    QStringList words;
    if (report.spec && report.spec->hasData()) {
        for (const char *label : {"Model year", "Make", "Model"}) {
            const QString value = report.spec->value(QString::fromLatin1(label));
            if (!value.isEmpty())
                words << value;
        }
    }
    if (words.isEmpty()) {
        if (report.decoding.modelYear)
            words << QString::number(*report.decoding.modelYear);
        if (!report.decoding.manufacturer.isEmpty())
            words << report.decoding.manufacturer;
    }
    return words.join(QLatin1Char(' '));
}

std::string jsonText(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace

VinReportHandler::VinReportHandler(std::shared_ptr<SecretStore> secrets, Options options)
    : m_secrets(std::move(secrets))
    , m_options(options)
{}

VinReportHandler::VinReportHandler(std::shared_ptr<SecretStore> secrets)
    : VinReportHandler(std::move(secrets), Options())
{}

VinReportHandler::~VinReportHandler() = default;

void VinReportHandler::install(EventHandlers &handlers, std::shared_ptr<VinReportHandler> handler)
{
    const QString topic = QStringLiteral("vin.requested");
    handlers.addPreparer(topic, [handler](pqxx::connection &connection, const QList<OutboxEvent> &events) {
        handler->prepare(connection, events);
    });
    handlers.add(topic, [handler](pqxx::transaction_base &transaction, const OutboxEvent &event) {
        handler->handle(transaction, event);
    });
}

void VinReportHandler::configure(const VinReportSettings &settings)
{
    if (m_settings && *m_settings == settings)
        return;
    m_settings = settings;
    m_vpic.reset();
    if (!settings.vpicUrl.isEmpty()) {
        VpicClient::Options options;
        options.baseUrl = settings.vpicUrl;
        options.minIntervalMs = settings.vpicMinIntervalMs;
        options.timeoutMs = settings.vpicTimeoutMs;
        m_vpic = std::make_unique<VpicClient>(options);
    }
    if (settings.historyProvider == QLatin1String("http"))
        m_history = std::make_unique<HttpHistoryProvider>(settings.historyUrl, m_secrets, settings.vpicTimeoutMs);
    else
        m_history = std::make_unique<SimulatedHistoryProvider>();
}

void VinReportHandler::prepare(pqxx::connection &connection, const QList<OutboxEvent> &events)
{
    m_prepared.clear();
    m_prepareFinished = false; // stays false if anything below throws
    QDeadlineTimer budget(m_options.prepareBudgetMs);
    QList<qint64> requestIds;
    for (const OutboxEvent &event : events)
        requestIds.append(event.payload.value(QStringLiteral("id")).toInteger());

    struct Pending
    {
        QString vin;
        bool fresh = false;
    };
    QHash<qint64, Pending> pending; // by request id
    QHash<QString, qint64> recent;  // VIN -> a report recent enough to reuse
    {
        pqxx::read_transaction work(connection);
        configure(VinReportService::settings(work));
        QStringList vins;
        for (const pqxx::row &row : work.exec_params(
                 "SELECT id, vin, fresh FROM vin_requests WHERE id = ANY($1::bigint[]) AND status = 'pending'",
                 idArray(requestIds))) {
            pending.insert(row[0].as<qint64>(), {textOf(row[1]), row[2].as<bool>()});
            vins.append(textOf(row[1]));
        }
        if (m_settings->reuseDays > 0 && !vins.isEmpty()) {
            for (const pqxx::row &row :
                 work.exec_params("SELECT DISTINCT ON (vin) vin, id FROM vin_reports WHERE vin = ANY($1::text[]) "
                                  "AND created_at > now() - $2 * interval '1 day' ORDER BY vin, created_at DESC",
                                  textArray(vins), m_settings->reuseDays))
                recent.insert(textOf(row[0]), row[1].as<qint64>());
        }
    }

    // The VINs to fetch, each once, with the attempt of the event that has come furthest.
    QStringList toFetch;
    QHash<QString, int> attemptOf;
    for (const OutboxEvent &event : events) {
        const auto request = pending.constFind(event.payload.value(QStringLiteral("id")).toInteger());
        if (request == pending.constEnd())
            continue;
        if (!request->fresh && recent.contains(request->vin)) {
            Outcome reuse;
            reuse.kind = Outcome::Reuse;
            reuse.reportId = recent.value(request->vin);
            m_prepared.insert(event.id, reuse);
            continue;
        }
        if (!attemptOf.contains(request->vin))
            toFetch.append(request->vin);
        attemptOf[request->vin] = std::max(attemptOf.value(request->vin), event.attempts);
    }

    QHash<QString, VinDecoding> decodings;
    QStringList lookUp;
    for (const QString &vin : std::as_const(toFetch)) {
        const VinDecoding decoding = VinDecoder::decode(vin);
        decodings.insert(vin, decoding);
        if (decoding.valid)
            lookUp.append(vin);
    }
    VpicClient::Outcome specs;
    if (m_vpic && !lookUp.isEmpty())
        specs = m_vpic->decode(lookUp);

    QHash<QString, Outcome> fetched;
    for (const QString &vin : std::as_const(toFetch)) {
        if (!fetched.isEmpty() && budget.hasExpired())
            break; // the rest are postponed, not failed (at least one is always done: progress)
        const VinDecoding &decoding = decodings[vin];
        std::optional<VehicleSpec> spec;
        if (specs.specs.contains(vin))
            spec = specs.specs.value(vin);
        const QString specFailure = m_vpic ? specs.failed.value(vin) : QString();
        fetched.insert(vin, fetch(decoding, spec, specFailure, attemptOf.value(vin) >= m_options.attempts));
    }
    for (const OutboxEvent &event : events) {
        if (m_prepared.contains(event.id))
            continue;
        const auto request = pending.constFind(event.payload.value(QStringLiteral("id")).toInteger());
        if (request != pending.constEnd() && fetched.contains(request->vin))
            m_prepared.insert(event.id, fetched.value(request->vin));
    }
    m_prepareFinished = true;
}

VinReportHandler::Outcome VinReportHandler::fetch(const VinDecoding &decoding, const std::optional<VehicleSpec> &spec,
                                                  const QString &specFailure, bool lastAttempt)
{
    Outcome outcome;
    if (!decoding.valid) {
        outcome.kind = Outcome::Fail;
        outcome.reason = decoding.errors.join(QLatin1Char(' '));
        return outcome;
    }
    if (!specFailure.isEmpty() && !lastAttempt) {
        outcome.kind = Outcome::Retry;
        outcome.reason = tr("vPIC: %1").arg(specFailure);
        return outcome;
    }
    Result<VinHistory> history = m_history->history(decoding);
    if (!history) {
        outcome.kind = lastAttempt ? Outcome::Fail : Outcome::Retry;
        outcome.reason = tr("History from %1: %2").arg(m_history->name(), history.error().message);
        qCInfo(lcWorker) << "history for" << decoding.vin << "failed:" << history.error().oneLine();
        return outcome;
    }
    VinReport &report = outcome.report;
    outcome.kind = Outcome::Store;
    report.vin = decoding.vin;
    report.createdAt = QDateTime::currentDateTimeUtc();
    report.decoding = decoding;
    report.history = *history;
    if (!m_vpic) {
        report.specNote = tr("vPIC lookups are turned off in Settings › VIN reports.");
    } else {
        report.specSource = tr("NHTSA vPIC (%1)").arg(m_vpic->options().baseUrl.host());
        report.specFetchedAt = report.createdAt;
        if (spec)
            report.spec = spec;
        else
            report.specNote = tr("vPIC could not be asked: %1").arg(specFailure);
    }
    return outcome;
}

void VinReportHandler::handle(pqxx::transaction_base &transaction, const OutboxEvent &event)
{
    const qint64 requestId = event.payload.value(QStringLiteral("id")).toInteger();
    const pqxx::result request = transaction.exec_params(
        "SELECT vin, fresh, batch_id FROM vin_requests WHERE id = $1 AND status = 'pending' FOR UPDATE", requestId);
    if (request.empty())
        return; // done or failed meanwhile (an event delivered twice): nothing to do
    const auto prepared = m_prepared.constFind(event.id);
    if (prepared == m_prepared.constEnd()) {
        // Out of the preparer's time: soon again, uncounted. The preparer failed: a counted attempt with
        // backoff, so a fault that repeats does not spin the worker.
        if (m_prepareFinished)
            throw EventPostponed();
        throw std::runtime_error(tr("The VIN report could not be prepared; the worker's log says why.").toStdString());
    }
    const QString vin = textOf(request[0][0]);
    const bool fresh = request[0][1].as<bool>();
    const qint64 batchId = request[0][2].as<qint64>();

    Outcome outcome = *prepared;
    if (outcome.kind == Outcome::Store && !fresh && m_settings->reuseDays > 0) {
        // Another request of the batch in hand may have stored this VIN's report a moment ago.
        const pqxx::result stored = transaction.exec_params(
            "SELECT id FROM vin_reports WHERE vin = $1 AND created_at > now() - $2 * interval '1 day' "
            "ORDER BY created_at DESC LIMIT 1",
            vin.toStdString(), m_settings->reuseDays);
        if (!stored.empty()) {
            outcome.kind = Outcome::Reuse;
            outcome.reportId = stored[0][0].as<qint64>();
        }
    }

    switch (outcome.kind) {
    case Outcome::Retry:
        throw std::runtime_error(outcome.reason.toStdString()); // the queue tries again after its backoff
    case Outcome::Fail:
        transaction.exec_params("UPDATE vin_requests SET status = 'failed', finished_at = now(), error = $2 "
                                "WHERE id = $1",
                                requestId, outcome.reason.toStdString());
        break;
    case Outcome::Reuse:
        transaction.exec_params("UPDATE vin_requests SET status = 'done', finished_at = now(), report_id = $2, "
                                "reused = true WHERE id = $1",
                                requestId, outcome.reportId);
        break;
    case Outcome::Store: {
        const VinReport::Flags flags = outcome.report.flags();
        const std::optional<int> highestKm =
            flags.highestReading ? std::optional(flags.highestReading->km) : std::nullopt;
        const qint64 reportId =
            transaction
                .exec_params("INSERT INTO vin_reports (vin, provider, simulated, vehicle, title_brands, accidents, "
                             "rollback_suspected, stolen, highest_odometer_km, report) VALUES ($1, $2, $3, $4, "
                             "$5::text[], $6, $7, $8, $9, $10::jsonb) RETURNING id",
                             vin.toStdString(), outcome.report.history.provider.toStdString(),
                             outcome.report.history.simulated, vehicleOf(outcome.report).toStdString(),
                             textArray(flags.titleBrands), flags.accidents, flags.rollbackSuspected, flags.stolen,
                             highestKm, jsonText(outcome.report.toJson()))[0][0]
                .as<qint64>();
        // The notification compares with the fleet's mileage as it is now.
        const pqxx::result car =
            transaction.exec_params("SELECT mileage_km FROM cars WHERE vin = $1", vin.toStdString());
        if (!car.empty())
            outcome.report.fleetMileageKm = intOf(car[0][0]);
        transaction.exec_params("UPDATE vin_requests SET status = 'done', finished_at = now(), report_id = $2 "
                                "WHERE id = $1",
                                requestId, reportId);
        break;
    }
    }
    Outbox::wake(transaction, QStringLiteral("vin_request:%1").arg(requestId));

    // Whoever asked hears once, when the last request of the batch is through. Locking the batch's first
    // request makes the workers finishing requests of one batch take turns, so exactly one sees the end.
    // (Asking whether any is still pending is an index probe; the whole batch is only read at its end.)
    const qint64 headId = transaction
                              .exec_params("SELECT id FROM vin_requests WHERE batch_id = $1 ORDER BY id LIMIT 1 "
                                           "FOR UPDATE",
                                           batchId)[0][0]
                              .as<qint64>();
    if (transaction
            .exec_params("SELECT EXISTS (SELECT 1 FROM vin_requests WHERE batch_id = $1 AND status = 'pending')",
                         batchId)[0][0]
            .as<bool>())
        return;
    const pqxx::row summary =
        transaction.exec_params("SELECT count(*) FILTER (WHERE q.status = 'failed'), count(*), min(q.requested_by), "
                                "  min(r.vehicle), min(q.error), min(coalesce(q.car_id, 0)) "
                                "FROM vin_requests q LEFT JOIN vin_reports r ON r.id = q.report_id "
                                "WHERE q.batch_id = $1",
                                batchId)[0];
    const qint64 failed = summary[0].as<qint64>();
    const qint64 total = summary[1].as<qint64>();
    const QString recipient = textOf(summary[2]);
    QString title;
    QString body;
    if (total == 1) {
        if (failed) {
            title = tr("VIN report failed: %1").arg(vin);
            body = textOf(summary[4]);
        } else {
            const QString vehicle = textOf(summary[3]);
            title = tr("VIN report ready: %1").arg(vehicle.isEmpty() ? vin : vehicle);
            body = tr("%1: %2").arg(
                vin, (outcome.kind == Outcome::Store ? outcome.report.flags() : VinReport::Flags()).findings());
            if (outcome.kind == Outcome::Reuse)
                body = tr("%1: a recent report was reused.").arg(vin);
        }
    } else {
        title = failed
                    ? tr("%1 of %n VIN reports ready, %2 failed", nullptr, int(total)).arg(total - failed).arg(failed)
                    : tr("%n VIN report(s) ready", nullptr, int(total));
        body = tr("Open VIN reports to see them.");
    }
    const qint64 carId = summary[5].as<qint64>();
    const pqxx::result added = transaction.exec_params(
        "INSERT INTO notifications (recipient, title, body, car_id, vin_request_id, source_event) "
        "VALUES ($1, $2, $3, nullif($4, 0), $5, $6) "
        "ON CONFLICT (source_event) WHERE vin_request_id IS NOT NULL DO NOTHING",
        recipient.toStdString(), title.toStdString(), body.toStdString(), total == 1 ? carId : 0,
        total == 1 ? requestId : headId, event.id);
    if (added.affected_rows() > 0)
        Outbox::wake(transaction, FilterAlerts::changeKey(recipient));
}

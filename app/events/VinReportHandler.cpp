#include "VinReportHandler.h"

#include "Logging.h"
#include "SecretStore.h"
#include "services/NotificationService.h"
#include "vin/HttpHistoryProvider.h"
#include "vin/SimulatedHistoryProvider.h"
#include "vin/VpicClient.h"

#include <QDeadlineTimer>

#include <pqxx/pqxx>

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

    QHash<qint64, PendingVinRequest> pending; // by request id
    QHash<QString, qint64> recent;            // VIN -> a report recent enough to reuse
    {
        pqxx::read_transaction work(connection);
        configure(VinReportService::settings(work));
        QStringList vins;
        for (const PendingVinRequest &request : VinReportService::pendingRequests(work, requestIds)) {
            pending.insert(request.id, request);
            vins.append(request.vin);
        }
        if (m_settings->reuseDays > 0 && !vins.isEmpty())
            recent = VinReportService::recentReports(work, vins, m_settings->reuseDays);
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
    const std::optional<PendingVinRequest> request = VinReportService::lockPendingRequest(transaction, requestId);
    if (!request)
        return; // done or failed meanwhile (an event delivered twice): nothing to do
    const auto prepared = m_prepared.constFind(event.id);
    if (prepared == m_prepared.constEnd()) {
        // Out of the preparer's time: soon again, uncounted. The preparer failed: a counted attempt with
        // backoff, so a fault that repeats does not spin the worker.
        if (m_prepareFinished)
            throw EventPostponed();
        throw std::runtime_error(tr("The VIN report could not be prepared; the worker's log says why.").toStdString());
    }
    const QString &vin = request->vin;

    Outcome outcome = *prepared;
    if (outcome.kind == Outcome::Store && !request->fresh && m_settings->reuseDays > 0) {
        // Another request of the batch in hand may have stored this VIN's report a moment ago.
        const QHash<QString, qint64> stored =
            VinReportService::recentReports(transaction, {vin}, m_settings->reuseDays);
        if (stored.contains(vin)) {
            outcome.kind = Outcome::Reuse;
            outcome.reportId = stored.value(vin);
        }
    }

    switch (outcome.kind) {
    case Outcome::Retry:
        throw std::runtime_error(outcome.reason.toStdString()); // the queue tries again after its backoff
    case Outcome::Fail:
        VinReportService::markFailed(transaction, requestId, outcome.reason);
        break;
    case Outcome::Reuse:
        VinReportService::markDone(transaction, requestId, outcome.reportId, true);
        break;
    case Outcome::Store:
        // The notification compares with the fleet's mileage as it is now.
        outcome.report.fleetMileageKm = VinReportService::fleetMileage(transaction, vin);
        VinReportService::markDone(transaction, requestId, VinReportService::storeReport(transaction, outcome.report),
                                   false);
        break;
    }

    // Whoever asked hears once, when the last request of the batch is through.
    const std::optional<FinishedVinBatch> batch = VinReportService::finishedBatch(transaction, request->batchId);
    if (!batch)
        return;
    NewNotification notification;
    notification.recipient = batch->requestedBy;
    notification.about = NewNotification::About::VinRequest;
    notification.sourceEvent = event.id;
    if (batch->total == 1) {
        notification.aboutId = requestId;
        notification.carId = batch->carId;
        if (batch->failed) {
            notification.title = tr("VIN report failed: %1").arg(vin);
            notification.body = batch->error;
        } else {
            notification.title = tr("VIN report ready: %1").arg(batch->vehicle.isEmpty() ? vin : batch->vehicle);
            notification.body = tr("%1: %2").arg(
                vin, (outcome.kind == Outcome::Store ? outcome.report.flags() : VinReport::Flags()).findings());
            if (outcome.kind == Outcome::Reuse)
                notification.body = tr("%1: a recent report was reused.").arg(vin);
        }
    } else {
        notification.aboutId = batch->firstRequestId;
        notification.title = batch->failed ? tr("%1 of %n VIN reports ready, %2 failed", nullptr, int(batch->total))
                                                 .arg(batch->total - batch->failed)
                                                 .arg(batch->failed)
                                           : tr("%n VIN report(s) ready", nullptr, int(batch->total));
        notification.body = tr("Open VIN reports to see them.");
    }
    NotificationService::add(transaction, notification);
}

#pragma once

#include "outbox/EventQueue.h"
#include "services/VinReportService.h"
#include "vin/VinReport.h"

#include <QCoreApplication>
#include <QHash>

#include <memory>

class HistoryProvider;
class SecretStore;
class VpicClient;

// Carries out VIN report requests (vin.requested, written by VinReportService) in the event worker.
//
// prepare(), before the batch's transaction: reads the settings and the pending requests, reuses a recent
// report where one exists, decodes the others offline, asks vPIC for their specifications (batches of 50)
// and the history provider for their histories. handle(), in the batch's transaction: stores each report
// and marks its request done, or failed with the reason, and notifies whoever asked once the requests
// they made together are all through.
//
// A vPIC lookup or history that could not be fetched is tried again by the queue (with its backoff) until
// the request's `attempts`th attempt; then a report without vPIC's specification is stored (its note says
// why), or the request fails when the history is what is missing.
//
// One handler per worker: prepare() and handle() run on the worker's thread, and the network clients
// belong to it.
class VinReportHandler
{
    Q_DECLARE_TR_FUNCTIONS(VinReportHandler)

public:
    struct Options
    {
        int attempts = 3;
        int prepareBudgetMs = 10000; // requests not prepared by then are postponed to the next batch
    };

    explicit VinReportHandler(std::shared_ptr<SecretStore> secrets, Options options);
    explicit VinReportHandler(std::shared_ptr<SecretStore> secrets);
    ~VinReportHandler();

    void prepare(pqxx::connection &connection, const QList<OutboxEvent> &events);
    void handle(pqxx::transaction_base &transaction, const OutboxEvent &event);

    // Adds the preparer and the handler for vin.requested.
    static void install(EventHandlers &handlers, std::shared_ptr<VinReportHandler> handler);

private:
    struct Outcome
    {
        enum Kind { Store, Reuse, Fail, Retry } kind = Fail;
        VinReport report;    // Store
        qint64 reportId = 0; // Reuse
        QString reason;      // Fail, Retry
    };

    void configure(const VinReportSettings &settings);
    Outcome fetch(const VinDecoding &decoding, const std::optional<VehicleSpec> &spec, const QString &specFailure,
                  bool lastAttempt);

    std::shared_ptr<SecretStore> m_secrets;
    Options m_options;
    std::optional<VinReportSettings> m_settings;
    std::unique_ptr<VpicClient> m_vpic;
    std::unique_ptr<HistoryProvider> m_history;
    QHash<qint64, Outcome> m_prepared; // by event id, for the batch in hand
    bool m_prepareFinished = false;    // false: the last prepare() threw
};

#pragma once

#include "Error.h"
#include "services/PageRequest.h"
#include "vin/VinReport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <pqxx/transaction_base>

#include <optional>

class Database;
class QIODevice;

// One VIN report request as the lists show it.
struct VinRequestRow
{
    qint64 id = 0;
    qint64 batchId = 0;
    QString vin;
    qint64 carId = 0;    // the fleet's car with this VIN, if any
    QString stockNumber; // and its stock number
    QString vehicle;     // "2003 Honda Accord": the fleet's car, else from the report, as far as known
    QString requestedBy;
    QDateTime requestedAt;
    QString status; // pending, done, failed
    QDateTime finishedAt;
    QString error; // why it failed
    qint64 reportId = 0;
    bool reused = false; // done with a recent report instead of asking again
    // While pending: the worker's attempts so far, the last failed one's reason and when it tries again.
    int attempts = 0;
    QString lastAttemptError;
    QDateTime nextAttemptAt;
    // From the report, when done.
    QStringList titleBrands;
    int accidents = 0;
    bool rollbackSuspected = false;
    bool stolen = false;
    bool simulated = false;
    std::optional<int> highestReportedKm; // the report's highest odometer reading
    std::optional<int> fleetMileageKm;    // the fleet's car with this VIN: its mileage now

    // The report's flags as far as the list has them (for VinReport::Flags::findings()).
    VinReport::Flags flags() const
    {
        VinReport::Flags flags;
        flags.titleBrands = titleBrands;
        flags.accidents = accidents;
        flags.rollbackSuspected = rollbackSuspected;
        flags.stolen = stolen;
        if (highestReportedKm)
            flags.highestReading = VinHistory::OdometerReading{{}, *highestReportedKm, {}};
        flags.fleetMileageKm = fleetMileageKm;
        return flags;
    }

    bool operator==(const VinRequestRow &other) const = default;
};

// Which requests a list shows; every condition is optional.
struct VinRequestFilter
{
    QStringList statuses;
    QString vin;       // exactly this VIN (normalised)
    QString text;      // part of the VIN, the stock number or the vehicle
    qint64 carId = 0;  // requests of this car's VIN
    bool mine = false; // only those asked for by the database user of this connection
    QDateTime from;    // requested at or after
    QDateTime to;      // requested before
    // The dashboards' conditions: the request's report has findings of this kind ("accidents", "rollback",
    // "stolen", "title_brands": DashboardService's "findings" keys); the report reused or not.
    QString findings;
    std::optional<bool> reused;

    bool operator==(const VinRequestFilter &other) const = default;
};

// What request() did with the VINs it was given.
struct VinRequestBatch
{
    qint64 batchId = 0;
    QList<qint64> ids;                          // one per distinct valid VIN, in the order given
    QList<std::pair<QString, QString>> refused; // input as given, and why (not a VIN)
    int repeated = 0;                           // VINs given more than once (asked for once)
};

// How the worker makes reports: the settings table, shared by every desk.
struct VinReportSettings
{
    int reuseDays = 30; // a report this recent is reused instead of asking again; 0: always ask
    QUrl vpicUrl;       // empty: no vPIC lookups
    int vpicMinIntervalMs = 250;
    int vpicTimeoutMs = 15000;
    QString historyProvider = QStringLiteral("simulated"); // or "http"
    QUrl historyUrl;

    bool operator==(const VinReportSettings &other) const = default;
};

// A request still pending, as the worker (VinReportHandler) takes it on.
struct PendingVinRequest
{
    qint64 id = 0;
    QString vin;
    bool fresh = false; // ask the providers even when a recent report exists
    qint64 batchId = 0;
};

// A batch of requests once every one of them is through: what whoever asked is told.
struct FinishedVinBatch
{
    qint64 firstRequestId = 0;
    qint64 total = 0;
    qint64 failed = 0;
    QString requestedBy;
    // For a batch of one: its report's vehicle, why it failed, the car it was asked for (0: none).
    QString vehicle;
    QString error;
    qint64 carId = 0;
};

// VIN report requests. A request and its event (vin.requested) are written in one
// transaction; the event worker (VinReportHandler) decodes the VIN, asks vPIC and the history provider,
// stores the report and marks the request done or failed. Blocking: call on a database thread.
class VinReportService
{
    Q_DECLARE_TR_FUNCTIONS(VinReportService)

public:
    // Asks for a report of each VIN. Text that is not a valid VIN is refused with the reason and not
    // written; a VIN given twice is asked for once. `carId`: the car the VINs belong to (its detail panel).
    // `fresh`: ask the providers even when a recent report exists. Fails with InvalidInput when no VIN
    // was valid.
    static Result<VinRequestBatch> request(Database &database, const QStringList &vins, qint64 carId = 0,
                                           bool fresh = false);
    // A report of the car's VIN.
    static Result<VinRequestBatch> requestForCar(Database &database, qint64 carId, bool fresh = false);
    // Failed requests back into the queue (fresh events); returns how many were failed.
    static Result<int> retry(Database &database, const QList<qint64> &requestIds);

    // Newest first, at most `limit`.
    static Result<QList<VinRequestRow>> requests(Database &database, const VinRequestFilter &filter, int limit = 2000);
    // The requests a page at a time, newest first (see KeysetOrder and VinRequestListModel): their rows, how
    // many there are, and the key of every `step`-th row for jumps into the middle.
    static Result<KeyedPage<VinRequestRow>> page(Database &database, const VinRequestFilter &filter,
                                                 const PageRequest &request);
    static Result<qint64> count(Database &database, const VinRequestFilter &filter);
    static Result<QList<PageKey>> anchors(Database &database, const VinRequestFilter &filter, int step);
    // The row of request `id` in the list, or nothing when the filter leaves it out (or it is gone).
    static Result<std::optional<qint64>> position(Database &database, const VinRequestFilter &filter, qint64 id);
    // The report, with the mileage of the fleet's car of its VIN as it is now (VinReport::fleetMileageKm).
    static Result<VinReport> report(Database &database, qint64 reportId);
    // The newest report of a VIN, if any.
    static Result<std::optional<qint64>> latestReportId(Database &database, const QString &vin);

    static Result<VinReportSettings> settings(Database &database);
    static VinReportSettings settings(pqxx::transaction_base &transaction);
    static Result<void> saveSettings(Database &database, const VinReportSettings &settings);

    // The worker's part (VinReportHandler), in the transaction it is given.
    // The requests among `ids` that are still pending.
    static QList<PendingVinRequest> pendingRequests(pqxx::transaction_base &transaction, const QList<qint64> &ids);
    // Request `id`, locked, when it is still pending (a second delivery of its event finds it done).
    static std::optional<PendingVinRequest> lockPendingRequest(pqxx::transaction_base &transaction, qint64 id);
    // The newest report of each of `vins` made in the last `days` days, by VIN.
    static QHash<QString, qint64> recentReports(pqxx::transaction_base &transaction, const QStringList &vins, int days);
    // Stores a new report (its JSON and the summary flags the lists show); returns its id.
    static qint64 storeReport(pqxx::transaction_base &transaction, const VinReport &report);
    // The mileage the fleet records for the car with `vin`, when it is one of the fleet's.
    static std::optional<int> fleetMileage(pqxx::transaction_base &transaction, const QString &vin);
    // Marks a request done with report `reportId` (`reused`: a recent report instead of a new one), or failed
    // with the reason; the lists showing it hear of it at commit.
    static void markDone(pqxx::transaction_base &transaction, qint64 requestId, qint64 reportId, bool reused);
    static void markFailed(pqxx::transaction_base &transaction, qint64 requestId, const QString &reason);
    // The batch once no request of it is pending any more. It locks the batch's first request first, so that
    // workers finishing requests of one batch take turns and exactly one of them sees the end.
    static std::optional<FinishedVinBatch> finishedBatch(pqxx::transaction_base &transaction, qint64 batchId);

    // "Pending", "Done", "Failed" for a status key.
    static QString statusLabel(const QString &status);

    // The VINs in pasted text: one per line, or separated by commas, semicolons, tabs or spaces (a line
    // that is one VIN with spaces or dashes inside stays one VIN). As typed; request() checks them.
    static QStringList vinsFromText(const QString &text);
    // The VIN column of a CSV file (a column named "VIN", "vin_number" or "Fahrgestellnummer" ...;
    // otherwise the first column). Blocking file read.
    static Result<QStringList> vinsFromCsv(QIODevice &device);
};

#include "VinReportService.h"

#include "db/Database.h"
#include "db/Fields.h"
#include "db/SqlArray.h"
#include "domain/Vin.h"
#include "io/CsvReader.h"
#include "outbox/Outbox.h"
#include "services/KeysetOrder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <pqxx/pqxx>

namespace {

std::string msOf(const char *column)
{
    return std::string("(extract(epoch FROM ") + column + ") * 1000)::bigint";
}

// Writes the requests of one batch and their events in the caller's transaction.
VinRequestBatch insertRequests(pqxx::work &work, const QStringList &vins, qint64 carId, bool fresh)
{
    VinRequestBatch batch;
    batch.batchId = work.exec("SELECT nextval('vin_request_batches')")[0][0].as<qint64>();
    const pqxx::result rows = work.exec_params(
        "WITH made AS (INSERT INTO vin_requests (batch_id, vin, car_id, fresh) "
        "  SELECT $2, v, nullif($3, 0), $4 FROM unnest($1::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n "
        "  RETURNING id, vin), "
        "events AS (INSERT INTO outbox_events (topic, aggregate_key, payload) "
        "  SELECT 'vin.requested', 'vin_request:' || id, jsonb_build_object('id', id, 'vin', vin) FROM made) "
        "SELECT id, vin FROM made ORDER BY id",
        textArray(vins), batch.batchId, carId, fresh);
    QHash<QString, qint64> idOf;
    for (const pqxx::row &row : rows)
        idOf.insert(textOf(row[1]), row[0].as<qint64>());
    for (const QString &vin : vins)
        batch.ids.append(idOf.value(vin));
    Outbox::wake(work, QStringLiteral("vin_request:*"));
    return batch;
}

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

} // namespace

Result<VinRequestBatch> VinReportService::request(Database &database, const QStringList &vins, qint64 carId, bool fresh)
{
    QStringList valid;
    QSet<QString> seen;
    VinRequestBatch checked;
    for (const QString &input : vins) {
        const Vin::Check check = Vin::check(input);
        if (!check.valid) {
            checked.refused.append({input, check.errors.join(QLatin1Char(' '))});
            continue;
        }
        if (seen.contains(check.normalised)) {
            ++checked.repeated;
            continue;
        }
        seen.insert(check.normalised);
        valid.append(check.normalised);
    }
    if (valid.isEmpty()) {
        const QString reason =
            checked.refused.isEmpty() ? tr("No VIN was given.") : checked.refused.constFirst().second;
        return std::unexpected(Error{
            Error::Code::InvalidInput,
            checked.refused.size() > 1
                ? tr("None of the %n entries is a valid VIN: %1", nullptr, int(checked.refused.size())).arg(reason)
                : reason});
    }
    return database.guard([&](pqxx::connection &connection) -> Result<VinRequestBatch> {
        pqxx::work work(connection);
        VinRequestBatch batch = insertRequests(work, valid, carId, fresh);
        work.commit();
        batch.refused = checked.refused;
        batch.repeated = checked.repeated;
        return batch;
    });
}

Result<VinRequestBatch> VinReportService::requestForCar(Database &database, qint64 carId, bool fresh)
{
    return database.guard([&](pqxx::connection &connection) -> Result<VinRequestBatch> {
        pqxx::work work(connection);
        const pqxx::result car = work.exec_params("SELECT vin FROM cars WHERE id = $1", carId);
        if (car.empty())
            return std::unexpected(Error{Error::Code::NotFound, tr("The car is no longer there.")});
        VinRequestBatch batch = insertRequests(work, {textOf(car[0][0])}, carId, fresh);
        work.commit();
        return batch;
    });
}

Result<int> VinReportService::retry(Database &database, const QList<qint64> &requestIds)
{
    return database.guard([&](pqxx::connection &connection) -> Result<int> {
        pqxx::work work(connection);
        const pqxx::result rows = work.exec_params(
            "WITH again AS (UPDATE vin_requests SET status = 'pending', finished_at = NULL, error = NULL "
            "  WHERE id = ANY($1::bigint[]) AND status = 'failed' RETURNING id, vin), "
            "events AS (INSERT INTO outbox_events (topic, aggregate_key, payload) "
            "  SELECT 'vin.requested', 'vin_request:' || id, jsonb_build_object('id', id, 'vin', vin, 'retry', true) "
            "  FROM again) "
            "SELECT count(*) FROM again",
            idArray(requestIds));
        const int count = rows[0][0].as<int>();
        if (count > 0)
            Outbox::wake(work, QStringLiteral("vin_request:*"));
        work.commit();
        return count;
    });
}

namespace {

// The columns of a request row (requestFrom()) over the request q and the tables beside it (kRequestTables).
const std::string kRequestColumns =
    "q.id, q.batch_id, q.vin, coalesce(c.id, 0), c.stock_number, "
    "coalesce(c.model_year || ' ' || c.make || ' ' || c.model, nullif(r.vehicle, ''), ''), q.requested_by, " +
    msOf("q.requested_at") + ", q.status, " + msOf("q.finished_at") +
    ", q.error, coalesce(q.report_id, 0), q.reused, coalesce(e.attempts, 0), e.last_error, " + msOf("e.not_before") +
    ", r.title_brands, coalesce(r.accidents, 0), coalesce(r.rollback_suspected, false), coalesce(r.stolen, false), "
    "coalesce(r.simulated, false), r.highest_odometer_km, c.mileage_km";
constexpr const char *kRequestTables =
    " LEFT JOIN cars c ON c.vin = q.vin" // a car of the fleet, however the VIN was asked for
    " LEFT JOIN vin_reports r ON r.id = q.report_id"
    " LEFT JOIN LATERAL (SELECT attempts, last_error, not_before FROM outbox_events o"
    "  WHERE q.status = 'pending' AND o.aggregate_key = 'vin_request:' || q.id ORDER BY o.id LIMIT 1) e ON true";

VinRequestRow requestFrom(const pqxx::row &row)
{
    VinRequestRow request;
    request.id = row[0].as<qint64>();
    request.batchId = row[1].as<qint64>();
    request.vin = textOf(row[2]);
    request.carId = row[3].as<qint64>();
    request.stockNumber = textOf(row[4]);
    request.vehicle = textOf(row[5]);
    request.requestedBy = textOf(row[6]);
    request.requestedAt = utcTimeOf(row[7]);
    request.status = textOf(row[8]);
    request.finishedAt = utcTimeOf(row[9]);
    request.error = textOf(row[10]);
    request.reportId = row[11].as<qint64>();
    request.reused = row[12].as<bool>();
    request.attempts = row[13].as<int>(); // counted when a worker takes the event
    request.lastAttemptError = textOf(row[14]);
    request.nextAttemptAt = utcTimeOf(row[15]);
    request.titleBrands = textListOf(row[16]);
    request.accidents = row[17].as<int>();
    request.rollbackSuspected = row[18].as<bool>();
    request.stolen = row[19].as<bool>();
    request.simulated = row[20].as<bool>();
    request.highestReportedKm = intOf(row[21]);
    request.fleetMileageKm = intOf(row[22]);
    return request;
}

// Newest first (the index of migration 0012); the id breaks ties.
KeysetOrder requestOrder()
{
    return KeysetOrder({{"q.requested_at", "timestamptz"}}, "q.id", Qt::DescendingOrder);
}

// " FROM vin_requests q … WHERE …": the requests that pass the filter.
std::string requestsWhere(const VinRequestFilter &filter, std::vector<std::string> &params)
{
    const auto param = [&](std::string value, const char *type) {
        params.push_back(std::move(value));
        return "$" + std::to_string(params.size()) + "::" + type;
    };
    const QString text = filter.text.trimmed();
    std::string sql = " FROM vin_requests q";
    if (!text.isEmpty() || filter.carId > 0)
        sql += " LEFT JOIN cars c ON c.vin = q.vin";
    if (!text.isEmpty() || !filter.findings.isEmpty())
        sql += " LEFT JOIN vin_reports r ON r.id = q.report_id";
    sql += " WHERE true";
    if (!filter.statuses.isEmpty())
        sql += " AND q.status = ANY(" + param(textArray(filter.statuses), "text[]") + ")";
    if (!text.isEmpty()) {
        const std::string pattern = param(likePattern(text), "text");
        sql += " AND (q.vin ILIKE " + pattern + " OR c.stock_number ILIKE " + pattern + " OR r.vehicle ILIKE " +
               pattern + " OR (c.make || ' ' || c.model) ILIKE " + pattern + ")";
    }
    if (filter.carId > 0)
        sql += " AND c.id = " + param(std::to_string(filter.carId), "bigint");
    if (filter.mine)
        sql += " AND q.requested_by = current_user";
    if (filter.from.isValid())
        sql += " AND q.requested_at >= " +
               param(filter.from.toUTC().toString(Qt::ISODateWithMs).toStdString(), "timestamptz");
    if (filter.to.isValid())
        sql += " AND q.requested_at < " +
               param(filter.to.toUTC().toString(Qt::ISODateWithMs).toStdString(), "timestamptz");
    if (!filter.vin.isEmpty())
        sql += " AND q.vin = " + param(filter.vin.toStdString(), "text");
    // As the dashboards count them (migration 0016, dash_vin_findings).
    if (filter.findings == QLatin1String("accidents"))
        sql += " AND r.accidents > 0";
    else if (filter.findings == QLatin1String("rollback"))
        sql += " AND r.rollback_suspected";
    else if (filter.findings == QLatin1String("stolen"))
        sql += " AND r.stolen";
    else if (filter.findings == QLatin1String("title_brands"))
        sql += " AND cardinality(r.title_brands) > 0";
    else if (!filter.findings.isEmpty())
        sql += " AND false"; // a kind of finding there is not
    if (filter.reused)
        sql += *filter.reused ? " AND q.reused" : " AND NOT q.reused";
    return sql;
}

} // namespace

Result<QList<VinRequestRow>> VinReportService::requests(Database &database, const VinRequestFilter &filter, int limit)
{
    PageRequest request;
    request.limit = limit;
    auto rows = page(database, filter, request);
    if (!rows)
        return std::unexpected(rows.error());
    return rows->rows;
}

Result<KeyedPage<VinRequestRow>> VinReportService::page(Database &database, const VinRequestFilter &filter,
                                                        const PageRequest &request)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        std::vector<std::string> params;
        const KeysetOrder order = requestOrder();
        const std::string where = requestsWhere(filter, params);
        const std::string sql = order.page(request, kRequestColumns, where,
                                           std::string(" JOIN vin_requests q ON q.id = k.id") + kRequestTables, params);
        return order.readPage(work.exec_params(sql, pqxx::prepare::make_dynamic_params(params)), request, requestFrom);
    });
}

Result<qint64> VinReportService::count(Database &database, const VinRequestFilter &filter)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        std::vector<std::string> params;
        const std::string sql = "SELECT count(*)" + requestsWhere(filter, params);
        return work.exec_params(sql, pqxx::prepare::make_dynamic_params(params))[0][0].as<qint64>();
    });
}

Result<QList<PageKey>> VinReportService::anchors(Database &database, const VinRequestFilter &filter, int step)
{
    return database.guard([&](pqxx::connection &connection) {
        pqxx::read_transaction work(connection);
        std::vector<std::string> params;
        const KeysetOrder order = requestOrder();
        const std::string where = requestsWhere(filter, params);
        return order.keysOf(work.exec_params(order.anchors(where, step), pqxx::prepare::make_dynamic_params(params)));
    });
}

Result<std::optional<qint64>> VinReportService::position(Database &database, const VinRequestFilter &filter, qint64 id)
{
    return database.guard([&](pqxx::connection &connection) -> std::optional<qint64> {
        pqxx::read_transaction work(connection);
        std::vector<std::string> params;
        const std::string where = requestsWhere(filter, params);
        params.push_back(std::to_string(id));
        const std::string sql =
            requestOrder().position(where, " FROM vin_requests q", "$" + std::to_string(params.size()) + "::bigint");
        const pqxx::field row = work.exec_params(sql, pqxx::prepare::make_dynamic_params(params))[0][0];
        return row.is_null() ? std::nullopt : std::optional(row.as<qint64>());
    });
}

Result<VinReport> VinReportService::report(Database &database, qint64 reportId)
{
    return database.guard([&](pqxx::connection &connection) -> Result<VinReport> {
        pqxx::read_transaction work(connection);
        const pqxx::result rows = work.exec_params(
            "SELECT r.report::text, c.mileage_km FROM vin_reports r LEFT JOIN cars c ON c.vin = r.vin WHERE r.id = $1",
            reportId);
        if (rows.empty())
            return std::unexpected(
                Error{Error::Code::NotFound, tr("VIN report #%1 is no longer there.").arg(reportId)});
        VinReport report = VinReport::fromJson(jsonObjectOf(rows[0][0]));
        report.fleetMileageKm = intOf(rows[0][1]);
        return report;
    });
}

Result<std::optional<qint64>> VinReportService::latestReportId(Database &database, const QString &vin)
{
    return database.guard([&](pqxx::connection &connection) -> Result<std::optional<qint64>> {
        pqxx::read_transaction work(connection);
        const pqxx::result rows =
            work.exec_params("SELECT id FROM vin_reports WHERE vin = $1 ORDER BY created_at DESC LIMIT 1",
                             Vin::normalise(vin).toStdString());
        if (rows.empty())
            return std::optional<qint64>();
        return std::optional<qint64>(rows[0][0].as<qint64>());
    });
}

VinReportSettings VinReportService::settings(pqxx::transaction_base &transaction)
{
    VinReportSettings settings;
    for (const pqxx::row &row : transaction.exec("SELECT key, value #>> '{}' FROM settings WHERE key LIKE 'vin\\_%'")) {
        const QString key = textOf(row[0]);
        const QString value = textOf(row[1]);
        bool number = false;
        const int asInt = value.toInt(&number);
        if (key == QLatin1String("vin_report_reuse_days") && number)
            settings.reuseDays = std::max(0, asInt);
        else if (key == QLatin1String("vin_vpic_url"))
            settings.vpicUrl = QUrl(value.trimmed());
        else if (key == QLatin1String("vin_vpic_min_interval_ms") && number)
            settings.vpicMinIntervalMs = std::max(0, asInt);
        else if (key == QLatin1String("vin_vpic_timeout_ms") && number)
            settings.vpicTimeoutMs = std::max(100, asInt);
        else if (key == QLatin1String("vin_history_provider"))
            settings.historyProvider = value.trimmed();
        else if (key == QLatin1String("vin_history_url"))
            settings.historyUrl = QUrl(value.trimmed());
    }
    return settings;
}

Result<VinReportSettings> VinReportService::settings(Database &database)
{
    return database.guard([&](pqxx::connection &connection) -> Result<VinReportSettings> {
        pqxx::read_transaction work(connection);
        return settings(work);
    });
}

Result<void> VinReportService::saveSettings(Database &database, const VinReportSettings &settings)
{
    if (settings.vpicUrl.isValid() && !settings.vpicUrl.isEmpty() &&
        !settings.vpicUrl.scheme().startsWith(QLatin1String("http")))
        return std::unexpected(
            Error{Error::Code::InvalidInput, tr("The vPIC address must start with https:// (or http://).")});
    if (settings.historyProvider != QLatin1String("simulated") && settings.historyProvider != QLatin1String("http"))
        return std::unexpected(
            Error{Error::Code::InvalidInput, tr("Unknown history provider \"%1\".").arg(settings.historyProvider)});
    if (settings.historyProvider == QLatin1String("http") &&
        (!settings.historyUrl.isValid() || !settings.historyUrl.scheme().startsWith(QLatin1String("http"))))
        return std::unexpected(
            Error{Error::Code::InvalidInput, tr("Enter the history service's address, starting with https://.")});
    return database.guard([&](pqxx::connection &connection) -> Result<void> {
        pqxx::work work(connection);
        const auto put = [&work](const char *key, const QJsonValue &value) {
            const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
            // [value] -> value: QJsonDocument cannot hold a bare scalar.
            work.exec_params(
                "INSERT INTO settings (key, value) VALUES ($1, ($2::jsonb)->0) ON CONFLICT (key) DO UPDATE "
                "SET value = EXCLUDED.value, updated_at = now()",
                key, json.toStdString());
        };
        put("vin_report_reuse_days", settings.reuseDays);
        put("vin_vpic_url", settings.vpicUrl.toString());
        put("vin_vpic_min_interval_ms", settings.vpicMinIntervalMs);
        put("vin_vpic_timeout_ms", settings.vpicTimeoutMs);
        put("vin_history_provider", settings.historyProvider);
        put("vin_history_url", settings.historyUrl.toString());
        work.commit();
        return {};
    });
}

QList<PendingVinRequest> VinReportService::pendingRequests(pqxx::transaction_base &transaction,
                                                           const QList<qint64> &ids)
{
    QList<PendingVinRequest> pending;
    for (const pqxx::row &row : transaction.exec_params("SELECT id, vin, fresh, batch_id FROM vin_requests "
                                                        "WHERE id = ANY($1::bigint[]) AND status = 'pending'",
                                                        idArray(ids)))
        pending.append({row[0].as<qint64>(), textOf(row[1]), row[2].as<bool>(), row[3].as<qint64>()});
    return pending;
}

std::optional<PendingVinRequest> VinReportService::lockPendingRequest(pqxx::transaction_base &transaction, qint64 id)
{
    const pqxx::result rows = transaction.exec_params(
        "SELECT vin, fresh, batch_id FROM vin_requests WHERE id = $1 AND status = 'pending' FOR UPDATE", id);
    if (rows.empty())
        return std::nullopt;
    return PendingVinRequest{id, textOf(rows[0][0]), rows[0][1].as<bool>(), rows[0][2].as<qint64>()};
}

QHash<QString, qint64> VinReportService::recentReports(pqxx::transaction_base &transaction, const QStringList &vins,
                                                       int days)
{
    QHash<QString, qint64> recent;
    for (const pqxx::row &row :
         transaction.exec_params("SELECT DISTINCT ON (vin) vin, id FROM vin_reports WHERE vin = ANY($1::text[]) "
                                 "AND created_at > now() - $2 * interval '1 day' ORDER BY vin, created_at DESC",
                                 textArray(vins), days))
        recent.insert(textOf(row[0]), row[1].as<qint64>());
    return recent;
}

qint64 VinReportService::storeReport(pqxx::transaction_base &transaction, const VinReport &report)
{
    const VinReport::Flags flags = report.flags();
    const std::optional<int> highestKm = flags.highestReading ? std::optional(flags.highestReading->km) : std::nullopt;
    return transaction
        .exec_params("INSERT INTO vin_reports (vin, provider, simulated, vehicle, title_brands, accidents, "
                     "rollback_suspected, stolen, highest_odometer_km, report) VALUES ($1, $2, $3, $4, "
                     "$5::text[], $6, $7, $8, $9, $10::jsonb) RETURNING id",
                     report.vin.toStdString(), report.history.provider.toStdString(), report.history.simulated,
                     vehicleOf(report).toStdString(), textArray(flags.titleBrands), flags.accidents,
                     flags.rollbackSuspected, flags.stolen, highestKm,
                     QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact).toStdString())[0][0]
        .as<qint64>();
}

std::optional<int> VinReportService::fleetMileage(pqxx::transaction_base &transaction, const QString &vin)
{
    const pqxx::result car = transaction.exec_params("SELECT mileage_km FROM cars WHERE vin = $1", vin.toStdString());
    return car.empty() ? std::nullopt : intOf(car[0][0]);
}

void VinReportService::markDone(pqxx::transaction_base &transaction, qint64 requestId, qint64 reportId, bool reused)
{
    transaction.exec_params("UPDATE vin_requests SET status = 'done', finished_at = now(), report_id = $2, "
                            "reused = $3 WHERE id = $1",
                            requestId, reportId, reused);
    Outbox::wake(transaction, QStringLiteral("vin_request:%1").arg(requestId));
}

void VinReportService::markFailed(pqxx::transaction_base &transaction, qint64 requestId, const QString &reason)
{
    transaction.exec_params("UPDATE vin_requests SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1",
                            requestId, reason.toStdString());
    Outbox::wake(transaction, QStringLiteral("vin_request:%1").arg(requestId));
}

std::optional<FinishedVinBatch> VinReportService::finishedBatch(pqxx::transaction_base &transaction, qint64 batchId)
{
    // Asking whether any is still pending is an index probe; the whole batch is only read at its end.
    const qint64 firstId = transaction
                               .exec_params("SELECT id FROM vin_requests WHERE batch_id = $1 ORDER BY id LIMIT 1 "
                                            "FOR UPDATE",
                                            batchId)[0][0]
                               .as<qint64>();
    if (transaction
            .exec_params("SELECT EXISTS (SELECT 1 FROM vin_requests WHERE batch_id = $1 AND status = 'pending')",
                         batchId)[0][0]
            .as<bool>())
        return std::nullopt;
    const pqxx::row summary =
        transaction.exec_params("SELECT count(*) FILTER (WHERE q.status = 'failed'), count(*), min(q.requested_by), "
                                "  min(r.vehicle), min(q.error), min(coalesce(q.car_id, 0)) "
                                "FROM vin_requests q LEFT JOIN vin_reports r ON r.id = q.report_id "
                                "WHERE q.batch_id = $1",
                                batchId)[0];
    FinishedVinBatch batch;
    batch.firstRequestId = firstId;
    batch.failed = summary[0].as<qint64>();
    batch.total = summary[1].as<qint64>();
    batch.requestedBy = textOf(summary[2]);
    batch.vehicle = textOf(summary[3]);
    batch.error = textOf(summary[4]);
    batch.carId = summary[5].as<qint64>();
    return batch;
}

QString VinReportService::statusLabel(const QString &status)
{
    if (status == QLatin1String("pending"))
        return tr("Pending");
    if (status == QLatin1String("done"))
        return tr("Done");
    if (status == QLatin1String("failed"))
        return tr("Failed");
    return status;
}

QStringList VinReportService::vinsFromText(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\t\\r\\n]+"));
    QStringList vins;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (trimmed.isEmpty())
            continue;
        if (Vin::normalise(trimmed).size() == Vin::Length || !trimmed.contains(QLatin1Char(' '))) {
            vins.append(trimmed);
            continue;
        }
        vins.append(trimmed.split(QLatin1Char(' '), Qt::SkipEmptyParts));
    }
    return vins;
}

Result<QStringList> VinReportService::vinsFromCsv(QIODevice &device)
{
    CsvReader reader(&device);
    const Result<QStringList> header = reader.readHeader();
    if (!header)
        return std::unexpected(header.error());
    qsizetype column = -1;
    for (qsizetype i = 0; i < header->size(); ++i) {
        const QString name = header->at(i).trimmed().toLower().remove(QLatin1Char(' ')).remove(QLatin1Char('_'));
        if (name == QLatin1String("vin") || name == QLatin1String("vinnumber") ||
            name == QLatin1String("chassisnumber") || name == QLatin1String("fahrgestellnummer")) {
            column = i;
            break;
        }
    }
    QStringList vins;
    if (column < 0) {
        // No VIN column: a list of VINs without a header, or a file whose first column holds them.
        if (header->size() != 1)
            return std::unexpected(Error{Error::Code::InvalidInput,
                                         tr("The file has no column named VIN. Name the column that holds the VINs "
                                            "\"VIN\" and try again.")});
        column = 0;
        vins.append(header->constFirst());
    }
    CsvRecord record;
    while (true) {
        const Result<bool> more = reader.next(record);
        if (!more)
            return std::unexpected(more.error());
        if (!*more)
            break;
        const QString vin = record.fields.value(column).trimmed();
        if (!vin.isEmpty())
            vins.append(vin);
    }
    return vins;
}

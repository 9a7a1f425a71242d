#include "CarImportService.h"

#include "db/BulkLoad.h"
#include "db/CopyValue.h"
#include "db/Cursor.h"
#include "db/Database.h"
#include "db/Fields.h"
#include "domain/CarVocabulary.h"
#include "outbox/Outbox.h"
#include "services/FleetService.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QIODevice>
#include <QScopeGuard>
#include <QtConcurrent/QtConcurrentRun>

#include <pqxx/pqxx>

#include <algorithm>
#include <array>
#include <deque>

namespace {

constexpr const char *kStaging = "car_import";
constexpr const char *kIssues = "car_import_issue";
constexpr const char *kInserted = "car_import_new";
// The staging table's columns: the line, the stock number, then FleetService::writableColumns().
constexpr size_t kStagingColumnCount = 28;
// Rows are checked in batches on the thread pool while this thread reads and streams; a few batches in
// flight keep every core busy and the memory bounded.
constexpr size_t kBatchSize = 1000;
constexpr size_t kBatchesInFlight = 4;
// From this many new cars on, the statistics of the cars table are renewed before the price history
// (whose foreign-key checks are planned against them) and, when the fleet was empty, the indexes and
// foreign keys of the cars and their price history are built and checked once after the insert rather
// than row by row.
constexpr qint64 kBulkRows = 10'000;

using StagingRow = std::array<CopyValue, kStagingColumnCount>;

// One row of the file after CarValidator. A row without findings keeps only what the duplicate checks and
// the staging table need: the rest is freed on the thread that made it.
struct CheckedRow
{
    qint64 line = 0;
    QString vin;         // normalised; empty when it is not a VIN
    QString stockNumber; // normalised
    QString vinText;     // as in the file
    QString stockNumberText;
    std::optional<StagingRow> staging; // when CarValidator found no error
    bool makeFromVin = false;          // the make, or the model year, was taken from the VIN
    bool yearFromVin = false;
    // For the report, only when there is something to report.
    QStringList fields;
    CarInput input;
    QList<CarIssue> issues;
};

// A VIN or stock number (0-9, A-Z and '-', at most 24 characters) packed into 128 bits, base 38 with
// digits from 1 so that lengths differ: the duplicate checks keep one key per row of the file, and a
// million QStrings would cost hundreds of MB.
struct PackedKey
{
    quint64 low = 0;
    quint64 high = 0;

    bool operator==(const PackedKey &other) const = default;
};

size_t qHash(const PackedKey &key, size_t seed = 0) noexcept
{
    return qHashMulti(seed, key.low, key.high);
}

PackedKey pack(const QString &text)
{
    Q_ASSERT(text.size() <= 24);
    PackedKey key;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        quint64 digit = 37; // '-'
        if (c >= u'0' && c <= u'9')
            digit = c - u'0' + 1;
        else if (c >= u'A' && c <= u'Z')
            digit = c - u'A' + 11;
        quint64 &half = i < 12 ? key.low : key.high; // 38^12 < 2^64
        half = half * 38 + digit;
    }
    return key;
}

std::vector<std::string> stagingColumns()
{
    std::vector<std::string> columns = {"line", "stock_number"};
    for (const std::string &column : FleetService::writableColumns())
        columns.push_back(column == "branch_id" ? "location" : column);
    Q_ASSERT(columns.size() == kStagingColumnCount);
    return columns;
}

// The staging table takes its column types from the cars table; the branch is its code.
std::string createStagingSql()
{
    std::string select = "NULL::bigint AS line, stock_number";
    for (const std::string &column : FleetService::writableColumns())
        select += column == "branch_id" ? ", NULL::text AS location" : ", " + column;
    return "CREATE TEMP TABLE " + std::string(kStaging) + " ON COMMIT DROP AS SELECT " + select +
           " FROM cars WITH NO DATA";
}

std::string join(const std::vector<std::string> &parts)
{
    std::string text;
    for (const std::string &part : parts)
        text += (text.empty() ? "" : ", ") + part;
    return text;
}

Error cancelled()
{
    return {Error::Code::InvalidInput, CarImportService::tr("The import was cancelled; nothing was imported.")};
}

class Importer
{
public:
    Importer(QIODevice &device, const CarImportOptions &options, const std::function<bool(qint64, qint64)> &progress)
        : m_reader(&device, readerOptions(options))
        , m_options(options)
        , m_progress(progress)
        , m_total(device.isSequential() ? 0 : device.size() - device.pos())
    {
        m_fieldColumn.fill(-1);
    }

    Result<void> readHeader();
    Result<CarImportSummary> run(pqxx::connection &connection);

private:
    static CsvReader::Options readerOptions(const CarImportOptions &options)
    {
        CsvReader::Options reader;
        reader.delimiter = options.delimiter;
        return reader;
    }

    int columnOf(CarField field) const { return m_fieldColumn.at(static_cast<size_t>(field)); }
    QString columnName(CarField field) const;
    bool canceled() { return m_progress && !m_progress(m_reader.bytesRead(), m_total); }
    void report(CarImportIssue issue);

    Result<void> readRows(pqxx::stream_to &stream);
    std::vector<CheckedRow> validate(std::vector<CsvRecord> records) const;
    bool checkRow(const CheckedRow &row);
    qint64 checkAgainstFleet(pqxx::work &work);
    void countDryRun(pqxx::work &work);
    void merge(pqxx::work &work);

    // The mapped fields as (cars column, new value) for an upsert; columns the file lacks are kept.
    std::vector<std::pair<std::string, std::string>> assignments() const;
    std::string differsSql() const;
    std::string updateSql() const;
    QStringList unrecordedColumns() const;
    std::string insertSql() const;

    CsvReader m_reader;
    const CarImportOptions &m_options;
    const std::function<bool(qint64, qint64)> &m_progress;
    qint64 m_total = 0;
    CarValidationOptions m_validation;
    CarImportSummary m_summary;

    QStringList m_header;
    std::vector<std::pair<int, CarField>> m_columns; // (column, field) of every mapped column
    std::array<int, 27> m_fieldColumn{};             // per CarField: its column, or -1
    QHash<PackedKey, qint64> m_vinLines;             // the first line of every VIN
    QHash<PackedKey, qint64> m_stockLines;           // the first line of every stock number
    qint64 m_highestStockSerial = 0;                 // of the stock numbers "A<digits>" in the file
    qint64 m_staged = 0;                             // rows sent to the staging table
};

QString Importer::columnName(CarField field) const
{
    const int column = columnOf(field);
    return column >= 0 ? m_header.at(column) : CarCsvColumns::headerFor(field);
}

void Importer::report(CarImportIssue issue)
{
    if (issue.severity == CarIssue::Severity::Error)
        ++m_summary.errors;
    else
        ++m_summary.warnings;
    if (m_options.onIssue)
        m_options.onIssue(issue);
}

Result<void> Importer::readHeader()
{
    const Result<QStringList> header = m_reader.readHeader();
    if (!header)
        return std::unexpected(header.error());
    m_header = *header;
    const CarColumnMapping mapping = m_options.mapping.value_or(CarCsvColumns::guess(m_header));
    for (int column = 0; column < m_header.size(); ++column) {
        const std::optional<CarField> field = mapping.columnField.value(column);
        if (field && columnOf(*field) < 0) {
            m_fieldColumn.at(static_cast<size_t>(*field)) = column;
            m_columns.emplace_back(column, *field);
        } else if (!m_header.at(column).trimmed().isEmpty()) {
            m_summary.ignoredColumns << m_header.at(column);
        }
    }

    // A default is checked once here, not refused again on every row.
    for (auto it = m_options.defaults.cbegin(); it != m_options.defaults.cend(); ++it) {
        const std::optional<CarVocabulary::Kind> kind = CarValidator::vocabularyOf(it.key());
        if (!kind || CarVocabulary::meansNotStated(it.value()) || CarVocabulary::normalise(*kind, it.value()))
            continue;
        return std::unexpected(
            Error{Error::Code::InvalidInput,
                  CarImportService::tr("\"%1\" cannot be the default %2. Use one of: %3.")
                      .arg(it.value(), CarVocabulary::kindLabel(*kind), CarVocabulary::acceptedValues(*kind))});
    }

    QStringList missing;
    for (const CarField field : CarCsvColumns::requiredFields()) {
        if (columnOf(field) < 0)
            missing << CarValidator::fieldLabel(field);
    }
    if (!missing.isEmpty()) {
        QStringList shown = m_header.mid(0, 12);
        if (m_header.size() > shown.size())
            shown << QStringLiteral("...");
        return std::unexpected(
            Error{Error::Code::InvalidInput,
                  CarImportService::tr("The file has no column for: %1. Add the missing columns (or say which column "
                                       "holds them) and try again. The file's columns are: %2.")
                      .arg(missing.join(QStringLiteral(", ")), shown.join(QStringLiteral(", ")))});
    }
    return {};
}

// The file's own checks of one row: its fields, CarValidator, and the VINs and stock numbers of earlier
// rows. True when the row can go into the staging table.
bool Importer::checkRow(const CheckedRow &row)
{
    bool refused = !row.staging;
    m_summary.makesFromVin += row.makeFromVin ? 1 : 0;
    m_summary.yearsFromVin += row.yearFromVin ? 1 : 0;
    for (qsizetype i = m_header.size(); i < row.fields.size(); ++i) {
        if (row.fields.at(i).trimmed().isEmpty())
            continue;
        report({row.line, CarImportService::tr("column %1").arg(i + 1), row.fields.at(i),
                CarImportService::tr("The row has %1 fields, but the header has %2 columns. Put values that contain "
                                     "the delimiter in double quotes.")
                    .arg(row.fields.size())
                    .arg(m_header.size()),
                CarIssue::Severity::Error, CarImportIssue::Kind::ExtraFields});
        refused = true;
        break;
    }
    for (const CarIssue &issue : row.issues) {
        report({row.line, columnName(issue.field), row.input.value(issue.field), issue.message, issue.severity,
                CarImportIssue::Kind::Invalid});
    }

    // The first row with a VIN takes it, even when that row is refused for something else.
    if (!row.vin.isEmpty()) {
        const PackedKey key = pack(row.vin);
        if (const auto first = m_vinLines.constFind(key); first != m_vinLines.constEnd()) {
            report({row.line, columnName(CarField::Vin), row.vinText,
                    CarImportService::tr("The VIN %1 is already on line %2 of the file; only the first row with a VIN "
                                         "is imported. Remove the repeated row.")
                        .arg(row.vin)
                        .arg(*first),
                    CarIssue::Severity::Error, CarImportIssue::Kind::DuplicateVin, *first});
            return false;
        }
        m_vinLines.insert(key, row.line);
    }
    if (refused)
        return false;

    if (!row.stockNumber.isEmpty()) {
        const PackedKey key = pack(row.stockNumber);
        if (const auto first = m_stockLines.constFind(key); first != m_stockLines.constEnd()) {
            report({row.line, columnName(CarField::StockNumber), row.stockNumberText,
                    CarImportService::tr("The stock number %1 is already on line %2 of the file, for another car. "
                                         "Give each car its own stock number, or leave it empty to have the car "
                                         "numbered automatically.")
                        .arg(row.stockNumber)
                        .arg(*first),
                    CarIssue::Severity::Error, CarImportIssue::Kind::DuplicateStockNumber, *first});
            return false;
        }
        m_stockLines.insert(key, row.line);
        if (row.stockNumber.size() > 1 && row.stockNumber.size() < 19 && row.stockNumber.front() == u'A') {
            bool number = false;
            const qint64 serial = QStringView(row.stockNumber).mid(1).toLongLong(&number);
            if (number && row.stockNumber.at(1) != u'-')
                m_highestStockSerial = std::max(m_highestStockSerial, serial);
        }
    }
    return true;
}

// Maps, validates and encodes a batch of rows: pure, so it runs on the thread pool.
std::vector<CheckedRow> Importer::validate(std::vector<CsvRecord> records) const
{
    std::vector<CheckedRow> rows(records.size());
    CarInput input;
    for (size_t i = 0; i < records.size(); ++i) {
        CheckedRow &row = rows[i];
        CsvRecord &record = records[i];
        row.line = record.line;
        for (const auto &[column, field] : m_columns)
            input.setValue(field, record.fields.value(column));
        for (auto it = m_options.defaults.cbegin(); it != m_options.defaults.cend(); ++it) {
            const QString value = input.value(it.key());
            if (value.trimmed().isEmpty() ||
                (CarValidator::vocabularyOf(it.key()) && CarVocabulary::meansNotStated(value)))
                input.setValue(it.key(), it.value());
        }
        CarValidation validation = CarValidator::validate(input, m_validation);
        const CarRecord &car = validation.record;
        row.makeFromVin = input.make.trimmed().isEmpty() && !car.make.isEmpty();
        row.yearFromVin = input.modelYear.trimmed().isEmpty() && car.modelYear > 0;
        row.vin = car.vin;
        row.stockNumber = car.stockNumber;
        row.vinText = input.vin;
        row.stockNumberText = input.stockNumber;
        if (record.fields.size() > m_header.size())
            row.fields = std::move(record.fields);
        const bool valid = validation.isValid();
        if (!validation.issues.isEmpty()) {
            row.input = input;
            row.issues = std::move(validation.issues);
        }
        if (!valid)
            continue;
        StagingRow &staging = row.staging.emplace();
        staging[0] = CopyValue(row.line);
        staging[1] = car.stockNumber.isEmpty() ? CopyValue() : CopyValue(car.stockNumber);
        std::vector<CopyValue> values = FleetService::writableValues(car);
        Q_ASSERT(values.size() + 2 == staging.size());
        std::move(values.begin(), values.end(), staging.begin() + 2);
    }
    return rows;
}

Result<void> Importer::readRows(pqxx::stream_to &stream)
{
    std::deque<QFuture<std::vector<CheckedRow>>> pending;
    // The batches in flight use this object: wait for them whichever way this function returns.
    const auto waitForPending = qScopeGuard([&] {
        for (QFuture<std::vector<CheckedRow>> &batch : pending)
            batch.waitForFinished();
    });
    const auto streamOldest = [&] {
        std::vector<CheckedRow> rows = pending.front().takeResult();
        pending.pop_front();
        for (CheckedRow &row : rows) {
            ++m_summary.rows;
            if (!checkRow(row)) {
                ++m_summary.refused;
                continue;
            }
            stream << *row.staging;
            ++m_staged;
        }
    };

    for (bool more = true; more;) {
        std::vector<CsvRecord> records;
        records.reserve(kBatchSize);
        while (records.size() < kBatchSize) {
            CsvRecord &record = records.emplace_back();
            const Result<bool> next = m_reader.next(record);
            if (!next)
                return std::unexpected(next.error());
            if (!*next) {
                records.pop_back();
                more = false;
                break;
            }
        }
        if (canceled())
            return std::unexpected(cancelled());
        if (!records.empty())
            pending.push_back(
                QtConcurrent::run([this, batch = std::move(records)]() mutable { return validate(std::move(batch)); }));
        while (!pending.empty() && (pending.size() >= kBatchesInFlight || !more))
            streamOldest();
    }
    return {};
}

// The set-based checks of the staged rows against the fleet. Reports each finding; returns the number
// of rows refused.
qint64 Importer::checkAgainstFleet(pqxx::work &work)
{
    const bool insert = m_options.mode == CarImportOptions::Mode::Insert;
    std::string sql = "CREATE TEMP TABLE " + std::string(kIssues) +
                      " ON COMMIT DROP AS "
                      "SELECT s.line, 'location' AS kind, s.location AS value, NULL::text AS other FROM car_import s "
                      "WHERE s.location IS NOT NULL AND NOT EXISTS (SELECT FROM branches b WHERE b.code = s.location) "
                      "UNION ALL SELECT s.line, 'stock', s.stock_number, c.vin FROM car_import s "
                      "JOIN cars c ON c.stock_number = s.stock_number WHERE c.vin <> s.vin";
    if (insert)
        sql += " UNION ALL SELECT s.line, 'vin', s.vin, c.stock_number FROM car_import s JOIN cars c ON c.vin = s.vin";
    // A car becomes sold only with its sale (Fleet › Sell…), as FleetService::create and update insist: a row
    // may not make a new car, or one not sold now, sold; nor put a car with a sale back in stock. The status of
    // a car in the fleet changes only when the file has the column (upsert keeps the columns it lacks).
    const bool statusWritten =
        insert || std::ranges::any_of(m_columns, [](const auto &mapped) { return mapped.second == CarField::Status; });
    sql += " UNION ALL SELECT s.line, 'sold', s.status, NULL FROM car_import s LEFT JOIN cars c ON c.vin = s.vin "
           "WHERE s.status = 'sold' AND ";
    sql += statusWritten ? "(c.id IS NULL OR c.status <> 'sold')" : "c.id IS NULL";
    if (statusWritten && !insert)
        sql += " UNION ALL SELECT s.line, 'unsold', s.status, c.stock_number FROM car_import s "
               "JOIN cars c ON c.vin = s.vin WHERE c.status = 'sold' AND s.status NOT IN ('sold', 'retired') "
               "AND EXISTS (SELECT FROM car_sales x WHERE x.car_id = c.id AND x.voided_at IS NULL)";
    work.exec(sql);

    std::optional<QString> branchCodes;
    qint64 refused = 0;
    qint64 lastLine = 0;
    Cursor::forEachRow(
        work, "SELECT line, kind, value, other FROM " + std::string(kIssues) + " ORDER BY line, kind", {},
        [&](const pqxx::row &row) {
            CarImportIssue issue;
            issue.line = row[0].as<qint64>();
            const std::string_view kind = row[1].c_str();
            issue.value = textOf(row[2]);
            const QString other = textOf(row[3]);
            if (kind == "location") {
                if (!branchCodes)
                    branchCodes = textOf(
                        work.exec1("SELECT coalesce(string_agg(code, ', ' ORDER BY code), '') FROM branches")[0]);
                issue.kind = CarImportIssue::Kind::UnknownLocation;
                issue.column = columnName(CarField::Location);
                issue.message =
                    branchCodes->isEmpty()
                        ? CarImportService::tr("There is no location with the code %1: the dealership has no "
                                               "locations yet. Add the location first, or leave the field empty.")
                              .arg(issue.value)
                        : CarImportService::tr("There is no location with the code %1. Use the code of one of the "
                                               "dealership's locations (%2), or leave the field empty.")
                              .arg(issue.value, *branchCodes);
            } else if (kind == "sold" || kind == "unsold") {
                // A row that would make a car sold without its sale, or put a car with a sale back in stock.
                issue.kind = CarImportIssue::Kind::SoldWithoutSale;
                issue.column = columnName(CarField::Status);
                issue.message = kind == "sold"
                                    ? CarImportService::tr("A car becomes sold by recording its sale, not by an "
                                                           "import. Import the car with another status, then use "
                                                           "Fleet › Sell… to record its sale (date, price, buyer).")
                                    : CarImportService::tr("Stock #%1 has a recorded sale and stays Sold. To put it "
                                                           "back in stock, void its sale in Fleet (Void sale…), or "
                                                           "import it as sold.")
                                          .arg(other);
            } else if (kind == "stock") {
                issue.kind = CarImportIssue::Kind::StockNumberTaken;
                issue.column = columnName(CarField::StockNumber);
                issue.message = CarImportService::tr("The stock number %1 already belongs to another car (VIN %2). "
                                                     "Change it, or leave it empty to have the car numbered "
                                                     "automatically.")
                                    .arg(issue.value, other);
            } else {
                issue.kind = CarImportIssue::Kind::VinExists;
                issue.column = columnName(CarField::Vin);
                issue.message = CarImportService::tr("The VIN %1 already belongs to stock #%2 in the fleet. Import "
                                                     "in upsert mode to update cars that exist, or remove the row.")
                                    .arg(issue.value, other);
            }
            if (issue.line != lastLine)
                ++refused;
            lastLine = issue.line;
            report(issue);
            return true;
        },
        // Issues are few, or as many as the rows: a fetch this size keeps the round trips few either way.
        20000);
    return refused;
}

std::vector<std::pair<std::string, std::string>> Importer::assignments() const
{
    std::vector<std::pair<std::string, std::string>> result;
    for (const auto &[column, field] : m_columns) {
        if (field == CarField::Vin)
            continue;
        if (field == CarField::StockNumber)
            result.emplace_back("stock_number", "coalesce(s.stock_number, c.stock_number)");
        else if (field == CarField::Location)
            result.emplace_back("branch_id", "b.id");
        else if (field == CarField::VehicleClass) // an empty cell keeps the car's class
            result.emplace_back("vehicle_class", FleetService::vehicleClassSql("s.vehicle_class", "c.vehicle_class",
                                                                               "s.body_type", "s.list_price"));
        else
            result.emplace_back(CarValidator::fieldKey(field).toStdString(),
                                "s." + CarValidator::fieldKey(field).toStdString());
    }
    return result;
}

// True for a staged row ("s", with its branch "b") that would change its car ("c").
std::string Importer::differsSql() const
{
    std::vector<std::string> current;
    std::vector<std::string> wanted;
    for (const auto &[column, value] : assignments()) {
        current.push_back("c." + column);
        wanted.push_back(value);
    }
    return "ROW(" + join(current) + ") IS DISTINCT FROM ROW(" + join(wanted) + ")";
}

// Changes the cars whose values differ, with one car.updated event each (and car.price_changed for a
// new price, in that order, as FleetService::update writes them), and records for the undo the version
// each car is left at and the values the file's columns overwrote; the price history trigger keeps the old
// price. $1: the bookkeeping columns, $2: the import's id, $3: unrecordedColumns().
std::string Importer::updateSql() const
{
    std::vector<std::string> values;
    std::vector<std::string> sets;
    for (const auto &[column, value] : assignments()) {
        values.push_back(value + " AS " + column);
        sets.push_back(column + " = src." + column);
    }
    return "WITH src AS (SELECT c.id, to_jsonb(c) AS before, " + join(values) +
           " FROM car_import s JOIN cars c ON c.vin = s.vin LEFT JOIN branches b ON b.code = s.location WHERE " +
           differsSql() +
           " ORDER BY c.id FOR UPDATE OF c), "
           "updated AS (UPDATE cars c SET " +
           join(sets) +
           " FROM src WHERE c.id = src.id "
           "RETURNING c.id, c.stock_number, c.vin, c.make, c.model, c.version, src.before, to_jsonb(c) AS after), "
           "events AS (" +
           FleetService::updateEventsSql("updated", "$1") +
           "), recorded AS (INSERT INTO car_import_changes (import_id, car_id, version, before) "
           "SELECT $2::bigint, id, version, before - $3::text[] FROM updated) "
           "SELECT count(*) FROM updated";
}

// The columns of a car's JSON that the record of an upsert leaves out: those the file does not set. What it
// keeps are the values the file's columns overwrote; the unchanged ones among them put back nothing, as the
// undo only puts back cars that nobody changed since. (Subtracting keys costs a third of finding the ones
// that changed: 1.0 s against 3.0-3.5 s per 100,000 cars.)
QStringList Importer::unrecordedColumns() const
{
    QStringList columns = FleetService::bookkeepingColumns();
    columns << QStringLiteral("id") << QStringLiteral("vin");
    std::vector<std::string> all = FleetService::writableColumns();
    all.emplace_back("stock_number");
    const auto set = assignments();
    for (const std::string &column : all) {
        if (std::none_of(set.begin(), set.end(), [&](const auto &assigned) { return assigned.first == column; }))
            columns << QString::fromStdString(column);
    }
    return columns;
}

// Adds the staged cars that are not in the fleet and keeps their ids, stock numbers and prices for the
// price history and the events. Cars without a stock number get the column's default.
std::string Importer::insertSql() const
{
    const bool upsert = m_options.mode == CarImportOptions::Mode::Upsert;
    const auto insert = [&](bool numbered) {
        std::vector<std::string> targets;
        std::vector<std::string> values;
        if (numbered) {
            targets.emplace_back("stock_number");
            values.emplace_back("s.stock_number");
        }
        for (const std::string &column : FleetService::writableColumns()) {
            targets.push_back(column);
            if (column == "branch_id")
                values.emplace_back("b.id");
            else if (column == "vehicle_class") // not given: the class of its body and price, as an expression
                values.push_back(FleetService::vehicleClassSql("s.vehicle_class", "", "s.body_type", "s.list_price"));
            else
                values.push_back("s." + column);
        }
        return "INSERT INTO cars (" + join(targets) + ") SELECT " + join(values) +
               " FROM car_import s LEFT JOIN branches b ON b.code = s.location WHERE s.stock_number IS " +
               (numbered ? "NOT NULL" : "NULL") +
               (upsert ? " AND NOT EXISTS (SELECT FROM cars c WHERE c.vin = s.vin)" : "") +
               " RETURNING id, stock_number, vin, make, model, list_price, listed_on, version";
    };
    return "WITH numbered AS (" + insert(true) + "), unnumbered AS (" + insert(false) + ") INSERT INTO " + kInserted +
           " SELECT * FROM numbered UNION ALL SELECT * FROM unnumbered";
}

void Importer::countDryRun(pqxx::work &work)
{
    if (m_options.mode == CarImportOptions::Mode::Insert) {
        m_summary.inserted = m_staged;
        return;
    }
    const pqxx::row counts = work.exec1("SELECT count(*) FILTER (WHERE c.id IS NULL), count(*) FILTER (WHERE c.id IS "
                                        "NOT NULL AND " +
                                        differsSql() +
                                        ") FROM car_import s LEFT JOIN cars c ON c.vin = s.vin "
                                        "LEFT JOIN branches b ON b.code = s.location");
    m_summary.inserted = counts[0].as<qint64>();
    m_summary.updated = counts[1].as<qint64>();
    m_summary.unchanged = m_staged - m_summary.inserted - m_summary.updated;
}

void Importer::merge(pqxx::work &work)
{
    // The record of the import, for its undo; the counts follow once they are known.
    m_summary.importId =
        work.exec_params1("INSERT INTO car_imports (file_name, mode, rows_read, refused) VALUES ($1, $2, $3, $4) "
                          "RETURNING id",
                          m_options.fileName.toStdString(),
                          m_options.mode == CarImportOptions::Mode::Upsert ? "upsert" : "insert", m_summary.rows,
                          m_summary.refused)[0]
            .as<qint64>();

    // The stock numbers the database hands out ('A' || car_stock_number_seq, the column's default) must
    // not collide with imported ones, neither now nor for cars added later.
    if (m_highestStockSerial > 0) {
        work.exec_params("SELECT setval('car_stock_number_seq', $1) FROM car_stock_number_seq WHERE last_value <= $1",
                         m_highestStockSerial);
    }
    work.exec("SET LOCAL work_mem = '64MB'");
    if (m_options.mode == CarImportOptions::Mode::Upsert) {
        const std::string bookkeeping = CopyValue::textArray(FleetService::bookkeepingColumns()).text.value_or("{}");
        const std::string unrecorded = CopyValue::textArray(unrecordedColumns()).text.value_or("{}");
        m_summary.updated = work.exec_params1(updateSql(), bookkeeping, m_summary.importId, unrecorded)[0].as<qint64>();
    }

    // Statistics, indexes and constraints are the tables' owner's business (anyone else would only get
    // warnings or errors).
    const bool bulk = m_staged >= kBulkRows &&
                      work.exec1("SELECT bool_and(pg_has_role(relowner, 'USAGE')) FROM pg_class WHERE oid IN "
                                 "('cars'::regclass, 'car_price_history'::regclass)")[0]
                          .as<bool>();
    const auto carIndexes = bulk ? BulkLoad::dropIndexesIfEmpty(work, "cars") : std::vector<std::string>();
    const auto historyIndexes =
        bulk ? BulkLoad::dropIndexesIfEmpty(work, "car_price_history") : std::vector<std::string>();
    work.exec("CREATE TEMP TABLE " + std::string(kInserted) +
              " ON COMMIT DROP AS SELECT id, stock_number, vin, make, model, list_price, listed_on, version FROM cars "
              "WITH NO DATA");
    m_summary.inserted = static_cast<qint64>(work.exec(insertSql()).affected_rows());
    BulkLoad::restore(work, carIndexes);
    if (bulk)
        work.exec("ANALYZE cars");
    work.exec(FleetService::firstPriceSql(kInserted));
    BulkLoad::restore(work, historyIndexes);
    // One event per car: only events of the same car need an order.
    work.exec("INSERT INTO outbox_events (topic, aggregate_key, payload) SELECT 'car.created', 'car:' || id, " +
              FleetService::eventPayloadSql() + " FROM " + kInserted);
    work.exec_params(std::string("INSERT INTO car_import_changes (import_id, car_id, version) SELECT $1, id, version "
                                 "FROM ") +
                         kInserted,
                     m_summary.importId);

    m_summary.unchanged = m_staged - m_summary.inserted - m_summary.updated;
    work.exec_params("UPDATE car_imports SET inserted = $2, updated = $3, unchanged = $4 WHERE id = $1",
                     m_summary.importId, m_summary.inserted, m_summary.updated, m_summary.unchanged);
    if (m_summary.inserted + m_summary.updated > 0)
        Outbox::wake(work, QStringLiteral("car:*"));
}

Result<CarImportSummary> Importer::run(pqxx::connection &connection)
{
    QElapsedTimer timer;
    timer.start();
    pqxx::work work(connection);
    const pqxx::result currency = work.exec("SELECT value #>> '{}' FROM settings WHERE key = 'currency'");
    m_validation.currency = currency.empty() ? QString() : textOf(currency[0][0]);
    // Once: QDate::currentDate() reads the time zone, which costs more than the rest of a row's checks.
    m_validation.today = m_options.today.isValid() ? m_options.today : QDate::currentDate();
    m_validation.fillFromVin = m_options.fillFromVin;
    // A row's rental class is checked against these: an unknown one refuses the row with the known ones named.
    for (const pqxx::row &row : work.exec("SELECT code, name FROM vehicle_classes ORDER BY position, code"))
        m_validation.vehicleClasses.append({textOf(row[0]), textOf(row[1])});
    work.exec(createStagingSql());
    {
        pqxx::stream_to stream(work, kStaging, stagingColumns());
        const Result<void> read = readRows(stream);
        stream.complete();
        if (!read)
            return std::unexpected(read.error());
    }
    if (m_summary.rows == 0)
        return std::unexpected(Error{Error::Code::InvalidInput,
                                     CarImportService::tr("The file has column names but no cars. Add a row for "
                                                          "each car below the column names and try again.")});
    m_summary.readMs = timer.restart();

    // Statistics for the joins below: a temporary table has none until it is analysed.
    work.exec(std::string("ANALYZE ") + kStaging);
    const qint64 refusedByFleet = checkAgainstFleet(work);
    m_summary.refused += refusedByFleet;
    if (refusedByFleet > 0 && m_options.skipInvalid)
        work.exec("DELETE FROM car_import s USING car_import_issue i WHERE s.line = i.line");
    m_staged -= refusedByFleet;
    m_summary.checkMs = timer.restart();
    if (m_summary.refused > 0 && !m_options.skipInvalid)
        return m_summary; // the transaction is rolled back
    if (m_options.dryRun) {
        countDryRun(work);
        return m_summary;
    }
    if (canceled())
        return std::unexpected(cancelled());

    merge(work);
    m_summary.mergeMs = timer.restart();
    work.commit();
    m_summary.commitMs = timer.elapsed();
    m_summary.written = true;
    return m_summary;
}

} // namespace

Result<CarImportPreview> CarImportService::preview(QIODevice &device, int rows, QChar delimiter)
{
    CsvReader::Options options;
    options.delimiter = delimiter;
    CsvReader reader(&device, options);
    const Result<QStringList> header = reader.readHeader();
    if (!header)
        return std::unexpected(header.error());
    CarImportPreview preview;
    preview.header = *header;
    preview.delimiter = reader.delimiter();
    preview.mapping = CarCsvColumns::guess(*header);
    CsvRecord record;
    while (preview.rows.size() < rows) {
        const Result<bool> next = reader.next(record);
        if (!next)
            return std::unexpected(next.error());
        if (!*next)
            break;
        preview.rows << record;
    }
    return preview;
}

Result<CarImportSummary> CarImportService::importCars(Database &database, QIODevice &device,
                                                      const CarImportOptions &options,
                                                      const std::function<bool(qint64, qint64)> &progress)
{
    Importer importer(device, options, progress);
    if (const Result<void> header = importer.readHeader(); !header)
        return std::unexpected(header.error());
    return database.guard([&](pqxx::connection &connection) { return importer.run(connection); });
}

QStringList CarImportService::issueCsvHeader()
{
    return {QStringLiteral("line"), QStringLiteral("column"), QStringLiteral("value"), QStringLiteral("message"),
            QStringLiteral("severity")};
}

QStringList CarImportService::issueCsvRow(const CarImportIssue &issue)
{
    return {QString::number(issue.line), issue.column, issue.value, issue.message,
            issue.severity == CarIssue::Severity::Warning ? QStringLiteral("warning") : QStringLiteral("error")};
}

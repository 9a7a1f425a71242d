#include "CarExportService.h"

#include "db/Cursor.h"
#include "db/Database.h"
#include "domain/CarValidator.h"
#include "io/CarCsvColumns.h"
#include "io/CsvWriter.h"

#include <pqxx/pqxx>

namespace {

constexpr int kBatch = 5000;

// The SQL of a field's value as text, written the way CarValidator reads it back.
std::string exportExpression(CarField field)
{
    const std::string column = "c." + CarValidator::fieldKey(field).toStdString();
    switch (field) {
    case CarField::Location:
        return "b.code";
    case CarField::ModelYear:
    case CarField::Seats:
    case CarField::Doors:
    case CarField::PowerKw:
    case CarField::MileageKm:
    case CarField::ListPrice: // numeric(12, 2): "18900.00"
    case CarField::Cost:
        return column + "::text";
    case CarField::AcquiredOn:
    case CarField::ListedOn:
    case CarField::SoldOn:
        return "to_char(" + column + ", 'YYYY-MM-DD')"; // whatever the session's DateStyle
    case CarField::Features:
        return "array_to_string(" + column + ", '; ')";
    case CarField::ForRent:
        return "CASE WHEN " + column + " THEN 'yes' ELSE 'no' END";
    case CarField::VehicleClass: // empty would read back as "not given": a new car would get a class
        return "coalesce(" + column + ", 'none')";
    default:
        return column;
    }
}

} // namespace

Result<qint64> CarExportService::exportCars(Database &database, const CarQuery &query, QIODevice &device,
                                            const std::function<bool(qint64, qint64)> &progress)
{
    std::string columns;
    for (const CarField field : CarValidator::fields())
        columns += (columns.empty() ? "" : ", ") + exportExpression(field);
    Q_ASSERT(CarValidator::fields().size() == CarCsvColumns::exportHeader().size());

    // Text is neutralised against spreadsheet formulas (a note "=HYPERLINK(...)"); the numbers stay numbers.
    CsvWriter::Options options;
    for (const CarField field : CarValidator::fields())
        options.numericColumns.push_back(CarValidator::isNumeric(field));
    CsvWriter writer(&device, options);
    if (const Result<void> written = writer.writeRow(CarCsvColumns::exportHeader()); !written)
        return std::unexpected(written.error());

    return database.guard([&](pqxx::connection &connection) -> Result<qint64> {
        pqxx::read_transaction work(connection);
        qint64 total = 0;
        if (progress) {
            const CarQuery::Sql count = query.count();
            total = count.exec(work)[0][0].as<qint64>();
        }
        const CarQuery::Sql select = query.select(columns);
        qint64 done = 0;
        std::optional<Error> failure;
        QStringList fields;
        Cursor::forEachRow(
            work, select.text, select.params,
            [&](const pqxx::row &row) {
                fields.resize(static_cast<qsizetype>(row.size()));
                for (pqxx::row::size_type i = 0; i < row.size(); ++i) {
                    const pqxx::field field = row[i];
                    fields[static_cast<qsizetype>(i)] =
                        QString::fromUtf8(field.c_str(), static_cast<qsizetype>(field.size()));
                }
                if (const Result<void> written = writer.writeRow(fields); !written) {
                    failure = written.error();
                    return false;
                }
                ++done;
                if (progress && done % kBatch == 0 && !progress(done, total)) {
                    failure = Error{Error::Code::InvalidInput, tr("The export was cancelled; the file is incomplete.")};
                    return false;
                }
                return true;
            },
            kBatch);
        if (!failure) {
            if (const Result<void> flushed = writer.flush(); !flushed)
                failure = flushed.error();
        }
        if (failure)
            return std::unexpected(*failure);
        if (progress)
            progress(done, total);
        return done;
    });
}

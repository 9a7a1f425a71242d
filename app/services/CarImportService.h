#pragma once

#include "Error.h"
#include "domain/CarValidator.h"
#include "io/CarCsvColumns.h"
#include "io/CsvReader.h"

#include <QChar>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QMap>
#include <QStringList>

#include <functional>
#include <optional>

class Database;
class QIODevice;

// The first rows of a CSV file as the import reads them: for the import wizard's preview and mapping.
struct CarImportPreview
{
    QStringList header;       // the column names as written
    QChar delimiter;          // detected
    CarColumnMapping mapping; // guessed from the header (CarCsvColumns::guess)
    QList<CsvRecord> rows;
};

// One finding about one row of an import file.
struct CarImportIssue
{
    enum class Kind {
        Invalid,              // CarValidator refused the value (or warned about it)
        ExtraFields,          // the row has more fields than the header: most likely an unquoted delimiter
        DuplicateVin,         // an earlier row of the file has the VIN; `otherLine` says which
        DuplicateStockNumber, // an earlier row of the file has the stock number for another VIN
        VinExists,            // insert mode: a car in the fleet has the VIN
        StockNumberTaken,     // another car in the fleet has the stock number
        UnknownLocation,      // no branch has the code
        SoldWithoutSale,      // the row would make a car sold without its sale, or put a sold car with a sale back
    };

    qint64 line = 0; // the physical line on which the row starts
    QString column;  // the file's name of the column (the export's name when the file has no such column)
    QString value;   // the value as the file has it
    QString message; // a sentence that says what is wrong and what to do
    CarIssue::Severity severity = CarIssue::Severity::Error;
    Kind kind = Kind::Invalid;
    qint64 otherLine = 0; // DuplicateVin, DuplicateStockNumber: the line that has the value first
};

struct CarImportOptions
{
    enum class Mode {
        Insert, // every row is a new car; a VIN already in the fleet is an error
        Upsert, // a row whose VIN is in the fleet updates that car (columns the file lacks are kept)
    };

    Mode mode = Mode::Insert;
    bool dryRun = false;      // check everything, including against the database, and write nothing
    bool skipInvalid = false; // import the valid rows even when others are refused
    // Which field each column holds (the wizard's choice); nothing: guessed from the header.
    std::optional<CarColumnMapping> mapping;
    QChar delimiter; // null: detected from the header line
    QDate today;     // the validation's "today"; null: the current date
    // A value for each field the file leaves empty (no column, an empty cell, or "n/a" in a closed list):
    // "all used", "all petrol". A default the field cannot hold refuses the file.
    QMap<CarField, QString> defaults;
    // A make or model year the file leaves empty comes from the VIN where the offline decoder knows it
    // (with a warning for each such row).
    bool fillFromVin = true;
    // The file's name, recorded with the import (car_imports) for its undo.
    QString fileName;
    // Called for every issue as it is found: first those of the file in line order, then those found
    // against the database in line order.
    std::function<void(const CarImportIssue &)> onIssue;
};

struct CarImportSummary
{
    qint64 rows = 0;            // data rows in the file
    qint64 inserted = 0;        // new cars (in a dry run: that would be added)
    qint64 updated = 0;         // changed cars (upsert)
    qint64 unchanged = 0;       // cars that are already as the file says (upsert): no new version, no event
    qint64 refused = 0;         // rows with at least one error
    qint64 errors = 0;          // issues of severity Error
    qint64 warnings = 0;        // issues of severity Warning
    qint64 makesFromVin = 0;    // rows whose make was taken from the VIN
    qint64 yearsFromVin = 0;    // rows whose model year was read from the VIN
    bool written = false;       // the fleet was changed: not a dry run, and no row refused unless skipInvalid
    qint64 importId = 0;        // when written: the record of the import (CarImportHistory::undo takes it back)
    QStringList ignoredColumns; // columns of the file that hold no car field (or one an earlier column holds)

    // Milliseconds per phase: reading, checking and streaming the rows into the staging table; the
    // checks against the database; the merge into the fleet; the commit.
    qint64 readMs = 0;
    qint64 checkMs = 0;
    qint64 mergeMs = 0;
    qint64 commitMs = 0;
};

// Imports cars from a CSV file (see CsvReader for what is read and CarCsvColumns for the column names) in
// one transaction: the rows are checked with CarValidator as they are read, streamed with COPY into a
// temporary staging table, checked against the fleet set-based (VINs, stock numbers, branches), then merged
// with the events of every new or changed car (car.created, car.updated, car.price_changed). Without
// skipInvalid a single refused row means nothing is written. An import that writes is recorded
// (car_imports), with the version it left each car at and the values it overwrote (car_import_changes),
// so that CarImportHistory::undo can take it back. Blocking: call it on a database thread.
class CarImportService
{
    Q_DECLARE_TR_FUNCTIONS(CarImportService)

public:
    // Reads the header and up to `rows` records from the device's current position. No database needed.
    static Result<CarImportPreview> preview(QIODevice &device, int rows, QChar delimiter = {});

    // Reads `device` from its current position to the end. A file that cannot be read as CSV (not UTF-8,
    // binary, empty, without a required column) is an Error and nothing is written; so is a cancel:
    // `progress(bytesDone, bytesTotal)` returning false. Refused rows are reported through
    // options.onIssue and counted in the summary.
    // The problems file (`--errors`, the wizard's "Save problems"): line, column, value, message, severity.
    static QStringList issueCsvHeader();
    static QStringList issueCsvRow(const CarImportIssue &issue);

    static Result<CarImportSummary> importCars(Database &database, QIODevice &device, const CarImportOptions &options,
                                               const std::function<bool(qint64, qint64)> &progress = {});
};

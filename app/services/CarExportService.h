#pragma once

#include "Error.h"
#include "services/CarQuery.h"

#include <QCoreApplication>

#include <functional>

class Database;
class QIODevice;

// Writes the cars of a query to CSV (UTF-8, ',' and CRLF, see CsvWriter) in the query's order, with
// CarCsvColumns::exportHeader() and the values exactly as the import reads them back: ISO dates, '.'
// before the cents, features joined by "; ", not stated values empty, text that a spreadsheet would take
// for a formula behind an apostrophe (see CsvWriter; the import takes it off). Rows come through a
// server-side cursor a few thousand at a time, so a fleet of any size is exported in bounded memory.
// Blocking: call it on a database thread.
class CarExportService
{
    Q_DECLARE_TR_FUNCTIONS(CarExportService)

public:
    // Returns the number of cars written. `progress(rowsDone, rowsTotal)` is called every few thousand
    // rows; returning false cancels (what was written so far stays in the device: the caller removes it).
    static Result<qint64> exportCars(Database &database, const CarQuery &query, QIODevice &device,
                                     const std::function<bool(qint64, qint64)> &progress = {});
};

#pragma once

#include "Error.h"
#include "services/CarImportService.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class Database;

// One import that wrote to the fleet, as car_imports records it.
struct CarImportRecord
{
    qint64 id = 0;
    QString importedBy;
    QDateTime importedAt;
    QString fileName;
    CarImportOptions::Mode mode = CarImportOptions::Mode::Insert;
    qint64 rows = 0;
    qint64 inserted = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;
    qint64 refused = 0;
    QString undoneBy;
    QDateTime undoneAt; // invalid: not undone
};

// A car that an undo left as it is, and why.
struct CarImportUndoKept
{
    enum class Reason {
        Booked,           // the import added it and it has bookings since: it stays in the fleet
        ChangedSince,     // someone (or a later import) changed it after the import: their change stays
        StockNumberTaken, // the stock number it had before the import belongs to another car now
        Deleted,          // the import changed it and it has been deleted since
    };

    qint64 carId = 0;
    QString stockNumber; // as it is now; empty when the car is gone
    Reason reason = Reason::ChangedSince;
    QString changedBy; // ChangedSince: who changed it last, and when
    QDateTime changedAt;
    qint64 bookings = 0; // Booked: how many
    QString message;     // the sentence for people
};

struct CarImportUndoResult
{
    CarImportRecord import; // as recorded, now marked undone
    qint64 removed = 0;     // cars the import added, deleted again
    qint64 restored = 0;    // cars the import changed, back to the values it overwrote
    qint64 keptCount = 0;   // cars left as they are; `kept` lists the first of them
    QList<CarImportUndoKept> kept;
};

// The record of the imports and their undo. Blocking: call it on a database thread.
class CarImportHistory
{
    Q_DECLARE_TR_FUNCTIONS(CarImportHistory)

public:
    // The undo lists at most this many of the cars it left as they are (and counts all of them).
    static constexpr int MaxListed = 500;

    // The newest import that is not undone, if any.
    static Result<std::optional<CarImportRecord>> latest(Database &database);
    static Result<CarImportRecord> find(Database &database, qint64 id);

    // Takes back import `id` in one transaction: deletes the cars it added (unless they have bookings or
    // were changed since), puts back the values it overwrote in upsert mode (unless the car was changed
    // since), with car.deleted and car.updated (and car.price_changed) events, and marks the import undone.
    // Refused when it was undone before. Later changes are told by the cars' version, which every change
    // raises.
    static Result<CarImportUndoResult> undo(Database &database, qint64 id);

    // "cars.csv, imported by anna on 03/03/2026 10:04: 120 added, 3 updated", for questions and messages.
    static QString describe(const CarImportRecord &record);
    // "120 cars removed, 3 put back, 2 left as they are.", for the result.
    static QString describe(const CarImportUndoResult &result);
};

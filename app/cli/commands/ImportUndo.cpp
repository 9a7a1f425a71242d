#include "ImportUndo.h"

#include "cli/JsonOutput.h"
#include "db/Database.h"
#include "services/CarImportHistory.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace Commands {

ImportUndo::ImportUndo()
    : Command(QStringLiteral("import undo [ID]"),
              tr("Takes back an import (the newest one not yet undone, or import ID): removes the cars it "
                 "added and puts back the values it overwrote, except for cars that were booked or changed "
                 "since, which it lists with the reason. Exit code 1 when a car was left as it is."),
              Json::Taken)
{}

int ImportUndo::execute(const QStringList &operands)
{
    if (operands.size() > 1)
        return usageError(tr("\"import undo\" takes one import number."));
    std::optional<qint64> id;
    if (!operands.isEmpty()) {
        bool ok = false;
        id = operands.first().toLongLong(&ok);
        if (!ok || *id <= 0)
            return usageError(tr("\"%1\" is not an import number. \"forecourt import cars\" prints the number "
                                 "of each import.")
                                  .arg(operands.first()));
    }
    auto database = openDatabase(true);
    if (!database)
        return failWith(database.error());
    if (!id) {
        const auto latest = CarImportHistory::latest(**database);
        if (!latest)
            return failWith(latest.error());
        if (!*latest)
            return failWith({Error::Code::NotFound, tr("There is no import to undo.")});
        id = (*latest)->id;
    }
    const auto undone = CarImportHistory::undo(**database, *id);
    if (!undone)
        return failWith(undone.error());
    if (json()) {
        QJsonArray kept;
        for (const CarImportUndoKept &car : undone->kept)
            kept << QJsonObject{{QStringLiteral("car_id"), car.carId},
                                {QStringLiteral("stock_number"), car.stockNumber},
                                {QStringLiteral("reason"), car.message}};
        JsonOutput::print(QJsonObject{{QStringLiteral("import_id"), undone->import.id},
                                      {QStringLiteral("file"), undone->import.fileName},
                                      {QStringLiteral("removed"), undone->removed},
                                      {QStringLiteral("restored"), undone->restored},
                                      {QStringLiteral("kept"), undone->keptCount},
                                      {QStringLiteral("kept_cars"), kept}});
    } else {
        out() << tr("Undid %1.").arg(CarImportHistory::describe(undone->import)) << Qt::endl
              << CarImportHistory::describe(*undone) << Qt::endl;
        for (int i = 0; i < undone->kept.size() && i < kShownProblems; ++i)
            err() << undone->kept.at(i).message << Qt::endl;
        if (undone->keptCount > kShownProblems)
            err() << tr("... and %1 more cars left as they are.").arg(undone->keptCount - kShownProblems) << Qt::endl;
    }
    return undone->keptCount > 0 ? Failed : Ok;
}

} // namespace Commands

#include "DbMigrate.h"

#include "cli/JsonOutput.h"
#include "db/Database.h"
#include "services/SystemService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Commands {

DbMigrate::DbMigrate()
    : Command(QStringLiteral("db migrate"), tr("Applies the pending schema migrations, each in its own transaction."),
              Json::Taken)
{}

int DbMigrate::execute(const QStringList &)
{
    auto database = openDatabase(false);
    if (!database)
        return failWith(database.error());
    QStringList applied;
    auto state = SystemService::migrate(**database, [&](int index, int count, const Migrator::Migration &migration) {
        applied << migration.name;
        if (!json())
            out() << tr("Applying %1 (%2 of %3)").arg(migration.name).arg(index + 1).arg(count) << Qt::endl;
    });
    if (!state)
        return failWith(state.error());
    if (json()) {
        JsonOutput::print(QJsonObject{{QStringLiteral("applied"), QJsonArray::fromStringList(applied)},
                                      {QStringLiteral("schema_version"), state->currentVersion}});
    } else if (applied.isEmpty()) {
        out() << tr("The schema is up to date (version %1).").arg(state->currentVersion) << Qt::endl;
    } else {
        out() << tr("Schema version is now %1.").arg(state->currentVersion) << Qt::endl;
    }
    return Ok;
}

} // namespace Commands

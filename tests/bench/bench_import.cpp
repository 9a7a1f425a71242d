// The car import against `psql \copy` of the same file into a bare table, in the same run
// and database server: the demo fleet is exported to CSV, the fleet emptied (the branches stay), then
// the file goes in both ways. Prints rates, their ratio and the import's phases; record them in
// tests/bench/RESULTS.md. Then a floor that no import of the file can go below: the imported cars,
// already typed, copied in binary into a bare table of the same columns (no constraint, default or event),
// and the fleet's indexes built once on it.
#include "BenchSupport.h"
#include "db/PgBinaries.h"
#include "services/CarImportService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <pqxx/pqxx>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const qint64 cars =
        qEnvironmentVariableIsSet("BENCH_CARS") ? qEnvironmentVariableIntValue("BENCH_CARS") : 1'000'000;
    const auto fail = [&out](const QString &what) {
        out << "bench_import: " << what << Qt::endl;
        return 1;
    };

    TestDatabase db(QStringLiteral("bench_import"));
    if (!db.isValid())
        return fail(db.error());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cars.csv"));
    auto opened = bench::demoFleetAsCsv(db, cars, path);
    if (!opened)
        return fail(opened.error().oneLine());
    Database &database = **opened;
    const double megabytes = double(QFile(path).size()) / 1e6;
    out << "file: " << cars << " cars, " << QString::number(megabytes, 'f', 1) << " MB" << Qt::endl;

    // Baseline: psql \copy into a bare table of text columns (no checks, no indexes, no events).
    QStringList header;
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(file.errorString());
        header = QString::fromUtf8(file.readLine()).remove(QChar(0xFEFF)).trimmed().split(QLatin1Char(','));
    }
    std::string columns;
    for (const QString &name : header)
        columns += (columns.empty() ? "" : ", ") + name.toStdString() + " text";
    if (auto created = database.guard([&](pqxx::connection &connection) {
            pqxx::work work(connection);
            work.exec("TRUNCATE cars CASCADE");
            work.exec("CREATE TABLE bare_copy (" + columns + ")");
            work.commit();
            pqxx::nontransaction vacuum(connection);
            vacuum.exec("VACUUM ANALYZE cars");
        });
        !created)
        return fail(created.error().oneLine());
    const auto binaries = PgBinaries::find();
    const QString psql = binaries ? binaries->program(QStringLiteral("psql")) : QStringLiteral("psql");
    QElapsedTimer timer;
    const auto runPsql = [&](const QString &command) -> std::optional<double> {
        QProcess process;
        timer.start();
        process.start(psql, {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                             QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), command, database.conninfo()});
        if (!process.waitForFinished(30 * 60 * 1000) || process.exitCode() != 0) {
            out << "psql: " << process.readAllStandardError() << Qt::endl;
            return std::nullopt;
        }
        return double(timer.elapsed()) / 1000.0;
    };
    const std::optional<double> copied = runPsql(QStringLiteral("\\copy bare_copy FROM '%1' CSV HEADER").arg(path));
    if (!copied)
        return 1;
    const double copySeconds = *copied;
    const double copyRate = double(cars) / copySeconds;
    out << "psql \\copy into a bare table: " << QString::number(copySeconds, 'f', 1) << " s = " << qRound(copyRate)
        << " rows/s" << Qt::endl;

    // The import: insert mode into the emptied fleet (the indexes are dropped and rebuilt).
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    CarImportOptions options;
    timer.restart();
    const auto summary = CarImportService::importCars(database, file, options);
    const double importSeconds = double(timer.elapsed()) / 1000.0;
    if (!summary)
        return fail(summary.error().oneLine());
    const double importRate = double(summary->inserted) / importSeconds;
    out << "forecourt import (insert, with events and price history): " << summary->inserted << " cars in "
        << QString::number(importSeconds, 'f', 1) << " s = " << qRound(importRate) << " rows/s; "
        << QString::number(importRate / copyRate, 'f', 2) << "x psql \\copy" << Qt::endl;
    out << "  phases: read, check and COPY to staging " << summary->readMs << " ms; checks against the fleet "
        << summary->checkMs << " ms; merge " << summary->mergeMs << " ms; commit " << summary->commitMs << " ms"
        << Qt::endl;

    // The floor: the imported rows as the fleet stores them, sent in the form the server reads most cheaply.
    const QString binary = dir.filePath(QStringLiteral("cars.bin"));
    if (auto created = database.guard([&](pqxx::connection &connection) {
            pqxx::work work(connection);
            work.exec("CREATE TABLE bare_typed AS SELECT * FROM cars WITH NO DATA");
            work.commit();
        });
        !created)
        return fail(created.error().oneLine());
    if (!runPsql(QStringLiteral("\\copy cars TO '%1' (FORMAT binary)").arg(binary)))
        return 1;
    const std::optional<double> floor =
        runPsql(QStringLiteral("\\copy bare_typed FROM '%1' (FORMAT binary)").arg(binary));
    if (!floor)
        return 1;
    // The fleet's indexes (the import's other targets need them), built once on the bare table.
    QElapsedTimer indexTimer;
    indexTimer.start();
    if (auto indexed = database.guard([&](pqxx::connection &connection) {
            pqxx::work work(connection);
            work.exec("SET maintenance_work_mem = '256MB'");
            for (const pqxx::row &index :
                 work.exec("SELECT regexp_replace(pg_get_indexdef(indexrelid), 'INDEX (\\S+) ON public\\.cars ', "
                           "'INDEX \\1_floor ON public.bare_typed ') "
                           "FROM pg_index WHERE indrelid = 'cars'::regclass AND NOT indisprimary"))
                work.exec(index[0].c_str());
            work.commit();
        });
        !indexed)
        return fail(indexed.error().oneLine());
    const double indexSeconds = double(indexTimer.elapsed()) / 1000.0;
    const double budget = copySeconds / 0.7;
    out << "floor: the typed rows in binary into a bare table of their types " << QString::number(*floor, 'f', 1)
        << " s, then the fleet's indexes on it " << QString::number(indexSeconds, 'f', 1) << " s: together "
        << QString::number((*floor + indexSeconds) / budget, 'f', 2) << "x the " << QString::number(budget, 'f', 1)
        << " s a 0.7x import may take" << Qt::endl;
    return 0;
}

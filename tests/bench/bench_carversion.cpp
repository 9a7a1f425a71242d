// What the cars_version trigger (migration 0013: every real change of a car gets the next version, time and
// author) costs the writers that change many cars at once: the import's upsert of a file that changes every
// car, and one set-based UPDATE of every car. Each is timed with the trigger disabled and enabled, in
// turns, in the same process and database; the medians go to tests/bench/RESULTS.md. With the trigger
// disabled the import writes no version at all, where the code before the trigger wrote one by hand: the
// difference is an upper bound of the trigger's cost.
#include "BenchSupport.h"
#include "services/CarImportService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <pqxx/pqxx>

#include <algorithm>

namespace {

double median(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.isEmpty() ? 0 : samples.at(samples.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const qint64 cars = qEnvironmentVariableIsSet("BENCH_CARS") ? qEnvironmentVariableIntValue("BENCH_CARS") : 100'000;
    const int rounds = qEnvironmentVariableIsSet("BENCH_ROUNDS") ? qEnvironmentVariableIntValue("BENCH_ROUNDS") : 3;
    const auto fail = [&out](const QString &what) {
        out << "bench_carversion: " << what << Qt::endl;
        return 1;
    };

    TestDatabase db(QStringLiteral("bench_carversion"));
    if (!db.isValid())
        return fail(db.error());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cars.csv"));
    auto opened = bench::demoFleetAsCsv(db, cars, path);
    if (!opened)
        return fail(opened.error().oneLine());
    Database &database = **opened;

    const auto sql = [&](const std::string &statement) {
        return database.guard([&](pqxx::connection &connection) {
            pqxx::work work(connection);
            work.exec(statement);
            work.commit();
        });
    };
    const auto setTrigger = [&](bool on) {
        return sql(std::string("ALTER TABLE cars ") + (on ? "ENABLE" : "DISABLE") + " TRIGGER cars_version");
    };
    QList<double> importOff, importOn, updateOff, updateOn;
    for (int round = 0; round < rounds; ++round) {
        for (const bool on : {false, true}) {
            // Every car one kilometre off the file (untimed, trigger off), so that importing it changes every car.
            // VACUUM cannot run in a transaction block: a nontransaction does it.
            if (!setTrigger(false) || !sql("UPDATE cars SET mileage_km = mileage_km + 1"))
                return fail(QStringLiteral("could not change the cars"));
            if (auto vacuumed = database.guard([](pqxx::connection &connection) {
                    pqxx::nontransaction work(connection);
                    work.exec("VACUUM ANALYZE cars");
                });
                !vacuumed || !setTrigger(on))
                return fail(QStringLiteral("could not prepare the round"));

            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return fail(file.errorString());
            CarImportOptions options;
            options.mode = CarImportOptions::Mode::Upsert;
            QElapsedTimer timer;
            timer.start();
            const auto summary = CarImportService::importCars(database, file, options);
            const double importSeconds = double(timer.elapsed()) / 1000.0;
            if (!summary)
                return fail(summary.error().oneLine());
            if (summary->updated != cars)
                return fail(QStringLiteral("the upsert changed %1 of %2 cars").arg(summary->updated).arg(cars));
            (on ? importOn : importOff) << importSeconds;
            out << "round " << round + 1 << ", trigger " << (on ? "on " : "off") << ": upsert of " << summary->updated
                << " changed cars " << QString::number(importSeconds, 'f', 2) << " s (merge " << summary->mergeMs
                << " ms)";

            timer.restart();
            if (!sql("UPDATE cars SET mileage_km = mileage_km + 1"))
                return fail(QStringLiteral("could not update the cars"));
            const double updateSeconds = double(timer.elapsed()) / 1000.0;
            (on ? updateOn : updateOff) << updateSeconds;
            out << "; UPDATE of every car " << QString::number(updateSeconds, 'f', 2) << " s" << Qt::endl;
        }
    }
    if (!setTrigger(true))
        return fail(QStringLiteral("could not enable the trigger again"));
    const auto line = [&](const char *what, const QList<double> &off, const QList<double> &on) {
        out << what << ": median " << QString::number(median(off), 'f', 2) << " s without the trigger, "
            << QString::number(median(on), 'f', 2) << " s with it (+"
            << QString::number(100.0 * (median(on) - median(off)) / median(off), 'f', 1) << "%, "
            << QString::number(1e6 * (median(on) - median(off)) / double(cars), 'f', 1) << " us a car)" << Qt::endl;
    };
    line("import upsert", importOff, importOn);
    line("UPDATE of every car", updateOff, updateOn);
    return 0;
}

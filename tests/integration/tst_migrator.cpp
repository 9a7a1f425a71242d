#include "TestDatabase.h"
#include "db/DbErrors.h"
#include "db/Migrator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <pqxx/pqxx>

#include <thread>

namespace {
std::unique_ptr<pqxx::connection> openConnection(const TestDatabase &db)
{
    return std::make_unique<pqxx::connection>(db.conninfo().toStdString());
}

bool tableExists(pqxx::connection &c, const std::string &table)
{
    pqxx::nontransaction work(c);
    return work.exec_params1("SELECT to_regclass($1) IS NOT NULL", table)[0].as<bool>();
}

void writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}
} // namespace

class TestMigrator : public QObject
{
    Q_OBJECT

private slots:
    void freshDatabaseGetsEveryMigration()
    {
        TestDatabase db(QStringLiteral("migrator_fresh"));
        QVERIFY2(db.isValid(), qPrintable(db.error()));
        auto c = openConnection(db);
        const Migrator migrator(Migrator::builtIn());
        QVERIFY(migrator.inspect(*c)->pending.size() >= 3);

        QStringList progress;
        const auto state = migrator.migrate(*c, [&](int, int, const Migrator::Migration &m) { progress << m.name; });
        QVERIFY2(state, qPrintable(state ? QString() : state.error().oneLine()));
        QCOMPARE(state->currentVersion, state->latestVersion);
        QVERIFY(state->pending.isEmpty());
        QCOMPARE(progress.size(), state->applied.size());
        QCOMPARE(progress.first(), QStringLiteral("0001_base_schema.sql"));
        for (const char *table :
             {"cars", "car_price_history", "customers", "bookings", "outbox_events", "outbox_dead_letters"})
            QVERIFY2(tableExists(*c, table), table);
        QCOMPARE(state->applied.first().checksum, Migrator::builtIn().first().checksum());
    }

    void rerunningIsANoOp()
    {
        TestDatabase db(QStringLiteral("migrator_rerun"));
        QVERIFY(db.isValid());
        auto c = openConnection(db);
        const Migrator migrator(Migrator::builtIn());
        const auto first = migrator.migrate(*c);
        QVERIFY(first);
        int calls = 0;
        const auto second = migrator.migrate(*c, [&](int, int, const Migrator::Migration &) { ++calls; });
        QVERIFY(second);
        QCOMPARE(calls, 0);
        QCOMPARE(second->applied.size(), first->applied.size());
        QCOMPARE(second->applied.last().appliedAt, first->applied.last().appliedAt);
    }

    void editedMigrationIsRefusedByName()
    {
        TestDatabase db(QStringLiteral("migrator_edited"));
        QVERIFY(db.isValid());
        auto c = openConnection(db);
        QVERIFY(Migrator(Migrator::builtIn()).migrate(*c));

        QList<Migrator::Migration> edited = Migrator::builtIn();
        edited[1].sql += "\n-- a later edit\n";
        const Migrator migrator(edited);
        for (const auto &result : {migrator.inspect(*c), migrator.migrate(*c)}) {
            QVERIFY(!result);
            QCOMPARE(result.error().code, Error::Code::MigrationEdited);
            QVERIFY2(result.error().message.contains(edited[1].name), qPrintable(result.error().message));
        }
    }

    void newerDatabaseIsRefusedBeforeAnythingIsWritten()
    {
        TestDatabase db(QStringLiteral("migrator_newer"));
        QVERIFY(db.isValid());
        auto c = openConnection(db);
        {
            pqxx::work work(*c);
            work.exec("CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text "
                      "NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL DEFAULT "
                      "current_user)");
            work.exec("INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, '9999_future.sql', 'x')");
            work.commit();
        }
        const auto result = Migrator(Migrator::builtIn()).migrate(*c);
        QVERIFY(!result);
        QCOMPARE(result.error().code, Error::Code::SchemaTooNew);
        QVERIFY(result.error().message.contains(QStringLiteral("9999")));
        QVERIFY(result.error().message.contains(QStringLiteral("Update Forecourt")));
        QVERIFY(!tableExists(*c, "cars"));
        pqxx::nontransaction work(*c);
        QCOMPARE(work.exec1("SELECT count(*) FROM schema_migrations")[0].as<int>(), 1);
    }

    void migrationNumberedBelowTheSchemaVersionIsRefused()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("0001_one.sql")), "CREATE TABLE one (x int);");
        writeFile(dir.filePath(QStringLiteral("0003_three.sql")), "CREATE TABLE three (x int);");
        TestDatabase db(QStringLiteral("migrator_gap"));
        QVERIFY(db.isValid());
        auto c = openConnection(db);
        QVERIFY(Migrator(*Migrator::fromDirectory(dir.path())).migrate(*c));

        writeFile(dir.filePath(QStringLiteral("0002_two.sql")), "CREATE TABLE two (x int);");
        const auto result = Migrator(*Migrator::fromDirectory(dir.path())).migrate(*c);
        QVERIFY(!result);
        QVERIFY2(result.error().message.contains(QStringLiteral("0002_two.sql")), qPrintable(result.error().message));
        QVERIFY(!tableExists(*c, "two"));
    }

    void failedMigrationLeavesEarlierOnesAndNoHalfChange()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("0001_one.sql")), "CREATE TABLE one (x int);");
        writeFile(dir.filePath(QStringLiteral("0002_two.sql")),
                  "CREATE TABLE two (x int);\nSELECT no_such_function();");
        const auto migrations = Migrator::fromDirectory(dir.path());
        QVERIFY(migrations);
        QCOMPARE(migrations->size(), 2);

        TestDatabase db(QStringLiteral("migrator_failed"));
        QVERIFY(db.isValid());
        auto c = openConnection(db);
        const auto result = Migrator(*migrations).migrate(*c);
        QVERIFY(!result);
        QCOMPARE(result.error().code, Error::Code::MigrationFailed);
        QVERIFY(result.error().message.contains(QStringLiteral("0002_two.sql")));
        QVERIFY(result.error().detail.contains(QStringLiteral("no_such_function")));
        QVERIFY(tableExists(*c, "one"));
        QVERIFY(!tableExists(*c, "two"));
        QCOMPARE(Migrator(*migrations).inspect(*c)->currentVersion, 1);
    }

    void concurrentMigrationsApplyEachOnce()
    {
        TestDatabase db(QStringLiteral("migrator_concurrent"));
        QVERIFY(db.isValid());
        Result<Migrator::State> results[2];
        std::thread workers[2];
        for (int i = 0; i < 2; ++i) {
            workers[i] = std::thread([&, i] {
                auto c = openConnection(db);
                results[i] = Migrator(Migrator::builtIn()).migrate(*c);
            });
        }
        for (auto &worker : workers)
            worker.join();
        QVERIFY2(results[0], qPrintable(results[0] ? QString() : results[0].error().oneLine()));
        QVERIFY2(results[1], qPrintable(results[1] ? QString() : results[1].error().oneLine()));
        auto c = openConnection(db);
        pqxx::nontransaction work(*c);
        QCOMPARE(work.exec1("SELECT count(*) FROM schema_migrations")[0].as<int>(),
                 static_cast<int>(Migrator::builtIn().size()));
    }

    // A database from before the rental fleet was recorded: its booked cars join the fleet (0018), the rest
    // stays stock for sale.
    void bookedCarsJoinTheRentalFleetOnUpgrade()
    {
        TestDatabase db(QStringLiteral("migrator_rental_fleet"));
        QVERIFY(db.isValid());
        auto c = openConnection(db);
        QList<Migrator::Migration> before;
        for (const Migrator::Migration &migration : Migrator::builtIn())
            if (migration.version < 18)
                before << migration;
        QVERIFY(Migrator(before).migrate(*c));
        {
            pqxx::work work(*c);
            const char *car = "INSERT INTO cars (vin, make, model, model_year, body_type, fuel_type, transmission, "
                              "drive, condition, list_price, status) VALUES ";
            work.exec(std::string(car) +
                      "('1M8GDM9AXKP042788', 'VW', 'Golf', 2020, 'hatchback', 'petrol', 'manual', 'fwd', 'used', "
                      "15000, 'available'), "
                      "('WVWZZZ1KZ8W000001', 'VW', 'Polo', 2020, 'hatchback', 'petrol', 'manual', 'fwd', 'used', "
                      "12000, 'available'), "
                      "('WVWZZZ1KZ8W000002', 'VW', 'Up', 2020, 'hatchback', 'petrol', 'manual', 'fwd', 'used', "
                      "9000, 'available'), "
                      "('WVWZZZ1KZ8W000003', 'VW', 'Passat', 2020, 'estate', 'diesel', 'manual', 'fwd', 'used', "
                      "19000, 'available')");
            work.exec("INSERT INTO customers (full_name) VALUES ('Anna Berg')");
            // Car 1 booked; car 2 only with a cancelled booking; car 3 never booked; car 4 booked, then retired.
            work.exec("INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, total) VALUES "
                      "(1, 1, '2099-03-02 09:00+01', '2099-03-05 10:00+01', 50, 150), "
                      "(2, 1, '2099-03-02 09:00+01', '2099-03-05 10:00+01', 50, 150), "
                      "(4, 1, '2099-03-02 09:00+01', '2099-03-05 10:00+01', 50, 150)");
            work.exec("UPDATE bookings SET status = 'cancelled' WHERE car_id = 2");
            work.exec("UPDATE cars SET status = 'retired' WHERE id = 4");
            work.commit();
        }
        QVERIFY(Migrator(Migrator::builtIn()).migrate(*c));
        pqxx::work work(*c);
        QCOMPARE(
            QString::fromStdString(
                work.exec1("SELECT string_agg(id || ':' || for_rent, ',' ORDER BY id) FROM cars")[0].as<std::string>()),
            QStringLiteral("1:true,2:false,3:false,4:false"));
        // The rental figures follow the car into the fleet, as a rebuild would give them.
        QCOMPARE(work.exec1("SELECT sum(booked_seconds) FROM dash_rental_daily")[0].as<qint64>(),
                 qint64(3 * 24 * 3600 + 3600));
    }

    void baseSchemaRefusesADoubleBooking()
    {
        TestDatabase db(QStringLiteral("migrator_booking"));
        QVERIFY(db.isValid());
        auto c = openConnection(db);
        QVERIFY(Migrator(Migrator::builtIn()).migrate(*c));
        {
            pqxx::work work(*c);
            work.exec("INSERT INTO cars (vin, make, model, model_year, body_type, fuel_type, transmission, drive, "
                      "condition, list_price) VALUES ('1M8GDM9AXKP042788', 'VW', 'Golf', 2020, 'hatchback', 'petrol', "
                      "'manual', 'fwd', 'used', 15000)");
            work.exec("INSERT INTO customers (full_name) VALUES ('Anna Berg')");
            work.exec("INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, total) VALUES "
                      "(1, 1, '2099-03-02 09:00+01', '2099-03-05 10:00+01', 50, 150)");
            work.commit();
        }
        auto attempt = [&](const char *pickup, const char *returnAt) -> Error::Code {
            try {
                pqxx::work work(*c);
                work.exec_params("INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, total) "
                                 "VALUES (1, 1, $1, $2, 50, 50)",
                                 pickup, returnAt);
                work.commit();
                return Error::Code::Unknown;
            } catch (const std::exception &e) {
                return DbErrors::fromException(e).code;
            }
        };
        QCOMPARE(attempt("2099-03-04 09:00+01", "2099-03-06 09:00+01"), Error::Code::Overlap);
        // Inside the 2-hour turnaround after the return: refused too.
        QCOMPARE(attempt("2099-03-05 11:00+01", "2099-03-06 09:00+01"), Error::Code::Overlap);
        QCOMPARE(attempt("2099-03-05 12:00+01", "2099-03-06 09:00+01"), Error::Code::Unknown); // accepted
        QCOMPARE(attempt("2099-03-09 12:00+01", "2099-03-08 09:00+01"), Error::Code::Constraint);

        // Status rules hold whatever client writes.
        try {
            pqxx::work work(*c);
            work.exec("UPDATE bookings SET status = 'completed' WHERE id = 1");
            work.commit();
            QFAIL("reserved -> completed was accepted");
        } catch (const std::exception &e) {
            QCOMPARE(DbErrors::fromException(e).code, Error::Code::Constraint);
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"

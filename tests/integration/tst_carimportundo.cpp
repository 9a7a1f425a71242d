// Undo an import: what an import records, and what its undo takes back, leaves and says.
#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "domain/Vin.h"
#include "services/CarImportHistory.h"
#include "services/CarImportService.h"
#include "services/FleetService.h"

#include <QBuffer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <pqxx/pqxx>

namespace {

QString vin(int n)
{
    QString text = QStringLiteral("WVWZZZ1KZMW%1").arg(n, 6, 10, QLatin1Char('0'));
    text[8] = Vin::checkDigitFor(text);
    return text;
}

const QByteArray kHeader = "stock_number,vin,make,model,model_year,fuel_type,location,list_price,notes\r\n";

QByteArray row(int n, const QByteArray &price = "18900", const QByteArray &location = "BER1",
               const QByteArray &notes = "keep me", const QByteArray &stock = {})
{
    return (stock.isEmpty() ? "S" + QByteArray::number(n) : stock) + "," + vin(n).toLatin1() +
           ",Volkswagen,Golf,2021,petrol," + location + "," + price + "," + notes + "\r\n";
}

// Every column of the car but those that change on every save, for comparing a car before and after.
const std::string kCarValues = "SELECT (to_jsonb(c) - 'updated_at' - 'updated_by' - 'version')::text FROM cars c "
                               "WHERE vin = ";

} // namespace

class TestCarImportUndo : public QObject
{
    Q_OBJECT

    Result<CarImportSummary> import(const QByteArray &bytes,
                                    CarImportOptions::Mode mode = CarImportOptions::Mode::Insert,
                                    const QString &fileName = QStringLiteral("cars.csv"))
    {
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        CarImportOptions options;
        options.mode = mode;
        options.fileName = fileName;
        return CarImportService::importCars(*m_database, buffer, options);
    }

    qint64 number(const std::string &sql) { return scalar(*m_database, sql).toLongLong(); }
    qint64 cars() { return number("SELECT count(*) FROM cars"); }
    QString carValues(int n) { return scalar(*m_database, kCarValues + "'" + vin(n).toStdString() + "'"); }

    void exec(const std::string &sql)
    {
        const QString error = execute(*m_database, sql);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<TestDatabase>(QStringLiteral("carimportundo"));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        m_database = m_db->openMigrated();
        QVERIFY(m_database);
        exec("INSERT INTO branches (code, name) VALUES ('BER1', 'Berlin'), ('HAM', 'Hamburg');"
             "INSERT INTO customers (full_name) VALUES ('Anna Berg')");
    }

    void init()
    {
        exec("TRUNCATE bookings, cars, car_price_history, outbox_events, car_imports, car_import_changes "
             "RESTART IDENTITY CASCADE");
    }

    void cleanupTestCase()
    {
        m_database.reset();
        m_db.reset();
    }

    void recordsEveryImportThatWrites()
    {
        const auto first =
            import(kHeader + row(1) + row(2), CarImportOptions::Mode::Insert, QStringLiteral("/home/anna/stock.csv"));
        QVERIFY(first && first->written);
        QVERIFY(first->importId > 0);
        QCOMPARE(scalar(*m_database, "SELECT concat_ws(' ', imported_by = current_user, file_name, mode, rows_read, "
                                     "inserted, updated, unchanged, refused, undone_at IS NULL) FROM car_imports"),
                 QStringLiteral("t /home/anna/stock.csv insert 2 2 0 0 0 t"));
        QCOMPARE(number("SELECT count(*) FROM car_import_changes WHERE before IS NULL AND version = 1"), 2);
        // The database keeps the rows to their import, whoever writes.
        QVERIFY(execute(*m_database, "INSERT INTO car_import_changes (import_id, car_id, version) VALUES (-1, 1, 1)")
                    .contains(QStringLiteral("no import -1")));
        QVERIFY(execute(*m_database, "UPDATE car_import_changes SET import_id = import_id + 1")
                    .contains(QStringLiteral("no import")));

        // A dry run and a refused file record nothing.
        QBuffer buffer;
        buffer.setData(kHeader + row(3));
        buffer.open(QIODevice::ReadOnly);
        CarImportOptions dryRun;
        dryRun.dryRun = true;
        QVERIFY(CarImportService::importCars(*m_database, buffer, dryRun));
        QVERIFY(import(kHeader + row(4, "lots")));
        QCOMPARE(number("SELECT count(*) FROM car_imports"), 1);

        const auto latest = CarImportHistory::latest(*m_database);
        QVERIFY(latest && *latest);
        QCOMPARE((*latest)->id, first->importId);
        QCOMPARE((*latest)->fileName, QStringLiteral("/home/anna/stock.csv"));
        QCOMPARE((*latest)->inserted, 2);
        QVERIFY(CarImportHistory::describe(**latest).startsWith(QStringLiteral("stock.csv (import ")));

        // A record removed takes its rows along.
        exec("DELETE FROM car_imports");
        QCOMPARE(number("SELECT count(*) FROM car_import_changes"), 0);
    }

    void undoRemovesTheCarsItAdded()
    {
        QVERIFY(import(kHeader + row(1)));
        const auto second = import(kHeader + row(2) + row(3) + row(4), CarImportOptions::Mode::Insert);
        QVERIFY(second && second->written);
        const qint64 eventsBefore = number("SELECT count(*) FROM outbox_events");

        const auto undone = CarImportHistory::undo(*m_database, second->importId);
        QVERIFY2(undone, qPrintable(undone ? QString() : undone.error().oneLine()));
        QCOMPARE(undone->removed, 3);
        QCOMPARE(undone->restored, 0);
        QCOMPARE(undone->keptCount, 0);
        QVERIFY(undone->import.undoneAt.isValid());
        QCOMPARE(scalar(*m_database, "SELECT string_agg(stock_number, ',') FROM cars"), QStringLiteral("S1"));
        QCOMPARE(number("SELECT count(*) FROM car_price_history"), 1);
        // One car.deleted per car, shaped like FleetService's.
        QCOMPARE(number("SELECT count(*) FROM outbox_events"), eventsBefore + 3);
        QCOMPARE(scalar(*m_database, "SELECT string_agg(payload ->> 'stock_number', ',' ORDER BY id) FROM "
                                     "outbox_events WHERE topic = 'car.deleted'"),
                 QStringLiteral("S2,S3,S4"));
        QCOMPARE(scalar(*m_database, "SELECT undone_by = current_user FROM car_imports WHERE id = " +
                                         std::to_string(second->importId)),
                 QStringLiteral("t"));

        // Undone once; the newest import not undone is the first one now.
        const auto again = CarImportHistory::undo(*m_database, second->importId);
        QVERIFY(!again);
        QVERIFY2(again.error().message.contains(QStringLiteral("already")), qPrintable(again.error().message));
        QCOMPARE((*CarImportHistory::latest(*m_database))->id, second->importId - 1);
        QCOMPARE(CarImportHistory::undo(*m_database, 999).error().code, Error::Code::NotFound);
    }

    void undoPutsBackWhatAnUpsertOverwrote()
    {
        QVERIFY(import(kHeader + row(1) + row(2) + row(3)));
        const QString car1 = carValues(1);
        const QString car3 = carValues(3);
        QVERIFY(car1.contains(QLatin1String("keep me")));

        // Car 1: new price and notes; car 2: as it is; car 3: another branch, stock number and no fuel type; car 4:
        // new.
        const QByteArray upsert = kHeader + row(1, "17900", "BER1", "sold soon") + row(2) +
                                  row(3, "18900", "HAM", "keep me", "S33").replace("petrol", "") + row(4);
        const auto changed = import(upsert, CarImportOptions::Mode::Upsert);
        QVERIFY(changed && changed->written);
        QCOMPARE(changed->updated, 2);
        QCOMPARE(changed->inserted, 1);
        QVERIFY(carValues(1) != car1);
        QCOMPARE(
            scalar(*m_database, "SELECT stock_number || ' ' || coalesce(fuel_type, 'none') FROM cars WHERE vin = '" +
                                    vin(3).toStdString() + "'"),
            QStringLiteral("S33 none"));
        // What the file's columns overwrote, and only that.
        QCOMPARE(scalar(*m_database, "SELECT string_agg((SELECT string_agg(k, ',' ORDER BY k) FROM jsonb_object_keys("
                                     "before) k), '; ' ORDER BY car_id) FROM car_import_changes WHERE import_id = " +
                                         std::to_string(changed->importId) + " AND before IS NOT NULL"),
                 QStringLiteral("branch_id,fuel_type,list_price,make,model,model_year,notes,stock_number; "
                                "branch_id,fuel_type,list_price,make,model,model_year,notes,stock_number"));
        QCOMPARE(scalar(*m_database, "SELECT string_agg(concat_ws(' ', before ->> 'stock_number', before ->> "
                                     "'list_price', before ->> 'fuel_type', before ->> 'notes'), '; ' ORDER BY car_id) "
                                     "FROM car_import_changes WHERE import_id = " +
                                         std::to_string(changed->importId) + " AND before IS NOT NULL"),
                 QStringLiteral("S1 18900.00 petrol keep me; S3 18900.00 petrol keep me"));
        const qint64 eventsBefore = number("SELECT count(*) FROM outbox_events");

        const auto undone = CarImportHistory::undo(*m_database, changed->importId);
        QVERIFY2(undone, qPrintable(undone ? QString() : undone.error().oneLine()));
        QCOMPARE(undone->removed, 1);
        QCOMPARE(undone->restored, 2);
        QCOMPARE(undone->keptCount, 0);
        QCOMPARE(carValues(1), car1);
        QCOMPARE(carValues(3), car3);
        QCOMPARE(cars(), 3);
        // A put-back value is a change of its own: a newer version than the import's.
        QCOMPARE(
            scalar(*m_database, "SELECT string_agg((c.version > ch.version)::text, ',' ORDER BY c.stock_number) "
                                "FROM cars c JOIN car_import_changes ch ON ch.car_id = c.id WHERE ch.import_id = " +
                                    std::to_string(changed->importId)),
            QStringLiteral("true,true"));
        QCOMPARE(scalar(*m_database, "SELECT version FROM cars WHERE stock_number = 'S2'"), QStringLiteral("1"));
        // car.updated for cars 1 and 3 (and car.price_changed for 1), car.deleted for car 4.
        QCOMPARE(scalar(*m_database,
                        "SELECT string_agg(topic || ' ' || (payload ->> 'stock_number'), ', ' ORDER BY id) FROM "
                        "outbox_events WHERE id > (SELECT max(id) FROM outbox_events) - " +
                            std::to_string(number("SELECT count(*) FROM outbox_events") - eventsBefore)),
                 QStringLiteral("car.deleted S4, car.updated S1, car.price_changed S1, car.updated S3"));
        QCOMPARE(scalar(*m_database, "SELECT payload -> 'changes' -> 'list_price' ->> 1 FROM outbox_events WHERE "
                                     "topic = 'car.updated' ORDER BY id DESC OFFSET 1 LIMIT 1"),
                 QStringLiteral("18900.00"));
        // The price history keeps the whole story.
        QCOMPARE(scalar(*m_database, "SELECT string_agg(new_price::text, ' > ' ORDER BY h.id) FROM car_price_history "
                                     "h JOIN cars c ON c.id = h.car_id WHERE c.stock_number = 'S1'"),
                 QStringLiteral("18900.00 > 17900.00 > 18900.00"));
    }

    void leavesWhatWasBookedOrChangedSinceAndSaysWhy()
    {
        QVERIFY(import(kHeader + row(1) + row(2) + row(3)));
        const auto upsert = import(kHeader + row(1, "20000") + row(2, "20000") + row(3, "20000", "BER1", "x", "S33") +
                                       row(4) + row(5) + row(6),
                                   CarImportOptions::Mode::Upsert);
        QVERIFY(upsert && upsert->written);
        QCOMPARE(upsert->updated, 3);

        // Car 4 is booked; car 1 and car 5 are changed by someone; car 6 is deleted; car 3's old stock number goes
        // to a new car; car 2 is left alone.
        exec("INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, total) SELECT id, 1, "
             "'2030-03-02 09:00+01', '2030-03-05 10:00+01', 50, 150 FROM cars WHERE stock_number = 'S4'");
        for (const char *stock : {"S1", "S5"}) {
            const qint64 id = number(std::string("SELECT id FROM cars WHERE stock_number = '") + stock + "'");
            auto details = FleetService::details(*m_database, id);
            QVERIFY(details);
            CarRecord record;
            record.vin = details->row.vin;
            record.make = details->row.make;
            record.model = details->row.model;
            record.modelYear = details->row.modelYear;
            record.status = details->row.status;
            record.listPrice = QStringLiteral("15000.00");
            QVERIFY(FleetService::update(*m_database, id, record, details->row.version));
        }
        exec("DELETE FROM car_price_history WHERE car_id = (SELECT id FROM cars WHERE stock_number = 'S6');"
             "DELETE FROM cars WHERE stock_number = 'S6'");
        QVERIFY(import(kHeader + row(7, "9000", "BER1", "", "S3")));

        const auto undone = CarImportHistory::undo(*m_database, upsert->importId);
        QVERIFY2(undone, qPrintable(undone ? QString() : undone.error().oneLine()));
        QCOMPARE(undone->removed, 0);
        QCOMPARE(undone->restored, 1); // car 2
        QCOMPARE(undone->keptCount, 4);
        QCOMPARE(undone->kept.size(), 4);
        QStringList reasons;
        for (const CarImportUndoKept &kept : undone->kept)
            reasons << kept.stockNumber + QLatin1Char(' ') + QString::number(int(kept.reason));
        QCOMPARE(reasons.join(QStringLiteral(", ")), QStringLiteral("S1 1, S33 2, S4 0, S5 1"));
        const CarImportUndoKept &changed = undone->kept.at(0);
        QCOMPARE(changed.changedBy, scalar(*m_database, "SELECT current_user"));
        QVERIFY(changed.changedAt.isValid());
        QVERIFY2(changed.message.contains(QStringLiteral("was changed by ") + changed.changedBy),
                 qPrintable(changed.message));
        QVERIFY2(undone->kept.at(1).message.contains(QStringLiteral("S3")), qPrintable(undone->kept.at(1).message));
        QVERIFY2(undone->kept.at(2).message.contains(QStringLiteral("1 booking")),
                 qPrintable(undone->kept.at(2).message));

        // They stay as they are; the one the import changed and nobody else went back.
        QCOMPARE(scalar(*m_database, "SELECT string_agg(stock_number || ' ' || list_price, ', ' ORDER BY stock_number) "
                                     "FROM cars"),
                 QStringLiteral("S1 15000.00, S2 18900.00, S3 9000.00, S33 20000.00, S4 18900.00, S5 15000.00"));
    }

    void undoIsOneTransaction()
    {
        const auto imported = import(kHeader + row(1) + row(2) + row(3));
        QVERIFY(imported);
        exec("CREATE FUNCTION refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
             "RAISE EXCEPTION 'outbox refused'; END $$; "
             "CREATE TRIGGER refuse_event BEFORE INSERT ON outbox_events FOR EACH ROW "
             "WHEN (NEW.topic = 'car.deleted' AND NEW.aggregate_key = 'car:2') EXECUTE FUNCTION refuse_event()");
        const auto undone = CarImportHistory::undo(*m_database, imported->importId);
        exec("DROP TRIGGER refuse_event ON outbox_events; DROP FUNCTION refuse_event()");
        QVERIFY(!undone);
        QCOMPARE(cars(), 3);
        QCOMPARE(number("SELECT count(*) FROM outbox_events WHERE topic = 'car.deleted'"), 0);
        QCOMPARE(scalar(*m_database, "SELECT undone_at IS NULL FROM car_imports"), QStringLiteral("t"));
        QVERIFY(CarImportHistory::undo(*m_database, imported->importId));
        QCOMPARE(cars(), 0);
    }

    void cliUndoesTheLastImportOrAGivenOne()
    {
        QTemporaryDir dir;
        const QStringList server = {QStringLiteral("--server"), m_db->conninfo()};
        const QString path = dir.filePath(QStringLiteral("stock.csv"));
        const QList<std::pair<QString, QByteArray>> files = {{QStringLiteral("stock.csv"), kHeader + row(1) + row(2)},
                                                             {QStringLiteral("more.csv"), kHeader + row(3)}};
        for (const auto &[name, bytes] : files) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        }
        ForecourtRun run = runForecourt(QStringList{QStringLiteral("import"), QStringLiteral("cars"), path} + server);
        QCOMPARE(run.exitCode, 0);
        const QString first = scalar(*m_database, "SELECT max(id) FROM car_imports");
        QVERIFY2(run.out.contains(QStringLiteral("forecourt import undo %1").arg(first)), qPrintable(run.out));
        run = runForecourt(QStringList{QStringLiteral("import"), QStringLiteral("cars"),
                                       dir.filePath(QStringLiteral("more.csv")), QStringLiteral("--json")} +
                           server);
        QCOMPARE(run.exitCode, 0);
        const qint64 second = run.json().value(QStringLiteral("import_id")).toInteger();
        QCOMPARE(second, first.toLongLong() + 1);

        // Without a number: the newest import.
        run = runForecourt(QStringList{QStringLiteral("import"), QStringLiteral("undo")} + server);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("more.csv")) &&
                     run.out.contains(QStringLiteral("1 added cars removed")),
                 qPrintable(run.out + run.err));
        QCOMPARE(cars(), 2);

        // A booked car stays: exit code 1 and the reason.
        exec("INSERT INTO bookings (car_id, customer_id, pickup_at, return_at, daily_rate, total) SELECT id, 1, "
             "'2030-03-02 09:00+01', '2030-03-05 10:00+01', 50, 150 FROM cars WHERE stock_number = 'S1'");
        run = runForecourt(
            QStringList{QStringLiteral("import"), QStringLiteral("undo"), first, QStringLiteral("--json")} + server);
        QCOMPARE(run.exitCode, 1);
        const QJsonObject json = run.json();
        QCOMPARE(json.value(QStringLiteral("removed")).toInteger(), 1);
        QCOMPARE(json.value(QStringLiteral("kept")).toInteger(), 1);
        QVERIFY(json.value(QStringLiteral("kept_cars"))
                    .toArray()
                    .first()
                    .toObject()
                    .value(QStringLiteral("reason"))
                    .toString()
                    .contains(QStringLiteral("booking")));

        run = runForecourt(QStringList{QStringLiteral("import"), QStringLiteral("undo")} + server);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("no import to undo")), qPrintable(run.err));
        run = runForecourt(QStringList{QStringLiteral("import"), QStringLiteral("undo"), first} + server);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("already")), qPrintable(run.err));
        run = runForecourt(QStringList{QStringLiteral("import"), QStringLiteral("undo"), QStringLiteral("last")} +
                           server);
        QCOMPARE(run.exitCode, 2);
        run = runForecourt({QStringLiteral("import"), QStringLiteral("undo"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_database;
};

QTEST_GUILESS_MAIN(TestCarImportUndo)
#include "tst_carimportundo.moc"

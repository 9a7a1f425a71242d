#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "domain/CarValidator.h"
#include "domain/Vin.h"
#include "io/CarCsvColumns.h"
#include "services/CarExportService.h"
#include "services/CarImportService.h"
#include "services/DemoDataService.h"
#include "services/FleetService.h"

#include <QBuffer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <pqxx/pqxx>

namespace {

Result<QByteArray> exported(Database &database, const CarQuery &query)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const Result<qint64> count = CarExportService::exportCars(database, query, buffer);
    if (!count)
        return std::unexpected(count.error());
    return buffer.data();
}

CarQuery byStockNumber()
{
    CarQuery query;
    query.sortColumn = CarColumn::StockNumber;
    query.sortOrder = Qt::AscendingOrder;
    return query;
}

} // namespace

class TestCarExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<TestDatabase>(QStringLiteral("carexport"));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        m_database = m_db->openMigrated();
        QVERIFY(m_database);
        DemoDataOptions options;
        options.cars = 400;
        QVERIFY(DemoDataService::generate(*m_database, options));

        // A car with everything a CSV file finds hard: the delimiter, quotes and line breaks in values,
        // non-ASCII text, empty optional fields, no location.
        CarInput input;
        input.stockNumber = QStringLiteral("ZZ-1");
        input.vin = QStringLiteral("WAUZZZ8V5KA000017");
        input.make = QStringLiteral("Škoda");
        input.model = QStringLiteral("Octavia \"RS\"");
        input.trim = QStringLiteral("Style, Plus");
        input.modelYear = QStringLiteral("2019");
        input.bodyType = QStringLiteral("estate");
        input.fuelType = QStringLiteral("diesel");
        input.transmission = QStringLiteral("automatic");
        input.drive = QStringLiteral("fwd");
        input.colour = QStringLiteral("Blau-Grün");
        input.mileageKm = QStringLiteral("64000");
        input.listPrice = QStringLiteral("18900.50");
        input.acquiredOn = QStringLiteral("2024-03-01");
        input.listedOn = QStringLiteral("2024-03-31");
        input.features = QStringLiteral("18\" alloys; Tow bar, detachable");
        input.notes = QStringLiteral("Line one, with a comma\nLine \"two\"\r\n  indented");
        const CarValidation validation = CarValidator::validate(input);
        QVERIFY2(validation.isValid(), qPrintable(validation.errors().value(0).message));
        QVERIFY(FleetService::create(*m_database, validation.record));

        // Cars whose rental class is not their body's and price's, and one without: the export keeps both.
        QCOMPARE(scalar(*m_database,
                        "WITH changed AS (UPDATE cars SET vehicle_class = CASE WHEN id % 2 = 0 THEN NULL ELSE "
                        "CASE WHEN vehicle_class = 'VAN' THEN 'ECON' ELSE 'VAN' END END WHERE id IN (SELECT id FROM "
                        "cars WHERE status <> 'sold' AND stock_number <> 'ZZ-1' ORDER BY id LIMIT 6) RETURNING 1) "
                        "SELECT count(*) FROM changed"),
                 QStringLiteral("6"));
    }

    void cleanupTestCase()
    {
        m_database.reset();
        m_db.reset();
    }

    void writesTheHeaderAndValuesAsTheImportReadsThem()
    {
        CarQuery query = byStockNumber();
        query.filter.text = QStringLiteral("ZZ-1");
        const Result<QByteArray> bytes = exported(*m_database, query);
        QVERIFY2(bytes, qPrintable(bytes ? QString() : bytes.error().oneLine()));
        const QString expected =
            CarCsvColumns::exportHeader().join(QLatin1Char(',')) +
            QStringLiteral("\r\nZZ-1,WAUZZZ8V5KA000017,Škoda,\"Octavia \"\"RS\"\"\",\"Style, Plus\",2019,estate,diesel,"
                           "automatic,fwd,Blau-Grün,,,,64000,,available,,18900.50,,2024-03-01,2024-03-31,,"
                           "\"18\"\" alloys; Tow bar, detachable\",\"Line one, with a comma\nLine \"\"two\"\"\r\n  "
                           "indented\",no,ECON\r\n"); // an estate at 18,900.50 is economy
        QCOMPARE(QString::fromUtf8(*bytes), expected);
    }

    void followsTheFilterAndTheSortOrder()
    {
        CarQuery query;
        query.filter.fuelTypes = {QStringLiteral("diesel")};
        query.filter.priceTo = 40000;
        query.sortColumn = CarColumn::ListPrice;
        query.sortOrder = Qt::DescendingOrder;
        const Result<QByteArray> bytes = exported(*m_database, query);
        QVERIFY(bytes);
        QStringList stockNumbers;
        for (const QByteArray &line : bytes->split('\n').mid(1)) {
            if (!line.isEmpty() && line.at(0) >= 'A' && line.at(0) <= 'Z' && line.contains(",diesel,"))
                stockNumbers << QString::fromUtf8(line.left(line.indexOf(',')));
        }
        const QString expected =
            scalar(*m_database, "SELECT string_agg(stock_number, ',' ORDER BY list_price DESC, id DESC) FROM cars "
                                "WHERE fuel_type = 'diesel' AND list_price <= 40000");
        QVERIFY(!expected.isEmpty());
        QCOMPARE(stockNumbers.join(QLatin1Char(',')), expected);
    }

    void exportImportExportIsIdentical()
    {
        const Result<QByteArray> first = exported(*m_database, byStockNumber());
        QVERIFY(first);
        QCOMPARE(first->count("\r\n") - first->count("\r\n  indented"), 402); // header and 401 cars
        // The rental fleet and the stock for sale both go out, and come back as they were.
        QVERIFY(first->contains(",yes,") && first->contains(",no,"));
        // So do the rental classes, and the cars without one.
        QVERIFY(first->contains(",VAN\r\n") && first->contains(",COMP\r\n") && first->contains(",none\r\n"));

        TestDatabase fresh(QStringLiteral("carexport_copy"));
        QVERIFY(fresh.isValid());
        std::unique_ptr<Database> copy = fresh.openMigrated();
        QVERIFY(copy);
        const auto branches = copy->guard([&](pqxx::connection &connection) {
            pqxx::work work(connection);
            for (const QString &code :
                 scalar(*m_database, "SELECT string_agg(code, ',') FROM branches").split(QLatin1Char(',')))
                work.exec_params("INSERT INTO branches (code, name) VALUES ($1, $1)", code.toStdString());
            work.commit();
        });
        QVERIFY(branches);

        // Every car comes back as it was, except the sold ones: a car becomes sold only with its sale (Fleet ›
        // Sell…), so the import refuses them, each with its line, and imports the rest (skipInvalid).
        const qint64 sold = scalar(*m_database, "SELECT count(*) FROM cars WHERE status = 'sold'").toLongLong();
        QVERIFY(sold > 0);
        QBuffer buffer;
        buffer.setData(*first);
        buffer.open(QIODevice::ReadOnly);
        qint64 errors = 0;
        CarImportOptions options;
        options.skipInvalid = true;
        options.onIssue = [&](const CarImportIssue &issue) {
            if (issue.severity == CarIssue::Severity::Error) {
                if (issue.kind != CarImportIssue::Kind::SoldWithoutSale)
                    qWarning("line %lld: %s", issue.line, qPrintable(issue.message));
                errors += issue.kind == CarImportIssue::Kind::SoldWithoutSale ? 1 : 1000;
            }
        };
        const auto imported = CarImportService::importCars(*copy, buffer, options);
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().oneLine()));
        QCOMPARE(errors, sold);
        QCOMPARE(imported->inserted, 401 - sold);

        CarQuery unsold = byStockNumber();
        unsold.filter.statuses = {QStringLiteral("available"), QStringLiteral("reserved"), QStringLiteral("rented"),
                                  QStringLiteral("in_service"), QStringLiteral("retired")};
        const Result<QByteArray> expected = exported(*m_database, unsold);
        QVERIFY(expected);
        const Result<QByteArray> second = exported(*copy, byStockNumber());
        QVERIFY(second);
        QCOMPARE(second->size(), expected->size());
        QVERIFY(*second == *expected);
    }

    // Issue 14: text a spreadsheet would run as a formula is written behind an apostrophe (OWASP), and the
    // import takes it off again, so hostile values go out harmless and come back as they were.
    void formulasAreNeutralisedAndReadBack()
    {
        const QStringList hostile = {QStringLiteral("=HYPERLINK(\"http://evil.example\",\"Click\")"),
                                     QStringLiteral("-5"),
                                     QStringLiteral("+1"),
                                     QStringLiteral("@x"),
                                     QStringLiteral("\tx"),
                                     QStringLiteral("\rx"),
                                     QStringLiteral("'=x"),
                                     QStringLiteral("'Tis"),
                                     QStringLiteral("=1+1;-2"),
                                     QStringLiteral("=cmd|' /C calc'!A0")};
        TestDatabase source(QStringLiteral("carexport_formulas"));
        QVERIFY(source.isValid());
        std::unique_ptr<Database> from = source.openMigrated();
        QVERIFY(from);
        for (int i = 0; i < hostile.size(); ++i) {
            CarRecord car;
            car.vin = QStringLiteral("WAUZZZ8V5KA0001%1").arg(i, 2, 10, QLatin1Char('0'));
            car.vin[8] = Vin::checkDigitFor(car.vin);
            car.make = i % 2 ? QStringLiteral("@Make") : QStringLiteral("-Audi");
            car.model = QStringLiteral("=A3");
            car.trim = QStringLiteral("+Sport");
            car.colour = QStringLiteral("=RGB(1;2;3)");
            car.modelYear = 2019;
            car.mileageKm = 64000 + i;
            car.status = QStringLiteral("available");
            car.listPrice = QStringLiteral("18900.50");
            car.features = {QStringLiteral("=2+5"), QStringLiteral("@Tow bar")};
            car.notes = hostile.at(i);
            const Result<CarDetails> created = FleetService::create(*from, car);
            QVERIFY2(created, qPrintable(created ? QString() : created.error().oneLine()));
        }
        const Result<QByteArray> bytes = exported(*from, byStockNumber());
        QVERIFY(bytes);
        const QString text = QString::fromUtf8(*bytes);
        // No cell starts with a formula character; the numbers stay numbers.
        QVERIFY2(text.contains(QStringLiteral(",'-Audi,'=A3,'+Sport,2019,,,,,'=RGB(1;2;3),,,,64000,,available,,"
                                              "18900.50,")),
                 qPrintable(text));
        QVERIFY2(
            text.contains(QStringLiteral(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",no,ECON\r\n")),
            qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(",'@x,no,ECON\r\n")) &&
                     text.contains(QStringLiteral(",'-5,no,ECON\r\n")) &&
                     text.contains(QStringLiteral(",'+1,no,ECON\r\n")) &&
                     text.contains(QStringLiteral(",''=x,no,ECON\r\n")) &&
                     text.contains(QStringLiteral(",'Tis,no,ECON\r\n")) &&
                     text.contains(QStringLiteral(",'\tx,no,ECON\r\n")),
                 qPrintable(text));
        for (const QString &line : text.split(QStringLiteral("\r\n"))) {
            for (const QString &cell : line.split(QLatin1Char(','))) {
                const QString bare = cell.startsWith(QLatin1Char('"')) ? cell.mid(1) : cell;
                QVERIFY2(bare.isEmpty() || !QStringLiteral("=+@\t\r").contains(bare.front()) ||
                             bare.front() == QLatin1Char('-'),
                         qPrintable(cell));
            }
        }

        // Back in: the very values.
        TestDatabase target(QStringLiteral("carexport_formulas_back"));
        QVERIFY(target.isValid());
        std::unique_ptr<Database> to = target.openMigrated();
        QVERIFY(to);
        QBuffer buffer;
        buffer.setData(*bytes);
        buffer.open(QIODevice::ReadOnly);
        const auto imported = CarImportService::importCars(*to, buffer, {});
        QVERIFY2(imported && imported->written, qPrintable(imported ? QString() : imported.error().oneLine()));
        const std::string values = "SELECT string_agg(concat_ws('|', vin, make, model, trim_level, colour, "
                                   "array_to_string(features, '#'), notes, mileage_km, list_price), '&' ORDER BY vin) "
                                   "FROM cars";
        const QString original = scalar(*from, values);
        QVERIFY(original.contains(hostile.first()));
        QCOMPARE(scalar(*to, values), original);
        QCOMPARE(scalar(*to, "SELECT count(*) FROM cars WHERE notes = E'\\tx' OR notes = E'\\rx'"),
                 QStringLiteral("2"));
    }

    void cliExportsWithFiltersToAFileOrStandardOutput()
    {
        QTemporaryDir dir;
        const QStringList server = {QStringLiteral("--server"), m_db->conninfo()};
        const QString file = dir.filePath(QStringLiteral("petrol.csv"));
        const QStringList exportCars = {QStringLiteral("export"), QStringLiteral("cars")};

        ForecourtRun run = runForecourt(
            exportCars + server +
            QStringList{QStringLiteral("--fuel"), QStringLiteral("Benzin"), QStringLiteral("--make"),
                        QStringLiteral("Volkswagen,Skoda"), QStringLiteral("--make"), QStringLiteral("BMW"),
                        QStringLiteral("--year-from"), QStringLiteral("2018"), QStringLiteral("-o"), file});
        QCOMPARE(run.exitCode, 0);
        const qint64 expected =
            scalar(*m_database, "SELECT count(*) FROM cars WHERE fuel_type = 'petrol' AND make IN ('Volkswagen', "
                                "'Skoda', 'BMW') AND model_year >= 2018")
                .toLongLong();
        QVERIFY(expected > 0);
        QVERIFY2(run.out.contains(QString::number(expected) + QStringLiteral(" car")), qPrintable(run.out));
        QFile exportedFile(file);
        QVERIFY(exportedFile.open(QIODevice::ReadOnly));
        QCOMPARE(exportedFile.readAll().count("\r\n"), expected + 1);

        run = runForecourt(exportCars + server + QStringList{QStringLiteral("--search"), QStringLiteral("ZZ-1")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(CarCsvColumns::exportHeader().join(QLatin1Char(',')) + QStringLiteral("\r\nZZ-1,")));

        // "Not stated" is a value of the filters (the ZZ-1 car has no condition).
        for (const QString &notStated :
             {QStringLiteral("not_stated"), QStringLiteral("unknown"), QStringLiteral("n/a")}) {
            run = runForecourt(exportCars + server + QStringList{QStringLiteral("--condition"), notStated});
            QCOMPARE(run.exitCode, 0);
            QCOMPARE(run.out.count(QStringLiteral("\r\n")), 3); // the header, ZZ-1 and the line break in its notes
            QVERIFY2(run.out.contains(QStringLiteral("\r\nZZ-1,")), qPrintable(run.out));
        }
        // The rental fleet or the stock for sale.
        for (const auto &[flag, sql] :
             {std::pair{QStringLiteral("yes"), "SELECT count(*) FROM cars WHERE for_rent"},
              std::pair{QStringLiteral("No"), "SELECT count(*) FROM cars WHERE NOT for_rent"}}) {
            run = runForecourt(exportCars + server + QStringList{QStringLiteral("--for-rent"), flag});
            QCOMPARE(run.exitCode, 0);
            const qint64 cars = scalar(*m_database, sql).toLongLong();
            QVERIFY(cars > 0);
            QCOMPARE(run.out.count(QStringLiteral("\r\n")) - run.out.count(QStringLiteral("\r\n  indented")), cars + 1);
        }
        run =
            runForecourt(exportCars + server + QStringList{QStringLiteral("--for-rent"), QStringLiteral("sometimes")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--for-rent")), qPrintable(run.err));

        run = runForecourt(exportCars + server + QStringList{QStringLiteral("--help")});
        QVERIFY2(run.out.contains(QStringLiteral("not_stated")), qPrintable(run.out));

        run = runForecourt(exportCars + server + QStringList{QStringLiteral("--fuel"), QStringLiteral("plutonium")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("Unknown fuel type \"plutonium\"")), qPrintable(run.err));
        run = runForecourt(exportCars + server + QStringList{QStringLiteral("--sort"), QStringLiteral("colour_depth")});
        QCOMPARE(run.exitCode, 2);
        run = runForecourt(exportCars + server + QStringList{QStringLiteral("--price-to"), QStringLiteral("cheap")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--price-to")), qPrintable(run.err));
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_database;
};

QTEST_GUILESS_MAIN(TestCarExport)
#include "tst_carexport.moc"

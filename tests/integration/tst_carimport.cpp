#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "domain/Vin.h"
#include "services/CarImportHistory.h"
#include "services/CarImportService.h"
#include "services/SalesService.h"

#include <QBuffer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <pqxx/pqxx>

namespace {

// A valid VIN (with its check digit) for serial `n`.
QString vin(int n)
{
    QString text = QStringLiteral("WVWZZZ1KZMW%1").arg(n, 6, 10, QLatin1Char('0'));
    text[8] = Vin::checkDigitFor(text);
    return text;
}

const QByteArray kHeader = "stock_number,vin,make,model,model_year,body_type,fuel_type,transmission,drive,location,"
                           "list_price,notes\r\n";

// One valid row of kHeader's columns.
QByteArray row(int n, const QByteArray &price = "18900", const QByteArray &location = "BER1",
               const QByteArray &notes = {})
{
    return "S" + QByteArray::number(n) + "," + vin(n).toLatin1() +
           ",Volkswagen,Golf,2021,hatchback,petrol,manual,fwd," + location + "," + price + "," + notes + "\r\n";
}

struct Imported
{
    Result<CarImportSummary> summary = std::unexpected(Error());
    QList<CarImportIssue> issues;

    QString describe() const
    {
        if (!summary)
            return summary.error().oneLine();
        QStringList lines;
        for (const CarImportIssue &issue : issues)
            lines << QStringLiteral("%1 %2: %3").arg(issue.line).arg(issue.column, issue.message);
        return lines.join(QLatin1Char('\n'));
    }
    QList<CarImportIssue> errors() const
    {
        QList<CarImportIssue> result;
        for (const CarImportIssue &issue : issues) {
            if (issue.severity == CarIssue::Severity::Error)
                result << issue;
        }
        return result;
    }
};

} // namespace

class TestCarImport : public QObject
{
    Q_OBJECT

private:
    Imported import(const QByteArray &bytes, CarImportOptions options = {},
                    const std::function<bool(qint64, qint64)> &progress = {})
    {
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        Imported imported;
        options.onIssue = [&](const CarImportIssue &issue) { imported.issues << issue; };
        imported.summary = CarImportService::importCars(*m_database, buffer, options, progress);
        return imported;
    }

    qint64 number(const std::string &sql) { return scalar(*m_database, sql).toLongLong(); }
    qint64 cars() { return number("SELECT count(*) FROM cars"); }
    qint64 events() { return number("SELECT count(*) FROM outbox_events"); }

    void exec(const std::string &sql)
    {
        const QString error = execute(*m_database, sql);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // Fails the test unless the import failed as a whole with a message containing `needle`, and wrote nothing.
    void expectRefusedFile(const Imported &imported, const QString &needle)
    {
        QVERIFY2(!imported.summary, "the file was accepted");
        QCOMPARE(imported.summary.error().code, Error::Code::InvalidInput);
        QVERIFY2(imported.summary.error().message.contains(needle), qPrintable(imported.summary.error().message));
        QCOMPARE(cars(), 0);
        QCOMPARE(events(), 0);
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<TestDatabase>(QStringLiteral("carimport"));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        m_database = m_db->openMigrated();
        QVERIFY(m_database);
        exec("INSERT INTO branches (code, name) VALUES ('BER1', 'Berlin'), ('HAM', 'Hamburg')");
    }

    void init() { exec("TRUNCATE cars, car_price_history, outbox_events RESTART IDENTITY CASCADE"); }

    void cleanupTestCase()
    {
        m_database.reset();
        m_db.reset();
    }

    void importsNewCarsWithPriceHistoryAndEvents()
    {
        const Imported imported = import(kHeader + row(1) + row(2, "\"17.500,50\"", "") + row(3, "21000", "ham"));
        QVERIFY2(imported.summary, qPrintable(imported.describe()));
        QVERIFY2(imported.issues.isEmpty(), qPrintable(imported.describe()));
        QCOMPARE(imported.summary->rows, 3);
        QCOMPARE(imported.summary->inserted, 3);
        QVERIFY(imported.summary->written);
        QCOMPARE(cars(), 3);
        QCOMPARE(scalar(*m_database, "SELECT list_price FROM cars WHERE stock_number = 'S2'"),
                 QStringLiteral("17500.50"));
        QCOMPARE(scalar(*m_database, "SELECT coalesce(branch_id::text, 'none') FROM cars WHERE stock_number = 'S2'"),
                 QStringLiteral("none"));
        QCOMPARE(scalar(*m_database, "SELECT b.code FROM cars c JOIN branches b ON b.id = c.branch_id "
                                     "WHERE stock_number = 'S3'"),
                 QStringLiteral("HAM"));
        QCOMPARE(number("SELECT count(*) FROM car_price_history WHERE old_price IS NULL"), 3);
        // One car.created per car, keyed and shaped like FleetService's.
        QCOMPARE(number("SELECT count(*) FROM outbox_events WHERE topic = 'car.created'"), 3);
        QCOMPARE(number("SELECT count(*) FROM outbox_events e JOIN cars c ON e.aggregate_key = 'car:' || c.id "
                        "AND e.payload = jsonb_build_object('id', c.id, 'stock_number', c.stock_number, 'vin', c.vin, "
                        "'make', c.make, 'model', c.model)"),
                 3);
    }

    void datesLandAsWritten()
    {
        const QByteArray header = "vin,make,model,model_year,body_type,fuel_type,transmission,drive,list_price,"
                                  "acquired_on,listed_on,sold_on,status\r\n";
        const QByteArray cars = vin(1).toLatin1() +
                                ",Volkswagen,Golf,2021,hatchback,petrol,manual,fwd,18900,2024-03-05,"
                                "5.4.2024,2025-12-31,retired\r\n" +
                                vin(2).toLatin1() +
                                ",Volkswagen,Golf,2021,hatchback,petrol,manual,fwd,18900,2024-3-5,"
                                "2024-11-09,,available\r\n";
        const Imported imported = import(header + cars);
        QVERIFY2(imported.summary && imported.summary->written, qPrintable(imported.describe()));
        QCOMPARE(scalar(*m_database, "SELECT string_agg(concat_ws(' ', acquired_on, listed_on, sold_on), '; ' "
                                     "ORDER BY listed_on) FROM cars"),
                 QStringLiteral("2024-03-05 2024-04-05 2025-12-31; 2024-03-05 2024-11-09"));
    }

    void readsBomSemicolonsSynonymsAndQuotedFields()
    {
        // German headers, a BOM, semicolons, and quoted fields holding the delimiter, quotes and line breaks.
        const QByteArray file = "\xEF\xBB\xBF"
                                "FIN;Marke;Modell;Baujahr;Karosserie;Kraftstoff;Getriebe;Antrieb;Preis;Filiale;"
                                "Bemerkungen\r\n" +
                                vin(1).toLatin1() +
                                ";Volkswagen;Golf;2021;Kombi;Diesel;Automatik;Allrad;\"18.900,50\";BER1;"
                                "\"Says \"\"like new\"\"; one owner\r\nsecond line\"\r\n" +
                                vin(2).toLatin1() +
                                ";\"Mercedes-Benz\";\"C; T-Modell\";2020;SUV;Benzin;Schaltgetriebe;"
                                "Heckantrieb;20000;;\r\n";
        const Imported imported = import(file);
        QVERIFY2(imported.summary, qPrintable(imported.describe()));
        QVERIFY2(imported.errors().isEmpty(), qPrintable(imported.describe()));
        QCOMPARE(imported.summary->inserted, 2);
        QCOMPARE(scalar(*m_database, "SELECT notes FROM cars WHERE vin = '" + vin(1).toStdString() + "'"),
                 QStringLiteral("Says \"like new\"; one owner\r\nsecond line"));
        QCOMPARE(scalar(*m_database, "SELECT body_type || '/' || fuel_type || '/' || transmission || '/' || drive || "
                                     "'/' || list_price FROM cars WHERE vin = '" +
                                         vin(1).toStdString() + "'"),
                 QStringLiteral("estate/diesel/automatic/awd/18900.50"));
        QCOMPARE(scalar(*m_database, "SELECT model FROM cars WHERE vin = '" + vin(2).toStdString() + "'"),
                 QStringLiteral("C; T-Modell"));
    }

    void reportsPhysicalLinesAfterMultiLineFields()
    {
        // Line 2 spans three physical lines, so the bad row is on line 5, and the one after it on line 6.
        const QByteArray file = kHeader + row(1, "18900", "BER1", "\"first\nsecond\nthird\"") + row(2, "lots") +
                                row(3, "18900", "BER1", "\"a, b\"");
        const Imported imported = import(file);
        QVERIFY(imported.summary);
        QCOMPARE(imported.errors().size(), 1);
        const CarImportIssue issue = imported.errors().first();
        QCOMPARE(issue.line, 5);
        QCOMPARE(issue.column, QStringLiteral("list_price"));
        QCOMPARE(issue.value, QStringLiteral("lots"));
        QVERIFY2(issue.message.contains(QStringLiteral("not an amount")), qPrintable(issue.message));
        QCOMPARE(issue.kind, CarImportIssue::Kind::Invalid);
    }

    void refusesFilesThatAreNotCsv_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("header only") << kHeader << QStringLiteral("no cars");
        QTest::newRow("missing list price")
            << QByteArray("vin,make,model,model_year\r\n" + vin(1).toLatin1() + ",VW,Golf,2021\r\n")
            << QStringLiteral("List price");
        QTest::newRow("Latin-1 on line 3") << QByteArray(kHeader + row(1) +
                                                         row(2, "18900", "BER1",
                                                             "Gepr\xFC"
                                                             "ft"))
                                           << QStringLiteral("Line 3");
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", 20) << QStringLiteral("CSV");
        QTest::newRow("UTF-16") << QByteArray("\xFF\xFEv\0i\0n\0\r\0\n\0", 12) << QStringLiteral("UTF-16");
        QTest::newRow("prose") << QByteArray("Dear customer, thank you for your order.\nKind regards\n")
                               << QStringLiteral("VIN");
    }

    void refusesFilesThatAreNotCsv()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, message);
        expectRefusedFile(import(file), message);
    }

    void invalidRowsRefuseTheWholeImport()
    {
        const Imported imported =
            import(kHeader + row(1) + row(2, "abc") + row(3) + row(4, "18900", "BER1").replace("2021", "1850"));
        QVERIFY(imported.summary);
        QCOMPARE(imported.summary->rows, 4);
        QCOMPARE(imported.summary->refused, 2);
        QCOMPARE(imported.summary->inserted, 0);
        QVERIFY(!imported.summary->written);
        QCOMPARE(imported.errors().size(), 2);
        QCOMPARE(imported.errors().at(0).line, 3);
        QCOMPARE(imported.errors().at(0).column, QStringLiteral("list_price"));
        QCOMPARE(imported.errors().at(1).line, 5);
        QCOMPARE(imported.errors().at(1).column, QStringLiteral("model_year"));
        QCOMPARE(imported.errors().at(1).value, QStringLiteral("1850"));
        QCOMPARE(cars(), 0);
        QCOMPARE(events(), 0);
    }

    void skipInvalidImportsTheValidRows()
    {
        CarImportOptions options;
        options.skipInvalid = true;
        const Imported imported = import(kHeader + row(1) + row(2, "abc") + row(3), options);
        QVERIFY(imported.summary);
        QCOMPARE(imported.summary->refused, 1);
        QCOMPARE(imported.summary->inserted, 2);
        QVERIFY(imported.summary->written);
        QCOMPARE(imported.errors().size(), 1);
        QCOMPARE(imported.errors().first().line, 3);
        QCOMPARE(scalar(*m_database, "SELECT string_agg(stock_number, ',' ORDER BY id) FROM cars"),
                 QStringLiteral("S1,S3"));
    }

    void rowsWithExtraFieldsAreRefused()
    {
        CarImportOptions options;
        options.skipInvalid = true;
        // An unquoted "18,900" is two fields: the notes move one column to the right.
        const Imported imported = import(kHeader + row(1) + row(2, "18,900", "BER1", "note"), options);
        QVERIFY(imported.summary);
        QCOMPARE(imported.summary->inserted, 1);
        QCOMPARE(imported.errors().size(), 1);
        QCOMPARE(imported.errors().first().kind, CarImportIssue::Kind::ExtraFields);
        QCOMPARE(imported.errors().first().line, 3);
    }

    void repeatedVinIsTakenAtItsFirstRow()
    {
        QByteArray repeat = row(1, "30000");
        repeat.replace("S1,", "S9,");
        const QByteArray file = kHeader + row(1) + row(2) + repeat + repeat;
        const Imported refused = import(file);
        QVERIFY(refused.summary);
        QCOMPARE(refused.summary->refused, 2);
        QCOMPARE(cars(), 0);

        CarImportOptions options;
        options.skipInvalid = true;
        const Imported imported = import(file, options);
        QVERIFY(imported.summary);
        QCOMPARE(imported.summary->inserted, 2);
        QCOMPARE(imported.errors().size(), 2);
        for (const CarImportIssue &issue : imported.errors()) {
            QCOMPARE(issue.kind, CarImportIssue::Kind::DuplicateVin);
            QCOMPARE(issue.otherLine, 2);
            QVERIFY2(issue.message.contains(QStringLiteral("line 2")), qPrintable(issue.message));
        }
        QCOMPARE(imported.errors().at(0).line, 4);
        QCOMPARE(imported.errors().at(1).line, 5);
        QCOMPARE(scalar(*m_database, "SELECT list_price FROM cars WHERE stock_number = 'S1'"),
                 QStringLiteral("18900.00"));
    }

    void repeatedStockNumberIsRefused()
    {
        QByteArray other = row(2);
        other.replace("S2,", "S1,");
        CarImportOptions options;
        options.skipInvalid = true;
        const Imported imported = import(kHeader + row(1) + other, options);
        QVERIFY(imported.summary);
        QCOMPARE(imported.summary->inserted, 1);
        QCOMPARE(imported.errors().size(), 1);
        QCOMPARE(imported.errors().first().kind, CarImportIssue::Kind::DuplicateStockNumber);
        QCOMPARE(imported.errors().first().otherLine, 2);
    }

    void checksAgainstTheFleet()
    {
        QVERIFY(import(kHeader + row(1) + row(2)).summary);
        const qint64 eventsBefore = events();

        // Line 2: VIN in the fleet (insert mode); line 3: unknown location; line 4: stock number S1 belongs
        // to the car with VIN 1; line 5 is fine.
        QByteArray takenStock = row(4);
        takenStock.replace("S4,", "S1,");
        const QByteArray file = kHeader + row(2) + row(3, "18900", "XX9") + takenStock + row(5);
        const Imported refused = import(file);
        QVERIFY(refused.summary);
        QCOMPARE(refused.summary->refused, 3);
        QVERIFY(!refused.summary->written);
        QCOMPARE(refused.errors().size(), 3);
        QCOMPARE(refused.errors().at(0).kind, CarImportIssue::Kind::VinExists);
        QCOMPARE(refused.errors().at(0).line, 2);
        QVERIFY2(refused.errors().at(0).message.contains(QStringLiteral("S2")), qPrintable(refused.describe()));
        QCOMPARE(refused.errors().at(1).kind, CarImportIssue::Kind::UnknownLocation);
        QCOMPARE(refused.errors().at(1).line, 3);
        QCOMPARE(refused.errors().at(1).column, QStringLiteral("location"));
        QCOMPARE(refused.errors().at(1).value, QStringLiteral("XX9"));
        QVERIFY2(refused.errors().at(1).message.contains(QStringLiteral("BER1, HAM")), qPrintable(refused.describe()));
        QCOMPARE(refused.errors().at(2).kind, CarImportIssue::Kind::StockNumberTaken);
        QCOMPARE(refused.errors().at(2).line, 4);
        QCOMPARE(cars(), 2);
        QCOMPARE(events(), eventsBefore);

        CarImportOptions options;
        options.skipInvalid = true;
        const Imported imported = import(file, options);
        QVERIFY(imported.summary);
        QCOMPARE(imported.summary->inserted, 1);
        QCOMPARE(imported.summary->refused, 3);
        QCOMPARE(cars(), 3);
        QCOMPARE(events(), eventsBefore + 1);
    }

    void upsertUpdatesChangedCarsOnly()
    {
        QVERIFY(import(kHeader + row(1) + row(2) + row(3, "18900", "BER1", "keep me")).summary);
        const qint64 eventsBefore = events();

        // Car 1 gets a new price, car 2 stays as it is, car 3 moves in a file without notes, car 4 is new.
        const auto withoutNotes = [](QByteArray line) -> QByteArray {
            line.chop(3); // ",\r\n": the empty notes
            return line + "\r\n";
        };
        const QByteArray file = QByteArray(kHeader).replace(",notes", "") + withoutNotes(row(1, "17900")) +
                                withoutNotes(row(2)) + withoutNotes(row(3, "18900", "HAM")) + withoutNotes(row(4));
        CarImportOptions options;
        options.mode = CarImportOptions::Mode::Upsert;
        const Imported imported = import(file, options);
        QVERIFY2(imported.summary, qPrintable(imported.describe()));
        QVERIFY2(imported.errors().isEmpty(), qPrintable(imported.describe()));
        QCOMPARE(imported.summary->updated, 2);
        QCOMPARE(imported.summary->unchanged, 1);
        QCOMPARE(imported.summary->inserted, 1);

        QCOMPARE(scalar(*m_database, "SELECT version || ' ' || list_price FROM cars WHERE stock_number = 'S1'"),
                 QStringLiteral("2 17900.00"));
        QCOMPARE(scalar(*m_database, "SELECT version FROM cars WHERE stock_number = 'S2'"), QStringLiteral("1"));
        QCOMPARE(scalar(*m_database, "SELECT version || ' ' || notes || ' ' || b.code FROM cars c "
                                     "JOIN branches b ON b.id = c.branch_id WHERE stock_number = 'S3'"),
                 QStringLiteral("2 keep me HAM"));
        // The trigger kept the old price.
        QCOMPARE(scalar(*m_database, "SELECT old_price || '>' || new_price FROM car_price_history h JOIN cars c ON "
                                     "c.id = h.car_id WHERE c.stock_number = 'S1' AND old_price IS NOT NULL"),
                 QStringLiteral("18900.00>17900.00"));
        // Car 1: car.updated then car.price_changed; car 3: car.updated; car 4: car.created; car 2: nothing.
        QCOMPARE(events(), eventsBefore + 4);
        QCOMPARE(scalar(*m_database, "SELECT string_agg(topic, ',' ORDER BY id) FROM outbox_events WHERE "
                                     "aggregate_key = 'car:1' AND topic <> 'car.created'"),
                 QStringLiteral("car.updated,car.price_changed"));
        QCOMPARE(scalar(*m_database, "SELECT payload->'changes'->'list_price'->>1 FROM outbox_events WHERE "
                                     "aggregate_key = 'car:1' AND topic = 'car.updated'"),
                 QStringLiteral("17900.00"));
        QCOMPARE(scalar(*m_database, "SELECT payload->'changes' ? 'branch_id' FROM outbox_events WHERE "
                                     "aggregate_key = 'car:3' AND topic = 'car.updated'"),
                 QStringLiteral("t"));
        QCOMPARE(number("SELECT count(*) FROM outbox_events WHERE aggregate_key = 'car:2'"), 1); // its car.created

        // The same file again changes nothing.
        const Imported again = import(file, options);
        QVERIFY(again.summary);
        QCOMPARE(again.summary->unchanged, 4);
        QCOMPARE(events(), eventsBefore + 4);
    }

    // A car becomes sold only with its sale (Fleet › Sell…): a row that would make a new car, or one not sold now,
    // sold is refused with its line and a sentence saying so; a car with a sale stays sold unless retired.
    void soldOnlyWithASale()
    {
        const QByteArray header = QByteArray(kHeader).replace(",notes", ",notes,status");
        const auto withStatus = [](QByteArray line, const QByteArray &status) -> QByteArray {
            line.chop(2); // "\r\n"
            return line + "," + status + "\r\n";
        };
        const QByteArray file = header + withStatus(row(1), "available") + withStatus(row(2), "Verkauft");
        const Imported refused = import(file);
        QVERIFY2(refused.summary, qPrintable(refused.describe()));
        QVERIFY(!refused.summary->written);
        QCOMPARE(refused.summary->refused, 1);
        QCOMPARE(refused.errors().size(), 1);
        const CarImportIssue issue = refused.errors().first();
        QCOMPARE(issue.kind, CarImportIssue::Kind::SoldWithoutSale);
        QCOMPARE(issue.line, 3);
        QCOMPARE(issue.column, QStringLiteral("status"));
        QVERIFY2(issue.message.contains(QStringLiteral("Fleet › Sell…")), qPrintable(issue.message));
        QCOMPARE(cars(), 0);
        CarImportOptions skip;
        skip.skipInvalid = true;
        const Imported valid = import(file, skip);
        QVERIFY2(valid.summary && valid.summary->written, qPrintable(valid.describe()));
        QCOMPARE(valid.summary->inserted, 1);
        QCOMPARE(number("SELECT count(*) FROM cars WHERE status = 'sold'"), 0);

        // Upsert: car 1 (available) may not become sold, nor a new car 3 come in sold.
        CarImportOptions upsert;
        upsert.mode = CarImportOptions::Mode::Upsert;
        const Imported update =
            import(header + withStatus(row(1), "sold") + withStatus(row(3), "sold") + withStatus(row(4), ""), upsert);
        QVERIFY2(update.summary && !update.summary->written, qPrintable(update.describe()));
        QCOMPARE(update.summary->refused, 2);
        for (const CarImportIssue &each : update.errors())
            QCOMPARE(each.kind, CarImportIssue::Kind::SoldWithoutSale);
        QCOMPARE(number("SELECT count(*) FROM cars WHERE status = 'sold'"), 0);

        // With its sale, car 1 is sold; the file may say so, or retire it, but not put it back in stock.
        SaleRequest sale;
        sale.carId = number("SELECT id FROM cars WHERE stock_number = 'S1'");
        sale.soldOn = QDate::currentDate();
        sale.priceCents = 1890000;
        const auto recorded = SalesService::sell(*m_database, sale);
        QVERIFY2(recorded, qPrintable(recorded ? QString() : recorded.error().oneLine()));
        const Imported same = import(header + withStatus(row(1, "17900"), "sold"), upsert);
        QVERIFY2(same.summary && same.summary->written, qPrintable(same.describe()));
        QCOMPARE(same.summary->updated, 1);
        const Imported back = import(header + withStatus(row(1), "available"), upsert);
        QVERIFY2(back.summary && !back.summary->written, qPrintable(back.describe()));
        QCOMPARE(back.errors().size(), 1);
        QVERIFY2(back.errors().first().message.contains(QStringLiteral("Void sale")),
                 qPrintable(back.errors().first().message));
        QCOMPARE(scalar(*m_database, "SELECT status FROM cars WHERE stock_number = 'S1'"), QStringLiteral("sold"));
        // A file without the status column leaves the status alone.
        const Imported noStatus = import(kHeader + row(1, "17500"), upsert);
        QVERIFY2(noStatus.summary && noStatus.summary->written, qPrintable(noStatus.describe()));
        QCOMPARE(scalar(*m_database, "SELECT status FROM cars WHERE stock_number = 'S1'"), QStringLiteral("sold"));
    }

    // The rental-fleet column: yes/no/true/false/1/0 (empty: stock for sale), anything else refused with the
    // line; an upsert without the column keeps the flag, one with it changes it, and its undo puts it back.
    void rentalFleetColumn()
    {
        const QByteArray header = QByteArray(kHeader).replace(",notes", ",notes,for_rent");
        const auto withFleet = [](QByteArray line, const QByteArray &forRent) -> QByteArray {
            line.chop(2);
            return line + "," + forRent + "\r\n";
        };
        const Imported refused = import(header + withFleet(row(1), "yes") + withFleet(row(2), "perhaps"));
        QVERIFY(!refused.summary || !refused.summary->written);
        QCOMPARE(refused.errors().size(), 1);
        QCOMPARE(refused.errors().first().line, 3);
        QVERIFY2(refused.errors().first().message.contains(QStringLiteral("perhaps")), qPrintable(refused.describe()));
        QCOMPARE(cars(), 0);

        const Imported imported =
            import(header + withFleet(row(1), "yes") + withFleet(row(2), "No") + withFleet(row(3), "1") +
                   withFleet(row(4), "false") + withFleet(row(5), "") + withFleet(row(6), " TRUE "));
        QVERIFY2(imported.summary && imported.errors().isEmpty(), qPrintable(imported.describe()));
        QCOMPARE(scalar(*m_database, "SELECT string_agg(stock_number, ',' ORDER BY stock_number) FROM cars "
                                     "WHERE for_rent"),
                 QStringLiteral("S1,S3,S6"));

        // Without the column the flag stays; with it, it changes and the undo puts it back.
        CarImportOptions options;
        options.mode = CarImportOptions::Mode::Upsert;
        const QByteArray withoutColumn = kHeader + row(1, "17900") + row(2, "17900");
        const Imported kept = import(withoutColumn, options);
        QVERIFY2(kept.summary && kept.errors().isEmpty(), qPrintable(kept.describe()));
        QCOMPARE(scalar(*m_database, "SELECT string_agg(stock_number || '=' || for_rent, ',' ORDER BY stock_number) "
                                     "FROM cars WHERE stock_number IN ('S1', 'S2')"),
                 QStringLiteral("S1=true,S2=false"));
        const Imported changed =
            import(header + withFleet(row(1, "17900"), "no") + withFleet(row(2, "17900"), "yes"), options);
        QVERIFY2(changed.summary && changed.errors().isEmpty(), qPrintable(changed.describe()));
        QCOMPARE(changed.summary->updated, 2);
        QCOMPARE(scalar(*m_database, "SELECT string_agg(stock_number || '=' || for_rent, ',' ORDER BY stock_number) "
                                     "FROM cars WHERE stock_number IN ('S1', 'S2')"),
                 QStringLiteral("S1=false,S2=true"));
        const auto undone = CarImportHistory::undo(*m_database, changed.summary->importId);
        QVERIFY2(undone, qPrintable(undone ? QString() : undone.error().oneLine()));
        QCOMPARE(scalar(*m_database, "SELECT string_agg(stock_number || '=' || for_rent, ',' ORDER BY stock_number) "
                                     "FROM cars WHERE stock_number IN ('S1', 'S2')"),
                 QStringLiteral("S1=true,S2=false"));
    }

    // The rental-class column (issue 17): a code or name in any letter case, "none" for no class; an empty cell
    // or a file without the column gives a new car the class of its body and price (vehicle_class_for); an
    // unknown class refuses the row, naming the classes; an upsert's empty cell keeps the car's class.
    void rentalClassColumn()
    {
        const QByteArray header = QByteArray(kHeader).replace(",notes", ",notes,vehicle_class");
        const auto withClass = [](QByteArray line, const QByteArray &vehicleClass) -> QByteArray {
            line.chop(2);
            return line + "," + vehicleClass + "\r\n";
        };
        const QString classes = QStringLiteral("SELECT string_agg(stock_number || '=' || coalesce(vehicle_class, '-'), "
                                               "',' ORDER BY stock_number) FROM cars");

        const Imported refused = import(header + withClass(row(1), "COMP") + withClass(row(2), "Luxury"));
        QVERIFY(!refused.summary || !refused.summary->written);
        QCOMPARE(refused.errors().size(), 1);
        const CarImportIssue issue = refused.errors().first();
        QCOMPARE(issue.line, 3);
        QCOMPARE(issue.column, QStringLiteral("vehicle_class"));
        QVERIFY2(issue.message.contains(QStringLiteral("\"Luxury\"")) &&
                     issue.message.contains(QStringLiteral("ECON (Economy)")) &&
                     issue.message.contains(QStringLiteral("VAN (Van)")),
                 qPrintable(issue.message));
        QCOMPARE(cars(), 0);

        // A hatchback at 18,900 is economy, at 30,000 compact; at 70,000 any car is premium.
        const Imported imported =
            import(header + withClass(row(1), "SUV") + withClass(row(2), "compact") + withClass(row(3), " van ") +
                   withClass(row(4), "none") + withClass(row(5, "30000"), "") + withClass(row(6, "70000"), "") +
                   withClass(row(7), "Premium"));
        QVERIFY2(imported.summary && imported.errors().isEmpty(), qPrintable(imported.describe()));
        QCOMPARE(imported.summary->inserted, 7);
        QCOMPARE(scalar(*m_database, classes.toStdString()),
                 QStringLiteral("S1=SUV,S2=COMP,S3=VAN,S4=-,S5=COMP,S6=PREM,S7=PREM"));

        // A file without the column: the rule, as for the migrated cars.
        const Imported without = import(kHeader + row(8) + row(9, "70000"));
        QVERIFY2(without.summary && without.errors().isEmpty(), qPrintable(without.describe()));
        QCOMPARE(
            scalar(*m_database, QString(classes + QStringLiteral(" WHERE stock_number IN ('S8', 'S9')")).toStdString()),
            QStringLiteral("S8=ECON,S9=PREM"));

        // Upsert: without the column the classes stay; with it an empty cell keeps the class, a class or none
        // changes it, and the undo puts the classes back.
        CarImportOptions options;
        options.mode = CarImportOptions::Mode::Upsert;
        const Imported kept = import(kHeader + row(1, "70000") + row(4, "70000"), options);
        QVERIFY2(kept.summary && kept.errors().isEmpty(), qPrintable(kept.describe()));
        QCOMPARE(kept.summary->updated, 2);
        const std::string firstFour =
            QString(classes + QStringLiteral(" WHERE stock_number IN ('S1', 'S2', 'S3', 'S4')")).toStdString();
        QCOMPARE(scalar(*m_database, firstFour), QStringLiteral("S1=SUV,S2=COMP,S3=VAN,S4=-"));
        const Imported changed = import(header + withClass(row(1, "70000"), "") + withClass(row(2), "econ") +
                                            withClass(row(3), "None") + withClass(row(4, "70000"), "Van"),
                                        options);
        QVERIFY2(changed.summary && changed.errors().isEmpty(), qPrintable(changed.describe()));
        QCOMPARE(changed.summary->updated, 3);
        QCOMPARE(scalar(*m_database, firstFour), QStringLiteral("S1=SUV,S2=ECON,S3=-,S4=VAN"));
        QCOMPARE(scalar(*m_database, "SELECT payload->'changes'->'vehicle_class'->>0 || '>' || "
                                     "(payload->'changes'->'vehicle_class'->>1) FROM outbox_events WHERE topic = "
                                     "'car.updated' AND payload->>'stock_number' = 'S2' ORDER BY id DESC LIMIT 1"),
                 QStringLiteral("COMP>ECON"));
        const auto undone = CarImportHistory::undo(*m_database, changed.summary->importId);
        QVERIFY2(undone, qPrintable(undone ? QString() : undone.error().oneLine()));
        QCOMPARE(scalar(*m_database, firstFour), QStringLiteral("S1=SUV,S2=COMP,S3=VAN,S4=-"));
    }

    void dryRunWritesNothing()
    {
        QVERIFY(import(kHeader + row(1)).summary);
        const qint64 eventsBefore = events();
        const QString sequence = scalar(*m_database, "SELECT last_value FROM car_stock_number_seq");

        CarImportOptions options;
        options.dryRun = true;
        options.mode = CarImportOptions::Mode::Upsert;
        const Imported imported = import(kHeader + row(1, "17000") + row(2) + row(3).replace("S3,", ","), options);
        QVERIFY2(imported.summary, qPrintable(imported.describe()));
        QCOMPARE(imported.summary->updated, 1);
        QCOMPARE(imported.summary->inserted, 2);
        QVERIFY(!imported.summary->written);
        QCOMPARE(cars(), 1);
        QCOMPARE(events(), eventsBefore);
        QCOMPARE(scalar(*m_database, "SELECT version || ' ' || list_price FROM cars"), QStringLiteral("1 18900.00"));
        QCOMPARE(scalar(*m_database, "SELECT last_value FROM car_stock_number_seq"), sequence);

        // The database checks run in a dry run too.
        options.mode = CarImportOptions::Mode::Insert;
        const Imported insert = import(kHeader + row(1), options);
        QVERIFY(insert.summary);
        QCOMPARE(insert.summary->refused, 1);
        QCOMPARE(insert.errors().first().kind, CarImportIssue::Kind::VinExists);
    }

    void cancelWritesNothing()
    {
        QByteArray file = kHeader;
        for (int i = 1; i <= 2500; ++i)
            file += row(i);

        // While reading.
        qint64 calls = 0;
        const Imported whileReading = import(file, {}, [&](qint64 done, qint64 total) {
            ++calls;
            return done < total / 2;
        });
        QVERIFY(!whileReading.summary);
        QVERIFY(whileReading.summary.error().message.contains(QStringLiteral("cancelled")));
        QCOMPARE(calls, 2);
        QCOMPARE(cars(), 0);

        // After reading, just before the merge.
        qint64 last = 0;
        const Imported beforeMerge = import(file, {}, [&](qint64 done, qint64 total) {
            last = done;
            return done < total;
        });
        QVERIFY(!beforeMerge.summary);
        QCOMPARE(last, file.size());
        QCOMPARE(cars(), 0);
        QCOMPARE(events(), 0);

        // Not cancelled: progress goes up to the whole file.
        const Imported done = import(file, {}, [&](qint64 bytes, qint64 total) {
            last = bytes;
            return bytes <= total;
        });
        QVERIFY(done.summary);
        QCOMPARE(cars(), 2500);
    }

    void bulkImportIntoAnEmptyFleetRebuildsItsIndexes()
    {
        // The indexes and constraints of the cars and of their price history, which a bulk import drops
        // and restores.
        const std::string schema =
            "SELECT string_agg(definition, '; ' ORDER BY definition) FROM ("
            "SELECT pg_get_indexdef(indexrelid) AS definition FROM pg_index "
            "WHERE indrelid IN ('cars'::regclass, 'car_price_history'::regclass) "
            "UNION ALL SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE conrelid IN ('cars'::regclass, 'car_price_history'::regclass)) d";
        const QString schemaBefore = scalar(*m_database, schema);
        QVERIFY(schemaBefore.contains(QLatin1String("car_price_history_car_id_fkey FOREIGN KEY")));
        QVERIFY(schemaBefore.contains(QLatin1String("cars_branch_id_fkey FOREIGN KEY")));
        QByteArray file = kHeader;
        for (int i = 1; i <= 12'000; ++i)
            file += row(i);
        const Imported imported = import(file);
        QVERIFY2(imported.summary, qPrintable(imported.describe()));
        QCOMPARE(imported.summary->inserted, 12'000);
        QCOMPARE(scalar(*m_database, schema), schemaBefore);
        QCOMPARE(number("SELECT count(*) FROM car_price_history"), 12'000);
        QCOMPARE(number("SELECT count(*) FROM outbox_events WHERE topic = 'car.created'"), 12'000);
        // The restored unique constraints and foreign keys hold.
        QVERIFY(!import(kHeader + row(12'001).replace("S12001,", "S7,")).summary->written);
        QCOMPARE(number("SELECT count(*) FROM cars WHERE stock_number = 'S7'"), 1);
        QVERIFY(execute(*m_database, "INSERT INTO car_price_history (car_id, new_price) VALUES (-1, 1)")
                    .contains(QLatin1String("car_price_history_car_id_fkey")));
        QVERIFY(execute(*m_database, "UPDATE cars SET branch_id = -1 WHERE id = (SELECT min(id) FROM cars)")
                    .contains(QLatin1String("cars_branch_id_fkey")));
    }

    void eventsAreWrittenInTheSameTransaction()
    {
        exec("CREATE FUNCTION refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
             "RAISE EXCEPTION 'outbox refused'; END $$; "
             "CREATE TRIGGER refuse_event BEFORE INSERT ON outbox_events FOR EACH ROW "
             "WHEN (NEW.aggregate_key = 'car:2') EXECUTE FUNCTION refuse_event()");
        const Imported imported = import(kHeader + row(1) + row(2) + row(3));
        exec("DROP TRIGGER refuse_event ON outbox_events; DROP FUNCTION refuse_event()");
        QVERIFY(!imported.summary);
        QCOMPARE(cars(), 0);
        QCOMPARE(number("SELECT count(*) FROM car_price_history"), 0);
        QCOMPARE(events(), 0);
    }

    void importedStockNumbersMoveTheSequenceOn()
    {
        QByteArray numbered = row(1);
        numbered.replace("S1,", "A5000,");
        const Imported imported = import(kHeader + numbered + row(2).replace("S2,", ","));
        QVERIFY2(imported.summary, qPrintable(imported.describe()));
        QCOMPARE(scalar(*m_database, "SELECT stock_number FROM cars WHERE vin = '" + vin(2).toStdString() + "'"),
                 QStringLiteral("A5001"));
    }

    void previewAndExplicitMapping()
    {
        const QByteArray file = "Kennzeichen,Ident,Hersteller,Typ,Jahr,Form,Sprit,Schaltung,Achse,Euro\r\n"
                                "B-AB 123," +
                                vin(7).toLatin1() +
                                ",Skoda,Octavia,2019,estate,diesel,manual,fwd,15000\r\n"
                                "B-CD 456," +
                                vin(8).toLatin1() + ",Skoda,Fabia,2018,hatchback,petrol,manual,fwd,9000\r\n";
        QBuffer buffer;
        buffer.setData(file);
        buffer.open(QIODevice::ReadOnly);
        const auto preview = CarImportService::preview(buffer, 1);
        QVERIFY(preview);
        QCOMPARE(preview->header.size(), 10);
        QCOMPARE(preview->delimiter, QLatin1Char(','));
        QCOMPARE(preview->rows.size(), 1);
        QCOMPARE(preview->rows.first().fields.at(3), QStringLiteral("Octavia"));
        QCOMPARE(preview->mapping.columnOf(CarField::Make), 2); // "Hersteller"
        QCOMPARE(preview->mapping.columnOf(CarField::Vin), -1); // "Ident" is not a known name

        // Without a mapping the VIN column is missing; with the wizard's mapping the file imports.
        expectRefusedFile(import(file), QStringLiteral("VIN"));
        CarColumnMapping mapping;
        mapping.columnField = {std::nullopt,        CarField::Vin,      CarField::Make,     CarField::Model,
                               CarField::ModelYear, CarField::BodyType, CarField::FuelType, CarField::Transmission,
                               CarField::Drive,     CarField::ListPrice};
        CarImportOptions options;
        options.mapping = mapping;
        const Imported imported = import(file, options);
        QVERIFY2(imported.summary, qPrintable(imported.describe()));
        QCOMPARE(imported.summary->inserted, 2);
        QCOMPARE(imported.summary->ignoredColumns, QStringList{QStringLiteral("Kennzeichen")});
    }

    // Issue 14: a file with only VIN, make, model, year, price and mileage is what many dealers have.
    void importsAFileWithoutBodyFuelTransmissionDriveOrCondition()
    {
        const QByteArray file = "VIN,Make,Model,Year,Price,Mileage\r\n" + vin(1).toLatin1() +
                                ",Volkswagen,Golf,2019,14990,61000\r\n" + vin(2).toLatin1() +
                                ",Volkswagen,Polo,2021,12500,\r\n";
        const Imported imported = import(file);
        QVERIFY2(imported.summary && imported.summary->written, qPrintable(imported.describe()));
        QVERIFY2(imported.issues.isEmpty(), qPrintable(imported.describe()));
        QCOMPARE(imported.summary->inserted, 2);
        // Not stated: NULL, whatever the mileage.
        QCOMPARE(number("SELECT count(*) FROM cars WHERE body_type IS NULL AND fuel_type IS NULL AND transmission IS "
                        "NULL AND drive IS NULL AND condition IS NULL"),
                 2);
        QCOMPARE(scalar(*m_database, "SELECT string_agg(model || ' ' || model_year || ' ' || mileage_km || ' ' || "
                                     "list_price, '; ' ORDER BY model) FROM cars"),
                 QStringLiteral("Golf 2019 61000 14990.00; Polo 2021 0 12500.00"));
        // The database still refuses a value outside its lists.
        QVERIFY(execute(*m_database, "UPDATE cars SET fuel_type = 'coal'").contains(QLatin1String("fuel_type")));
    }

    // What dealer systems and marketplaces export: their own column names, semicolons, units in the names,
    // "N"/"U" for new and used, "n/a" and "-" for what they do not know, empty cells.
    void importsDealerExports()
    {
        const QByteArray file = "Stock No.;VIN;Year;Make;Model;Trim;Kilometers;Asking Price (EUR);New/Used;Fuel;Body "
                                "Style;Transmission;Drivetrain\r\n"
                                "D100;" +
                                vin(1).toLatin1() +
                                ";2020;Skoda;Octavia;Style;58.200;\"17.490,00\";U;Diesel;Wagon;Automatic;FWD\r\n"
                                "D101;" +
                                vin(2).toLatin1() + ";2024;Skoda;Fabia;;12;21990;N;n/a;-;;\r\n";
        const Imported imported = import(file);
        QVERIFY2(imported.summary && imported.summary->written, qPrintable(imported.describe()));
        QVERIFY2(imported.errors().isEmpty(), qPrintable(imported.describe()));
        QVERIFY2(imported.summary->ignoredColumns.isEmpty(),
                 qPrintable(imported.summary->ignoredColumns.join(QLatin1Char(','))));
        QCOMPARE(scalar(*m_database, "SELECT concat_ws('/', condition, fuel_type, body_type, transmission, drive, "
                                     "mileage_km, list_price) FROM cars WHERE stock_number = 'D100'"),
                 QStringLiteral("used/diesel/estate/automatic/fwd/58200/17490.00"));
        QCOMPARE(scalar(*m_database,
                        "SELECT concat_ws('/', condition, coalesce(fuel_type, 'null'), coalesce(body_type, "
                        "'null'), coalesce(transmission, 'null'), coalesce(drive, 'null')) FROM cars "
                        "WHERE stock_number = 'D101'"),
                 QStringLiteral("new/null/null/null/null"));
    }

    // The wizard's (and --default's) values for what a file leaves empty: only the empty cells take them.
    void defaultsFillWhatTheFileLeavesEmpty()
    {
        const QByteArray file = "VIN,Make,Model,Year,Price,Condition\r\n" + vin(1).toLatin1() +
                                ",Kia,Ceed,2019,12000,\r\n" + vin(2).toLatin1() + ",Kia,Ceed,2024,22000,new\r\n" +
                                vin(3).toLatin1() + ",Kia,Ceed,2018,9000,n/a\r\n";
        CarImportOptions options;
        options.defaults.insert(CarField::Condition, QStringLiteral("Used"));
        options.defaults.insert(CarField::FuelType, QStringLiteral("Benzin"));
        const Imported imported = import(file, options);
        QVERIFY2(imported.summary && imported.summary->written, qPrintable(imported.describe()));
        QCOMPARE(scalar(*m_database, "SELECT string_agg(condition || ' ' || fuel_type, ', ' ORDER BY model_year) "
                                     "FROM cars"),
                 QStringLiteral("used petrol, used petrol, new petrol"));

        // A default that its list does not have refuses the file before anything is read.
        init();
        options.defaults.insert(CarField::FuelType, QStringLiteral("plutonium"));
        expectRefusedFile(import(file, options), QStringLiteral("plutonium"));
    }

    // No make or model year in the file: the VIN's maker and model year, with a warning per row.
    void takesTheMakeAndModelYearFromTheVin()
    {
        // WVW (Volkswagen; a letter in position 7 and M in 10: 2021); WBA (BMW); XXX: a maker Forecourt does not
        // know.
        QString golf = QStringLiteral("WVWZZZAUZMW000001");
        golf[8] = Vin::checkDigitFor(golf);
        const QByteArray file = "VIN;Model;Price\r\n" + golf.toLatin1() + ";Golf;18900\r\n" +
                                "WBA3A5C55CF256986;320i;11000\r\nXXXZZZ1KZMW000001;Mystery;5000\r\n";
        CarImportOptions options;
        options.today = QDate(2025, 6, 1);
        options.skipInvalid = true;
        const Imported imported = import(file, options);
        QVERIFY2(imported.summary && imported.summary->written, qPrintable(imported.describe()));
        QCOMPARE(imported.summary->inserted, 2);
        QCOMPARE(imported.summary->refused, 1);
        QCOMPARE(imported.summary->makesFromVin, 2);
        QCOMPARE(imported.summary->yearsFromVin, 3);
        QCOMPARE(scalar(*m_database, "SELECT string_agg(make || ' ' || model || ' ' || model_year, ', ' ORDER BY "
                                     "make) FROM cars"),
                 QStringLiteral("BMW 320i 2012, Volkswagen Golf 2021"));
        // Each filled value is a warning that names the VIN's part; the unknown maker refuses its row.
        QCOMPARE(imported.errors().size(), 1);
        QCOMPARE(imported.errors().first().line, 4);
        QCOMPARE(imported.errors().first().column, QStringLiteral("make"));
        QVERIFY2(imported.errors().first().message.contains(QLatin1String("XXX")), qPrintable(imported.describe()));
        qint64 makeWarnings = 0;
        for (const CarImportIssue &issue : imported.issues) {
            if (issue.severity == CarIssue::Severity::Warning && issue.column == QLatin1String("make")) {
                ++makeWarnings;
                QVERIFY2(issue.message.contains(QLatin1String("taken from the VIN")), qPrintable(issue.message));
            }
        }
        QCOMPARE(makeWarnings, 2);

        // Turned off, the rows without a make are refused.
        init();
        options.fillFromVin = false;
        options.skipInvalid = false;
        const Imported refused = import(file, options);
        QVERIFY(refused.summary);
        QCOMPARE(refused.summary->refused, 3);
        QCOMPARE(cars(), 0);
    }

    void cliExitCodesAndErrorsFile()
    {
        QTemporaryDir dir;
        const QStringList server = {QStringLiteral("--server"), m_db->conninfo()};
        const auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        };
        write(QStringLiteral("good.csv"), kHeader + row(1) + row(2));
        write(QStringLiteral("bad.csv"), kHeader + row(3) + row(4, "abc") + row(5, "18900", "NOPE"));
        write(QStringLiteral("binary.csv"), QByteArray("\0\x01\x02\x03\xff\xfe\0\0", 8));
        const QString errors = dir.filePath(QStringLiteral("errors.csv"));
        const auto importArgs = [&](const QString &name) {
            return QStringList{QStringLiteral("import"), QStringLiteral("cars"), dir.filePath(name)} + server;
        };

        ForecourtRun run = runForecourt(importArgs(QStringLiteral("good.csv")) << QStringLiteral("--dry-run"));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("2 added")), qPrintable(run.out));
        QCOMPARE(cars(), 0);

        run = runForecourt(importArgs(QStringLiteral("good.csv")));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(cars(), 2);

        run = runForecourt(importArgs(QStringLiteral("bad.csv")) << QStringLiteral("--errors") << errors);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith(QStringLiteral("forecourt: ")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("nothing was imported")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("Line 3, list_price")), qPrintable(run.err));
        QCOMPARE(cars(), 2);
        QFile errorsFile(errors);
        QVERIFY(errorsFile.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(errorsFile.readAll()),
                 QStringLiteral("line,column,value,message,severity\r\n"
                                "3,list_price,abc,\"List price \"\"abc\"\" is not an amount. Write it like 18900, "
                                "18,900.50 or 18.900,50.\",error\r\n"
                                "4,location,NOPE,\"There is no location with the code NOPE. Use the code of one of "
                                "the dealership's locations (BER1, HAM), or leave the field empty.\",error\r\n"));

        run = runForecourt(importArgs(QStringLiteral("bad.csv")) << QStringLiteral("--skip-invalid"));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(cars(), 3);

        // Insert mode refuses the cars that are there; upsert finds them unchanged.
        run = runForecourt(importArgs(QStringLiteral("good.csv")));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("upsert")), qPrintable(run.err));
        run = runForecourt(importArgs(QStringLiteral("good.csv"))
                           << QStringLiteral("--mode") << QStringLiteral("upsert"));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("2 unchanged")), qPrintable(run.out));

        run = runForecourt(importArgs(QStringLiteral("binary.csv")));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith(QStringLiteral("forecourt: ")) && run.err.count(QLatin1Char('\n')) == 1,
                 qPrintable(run.err));
        run = runForecourt(importArgs(QStringLiteral("missing.csv")));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("could not be opened")), qPrintable(run.err));

        run =
            runForecourt(importArgs(QStringLiteral("good.csv")) << QStringLiteral("--mode") << QStringLiteral("merge"));
        QCOMPARE(run.exitCode, 2);
        run = runForecourt(QStringList{QStringLiteral("import"), QStringLiteral("cars")} + server);
        QCOMPARE(run.exitCode, 2);
        run = runForecourt(QStringList{QStringLiteral("import"), QStringLiteral("bikes")} + server);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(cars(), 3);

        run = runForecourt({QStringLiteral("import"), QStringLiteral("cars"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("--skip-invalid")));
        QVERIFY(run.out.contains(QStringLiteral("--default")));

        // --default: a value for what the file leaves empty, by any name a column may have.
        write(QStringLiteral("thin.csv"),
              "VIN,Make,Model,Year,Price\r\n" + vin(20).toLatin1() + ",VW,Up,2019,9000\r\n");
        run = runForecourt(importArgs(QStringLiteral("thin.csv"))
                           << QStringLiteral("--default") << QStringLiteral("condition=used")
                           << QStringLiteral("--default") << QStringLiteral("Kraftstoff=Benzin"));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(scalar(*m_database,
                        "SELECT condition || ' ' || fuel_type FROM cars WHERE vin = '" + vin(20).toStdString() + "'"),
                 QStringLiteral("used petrol"));
        for (const QString &wrong :
             {QStringLiteral("vin=WVWZZZ1KZMW000001"), QStringLiteral("colour"), QStringLiteral("flavour=sweet")}) {
            run = runForecourt(importArgs(QStringLiteral("thin.csv")) << QStringLiteral("--default") << wrong);
            QCOMPARE(run.exitCode, 2);
        }
        run = runForecourt(importArgs(QStringLiteral("thin.csv"))
                           << QStringLiteral("--mode") << QStringLiteral("upsert") << QStringLiteral("--default")
                           << QStringLiteral("fuel_type=coal"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("coal")), qPrintable(run.err));
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_database;
};

QTEST_GUILESS_MAIN(TestCarImport)
#include "tst_carimport.moc"

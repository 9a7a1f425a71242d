#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "services/BookingService.h"
#include "services/RentalDeskService.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `forecourt quote` and `forecourt invoice` run as a script runs them, against a real PostgreSQL.
class TestRentalCli : public QObject
{
    Q_OBJECT

    QString query(const std::string &sql) { return scalar(*m_database, sql); }

    ForecourtRun run(QStringList arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        environment.insert(QStringLiteral("LANG"), QStringLiteral("en_GB.UTF-8"));
        // --pdf starts a (windowless) GUI application, which wants a runtime folder of its own.
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_runtime.path());
        return runForecourt(arguments << QStringLiteral("--server") << m_db->conninfo(), environment);
    }

    static void expectFailure(const ForecourtRun &run, int exitCode, const QString &needle)
    {
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.startsWith(QStringLiteral("forecourt: ")), qPrintable(run.err));
        QVERIFY2(run.err.contains(needle), qPrintable(run.err));
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<TestDatabase>(QStringLiteral("rentalcli"));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        m_database = m_db->openMigrated();
        QVERIFY(m_database);
        QVERIFY(execute(*m_database, "INSERT INTO branches (code, name, address, time_zone) VALUES ('HQ', 'Head "
                                     "office', 'Hauptstraße 1, Berlin', 'Europe/Berlin')")
                    .isEmpty());
        QVERIFY(execute(*m_database,
                        "INSERT INTO cars (stock_number, vin, make, model, model_year, body_type, fuel_type, "
                        "transmission, drive, condition, list_price, mileage_km, branch_id, vehicle_class) VALUES "
                        "('Q100', 'WVWZZZ00000000001', 'Volkswagen', 'Golf', 2022, 'hatchback', 'petrol', 'manual', "
                        "'fwd', 'used', 24000, 1000, (SELECT id FROM branches WHERE code = 'HQ'), 'COMP')")
                    .isEmpty());
        QVERIFY(execute(*m_database, "INSERT INTO customers (full_name, licence_number, licence_expiry) VALUES "
                                     "('Anna Berger', 'B072', '2060-01-31')")
                    .isEmpty());
        // Compact: 49 a day, 294 a week (the migration's default card); summer 2054 at 70 a day.
        RateCard card = *RentalDeskService::rateCard(*m_database, QStringLiteral("COMP"), std::nullopt);
        QCOMPARE(card.base.dailyCents, qint64(4900));
        card.seasons << Season{QStringLiteral("Summer 2054"), QDate(2054, 7, 1), QDate(2054, 8, 31),
                               RateSet{7000, std::nullopt, std::nullopt}};
        QVERIFY(RentalDeskService::saveRateCard(*m_database, card, std::nullopt));
    }

    void cleanupTestCase()
    {
        m_database.reset();
        m_db.reset();
    }

    // Two days before the summer and one in it, a child seat per day and an additional driver once; the JSON
    // has the lines, net, tax and total as numbers.
    void quoteAsJson()
    {
        const ForecourtRun quote =
            run({QStringLiteral("quote"), QStringLiteral("--car"), QStringLiteral("Q100"), QStringLiteral("--from"),
                 QStringLiteral("2054-06-29 10:00"), QStringLiteral("--to"), QStringLiteral("2054-07-02 10:00"),
                 QStringLiteral("--extra"), QStringLiteral("child_seat"), QStringLiteral("--extra"),
                 QStringLiteral("Additional driver"), QStringLiteral("--json")});
        QVERIFY2(quote.exitCode == 0, qPrintable(quote.err));
        const QJsonObject json = quote.json();
        const QJsonArray lines = json.value(QStringLiteral("lines")).toArray();
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0].toObject().value(QStringLiteral("quantity")).toInt(), 2);
        QCOMPARE(lines[0].toObject().value(QStringLiteral("unit_price")).toDouble(), 49.0);
        QCOMPARE(lines[0].toObject().value(QStringLiteral("amount")).toDouble(), 98.0);
        QVERIFY(lines[1].toObject().value(QStringLiteral("text")).toString().contains(QStringLiteral("Summer 2054")));
        QCOMPARE(lines[1].toObject().value(QStringLiteral("amount")).toDouble(), 70.0);
        QCOMPARE(lines[2].toObject().value(QStringLiteral("amount")).toDouble(), 24.0); // 3 days × 8
        QCOMPARE(lines[3].toObject().value(QStringLiteral("amount")).toDouble(), 25.0);
        // 217 with 19 % VAT in it: 34.65 tax.
        QCOMPARE(json.value(QStringLiteral("total")).toDouble(), 217.0);
        QCOMPARE(json.value(QStringLiteral("tax")).toDouble(), 34.65);
        QCOMPARE(json.value(QStringLiteral("net")).toDouble(), 182.35);
        QCOMPARE(json.value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
        QVERIFY(quote.out.contains(QStringLiteral("\"tax\": 34.65")));

        const ForecourtRun text =
            run({QStringLiteral("quote"), QStringLiteral("--car"), QStringLiteral("q100"), QStringLiteral("--from"),
                 QStringLiteral("2054-06-29 10:00"), QStringLiteral("--to"), QStringLiteral("2054-07-02 10:00")});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(QStringLiteral("168.00")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("Europe/Berlin")), qPrintable(text.out));
    }

    void quoteRefusesWhatItCannotPrice()
    {
        const auto quote = [&](const QString &car, const QString &from, const QString &to,
                               const QStringList &more = {}) {
            return run(QStringList{QStringLiteral("quote"), QStringLiteral("--car"), car, QStringLiteral("--from"),
                                   from, QStringLiteral("--to"), to} +
                       more);
        };
        expectFailure(
            quote(QStringLiteral("NOPE"), QStringLiteral("2054-06-01 10:00"), QStringLiteral("2054-06-02 10:00")), 1,
            QStringLiteral("no car with stock number NOPE"));
        expectFailure(quote(QStringLiteral("Q100"), QStringLiteral("2054-06-01 10:00"),
                            QStringLiteral("2054-06-02 10:00"), {QStringLiteral("--extra"), QStringLiteral("jetpack")}),
                      1, QStringLiteral("no extra called \"jetpack\""));
        expectFailure(quote(QStringLiteral("Q100"), QStringLiteral("1 June"), QStringLiteral("2054-06-02 10:00")), 2,
                      QStringLiteral("--from takes a time written"));
        expectFailure(
            quote(QStringLiteral("Q100"), QStringLiteral("2054-06-01 10:00"), QStringLiteral("2054-02-30 10:00")), 2,
            QStringLiteral("--to takes a time written"));
        // 02:30 on 29 March 2054 does not exist in Berlin (the clocks go from 02:00 to 03:00).
        expectFailure(
            quote(QStringLiteral("Q100"), QStringLiteral("2054-03-29 02:30"), QStringLiteral("2054-03-30 10:00")), 2,
            QStringLiteral("Europe/Berlin"));
        expectFailure(
            quote(QStringLiteral("Q100"), QStringLiteral("2054-06-02 10:00"), QStringLiteral("2054-06-02 10:00")), 2,
            QStringLiteral("must be after --from"));
        expectFailure(run({QStringLiteral("quote"), QStringLiteral("--car"), QStringLiteral("Q100")}), 2,
                      QStringLiteral("needs --car, --from and --to"));
    }

    // A completed booking's invoice as a PDF; the second is a copy with the same number; a booking not yet
    // returned has none.
    void invoiceWritesThePdf()
    {
        BookingRequest wanted;
        wanted.carId = query("SELECT id FROM cars WHERE stock_number = 'Q100'").toLongLong();
        wanted.customerId = query("SELECT max(id) FROM customers").toLongLong();
        wanted.zone = QTimeZone("Europe/Berlin");
        wanted.pickup = QDateTime(QDate(2054, 6, 1), QTime(10, 0), wanted.zone);
        wanted.returned = QDateTime(QDate(2054, 6, 3), QTime(10, 0), wanted.zone);
        const auto booking = BookingService::create(*m_database, wanted);
        QVERIFY2(booking, qPrintable(booking ? QString() : booking.error().oneLine()));
        const QString id = QString::number(booking->id);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("invoice.pdf"));

        expectFailure(run({QStringLiteral("invoice"), id, QStringLiteral("--pdf"), pdf}), 1,
                      QStringLiteral("has no invoice: it is reserved"));
        expectFailure(run({QStringLiteral("invoice"), QStringLiteral("x"), QStringLiteral("--pdf"), pdf}), 2,
                      QStringLiteral("whole number"));
        expectFailure(run({QStringLiteral("invoice"), id}), 2, QStringLiteral("needs --pdf"));
        QVERIFY(!QFile::exists(pdf));

        QVERIFY(BookingService::pickUp(*m_database, booking->id, 1000, 100, wanted.pickup, wanted.zone));
        ReturnEntry back;
        back.bookingId = booking->id;
        back.mileageKm = 1200;
        back.fuelPercent = 100;
        back.at = wanted.returned;
        const auto settled = RentalDeskService::settleReturn(*m_database, back);
        QVERIFY(settled);

        const ForecourtRun first = run({QStringLiteral("invoice"), id, QStringLiteral("--pdf"), pdf});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QCOMPARE(first.out.trimmed(), QStringLiteral("Wrote invoice %1 to %2.").arg(settled->invoiceNumber, pdf));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        file.close();

        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY2(text.waitForFinished(30'000) && text.exitCode() == 0,
                 "pdftotext (poppler-utils) is needed to read the invoice back");
        QVERIFY(QString::fromUtf8(text.readAllStandardOutput()).contains(settled->invoiceNumber));

        const ForecourtRun second = run({QStringLiteral("invoice"), id, QStringLiteral("--pdf"), pdf});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QCOMPARE(second.out.trimmed(),
                 QStringLiteral("Wrote invoice %1 (copy) to %2.").arg(settled->invoiceNumber, pdf));
        QCOMPARE(query("SELECT printed_count FROM invoices WHERE booking_id = " + id.toStdString()),
                 QStringLiteral("2"));
    }

private:
    QTemporaryDir m_runtime;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_database;
};

QTEST_GUILESS_MAIN(TestRentalCli)
#include "tst_rentalcli.moc"

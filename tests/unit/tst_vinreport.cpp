#include "domain/Vin.h"
#include "domain/VinDecoder.h"
#include "services/VinReportService.h"
#include "vin/SimulatedHistoryProvider.h"
#include "vin/VinReport.h"
#include "vin/VinReportDocument.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

namespace {

// The provider's and the decoder's "today" in these tests.
const QDate kToday(2026, 11, 22);

using Readings = QList<VinHistory::OdometerReading>;

Readings readings(const QList<int> &kms)
{
    Readings result;
    QDate date(2010, 1, 1);
    for (const int km : kms) {
        result.append({date, km, QStringLiteral("inspection")});
        date = date.addYears(1);
    }
    return result;
}

// A valid VIN: `wmi`, a fixed descriptor, the check digit, the model-year code, plant 'A', and `serial`.
QString makeVin(const QString &wmi, int modelYear, int serial)
{
    // Position 7: a letter for the 2010-2039 cycle, a digit for 1980-2009 (49 CFR 565).
    QString vin = wmi + QStringLiteral("CM8") + QLatin1Char(modelYear >= 2010 ? 'A' : '2') + QStringLiteral("60") +
                  Vin::modelYearCodeFor(modelYear) + QLatin1Char('A') +
                  QStringLiteral("%1").arg(serial, 6, 10, QLatin1Char('0'));
    vin[8] = Vin::checkDigitFor(vin);
    return vin;
}

VinHistory sampleHistory()
{
    VinHistory history;
    history.provider = QStringLiteral("Test provider");
    history.simulated = false;
    history.fetchedAt = QDateTime(QDate(2026, 11, 20), QTime(9, 30, 15, 250), Qt::UTC);
    history.stolen = true;
    history.titleEvents = {
        {QDate(2015, 3, 1), QStringLiteral("title"), QStringLiteral("Ohio"), {}, 12},
        {QDate(2018, 6, 2), QStringLiteral("brand"), QStringLiteral("Ohio"), QStringLiteral("salvage"), 61000},
        {QDate(2019, 1, 5), QStringLiteral("brand"), QStringLiteral("Texas"), QStringLiteral("rebuilt"), -1},
        {QDate(2020, 2, 7), QStringLiteral("brand"), QStringLiteral("Texas"), QStringLiteral("salvage"), 80000},
    };
    history.accidents = {
        {QDate(2018, 5, 1), QStringLiteral("severe"), QStringLiteral("front"), true, QStringLiteral("Hit a tree.")},
        {QDate(2021, 7, 9), QStringLiteral("minor"), QStringLiteral("rear"), false, QStringLiteral("Parking.")},
        {QDate(2022, 8, 3), QStringLiteral("moderate"), QStringLiteral("left side"), false, {}},
    };
    history.odometer = {
        {QDate(2015, 3, 1), 12, QStringLiteral("title")},
        {QDate(2016, 3, 1), 20000, QStringLiteral("inspection")},
        {QDate(2017, 3, 1), 41000, QStringLiteral("inspection")},
        {QDate(2018, 3, 1), 15000, QStringLiteral("sale")},
        {QDate(2019, 3, 1), 30000, QStringLiteral("inspection")},
    };
    history.owners = {
        {1, QDate(2015, 3, 1), QDate(2018, 3, 1), QStringLiteral("lease"), QStringLiteral("Ohio")},
        {2, QDate(2018, 3, 1), QDate(), QStringLiteral("personal"), QStringLiteral("Texas")},
    };
    history.service = {
        {QDate(2016, 2, 1), 19000, QStringLiteral("Oil change."), QStringLiteral("Shop A")},
        {QDate(2017, 2, 1), -1, QStringLiteral("Brakes."), QStringLiteral("Shop B")},
    };
    history.recalls = {
        {QStringLiteral("17V-123"), QDate(2017, 4, 4), QStringLiteral("Air bags"), QStringLiteral("Inflator."), true},
        {QStringLiteral("19V-001"), QDate(2019, 1, 1), QStringLiteral("Brakes"), QStringLiteral("Hose."), false},
        {QStringLiteral("20V-777"), QDate(), QStringLiteral("Steering"), QStringLiteral("Assist."), true},
    };
    history.recallsProvided = true;
    return history;
}

VehicleSpec sampleSpec(const QString &vin)
{
    VehicleSpec spec;
    spec.vin = vin;
    spec.errorCodes = {0, 14};
    spec.errorText = QStringLiteral("0 - VIN decoded clean; 14 - Unable to provide information for all positions");
    spec.warnings = {QStringLiteral("vPIC could not decode every position of this VIN.")};
    spec.fields = {{QStringLiteral("Make"), QStringLiteral("HONDA")},
                   {QStringLiteral("Model"), QStringLiteral("Accord")},
                   {QStringLiteral("Model year"), QStringLiteral("2003")},
                   {QStringLiteral("Trim"), QStringLiteral("EX-V6")},
                   {QStringLiteral("Body class"), QStringLiteral("Coupe")},
                   {QStringLiteral("Drive type"), QStringLiteral("FWD/Front-Wheel Drive")},
                   {QStringLiteral("Fuel type"), QStringLiteral("Gasoline")},
                   {QStringLiteral("Engine"), QStringLiteral("3.0 L V6, 240 hp")},
                   {QStringLiteral("Plant"), QStringLiteral("Marysville, Ohio, United States")},
                   {QStringLiteral("Doors"), QStringLiteral("2")},
                   {QStringLiteral("Transmission"), QStringLiteral("Automatic, 5 speeds")}};
    return spec;
}

VinReport reportFor(const QString &vinText, const VinHistory &history, bool withSpec = true)
{
    VinReport report;
    report.decoding = VinDecoder::decode(vinText, kToday);
    report.vin = report.decoding.vin;
    report.createdAt = QDateTime(QDate(2026, 11, 21), QTime(14, 5), Qt::UTC);
    if (withSpec) {
        report.spec = sampleSpec(report.vin);
        report.specSource = QStringLiteral("NHTSA vPIC (https://vpic.nhtsa.dot.gov/api/)");
        report.specFetchedAt = QDateTime(QDate(2026, 11, 21), QTime(14, 4, 59, 7), Qt::UTC);
    } else {
        report.specNote = QStringLiteral("vPIC lookups are turned off.");
    }
    report.history = history;
    return report;
}

QJsonObject withoutFetchedAt(QJsonObject object)
{
    object.remove(QStringLiteral("fetched_at"));
    return object;
}

VinHistory simulated(const QString &vin)
{
    SimulatedHistoryProvider provider(kToday);
    auto result = provider.history(VinDecoder::decode(vin, kToday));
    return result ? *result : VinHistory{};
}

// A simulated report with much in it: an old car with a rollback, an accident and an open recall.
VinReport richSimulatedReport()
{
    SimulatedHistoryProvider provider(kToday);
    VinReport best;
    int bestScore = -1;
    for (int serial = 1; serial < 5000 && bestScore < 5; ++serial) {
        const VinDecoding decoding = VinDecoder::decode(makeVin(QStringLiteral("1HG"), 2006, serial), kToday);
        const auto history = provider.history(decoding);
        if (!history)
            continue;
        VinReport report = reportFor(decoding.vin, *history);
        const VinReport::Flags flags = report.flags();
        if (!flags.rollbackSuspected)
            continue;
        const int score = 1 + int(flags.accidents > 0) + int(!flags.titleBrands.isEmpty()) +
                          int(flags.openRecalls > 0) + int(flags.owners >= 3);
        if (score > bestScore) {
            bestScore = score;
            best = report;
        }
    }
    // vPIC's answer for this car.
    for (auto &[label, value] : best.spec->fields) {
        if (label == QLatin1String("Model year"))
            value = QStringLiteral("2006");
    }
    return best;
}

int pdfPageCount(const QByteArray &pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![a-zA-Z])"));
    return int(QString::fromLatin1(pdf).count(page));
}

bool hasRed(const QImage &image)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor colour = image.pixelColor(x, y);
            if (colour.red() > 150 && colour.green() < 80 && colour.blue() < 80)
                return true;
        }
    }
    return false;
}

} // namespace

class TestVinReport : public QObject
{
    Q_OBJECT

private slots:
    // Numbers and dates as the expected texts write them.
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void rollbackIndexes_data()
    {
        QTest::addColumn<QList<int>>("kms");
        QTest::addColumn<int>("tolerance");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("no readings") << QList<int>{} << 50 << QList<int>{};
        QTest::newRow("one reading") << QList<int>{5000} << 50 << QList<int>{};
        QTest::newRow("rising") << QList<int>{10, 15000, 30000, 45000} << 50 << QList<int>{};
        QTest::newRow("unchanged") << QList<int>{10, 15000, 15000, 15000} << 50 << QList<int>{};
        QTest::newRow("one drop") << QList<int>{10, 15000, 30000, 12000, 40000} << 50 << QList<int>{3};
        QTest::newRow("within tolerance") << QList<int>{10, 15000, 14970, 30000} << 50 << QList<int>{};
        QTest::newRow("exactly the tolerance") << QList<int>{10, 15000, 14950, 30000} << 50 << QList<int>{};
        QTest::newRow("just past the tolerance") << QList<int>{10, 15000, 14949, 30000} << 50 << QList<int>{2};
        QTest::newRow("no tolerance") << QList<int>{10, 15000, 14999} << 0 << QList<int>{2};
        QTest::newRow("wider tolerance") << QList<int>{10, 15000, 14000} << 2000 << QList<int>{};
        // Below the highest earlier reading, not just the one before.
        QTest::newRow("stays below the highest")
            << QList<int>{10, 50000, 20000, 30000, 45000, 52000, 60000} << 50 << QList<int>{2, 3, 4};
        QTest::newRow("two drops") << QList<int>{10, 50000, 20000, 70000, 71000, 10000} << 50 << QList<int>{2, 5};
        QTest::newRow("first reading highest") << QList<int>{90000, 10, 20} << 50 << QList<int>{1, 2};
    }
    void rollbackIndexes()
    {
        QFETCH(QList<int>, kms);
        QFETCH(int, tolerance);
        QFETCH(QList<int>, expected);
        QCOMPARE(VinReport::rollbackIndexes(readings(kms), tolerance), expected);
    }

    void rollbackIndexesDefaultTolerance()
    {
        QCOMPARE(VinReport::rollbackIndexes(readings({1000, 960})), QList<int>{});
        QCOMPARE(VinReport::rollbackIndexes(readings({1000, 949})), QList<int>{1});
    }

    void flagsOfAnEmptyReport()
    {
        const VinReport::Flags flags = VinReport{}.flags();
        QVERIFY(flags.titleBrands.isEmpty());
        QCOMPARE(flags.accidents, 0);
        QCOMPARE(flags.severeAccidents, 0);
        QVERIFY(!flags.rollbackSuspected);
        QVERIFY(!flags.stolen);
        QCOMPARE(flags.owners, 0);
        QCOMPARE(flags.openRecalls, 0);
        QVERIFY(!flags.lastReading);
        QVERIFY(!flags.highestReading);
        QVERIFY(!flags.fleetMileageBelowReported());
    }

    void flagsCount()
    {
        VinReport report;
        report.history = sampleHistory();
        const VinReport::Flags flags = report.flags();
        QCOMPARE(flags.titleBrands, (QStringList{QStringLiteral("salvage"), QStringLiteral("rebuilt")}));
        QCOMPARE(flags.accidents, 3);
        QCOMPARE(flags.severeAccidents, 1);
        QVERIFY(flags.rollbackSuspected);
        QVERIFY(flags.stolen);
        QCOMPARE(flags.owners, 2);
        QCOMPARE(flags.openRecalls, 2);
        // The latest figure by date is the title brand's of 2020, after the last odometer reading (2019).
        QCOMPARE(flags.lastReading->date, QDate(2020, 2, 7));
        QCOMPARE(flags.lastReading->km, 80000);

        report.history.odometer = readings({10, 20000, 19990, 40000});
        report.history.titleEvents.clear();
        report.history.service.clear();
        report.history.stolen = false;
        report.history.recalls.clear();
        QVERIFY(!report.flags().rollbackSuspected);
        QVERIFY(!report.flags().stolen);
        QCOMPARE(report.flags().openRecalls, 0);
        QCOMPARE(report.flags().lastReading->km, 40000);
    }

    // The summary's last reading is the latest by date of every figure the history gives, wherever it
    // is listed: here a service record four months after the last odometer reading.
    void summaryShowsTheLatestReadingByDate()
    {
        VinHistory history;
        history.provider = QStringLiteral("Test provider");
        history.odometer = {{QDate(2022, 5, 2), 210400, QStringLiteral("inspection")},
                            {QDate(2023, 5, 6), 225818, QStringLiteral("inspection")}};
        history.service = {{QDate(2023, 1, 10), 219000, QStringLiteral("Oil change."), QStringLiteral("Shop A")},
                           {QDate(2023, 9, 11), 229119, QStringLiteral("Brakes."), QStringLiteral("Shop B")}};
        const VinReport report = reportFor(QStringLiteral("1HGCM82633A004352"), history);
        QTextDocument document;
        VinReportDocument::fill(document, report);
        const QString text = document.toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Last odometer reading\n229,119 km on 9/11/2023")), qPrintable(text));
        QVERIFY(!report.flags().rollbackSuspected);
        QCOMPARE(report.flags().lastReading->km, 229119);
    }

    // Providers may send readings in any order, several on one day, or without a date: the latest by date
    // is the last, a reading is compared only with those before it in time, and one without a date is
    // never taken for the latest while any has a date.
    void readingsInAnyOrder()
    {
        VinHistory history;
        history.provider = QStringLiteral("Unordered provider");
        history.odometer = {{QDate(2021, 3, 1), 30000, QStringLiteral("inspection")},
                            {QDate(), 31000, QStringLiteral("sale")},
                            {QDate(2019, 3, 1), 10000, QStringLiteral("inspection")},
                            {QDate(2020, 3, 1), 20500, QStringLiteral("service")},
                            {QDate(2020, 3, 1), 20000, QStringLiteral("inspection")}};
        history.titleEvents = {{QDate(2019, 3, 1), QStringLiteral("title"), QStringLiteral("Ohio"), {}, 10000}};
        const VinReport report = reportFor(QStringLiteral("1HGCM82633A004352"), history);

        const QList<VinHistory::OdometerReading> readings = history.odometerReadings();
        QList<int> kms;
        for (const VinHistory::OdometerReading &reading : readings)
            kms << reading.km;
        QCOMPARE(kms, (QList<int>{10000, 20000, 20500, 30000, 31000})); // the title's 10,000 of 2019 is the same
        QCOMPARE(readings.constLast().date, QDate());

        const VinReport::Flags flags = report.flags();
        QVERIFY(!flags.rollbackSuspected);
        QCOMPARE(flags.lastReading->date, QDate(2021, 3, 1));
        QCOMPARE(flags.lastReading->km, 30000);
        QCOMPARE(flags.highestReading->km, 31000);

        QTextDocument document;
        VinReportDocument::fill(document, report);
        const QString text = document.toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Last odometer reading\n30,000 km on 3/1/2021")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("No odometer rollback reported")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("Rollback suspected")));

        // A lower reading after a higher one is still a rollback, whatever order they came in.
        history.odometer.append({QDate(2022, 3, 1), 15000, QStringLiteral("inspection")});
        VinReport rolledBack = reportFor(QStringLiteral("1HGCM82633A004352"), history);
        QVERIFY(rolledBack.flags().rollbackSuspected);
        QCOMPARE(rolledBack.flags().lastReading->km, 15000);

        // No reading has a date: the highest is shown, saying so.
        VinHistory undated;
        undated.odometer = {{QDate(), 5000, QStringLiteral("sale")}, {QDate(), 7000, QStringLiteral("sale")}};
        VinReport withoutDates = reportFor(QStringLiteral("1HGCM82633A004352"), undated);
        QCOMPARE(withoutDates.flags().lastReading->km, 7000);
        QVERIFY(!withoutDates.flags().rollbackSuspected);
        VinReportDocument::fill(document, withoutDates);
        QVERIFY2(document.toPlainText().contains(QStringLiteral("7,000 km (no date reported)")),
                 qPrintable(document.toPlainText()));
    }

    // The fleet's car with the VIN records fewer km than a reading the report gives: flagged in the
    // findings (the lists and notifications) and in the document's summary; within the tolerance, or at or
    // above the highest reading, it is not.
    void fleetMileageBelowAReportedReading()
    {
        VinHistory history;
        history.provider = QStringLiteral("Test provider");
        history.odometer = {{QDate(2023, 5, 6), 225818, QStringLiteral("inspection")}};
        history.service = {{QDate(2023, 9, 11), 229119, QStringLiteral("Brakes."), QStringLiteral("Shop B")}};
        VinReport report = reportFor(QStringLiteral("1HGCM82633A004352"), history);
        QVERIFY(!report.flags().fleetMileageBelowReported()); // not a car of the fleet

        report.fleetMileageKm = 200000;
        const VinReport::Flags flags = report.flags();
        QVERIFY(flags.fleetMileageBelowReported());
        QCOMPARE(flags.findings(), QStringLiteral("Fleet mileage 200,000 km is below the reported 229,119 km"));
        QTextDocument document;
        VinReportDocument::fill(document, report);
        QVERIFY2(document.toPlainText().contains(
                     QStringLiteral("200,000 km recorded in the fleet, below the 229,119 km reported on 9/11/2023.")),
                 qPrintable(document.toPlainText()));

        for (const int fleetKm : {229119 - VinReport::OdometerToleranceKm, 229119, 240000}) {
            report.fleetMileageKm = fleetKm;
            QVERIFY2(!report.flags().fleetMileageBelowReported(), qPrintable(QString::number(fleetKm)));
            QCOMPARE(report.flags().findings(), QStringLiteral("No problems reported"));
            VinReportDocument::fill(document, report);
            QVERIFY(document.toPlainText().contains(QStringLiteral("recorded in the fleet, not below any reported")));
        }

        // The lists have the highest reading and the fleet's mileage only, and word it the same.
        VinRequestRow row;
        row.status = QStringLiteral("done");
        row.highestReportedKm = 229119;
        row.fleetMileageKm = 200000;
        QCOMPARE(row.flags().findings(), flags.findings());
        row.fleetMileageKm.reset();
        QCOMPARE(row.flags().findings(), QStringLiteral("No problems reported"));
    }

    void historyJson()
    {
        const VinHistory history = sampleHistory();
        const QJsonObject json = history.toJson();
        QCOMPARE(json.value(QStringLiteral("provider")).toString(), QStringLiteral("Test provider"));
        QCOMPARE(json.value(QStringLiteral("fetched_at")).toString(), QStringLiteral("2026-11-20T09:30:15.250Z"));
        QCOMPARE(json.value(QStringLiteral("recalls_provided")).toBool(), true);
        const QJsonObject event = json.value(QStringLiteral("title_events")).toArray().at(1).toObject();
        QCOMPARE(event.value(QStringLiteral("date")).toString(), QStringLiteral("2018-06-02"));
        QCOMPARE(event.value(QStringLiteral("brand")).toString(), QStringLiteral("salvage"));
        QCOMPARE(event.value(QStringLiteral("odometer_km")).toInt(), 61000);
        QVERIFY(json.value(QStringLiteral("title_events"))
                    .toArray()
                    .at(2)
                    .toObject()
                    .value(QStringLiteral("odometer_km"))
                    .isNull());
        QCOMPARE(json.value(QStringLiteral("accidents"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("airbags_deployed")),
                 QJsonValue(true));
        QVERIFY(json.value(QStringLiteral("owners")).toArray().at(1).toObject().value(QStringLiteral("to")).isNull());

        const VinHistory back = VinHistory::fromJson(json);
        QCOMPARE(back.toJson(), json);
        QCOMPARE(back.fetchedAt, history.fetchedAt);
        QCOMPARE(back.titleEvents.at(2).odometerKm, -1);
        QCOMPARE(back.owners.at(1).to, QDate());
        QCOMPARE(back.owners.at(0).to, QDate(2018, 3, 1));
        QCOMPARE(back.recalls.at(1).open, false);
        QCOMPARE(back.recalls.at(2).date, QDate());
        QCOMPARE(back.service.at(1).odometerKm, -1);
        QCOMPARE(back.odometer.size(), 5);
        QCOMPARE(back.odometer.at(3).km, 15000);
        QVERIFY(back.stolen);

        // Through text, as the database keeps it.
        const QJsonObject reparsed = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
        QCOMPARE(VinHistory::fromJson(reparsed).toJson(), json);
    }

    void historyFromBadJson()
    {
        const VinHistory empty = VinHistory::fromJson({});
        QVERIFY(empty.provider.isEmpty());
        QVERIFY(!empty.fetchedAt.isValid());
        QVERIFY(empty.odometer.isEmpty());
        QVERIFY(!empty.recallsProvided);

        const QJsonObject bad = QJsonDocument::fromJson(R"({
            "provider": 5, "simulated": "yes", "fetched_at": 17, "stolen": null,
            "title_events": "none", "accidents": {"date": "2020-01-01"},
            "odometer": [1, "x", {"date": "not a date", "km": "many", "source": 3}, {"km": 1e300}],
            "owners": [null, {"number": "one", "from": "2020-13-45", "to": 20200101}],
            "service": [{"odometer_km": true}], "recalls": [{"open": "no"}], "recalls_provided": 1
        })")
                                    .object();
        QVERIFY(!bad.isEmpty());
        const VinHistory history = VinHistory::fromJson(bad);
        QVERIFY(history.provider.isEmpty());
        QVERIFY(!history.simulated);
        QVERIFY(!history.fetchedAt.isValid());
        QVERIFY(history.titleEvents.isEmpty());
        QVERIFY(history.accidents.isEmpty());
        QCOMPARE(history.odometer.size(), 2);
        QCOMPARE(history.odometer.at(0).date, QDate());
        QCOMPARE(history.odometer.at(0).km, -1); // not a figure: left out of the readings
        QVERIFY(history.odometer.at(0).source.isEmpty());
        QCOMPARE(history.odometer.at(1).km, -1);
        QVERIFY(history.odometerReadings().isEmpty());
        QCOMPARE(history.owners.size(), 1);
        QCOMPARE(history.owners.at(0).number, 0);
        QCOMPARE(history.owners.at(0).from, QDate());
        QCOMPARE(history.owners.at(0).to, QDate());
        QCOMPARE(history.service.at(0).odometerKm, -1);
        QCOMPARE(history.recalls.size(), 1);
        QVERIFY(!history.recallsProvided);
    }

    void decodingJsonRoundTrip_data()
    {
        QTest::addColumn<QString>("vin");
        QTest::newRow("North American") << QStringLiteral("1HGCM82633A004352");
        QTest::newRow("European") << QStringLiteral("WVWZZZ1KZAW000001");
        QTest::newRow("wrong check digit") << QStringLiteral("1HGCM82613A004352");
        QTest::newRow("too short") << QStringLiteral("1HGCM8");
        QTest::newRow("empty") << QString();
    }
    void decodingJsonRoundTrip()
    {
        QFETCH(QString, vin);
        const VinDecoding decoding = VinDecoder::decode(vin, kToday);
        const VinDecoding back = VinDecoding::fromJson(decoding.toJson());
        QCOMPARE(back.toJson(), decoding.toJson());
        QCOMPARE(back.input, decoding.input);
        QCOMPARE(back.valid, decoding.valid);
        QCOMPARE(back.modelYear, decoding.modelYear);
        QCOMPARE(back.expectedCheckDigit, decoding.expectedCheckDigit);
        QCOMPARE(back.plantCode, decoding.plantCode);
        QCOMPARE(back.checkDigitRequired, decoding.checkDigitRequired);
        QCOMPARE(back.errors, decoding.errors);
    }

    void decodingFromBadJson()
    {
        const VinDecoding decoding = VinDecoding::fromJson(QJsonDocument::fromJson(R"({
            "vin": 17, "valid": "true", "errors": "none", "model_year": "2003",
            "model_year_candidates": [2003, "x"], "check_digit": 3, "plant_code": "AB"
        })")
                                                               .object());
        QVERIFY(decoding.vin.isEmpty());
        QVERIFY(!decoding.valid);
        QVERIFY(decoding.errors.isEmpty());
        QVERIFY(!decoding.modelYear);
        QCOMPARE(decoding.modelYearCandidates.size(), 1);
        QVERIFY(decoding.expectedCheckDigit.isNull());
        QVERIFY(decoding.plantCode.isNull());
    }

    void specJson()
    {
        const VehicleSpec spec = sampleSpec(QStringLiteral("1HGCM82633A004352"));
        const QJsonObject json = spec.toJson();
        QCOMPARE(json.value(QStringLiteral("error_codes")).toArray(), (QJsonArray{0, 14}));
        QCOMPARE(json.value(QStringLiteral("fields")).toArray().at(0).toArray(),
                 (QJsonArray{QStringLiteral("Make"), QStringLiteral("HONDA")}));
        const VehicleSpec back = VehicleSpec::fromJson(json);
        QCOMPARE(back.toJson(), json);
        QCOMPARE(back.value(QStringLiteral("Model")), QStringLiteral("Accord"));
        QVERIFY(back.value(QStringLiteral("Nothing")).isEmpty());
        QCOMPARE(back.errorCodes, (QList<int>{0, 14}));

        const VehicleSpec empty = VehicleSpec::fromJson(QJsonObject{{QStringLiteral("fields"), 3}});
        QVERIFY(!empty.hasData());
        QVERIFY(empty.errorCodes.isEmpty());
    }

    void reportJsonRoundTrip()
    {
        const VinReport report = reportFor(QStringLiteral("1HGCM82633A004352"), sampleHistory());
        const QJsonObject json = report.toJson();
        const VinReport back = VinReport::fromJson(json);
        QCOMPARE(back.toJson(), json);
        QCOMPARE(back.vin, QStringLiteral("1HGCM82633A004352"));
        QCOMPARE(back.createdAt, report.createdAt);
        QVERIFY(back.decoding.valid);
        QCOMPARE(back.decoding.modelYear, std::optional<int>(2003));
        QCOMPARE(back.decoding.manufacturer, report.decoding.manufacturer);
        QVERIFY(back.spec);
        QCOMPARE(back.spec->value(QStringLiteral("Make")), QStringLiteral("HONDA"));
        QCOMPARE(back.spec->warnings, report.spec->warnings);
        QCOMPARE(back.specSource, report.specSource);
        QCOMPARE(back.specFetchedAt, report.specFetchedAt);
        QCOMPARE(back.history.toJson(), report.history.toJson());
        QCOMPARE(back.flags().titleBrands, report.flags().titleBrands);

        const VinReport noSpec = reportFor(QStringLiteral("1HGCM82633A004352"), sampleHistory(), false);
        const VinReport noSpecBack =
            VinReport::fromJson(QJsonDocument::fromJson(QJsonDocument(noSpec.toJson()).toJson()).object());
        QVERIFY(!noSpecBack.spec);
        QCOMPARE(noSpecBack.specNote, QStringLiteral("vPIC lookups are turned off."));
        QVERIFY(!noSpecBack.specFetchedAt.isValid());
        QCOMPARE(noSpecBack.toJson(), noSpec.toJson());

        const VinReport empty = VinReport::fromJson({});
        QVERIFY(empty.vin.isEmpty());
        QVERIFY(!empty.spec);
        QVERIFY(!empty.createdAt.isValid());
        QVERIFY(!empty.decoding.valid);
    }

    void simulatedIsDeterministic()
    {
        const QString vin = QStringLiteral("1HGCM82633A004352");
        const VinHistory first = simulated(vin);
        QVERIFY(!first.odometer.isEmpty());
        QVERIFY(first.simulated);
        QVERIFY(first.recallsProvided);
        QCOMPARE(first.provider, SimulatedHistoryProvider(kToday).name());
        QVERIFY(qAbs(first.fetchedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        const VinHistory second = simulated(vin);
        QCOMPARE(withoutFetchedAt(second.toJson()), withoutFetchedAt(first.toJson()));
        // The same VIN however it was typed.
        QCOMPARE(withoutFetchedAt(simulated(QStringLiteral(" 1hgcm8-2633a004352")).toJson()),
                 withoutFetchedAt(first.toJson()));
        // Pinned: the same history on every run and platform, not only twice in one process.
        QCOMPARE(first.owners.constFirst().from, QDate(2003, 5, 2));
        QCOMPARE(first.odometer.size(), 25);
        QCOMPARE(first.odometer.constLast().km, 225804);
        QCOMPARE(first.owners.size(), 2);
        QCOMPARE(first.service.size(), 22);
    }

    void simulatedVinsDiffer()
    {
        const QJsonObject a = withoutFetchedAt(simulated(QStringLiteral("1HGCM82633A004352")).toJson());
        const QJsonObject b = withoutFetchedAt(simulated(QStringLiteral("5YJSA1E27HF000337")).toJson());
        const QJsonObject c = withoutFetchedAt(simulated(makeVin(QStringLiteral("1HG"), 2003, 4353)).toJson());
        QVERIFY(a != b);
        QVERIFY(a != c);
        QVERIFY(b != c);
    }

    void simulatedRefusesInvalidVins_data()
    {
        QTest::addColumn<QString>("vin");
        QTest::newRow("too short") << QStringLiteral("1HGCM8");
        QTest::newRow("wrong check digit") << QStringLiteral("1HGCM82613A004352");
        QTest::newRow("empty") << QString();
    }
    void simulatedRefusesInvalidVins()
    {
        QFETCH(QString, vin);
        SimulatedHistoryProvider provider(kToday);
        const auto history = provider.history(VinDecoder::decode(vin, kToday));
        QVERIFY(!history);
        QCOMPARE(history.error().code, Error::Code::InvalidInput);
        QVERIFY(history.error().message.endsWith(QLatin1Char('.')));
    }

    void simulatedHistoriesArePlausible()
    {
        SimulatedHistoryProvider provider(kToday);
        const QStringList wmis = {QStringLiteral("1HG"), QStringLiteral("5YJ"), QStringLiteral("WVW"),
                                  QStringLiteral("JTD"), QStringLiteral("1FA")};
        const int count = 500;
        int rollbacks = 0;
        int brands = 0;
        int accidents = 0;
        int openRecalls = 0;
        int multipleOwners = 0;
        int laterServices = 0; // histories whose last service is after their last odometer reading
        for (int i = 0; i < count; ++i) {
            const int modelYear = 2000 + i % 27;
            const QString vin = makeVin(wmis.at(i % wmis.size()), modelYear, 1000 + i * 7);
            const VinDecoding decoding = VinDecoder::decode(vin, kToday);
            QVERIFY2(decoding.valid, qPrintable(vin));
            const auto result = provider.history(decoding);
            QVERIFY2(result, qPrintable(vin));
            const VinHistory &history = *result;
            const int firstYear = std::min(decoding.modelYear.value_or(2015), kToday.year());
            const QDate earliest(firstYear, 1, 1);

            // Readings: oldest first, from the model year to today, from the first registration on.
            QVERIFY2(!history.odometer.isEmpty(), qPrintable(vin));
            QVERIFY2(history.odometer.constFirst().date >= earliest, qPrintable(vin));
            QVERIFY2(history.odometer.constFirst().date.year() == firstYear, qPrintable(vin));
            for (qsizetype r = 0; r < history.odometer.size(); ++r) {
                QVERIFY2(history.odometer.at(r).date <= kToday, qPrintable(vin));
                QVERIFY2(history.odometer.at(r).km >= 0, qPrintable(vin));
                if (r > 0)
                    QVERIFY2(history.odometer.at(r - 1).date < history.odometer.at(r).date, qPrintable(vin));
            }
            // Yearly readings at a plausible distance a year (a rolled-back car is judged by its first part).
            const auto &last = history.odometer.constLast();
            const double years = double(history.odometer.constFirst().date.daysTo(last.date)) / 365.25;
            const QList<int> rollback = VinReport::rollbackIndexes(history.odometer);
            if (years > 2 && rollback.isEmpty()) {
                const double perYear = (last.km - history.odometer.constFirst().km) / years;
                QVERIFY2(perYear >= 8000 * 0.8 && perYear <= 25000 * 1.2, qPrintable(vin));
            }
            // A rollback is a clear one: the first reading after it is well below an earlier one, and no
            // reading is only a little below an earlier one.
            QCOMPARE(VinReport::rollbackIndexes(history.odometer, 0), rollback);
            if (!rollback.isEmpty()) {
                const int index = rollback.constFirst();
                int highest = 0;
                for (int r = 0; r < index; ++r)
                    highest = std::max(highest, history.odometer.at(r).km);
                QVERIFY2(highest - history.odometer.at(index).km >= 10000, qPrintable(vin));
            }

            // Owners: 1 to 5, numbered, one after the other, the last one current.
            QVERIFY2(!history.owners.isEmpty() && history.owners.size() <= 5, qPrintable(vin));
            QCOMPARE(history.owners.constFirst().from, history.odometer.constFirst().date);
            for (qsizetype o = 0; o < history.owners.size(); ++o) {
                const VinHistory::Owner &owner = history.owners.at(o);
                QCOMPARE(owner.number, int(o) + 1);
                QVERIFY(!owner.type.isEmpty());
                QVERIFY(!owner.region.isEmpty());
                if (o + 1 < history.owners.size()) {
                    QVERIFY2(owner.from < owner.to, qPrintable(vin));
                    QCOMPARE(owner.to, history.owners.at(o + 1).from);
                } else {
                    QVERIFY2(owner.to.isNull(), qPrintable(vin));
                    QVERIFY2(owner.from <= kToday, qPrintable(vin));
                }
            }
            // Title events, accidents, services and recalls: oldest first, within the history.
            QVERIFY(!history.titleEvents.isEmpty());
            QCOMPARE(history.titleEvents.constFirst().kind, QStringLiteral("title"));
            for (const auto &event : history.titleEvents)
                QVERIFY2(event.date >= history.owners.constFirst().from && event.date <= kToday, qPrintable(vin));
            for (qsizetype s = 0; s < history.service.size(); ++s) {
                QVERIFY2(history.service.at(s).date <= kToday, qPrintable(vin));
                QVERIFY2(!history.service.at(s).shop.isEmpty(), qPrintable(vin));
                if (s > 0)
                    QVERIFY2(history.service.at(s - 1).date < history.service.at(s).date, qPrintable(vin));
            }
            if (years >= 2)
                QVERIFY2(!history.service.isEmpty(), qPrintable(vin));
            for (const auto &accident : history.accidents) {
                QVERIFY2(accident.date > history.owners.constFirst().from && accident.date <= kToday, qPrintable(vin));
                QVERIFY(QStringList({QStringLiteral("minor"), QStringLiteral("moderate"), QStringLiteral("severe")})
                            .contains(accident.severity));
            }
            QVERIFY(history.recalls.size() <= 3);

            VinReport report;
            report.history = history;
            const VinReport::Flags flags = report.flags();
            QCOMPARE(flags.rollbackSuspected, !rollback.isEmpty());
            QCOMPARE(flags.owners, int(history.owners.size()));
            QCOMPARE(flags.accidents, int(history.accidents.size()));
            // The last reading is the latest by date of every figure, the service records' included.
            QDate latest;
            int latestKm = -1;
            const auto consider = [&](QDate date, int km) {
                if (km >= 0 && (date > latest || (date == latest && km > latestKm))) {
                    latest = date;
                    latestKm = km;
                }
            };
            for (const auto &reading : history.odometer)
                consider(reading.date, reading.km);
            for (const auto &record : history.service)
                consider(record.date, record.odometerKm);
            for (const auto &event : history.titleEvents)
                consider(event.date, event.odometerKm);
            QCOMPARE(flags.lastReading->date, latest);
            QCOMPARE(flags.lastReading->km, latestKm);
            laterServices += !history.service.isEmpty() && history.service.constLast().date > last.date;
            for (const QString &brand : flags.titleBrands)
                QVERIFY(QStringList({QStringLiteral("salvage"), QStringLiteral("rebuilt"), QStringLiteral("flood")})
                            .contains(brand));
            rollbacks += flags.rollbackSuspected;
            brands += !flags.titleBrands.isEmpty();
            accidents += flags.accidents > 0;
            openRecalls += flags.openRecalls > 0;
            multipleOwners += flags.owners > 1;
        }
        qInfo("Of %d histories: %d with an accident, %d with a title brand, %d with a rollback, %d with an open "
              "recall, %d with more than one owner",
              count, accidents, brands, rollbacks, openRecalls, multipleOwners);
        // About 20 %, 5 % and 4 %, with room for chance.
        QVERIFY(accidents >= count / 10 && accidents <= count * 3 / 10);
        QVERIFY(brands >= 1 && brands <= count / 10);
        QVERIFY(rollbacks >= 1 && rollbacks <= count / 10);
        QVERIFY(openRecalls >= 1);
        QVERIFY(multipleOwners >= count / 4);
        QVERIFY(laterServices >= count / 10); // a later service record is common
    }

    void simulatedStartsInTheModelYear()
    {
        // A car of next year's model year, decoded today: registered this year, not in the future.
        const VinHistory history = simulated(makeVin(QStringLiteral("1HG"), 2027, 1));
        QCOMPARE(history.owners.constFirst().from.year(), 2026);
        QVERIFY(history.owners.constFirst().from <= kToday);
        QCOMPARE(history.owners.size(), 1);
    }

    void chart()
    {
        VinReport report;
        const QImage empty = VinReportDocument::odometerChart(report, QSize(400, 200));
        QCOMPARE(empty.size(), QSize(400, 200));
        QVERIFY(!hasRed(empty));

        report.history.odometer = readings({100});
        QCOMPARE(VinReportDocument::odometerChart(report, QSize(400, 200)).size(), QSize(400, 200));

        report.history.odometer = readings({10, 15000, 30000, 45000});
        const QImage clean = VinReportDocument::odometerChart(report, QSize(600, 250));
        QVERIFY(!hasRed(clean));
        QVERIFY(clean.pixelColor(0, 0) == QColor(Qt::white));

        report.history.odometer = readings({10, 15000, 30000, 12000, 20000});
        QVERIFY(hasRed(VinReportDocument::odometerChart(report, QSize(600, 250))));

        // Too small to draw in: no crash.
        QCOMPARE(VinReportDocument::odometerChart(report, QSize(8, 4)).size(), QSize(8, 4));
        QCOMPARE(VinReportDocument::odometerChart(report, QSize(0, 0)).size(), QSize(1, 1));
    }

    void html()
    {
        VinHistory history = sampleHistory();
        history.simulated = true;
        const VinReport report = reportFor(QStringLiteral("1HGCM82633A004352"), history);
        QTextDocument document;
        VinReportDocument::fill(document, report);
        const QString text = document.toPlainText();
        for (const QString &expected : {QStringLiteral("VIN report 1HGCM82633A004352"),
                                        QStringLiteral("2003 HONDA Accord"),
                                        QStringLiteral("SIMULATED SAMPLE HISTORY – not a real vehicle history"),
                                        QStringLiteral("Summary"),
                                        QStringLiteral("Vehicle specification"),
                                        QStringLiteral("Decoded from the VIN"),
                                        QStringLiteral("NHTSA vPIC"),
                                        QStringLiteral("Title and registration"),
                                        QStringLiteral("Accidents and damage"),
                                        QStringLiteral("Odometer"),
                                        QStringLiteral("Owners"),
                                        QStringLiteral("Service records"),
                                        QStringLiteral("Recalls"),
                                        QStringLiteral("Salvage, Rebuilt"),
                                        QStringLiteral("Rollback suspected"),
                                        QStringLiteral("Reported stolen"),
                                        QStringLiteral("EX-V6"),
                                        QStringLiteral("Test provider"),
                                        QStringLiteral("17V-123"),
                                        QStringLiteral("Shop B")}) {
            QVERIFY2(text.contains(expected), qPrintable(expected));
        }
        // The chart is a resource of the document.
        const QVariant chart = document.resource(QTextDocument::ImageResource,
                                                 QUrl(QStringLiteral("forecourt-report:odometer-chart.png")));
        QVERIFY(chart.canConvert<QImage>());
        QVERIFY(!chart.value<QImage>().isNull());
        QVERIFY(document.toHtml().contains(QStringLiteral("odometer-chart.png")));
    }

    void htmlOfAnEmptyHistory()
    {
        VinHistory history;
        history.provider = QStringLiteral("Quiet provider");
        const VinReport report = reportFor(QStringLiteral("1HGCM82633A004352"), history, false);
        QTextDocument document;
        VinReportDocument::fill(document, report);
        const QString text = document.toPlainText();
        QVERIFY(!text.contains(QStringLiteral("SIMULATED")));
        QVERIFY(text.contains(QStringLiteral("None reported.")));
        QVERIFY(text.contains(QStringLiteral("The provider gives no recall information.")));
        QVERIFY(text.contains(QStringLiteral("vPIC lookups are turned off.")));
        QVERIFY(text.contains(QStringLiteral("No accidents reported")));
        QVERIFY(text.contains(QStringLiteral("No title brands reported")));
        QVERIFY(!text.contains(QStringLiteral("Rollback suspected")));
    }

    void writePdf()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const VinReport report = richSimulatedReport();
        QVERIFY(report.history.simulated);
        QVERIFY(report.flags().rollbackSuspected);
        QVERIFY(report.history.odometer.size() > 15);
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        QString error = QStringLiteral("stale");
        QVERIFY(VinReportDocument::writePdf(report, path, &error));
        QVERIFY(error.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF"));
        QVERIFY2(pdfPageCount(pdf) >= 2, qPrintable(QString::number(pdfPageCount(pdf))));

        // A short report fits one page.
        VinHistory small;
        small.provider = QStringLiteral("Quiet provider");
        const VinReport smallReport = reportFor(QStringLiteral("1HGCM82633A004352"), small, false);
        // FORECOURT_REPORT_PDF_DIR=<folder>: also write both reports there, to look at them.
        if (const QString look = qEnvironmentVariable("FORECOURT_REPORT_PDF_DIR"); !look.isEmpty()) {
            QVERIFY(VinReportDocument::writePdf(report, look + QStringLiteral("/rich.pdf")));
            QVERIFY(VinReportDocument::writePdf(smallReport, look + QStringLiteral("/small.pdf")));
        }
        QVERIFY(VinReportDocument::writePdf(smallReport, path));
        QFile smallFile(path);
        QVERIFY(smallFile.open(QIODevice::ReadOnly));
        QCOMPARE(pdfPageCount(smallFile.readAll()), 1);
    }

    void writePdfToAnUnwritablePlace()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("no/such/folder/report.pdf"));
        QString error;
        QVERIFY(!VinReportDocument::writePdf(reportFor(QStringLiteral("1HGCM82633A004352"), sampleHistory()), path,
                                             &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestVinReport)
#include "tst_vinreport.moc"

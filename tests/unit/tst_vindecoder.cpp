#include "domain/VinDecoder.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

namespace {
// The decoder's "today" in these tests: model years up to 2027 are not in the future.
const QDate kToday(2026, 11, 22);

QList<int> candidates(const VinDecoding &decoding)
{
    return QList<int>(decoding.modelYearCandidates.begin(), decoding.modelYearCandidates.end());
}
} // namespace

class TestVinDecoder : public QObject
{
    Q_OBJECT

private slots:
    void decodesNorthAmericanVins_data()
    {
        QTest::addColumn<QString>("vin");
        QTest::addColumn<QString>("wmi");
        QTest::addColumn<QString>("manufacturer");
        QTest::addColumn<QString>("country");
        QTest::addColumn<int>("modelYear");
        QTest::addColumn<QChar>("checkDigit");
        QTest::addColumn<QChar>("plant");
        QTest::addColumn<QString>("serial");
        QTest::newRow("Honda, USA") << QStringLiteral("1HGCM82633A004352") << QStringLiteral("1HG")
                                    << QStringLiteral("Honda") << QStringLiteral("United States") << 2003 << QChar(u'3')
                                    << QChar(u'A') << QStringLiteral("004352");
        QTest::newRow("Tesla, USA") << QStringLiteral("5YJSA1E27HF000337") << QStringLiteral("5YJ")
                                    << QStringLiteral("Tesla") << QStringLiteral("United States") << 2017 << QChar(u'7')
                                    << QChar(u'F') << QStringLiteral("000337");
        QTest::newRow("Tesla, USA, 7F-70 range")
            << QStringLiteral("7SAYGDEEXPF000001") << QStringLiteral("7SA") << QStringLiteral("Tesla")
            << QStringLiteral("United States") << 2023 << QChar(u'X') << QChar(u'F') << QStringLiteral("000001");
        // Built in Japan for North America: the valid check digit shows 49 CFR 565.
        QTest::newRow("Acura, Japan") << QStringLiteral("JH4KA7561PC008269") << QStringLiteral("JH4")
                                      << QStringLiteral("Acura") << QStringLiteral("Japan") << 1993 << QChar(u'1')
                                      << QChar(u'C') << QStringLiteral("008269");
        QTest::newRow("BMW, Germany, with check digit")
            << QStringLiteral("WBA3A5C55CF256986") << QStringLiteral("WBA") << QStringLiteral("BMW")
            << QStringLiteral("Germany") << 2012 << QChar(u'5') << QChar(u'F') << QStringLiteral("256986");
    }
    void decodesNorthAmericanVins()
    {
        QFETCH(QString, vin);
        const VinDecoding decoding =
            VinDecoder::decode(QLatin1String(" ") + vin.toLower() + QLatin1String(" "), kToday);
        QVERIFY2(decoding.valid, qPrintable(decoding.errors.join(QLatin1Char(' '))));
        QVERIFY2(decoding.warnings.isEmpty(), qPrintable(decoding.warnings.join(QLatin1Char(' '))));
        QCOMPARE(decoding.vin, vin);
        QTEST(decoding.wmi, "wmi");
        QTEST(decoding.manufacturer, "manufacturer");
        QTEST(decoding.country, "country");
        QCOMPARE(decoding.region, vin.startsWith(QLatin1Char('J'))   ? QStringLiteral("Asia")
                                  : vin.startsWith(QLatin1Char('W')) ? QStringLiteral("Europe")
                                                                     : QStringLiteral("North America"));
        QVERIFY(decoding.northAmerican);
        QVERIFY(decoding.modelYear.has_value());
        QTEST(*decoding.modelYear, "modelYear");
        QCOMPARE(candidates(decoding), QList<int>{*decoding.modelYear});
        QTEST(decoding.expectedCheckDigit, "checkDigit");
        QTEST(decoding.actualCheckDigit, "checkDigit");
        QVERIFY(decoding.checkDigitValid);
        QTEST(decoding.plantCode, "plant");
        QTEST(decoding.serial, "serial");
    }

    void checkDigitXAndAnUnknownWmi()
    {
        // The 49 CFR 565 example: check digit X, and a WMI the table does not hold.
        const VinDecoding decoding = VinDecoder::decode(QStringLiteral("1M8GDM9AXKP042788"), kToday);
        QVERIFY(decoding.valid);
        QCOMPARE(decoding.expectedCheckDigit, QLatin1Char('X'));
        QVERIFY(decoding.checkDigitValid);
        QVERIFY(decoding.checkDigitRequired);
        QCOMPARE(decoding.wmi, QStringLiteral("1M8"));
        QVERIFY(decoding.manufacturer.isEmpty());
        QCOMPARE(decoding.country, QStringLiteral("United States"));
        QCOMPARE(decoding.region, QStringLiteral("North America"));
        QCOMPARE(decoding.modelYear, std::optional<int>(1989));
        QCOMPARE(decoding.warnings.size(), 1);
        QVERIFY2(decoding.warnings.first().contains(QLatin1String("1M8")), qPrintable(decoding.warnings.first()));
    }

    void wrongCheckDigitIsAnErrorInNorthAmericaButStillDecodes()
    {
        const VinDecoding decoding = VinDecoder::decode(QStringLiteral("1HGCM82643A004352"), kToday);
        QVERIFY(!decoding.valid);
        QCOMPARE(decoding.errors.size(), 1);
        QVERIFY(decoding.errors.first().contains(QLatin1String("check digit")));
        QCOMPARE(decoding.expectedCheckDigit, QLatin1Char('3'));
        QCOMPARE(decoding.actualCheckDigit, QLatin1Char('4'));
        QVERIFY(!decoding.checkDigitValid);
        QCOMPARE(decoding.manufacturer, QStringLiteral("Honda"));
        QCOMPARE(decoding.modelYear, std::optional<int>(2003));

        // 7F-70 is the United States' too, so the check digit is required there.
        const VinDecoding tesla = VinDecoder::decode(QStringLiteral("7SAYGDEE0PF000001"), kToday);
        QVERIFY(!tesla.valid);
        QCOMPARE(tesla.expectedCheckDigit, QLatin1Char('X'));
    }

    void rejectsIOAndQ_data()
    {
        QTest::addColumn<QString>("vin");
        QTest::addColumn<QString>("hint");
        QTest::newRow("O") << QStringLiteral("1HGCM82633AOO4352") << QStringLiteral("digit 0");
        QTest::newRow("Q") << QStringLiteral("1HGCM82633A0Q4352") << QStringLiteral("digit 0");
        QTest::newRow("I") << QStringLiteral("IHGCM82633A004352") << QStringLiteral("digit 1");
    }
    void rejectsIOAndQ()
    {
        QFETCH(QString, vin);
        QFETCH(QString, hint);
        const VinDecoding decoding = VinDecoder::decode(vin, kToday);
        QVERIFY(!decoding.valid);
        QVERIFY(!decoding.errors.isEmpty());
        QVERIFY2(decoding.errors.first().contains(hint), qPrintable(decoding.errors.first()));
        // Not 17 valid characters: nothing is decoded.
        QVERIFY(decoding.wmi.isNull());
        QVERIFY(decoding.expectedCheckDigit.isNull());
        QVERIFY(!decoding.modelYear);
    }

    void yearCycles_data()
    {
        QTest::addColumn<QString>("vin");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<int>("modelYear");
        QTest::addColumn<QList<int>>("candidates");
        QTest::addColumn<bool>("northAmerican");
        QTest::addColumn<int>("warnings");
        // North America: position 7 chooses the cycle.
        QTest::newRow("A, position 7 a digit")
            << QStringLiteral("1HGCM8267AA004352") << kToday << 1980 << QList<int>{1980} << true << 0;
        QTest::newRow("A, position 7 a letter")
            << QStringLiteral("1HGCM8Z32AA004352") << kToday << 2010 << QList<int>{2010} << true << 0;
        // Position 7 says 2030, still to come: the latest year Y can mean so far.
        QTest::newRow("Y, position 7 a letter, future")
            << QStringLiteral("1HGCM8Z3XYA004352") << kToday << 2000 << QList<int>{2000} << true << 1;
        // Elsewhere: every year the code can mean up to next year, and the latest of them.
        QTest::newRow("Europe, A") << QStringLiteral("WVWZZZ1KZAW000001") << kToday << 2010 << QList<int>{1980, 2010}
                                   << false << 1;
        QTest::newRow("Europe, 6") << QStringLiteral("WVWZZZ1KZ6W000001") << kToday << 2006 << QList<int>{2006} << false
                                   << 1;
        QTest::newRow("Europe, V, next year counts")
            << QStringLiteral("WVWZZZ1KZVW000001") << kToday << 2027 << QList<int>{1997, 2027} << false << 1;
        QTest::newRow("Europe, V, two years ahead does not")
            << QStringLiteral("WVWZZZ1KZVW000001") << QDate(2025, 3, 1) << 1997 << QList<int>{1997} << false << 1;
        // China requires the check digit, so a valid one does not show 49 CFR 565.
        QTest::newRow("China, N") << QStringLiteral("LSJWH4096NZ123456") << kToday << 2022 << QList<int>{1992, 2022}
                                  << false << 0;
    }
    void yearCycles()
    {
        QFETCH(QString, vin);
        QFETCH(QDate, today);
        const VinDecoding decoding = VinDecoder::decode(vin, today);
        QVERIFY2(decoding.valid, qPrintable(decoding.errors.join(QLatin1Char(' '))));
        QTEST(decoding.northAmerican, "northAmerican");
        QVERIFY(decoding.modelYear.has_value());
        QTEST(*decoding.modelYear, "modelYear");
        QTEST(candidates(decoding), "candidates");
        QTEST(int(decoding.warnings.size()), "warnings");
    }

    void europeanVinWithoutCheckDigit()
    {
        const VinDecoding decoding = VinDecoder::decode(QStringLiteral("WVWZZZ1KZAW000001"), kToday);
        QVERIFY(decoding.valid);
        QVERIFY(decoding.errors.isEmpty());
        QCOMPARE(decoding.warnings.size(), 1);
        QVERIFY(decoding.warnings.first().contains(QLatin1String("check digit")));
        QCOMPARE(decoding.actualCheckDigit, QLatin1Char('Z'));
        QCOMPARE(decoding.expectedCheckDigit, QLatin1Char('0'));
        QVERIFY(!decoding.checkDigitValid);
        QVERIFY(!decoding.checkDigitRequired);
        QCOMPARE(decoding.manufacturer, QStringLiteral("Volkswagen"));
        QCOMPARE(decoding.country, QStringLiteral("Germany"));
        QCOMPARE(decoding.region, QStringLiteral("Europe"));
        QCOMPARE(decoding.plantCode, QLatin1Char('W'));
        QCOMPARE(decoding.serial, QStringLiteral("000001"));

        // Position 10 unused: no model year, and a sentence that says so.
        const VinDecoding renault = VinDecoder::decode(QStringLiteral("VF1BB05C0Z5123456"), kToday);
        QVERIFY(renault.valid);
        QCOMPARE(renault.manufacturer, QStringLiteral("Renault"));
        QCOMPARE(renault.country, QStringLiteral("France"));
        QVERIFY(!renault.modelYear);
        QVERIFY(renault.modelYearCandidates.isEmpty());
        QCOMPARE(renault.warnings.size(), 2);
        QVERIFY2(renault.warnings.last().contains(QLatin1String("Character 10")), qPrintable(renault.warnings.last()));
    }

    void smallMakers()
    {
        // Position 3 is 9: positions 12-14 complete the WMI and the serial is 15-17.
        const VinDecoding bugatti = VinDecoder::decode(QStringLiteral("VF9SC2C28CM795123"), kToday);
        QVERIFY(bugatti.valid);
        QCOMPARE(bugatti.wmi, QStringLiteral("VF9795"));
        QCOMPARE(bugatti.manufacturer, QStringLiteral("Bugatti"));
        QCOMPARE(bugatti.country, QStringLiteral("France"));
        QCOMPARE(bugatti.serial, QStringLiteral("123"));
        QCOMPARE(bugatti.modelYear, std::optional<int>(2012));

        const VinDecoding unknown = VinDecoder::decode(QStringLiteral("1Z9AB1235KM123456"), kToday);
        QVERIFY(unknown.valid);
        QCOMPARE(unknown.wmi, QStringLiteral("1Z9123"));
        QVERIFY(unknown.manufacturer.isEmpty());
        QCOMPARE(unknown.country, QStringLiteral("United States"));
        QCOMPARE(unknown.region, QStringLiteral("North America"));
        QCOMPARE(unknown.serial, QStringLiteral("456"));
        QCOMPARE(unknown.warnings.size(), 1);
        QVERIFY(unknown.warnings.first().contains(QLatin1String("1Z9123")));
    }

    void garbageIsInvalidNeverACrash_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << QStringLiteral(" \t ");
        QTest::newRow("words") << QStringLiteral("hello world");
        QTest::newRow("punctuation") << QStringLiteral("!@#$%^&*()_+{}|:<>?");
        QTest::newRow("NUL and accents") << QStringLiteral("1HG\u0000CM82633A\u00e904352");
        QTest::newRow("emoji") << QStringLiteral("1HGCM8263\U0001F6973A004352");
        QTest::newRow("16 characters") << QStringLiteral("1HGCM82633A00435");
        QTest::newRow("18 characters") << QStringLiteral("1HGCM82633A0043521");
        QTest::newRow("10,000 characters") << QString(10000, QLatin1Char('A'));
        QTest::newRow("long text") << QStringLiteral("This line is a sentence, not a VIN, and much longer than one.");
    }
    void garbageIsInvalidNeverACrash()
    {
        QFETCH(QString, input);
        const VinDecoding decoding = VinDecoder::decode(input, kToday);
        QVERIFY(!decoding.valid);
        QVERIFY(!decoding.errors.isEmpty());
        QVERIFY(decoding.errors.size() <= 20);
        QVERIFY(decoding.wmi.isNull());
        QVERIFY(!decoding.modelYear);
        const QJsonObject json = decoding.toJson();
        QCOMPARE(json.value(QStringLiteral("valid")).toBool(true), false);
        QVERIFY(json.value(QStringLiteral("model_year")).isNull());
        QVERIFY(json.value(QStringLiteral("manufacturer")).isNull());
        QCOMPARE(json.value(QStringLiteral("input")).toString(), input);
    }

    void jsonHasTheDocumentedShape()
    {
        const QJsonObject json = VinDecoder::decode(QStringLiteral("1M8GDM9AXKP042788"), kToday).toJson();
        QCOMPARE(json.value(QStringLiteral("vin")).toString(), QStringLiteral("1M8GDM9AXKP042788"));
        QCOMPARE(json.value(QStringLiteral("valid")).toBool(), true);
        QVERIFY(json.value(QStringLiteral("errors")).isArray());
        QCOMPARE(json.value(QStringLiteral("warnings")).toArray().size(), 1);
        QCOMPARE(json.value(QStringLiteral("wmi")).toString(), QStringLiteral("1M8"));
        QVERIFY(json.value(QStringLiteral("manufacturer")).isNull());
        QCOMPARE(json.value(QStringLiteral("country")).toString(), QStringLiteral("United States"));
        QCOMPARE(json.value(QStringLiteral("region")).toString(), QStringLiteral("North America"));
        QCOMPARE(json.value(QStringLiteral("model_year")).toInt(), 1989);
        QCOMPARE(json.value(QStringLiteral("model_year_candidates")).toArray(), QJsonArray{1989});
        const QJsonObject checkDigit = json.value(QStringLiteral("check_digit")).toObject();
        QCOMPARE(checkDigit.value(QStringLiteral("expected")).toString(), QStringLiteral("X"));
        QCOMPARE(checkDigit.value(QStringLiteral("actual")).toString(), QStringLiteral("X"));
        QCOMPARE(checkDigit.value(QStringLiteral("valid")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("plant_code")).toString(), QStringLiteral("P"));
        QCOMPARE(json.value(QStringLiteral("serial")).toString(), QStringLiteral("042788"));
    }

    // Every row of the embedded table is found, and agrees with the ISO 3780 ranges on the region (and on
    // the country, except where the code's country is not where the cars are built).
    void tableAgreesWithIso3780()
    {
        QFile file(QStringLiteral(":/vin/wmi.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.startsWith(QLatin1String("#")));
        QVERIFY(text.contains(QLatin1String("Source:")));
        const QStringList countryExceptions = {QStringLiteral("WZ1"), QStringLiteral("XP7")};
        qsizetype rows = 0;
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1String("wmi,")))
                continue;
            ++rows;
            const QStringList fields = line.split(QLatin1Char(','));
            QCOMPARE(fields.size(), 4);
            const VinDecoder::Origin *origin = VinDecoder::lookup(fields.at(0));
            QVERIFY2(origin, qPrintable(line));
            QCOMPARE(origin->manufacturer, fields.at(1));
            const VinDecoder::Origin iso = VinDecoder::isoOrigin(fields.at(0));
            QVERIFY2(origin->region == iso.region, qPrintable(line + QLatin1String(" vs ") + iso.region));
            if (!countryExceptions.contains(fields.at(0)))
                QVERIFY2(origin->country == iso.country, qPrintable(line + QLatin1String(" vs ") + iso.country));
        }
        QCOMPARE(VinDecoder::tableSize(), rows);
        QVERIFY(rows >= 300);
        QCOMPARE(VinDecoder::lookup(u"JH4")->manufacturer, QStringLiteral("Acura"));
        QCOMPARE(VinDecoder::lookup(u"5YJ")->manufacturer, QStringLiteral("Tesla"));
        QVERIFY(!VinDecoder::lookup(u"1M8"));
        QVERIFY(!VinDecoder::lookup(u"VF9"));
        QVERIFY(!VinDecoder::lookup(u"XYZW"));
    }

    void isoRangesForUnknownWmis_data()
    {
        QTest::addColumn<QString>("wmi");
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("region");
        QTest::newRow("W Germany") << QStringLiteral("WZZ") << QStringLiteral("Germany") << QStringLiteral("Europe");
        QTest::newRow("SN Germany") << QStringLiteral("SNZ") << QStringLiteral("Germany") << QStringLiteral("Europe");
        QTest::newRow("S1 Latvia") << QStringLiteral("S1Z") << QStringLiteral("Latvia") << QStringLiteral("Europe");
        QTest::newRow("V0 Estonia") << QStringLiteral("V0Z") << QStringLiteral("Estonia") << QStringLiteral("Europe");
        QTest::newRow("Y7 Ukraine") << QStringLiteral("Y7Z") << QStringLiteral("Ukraine") << QStringLiteral("Europe");
        QTest::newRow("K Korea") << QStringLiteral("KRZ") << QStringLiteral("South Korea") << QStringLiteral("Asia");
        QTest::newRow("3 Mexico") << QStringLiteral("3WZ") << QStringLiteral("Mexico")
                                  << QStringLiteral("North America");
        QTest::newRow("7A New Zealand") << QStringLiteral("7AZ") << QStringLiteral("New Zealand")
                                        << QStringLiteral("Oceania");
        QTest::newRow("7F United States")
            << QStringLiteral("7FZ") << QStringLiteral("United States") << QStringLiteral("North America");
        QTest::newRow("93 Brazil") << QStringLiteral("93Z") << QStringLiteral("Brazil")
                                   << QStringLiteral("South America");
        QTest::newRow("G unassigned, Africa") << QStringLiteral("GAZ") << QString() << QStringLiteral("Africa");
        QTest::newRow("0 unassigned") << QStringLiteral("0AZ") << QString() << QString();
    }
    void isoRangesForUnknownWmis()
    {
        QFETCH(QString, wmi);
        const VinDecoder::Origin origin = VinDecoder::isoOrigin(wmi);
        QTEST(origin.country, "country");
        QTEST(origin.region, "region");
        QVERIFY(origin.manufacturer.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVinDecoder)
#include "tst_vindecoder.moc"

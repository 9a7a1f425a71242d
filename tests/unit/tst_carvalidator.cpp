#include "domain/CarValidator.h"

#include <QSet>
#include <QTest>

Q_DECLARE_METATYPE(CarField)

namespace {

const QDate kToday(2025, 6, 1);

CarValidationOptions options(const QString &currency = QStringLiteral("EUR"))
{
    CarValidationOptions result;
    result.today = kToday;
    result.currency = currency;
    return result;
}

// A car that passes without any finding.
CarInput validInput()
{
    CarInput input;
    input.stockNumber = QStringLiteral(" a1001 ");
    input.vin = QStringLiteral("wba-3a5c55cf256986");
    input.make = QStringLiteral(" BMW ");
    input.model = QStringLiteral("320i");
    input.trim = QStringLiteral("Sport   Line");
    input.modelYear = QStringLiteral("2012");
    input.bodyType = QStringLiteral("Limousine");
    input.fuelType = QStringLiteral("Benzin");
    input.transmission = QStringLiteral("Automatik");
    input.drive = QStringLiteral("Heckantrieb");
    input.colour = QStringLiteral("Alpine White");
    input.seats = QStringLiteral("5");
    input.doors = QStringLiteral("4");
    input.powerKw = QStringLiteral("135 kW");
    input.mileageKm = QStringLiteral("84 500 km");
    input.location = QStringLiteral("ber1");
    input.listPrice = QStringLiteral("18.900,50");
    input.cost = QStringLiteral("15 000");
    input.acquiredOn = QStringLiteral("2024-01-15");
    input.listedOn = QStringLiteral("20.01.2024");
    input.features = QStringLiteral("Navi; Heated seats|navi\n\nPDC ;");
    input.condition = QStringLiteral("Gebrauchtwagen");
    input.notes = QStringLiteral("  One owner.\n");
    return input;
}

CarValidation validateWith(CarField field, const QString &value, const CarValidationOptions &with = options())
{
    CarInput input = validInput();
    input.setValue(field, value);
    return CarValidator::validate(input, with);
}

QString describe(const CarValidation &validation)
{
    QStringList lines;
    for (const CarIssue &issue : validation.issues)
        lines << CarValidator::fieldKey(issue.field) +
                     (issue.severity == CarIssue::Severity::Error ? QLatin1String(" error: ")
                                                                  : QLatin1String(" warning: ")) +
                     issue.message;
    return lines.join(QLatin1Char('\n'));
}

// Exactly one issue, on `field`, with `severity`; its message.
QString onlyIssue(const CarValidation &validation, CarField field, CarIssue::Severity severity)
{
    if (validation.issues.size() != 1 || validation.issues.first().field != field ||
        validation.issues.first().severity != severity)
        return QString();
    return validation.issues.first().message;
}

} // namespace

class TestCarValidator : public QObject
{
    Q_OBJECT

private slots:
    void acceptsAValidCar()
    {
        const CarValidation validation = CarValidator::validate(validInput(), options());
        QVERIFY2(validation.issues.isEmpty(), qPrintable(describe(validation)));
        QVERIFY(validation.isValid());
        QVERIFY(!validation.hasWarnings());

        CarRecord expected;
        expected.stockNumber = QStringLiteral("A1001");
        expected.vin = QStringLiteral("WBA3A5C55CF256986");
        expected.make = QStringLiteral("BMW");
        expected.model = QStringLiteral("320i");
        expected.trim = QStringLiteral("Sport Line");
        expected.modelYear = 2012;
        expected.bodyType = QStringLiteral("sedan");
        expected.fuelType = QStringLiteral("petrol");
        expected.transmission = QStringLiteral("automatic");
        expected.drive = QStringLiteral("rwd");
        expected.colour = QStringLiteral("Alpine White");
        expected.seats = 5;
        expected.doors = 4;
        expected.powerKw = 135;
        expected.mileageKm = 84500;
        expected.condition = QStringLiteral("used");
        expected.status = QStringLiteral("available");
        expected.location = QStringLiteral("BER1");
        expected.listPrice = QStringLiteral("18900.50");
        expected.cost = QStringLiteral("15000.00");
        expected.acquiredOn = QDate(2024, 1, 15);
        expected.listedOn = QDate(2024, 1, 20);
        expected.features = {QStringLiteral("Navi"), QStringLiteral("Heated seats"), QStringLiteral("PDC")};
        expected.notes = QStringLiteral("  One owner."); // free text: only the white space at the end goes

        const CarRecord &record = validation.record;
        QCOMPARE(record.stockNumber, expected.stockNumber);
        QCOMPARE(record.vin, expected.vin);
        QCOMPARE(record.make, expected.make);
        QCOMPARE(record.trim, expected.trim);
        QCOMPARE(record.bodyType, expected.bodyType);
        QCOMPARE(record.mileageKm, expected.mileageKm);
        QCOMPARE(record.listPrice, expected.listPrice);
        QCOMPARE(record.cost, expected.cost);
        QCOMPARE(record.features, expected.features);
        QCOMPARE(record.notes, expected.notes);
        QVERIFY(record == expected);
    }

    void emptyInputNamesEveryRequiredField()
    {
        const CarValidation validation = CarValidator::validate(CarInput{}, options());
        QVERIFY(!validation.isValid());
        QVERIFY(!validation.hasWarnings());
        QList<CarField> fields;
        for (const CarIssue &issue : validation.issues) {
            QCOMPARE(issue.severity, CarIssue::Severity::Error);
            QVERIFY(!issue.message.isEmpty());
            fields << issue.field;
        }
        // Body type, fuel type, transmission, drive and condition may be unknown.
        const QList<CarField> expected = {CarField::Vin, CarField::Make, CarField::Model, CarField::ModelYear,
                                          CarField::ListPrice};
        QCOMPARE(fields, expected);
        // Defaults of the optional fields.
        for (const QString &notStated :
             {validation.record.bodyType, validation.record.fuelType, validation.record.transmission,
              validation.record.drive, validation.record.condition})
            QCOMPARE(notStated, QString());
        QCOMPARE(validation.record.status, QStringLiteral("available"));
        QCOMPARE(validation.record.mileageKm, qint64(0));
        QVERIFY(!validation.record.seats.has_value());
        QVERIFY(validation.record.cost.isEmpty());
        QVERIFY(validation.record.location.isEmpty());
        QVERIFY(validation.record.features.isEmpty());
    }

    void fieldsKeysAndLabels_data()
    {
        QTest::addColumn<CarField>("field");
        QTest::addColumn<QString>("key");
        const QList<std::pair<CarField, const char *>> keys = {
            {CarField::StockNumber, "stock_number"},
            {CarField::Vin, "vin"},
            {CarField::Make, "make"},
            {CarField::Model, "model"},
            {CarField::Trim, "trim_level"},
            {CarField::ModelYear, "model_year"},
            {CarField::BodyType, "body_type"},
            {CarField::FuelType, "fuel_type"},
            {CarField::Transmission, "transmission"},
            {CarField::Drive, "drive"},
            {CarField::Colour, "colour"},
            {CarField::Seats, "seats"},
            {CarField::Doors, "doors"},
            {CarField::PowerKw, "power_kw"},
            {CarField::MileageKm, "mileage_km"},
            {CarField::Condition, "condition"},
            {CarField::Status, "status"},
            {CarField::Location, "location"},
            {CarField::ListPrice, "list_price"},
            {CarField::Cost, "cost"},
            {CarField::AcquiredOn, "acquired_on"},
            {CarField::ListedOn, "listed_on"},
            {CarField::SoldOn, "sold_on"},
            {CarField::Features, "features"},
            {CarField::Notes, "notes"},
            {CarField::ForRent, "for_rent"},
            {CarField::VehicleClass, "vehicle_class"},
        };
        for (const auto &[field, key] : keys)
            QTest::newRow(key) << field << QString::fromLatin1(key);
    }
    void fieldsKeysAndLabels()
    {
        QFETCH(CarField, field);
        QFETCH(QString, key);
        QCOMPARE(CarValidator::fieldKey(field), key);
        QVERIFY(!CarValidator::fieldLabel(field).isEmpty());
        QVERIFY(CarValidator::fields().contains(field));
    }

    void fieldsAreInEditorOrder()
    {
        const QList<CarField> fields = CarValidator::fields();
        QCOMPARE(fields.size(), 27);
        for (qsizetype i = 0; i < fields.size(); ++i)
            QCOMPARE(static_cast<qsizetype>(fields.at(i)), i);
        QCOMPARE(CarValidator::fieldLabel(CarField::ModelYear), QStringLiteral("Model year"));
        QCOMPARE(CarValidator::fieldLabel(CarField::ListPrice), QStringLiteral("List price"));
        QSet<QString> labels;
        for (const CarField field : fields)
            labels.insert(CarValidator::fieldLabel(field));
        QCOMPARE(labels.size(), fields.size());
    }

    void inputValueAndSetValue()
    {
        CarInput input;
        for (const CarField field : CarValidator::fields())
            input.setValue(field, CarValidator::fieldKey(field));
        for (const CarField field : CarValidator::fields())
            QCOMPARE(input.value(field), CarValidator::fieldKey(field));
        QCOMPARE(input.stockNumber, QStringLiteral("stock_number"));
        QCOMPARE(input.trim, QStringLiteral("trim_level"));
        QCOMPARE(input.modelYear, QStringLiteral("model_year"));
        QCOMPARE(input.location, QStringLiteral("location"));
        QCOMPARE(input.listPrice, QStringLiteral("list_price"));
        QCOMPARE(input.soldOn, QStringLiteral("sold_on"));
        QCOMPARE(input.notes, QStringLiteral("notes"));

        input.setValue(CarField::Vin, QStringLiteral("X"));
        QCOMPARE(input.vin, QStringLiteral("X"));
        QCOMPARE(input.value(CarField::Vin), QStringLiteral("X"));
    }

    void vin_data()
    {
        QTest::addColumn<QString>("vin");
        QTest::addColumn<QString>("expected"); // the record's VIN; empty on an error
        QTest::addColumn<int>("errors");
        QTest::addColumn<int>("warnings");
        QTest::newRow("valid, with check digit")
            << QStringLiteral("WBA3A5C55CF256986") << QStringLiteral("WBA3A5C55CF256986") << 0 << 0;
        QTest::newRow("normalised") << QStringLiteral(" 1hg-cm82633a004352 ") << QStringLiteral("1HGCM82633A004352")
                                    << 0 << 0;
        QTest::newRow("check digit wrong, Europe: warning")
            << QStringLiteral("WBA3A5C50CF256986") << QStringLiteral("WBA3A5C50CF256986") << 0 << 1;
        QTest::newRow("check digit wrong, North America: error")
            << QStringLiteral("1HGCM82643A004352") << QString() << 1 << 0;
        QTest::newRow("check digit wrong, China: error") << QStringLiteral("LSJWH4095NZ123456") << QString() << 1 << 0;
        QTest::newRow("empty") << QString() << QString() << 1 << 0;
        QTest::newRow("too short") << QStringLiteral("WBA3A5C55CF25698") << QString() << 1 << 0;
        QTest::newRow("letter O") << QStringLiteral("WBA3A5C55CF2O6986") << QString() << 1 << 0;
        QTest::newRow("far too long") << QString(10'000, u'A') << QString() << 1 << 0;
    }
    void vin()
    {
        QFETCH(QString, vin);
        QFETCH(QString, expected);
        QFETCH(int, errors);
        QFETCH(int, warnings);
        const CarValidation validation = validateWith(CarField::Vin, vin);
        QCOMPARE(validation.issuesFor(CarField::Vin).size(), errors + warnings);
        QCOMPARE(validation.errors().size(), errors);
        QCOMPARE(validation.warnings().size(), warnings);
        QCOMPARE(validation.isValid(), errors == 0);
        QCOMPARE(validation.record.vin, expected);
        for (const CarIssue &issue : validation.issues) {
            QVERIFY(issue.message.contains(QLatin1String("VIN")));
            QVERIFY2(issue.message.size() < 400, qPrintable(issue.message));
        }
    }

    void vinMessagesComeFromVinCheck()
    {
        const CarValidation validation = validateWith(CarField::Vin, QStringLiteral("1HGCM82643A004352"));
        const QString message = onlyIssue(validation, CarField::Vin, CarIssue::Severity::Error);
        QVERIFY2(message.contains(QLatin1String("1HGCM82643A004352")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("check digit")), qPrintable(message));
    }

    void requiredText_data()
    {
        QTest::addColumn<CarField>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected"); // empty: an error
        QTest::newRow("make") << CarField::Make << QStringLiteral("Land   Rover ") << QStringLiteral("Land Rover");
        QTest::newRow("make, letter case kept") << CarField::Make << QStringLiteral("vOLVO") << QStringLiteral("vOLVO");
        QTest::newRow("make, non-Latin") << CarField::Make << QStringLiteral("\u30c8\u30e8\u30bf")
                                         << QStringLiteral("\u30c8\u30e8\u30bf");
        QTest::newRow("make empty") << CarField::Make << QString() << QString();
        QTest::newRow("make blank") << CarField::Make << QStringLiteral(" \t\n") << QString();
        QTest::newRow("model") << CarField::Model << QStringLiteral(" Golf\tVII") << QStringLiteral("Golf VII");
        QTest::newRow("model empty") << CarField::Model << QString() << QString();
    }
    void requiredText()
    {
        QFETCH(CarField, field);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        const CarValidation validation = validateWith(field, value);
        if (expected.isEmpty()) {
            QVERIFY(!onlyIssue(validation, field, CarIssue::Severity::Error).isEmpty());
        } else {
            QVERIFY2(validation.issues.isEmpty(), qPrintable(describe(validation)));
            QCOMPARE(field == CarField::Make ? validation.record.make : validation.record.model, expected);
        }
    }

    void optionalTextIsTidied()
    {
        CarInput input = validInput();
        input.trim = QString();
        input.colour = QStringLiteral("  Deep   Blue ");
        input.features = QString();
        input.notes = QString();
        const CarValidation validation = CarValidator::validate(input, options());
        QVERIFY2(validation.issues.isEmpty(), qPrintable(describe(validation)));
        QCOMPARE(validation.record.trim, QString());
        QCOMPARE(validation.record.colour, QStringLiteral("Deep Blue"));
        QVERIFY(validation.record.features.isEmpty());
        QCOMPARE(validation.record.notes, QString());
    }

    void modelYear_data()
    {
        QTest::addColumn<QString>("year");
        QTest::addColumn<int>("expected"); // 0: an error
        QTest::newRow("typical") << QStringLiteral("2019") << 2019;
        QTest::newRow("white space") << QStringLiteral(" 2019 ") << 2019;
        QTest::newRow("first year") << QStringLiteral("1900") << 1900;
        QTest::newRow("next year") << QStringLiteral("2026") << 2026;
        QTest::newRow("before 1900") << QStringLiteral("1899") << 0;
        QTest::newRow("two years ahead") << QStringLiteral("2027") << 0;
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("fraction") << QStringLiteral("2019.5") << 0;
        QTest::newRow("two digits") << QStringLiteral("19") << 0;
        QTest::newRow("negative") << QStringLiteral("-2019") << 0;
        QTest::newRow("text") << QStringLiteral("twenty") << 0;
        QTest::newRow("full-width digits") << QStringLiteral("\uff12\uff10\uff11\uff19") << 0;
        QTest::newRow("huge") << QStringLiteral("99999999999999999999") << 0;
    }
    void modelYear()
    {
        QFETCH(QString, year);
        QFETCH(int, expected);
        const CarValidation validation = validateWith(CarField::ModelYear, year);
        QCOMPARE(validation.record.modelYear, expected);
        if (expected == 0) {
            const QString message = onlyIssue(validation, CarField::ModelYear, CarIssue::Severity::Error);
            QVERIFY2(message.contains(QLatin1String("2026")), qPrintable(describe(validation)));
            QVERIFY(message.contains(QLatin1String("1900")));
        } else {
            QVERIFY2(validation.issues.isEmpty(), qPrintable(describe(validation)));
        }
    }

    void modelYearLimitFollowsToday()
    {
        CarInput input = validInput();
        const int year = QDate::currentDate().year();
        input.modelYear = QString::number(year + 1);
        QVERIFY(CarValidator::validate(input).issuesFor(CarField::ModelYear).isEmpty());
        input.modelYear = QString::number(year + 2);
        QCOMPARE(CarValidator::validate(input).issuesFor(CarField::ModelYear).size(), 1);

        CarValidationOptions later = options();
        later.today = QDate(2030, 1, 1);
        QVERIFY(CarValidator::validate(input, later).issuesFor(CarField::ModelYear).isEmpty());
    }

    void stockNumber_data()
    {
        QTest::addColumn<QString>("stockNumber");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty: numbered by the database") << QString() << QString() << true;
        QTest::newRow("blank") << QStringLiteral("   ") << QString() << true;
        QTest::newRow("upper-cased and trimmed") << QStringLiteral(" a-1001 ") << QStringLiteral("A-1001") << true;
        QTest::newRow("one character") << QStringLiteral("7") << QStringLiteral("7") << true;
        QTest::newRow("twenty characters")
            << QStringLiteral("ABCDEFGHIJ-123456789") << QStringLiteral("ABCDEFGHIJ-123456789") << true;
        QTest::newRow("twenty-one characters") << QStringLiteral("ABCDEFGHIJ-1234567890") << QString() << false;
        QTest::newRow("starts with a dash") << QStringLiteral("-A100") << QString() << false;
        QTest::newRow("inner space") << QStringLiteral("A 100") << QString() << false;
        QTest::newRow("underscore") << QStringLiteral("A_100") << QString() << false;
        QTest::newRow("umlaut") << QStringLiteral("\u00c4100") << QString() << false;
        QTest::newRow("line break") << QStringLiteral("A100\nB") << QString() << false;
    }
    void stockNumber()
    {
        QFETCH(QString, stockNumber);
        QFETCH(QString, expected);
        QFETCH(bool, valid);
        const CarValidation validation = validateWith(CarField::StockNumber, stockNumber);
        QCOMPARE(validation.record.stockNumber, expected);
        if (valid) {
            QVERIFY2(validation.issues.isEmpty(), qPrintable(describe(validation)));
        } else {
            const QString message = onlyIssue(validation, CarField::StockNumber, CarIssue::Severity::Error);
            QVERIFY2(message.startsWith(QLatin1String("Stock number \"")), qPrintable(describe(validation)));
            QVERIFY(message.contains(stockNumber.simplified()));
        }
    }

    void closedLists_data()
    {
        QTest::addColumn<CarField>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected"); // empty: an error
        QTest::newRow("body type key") << CarField::BodyType << QStringLiteral("suv") << QStringLiteral("suv");
        QTest::newRow("body type synonym") << CarField::BodyType << QStringLiteral("Kombi") << QStringLiteral("estate");
        // "-": not stated, without a finding.
        QTest::newRow("body type empty") << CarField::BodyType << QString() << QStringLiteral("-");
        QTest::newRow("body type dash") << CarField::BodyType << QStringLiteral("-") << QStringLiteral("-");
        QTest::newRow("body type truck") << CarField::BodyType << QStringLiteral("Truck") << QStringLiteral("pickup");
        QTest::newRow("body type unknown") << CarField::BodyType << QStringLiteral("Panzer") << QString();
        QTest::newRow("fuel type upper case")
            << CarField::FuelType << QStringLiteral("DIESEL") << QStringLiteral("diesel");
        QTest::newRow("fuel type two names")
            << CarField::FuelType << QStringLiteral("CNG/Erdgas") << QStringLiteral("cng");
        QTest::newRow("fuel type empty") << CarField::FuelType << QStringLiteral("  ") << QStringLiteral("-");
        QTest::newRow("fuel type n/a") << CarField::FuelType << QStringLiteral("N/A") << QStringLiteral("-");
        QTest::newRow("fuel type unbekannt")
            << CarField::FuelType << QStringLiteral("unbekannt") << QStringLiteral("-");
        QTest::newRow("fuel type typo") << CarField::FuelType << QStringLiteral("Petrl") << QString();
        QTest::newRow("fuel type disagreeing") << CarField::FuelType << QStringLiteral("Elektro/Benzin") << QString();
        QTest::newRow("transmission") << CarField::Transmission << QStringLiteral("Schaltgetriebe")
                                      << QStringLiteral("manual");
        QTest::newRow("transmission empty") << CarField::Transmission << QString() << QStringLiteral("-");
        QTest::newRow("transmission unknown word")
            << CarField::Transmission << QStringLiteral("Unknown") << QStringLiteral("-");
        QTest::newRow("transmission unknown") << CarField::Transmission << QStringLiteral("pedals") << QString();
        QTest::newRow("drive") << CarField::Drive << QStringLiteral("Allrad") << QStringLiteral("awd");
        QTest::newRow("drive empty") << CarField::Drive << QString() << QStringLiteral("-");
        QTest::newRow("drive k. A.") << CarField::Drive << QStringLiteral("k. A.") << QStringLiteral("-");
        QTest::newRow("drive unknown") << CarField::Drive << QStringLiteral("6x6") << QString();
        QTest::newRow("status") << CarField::Status << QStringLiteral("Reserviert") << QStringLiteral("reserved");
        QTest::newRow("status default") << CarField::Status << QStringLiteral(" ") << QStringLiteral("available");
        QTest::newRow("status unknown") << CarField::Status << QStringLiteral("stolen") << QString();
        QTest::newRow("status n/a") << CarField::Status << QStringLiteral("n/a") << QString(); // always known
        QTest::newRow("condition empty") << CarField::Condition << QString() << QStringLiteral("-");
        QTest::newRow("condition U") << CarField::Condition << QStringLiteral("U") << QStringLiteral("used");
        QTest::newRow("condition") << CarField::Condition << QStringLiteral("Vorf\u00fchrwagen")
                                   << QStringLiteral("demo");
        QTest::newRow("condition unknown") << CarField::Condition << QStringLiteral("mint") << QString();
    }
    void closedLists()
    {
        QFETCH(CarField, field);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        const CarValidation validation = validateWith(field, value);
        QString actual;
        switch (field) {
        case CarField::BodyType:
            actual = validation.record.bodyType;
            break;
        case CarField::FuelType:
            actual = validation.record.fuelType;
            break;
        case CarField::Transmission:
            actual = validation.record.transmission;
            break;
        case CarField::Drive:
            actual = validation.record.drive;
            break;
        case CarField::Status:
            actual = validation.record.status;
            break;
        case CarField::Condition:
            actual = validation.record.condition;
            break;
        default:
            QFAIL("not a closed list");
        }
        if (expected == QLatin1String("-")) {
            QCOMPARE(actual, QString());
            QVERIFY2(validation.issues.isEmpty(), qPrintable(describe(validation)));
            return;
        }
        QCOMPARE(actual, expected);
        if (expected.isEmpty()) {
            const QString message = onlyIssue(validation, field, CarIssue::Severity::Error);
            QVERIFY2(message.startsWith(CarValidator::fieldLabel(field)), qPrintable(describe(validation)));
            QVERIFY(message.contains(QLatin1String("Use one of: ")));
            if (!value.trimmed().isEmpty())
                QVERIFY(message.contains(QLatin1Char('"') + value + QLatin1Char('"')));
        } else {
            QVERIFY2(validation.issues.isEmpty(), qPrintable(describe(validation)));
        }
    }

    void unknownFuelTypeMessage()
    {
        const CarValidation validation = validateWith(CarField::FuelType, QStringLiteral("Petrl"));
        QCOMPARE(onlyIssue(validation, CarField::FuelType, CarIssue::Severity::Error),
                 QStringLiteral("Fuel type \"Petrl\" is not known. Use one of: Petrol, Diesel, Hybrid, Plug-in hybrid, "
                                "Electric, LPG, CNG, Hydrogen."));
    }

    // A file without a mileage column reads as 0 km: that is no sign of a new car, so nothing is guessed.
    void conditionIsNotGuessed_data()
    {
        QTest::addColumn<QString>("mileage");
        QTest::addColumn<QString>("condition");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no mileage: not stated") << QString() << QString() << QString();
        QTest::newRow("100 km: not stated") << QStringLiteral("100") << QString() << QString();
        QTest::newRow("84,500 km: not stated") << QStringLiteral("84,500") << QStringLiteral(" ") << QString();
        QTest::newRow("given condition wins")
            << QStringLiteral("5000") << QStringLiteral("demo") << QStringLiteral("demo");
        QTest::newRow("used with no mileage") << QString() << QStringLiteral("Gebraucht") << QStringLiteral("used");
    }
    void conditionIsNotGuessed()
    {
        QFETCH(QString, mileage);
        QFETCH(QString, condition);
        QFETCH(QString, expected);
        CarInput input = validInput();
        input.mileageKm = mileage;
        input.condition = condition;
        const CarValidation validation = CarValidator::validate(input, options());
        QVERIFY2(validation.issues.isEmpty(), qPrintable(describe(validation)));
        QCOMPARE(validation.record.condition, expected);
    }

    void makeAndModelYearFromTheVin_data()
    {
        QTest::addColumn<QString>("vin");
        QTest::addColumn<QString>("make");        // empty: refused
        QTest::addColumn<int>("modelYear");       // 0: refused
        QTest::addColumn<QString>("yearWarning"); // part of the model year's warning
        // A valid check digit where none is required: 49 CFR 565, so character 7 (a letter) makes C 2012.
        QTest::newRow("BMW, one year") << QStringLiteral("WBA3A5C55CF256986") << QStringLiteral("BMW") << 2012
                                       << QStringLiteral("2012 was read from the VIN");
        // No check digit (Z): character 10 (M) may mean 1991 or 2021; the latest that is not in the future.
        QTest::newRow("Volkswagen, two years") << QStringLiteral("WVWZZZ1KZMW000001") << QStringLiteral("Volkswagen")
                                               << 2021 << QStringLiteral("could also mean 1991");
        // A maker Forecourt does not know: no make, but the year.
        QTest::newRow("unknown maker") << QStringLiteral("XXXZZZ1KZMW000001") << QString() << 2021
                                       << QStringLiteral("2021");
    }
    void makeAndModelYearFromTheVin()
    {
        QFETCH(QString, vin);
        QFETCH(QString, make);
        QFETCH(int, modelYear);
        QFETCH(QString, yearWarning);
        CarInput input = validInput();
        input.vin = vin;
        input.make.clear();
        input.modelYear.clear();
        CarValidationOptions filling = options();
        filling.fillFromVin = true;
        const CarValidation validation = CarValidator::validate(input, filling);
        QCOMPARE(validation.record.make, make);
        QCOMPARE(validation.record.modelYear, modelYear);
        const QList<CarIssue> makeIssues = validation.issuesFor(CarField::Make);
        QCOMPARE(makeIssues.size(), 1);
        if (make.isEmpty()) {
            QCOMPARE(makeIssues.first().severity, CarIssue::Severity::Error);
            QVERIFY2(makeIssues.first().message.contains(vin.left(3)), qPrintable(describe(validation)));
        } else {
            QCOMPARE(makeIssues.first().severity, CarIssue::Severity::Warning);
            QVERIFY2(makeIssues.first().message.contains(make + QStringLiteral(" was taken from the VIN")),
                     qPrintable(describe(validation)));
        }
        const QList<CarIssue> yearIssues = validation.issuesFor(CarField::ModelYear);
        QCOMPARE(yearIssues.size(), 1);
        QCOMPARE(yearIssues.first().severity, CarIssue::Severity::Warning);
        QVERIFY2(yearIssues.first().message.contains(yearWarning), qPrintable(describe(validation)));

        // Without the option (the editor) nothing is filled in; given values are never replaced.
        const CarValidation plain = CarValidator::validate(input, options());
        QVERIFY(plain.record.make.isEmpty());
        QCOMPARE(plain.issuesFor(CarField::Make).first().severity, CarIssue::Severity::Error);
        QCOMPARE(plain.issuesFor(CarField::ModelYear).first().severity, CarIssue::Severity::Error);
        input.make = QStringLiteral("Trabant");
        input.modelYear = QStringLiteral("1989");
        const CarValidation given = CarValidator::validate(input, filling);
        QCOMPARE(given.record.make, QStringLiteral("Trabant"));
        QCOMPARE(given.record.modelYear, 1989);
        QVERIFY(given.issuesFor(CarField::Make).isEmpty());
    }

    void noFillFromAnInvalidVin()
    {
        CarInput input = validInput();
        input.vin = QStringLiteral("WBA3A5C5"); // too short
        input.make.clear();
        CarValidationOptions filling = options();
        filling.fillFromVin = true;
        const CarValidation validation = CarValidator::validate(input, filling);
        QVERIFY(validation.record.make.isEmpty());
        QCOMPARE(validation.issuesFor(CarField::Make).size(), 1);
        QCOMPARE(validation.issuesFor(CarField::Make).first().severity, CarIssue::Severity::Error);
    }

    void newCarWithMileageIsAWarning()
    {
        CarInput input = validInput();
        input.condition = QStringLiteral("new");
        input.mileageKm = QStringLiteral("1000");
        QVERIFY(CarValidator::validate(input, options()).issues.isEmpty());

        input.mileageKm = QStringLiteral("1001");
        const CarValidation validation = CarValidator::validate(input, options());
        const QString message = onlyIssue(validation, CarField::MileageKm, CarIssue::Severity::Warning);
        QVERIFY2(message.contains(QLatin1String("1001")), qPrintable(describe(validation)));
        QVERIFY(validation.isValid());
        QCOMPARE(validation.record.condition, QStringLiteral("new"));
        QCOMPARE(validation.record.mileageKm, qint64(1001));
    }

    void counts_data()
    {
        QTest::addColumn<CarField>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("expected"); // -1: not given; -2: an error
        QTest::newRow("seats") << CarField::Seats << QStringLiteral("5") << 5;
        QTest::newRow("seats 1") << CarField::Seats << QStringLiteral("1") << 1;
        QTest::newRow("seats 60") << CarField::Seats << QStringLiteral(" 60 ") << 60;
        QTest::newRow("seats empty") << CarField::Seats << QString() << -1;
        QTest::newRow("seats 0") << CarField::Seats << QStringLiteral("0") << -2;
        QTest::newRow("seats 61") << CarField::Seats << QStringLiteral("61") << -2;
        QTest::newRow("seats fraction") << CarField::Seats << QStringLiteral("4.5") << -2;
        QTest::newRow("seats text") << CarField::Seats << QStringLiteral("five") << -2;
        QTest::newRow("doors 0") << CarField::Doors << QStringLiteral("0") << 0;
        QTest::newRow("doors 9") << CarField::Doors << QStringLiteral("9") << 9;
        QTest::newRow("doors 10") << CarField::Doors << QStringLiteral("10") << -2;
        QTest::newRow("doors negative") << CarField::Doors << QStringLiteral("-1") << -2;
        QTest::newRow("doors empty") << CarField::Doors << QString() << -1;
        QTest::newRow("power") << CarField::PowerKw << QStringLiteral("150") << 150;
        QTest::newRow("power kW") << CarField::PowerKw << QStringLiteral("150 kW") << 150;
        QTest::newRow("power kw, no space") << CarField::PowerKw << QStringLiteral("150KW") << 150;
        QTest::newRow("power 0") << CarField::PowerKw << QStringLiteral("0") << 0;
        QTest::newRow("power 2000") << CarField::PowerKw << QStringLiteral("2000 kW") << 2000;
        QTest::newRow("power empty") << CarField::PowerKw << QStringLiteral(" ") << -1;
        QTest::newRow("power 2001") << CarField::PowerKw << QStringLiteral("2001") << -2;
        QTest::newRow("power negative") << CarField::PowerKw << QStringLiteral("-5 kW") << -2;
        QTest::newRow("power fraction") << CarField::PowerKw << QStringLiteral("110.5 kW") << -2;
        QTest::newRow("power watts") << CarField::PowerKw << QStringLiteral("150 W") << -2;
        QTest::newRow("power text") << CarField::PowerKw << QStringLiteral("strong") << -2;
    }
    void counts()
    {
        QFETCH(CarField, field);
        QFETCH(QString, value);
        QFETCH(int, expected);
        const CarValidation validation = validateWith(field, value);
        const std::optional<int> actual = field == CarField::Seats   ? validation.record.seats
                                          : field == CarField::Doors ? validation.record.doors
                                                                     : validation.record.powerKw;
        if (expected == -2) {
            const QString message = onlyIssue(validation, field, CarIssue::Severity::Error);
            QVERIFY2(message.contains(QLatin1Char('"') + value + QLatin1Char('"')), qPrintable(describe(validation)));
            QVERIFY(!actual.has_value());
        } else {
            QVERIFY2(validation.issues.isEmpty(), qPrintable(describe(validation)));
            QCOMPARE(actual.value_or(-1), expected);
        }
    }

    void powerInPsOrHpGivesTheKwValue_data()
    {
        QTest::addColumn<QString>("power");
        QTest::addColumn<QString>("hint");
        QTest::newRow("PS") << QStringLiteral("204 PS") << QStringLiteral("150");
        QTest::newRow("ps, no space") << QStringLiteral("150ps") << QStringLiteral("110");
        QTest::newRow("hp") << QStringLiteral("150 hp") << QStringLiteral("112");
        QTest::newRow("bhp") << QStringLiteral("300 bhp") << QStringLiteral("224");
        QTest::newRow("HP with fraction") << QStringLiteral("100,5 HP") << QStringLiteral("75");
    }
    void powerInPsOrHpGivesTheKwValue()
    {
        QFETCH(QString, power);
        QFETCH(QString, hint);
        const CarValidation validation = validateWith(CarField::PowerKw, power);
        const QString message = onlyIssue(validation, CarField::PowerKw, CarIssue::Severity::Error);
        QVERIFY2(message.contains(QLatin1Char('"') + power + QLatin1Char('"')), qPrintable(describe(validation)));
        QVERIFY2(message.contains(hint + QLatin1String(" kW")), qPrintable(message));
        QVERIFY(!validation.record.powerKw.has_value());
    }

    void mileage_data()
    {
        QTest::addColumn<QString>("mileage");
        QTest::addColumn<qint64>("expected"); // -1: an error
        QTest::addColumn<bool>("warning");
        QTest::newRow("empty: 0") << QString() << qint64(0) << false;
        QTest::newRow("digits") << QStringLiteral("12345") << qint64(12345) << false;
        QTest::newRow("space") << QStringLiteral("12 345") << qint64(12345) << false;
        QTest::newRow("no-break space") << QStringLiteral("12\u00a0345") << qint64(12345) << false;
        QTest::newRow("comma") << QStringLiteral("12,345") << qint64(12345) << false;
        QTest::newRow("dot and km") << QStringLiteral("12.345 km") << qint64(12345) << false;
        QTest::newRow("apostrophe") << QStringLiteral("12'345") << qint64(12345) << false;
        QTest::newRow("KM, no space") << QStringLiteral("12345KM") << qint64(12345) << false;
        QTest::newRow("zero") << QStringLiteral("0") << qint64(0) << false;
        QTest::newRow("one million") << QStringLiteral("1,000,000") << qint64(1000000) << false;
        QTest::newRow("over one million: warning") << QStringLiteral("1 000 001") << qint64(1000001) << true;
        QTest::newRow("fraction") << QStringLiteral("12.5") << qint64(-1) << false;
        QTest::newRow("groups of two") << QStringLiteral("12,34,567") << qint64(-1) << false;
        QTest::newRow("long first group") << QStringLiteral("12345.678") << qint64(-1) << false;
        QTest::newRow("negative") << QStringLiteral("-5") << qint64(-1) << false;
        QTest::newRow("miles") << QStringLiteral("12000 mi") << qint64(-1) << false;
        QTest::newRow("text") << QStringLiteral("low") << qint64(-1) << false;
        QTest::newRow("too large for the database") << QStringLiteral("3000000000") << qint64(-1) << false;
        QTest::newRow("huge") << QString(5000, u'9') << qint64(-1) << false;
    }
    void mileage()
    {
        QFETCH(QString, mileage);
        QFETCH(qint64, expected);
        QFETCH(bool, warning);
        CarInput input = validInput();
        input.mileageKm = mileage;
        input.condition = QStringLiteral("used");
        const CarValidation validation = CarValidator::validate(input, options());
        if (expected < 0) {
            const QString message = onlyIssue(validation, CarField::MileageKm, CarIssue::Severity::Error);
            QVERIFY2(message.startsWith(QLatin1String("Mileage \"")), qPrintable(describe(validation)));
            QCOMPARE(validation.record.mileageKm, qint64(0));
        } else if (warning) {
            QVERIFY(!onlyIssue(validation, CarField::MileageKm, CarIssue::Severity::Warning).isEmpty());
            QVERIFY(validation.isValid());
            QCOMPARE(validation.record.mileageKm, expected);
        } else {
            QVERIFY2(validation.issues.isEmpty(), qPrintable(describe(validation)));
            QCOMPARE(validation.record.mileageKm, expected);
        }
    }

    void location_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty: no branch") << QString() << QString() << true;
        QTest::newRow("upper-cased") << QStringLiteral(" ber1 ") << QStringLiteral("BER1") << true;
        QTest::newRow("two characters") << QStringLiteral("HQ") << QStringLiteral("HQ") << true;
        QTest::newRow("eight characters") << QStringLiteral("MUNICH01") << QStringLiteral("MUNICH01") << true;
        QTest::newRow("one character") << QStringLiteral("H") << QString() << false;
        QTest::newRow("nine characters") << QStringLiteral("MUNICH001") << QString() << false;
        QTest::newRow("dash") << QStringLiteral("BER-1") << QString() << false;
        QTest::newRow("space") << QStringLiteral("BER 1") << QString() << false;
        QTest::newRow("non-Latin") << QStringLiteral("\u6771\u4eac") << QString() << false;
    }
    void location()
    {
        QFETCH(QString, location);
        QFETCH(QString, expected);
        QFETCH(bool, valid);
        const CarValidation validation = validateWith(CarField::Location, location);
        QCOMPARE(validation.record.location, expected);
        if (valid)
            QVERIFY2(validation.issues.isEmpty(), qPrintable(describe(validation)));
        else
            QVERIFY(onlyIssue(validation, CarField::Location, CarIssue::Severity::Error).contains(location));
    }

    void parseMoney_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // empty: refused

        // The spellings the header promises.
        QTest::newRow("whole") << QStringLiteral("18900") << QStringLiteral("18900.00");
        QTest::newRow("one decimal") << QStringLiteral("18900.5") << QStringLiteral("18900.50");
        QTest::newRow("comma thousands") << QStringLiteral("18,900.50") << QStringLiteral("18900.50");
        QTest::newRow("dot thousands") << QStringLiteral("18.900,50") << QStringLiteral("18900.50");
        QTest::newRow("space thousands") << QStringLiteral("18 900") << QStringLiteral("18900.00");
        QTest::newRow("apostrophe thousands") << QStringLiteral("18'900") << QStringLiteral("18900.00");
        QTest::newRow("euro sign") << QStringLiteral("\u20ac 18 900") << QStringLiteral("18900.00");
        QTest::newRow("code after") << QStringLiteral("18900 EUR") << QStringLiteral("18900.00");
        QTest::newRow("no cents dash") << QStringLiteral("18.900,-") << QStringLiteral("18900.00");

        // More of the same rules.
        QTest::newRow("white space") << QStringLiteral("  18900  ") << QStringLiteral("18900.00");
        QTest::newRow("zero") << QStringLiteral("0") << QStringLiteral("0.00");
        QTest::newRow("minus zero") << QStringLiteral("-0") << QStringLiteral("0.00");
        QTest::newRow("cents only") << QStringLiteral("0,05") << QStringLiteral("0.05");
        QTest::newRow("decimal comma") << QStringLiteral("1,5") << QStringLiteral("1.50");
        QTest::newRow("three digits after comma: thousands") << QStringLiteral("1,500") << QStringLiteral("1500.00");
        QTest::newRow("three digits after dot: thousands") << QStringLiteral("1.500") << QStringLiteral("1500.00");
        QTest::newRow("millions") << QStringLiteral("1.234.567,89") << QStringLiteral("1234567.89");
        QTest::newRow("millions, comma") << QStringLiteral("1,234,567.89") << QStringLiteral("1234567.89");
        QTest::newRow("leading zeros") << QStringLiteral("018900") << QStringLiteral("18900.00");
        QTest::newRow("no-break space") << QStringLiteral("18\u00a0900,00") << QStringLiteral("18900.00");
        QTest::newRow("narrow no-break space") << QStringLiteral("18\u202f900") << QStringLiteral("18900.00");
        QTest::newRow("typographic apostrophe") << QStringLiteral("18\u2019900.50") << QStringLiteral("18900.50");
        QTest::newRow("euro sign after") << QStringLiteral("18 900 \u20ac") << QStringLiteral("18900.00");
        QTest::newRow("euro sign, no space") << QStringLiteral("\u20ac18900") << QStringLiteral("18900.00");
        QTest::newRow("no cents and sign") << QStringLiteral("18.900,- \u20ac") << QStringLiteral("18900.00");
        QTest::newRow("code before") << QStringLiteral("EUR 18900") << QStringLiteral("18900.00");
        QTest::newRow("lower-case code") << QStringLiteral("18900 eur") << QStringLiteral("18900.00");
        QTest::newRow("other currency is dropped") << QStringLiteral("$ 18,900") << QStringLiteral("18900.00");
        QTest::newRow("Swiss francs") << QStringLiteral("CHF 18'900.50") << QStringLiteral("18900.50");
        QTest::newRow("too large is still an amount")
            << QStringLiteral("10000000000") << QStringLiteral("10000000000.00");

        // Refused.
        QTest::newRow("groups of two") << QStringLiteral("18,90,0") << QString();
        QTest::newRow("three decimals") << QStringLiteral("18900.505") << QString();
        QTest::newRow("negative") << QStringLiteral("-18900") << QString();
        QTest::newRow("negative with sign") << QStringLiteral("-\u20ac 18 900") << QString();
        QTest::newRow("minus sign") << QStringLiteral("\u221218900") << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("blank") << QStringLiteral("   ") << QString();
        QTest::newRow("currency only") << QStringLiteral("\u20ac") << QString();
        QTest::newRow("text") << QStringLiteral("eighteen thousand") << QString();
        QTest::newRow("unit that is not a currency") << QStringLiteral("18900 km") << QString();
        QTest::newRow("two currencies") << QStringLiteral("\u20ac 18900 EUR") << QString();
        QTest::newRow("trailing separator") << QStringLiteral("18900.") << QString();
        QTest::newRow("leading separator") << QStringLiteral(".50") << QString();
        QTest::newRow("double space") << QStringLiteral("18  900") << QString();
        QTest::newRow("exponent") << QStringLiteral("1e5") << QString();
        QTest::newRow("plus sign") << QStringLiteral("+18900") << QString();
        QTest::newRow("full-width digits") << QStringLiteral("\uff11\uff18\uff19\uff10\uff10") << QString();
    }
    void parseMoney()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const std::optional<QString> amount = CarValidator::parseMoney(text);
        if (expected.isEmpty()) {
            QVERIFY2(!amount.has_value(), qPrintable(amount.value_or(QString())));
        } else {
            QVERIFY(amount.has_value());
            QCOMPARE(*amount, expected);
        }
    }

    void prices_data()
    {
        QTest::addColumn<QString>("listPrice");
        QTest::addColumn<QString>("cost");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<CarField>("field");      // of the finding
        QTest::addColumn<bool>("error");          // false: a warning, or nothing when field is Notes
        QTest::addColumn<QString>("recordPrice"); // record.listPrice
        QTest::addColumn<QString>("recordCost");
        QTest::newRow("both") << QStringLiteral("18900") << QStringLiteral("12000,50") << QStringLiteral("EUR")
                              << CarField::Notes << false << QStringLiteral("18900.00") << QStringLiteral("12000.50");
        QTest::newRow("cost not given") << QStringLiteral("18900") << QString() << QStringLiteral("EUR")
                                        << CarField::Notes << false << QStringLiteral("18900.00") << QString();
        QTest::newRow("zero price") << QStringLiteral("0") << QString() << QStringLiteral("EUR") << CarField::Notes
                                    << false << QStringLiteral("0.00") << QString();
        QTest::newRow("cost equals price")
            << QStringLiteral("18900") << QStringLiteral("18.900,00") << QStringLiteral("EUR") << CarField::Notes
            << false << QStringLiteral("18900.00") << QStringLiteral("18900.00");
        QTest::newRow("largest amount") << QStringLiteral("9999999999.99") << QString() << QStringLiteral("EUR")
                                        << CarField::Notes << false << QStringLiteral("9999999999.99") << QString();
        QTest::newRow("database currency sign")
            << QStringLiteral("\u20ac 18 900") << QStringLiteral("12000 EUR") << QStringLiteral("EUR")
            << CarField::Notes << false << QStringLiteral("18900.00") << QStringLiteral("12000.00");
        QTest::newRow("any currency when none is set")
            << QStringLiteral("$ 18,900") << QString() << QString() << CarField::Notes << false
            << QStringLiteral("18900.00") << QString();
        QTest::newRow("dollar sign in a USD database")
            << QStringLiteral("$18,900") << QString() << QStringLiteral("USD") << CarField::Notes << false
            << QStringLiteral("18900.00") << QString();

        QTest::newRow("cost above price: warning")
            << QStringLiteral("18900") << QStringLiteral("18900.01") << QStringLiteral("EUR") << CarField::Cost << false
            << QStringLiteral("18900.00") << QStringLiteral("18900.01");
        QTest::newRow("price missing") << QStringLiteral(" ") << QString() << QStringLiteral("EUR")
                                       << CarField::ListPrice << true << QString() << QString();
        QTest::newRow("price negative") << QStringLiteral("-18900") << QString() << QStringLiteral("EUR")
                                        << CarField::ListPrice << true << QString() << QString();
        QTest::newRow("price too large") << QStringLiteral("10.000.000.000") << QString() << QStringLiteral("EUR")
                                         << CarField::ListPrice << true << QString() << QString();
        QTest::newRow("price not an amount") << QStringLiteral("18,90,0") << QString() << QStringLiteral("EUR")
                                             << CarField::ListPrice << true << QString() << QString();
        QTest::newRow("price in dollars in a EUR database")
            << QStringLiteral("$ 18,900") << QString() << QStringLiteral("EUR") << CarField::ListPrice << true
            << QString() << QString();
        QTest::newRow("price in francs in a EUR database")
            << QStringLiteral("18 900 CHF") << QString() << QStringLiteral("EUR") << CarField::ListPrice << true
            << QString() << QString();
        QTest::newRow("cost negative") << QStringLiteral("18900") << QStringLiteral("-1") << QStringLiteral("EUR")
                                       << CarField::Cost << true << QStringLiteral("18900.00") << QString();
        QTest::newRow("cost not an amount")
            << QStringLiteral("18900") << QStringLiteral("cheap") << QStringLiteral("EUR") << CarField::Cost << true
            << QStringLiteral("18900.00") << QString();
        QTest::newRow("cost in pounds") << QStringLiteral("18900") << QStringLiteral("\u00a3 12,000")
                                        << QStringLiteral("EUR") << CarField::Cost << true << QStringLiteral("18900.00")
                                        << QString();
    }
    void prices()
    {
        QFETCH(QString, listPrice);
        QFETCH(QString, cost);
        QFETCH(QString, currency);
        QFETCH(CarField, field);
        QFETCH(bool, error);
        QFETCH(QString, recordPrice);
        QFETCH(QString, recordCost);
        CarInput input = validInput();
        input.listPrice = listPrice;
        input.cost = cost;
        const CarValidation validation = CarValidator::validate(input, options(currency));
        QCOMPARE(validation.record.listPrice, recordPrice);
        QCOMPARE(validation.record.cost, recordCost);
        if (field == CarField::Notes) {
            QVERIFY2(validation.issues.isEmpty(), qPrintable(describe(validation)));
            return;
        }
        const QString message =
            onlyIssue(validation, field, error ? CarIssue::Severity::Error : CarIssue::Severity::Warning);
        QVERIFY2(message.startsWith(CarValidator::fieldLabel(field)) ||
                     message.contains(CarValidator::fieldLabel(field).toLower()),
                 qPrintable(describe(validation)));
        QCOMPARE(validation.isValid(), !error);
        const QString value = (field == CarField::Cost ? cost : listPrice).trimmed();
        if (!value.isEmpty())
            QVERIFY2(message.contains(QLatin1Char('"') + value + QLatin1Char('"')), qPrintable(message));
        if (currency == QLatin1String("EUR") &&
            (listPrice.contains(QLatin1Char('$')) || value.contains(QLatin1String("CHF"))))
            QVERIFY2(message.contains(QLatin1String("EUR")), qPrintable(message));
    }

    void parseDate_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("expected");
        QTest::newRow("ISO") << QStringLiteral("2024-03-31") << QDate(2024, 3, 31);
        QTest::newRow("ISO, one digit") << QStringLiteral("2024-3-5") << QDate(2024, 3, 5);
        QTest::newRow("dots") << QStringLiteral("31.03.2024") << QDate(2024, 3, 31);
        QTest::newRow("dots, one digit") << QStringLiteral("1.3.2024") << QDate(2024, 3, 1);
        QTest::newRow("slashes, day first") << QStringLiteral("05/03/2024") << QDate(2024, 3, 5);
        QTest::newRow("slashes, one digit") << QStringLiteral("5/3/2024") << QDate(2024, 3, 5);
        QTest::newRow("white space") << QStringLiteral(" 2024-03-31\n") << QDate(2024, 3, 31);
        QTest::newRow("leap day") << QStringLiteral("29.02.2024") << QDate(2024, 2, 29);
        QTest::newRow("before 1900 still a date") << QStringLiteral("1899-12-31") << QDate(1899, 12, 31);

        QTest::newRow("31 February") << QStringLiteral("31.02.2024") << QDate();
        QTest::newRow("30 February, ISO") << QStringLiteral("2024-02-30") << QDate();
        QTest::newRow("29 February, no leap year") << QStringLiteral("29.02.2023") << QDate();
        QTest::newRow("month 13") << QStringLiteral("2024-13-01") << QDate();
        QTest::newRow("day 0") << QStringLiteral("0.3.2024") << QDate();
        QTest::newRow("month first") << QStringLiteral("03/31/2024") << QDate();
        QTest::newRow("year 0") << QStringLiteral("0000-01-01") << QDate();
        QTest::newRow("mixed separators") << QStringLiteral("31.03/2024") << QDate();
        QTest::newRow("two-digit year") << QStringLiteral("31.03.24") << QDate();
        QTest::newRow("ISO with slashes") << QStringLiteral("2024/03/31") << QDate();
        QTest::newRow("day first with dashes") << QStringLiteral("31-03-2024") << QDate();
        QTest::newRow("three-digit day") << QStringLiteral("031.03.2024") << QDate();
        QTest::newRow("with a time") << QStringLiteral("2024-03-31T10:00") << QDate();
        QTest::newRow("month name") << QStringLiteral("31 March 2024") << QDate();
        QTest::newRow("empty") << QString() << QDate();
        QTest::newRow("non-ASCII digits") << QStringLiteral("\u0662\u0660\u0662\u0664-03-31") << QDate();
    }
    void parseDate()
    {
        QFETCH(QString, text);
        QFETCH(QDate, expected);
        QCOMPARE(CarValidator::parseDate(text), expected);
    }

    void dates_data()
    {
        QTest::addColumn<QString>("acquired");
        QTest::addColumn<QString>("listed");
        QTest::addColumn<QString>("sold");
        QTest::addColumn<QString>("status");
        QTest::addColumn<CarField>("field"); // of the one finding; Notes: none
        QTest::addColumn<bool>("error");
        QTest::newRow("all three in order")
            << QStringLiteral("2024-01-15") << QStringLiteral("2024-01-20") << QStringLiteral("2024-03-01")
            << QStringLiteral("sold") << CarField::Notes << false;
        QTest::newRow("all on one day") << QStringLiteral("2024-01-15") << QStringLiteral("15.01.2024")
                                        << QStringLiteral("15/01/2024") << QStringLiteral("Verkauft") << CarField::Notes
                                        << false;
        QTest::newRow("sold date on a retired car") << QString() << QString() << QStringLiteral("2024-03-01")
                                                    << QStringLiteral("retired") << CarField::Notes << false;
        QTest::newRow("none") << QString() << QString() << QString() << QString() << CarField::Notes << false;
        QTest::newRow("today") << QStringLiteral("2025-06-01") << QString() << QString() << QString() << CarField::Notes
                               << false;

        QTest::newRow("invalid date") << QStringLiteral("31.02.2024") << QString() << QString() << QString()
                                      << CarField::AcquiredOn << true;
        QTest::newRow("not a date") << QString() << QStringLiteral("soon") << QString() << QString()
                                    << CarField::ListedOn << true;
        QTest::newRow("before 1900") << QStringLiteral("31.12.1899") << QString() << QString() << QString()
                                     << CarField::AcquiredOn << true;
        QTest::newRow("in the future: warning")
            << QString() << QStringLiteral("2025-06-02") << QString() << QString() << CarField::ListedOn << false;
        QTest::newRow("listed before acquired") << QStringLiteral("2024-01-20") << QStringLiteral("2024-01-15")
                                                << QString() << QString() << CarField::ListedOn << true;
        QTest::newRow("sold before listed")
            << QStringLiteral("2024-01-15") << QStringLiteral("2024-02-01") << QStringLiteral("2024-01-20")
            << QStringLiteral("sold") << CarField::SoldOn << true;
        QTest::newRow("sold before acquired")
            << QStringLiteral("2024-01-15") << QString() << QStringLiteral("2024-01-14") << QStringLiteral("sold")
            << CarField::SoldOn << true;
        QTest::newRow("sold date, status by default available")
            << QString() << QString() << QStringLiteral("2024-03-01") << QString() << CarField::SoldOn << true;
        QTest::newRow("sold date, status reserved") << QString() << QString() << QStringLiteral("2024-03-01")
                                                    << QStringLiteral("reserved") << CarField::SoldOn << true;
    }
    void dates()
    {
        QFETCH(QString, acquired);
        QFETCH(QString, listed);
        QFETCH(QString, sold);
        QFETCH(QString, status);
        QFETCH(CarField, field);
        QFETCH(bool, error);
        CarInput input = validInput();
        input.acquiredOn = acquired;
        input.listedOn = listed;
        input.soldOn = sold;
        input.status = status;
        const CarValidation validation = CarValidator::validate(input, options());
        if (field == CarField::Notes) {
            QVERIFY2(validation.issues.isEmpty(), qPrintable(describe(validation)));
            QCOMPARE(validation.record.acquiredOn, CarValidator::parseDate(acquired));
            QCOMPARE(validation.record.listedOn, CarValidator::parseDate(listed));
            QCOMPARE(validation.record.soldOn, CarValidator::parseDate(sold));
            return;
        }
        const QString message =
            onlyIssue(validation, field, error ? CarIssue::Severity::Error : CarIssue::Severity::Warning);
        QVERIFY2(message.startsWith(CarValidator::fieldLabel(field) + QLatin1String(" \"")),
                 qPrintable(describe(validation)));
        QCOMPARE(validation.isValid(), !error);
    }

    void soldDateWithWrongStatusNamesTheStatus()
    {
        CarInput input = validInput();
        input.soldOn = QStringLiteral("2024-03-01");
        input.status = QStringLiteral("in workshop");
        const CarValidation validation = CarValidator::validate(input, options());
        const QString message = onlyIssue(validation, CarField::SoldOn, CarIssue::Severity::Error);
        QVERIFY2(message.contains(QLatin1String("In service")), qPrintable(describe(validation)));
        QVERIFY(message.contains(QLatin1String("2024-03-01")));
        QCOMPARE(validation.record.status, QStringLiteral("in_service"));

        // An unknown status has its own error and no second one about the sold date.
        input.status = QStringLiteral("gone");
        const CarValidation unknown = CarValidator::validate(input, options());
        QCOMPARE(unknown.issues.size(), 1);
        QCOMPARE(unknown.issues.first().field, CarField::Status);
    }

    void warningsDoNotMakeACarInvalid()
    {
        CarInput input = validInput();
        input.vin = QStringLiteral("WBA3A5C50CF256986"); // check digit off, outside North America
        input.cost = QStringLiteral("20000");            // above the list price
        input.listedOn = QStringLiteral("2025-07-01");   // in the future
        const CarValidation validation = CarValidator::validate(input, options());
        QVERIFY(validation.isValid());
        QVERIFY(validation.hasWarnings());
        QVERIFY(validation.errors().isEmpty());
        QCOMPARE(validation.warnings().size(), 3);
        QCOMPARE(validation.warnings(), validation.issues);
        QCOMPARE(validation.record.vin, QStringLiteral("WBA3A5C50CF256986"));
        QCOMPARE(validation.record.cost, QStringLiteral("20000.00"));
        QCOMPARE(validation.record.listedOn, QDate(2025, 7, 1));

        input.make.clear();
        const CarValidation invalid = CarValidator::validate(input, options());
        QVERIFY(!invalid.isValid());
        QVERIFY(invalid.hasWarnings());
        QCOMPARE(invalid.errors().size(), 1);
        QCOMPARE(invalid.errors().first().field, CarField::Make);
    }

    void costAbovePriceWarning()
    {
        CarInput input = validInput();
        input.listPrice = QStringLiteral("9.999,99");
        input.cost = QStringLiteral("10.000");
        const CarValidation validation = CarValidator::validate(input, options());
        const QString message = onlyIssue(validation, CarField::Cost, CarIssue::Severity::Warning);
        QVERIFY2(message.contains(QLatin1String("\"10.000\"")), qPrintable(describe(validation)));
        QVERIFY(message.contains(QLatin1String("9.999,99")));
        QVERIFY(validation.isValid());

        // Compared as amounts, not as text: "9000" sorts after "10000" as text.
        input.listPrice = QStringLiteral("10000");
        input.cost = QStringLiteral("9000");
        QVERIFY(CarValidator::validate(input, options()).issues.isEmpty());
    }

    void issuesAreInFieldOrder()
    {
        CarInput input = validInput();
        input.notes = QStringLiteral("fine");
        input.soldOn = QStringLiteral("2024-01-16");   // SoldOn: the status is available
        input.cost = QStringLiteral("-1");             // Cost
        input.seats = QStringLiteral("100");           // Seats
        input.stockNumber = QStringLiteral("#1");      // StockNumber
        input.modelYear = QStringLiteral("1800");      // ModelYear
        input.listedOn = QStringLiteral("2024-01-10"); // before acquired: ListedOn
        const CarValidation validation = CarValidator::validate(input, options());
        QList<CarField> fields;
        for (const CarIssue &issue : validation.issues)
            fields << issue.field;
        const QList<CarField> expected = {CarField::StockNumber, CarField::ModelYear, CarField::Seats,
                                          CarField::Cost,        CarField::ListedOn,  CarField::SoldOn};
        QCOMPARE(fields, expected);

        QCOMPARE(validation.issuesFor(CarField::Seats).size(), 1);
        QCOMPARE(validation.issuesFor(CarField::Seats).first().severity, CarIssue::Severity::Error);
        QVERIFY(validation.issuesFor(CarField::Seats).first().message.contains(QLatin1String("\"100\"")));
        QVERIFY(validation.issuesFor(CarField::Make).isEmpty());
        QVERIFY(validation.issuesFor(CarField::Notes).isEmpty());
        QCOMPARE(validation.errors().size(), validation.issues.size());
        QVERIFY(validation.warnings().isEmpty());
        QCOMPARE(validation.issuesFor(CarField::SoldOn).size(), 1);

        // Sold before listed is a second error on the sold date.

        input.listedOn = QStringLiteral("2024-01-20");
        QCOMPARE(CarValidator::validate(input, options()).issuesFor(CarField::SoldOn).size(), 2);
    }

    void rentalFleet_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected"); // 1 yes, 0 no, -1 refused
        for (const char *yes : {"yes", "YES", " true ", "1", "y", "Ja", "x"})
            QTest::newRow(yes) << QString::fromLatin1(yes) << 1;
        for (const char *no : {"no", "False", "0", "n", "nein", "", "  "})
            QTest::newRow(qPrintable(QStringLiteral("no: '%1'").arg(QLatin1String(no))))
                << QString::fromLatin1(no) << 0;
        for (const char *bad : {"maybe", "2", "yes please", "-1", "t rue", "=1+1"})
            QTest::newRow(qPrintable(QStringLiteral("bad: %1").arg(QLatin1String(bad))))
                << QString::fromLatin1(bad) << -1;
    }
    void rentalFleet()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        const CarValidation validation = validateWith(CarField::ForRent, text);
        if (expected < 0) {
            QVERIFY(!validation.isValid());
            const QString message = onlyIssue(validation, CarField::ForRent, CarIssue::Severity::Error);
            QVERIFY2(message.contains(QStringLiteral("In the rental fleet")) && message.contains(QStringLiteral("yes")),
                     qPrintable(message));
            QVERIFY(!CarValidator::parseYesNo(text));
        } else {
            QVERIFY(validation.isValid());
            QVERIFY(validation.issuesFor(CarField::ForRent).isEmpty());
            QCOMPARE(validation.record.forRent, expected == 1);
            QCOMPARE(CarValidator::parseYesNo(text), std::optional<bool>(expected == 1));
        }
    }

    void rentalClass_data()
    {
        QTest::addColumn<bool>("known"); // the options list the classes
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // the code; "(not given)"; "(refused)"
        for (const bool known : {true, false}) {
            const auto row = [&](const char *name, const char *text, const char *expected) {
                QTest::newRow(qPrintable(QStringLiteral("%1, %2").arg(
                    known ? QStringLiteral("known") : QStringLiteral("any"), QString::fromLatin1(name))))
                    << known << QString::fromUtf8(text) << QString::fromUtf8(expected);
            };
            row("empty", "  ", "(not given)");
            row("code", "COMP", "COMP");
            row("code, lower case", " comp ", "COMP");
            row("none", "None", "");
            row("not stated", "n/a", "");
            row("unknown code", "LUX", known ? "(refused)" : "LUX");
            row("not a code", "Luxury car", "(refused)");
        }
        QTest::newRow("known, name") << true << QStringLiteral("economy") << QStringLiteral("ECON");
        QTest::newRow("known, name with space") << true << QStringLiteral("Big van") << QStringLiteral("VAN");
    }
    void rentalClass()
    {
        QFETCH(bool, known);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        CarValidationOptions with = options();
        if (known)
            with.vehicleClasses = {{QStringLiteral("ECON"), QStringLiteral("Economy")},
                                   {QStringLiteral("COMP"), QStringLiteral("Compact")},
                                   {QStringLiteral("VAN"), QStringLiteral("Big van")}};
        const CarValidation validation = validateWith(CarField::VehicleClass, text, with);
        if (expected == QLatin1String("(refused)")) {
            const QString message = onlyIssue(validation, CarField::VehicleClass, CarIssue::Severity::Error);
            QVERIFY2(message.contains(QStringLiteral("Rental class")) && message.contains(text), qPrintable(message));
            if (known) // the known classes are named
                QVERIFY2(message.contains(QStringLiteral("ECON (Economy)")) &&
                             message.contains(QStringLiteral("VAN (Big van)")),
                         qPrintable(message));
            return;
        }
        QVERIFY2(validation.isValid(), qPrintable(describe(validation)));
        if (expected == QLatin1String("(not given)"))
            QVERIFY(!validation.record.vehicleClass);
        else
            QCOMPARE(validation.record.vehicleClass, std::optional<QString>(expected));
    }

    void features()
    {
        CarInput input = validInput();
        input.features = QStringLiteral(" Navi ;Heated seats| NAVI \r\nPDC\n;;|  |\u2028Sunroof;heated SEATS");
        const CarValidation validation = CarValidator::validate(input, options());
        const QStringList expected = {QStringLiteral("Navi"), QStringLiteral("Heated seats"), QStringLiteral("PDC"),
                                      QStringLiteral("Sunroof")};
        QCOMPARE(validation.record.features, expected);
    }

    void valuesWithPlaceholdersStayLiteral()
    {
        CarInput input = validInput();
        input.make = QStringLiteral("%1 %2");
        input.fuelType = QStringLiteral("%2%1%3");
        const CarValidation validation = CarValidator::validate(input, options());
        QCOMPARE(validation.record.make, QStringLiteral("%1 %2"));
        const QString message = onlyIssue(validation, CarField::FuelType, CarIssue::Severity::Error);
        QVERIFY2(message.startsWith(QLatin1String("Fuel type \"%2%1%3\" is not known.")), qPrintable(message));
    }

    void survivesAnyInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("amount");
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("huge") << QString(1'000'000, u'9') << true;
        QTest::newRow("huge mixed") << QString(300'000, u'-') + QString(300'000, QChar(u'\u00e4')) +
                                           QStringLiteral("1.2,3 ")
                                    << false;
        QTest::newRow("non-Latin") << QStringLiteral("\u0417\u0438\u043c\u0430 \u65e5\u672c \u0627\u0644\u0639")
                                   << false;
        QTest::newRow("emoji") << QStringLiteral("\U0001F697\U0001F697\U0001F697") << false;
        QTest::newRow("lone surrogate") << QString(QChar(u'\xd800')) << false;
        QTest::newRow("control characters") << QStringLiteral("\x01\x02\t\r\n\x7f") << false;
        QTest::newRow("NUL") << QString(3, QChar(u'\0')) << false;
        QTest::newRow("placeholders") << QStringLiteral("%1%2%n%L1") << false;
        QTest::newRow("separators") << QStringLiteral(".,;|/-'") << false;
    }
    void survivesAnyInput()
    {
        QFETCH(QString, text);
        QFETCH(bool, amount);
        CarInput input;
        for (const CarField field : CarValidator::fields())
            input.setValue(field, text);
        const CarValidation validation = CarValidator::validate(input, options());
        QVERIFY(!validation.isValid());
        for (const CarIssue &issue : validation.issues) {
            QVERIFY(!issue.message.isEmpty());
            QVERIFY2(issue.message.size() < 600, qPrintable(issue.message.left(600)));
        }
        QCOMPARE(CarValidator::parseMoney(text).has_value(), amount);
        QVERIFY(!CarValidator::parseDate(text).isValid());
    }
};

QTEST_GUILESS_MAIN(TestCarValidator)
#include "tst_carvalidator.moc"

#pragma once

#include "CarVocabulary.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

// The fields of a car as the editor and the import know them, in the editor's order.
enum class CarField {
    StockNumber,
    Vin,
    Make,
    Model,
    Trim,
    ModelYear,
    BodyType,
    FuelType,
    Transmission,
    Drive,
    Colour,
    Seats,
    Doors,
    PowerKw,
    MileageKm,
    Condition,
    Status,
    Location,
    ListPrice,
    Cost,
    AcquiredOn,
    ListedOn,
    SoldOn,
    Features,
    Notes,
    ForRent,      // in the rental fleet (else stock for sale); last, so the columns before it keep their places
    VehicleClass, // the rental class its rate card prices (after ForRent for the same reason)
};

// A car as typed into the editor or read from one CSV row: raw text, nothing checked yet.
struct CarInput
{
    QString stockNumber;
    QString vin;
    QString make;
    QString model;
    QString trim;
    QString modelYear;
    QString bodyType;
    QString fuelType;
    QString transmission;
    QString drive;
    QString colour;
    QString seats;
    QString doors;
    QString powerKw;
    QString mileageKm;
    QString condition;
    QString status;
    QString location; // branch code
    QString listPrice;
    QString cost;
    QString acquiredOn;
    QString listedOn;
    QString soldOn;
    QString features; // separated by ';', '|' or line breaks
    QString notes;
    QString forRent;      // yes/no, true/false, 1/0 (and ja/nein); empty: no
    QString vehicleClass; // a class's code or name, any letter case; "none": no class; empty: not given

    // Field access by name, for column mappings.
    QString value(CarField field) const;
    void setValue(CarField field, const QString &value);
};

// A car after validation: normalised, typed values ready for the database. Meaningful only when the
// validation has no errors (a field with an error keeps its default here).
struct CarRecord
{
    QString stockNumber; // upper case; empty: the database numbers the car
    QString vin;         // normalised (Vin::normalise)
    QString make;        // trimmed, inner white space collapsed; letter case as typed
    QString model;
    QString trim;
    int modelYear = 0;
    QString bodyType; // CarVocabulary keys, exactly as the database stores them; empty: not stated (NULL)
    QString fuelType;
    QString transmission;
    QString drive;
    QString colour;
    std::optional<int> seats;
    std::optional<int> doors;
    std::optional<int> powerKw;
    qint64 mileageKm = 0;
    QString condition;
    QString status;
    QString location;  // branch code, upper case; empty: no branch
    QString listPrice; // decimal with two places and '.' ("18900.50"), for a numeric(12, 2) parameter
    QString cost;      // the same; empty: not given (NULL)
    QDate acquiredOn;  // null: not given
    QDate listedOn;
    QDate soldOn;
    QStringList features; // trimmed, without empty entries and without repeats (letter case ignored)
    QString notes;        // as written, without white space at the end
    bool forRent = false; // in the rental fleet; otherwise stock for sale
    // The rental class's code ("COMP"); "" for none; nothing when not given: a new car gets the class of its body
    // and list price (vehicle_class_for() in SQL, FleetService::vehicleClassSql), a car in the fleet keeps its own.
    std::optional<QString> vehicleClass;

    bool operator==(const CarRecord &other) const = default;
};

// One finding of the validation, a sentence for the clerk that names the field and the value.
struct CarIssue
{
    enum class Severity {
        Error,   // the car cannot be saved
        Warning, // the car can be saved, but the value looks wrong
    };

    CarField field = CarField::StockNumber;
    Severity severity = Severity::Error;
    QString message;

    bool operator==(const CarIssue &other) const = default;
};

struct CarValidation
{
    CarRecord record;
    QList<CarIssue> issues; // in the order of the fields

    // True when there is no error (warnings allowed): the record may be saved.
    bool isValid() const;
    bool hasWarnings() const;
    QList<CarIssue> errors() const;
    QList<CarIssue> warnings() const;
    QList<CarIssue> issuesFor(CarField field) const;
};

struct CarValidationOptions
{
    // The date "today" for the model-year limit and the future-date warnings; null: the current date.
    QDate today;
    // The ISO 4217 code of the database's currency ("EUR"). An amount written with another currency
    // ("$ 18,900" in a EUR database) is refused. Empty: any currency sign or code is accepted and dropped.
    QString currency;
    // The import's: a make or model year left empty is taken from a valid VIN by the offline decoder
    // (VinDecoder: the maker of the WMI, the model year of character 10), with a warning that says so.
    bool fillFromVin = false;
    // The rental classes (code, name), in their order: a class is written as either, in any letter case. Empty:
    // any code of 2 to 8 letters or digits is taken (the database refuses one it does not know).
    QList<std::pair<QString, QString>> vehicleClasses;
};

// The one set of rules for a car, shared by the car editor and the CSV import. Pure: no database, no
// widgets, safe on any thread; never throws on bad input.
//
// - VIN: Vin::check; its errors are errors, its warnings warnings; the normalised VIN is kept.
// - Make, model and model year are required; the year is a whole number from 1900 to next year. With
//   CarValidationOptions::fillFromVin a missing make or year comes from the VIN where it can.
// - Stock number: optional (the database numbers the car); trimmed, upper case, then
//   ^[A-Z0-9][A-Z0-9-]{0,19}$.
// - Body type, fuel type, transmission, drive and condition are from CarVocabulary, or not stated (empty,
//   or CarVocabulary::meansNotStated: "-", "n/a", "unknown"); an unknown word is an error. Status defaults
//   to available.
// - Seats 1-60, doors 0-9, power 0-2000 kW ("150 kW" accepted; PS or hp are refused with the value in
//   kW as a hint), all optional. Mileage a whole number of km, 0 when empty ("12 345", "12,345",
//   "12.345 km"); over 1,000,000 km is a warning; a new car with more than 1,000 km is a warning.
// - Location: a branch code, 2 to 8 letters or digits (upper-cased); whether the branch exists is
//   checked by the service.
// - List price required, cost optional, both at least 0 and below 10,000,000,000 (numeric(12, 2));
//   see parseMoney() for the accepted spellings. A cost above the list price is a warning.
// - In the rental fleet: parseYesNo(); empty is no (stock for sale).
// - Rental class: a code or name of CarValidationOptions::vehicleClasses; "none" (or not stated: "-", "n/a")
//   for no class; empty: not given.
// - Dates: see parseDate(). Before 1900 is an error, after today a warning. Listed before acquired,
//   sold before listed (or before acquired), and a sold date while the status is neither sold nor
//   retired are errors (the database allows a sold date on a retired car too).
class CarValidator
{
    Q_DECLARE_TR_FUNCTIONS(CarValidator)

public:
    static CarValidation validate(const CarInput &input, const CarValidationOptions &options = {});

    // Every field, in the editor's order.
    static QList<CarField> fields();
    // The database column / CSV header of a field: "model_year", "list_price", "location".
    static QString fieldKey(CarField field);
    // The field's translated name for labels and column headers: "Model year".
    static QString fieldLabel(CarField field);
    // The closed list a field's values come from (body type, fuel type, transmission, drive, condition,
    // status), or nothing.
    static std::optional<CarVocabulary::Kind> vocabularyOf(CarField field);
    // True for the fields that hold numbers: model year, seats, doors, power, mileage, list price and cost.
    static bool isNumeric(CarField field);

    // An amount as a two-place decimal with '.', or nothing when `text` is not an amount (or negative).
    // Accepts "18900", "18900.5", "18,900.50", "18.900,50", "18 900", "18'900", "€ 18 900", "18900 EUR",
    // "18.900,-". The decimal separator is the last ',' or '.' when exactly one or two digits follow it;
    // every other ',', '.', space or apostrophe separates thousands and must be followed by groups of
    // exactly three digits ("18,90,0" and "18900.505" are refused).
    static std::optional<QString> parseMoney(const QString &text);

    // Yes or no from "yes"/"no", "true"/"false", "1"/"0", "y"/"n", "ja"/"nein", "x" for yes (letter case and
    // white space ignored); empty is no. Nothing for any other text.
    static std::optional<bool> parseYesNo(const QString &text);

    // A date from "yyyy-MM-dd", "dd.MM.yyyy" or "dd/MM/yyyy" (day first; one-digit day and month
    // accepted), or a null QDate.
    static QDate parseDate(const QString &text);
};

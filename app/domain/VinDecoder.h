#pragma once

#include <QChar>
#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <optional>

// What the offline decoder reads from a VIN (VinDecoder::decode). Fields it cannot read stay empty:
// null strings and QChars, no model year.
struct VinDecoding
{
    QString input;      // as given
    QString vin;        // normalised (Vin::normalise)
    bool valid = false; // no errors (Vin::check); warnings never make a VIN invalid
    QStringList errors;
    QStringList warnings;

    // Decoded only from 17 valid characters, even when the check digit is wrong.
    QString wmi; // positions 1-3, or 1-3 + 12-14 for a small maker (position 3 is '9')
    QString manufacturer;
    QString country;
    QString region;
    // Follows 49 CFR 565 (a North American WMI, or a valid check digit where none is required):
    // position 7 then tells the model-year cycle.
    bool northAmerican = false;
    std::optional<int> modelYear;
    QVarLengthArray<int, 3> modelYearCandidates; // oldest first
    QChar expectedCheckDigit;
    QChar actualCheckDigit;
    bool checkDigitValid = false;
    bool checkDigitRequired = false; // North American and Chinese WMIs
    QChar plantCode;                 // position 11
    QString serial;                  // positions 12-17

    // The JSON form `forecourt vin decode --json` prints: vin, valid, errors, warnings, wmi,
    // manufacturer, country, region, model_year, model_year_candidates, check_digit, plant_code, serial.
    QJsonObject toJson() const;
    // The reverse of toJson(): missing members, nulls and wrong types read as empty; never throws.
    static VinDecoding fromJson(const QJsonObject &object);
};

// The offline part of a VIN report: WMI to manufacturer, country and region from the embedded table
// (resources/vin/wmi.csv, ISO 3780 ranges for unknown WMIs), model year, plant, serial and check digit.
// The table is read once; decode() is thread-safe. Its sentences are translated once per thread, and
// again after Translations::noteChange().
class VinDecoder
{
    Q_DECLARE_TR_FUNCTIONS(VinDecoder)

public:
    struct Origin
    {
        QString manufacturer; // empty for an ISO 3780 range
        QString country;      // empty where ISO 3780 assigns no country
        QString region;
    };

    // `today` decides which model years lie in the future.
    static VinDecoding decode(const QString &input, QDate today = QDate::currentDate());

    // The table's entry for a WMI of 3 or 6 characters, or nullptr.
    static const Origin *lookup(QStringView wmi);
    // Country and region of a WMI's first two characters by the ISO 3780 ranges.
    static Origin isoOrigin(QStringView wmi);
    // How many WMIs the table holds.
    static qsizetype tableSize();
};

#pragma once

#include "Error.h"

#include <QChar>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

// A vehicle identification number (ISO 3779, 49 CFR 565): 17 characters, letters and digits without
// I, O and Q. Positions 1-3 are the world manufacturer identifier (WMI), 4-8 describe the vehicle,
// 9 is the check digit, 10 the model year, 11 the plant and 12-17 the serial number.
//
// A Vin object always holds a VIN that passed check() without errors, in normalised form.
class Vin
{
    Q_DECLARE_TR_FUNCTIONS(Vin)

public:
    static constexpr int Length = 17;
    static constexpr int CheckDigitPosition = 9; // 1-based, as printed in the standards

    // What check() found. `valid` is true when there are no errors; warnings never make a VIN invalid.
    struct Check
    {
        QString normalised;
        bool valid = false;
        QStringList errors;
        QStringList warnings;
        // What checkDigitFor() gives; null unless the VIN has 17 valid characters.
        QChar expectedCheckDigit;
    };

    // Trimmed, upper case, without spaces and dashes: " wvw-zzz 1kz..." -> "WVWZZZ1KZ...".
    static QString normalise(const QString &input);

    // The 49 CFR 565 check digit ('0'-'9' or 'X') for a normalised VIN of 17 valid characters (the
    // character at position 9 itself is ignored). A null QChar when the VIN is not 17 valid characters.
    static QChar checkDigitFor(const QString &normalisedVin);

    // True for the characters a VIN may contain: 0-9 and A-Z except I, O and Q (upper case only).
    static bool isValidCharacter(QChar character);

    // The position-10 code for a model year (30-year cycle: 1980 and 2010 are 'A', 2001 and 2031 are
    // '1'); a null QChar outside 1980-2039.
    static QChar modelYearCodeFor(int modelYear);

    // The model year a position-10 code stands for in the 30-year cycle that starts in `cycleStart`
    // (1980, 2010, 2040, ...): 'A' is cycleStart, '9' cycleStart + 29. 0 for a code that stands for no
    // year (0, U, Z, or anything else outside the cycle).
    static int modelYearFor(QChar code, int cycleStart);

    // True when the WMI (the first characters of `vin`) was assigned to the United States, Canada or
    // Mexico: ISO 3780 gives them 1-5, and 7F-70 since the United States ran short of codes.
    static bool hasNorthAmericanWmi(QStringView vin);

    // True when the check digit is mandatory: North American (49 CFR 565) and Chinese (GB 16735) WMIs.
    static bool requiresCheckDigit(QStringView vin);

    // Everything wrong with `input`, as sentences a clerk can act on. A wrong check digit is an error
    // where it is required (requiresCheckDigit), elsewhere only a warning. The sentences are translated
    // once per thread, and again after Translations::noteChange().
    static Check check(const QString &input);

    // A Vin, or Error::Code::InvalidInput with the first error as the message (all of them in the detail).
    static Result<Vin> parse(const QString &input);

    QString toString() const { return m_value; }
    // World manufacturer identifier: positions 1-3.
    QString wmi() const { return m_value.left(3); }
    // The character at position 10, which encodes the model year.
    QChar modelYearCode() const { return m_value.at(9); }

    bool operator==(const Vin &other) const = default;

private:
    explicit Vin(QString normalised)
        : m_value(std::move(normalised))
    {}

    QString m_value;
};

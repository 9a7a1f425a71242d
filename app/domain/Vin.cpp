#include "Vin.h"

#include <array>

namespace {

// 49 CFR 565.15: the value of each character, and the weight of each position.
int transliterate(QChar character)
{
    const char16_t c = character.unicode();
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    switch (c) {
    case u'A':
    case u'J':
        return 1;
    case u'B':
    case u'K':
    case u'S':
        return 2;
    case u'C':
    case u'L':
    case u'T':
        return 3;
    case u'D':
    case u'M':
    case u'U':
        return 4;
    case u'E':
    case u'N':
    case u'V':
        return 5;
    case u'F':
    case u'W':
        return 6;
    case u'G':
    case u'P':
    case u'X':
        return 7;
    case u'H':
    case u'Y':
        return 8;
    case u'R':
    case u'Z':
        return 9;
    default:
        return -1;
    }
}

constexpr std::array<int, Vin::Length> kWeights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

// Model-year codes repeat every 30 years; I, O, Q, U, Z and 0 are never used.
constexpr char16_t kModelYearCodes[] = u"ABCDEFGHJKLMNPRSTVWXY123456789";

bool isDash(QChar character)
{
    const char16_t c = character.unicode();
    // Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign.
    return c == u'-' || c == u'\u2010' || c == u'\u2011' || c == u'\u2012' || c == u'\u2013' || c == u'\u2014' ||
           c == u'\u2212';
}

// WMIs starting with 1-5 (North America) or L (China): the check digit is mandatory there.
bool requiresCheckDigit(const QString &normalisedVin)
{
    const QChar first = normalisedVin.at(0);
    return (first >= QLatin1Char('1') && first <= QLatin1Char('5')) || first == QLatin1Char('L');
}

} // namespace

QString Vin::normalise(const QString &input)
{
    const QString upper = input.trimmed().toUpper();
    QString result;
    result.reserve(upper.size());
    for (const QChar character : upper) {
        if (!character.isSpace() && !isDash(character))
            result.append(character);
    }
    return result;
}

bool Vin::isValidCharacter(QChar character)
{
    const char16_t c = character.unicode();
    return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z' && c != u'I' && c != u'O' && c != u'Q');
}

QChar Vin::checkDigitFor(const QString &normalisedVin)
{
    if (normalisedVin.size() != Length)
        return {};
    int sum = 0;
    for (int i = 0; i < Length; ++i) {
        const QChar character = normalisedVin.at(i);
        if (!isValidCharacter(character))
            return {};
        sum += transliterate(character) * kWeights[static_cast<size_t>(i)];
    }
    const int remainder = sum % 11;
    return remainder == 10 ? QLatin1Char('X') : QChar(static_cast<char16_t>(u'0' + remainder));
}

QChar Vin::modelYearCodeFor(int modelYear)
{
    if (modelYear < 1980 || modelYear > 2039)
        return {};
    return QChar(kModelYearCodes[(modelYear - 1980) % 30]);
}

Vin::Check Vin::check(const QString &input)
{
    Check result;
    result.normalised = normalise(input);
    const QString &vin = result.normalised;

    if (vin.isEmpty()) {
        result.errors << tr("The VIN is empty. Enter all 17 characters, as printed on the registration document "
                            "or at the bottom of the windscreen.");
        return result;
    }

    const int length = static_cast<int>(vin.size());
    if (length < Length)
        result.errors << tr("The VIN has only %n character(s), but a VIN always has 17. A character is probably "
                            "missing; compare it with the vehicle documents.",
                            nullptr, length);
    else if (length > Length)
        result.errors << tr("The VIN has %n character(s), but a VIN always has 17. There is probably an extra "
                            "character; compare it with the vehicle documents.",
                            nullptr, length);

    for (int i = 0; i < length; ++i) {
        const QChar character = vin.at(i);
        if (isValidCharacter(character))
            continue;
        const int position = i + 1;
        if (character == QLatin1Char('I'))
            result.errors << tr("Character %1 is the letter I, which never appears in a VIN. It is probably the "
                                "digit 1 (one).")
                                 .arg(position);
        else if (character == QLatin1Char('O') || character == QLatin1Char('Q'))
            result.errors << tr("Character %1 is the letter %2, which never appears in a VIN. It is probably the "
                                "digit 0 (zero).")
                                 .arg(position)
                                 .arg(character);
        else
            result.errors << tr("Character %1 is \"%2\", which cannot appear in a VIN. A VIN has only the letters A "
                                "to Z (except I, O and Q) and the digits 0 to 9.")
                                 .arg(position)
                                 .arg(character);
    }

    if (result.errors.isEmpty()) {
        const QChar expected = checkDigitFor(vin);
        const QChar actual = vin.at(CheckDigitPosition - 1);
        if (actual != expected) {
            if (requiresCheckDigit(vin))
                result.errors << tr("The check digit (character 9) is %1, but the other characters give %2, so one "
                                    "of them is probably mistyped. Compare the VIN with the vehicle documents.")
                                     .arg(actual)
                                     .arg(expected);
            else
                result.warnings << tr("The check digit (character 9) is %1, where %2 would be expected. Many "
                                      "manufacturers outside North America and China do not use a check digit, so "
                                      "this is only a warning: the VIN may well be right, but compare it with the "
                                      "vehicle documents.")
                                       .arg(actual)
                                       .arg(expected);
        }
    }

    result.valid = result.errors.isEmpty();
    return result;
}

Result<Vin> Vin::parse(const QString &input)
{
    Check result = check(input);
    if (!result.valid)
        return std::unexpected(
            Error{Error::Code::InvalidInput, result.errors.constFirst(), result.errors.mid(1).join(QLatin1Char(' '))});
    return Vin(std::move(result.normalised));
}

#include "Vin.h"

#include "Translations.h"

#include <algorithm>
#include <array>
#include <memory>

namespace {

// 49 CFR 565.15: the value of each character a VIN may contain, by ASCII code; -1 for the others.
constexpr std::array<signed char, 128> kValues = [] {
    std::array<signed char, 128> values{};
    values.fill(-1);
    for (int c = '0'; c <= '9'; ++c)
        values[size_t(c)] = static_cast<signed char>(c - '0');
    constexpr char letters[] = "ABCDEFGHJKLMNPRSTUVWXYZ";
    constexpr signed char letterValues[] = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9};
    for (size_t i = 0; i < sizeof(letterValues); ++i)
        values[size_t(letters[i])] = letterValues[i];
    return values;
}();

int transliterate(char16_t c)
{
    return c < kValues.size() ? kValues[c] : -1;
}

constexpr std::array<int, Vin::Length> kWeights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

// The check digit for the weighted sum of a VIN's values.
QChar checkDigitOf(int sum)
{
    const int remainder = sum % 11;
    return remainder == 10 ? QLatin1Char('X') : QChar(static_cast<char16_t>(u'0' + remainder));
}

// Model-year codes repeat every 30 years; I, O, Q, U, Z and 0 are never used.
constexpr char16_t kModelYearCodes[] = u"ABCDEFGHJKLMNPRSTVWXY123456789";

// The reverse: a code's place in the cycle by ASCII code, -1 for characters that are no code.
constexpr std::array<signed char, 128> kModelYearOffsets = [] {
    std::array<signed char, 128> offsets{};
    offsets.fill(-1);
    for (int i = 0; i < 30; ++i)
        offsets[kModelYearCodes[i]] = static_cast<signed char>(i);
    return offsets;
}();

bool isDash(QChar character)
{
    const char16_t c = character.unicode();
    // Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign.
    return c == u'-' || c == u'\u2010' || c == u'\u2011' || c == u'\u2012' || c == u'\u2013' || c == u'\u2014' ||
           c == u'\u2212';
}

// The wrong lengths whose sentences Messages keeps; longer input is translated each time.
constexpr int kKeptLengths = 41;

// The sentences check() writes, translated once per thread and again when the translations change
// (Translations::generation()): tr() converts the source text from UTF-8 each time.
struct Messages
{
    explicit Messages(int generation)
        : generation(generation)
    {}

    int generation;
    QString empty = Vin::tr("The VIN is empty. Enter all 17 characters, as printed on the registration document "
                            "or at the bottom of the windscreen.");
    Translations::Sentence letterI{Vin::tr("Character %1 is the letter I, which never appears in a VIN. It is "
                                           "probably the digit 1 (one)."),
                                   1};
    Translations::Sentence letterOQ{Vin::tr("Character %1 is the letter %2, which never appears in a VIN. It is "
                                            "probably the digit 0 (zero)."),
                                    2};
    Translations::Sentence otherCharacter{Vin::tr("Character %1 is \"%2\", which cannot appear in a VIN. A VIN has "
                                                  "only the letters A to Z (except I, O and Q) and the digits 0 to 9."),
                                          2};
    Translations::Sentence wrongCheckDigit{
        Vin::tr("The check digit (character 9) is %1, but the other characters give %2, so one of them is probably "
                "mistyped. Compare the VIN with the vehicle documents."),
        2};
    Translations::Sentence unusedCheckDigit{
        Vin::tr("The check digit (character 9) is %1, where %2 would be expected. Many manufacturers outside North "
                "America and China do not use a check digit, so this is only a warning: the VIN may well be right, "
                "but compare it with the vehicle documents."),
        2};
    // "The VIN has (only) %n character(s)" by length, translated when first needed (plural forms).
    std::array<QString, kKeptLengths> wrongLength;
    // The check-digit sentence as a list of one, by required or not, the character found (0-9, A-Z) and the
    // one expected (0-9, X); made when first needed. Most European VINs have one: sharing it saves filling
    // in the sentence and allocating the list.
    std::array<QStringList, 2 * 36 * 11> checkDigitSentences;

    const QStringList &checkDigitSentence(bool required, QChar actual, QChar expected)
    {
        const char16_t found = actual.unicode();
        const char16_t wanted = expected.unicode();
        Q_ASSERT(Vin::isValidCharacter(actual) && (wanted == u'X' || (wanted >= u'0' && wanted <= u'9')));
        const size_t index = (size_t(required) * 36 + (found <= u'9' ? found - u'0' : found - u'A' + 10)) * 11 +
                             (wanted == u'X' ? 10 : wanted - u'0');
        QStringList &list = checkDigitSentences[index];
        if (list.isEmpty()) {
            const Translations::Sentence &sentence = required ? wrongCheckDigit : unusedCheckDigit;
            list << (sentence.isPlain() ? sentence.fill({QStringView(&actual, 1), QStringView(&expected, 1)})
                                        : sentence.text().arg(QString(actual), QString(expected)));
        }
        return list;
    }
};

Messages &messages()
{
    thread_local std::unique_ptr<Messages> kept;
    if (const int generation = Translations::generation(); !kept || kept->generation != generation)
        kept = std::make_unique<Messages>(generation);
    return *kept;
}

} // namespace

QString Vin::normalise(const QString &input)
{
    // Already normalised, the usual case: shared, not copied.
    if (std::all_of(input.begin(), input.end(), [](QChar character) {
            const char16_t c = character.unicode();
            return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z');
        }))
        return input;
    // ASCII, as typed: one pass and one allocation. Spaces at the ends go with those inside.
    if (std::all_of(input.begin(), input.end(), [](QChar character) { return character.unicode() < 0x80; })) {
        QString result(input.size(), Qt::Uninitialized);
        QChar *out = result.data();
        for (const QChar character : input) {
            const char16_t c = character.unicode();
            if (c == u'-' || character.isSpace())
                continue;
            *out++ = QChar(c >= u'a' && c <= u'z' ? char16_t(c - (u'a' - u'A')) : c);
        }
        result.truncate(out - result.constData());
        return result;
    }
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
    return transliterate(character.unicode()) >= 0;
}

QChar Vin::checkDigitFor(const QString &normalisedVin)
{
    if (normalisedVin.size() != Length)
        return {};
    const QChar *characters = normalisedVin.constData();
    int sum = 0;
    for (size_t i = 0; i < Length; ++i) {
        const int value = transliterate(characters[i].unicode());
        if (value < 0)
            return {};
        sum += value * kWeights[i];
    }
    return checkDigitOf(sum);
}

QChar Vin::modelYearCodeFor(int modelYear)
{
    if (modelYear < 1980 || modelYear > 2039)
        return {};
    return QChar(kModelYearCodes[(modelYear - 1980) % 30]);
}

int Vin::modelYearFor(QChar code, int cycleStart)
{
    const char16_t c = code.unicode();
    return c < kModelYearOffsets.size() && kModelYearOffsets[c] >= 0 ? cycleStart + kModelYearOffsets[c] : 0;
}

bool Vin::hasNorthAmericanWmi(QStringView vin)
{
    if (vin.isEmpty())
        return false;
    const char16_t first = vin.at(0).unicode();
    if (first >= u'1' && first <= u'5')
        return true;
    // 7A-7E is New Zealand's.
    return first == u'7' && vin.size() > 1 && !(vin.at(1).unicode() >= u'A' && vin.at(1).unicode() <= u'E');
}

bool Vin::requiresCheckDigit(QStringView vin)
{
    return hasNorthAmericanWmi(vin) || (!vin.isEmpty() && vin.at(0) == QLatin1Char('L'));
}

Vin::Check Vin::check(const QString &input)
{
    Check result;
    result.normalised = normalise(input);
    const QString &vin = result.normalised;
    Messages &sentences = messages();

    if (vin.isEmpty()) {
        result.errors << sentences.empty;
        return result;
    }

    const int length = static_cast<int>(vin.size());
    if (length != Length) {
        QString translated;
        QString &message = length < kKeptLengths ? sentences.wrongLength[size_t(length)] : translated;
        if (message.isNull()) {
            if (length < Length)
                message = tr("The VIN has only %n character(s), but a VIN always has 17. A character is probably "
                             "missing; compare it with the vehicle documents.",
                             nullptr, length);
            else
                message = tr("The VIN has %n character(s), but a VIN always has 17. There is probably an extra "
                             "character; compare it with the vehicle documents.",
                             nullptr, length);
        }
        result.errors << message;
    }

    // One pass finds the wrong characters and sums the values for the check digit (checkDigitFor).
    const QChar *characters = vin.constData();
    int sum = 0;
    for (int i = 0; i < length; ++i) {
        const QChar character = characters[i];
        if (const int value = transliterate(character.unicode()); value >= 0) {
            sum += i < Length ? value * kWeights[size_t(i)] : 0;
            continue;
        }
        const int position = i + 1;
        const Translations::Digits digits(position);
        const QStringView characterView(&character, 1);
        if (character == QLatin1Char('I')) {
            const Translations::Sentence &sentence = sentences.letterI;
            result.errors << (sentence.isPlain() ? sentence.fill({digits.view()}) : sentence.text().arg(position));
        } else if (character == QLatin1Char('O') || character == QLatin1Char('Q')) {
            const Translations::Sentence &sentence = sentences.letterOQ;
            result.errors << (sentence.isPlain() ? sentence.fill({digits.view(), characterView})
                                                 : sentence.text().arg(position).arg(character));
        } else {
            const Translations::Sentence &sentence = sentences.otherCharacter;
            result.errors << (sentence.isPlain() ? sentence.fill({digits.view(), characterView})
                                                 : sentence.text().arg(position).arg(character));
        }
    }

    if (result.errors.isEmpty()) {
        // 17 valid characters.
        const QChar expected = checkDigitOf(sum);
        result.expectedCheckDigit = expected;
        const QChar actual = vin.at(CheckDigitPosition - 1);
        if (actual != expected) {
            // An error where the check digit is required, elsewhere a warning; there is no other sentence yet.
            Q_ASSERT(result.warnings.isEmpty());
            const bool required = requiresCheckDigit(vin);
            (required ? result.errors : result.warnings) = sentences.checkDigitSentence(required, actual, expected);
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

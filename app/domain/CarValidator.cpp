#include "CarValidator.h"

#include "CarVocabulary.h"
#include "Vin.h"
#include "VinDecoder.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// Values quoted in messages are cut to this many characters: a message stays readable for any input.
constexpr qsizetype kShownLength = 40;
// A normalised VIN longer than this is plainly not a VIN; it gets one message instead of one per character.
constexpr qsizetype kLongestCheckedVin = 40;

constexpr int kFirstYear = 1900;
constexpr int kMostSeats = 60;
constexpr int kMostDoors = 9;
constexpr int kMostPowerKw = 2000;
constexpr qint64 kHighMileageKm = 1'000'000;
constexpr qint64 kNewCarMileageKm = 1'000;
// numeric(12, 2): at most ten digits before the decimal separator.
constexpr qsizetype kMostAmountDigits = 10;

// The value as the clerk typed it, on one line and cut to a readable length.
QString shown(const QString &text)
{
    QString result = text.simplified();
    if (result.size() > kShownLength) {
        qsizetype cut = kShownLength - 1;
        if (result.at(cut - 1).isHighSurrogate())
            --cut;
        result.truncate(cut);
        result.append(QChar(u'\u2026'));
    }
    return result;
}

bool isAsciiDigit(QChar character)
{
    return character >= QLatin1Char('0') && character <= QLatin1Char('9');
}

bool isMinus(QChar character)
{
    // Hyphen-minus, minus sign and en dash (which word processors put in for a minus).
    return character == QLatin1Char('-') || character == QChar(u'\u2212') || character == QChar(u'\u2013');
}

bool isGroupSeparator(QChar character)
{
    return character == QLatin1Char(',') || character == QLatin1Char('.') || character == QLatin1Char('\'') ||
           character == QChar(u'\u2019') || character.isSpace();
}

// Digits with an optional leading minus, nothing else; at most nine digits so that it fits an int.
std::optional<int> wholeNumber(const QString &text)
{
    QStringView digits = QStringView(text).trimmed();
    bool negative = false;
    if (!digits.isEmpty() && isMinus(digits.front())) {
        negative = true;
        digits = digits.mid(1);
    }
    if (digits.isEmpty() || digits.size() > 9)
        return std::nullopt;
    int value = 0;
    for (const QChar character : digits) {
        if (!isAsciiDigit(character))
            return std::nullopt;
        value = value * 10 + (character.unicode() - u'0');
    }
    return negative ? -value : value;
}

// Digits in groups of three: "12345", "12 345", "12,345", "12.345", "12'345". The digits without
// separators, or nothing ("12.5", "12345.678").
std::optional<QString> groupedDigits(QStringView text)
{
    QString digits;
    qsizetype i = 0;
    while (i < text.size() && isAsciiDigit(text.at(i)))
        digits.append(text.at(i++));
    if (digits.isEmpty() || (i < text.size() && digits.size() > 3))
        return std::nullopt;
    while (i < text.size()) {
        if (!isGroupSeparator(text.at(i)))
            return std::nullopt;
        ++i;
        for (int k = 0; k < 3; ++k, ++i) {
            if (i >= text.size() || !isAsciiDigit(text.at(i)))
                return std::nullopt;
            digits.append(text.at(i));
        }
    }
    return digits;
}

QString withoutLeadingZeros(const QString &digits)
{
    qsizetype first = 0;
    while (first < digits.size() - 1 && digits.at(first) == QLatin1Char('0'))
        ++first;
    return digits.mid(first);
}

// The ISO 4217 codes a currency sign or abbreviation may stand for; empty when it is not known.
QStringList currencyCodes(const QString &token)
{
    QString folded = token.toCaseFolded();
    if (folded.endsWith(QLatin1Char('.')))
        folded.chop(1);
    static const QRegularExpression isoCode(QRegularExpression::anchoredPattern(QStringLiteral("[a-z]{3}")));
    if (isoCode.match(folded).hasMatch())
        return {folded.toUpper()};
    static const QHash<QString, QStringList> table = {
        {QStringLiteral("\u20AC"), {QStringLiteral("EUR")}},
        {QStringLiteral("euro"), {QStringLiteral("EUR")}},
        {QStringLiteral("euros"), {QStringLiteral("EUR")}},
        {QStringLiteral("\u00A3"), {QStringLiteral("GBP")}},
        {QStringLiteral("$"),
         {QStringLiteral("USD"), QStringLiteral("CAD"), QStringLiteral("AUD"), QStringLiteral("NZD"),
          QStringLiteral("SGD"), QStringLiteral("HKD"), QStringLiteral("MXN")}},
        {QStringLiteral("us$"), {QStringLiteral("USD")}},
        {QStringLiteral("c$"), {QStringLiteral("CAD")}},
        {QStringLiteral("ca$"), {QStringLiteral("CAD")}},
        {QStringLiteral("a$"), {QStringLiteral("AUD")}},
        {QStringLiteral("au$"), {QStringLiteral("AUD")}},
        {QStringLiteral("nz$"), {QStringLiteral("NZD")}},
        {QStringLiteral("hk$"), {QStringLiteral("HKD")}},
        {QStringLiteral("s$"), {QStringLiteral("SGD")}},
        {QStringLiteral("r$"), {QStringLiteral("BRL")}},
        {QStringLiteral("\u00A5"), {QStringLiteral("JPY"), QStringLiteral("CNY")}},
        {QStringLiteral("\u20B9"), {QStringLiteral("INR")}},
        {QStringLiteral("\u20BA"), {QStringLiteral("TRY")}},
        {QStringLiteral("\u20A9"), {QStringLiteral("KRW")}},
        {QStringLiteral("fr"), {QStringLiteral("CHF")}},
        {QStringLiteral("sfr"), {QStringLiteral("CHF")}},
        {QStringLiteral("kr"), {QStringLiteral("SEK"), QStringLiteral("NOK"), QStringLiteral("DKK")}},
        {QStringLiteral("z\u0142"), {QStringLiteral("PLN")}},
        {QStringLiteral("k\u010D"), {QStringLiteral("CZK")}},
        {QStringLiteral("ft"), {QStringLiteral("HUF")}},
    };
    return table.value(folded);
}

// A currency sign may be any (possibly unknown) currency symbol; a word must be a code or a known
// abbreviation, so that "18900 km" is not an amount.
bool isCurrencyToken(const QString &token)
{
    static const QRegularExpression sign(QStringLiteral("\\p{Sc}"));
    return token.contains(sign) || !currencyCodes(token).isEmpty();
}

struct Amount
{
    QString value;    // "18900.50"
    QString currency; // the sign or code as written; empty when there was none
    bool negative = false;
    bool tooLarge = false; // ten digits or more before the decimal separator
};

// Digits with an optional '.' and one or two decimals ("14090", "14090.5", "14090.00"), as most files and
// exports write amounts: what the general rules below make of them, without their regular expressions.
std::optional<Amount> plainAmount(QStringView text)
{
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    const QStringView whole = dot >= 0 ? text.left(dot) : text;
    const QStringView decimals = dot >= 0 ? text.mid(dot + 1) : QStringView();
    const auto digitsOnly = [](QStringView part) { return std::all_of(part.begin(), part.end(), isAsciiDigit); };
    if (whole.isEmpty() || !digitsOnly(whole) ||
        (dot >= 0 && (decimals.isEmpty() || decimals.size() > 2 || !digitsOnly(decimals))))
        return std::nullopt;
    Amount amount;
    const QString units = withoutLeadingZeros(whole.toString());
    amount.value = units + QLatin1Char('.') + decimals.toString().leftJustified(2, QLatin1Char('0'));
    amount.tooLarge = units.size() > kMostAmountDigits;
    return amount;
}

std::optional<Amount> parseAmount(const QString &text)
{
    if (std::optional<Amount> plain = plainAmount(QStringView(text).trimmed()))
        return plain;

    static const QRegularExpression leadingCurrency(QStringLiteral("^(\\p{L}{0,3}\\p{Sc}|\\p{L}{1,5}\\.?)\\s*"),
                                                    QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression trailingCurrency(QStringLiteral("\\s*(\\p{L}{0,3}\\p{Sc}|\\p{L}{1,5}\\.?)$"),
                                                     QRegularExpression::UseUnicodePropertiesOption);
    // "18.900,-": no cents.
    static const QRegularExpression noCents(QStringLiteral("[.,][-\u2013\u2014]{1,2}$"));

    Amount amount;
    QString rest = text.trimmed();
    const auto takeMinus = [&] {
        if (!amount.negative && !rest.isEmpty() && isMinus(rest.front())) {
            amount.negative = true;
            rest = rest.mid(1).trimmed();
        }
    };

    takeMinus();
    if (const QRegularExpressionMatch match = leadingCurrency.match(rest); match.hasMatch()) {
        if (!isCurrencyToken(match.captured(1)))
            return std::nullopt;
        amount.currency = match.captured(1);
        rest = rest.mid(match.capturedLength());
        takeMinus();
    }
    if (const QRegularExpressionMatch match = trailingCurrency.match(rest); match.hasMatch()) {
        if (!amount.currency.isEmpty() || !isCurrencyToken(match.captured(1)))
            return std::nullopt;
        amount.currency = match.captured(1);
        rest.truncate(match.capturedStart());
    }
    rest.remove(noCents);

    if (rest.isEmpty() || !isAsciiDigit(rest.front()) || !isAsciiDigit(rest.back()))
        return std::nullopt;

    // The decimal separator is the last ',' or '.' when one or two digits follow it.
    qsizetype decimal = -1;
    const qsizetype last = std::max(rest.lastIndexOf(QLatin1Char(',')), rest.lastIndexOf(QLatin1Char('.')));
    if (last >= 0) {
        const QStringView after = QStringView(rest).mid(last + 1);
        if ((after.size() == 1 || after.size() == 2) && std::all_of(after.begin(), after.end(), isAsciiDigit))
            decimal = last;
    }
    const QStringView whole = decimal >= 0 ? QStringView(rest).left(decimal) : QStringView(rest);
    const std::optional<QString> digits = groupedDigits(whole);
    if (!digits)
        return std::nullopt;
    const QString units = withoutLeadingZeros(*digits);
    const QString cents =
        decimal >= 0 ? rest.mid(decimal + 1).leftJustified(2, QLatin1Char('0')) : QStringLiteral("00");
    amount.value = units + QLatin1Char('.') + cents;
    amount.tooLarge = units.size() > kMostAmountDigits;
    if (units == QLatin1String("0") && cents == QLatin1String("00"))
        amount.negative = false;
    return amount;
}

qint64 centsOf(const QString &amount)
{
    QString digits = amount;
    digits.remove(QLatin1Char('.'));
    return digits.toLongLong();
}

struct Mileage
{
    qint64 km = 0;
    bool negative = false;
    bool tooLarge = false;
};

std::optional<Mileage> parseMileage(const QString &text)
{
    Mileage mileage;
    QStringView rest = QStringView(text).trimmed();
    if (rest.endsWith(QLatin1String("km"), Qt::CaseInsensitive))
        rest = rest.chopped(2).trimmed();
    if (!rest.isEmpty() && isMinus(rest.front())) {
        mileage.negative = true;
        rest = rest.mid(1).trimmed();
    }
    const std::optional<QString> digits = groupedDigits(rest);
    if (!digits)
        return std::nullopt;
    const QString units = withoutLeadingZeros(*digits);
    if (units.size() > 10) {
        mileage.tooLarge = true;
        return mileage;
    }
    mileage.km = units.toLongLong();
    mileage.tooLarge = mileage.km > std::numeric_limits<int>::max(); // mileage_km is an integer column
    if (mileage.km == 0)
        mileage.negative = false;
    return mileage;
}

} // namespace

QString CarInput::value(CarField field) const
{
    switch (field) {
    case CarField::StockNumber:
        return stockNumber;
    case CarField::Vin:
        return vin;
    case CarField::Make:
        return make;
    case CarField::Model:
        return model;
    case CarField::Trim:
        return trim;
    case CarField::ModelYear:
        return modelYear;
    case CarField::BodyType:
        return bodyType;
    case CarField::FuelType:
        return fuelType;
    case CarField::Transmission:
        return transmission;
    case CarField::Drive:
        return drive;
    case CarField::Colour:
        return colour;
    case CarField::Seats:
        return seats;
    case CarField::Doors:
        return doors;
    case CarField::PowerKw:
        return powerKw;
    case CarField::MileageKm:
        return mileageKm;
    case CarField::Condition:
        return condition;
    case CarField::Status:
        return status;
    case CarField::Location:
        return location;
    case CarField::ListPrice:
        return listPrice;
    case CarField::Cost:
        return cost;
    case CarField::AcquiredOn:
        return acquiredOn;
    case CarField::ListedOn:
        return listedOn;
    case CarField::SoldOn:
        return soldOn;
    case CarField::Features:
        return features;
    case CarField::Notes:
        return notes;
    case CarField::ForRent:
        return forRent;
    case CarField::VehicleClass:
        return vehicleClass;
    }
    return {};
}

void CarInput::setValue(CarField field, const QString &value)
{
    switch (field) {
    case CarField::StockNumber:
        stockNumber = value;
        return;
    case CarField::Vin:
        vin = value;
        return;
    case CarField::Make:
        make = value;
        return;
    case CarField::Model:
        model = value;
        return;
    case CarField::Trim:
        trim = value;
        return;
    case CarField::ModelYear:
        modelYear = value;
        return;
    case CarField::BodyType:
        bodyType = value;
        return;
    case CarField::FuelType:
        fuelType = value;
        return;
    case CarField::Transmission:
        transmission = value;
        return;
    case CarField::Drive:
        drive = value;
        return;
    case CarField::Colour:
        colour = value;
        return;
    case CarField::Seats:
        seats = value;
        return;
    case CarField::Doors:
        doors = value;
        return;
    case CarField::PowerKw:
        powerKw = value;
        return;
    case CarField::MileageKm:
        mileageKm = value;
        return;
    case CarField::Condition:
        condition = value;
        return;
    case CarField::Status:
        status = value;
        return;
    case CarField::Location:
        location = value;
        return;
    case CarField::ListPrice:
        listPrice = value;
        return;
    case CarField::Cost:
        cost = value;
        return;
    case CarField::AcquiredOn:
        acquiredOn = value;
        return;
    case CarField::ListedOn:
        listedOn = value;
        return;
    case CarField::SoldOn:
        soldOn = value;
        return;
    case CarField::Features:
        features = value;
        return;
    case CarField::Notes:
        notes = value;
        return;
    case CarField::ForRent:
        forRent = value;
        return;
    case CarField::VehicleClass:
        vehicleClass = value;
        return;
    }
}

bool CarValidation::isValid() const
{
    return std::none_of(issues.begin(), issues.end(),
                        [](const CarIssue &issue) { return issue.severity == CarIssue::Severity::Error; });
}

bool CarValidation::hasWarnings() const
{
    return std::any_of(issues.begin(), issues.end(),
                       [](const CarIssue &issue) { return issue.severity == CarIssue::Severity::Warning; });
}

QList<CarIssue> CarValidation::errors() const
{
    QList<CarIssue> result;
    for (const CarIssue &issue : issues) {
        if (issue.severity == CarIssue::Severity::Error)
            result.append(issue);
    }
    return result;
}

QList<CarIssue> CarValidation::warnings() const
{
    QList<CarIssue> result;
    for (const CarIssue &issue : issues) {
        if (issue.severity == CarIssue::Severity::Warning)
            result.append(issue);
    }
    return result;
}

QList<CarIssue> CarValidation::issuesFor(CarField field) const
{
    QList<CarIssue> result;
    for (const CarIssue &issue : issues) {
        if (issue.field == field)
            result.append(issue);
    }
    return result;
}

QList<CarField> CarValidator::fields()
{
    return {CarField::StockNumber,  CarField::Vin,       CarField::Make,        CarField::Model,
            CarField::Trim,         CarField::ModelYear, CarField::BodyType,    CarField::FuelType,
            CarField::Transmission, CarField::Drive,     CarField::Colour,      CarField::Seats,
            CarField::Doors,        CarField::PowerKw,   CarField::MileageKm,   CarField::Condition,
            CarField::Status,       CarField::Location,  CarField::ListPrice,   CarField::Cost,
            CarField::AcquiredOn,   CarField::ListedOn,  CarField::SoldOn,      CarField::Features,
            CarField::Notes,        CarField::ForRent,   CarField::VehicleClass};
}

QString CarValidator::fieldKey(CarField field)
{
    switch (field) {
    case CarField::StockNumber:
        return QStringLiteral("stock_number");
    case CarField::Vin:
        return QStringLiteral("vin");
    case CarField::Make:
        return QStringLiteral("make");
    case CarField::Model:
        return QStringLiteral("model");
    case CarField::Trim:
        return QStringLiteral("trim_level");
    case CarField::ModelYear:
        return QStringLiteral("model_year");
    case CarField::BodyType:
        return QStringLiteral("body_type");
    case CarField::FuelType:
        return QStringLiteral("fuel_type");
    case CarField::Transmission:
        return QStringLiteral("transmission");
    case CarField::Drive:
        return QStringLiteral("drive");
    case CarField::Colour:
        return QStringLiteral("colour");
    case CarField::Seats:
        return QStringLiteral("seats");
    case CarField::Doors:
        return QStringLiteral("doors");
    case CarField::PowerKw:
        return QStringLiteral("power_kw");
    case CarField::MileageKm:
        return QStringLiteral("mileage_km");
    case CarField::Condition:
        return QStringLiteral("condition");
    case CarField::Status:
        return QStringLiteral("status");
    case CarField::Location:
        return QStringLiteral("location");
    case CarField::ListPrice:
        return QStringLiteral("list_price");
    case CarField::Cost:
        return QStringLiteral("cost");
    case CarField::AcquiredOn:
        return QStringLiteral("acquired_on");
    case CarField::ListedOn:
        return QStringLiteral("listed_on");
    case CarField::SoldOn:
        return QStringLiteral("sold_on");
    case CarField::Features:
        return QStringLiteral("features");
    case CarField::Notes:
        return QStringLiteral("notes");
    case CarField::ForRent:
        return QStringLiteral("for_rent");
    case CarField::VehicleClass:
        return QStringLiteral("vehicle_class");
    }
    return {};
}

std::optional<CarVocabulary::Kind> CarValidator::vocabularyOf(CarField field)
{
    switch (field) {
    case CarField::BodyType:
        return CarVocabulary::Kind::BodyType;
    case CarField::FuelType:
        return CarVocabulary::Kind::FuelType;
    case CarField::Transmission:
        return CarVocabulary::Kind::Transmission;
    case CarField::Drive:
        return CarVocabulary::Kind::Drive;
    case CarField::Condition:
        return CarVocabulary::Kind::Condition;
    case CarField::Status:
        return CarVocabulary::Kind::Status;
    default:
        return std::nullopt;
    }
}

bool CarValidator::isNumeric(CarField field)
{
    switch (field) {
    case CarField::ModelYear:
    case CarField::Seats:
    case CarField::Doors:
    case CarField::PowerKw:
    case CarField::MileageKm:
    case CarField::ListPrice:
    case CarField::Cost:
        return true;
    default:
        return false;
    }
}

QString CarValidator::fieldLabel(CarField field)
{
    switch (field) {
    case CarField::StockNumber:
        return tr("Stock number");
    case CarField::Vin:
        return tr("VIN");
    case CarField::Make:
        return tr("Make");
    case CarField::Model:
        return tr("Model");
    case CarField::Trim:
        return tr("Trim");
    case CarField::ModelYear:
        return tr("Model year");
    case CarField::BodyType:
        return tr("Body type");
    case CarField::FuelType:
        return tr("Fuel type");
    case CarField::Transmission:
        return tr("Transmission");
    case CarField::Drive:
        return tr("Drive");
    case CarField::Colour:
        return tr("Colour");
    case CarField::Seats:
        return tr("Seats");
    case CarField::Doors:
        return tr("Doors");
    case CarField::PowerKw:
        return tr("Power (kW)");
    case CarField::MileageKm:
        return tr("Mileage (km)");
    case CarField::Condition:
        return tr("Condition");
    case CarField::Status:
        return tr("Status");
    case CarField::Location:
        return tr("Location");
    case CarField::ListPrice:
        return tr("List price");
    case CarField::Cost:
        return tr("Cost");
    case CarField::AcquiredOn:
        return tr("Acquired on");
    case CarField::ListedOn:
        return tr("Listed on");
    case CarField::SoldOn:
        return tr("Sold on");
    case CarField::Features:
        return tr("Features");
    case CarField::Notes:
        return tr("Notes");
    case CarField::ForRent:
        return tr("In the rental fleet");
    case CarField::VehicleClass:
        return tr("Rental class");
    }
    return {};
}

std::optional<QString> CarValidator::parseMoney(const QString &text)
{
    const std::optional<Amount> amount = parseAmount(text);
    if (!amount || amount->negative)
        return std::nullopt;
    return amount->value;
}

std::optional<bool> CarValidator::parseYesNo(const QString &text)
{
    const QString word = text.trimmed().toCaseFolded();
    if (word.isEmpty())
        return false;
    for (const char *yes : {"yes", "true", "1", "y", "ja", "j", "x"}) {
        if (word == QLatin1String(yes))
            return true;
    }
    for (const char *no : {"no", "false", "0", "n", "nein"}) {
        if (word == QLatin1String(no))
            return false;
    }
    return std::nullopt;
}

QDate CarValidator::parseDate(const QString &text)
{
    // \d without the Unicode option: ASCII digits only.
    static const QRegularExpression iso(
        QRegularExpression::anchoredPattern(QStringLiteral("(\\d{4})-(\\d{1,2})-(\\d{1,2})")));
    static const QRegularExpression dayFirst(
        QRegularExpression::anchoredPattern(QStringLiteral("(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})")));

    // YYYY-MM-DD, the usual case, read directly.
    const QStringView view = QStringView(text).trimmed();
    if (view.size() == 10 && view.at(4) == QLatin1Char('-') && view.at(7) == QLatin1Char('-')) {
        const auto number = [&](qsizetype from, qsizetype length) {
            int value = 0;
            for (const QChar character : view.mid(from, length)) {
                if (!isAsciiDigit(character))
                    return -1;
                value = value * 10 + (character.unicode() - u'0');
            }
            return value;
        };
        const int year = number(0, 4);
        const int month = number(5, 2);
        const int day = number(8, 2);
        if (year >= 0 && month >= 0 && day >= 0)
            return QDate(year, month, day);
    }
    const QString trimmed = view.toString();
    if (const QRegularExpressionMatch match = iso.match(trimmed); match.hasMatch())
        return QDate(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    if (const QRegularExpressionMatch match = dayFirst.match(trimmed); match.hasMatch())
        return QDate(match.captured(4).toInt(), match.captured(3).toInt(), match.captured(1).toInt());
    return {};
}

CarValidation CarValidator::validate(const CarInput &input, const CarValidationOptions &options)
{
    CarValidation result;
    CarRecord &record = result.record;
    const QDate today = options.today.isValid() ? options.today : QDate::currentDate();

    const auto error = [&](CarField field, const QString &message) {
        result.issues.append(CarIssue{field, CarIssue::Severity::Error, message});
    };
    const auto warning = [&](CarField field, const QString &message) {
        result.issues.append(CarIssue{field, CarIssue::Severity::Warning, message});
    };

    // Stock number
    if (const QString stock = input.stockNumber.trimmed().toUpper(); !stock.isEmpty()) {
        // Up to 20 of A-Z, 0-9 and '-', not starting with '-'.
        const auto allowed = [](QChar character) {
            return isAsciiDigit(character) || (character >= QLatin1Char('A') && character <= QLatin1Char('Z')) ||
                   character == QLatin1Char('-');
        };
        if (stock.size() <= 20 && stock.front() != QLatin1Char('-') && std::all_of(stock.begin(), stock.end(), allowed))
            record.stockNumber = stock;
        else
            error(CarField::StockNumber,
                  tr("Stock number \"%1\" is not valid. Use up to 20 letters A-Z, digits and dashes, starting with "
                     "a letter or digit, or leave it empty to have the car numbered automatically.")
                      .arg(shown(input.stockNumber)));
    }

    // VIN
    if (const QString normalisedVin = Vin::normalise(input.vin); normalisedVin.size() > kLongestCheckedVin) {
        error(CarField::Vin,
              tr("VIN \"%1\" has %n character(s), but a VIN always has 17. Check that this field "
                 "holds the VIN and nothing else.",
                 nullptr, static_cast<int>(std::min<qsizetype>(normalisedVin.size(), std::numeric_limits<int>::max())))
                  .arg(shown(input.vin)));
    } else {
        const Vin::Check check = Vin::check(input.vin);
        const auto withValue = [&](const QString &message) {
            const QString vinShown = shown(input.vin);
            return vinShown.isEmpty() ? message : tr("VIN \"%1\": %2").arg(vinShown, message);
        };
        for (const QString &message : check.errors)
            error(CarField::Vin, withValue(message));
        for (const QString &message : check.warnings)
            warning(CarField::Vin, withValue(message));
        if (check.valid)
            record.vin = check.normalised;
    }
    // What the VIN says where the make or model year is not given (decoded only then: it costs).
    std::optional<VinDecoding> decoded;
    if (options.fillFromVin && !record.vin.isEmpty() &&
        (input.make.trimmed().isEmpty() || input.modelYear.trimmed().isEmpty()))
        decoded = VinDecoder::decode(record.vin, today);

    // Make, model, trim
    record.make = input.make.simplified();
    if (record.make.isEmpty() && decoded && !decoded->manufacturer.isEmpty()) {
        record.make = decoded->manufacturer;
        warning(CarField::Make, tr("No make was given: %1 was taken from the VIN (maker code %2). Check it.")
                                    .arg(record.make, decoded->wmi));
    }
    if (record.make.isEmpty())
        error(CarField::Make, decoded ? tr("The make is missing, and Forecourt does not know the maker code %1 of "
                                           "the VIN. Enter the manufacturer, for example Volkswagen.")
                                            .arg(decoded->wmi.isEmpty() ? record.vin.left(3) : decoded->wmi)
                                      : tr("The make is missing. Enter the manufacturer, for example Volkswagen."));
    record.model = input.model.simplified();
    if (record.model.isEmpty())
        error(CarField::Model, tr("The model is missing. Enter the model name, for example Golf."));
    record.trim = input.trim.simplified();

    // Model year
    const int lastModelYear = today.year() + 1;
    if (input.modelYear.trimmed().isEmpty() && decoded && decoded->modelYear) {
        record.modelYear = *decoded->modelYear;
        QStringList others;
        for (const int candidate : decoded->modelYearCandidates) {
            if (candidate != record.modelYear)
                others << QString::number(candidate);
        }
        warning(CarField::ModelYear,
                others.isEmpty()
                    ? tr("No model year was given: %1 was read from the VIN (character 10).").arg(record.modelYear)
                    : tr("No model year was given: %1 was read from the VIN (character 10), which could also mean "
                         "%2. Check it.")
                          .arg(QString::number(record.modelYear), others.join(QStringLiteral(", "))));
    } else if (input.modelYear.trimmed().isEmpty()) {
        error(CarField::ModelYear, tr("The model year is missing. Enter a year from %1 to %2.")
                                       .arg(QString::number(kFirstYear), QString::number(lastModelYear)));
    } else if (const std::optional<int> year = wholeNumber(input.modelYear);
               year && *year >= kFirstYear && *year <= lastModelYear) {
        record.modelYear = *year;
    } else {
        error(CarField::ModelYear,
              tr("Model year \"%1\" is not a year from %2 to %3. Enter the year as four digits, for example 2019.")
                  .arg(shown(input.modelYear), QString::number(kFirstYear), QString::number(lastModelYear)));
    }

    // The closed lists
    // An unknown body type, fuel type, transmission, drive or condition is "not stated": an empty key.
    const auto choose = [&](CarField field, CarVocabulary::Kind kind, const QString &text) -> QString {
        if (CarVocabulary::mayBeNotStated(kind) && CarVocabulary::meansNotStated(text))
            return {};
        if (const std::optional<QString> key = CarVocabulary::normalise(kind, text))
            return *key;
        error(field, tr("%1 \"%2\" is not known. Use one of: %3.")
                         .arg(fieldLabel(field), shown(text), CarVocabulary::acceptedValues(kind)));
        return {};
    };
    record.bodyType = choose(CarField::BodyType, CarVocabulary::Kind::BodyType, input.bodyType);
    record.fuelType = choose(CarField::FuelType, CarVocabulary::Kind::FuelType, input.fuelType);
    record.transmission = choose(CarField::Transmission, CarVocabulary::Kind::Transmission, input.transmission);
    record.drive = choose(CarField::Drive, CarVocabulary::Kind::Drive, input.drive);
    record.colour = input.colour.simplified();

    // Seats, doors
    const auto count = [&](CarField field, const QString &text, int lowest, int highest) -> std::optional<int> {
        if (text.trimmed().isEmpty())
            return std::nullopt;
        if (const std::optional<int> number = wholeNumber(text); number && *number >= lowest && *number <= highest)
            return number;
        error(field, tr("%1 \"%2\" is not a whole number from %3 to %4. Correct it or leave it empty.")
                         .arg(fieldLabel(field), shown(text), QString::number(lowest), QString::number(highest)));
        return std::nullopt;
    };
    record.seats = count(CarField::Seats, input.seats, 1, kMostSeats);
    record.doors = count(CarField::Doors, input.doors, 0, kMostDoors);

    // Power
    const std::optional<int> plainPower = wholeNumber(input.powerKw);
    const auto powerRange = [] {
        return tr("Enter a whole number of kW from 0 to %1, or leave it empty.").arg(kMostPowerKw);
    };
    if (plainPower && *plainPower >= 0 && *plainPower <= kMostPowerKw) { // the usual case, without the rules below
        record.powerKw = *plainPower;
    } else if (!input.powerKw.trimmed().isEmpty()) {
        static const QRegularExpression pattern(
            QRegularExpression::anchoredPattern(
                QStringLiteral("([-\u2212\u2013]?)\\s*(\\d{1,9})(?:[.,](\\d{1,9}))?\\s*(kw|ps|bhp|hp)?")),
            QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch match = pattern.match(input.powerKw.trimmed());
        const QString unit = match.captured(4).toLower();
        const double number =
            QString(match.captured(2) + QLatin1Char('.') + match.captured(3) + QLatin1Char('0')).toDouble();
        const bool negative = !match.captured(1).isEmpty() && number > 0;
        const QString range = powerRange();
        if (!match.hasMatch()) {
            error(CarField::PowerKw, tr("Power \"%1\" is not a number. %2").arg(shown(input.powerKw), range));
        } else if (unit == QLatin1String("ps") || unit.endsWith(QLatin1String("hp"))) {
            // 1 PS = 0.73549875 kW (metric horsepower); 1 hp = 0.745699872 kW (mechanical horsepower).
            const double factor = unit == QLatin1String("ps") ? 0.73549875 : 0.745699872;
            const QString kw = QString::number(std::lround(number * factor));
            error(CarField::PowerKw, tr("Power \"%1\" is not in kW. Enter %2 kW, which is about the same power.")
                                         .arg(shown(input.powerKw), kw));
        } else if (!match.captured(3).isEmpty()) {
            error(CarField::PowerKw, tr("Power \"%1\" is not a whole number. %2").arg(shown(input.powerKw), range));
        } else if (negative || number > kMostPowerKw) {
            error(CarField::PowerKw, tr("Power \"%1\" is out of range. %2").arg(shown(input.powerKw), range));
        } else {
            record.powerKw = match.captured(2).toInt();
        }
    }

    // Mileage
    if (!input.mileageKm.trimmed().isEmpty()) {
        const std::optional<Mileage> mileage = parseMileage(input.mileageKm);
        if (!mileage) {
            error(CarField::MileageKm, tr("Mileage \"%1\" is not a whole number of kilometres. Enter digits only, "
                                          "for example 12345 or 12 345.")
                                           .arg(shown(input.mileageKm)));
        } else if (mileage->negative) {
            error(
                CarField::MileageKm,
                tr("Mileage \"%1\" is below zero. Enter the kilometres on the odometer.").arg(shown(input.mileageKm)));
        } else if (mileage->tooLarge) {
            error(CarField::MileageKm, tr("Mileage \"%1\" is too large to be a mileage. Enter the kilometres on the "
                                          "odometer.")
                                           .arg(shown(input.mileageKm)));
        } else {
            record.mileageKm = mileage->km;
            if (record.mileageKm > kHighMileageKm)
                warning(CarField::MileageKm, tr("Mileage \"%1\" is over 1,000,000 km. Check that it is in kilometres "
                                                "and has no extra digit.")
                                                 .arg(shown(input.mileageKm)));
        }
    }

    // Condition: not guessed from the mileage, which a file may not have (0 km is then no sign of a new car).
    record.condition = choose(CarField::Condition, CarVocabulary::Kind::Condition, input.condition);
    if (record.condition == QLatin1String("new") && record.mileageKm > kNewCarMileageKm)
        warning(CarField::MileageKm,
                tr("Mileage \"%1\" is high for a new car. Check the mileage, or set the condition to used or demo.")
                    .arg(shown(input.mileageKm)));

    // Status
    const bool statusGiven = !input.status.trimmed().isEmpty();
    record.status =
        statusGiven ? choose(CarField::Status, CarVocabulary::Kind::Status, input.status) : QStringLiteral("available");

    // Location
    if (const QString branch = input.location.trimmed().toUpper(); !branch.isEmpty()) {
        static const QRegularExpression pattern(QRegularExpression::anchoredPattern(QStringLiteral("[A-Z0-9]{2,8}")));
        if (pattern.match(branch).hasMatch())
            record.location = branch;
        else
            error(CarField::Location, tr("Location \"%1\" is not a branch code. A branch code has 2 to 8 letters or "
                                         "digits, for example BER1; leave it empty for no branch.")
                                          .arg(shown(input.location)));
    }

    // List price, cost
    const auto money = [&](CarField field, const QString &text) -> QString {
        const std::optional<Amount> amount = parseAmount(text);
        if (!amount) {
            error(field, tr("%1 \"%2\" is not an amount. Write it like 18900, 18,900.50 or 18.900,50.")
                             .arg(fieldLabel(field), shown(text)));
            return {};
        }
        if (!options.currency.isEmpty() && !amount->currency.isEmpty() &&
            !currencyCodes(amount->currency).contains(options.currency.trimmed().toUpper())) {
            error(field, tr("%1 \"%2\" is not in %3. Convert it to %3 and enter the amount without another currency.")
                             .arg(fieldLabel(field), shown(text), options.currency));
            return {};
        }
        if (amount->negative) {
            error(field,
                  tr("%1 \"%2\" is below zero. Enter an amount of 0 or more.").arg(fieldLabel(field), shown(text)));
            return {};
        }
        if (amount->tooLarge) {
            error(field, tr("%1 \"%2\" is too large. Amounts must be below 10,000,000,000.")
                             .arg(fieldLabel(field), shown(text)));
            return {};
        }
        return amount->value;
    };
    if (input.listPrice.trimmed().isEmpty())
        error(CarField::ListPrice, tr("The list price is missing. Enter the asking price, for example 18900."));
    else
        record.listPrice = money(CarField::ListPrice, input.listPrice);
    if (!input.cost.trimmed().isEmpty())
        record.cost = money(CarField::Cost, input.cost);
    if (!record.listPrice.isEmpty() && !record.cost.isEmpty() && centsOf(record.cost) > centsOf(record.listPrice))
        warning(CarField::Cost, tr("Cost \"%1\" is above the list price \"%2\": the car would be sold at a loss. "
                                   "Check both amounts.")
                                    .arg(shown(input.cost), shown(input.listPrice)));

    // Dates
    const auto date = [&](CarField field, const QString &text) -> QDate {
        if (text.trimmed().isEmpty())
            return {};
        const QDate parsed = parseDate(text);
        if (!parsed.isValid()) {
            error(field, tr("%1 \"%2\" is not a valid date. Write it as 2024-03-31, 31.03.2024 or 31/03/2024.")
                             .arg(fieldLabel(field), shown(text)));
            return {};
        }
        if (parsed.year() < kFirstYear) {
            error(field, tr("%1 \"%2\" is before 1900. Check the year.").arg(fieldLabel(field), shown(text)));
            return {};
        }
        if (parsed > today)
            warning(field, tr("%1 \"%2\" is in the future. Check the date.").arg(fieldLabel(field), shown(text)));
        return parsed;
    };
    record.acquiredOn = date(CarField::AcquiredOn, input.acquiredOn);
    record.listedOn = date(CarField::ListedOn, input.listedOn);
    record.soldOn = date(CarField::SoldOn, input.soldOn);
    if (record.listedOn.isValid() && record.acquiredOn.isValid() && record.listedOn < record.acquiredOn)
        error(CarField::ListedOn, tr("Listed on \"%1\" is before the car was acquired (%2). Correct one of the dates.")
                                      .arg(shown(input.listedOn), shown(input.acquiredOn)));
    if (record.soldOn.isValid()) {
        if (record.listedOn.isValid() && record.soldOn < record.listedOn)
            error(CarField::SoldOn, tr("Sold on \"%1\" is before the car was listed (%2). Correct one of the dates.")
                                        .arg(shown(input.soldOn), shown(input.listedOn)));
        else if (record.acquiredOn.isValid() && record.soldOn < record.acquiredOn)
            error(CarField::SoldOn, tr("Sold on \"%1\" is before the car was acquired (%2). Correct one of the dates.")
                                        .arg(shown(input.soldOn), shown(input.acquiredOn)));
        // An unknown status has its own error already.
        if (!record.status.isEmpty() && record.status != QLatin1String("sold") &&
            record.status != QLatin1String("retired"))
            error(CarField::SoldOn,
                  tr("Sold on \"%1\" is filled in, but the status is %2. Set the status to sold or "
                     "retired, or clear the sold date.")
                      .arg(shown(input.soldOn), CarVocabulary::label(CarVocabulary::Kind::Status, record.status)));
    }

    // Features, notes
    const auto isFeatureSeparator = [](QChar character) {
        return character == QLatin1Char(';') || character == QLatin1Char('|') || character == QLatin1Char('\r') ||
               character == QLatin1Char('\n') || character == QChar(u'\u2028') || character == QChar(u'\u2029');
    };
    QSet<QString> seen;
    const QStringView features(input.features);
    for (qsizetype start = 0, end = 0; start <= features.size(); start = end + 1) {
        end = std::find_if(features.begin() + start, features.end(), isFeatureSeparator) - features.begin();
        const QString feature = features.mid(start, end - start).trimmed().toString();
        if (feature.isEmpty())
            continue;
        if (const QString folded = feature.toCaseFolded(); !seen.contains(folded)) {
            seen.insert(folded);
            record.features.append(feature);
        }
    }
    // Notes are free text, kept as written (indentation too: an export reads back as it was) but for white
    // space at the end.
    record.notes = input.notes;
    while (!record.notes.isEmpty() && record.notes.back().isSpace())
        record.notes.chop(1);

    // The rental fleet
    if (const std::optional<bool> forRent = parseYesNo(input.forRent))
        record.forRent = *forRent;
    else if (!input.forRent.trimmed().isEmpty())
        error(CarField::ForRent, tr("%1 \"%2\" is not yes or no. Write yes or no (true/false and 1/0 work too); "
                                    "leave it empty for stock for sale.")
                                     .arg(fieldLabel(CarField::ForRent), shown(input.forRent)));

    // The rental class
    const QString vehicleClass = input.vehicleClass.trimmed();
    if (vehicleClass.isEmpty()) {
        record.vehicleClass = std::nullopt;
    } else if (vehicleClass.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0 ||
               CarVocabulary::meansNotStated(vehicleClass)) {
        record.vehicleClass = QString();
    } else if (options.vehicleClasses.isEmpty()) {
        static const QRegularExpression code(QStringLiteral("^[A-Z0-9]{2,8}$"));
        if (code.match(vehicleClass.toUpper()).hasMatch())
            record.vehicleClass = vehicleClass.toUpper();
        else
            error(CarField::VehicleClass, tr("%1 \"%2\" is not a class code (2 to 8 letters or digits, such as COMP).")
                                              .arg(fieldLabel(CarField::VehicleClass), shown(input.vehicleClass)));
    } else {
        QStringList known;
        for (const auto &[code, name] : options.vehicleClasses) {
            if (vehicleClass.compare(code, Qt::CaseInsensitive) == 0 ||
                vehicleClass.compare(name, Qt::CaseInsensitive) == 0)
                record.vehicleClass = code;
            known << tr("%1 (%2)").arg(code, name);
        }
        if (!record.vehicleClass)
            error(CarField::VehicleClass,
                  tr("%1 \"%2\" is not one of the rental classes. Write one of %3 (code or name), none for a car "
                     "without a class, or leave it empty for the class of its body and price.")
                      .arg(fieldLabel(CarField::VehicleClass), shown(input.vehicleClass),
                           QLocale().createSeparatedList(known)));
    }

    // Cross-field findings were added late: put every issue in the order of the fields.
    std::stable_sort(result.issues.begin(), result.issues.end(), [](const CarIssue &a, const CarIssue &b) {
        return static_cast<int>(a.field) < static_cast<int>(b.field);
    });
    return result;
}

#include "VinDecoder.h"

#include "Translations.h"
#include "Vin.h"

#include <QFile>
#include <QJsonArray>
#include <QStringBuilder>

#include <algorithm>
#include <array>
#include <limits>
#include <memory>
#include <vector>

namespace {

const QString kTablePath = QStringLiteral(":/vin/wmi.csv");

// Input this much longer than a VIN is plainly something else: one error instead of one per character.
constexpr qsizetype kLongestDecoded = 40;

// ISO 3780 orders the characters A-Z (without I, O, Q), then 1-9, then 0: "SA-SM" and "V6-V0" are ranges.
// The rank by ASCII code, -1 for the characters a VIN cannot have.
constexpr std::array<signed char, 128> kIsoRanks = [] {
    std::array<signed char, 128> ranks{};
    ranks.fill(-1);
    constexpr char order[] = "ABCDEFGHJKLMNPRSTUVWXYZ1234567890";
    for (size_t i = 0; i + 1 < sizeof(order); ++i)
        ranks[size_t(order[i])] = static_cast<signed char>(i);
    return ranks;
}();

int isoRank(QChar character)
{
    const char16_t c = character.unicode();
    return c < kIsoRanks.size() ? kIsoRanks[c] : -1;
}

// A WMI of 3 or 6 characters as a number, given whole or in two parts (a small maker's positions 1-3
// and 12-14); 0 when it is neither.
quint64 keyOf(QStringView wmi, QStringView more = {})
{
    if (wmi.size() + more.size() != 3 && wmi.size() + more.size() != 6)
        return 0;
    quint64 key = 0;
    for (const QStringView part : {wmi, more}) {
        for (const QChar character : part) {
            const int rank = isoRank(character);
            if (rank < 0)
                return 0;
            key = key * 34 + quint64(rank + 1);
        }
    }
    return key;
}

enum Region { Africa, Asia, Europe, NorthAmerica, Oceania, SouthAmerica, NoRegion };

struct IsoRange
{
    char16_t first;
    char16_t from;
    char16_t to;
    const char *country;
    Region region;
};

// ISO 3780 country codes: the first character gives the region, the second the country.
constexpr std::array kIsoRanges = {
    IsoRange{u'A', u'A', u'H', "South Africa", Africa},
    IsoRange{u'A', u'J', u'N', "Ivory Coast", Africa},
    IsoRange{u'B', u'A', u'E', "Angola", Africa},
    IsoRange{u'B', u'F', u'K', "Kenya", Africa},
    IsoRange{u'B', u'L', u'R', "Tanzania", Africa},
    IsoRange{u'C', u'A', u'E', "Benin", Africa},
    IsoRange{u'C', u'F', u'K', "Madagascar", Africa},
    IsoRange{u'C', u'L', u'R', "Tunisia", Africa},
    IsoRange{u'D', u'A', u'E', "Egypt", Africa},
    IsoRange{u'D', u'F', u'K', "Morocco", Africa},
    IsoRange{u'D', u'L', u'R', "Zambia", Africa},
    IsoRange{u'E', u'A', u'E', "Ethiopia", Africa},
    IsoRange{u'E', u'F', u'K', "Mozambique", Africa},
    IsoRange{u'F', u'A', u'E', "Ghana", Africa},
    IsoRange{u'F', u'F', u'K', "Nigeria", Africa},
    IsoRange{u'J', u'A', u'0', "Japan", Asia},
    IsoRange{u'K', u'A', u'E', "Sri Lanka", Asia},
    IsoRange{u'K', u'F', u'K', "Israel", Asia},
    IsoRange{u'K', u'L', u'R', "South Korea", Asia},
    IsoRange{u'K', u'S', u'0', "Kazakhstan", Asia},
    IsoRange{u'L', u'A', u'0', "China", Asia},
    IsoRange{u'M', u'A', u'E', "India", Asia},
    IsoRange{u'M', u'F', u'K', "Indonesia", Asia},
    IsoRange{u'M', u'L', u'R', "Thailand", Asia},
    IsoRange{u'M', u'S', u'0', "Myanmar", Asia},
    IsoRange{u'N', u'A', u'E', "Iran", Asia},
    IsoRange{u'N', u'F', u'K', "Pakistan", Asia},
    IsoRange{u'N', u'L', u'R', "Turkey", Asia},
    IsoRange{u'P', u'A', u'E', "Philippines", Asia},
    IsoRange{u'P', u'F', u'K', "Singapore", Asia},
    IsoRange{u'P', u'L', u'R', "Malaysia", Asia},
    IsoRange{u'R', u'A', u'E', "United Arab Emirates", Asia},
    IsoRange{u'R', u'F', u'K', "Taiwan", Asia},
    IsoRange{u'R', u'L', u'R', "Vietnam", Asia},
    IsoRange{u'R', u'S', u'0', "Saudi Arabia", Asia},
    IsoRange{u'S', u'A', u'M', "United Kingdom", Europe},
    IsoRange{u'S', u'N', u'T', "Germany", Europe},
    IsoRange{u'S', u'U', u'Z', "Poland", Europe},
    IsoRange{u'S', u'1', u'4', "Latvia", Europe},
    IsoRange{u'T', u'A', u'H', "Switzerland", Europe},
    IsoRange{u'T', u'J', u'P', "Czech Republic", Europe},
    IsoRange{u'T', u'R', u'V', "Hungary", Europe},
    IsoRange{u'T', u'W', u'1', "Portugal", Europe},
    IsoRange{u'U', u'H', u'M', "Denmark", Europe},
    IsoRange{u'U', u'N', u'T', "Ireland", Europe},
    IsoRange{u'U', u'U', u'Z', "Romania", Europe},
    IsoRange{u'U', u'5', u'7', "Slovakia", Europe},
    IsoRange{u'V', u'A', u'E', "Austria", Europe},
    IsoRange{u'V', u'F', u'R', "France", Europe},
    IsoRange{u'V', u'S', u'W', "Spain", Europe},
    IsoRange{u'V', u'X', u'2', "France", Europe}, // Yugoslavia's until it was reassigned
    IsoRange{u'V', u'3', u'5', "Croatia", Europe},
    IsoRange{u'V', u'6', u'0', "Estonia", Europe},
    IsoRange{u'W', u'A', u'0', "Germany", Europe},
    IsoRange{u'X', u'A', u'E', "Bulgaria", Europe},
    IsoRange{u'X', u'F', u'K', "Greece", Europe},
    IsoRange{u'X', u'L', u'R', "Netherlands", Europe},
    IsoRange{u'X', u'S', u'W', "Russia", Europe},
    IsoRange{u'X', u'X', u'2', "Luxembourg", Europe},
    IsoRange{u'X', u'3', u'0', "Russia", Europe},
    IsoRange{u'Y', u'A', u'E', "Belgium", Europe},
    IsoRange{u'Y', u'F', u'K', "Finland", Europe},
    IsoRange{u'Y', u'L', u'R', "Malta", Europe},
    IsoRange{u'Y', u'S', u'W', "Sweden", Europe},
    IsoRange{u'Y', u'X', u'2', "Norway", Europe},
    IsoRange{u'Y', u'3', u'5', "Belarus", Europe},
    IsoRange{u'Y', u'6', u'0', "Ukraine", Europe},
    IsoRange{u'Z', u'A', u'R', "Italy", Europe},
    IsoRange{u'Z', u'X', u'2', "Slovenia", Europe},
    IsoRange{u'Z', u'3', u'5', "Lithuania", Europe},
    IsoRange{u'Z', u'6', u'0', "Russia", Europe},
    IsoRange{u'1', u'A', u'0', "United States", NorthAmerica},
    IsoRange{u'2', u'A', u'0', "Canada", NorthAmerica},
    IsoRange{u'3', u'A', u'W', "Mexico", NorthAmerica},
    IsoRange{u'3', u'X', u'7', "Costa Rica", NorthAmerica},
    IsoRange{u'3', u'8', u'0', "Cayman Islands", NorthAmerica},
    IsoRange{u'4', u'A', u'0', "United States", NorthAmerica},
    IsoRange{u'5', u'A', u'0', "United States", NorthAmerica},
    IsoRange{u'6', u'A', u'W', "Australia", Oceania},
    IsoRange{u'7', u'A', u'E', "New Zealand", Oceania},
    IsoRange{u'7', u'F', u'0', "United States", NorthAmerica},
    IsoRange{u'8', u'A', u'E', "Argentina", SouthAmerica},
    IsoRange{u'8', u'F', u'K', "Chile", SouthAmerica},
    IsoRange{u'8', u'L', u'R', "Ecuador", SouthAmerica},
    IsoRange{u'8', u'S', u'W', "Peru", SouthAmerica},
    IsoRange{u'8', u'X', u'2', "Venezuela", SouthAmerica},
    IsoRange{u'9', u'A', u'E', "Brazil", SouthAmerica},
    IsoRange{u'9', u'F', u'K', "Colombia", SouthAmerica},
    IsoRange{u'9', u'L', u'R', "Paraguay", SouthAmerica},
    IsoRange{u'9', u'S', u'W', "Uruguay", SouthAmerica},
    IsoRange{u'9', u'X', u'2', "Trinidad and Tobago", SouthAmerica},
    IsoRange{u'9', u'3', u'9', "Brazil", SouthAmerica},
};

// The region of a first character that no range above covers.
Region regionOf(QChar first)
{
    const char16_t c = first.unicode();
    if (c >= u'A' && c <= u'H')
        return Africa;
    if (c >= u'J' && c <= u'R')
        return Asia;
    if (c >= u'S' && c <= u'Z')
        return Europe;
    if (c >= u'1' && c <= u'5')
        return NorthAmerica;
    if (c == u'6' || c == u'7')
        return Oceania;
    if (c == u'8' || c == u'9')
        return SouthAmerica;
    return NoRegion;
}

struct Entry
{
    quint64 key;
    QString wmi;
    VinDecoder::Origin origin;
};

// Built once; every string a decoding hands out is shared from here, so decoding copies no text.
struct Table
{
    std::vector<Entry> entries;             // by key
    std::vector<VinDecoder::Origin> ranges; // as kIsoRanges
    std::array<QString, NoRegion + 1> regions;

    Table()
    {
        regions = {QStringLiteral("Africa"),
                   QStringLiteral("Asia"),
                   QStringLiteral("Europe"),
                   QStringLiteral("North America"),
                   QStringLiteral("Oceania"),
                   QStringLiteral("South America"),
                   QString()};
        for (const IsoRange &range : kIsoRanges)
            ranges.push_back({QString(), QString::fromLatin1(range.country), regions.at(range.region)});
        load();
    }

    void load()
    {
        QFile file(kTablePath);
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("VIN decoder: the WMI table %s is missing from the binary", qPrintable(kTablePath));
            return;
        }
        const QString text = QString::fromUtf8(file.readAll());
        int lineNumber = 0;
        for (const QStringView line : QStringView(text).split(u'\n')) {
            ++lineNumber;
            const QStringView row = line.trimmed();
            if (row.isEmpty() || row.startsWith(u'#') || row.startsWith(u"wmi,"))
                continue;
            const auto fields = row.split(u',');
            const quint64 key = fields.size() == 4 ? keyOf(fields.at(0)) : 0;
            if (key == 0 || fields.at(1).isEmpty() || fields.at(2).isEmpty() || fields.at(3).isEmpty() ||
                std::find(regions.begin(), regions.end(), fields.at(3)) == regions.end()) {
                qWarning("VIN decoder: line %d of %s is not \"wmi,manufacturer,country,region\"", lineNumber,
                         qPrintable(kTablePath));
                continue;
            }
            const QString &region = *std::find(regions.begin(), regions.end(), fields.at(3));
            entries.push_back(
                {key, fields.at(0).toString(), {fields.at(1).toString(), fields.at(2).toString(), region}});
        }
        std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.key < b.key; });
    }

    const Entry *find(QStringView wmi, QStringView more = {}) const
    {
        const quint64 key = keyOf(wmi, more);
        const auto it = std::lower_bound(entries.begin(), entries.end(), key,
                                         [](const Entry &entry, quint64 value) { return entry.key < value; });
        return key != 0 && it != entries.end() && it->key == key ? &*it : nullptr;
    }

    // Country and region by ISO 3780 for a WMI of at least two valid characters.
    const VinDecoder::Origin &iso(QStringView wmi, VinDecoder::Origin &scratch) const
    {
        const int second = wmi.size() > 1 ? isoRank(wmi.at(1)) : -1;
        for (size_t i = 0; i < kIsoRanges.size(); ++i) {
            const IsoRange &range = kIsoRanges[i];
            if (range.first == wmi.at(0).unicode() && second >= isoRank(range.from) && second <= isoRank(range.to))
                return ranges[i];
        }
        scratch = {QString(), QString(), regions.at(regionOf(wmi.at(0)))};
        return scratch;
    }
};

const Table &table()
{
    static const Table instance;
    return instance;
}

// QDate::year() for the same day again and again (every decode() of a batch), remembered per thread.
int yearOf(QDate date)
{
    thread_local struct
    {
        bool known = false;
        qint64 day = 0;
        int year = 0;
    } last;
    if (!last.known || last.day != date.toJulianDay())
        last = {true, date.toJulianDay(), date.year()};
    return last.year;
}

// The sentences decode() writes, translated once per thread and again when the translations change
// (Translations::generation()): tr() converts the source text from UTF-8 each time.
struct Messages
{
    explicit Messages(int generation)
        : generation(generation)
    {}

    int generation;
    Translations::Sentence unknownWmi{
        VinDecoder::tr("The manufacturer code %1 is not in Forecourt's table, so the make is not known offline; the "
                       "country comes from the first two characters."),
        1};
    Translations::Sentence noModelYear{
        VinDecoder::tr("Character 10 is %1, which stands for no model year (manufacturers outside North America "
                       "often leave it unused). Take the year from the registration document."),
        1};
    Translations::Sentence futureModelYear{
        VinDecoder::tr("By character 7, character 10 (%1) would mean the model year %2, which is still to come; the "
                       "latest year it can mean so far is taken instead."),
        2};
};

const Messages &messages()
{
    thread_local std::unique_ptr<Messages> kept;
    if (const int generation = Translations::generation(); !kept || kept->generation != generation)
        kept = std::make_unique<Messages>(generation);
    return *kept;
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue orNull(QChar character)
{
    return character.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(QString(character));
}

} // namespace

const VinDecoder::Origin *VinDecoder::lookup(QStringView wmi)
{
    const Entry *entry = table().find(wmi);
    return entry ? &entry->origin : nullptr;
}

VinDecoder::Origin VinDecoder::isoOrigin(QStringView wmi)
{
    if (wmi.isEmpty())
        return {};
    Origin scratch;
    return table().iso(wmi, scratch);
}

qsizetype VinDecoder::tableSize()
{
    return qsizetype(table().entries.size());
}

VinDecoding VinDecoder::decode(const QString &input, QDate today)
{
    VinDecoding result;
    result.input = input;
    if (input.size() > kLongestDecoded) {
        // Long input is checked cheaply first: Vin::check would give one sentence per wrong character.
        if (const QString normalised = Vin::normalise(input); normalised.size() > kLongestDecoded) {
            result.vin = normalised;
            result.errors << tr("This is not a VIN: it has %n character(s), but a VIN always has 17.", nullptr,
                                int(std::min<qsizetype>(normalised.size(), std::numeric_limits<int>::max())));
            return result;
        }
    }

    Vin::Check check = Vin::check(input);
    result.vin = std::move(check.normalised);
    result.valid = check.valid;
    result.errors = std::move(check.errors);
    result.warnings = std::move(check.warnings);

    // Everything below needs 17 valid characters; a wrong check digit still decodes.
    const QString &vin = result.vin;
    result.expectedCheckDigit = check.expectedCheckDigit;
    if (result.expectedCheckDigit.isNull())
        return result;
    result.actualCheckDigit = vin.at(Vin::CheckDigitPosition - 1);
    result.checkDigitValid = result.actualCheckDigit == result.expectedCheckDigit;
    result.checkDigitRequired = Vin::requiresCheckDigit(vin);

    // A small maker's WMI ends in 9 and continues in positions 12-14; its serial is then 15-17.
    const QStringView view(vin);
    const bool smallMaker = vin.at(2) == QLatin1Char('9');
    result.plantCode = vin.at(10);
    result.serial = vin.mid(smallMaker ? 14 : 11);

    const Table &wmis = table();
    const Messages &sentences = messages();
    // A known WMI is shared from the table, not copied.
    if (const Entry *entry = wmis.find(view.left(3), smallMaker ? view.mid(11, 3) : QStringView())) {
        result.wmi = entry->wmi;
        result.manufacturer = entry->origin.manufacturer;
        result.country = entry->origin.country;
        result.region = entry->origin.region;
    } else {
        result.wmi = smallMaker ? QString(view.left(3) % view.mid(11, 3)) : vin.left(3);
        Origin scratch;
        const Origin &iso = wmis.iso(view, scratch);
        result.country = iso.country;
        result.region = iso.region;
        const Translations::Sentence &sentence = sentences.unknownWmi;
        result.warnings << (sentence.isPlain() ? sentence.fill({result.wmi}) : sentence.text().arg(result.wmi));
    }

    // Model year. A model year may begin in the calendar year before it, so next year is not yet the future.
    const QChar yearCode = vin.at(9);
    const QStringView yearCodeView(&yearCode, 1);
    const int latestYear = yearOf(today) + 1;
    // A valid check digit shows 49 CFR 565, except where a check digit is required anyway (China).
    result.northAmerican = Vin::hasNorthAmericanWmi(vin) || (result.checkDigitValid && !result.checkDigitRequired);
    if (Vin::modelYearFor(yearCode, 1980) == 0) {
        const Translations::Sentence &sentence = sentences.noModelYear;
        result.warnings << (sentence.isPlain() ? sentence.fill({yearCodeView}) : sentence.text().arg(yearCode));
        return result;
    }
    if (result.northAmerican) {
        // 49 CFR 565.15: position 7 is a digit for 1980-2009 and a letter for 2010-2039.
        const bool letter = vin.at(6).isLetter();
        const int year = Vin::modelYearFor(yearCode, letter ? 2010 : 1980);
        if (year <= latestYear) {
            result.modelYear = year;
            result.modelYearCandidates.append(year);
            return result;
        }
        const Translations::Sentence &sentence = sentences.futureModelYear;
        result.warnings << (sentence.isPlain() ? sentence.fill({yearCodeView, Translations::Digits(year).view()})
                                               : sentence.text().arg(yearCode).arg(year));
    }
    for (int cycleStart = 1980;; cycleStart += 30) {
        const int year = Vin::modelYearFor(yearCode, cycleStart);
        if (year > latestYear)
            break;
        result.modelYearCandidates.append(year);
    }
    if (!result.modelYearCandidates.isEmpty())
        result.modelYear = result.modelYearCandidates.last();
    return result;
}

QJsonObject VinDecoding::toJson() const
{
    QJsonArray candidates;
    for (const int year : modelYearCandidates)
        candidates.append(year);
    return {
        {QStringLiteral("input"), input},
        {QStringLiteral("vin"), vin},
        {QStringLiteral("valid"), valid},
        {QStringLiteral("errors"), QJsonArray::fromStringList(errors)},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
        {QStringLiteral("wmi"), orNull(wmi)},
        {QStringLiteral("manufacturer"), orNull(manufacturer)},
        {QStringLiteral("country"), orNull(country)},
        {QStringLiteral("region"), orNull(region)},
        {QStringLiteral("north_american_standard"), northAmerican},
        {QStringLiteral("model_year"), modelYear ? QJsonValue(*modelYear) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("model_year_candidates"), candidates},
        {QStringLiteral("check_digit"), QJsonObject{{QStringLiteral("expected"), orNull(expectedCheckDigit)},
                                                    {QStringLiteral("actual"), orNull(actualCheckDigit)},
                                                    {QStringLiteral("valid"), checkDigitValid},
                                                    {QStringLiteral("required"), checkDigitRequired}}},
        {QStringLiteral("plant_code"), orNull(plantCode)},
        {QStringLiteral("serial"), orNull(serial)},
    };
}

namespace {

QChar charOf(const QJsonValue &value)
{
    const QString text = value.toString();
    return text.size() == 1 ? text.front() : QChar();
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList strings;
    for (const QJsonValue item : value.toArray()) {
        if (item.isString())
            strings << item.toString();
    }
    return strings;
}

} // namespace

VinDecoding VinDecoding::fromJson(const QJsonObject &object)
{
    VinDecoding result;
    result.input = object.value(QStringLiteral("input")).toString();
    result.vin = object.value(QStringLiteral("vin")).toString();
    result.valid = object.value(QStringLiteral("valid")).toBool();
    result.errors = stringsOf(object.value(QStringLiteral("errors")));
    result.warnings = stringsOf(object.value(QStringLiteral("warnings")));
    result.wmi = object.value(QStringLiteral("wmi")).toString();
    result.manufacturer = object.value(QStringLiteral("manufacturer")).toString();
    result.country = object.value(QStringLiteral("country")).toString();
    result.region = object.value(QStringLiteral("region")).toString();
    result.northAmerican = object.value(QStringLiteral("north_american_standard")).toBool();
    if (const QJsonValue year = object.value(QStringLiteral("model_year")); year.isDouble())
        result.modelYear = year.toInt();
    for (const QJsonValue year : object.value(QStringLiteral("model_year_candidates")).toArray()) {
        if (year.isDouble())
            result.modelYearCandidates.append(year.toInt());
    }
    const QJsonObject checkDigit = object.value(QStringLiteral("check_digit")).toObject();
    result.expectedCheckDigit = charOf(checkDigit.value(QStringLiteral("expected")));
    result.actualCheckDigit = charOf(checkDigit.value(QStringLiteral("actual")));
    result.checkDigitValid = checkDigit.value(QStringLiteral("valid")).toBool();
    result.checkDigitRequired = checkDigit.value(QStringLiteral("required")).toBool();
    result.plantCode = charOf(object.value(QStringLiteral("plant_code")));
    result.serial = object.value(QStringLiteral("serial")).toString();
    return result;
}

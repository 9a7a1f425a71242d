#include "DemoDataGenerator.h"

#include "domain/Money.h"
#include "domain/Vin.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <vector>

namespace {

const QString kResourcePath = QStringLiteral(":/demo/vehicles.json");

// ---------------------------------------------------------------------------------------------------------------
// Randomness: splitmix64, seeded from (seed, index) alone, so that no state is shared between cars.

quint64 mix64(quint64 z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

class Random
{
public:
    explicit Random(quint64 state)
        : m_state(state)
    {}

    quint64 next()
    {
        m_state += 0x9E3779B97F4A7C15ULL;
        return mix64(m_state);
    }
    // Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    // Uniform integer in [low, high].
    qint64 between(qint64 low, qint64 high)
    {
        if (high <= low)
            return low;
        return low + static_cast<qint64>(next() % static_cast<quint64>(high - low + 1));
    }
    bool chance(double probability) { return uniform() < probability; }
    template <typename T> const T &pick(const QList<T> &values) { return values.at(between(0, values.size() - 1)); }

private:
    quint64 m_state;
};

// Indexes drawn in proportion to their weights.
class Weights
{
public:
    void add(double weight) { m_cumulative.push_back((m_cumulative.empty() ? 0.0 : m_cumulative.back()) + weight); }
    bool isValid() const { return !m_cumulative.empty() && m_cumulative.back() > 0.0; }
    int pick(Random &random) const
    {
        const double target = random.uniform() * m_cumulative.back();
        const auto found = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), target);
        return static_cast<int>(std::min<std::ptrdiff_t>(found - m_cumulative.begin(),
                                                         static_cast<std::ptrdiff_t>(m_cumulative.size()) - 1));
    }

private:
    std::vector<double> m_cumulative;
};

// ---------------------------------------------------------------------------------------------------------------
// The dictionary (resources/demo/vehicles.json), parsed once into plain structures.

struct ModelSpec
{
    QString name;
    QStringList wmis;
    QStringList descriptors; // VIN positions 4-8
    QString body;
    QStringList fuels;
    Weights fuelWeights;
    QList<int> seats;
    QList<int> doors;
    int powerMin = 0;
    int powerMax = 0;
    double priceMin = 0;
    double priceMax = 0;
    double automaticShare = 0;
    QStringList drives;
    Weights driveWeights;
    QStringList trims;
    int firstYear = 1980;
    int lastYear = 0; // 0: still built
};

struct MakeSpec
{
    QString name;
    double retention = 0; // added to the yearly value retention of 0.88
    std::vector<ModelSpec> models;
    Weights modelWeights;
};

struct FeatureSpec
{
    QString name;
    double rate = 0;    // probability for a basic car
    double maxRate = 0; // probability for a top trim of an expensive model
    int fromYear = 0;
    QStringList fuels;  // empty: any
    QStringList bodies; // empty: any
};

struct Dictionary
{
    QList<DemoBranch> branches;
    Weights branchWeights;
    std::vector<MakeSpec> makes;
    Weights makeWeights;
    QStringList colours;
    Weights colourWeights;
    std::vector<FeatureSpec> features;
    QHash<QString, QStringList> notes;
};

const QStringList kBodyTypes = {QStringLiteral("sedan"), QStringLiteral("hatchback"), QStringLiteral("estate"),
                                QStringLiteral("suv"),   QStringLiteral("coupe"),     QStringLiteral("convertible"),
                                QStringLiteral("mpv"),   QStringLiteral("pickup"),    QStringLiteral("van"),
                                QStringLiteral("other")};
const QStringList kFuelTypes = {
    QStringLiteral("petrol"),   QStringLiteral("diesel"), QStringLiteral("hybrid"), QStringLiteral("plug_in_hybrid"),
    QStringLiteral("electric"), QStringLiteral("lpg"),    QStringLiteral("cng"),    QStringLiteral("hydrogen")};
const QStringList kDrives = {QStringLiteral("fwd"), QStringLiteral("rwd"), QStringLiteral("awd"),
                             QStringLiteral("4wd")};

const QString kPetrol = QStringLiteral("petrol");
const QString kDiesel = QStringLiteral("diesel");
const QString kHybrid = QStringLiteral("hybrid");
const QString kPlugInHybrid = QStringLiteral("plug_in_hybrid");
const QString kElectric = QStringLiteral("electric");
const QString kLpg = QStringLiteral("lpg");
const QString kCng = QStringLiteral("cng");
const QString kManual = QStringLiteral("manual");
const QString kAutomatic = QStringLiteral("automatic");
const QString kNew = QStringLiteral("new");
const QString kUsed = QStringLiteral("used");
const QString kDemo = QStringLiteral("demo");
const QString kCertified = QStringLiteral("certified");
const QString kAvailable = QStringLiteral("available");
const QString kReserved = QStringLiteral("reserved");
const QString kRented = QStringLiteral("rented");
const QString kSold = QStringLiteral("sold");
const QString kInService = QStringLiteral("in_service");
const QString kRetired = QStringLiteral("retired");
const QString kGeneral = QStringLiteral("general");

// The dictionary ships inside the binary: anything wrong with it is a build defect, not a user error.
[[noreturn]] void invalidDictionary(const QString &what)
{
    qFatal("Demo-data dictionary %s: %s", qPrintable(kResourcePath), qPrintable(what));
}

QString requireString(const QJsonObject &object, QLatin1String key, const QString &where)
{
    const QString value = object.value(key).toString();
    if (value.trimmed().isEmpty())
        invalidDictionary(where + QStringLiteral(": \"") + key + QStringLiteral("\" is missing or empty"));
    return value;
}

// A list of strings from a string or an array of strings.
QStringList stringList(const QJsonValue &value)
{
    if (value.isString())
        return {value.toString()};
    QStringList result;
    for (const QJsonValue &item : value.toArray())
        result << item.toString();
    return result;
}

// A list of integers from a number or an array of numbers.
QList<int> intList(const QJsonValue &value)
{
    if (value.isDouble())
        return {value.toInt()};
    QList<int> result;
    for (const QJsonValue &item : value.toArray())
        result << item.toInt();
    return result;
}

// {"petrol": 6, "diesel": 3}: the keys (checked against `allowed`) and their weights.
void weightedKeys(const QJsonObject &object, const QStringList &allowed, const QString &where, QStringList &keys,
                  Weights &weights)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            invalidDictionary(where + QStringLiteral(": \"") + it.key() + QStringLiteral("\" is not one of ") +
                              allowed.join(QStringLiteral(", ")));
        keys << it.key();
        weights.add(it.value().toDouble());
    }
    if (!weights.isValid())
        invalidDictionary(where + QStringLiteral(": no positive weights"));
}

bool isVinPart(const QString &text, int length)
{
    return text.size() == length && std::all_of(text.begin(), text.end(), Vin::isValidCharacter);
}

ModelSpec parseModel(const QJsonObject &object, const QString &makeName)
{
    ModelSpec model;
    model.name = requireString(object, QLatin1String("name"), makeName);
    const QString where = makeName + QLatin1Char(' ') + model.name;

    model.wmis = stringList(object.value(QLatin1String("wmi")));
    model.descriptors = stringList(object.value(QLatin1String("vds")));
    if (model.wmis.isEmpty() || model.descriptors.isEmpty())
        invalidDictionary(where + QStringLiteral(": \"wmi\" and \"vds\" are required"));
    for (const QString &wmi : std::as_const(model.wmis)) {
        if (!isVinPart(wmi, 3))
            invalidDictionary(where + QStringLiteral(": WMI \"") + wmi + QStringLiteral("\" is not 3 VIN characters"));
    }
    for (const QString &vds : std::as_const(model.descriptors)) {
        if (!isVinPart(vds, 5))
            invalidDictionary(where + QStringLiteral(": VDS \"") + vds + QStringLiteral("\" is not 5 VIN characters"));
    }

    model.body = requireString(object, QLatin1String("body"), where);
    if (!kBodyTypes.contains(model.body))
        invalidDictionary(where + QStringLiteral(": unknown body type ") + model.body);
    weightedKeys(object.value(QLatin1String("fuels")).toObject(), kFuelTypes, where, model.fuels, model.fuelWeights);
    weightedKeys(object.value(QLatin1String("drive")).toObject(), kDrives, where, model.drives, model.driveWeights);

    model.seats = intList(object.value(QLatin1String("seats")));
    model.doors = intList(object.value(QLatin1String("doors")));
    const bool seatsOk = !model.seats.isEmpty() && std::all_of(model.seats.begin(), model.seats.end(),
                                                               [](int seats) { return seats >= 1 && seats <= 60; });
    const bool doorsOk = !model.doors.isEmpty() && std::all_of(model.doors.begin(), model.doors.end(),
                                                               [](int doors) { return doors >= 0 && doors <= 9; });
    if (!seatsOk || !doorsOk)
        invalidDictionary(where + QStringLiteral(": seats must be 1-60 and doors 0-9"));

    const QJsonArray power = object.value(QLatin1String("powerKw")).toArray();
    const QJsonArray price = object.value(QLatin1String("priceEur")).toArray();
    model.powerMin = power.at(0).toInt();
    model.powerMax = power.at(1).toInt();
    model.priceMin = price.at(0).toDouble();
    model.priceMax = price.at(1).toDouble();
    if (model.powerMin <= 0 || model.powerMax < model.powerMin || model.powerMax > 2000 || model.priceMin <= 0 ||
        model.priceMax < model.priceMin)
        invalidDictionary(where + QStringLiteral(": \"powerKw\" and \"priceEur\" must be [min, max]"));

    model.automaticShare = std::clamp(object.value(QLatin1String("automatic")).toDouble(), 0.0, 1.0);
    model.trims = stringList(object.value(QLatin1String("trims")));
    if (model.trims.isEmpty())
        invalidDictionary(where + QStringLiteral(": \"trims\" is empty"));

    const QJsonArray years = object.value(QLatin1String("years")).toArray();
    model.firstYear = years.isEmpty() ? 1980 : years.at(0).toInt();
    model.lastYear = years.size() > 1 ? years.at(1).toInt() : 0;
    return model;
}

Dictionary parseDictionary(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (document.isNull())
        invalidDictionary(parseError.errorString() + QStringLiteral(" at offset ") +
                          QString::number(parseError.offset));
    const QJsonObject root = document.object();
    Dictionary dictionary;

    static const QRegularExpression branchCode(QStringLiteral("^[A-Z0-9]{2,8}$"));
    for (const QJsonValue &value : root.value(QLatin1String("branches")).toArray()) {
        const QJsonObject object = value.toObject();
        DemoBranch branch;
        branch.code = requireString(object, QLatin1String("code"), QStringLiteral("branch"));
        branch.name = requireString(object, QLatin1String("name"), branch.code);
        branch.address = object.value(QLatin1String("address")).toString();
        branch.phone = object.value(QLatin1String("phone")).toString();
        branch.timeZone = object.value(QLatin1String("timeZone")).toString(QStringLiteral("UTC"));
        if (!branchCode.match(branch.code).hasMatch())
            invalidDictionary(QStringLiteral("branch code ") + branch.code + QStringLiteral(" is not 2-8 A-Z/0-9"));
        dictionary.branches << branch;
    }
    const QJsonArray branchWeights = root.value(QLatin1String("branchWeights")).toArray();
    for (qsizetype i = 0; i < dictionary.branches.size(); ++i)
        dictionary.branchWeights.add(i < branchWeights.size() ? branchWeights.at(i).toDouble() : 1.0);
    if (!dictionary.branchWeights.isValid())
        invalidDictionary(QStringLiteral("no branches"));

    for (const QJsonValue &value : root.value(QLatin1String("makes")).toArray()) {
        const QJsonObject object = value.toObject();
        MakeSpec make;
        make.name = requireString(object, QLatin1String("name"), QStringLiteral("make"));
        make.retention = object.value(QLatin1String("retention")).toDouble();
        for (const QJsonValue &modelValue : object.value(QLatin1String("models")).toArray()) {
            const QJsonObject modelObject = modelValue.toObject();
            make.models.push_back(parseModel(modelObject, make.name));
            make.modelWeights.add(modelObject.value(QLatin1String("weight")).toDouble(1.0));
        }
        if (!make.modelWeights.isValid())
            invalidDictionary(make.name + QStringLiteral(": no models"));
        dictionary.makeWeights.add(object.value(QLatin1String("weight")).toDouble(1.0));
        dictionary.makes.push_back(std::move(make));
    }
    if (!dictionary.makeWeights.isValid())
        invalidDictionary(QStringLiteral("no makes"));

    for (const QJsonValue &value : root.value(QLatin1String("colours")).toArray()) {
        const QJsonObject object = value.toObject();
        dictionary.colours << requireString(object, QLatin1String("name"), QStringLiteral("colour"));
        dictionary.colourWeights.add(object.value(QLatin1String("weight")).toDouble(1.0));
    }
    if (!dictionary.colourWeights.isValid())
        invalidDictionary(QStringLiteral("no colours"));

    for (const QJsonValue &value : root.value(QLatin1String("features")).toArray()) {
        const QJsonObject object = value.toObject();
        FeatureSpec feature;
        feature.name = requireString(object, QLatin1String("name"), QStringLiteral("feature"));
        feature.rate = object.value(QLatin1String("rate")).toDouble();
        feature.maxRate = object.value(QLatin1String("maxRate")).toDouble(feature.rate);
        feature.fromYear = object.value(QLatin1String("fromYear")).toInt();
        feature.fuels = stringList(object.value(QLatin1String("fuels")));
        feature.bodies = stringList(object.value(QLatin1String("bodies")));
        dictionary.features.push_back(feature);
    }

    const QJsonObject notes = root.value(QLatin1String("notes")).toObject();
    for (auto it = notes.begin(); it != notes.end(); ++it)
        dictionary.notes.insert(it.key(), stringList(it.value()));
    return dictionary;
}

const Dictionary &dictionary()
{
    static const Dictionary instance = [] {
        QFile file(kResourcePath);
        if (!file.open(QIODevice::ReadOnly))
            invalidDictionary(QStringLiteral("is missing from the build: ") + file.errorString());
        return parseDictionary(file.readAll());
    }();
    return instance;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers for one car.

// Model year relative to today: -1 is next year's model, 0 this year's. Mostly the last 10 years.
struct AgeWeight
{
    int age;
    double weight;
};
constexpr AgeWeight kAgeWeights[] = {{-1, 4},   {0, 16},   {1, 14},   {2, 12},   {3, 12},   {4, 10},  {5, 8},
                                     {6, 6},    {7, 5},    {8, 4},    {9, 3},    {10, 2},   {11, 1},  {12, 0.8},
                                     {13, 0.6}, {14, 0.5}, {15, 0.4}, {16, 0.3}, {18, 0.2}, {20, 0.2}};

int pickAge(Random &random, bool nextModelYearOnSale)
{
    static const Weights weights = [] {
        Weights result;
        for (const AgeWeight &entry : kAgeWeights)
            result.add(entry.weight);
        return result;
    }();
    const int age = kAgeWeights[weights.pick(random)].age;
    return age < 0 && !nextModelYearOnSale ? 0 : age;
}

// Trims: the entry and the middle trims sell best, the top trim least.
int pickTrim(Random &random, qsizetype count)
{
    Weights weights;
    for (qsizetype i = 0; i < count; ++i)
        weights.add(i == 0 ? 3.0 : (i == count - 1 && count > 2 ? 1.5 : 3.5));
    return weights.pick(random);
}

// Price premium over the cheapest drivetrain of a model that comes with several.
double fuelPremium(const QString &fuel)
{
    if (fuel == kDiesel)
        return 1.04;
    if (fuel == kHybrid)
        return 1.05;
    if (fuel == kPlugInHybrid)
        return 1.12;
    if (fuel == kElectric)
        return 1.18;
    if (fuel == kLpg)
        return 1.03;
    if (fuel == kCng)
        return 1.04;
    return 1.0;
}

// Yearly distance relative to an average car: diesels and gas cars are bought to drive far.
double mileageFactor(const QString &fuel)
{
    if (fuel == kDiesel)
        return 1.35;
    if (fuel == kLpg || fuel == kCng)
        return 1.25;
    if (fuel == kElectric)
        return 0.85;
    return 1.0;
}

// Dealers price in round numbers: 7,490 or 7,500, 18,900 or 18,890 (in cents).
qint64 dealerPriceCents(double euros, Random &random)
{
    qint64 rounded = std::llround(euros / 100.0) * 100;
    if (rounded >= 1000 && random.chance(rounded < 10000 ? 0.5 : 0.35))
        rounded -= 10;
    return std::max<qint64>(rounded, 0) * 100;
}

// A distinct (plant, serial) for every index below MaxUniqueVins: an affine bijection modulo
// 33 plant codes x 1,000,000 serials spreads consecutive indexes over all plants.
constexpr quint64 kSerials = 1'000'000;
constexpr quint64 kVinSpace = static_cast<quint64>(DemoDataGenerator::MaxUniqueVins);
constexpr quint64 kVinMultiplier = 19'260'817;
static_assert(kVinSpace == 33 * kSerials);
static_assert(std::gcd(kVinMultiplier, kVinSpace) == 1, "the multiplier must make the mapping a bijection");
constexpr char16_t kPlantCodes[] = u"0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
static_assert(std::size(kPlantCodes) - 1 == 33);

QChar modelYearCode(int year)
{
    const QChar code = Vin::modelYearCodeFor(year);
    if (!code.isNull())
        return code;
    // Outside 1980-2039 the 30-year cycle simply continues.
    static constexpr char16_t codes[] = u"ABCDEFGHJKLMNPRSTVWXY123456789";
    return QChar(codes[((year - 1980) % 30 + 30) % 30]);
}

QString makeVin(const QString &wmi, const QString &descriptor, int modelYear, quint64 slot)
{
    QString vin;
    vin.reserve(Vin::Length);
    vin += wmi;
    vin += descriptor;
    // 49 CFR 565: position 7 tells which 30-year cycle position 10 means (a digit: 1980-2009, a letter:
    // 2010-2039). The demo VINs carry a valid check digit, so a decoder reads them by that rule.
    const QChar seventh = vin.at(6);
    if (modelYear >= 2010 && seventh.isDigit())
        vin[6] = QLatin1Char("ABCDEFGHJK"[seventh.digitValue()]);
    else if (modelYear < 2010 && !seventh.isDigit())
        vin[6] = QLatin1Char(char('0' + (seventh.unicode() - u'A') % 10));
    vin += QLatin1Char('0'); // check digit, below
    vin += modelYearCode(modelYear);
    vin += QChar(kPlantCodes[slot / kSerials]);
    vin += QStringLiteral("%1").arg(slot % kSerials, 6, 10, QLatin1Char('0'));
    vin[Vin::CheckDigitPosition - 1] = Vin::checkDigitFor(vin);
    return vin;
}

} // namespace

DemoDataGenerator::DemoDataGenerator(quint64 seed, QDate today)
    : m_seed(seed)
    , m_today(today.isValid() ? today : QDate::currentDate())
    , m_vinOffset(mix64(seed ^ 0x5DEECE66DULL) % kVinSpace)
{
    dictionary(); // load (and check) it now rather than on the first car
}

QList<DemoBranch> DemoDataGenerator::branches() const
{
    return dictionary().branches;
}

void DemoDataGenerator::sell(DemoCar &car, qint64 index) const
{
    static const QStringList salespeople = {QStringLiteral("Mara Keller"), QStringLiteral("Jonas Weber"),
                                            QStringLiteral("Selin Kaya"),  QStringLiteral("Tomasz Nowak"),
                                            QStringLiteral("Lena Brandt"), QStringLiteral("Paolo Costa"),
                                            QStringLiteral("Ida Larsen"),  QStringLiteral("Henrik Olsen")};
    Random random(mix64(m_seed ^ 0xA24BAED4963EE407ULL) ^ mix64(static_cast<quint64>(index) + 0x9FB21C651E98DF25ULL));
    // Two years of sales; most cars sell within 30 to 60 days of arriving, some sooner, a tail after 90.
    const double draw = random.uniform();
    const qint64 daysToSell = draw < 0.12   ? random.between(5, 29)
                              : draw < 0.80 ? random.between(30, 60)
                              : draw < 0.91 ? random.between(61, 90)
                                            : random.between(91, 240);
    car.soldOn = m_today.addDays(-random.between(0, SalesDays - 1));
    car.acquiredOn = car.soldOn.addDays(-daysToSell);
    car.listedOn = car.acquiredOn.addDays(random.between(0, std::min<qint64>(7, daysToSell)));
    // The longer a car stands, the more it is discounted: the gross falls with age.
    const double discount =
        0.01 + 0.0004 * static_cast<double>(daysToSell) + (daysToSell > 90 ? 0.03 : 0.0) + random.uniform(0.0, 0.03);
    const qint64 listCents = Money::fromDecimal(car.listPrice).value_or(Money()).cents();
    const qint64 priceCents = std::llround(static_cast<double>(listCents) * (1.0 - discount) / 1000.0) * 1000;
    car.salePrice = Money::fromCents(std::max<qint64>(priceCents, 0)).toDecimal();
    car.salesperson = salespeople.at(car.branchIndex * 2 % salespeople.size() + random.between(0, 1));
}

DemoCar DemoDataGenerator::car(qint64 index) const
{
    Q_ASSERT(index >= 0);
    const Dictionary &dict = dictionary();
    Random random(mix64(m_seed + 0x9E3779B97F4A7C15ULL) ^ mix64(static_cast<quint64>(index) + 0x632BE59BD9B4E019ULL));
    DemoCar car;
    const int thisYear = m_today.year();

    // What it is.
    const MakeSpec &make = dict.makes.at(static_cast<size_t>(dict.makeWeights.pick(random)));
    const ModelSpec &model = make.models.at(static_cast<size_t>(make.modelWeights.pick(random)));
    car.make = make.name;
    car.model = model.name;
    car.bodyType = model.body;

    const int latestYear = thisYear + (m_today.month() >= 7 ? 1 : 0); // next year's models arrive in summer
    const int lastBuilt = model.lastYear > 0 ? std::min(model.lastYear, latestYear) : latestYear;
    const int firstBuilt = std::min(model.firstYear, lastBuilt);
    car.modelYear = std::clamp(thisYear - pickAge(random, latestYear > thisYear), firstBuilt, lastBuilt);
    car.modelYear = std::clamp(car.modelYear, 1900, thisYear + 1);
    const int age = thisYear - car.modelYear;

    const int trim = pickTrim(random, model.trims.size());
    car.trimLevel = model.trims.at(trim);
    const double trimLevel =
        model.trims.size() > 1 ? static_cast<double>(trim) / static_cast<double>(model.trims.size() - 1) : 0.5;

    car.fuelType = model.fuels.at(model.fuelWeights.pick(random));
    const bool alwaysAutomatic = car.fuelType == kElectric || car.fuelType == kHybrid || car.fuelType == kPlugInHybrid;
    const double automaticShare =
        std::clamp(model.automaticShare + 0.3 * (trimLevel - 0.5) - 0.015 * std::max(age, 0), 0.0, 1.0);
    const bool gas = car.fuelType == kLpg || car.fuelType == kCng; // conversions are nearly always manual
    const bool automatic = alwaysAutomatic || random.chance(gas ? automaticShare / 4.0 : automaticShare);
    car.transmission = automatic ? kAutomatic : kManual;
    car.drive = model.drives.at(model.driveWeights.pick(random));
    car.seats = random.pick(model.seats);
    car.doors = random.pick(model.doors);
    car.colour = dict.colours.at(dict.colourWeights.pick(random));

    // Higher trims have more power and cost more.
    const double level = std::clamp(0.1 + 0.8 * trimLevel + random.uniform(-0.15, 0.15), 0.0, 1.0);
    car.powerKw = static_cast<int>(std::lround(model.powerMin + (model.powerMax - model.powerMin) * level));
    const double priceLevel = std::clamp(level + random.uniform(-0.08, 0.08), 0.0, 1.0);
    double newPrice = model.priceMin + (model.priceMax - model.priceMin) * priceLevel;
    if (model.fuels.size() > 1)
        newPrice *= fuelPremium(car.fuelType);
    if (automatic && !alwaysAutomatic && model.automaticShare < 1.0)
        newPrice += 2000.0;
    newPrice *= std::pow(0.975, std::max(age, 0)); // list prices were lower in earlier years

    // Condition and mileage.
    const double yearsOnRoad = std::max(0.1, age + m_today.dayOfYear() / 365.25 - 0.4);
    const bool stillBuilt = model.lastYear == 0 || model.lastYear >= thisYear;
    if (age <= 0 && stillBuilt) {
        const double draw = random.uniform();
        if (draw < 0.68) {
            car.condition = kNew;
            car.mileageKm = static_cast<int>(random.between(5, 50));
        } else if (draw < 0.86) {
            car.condition = kDemo;
            car.mileageKm = static_cast<int>(random.between(300, 8000));
        } else {
            car.condition = kUsed;
            car.mileageKm = static_cast<int>(random.between(1000, 15000));
        }
    } else if (age == 1 && random.chance(0.12)) {
        car.condition = kDemo;
        car.mileageKm = static_cast<int>(random.between(2000, 15000));
    } else {
        car.condition = kUsed;
        const double yearly =
            (7000.0 + 20000.0 * (random.uniform() + random.uniform()) / 2.0) * mileageFactor(car.fuelType);
        car.mileageKm = static_cast<int>(std::max(500.0, std::round(yearsOnRoad * yearly)));
        if (age <= 6 && car.mileageKm < 120000 && random.chance(0.25))
            car.condition = kCertified;
    }

    // Price: new at list, demo cars discounted, used cars depreciated by age and distance.
    double value = newPrice;
    if (car.condition == kDemo) {
        value = newPrice * random.uniform(0.80, 0.90);
    } else if (car.condition != kNew) {
        const double yearly = 0.88 + make.retention;
        const double byAge = yearsOnRoad < 1.0 ? 1.0 - (0.22 - make.retention) * yearsOnRoad
                                               : (0.78 + make.retention) * std::pow(yearly, yearsOnRoad - 1.0);
        const double expectedKm = 15000.0 * std::max(yearsOnRoad, 0.5);
        const double byDistance = std::clamp(1.0 - 0.3 * (car.mileageKm - expectedKm) / 100000.0, 0.65, 1.12);
        value = newPrice * byAge * byDistance * random.uniform(0.95, 1.05);
        if (car.condition == kCertified)
            value *= 1.04;
        value = std::max(value, 1200.0);
    }
    const qint64 listCents =
        car.condition == kNew ? std::llround(value / 10.0) * 1000 : dealerPriceCents(value, random);
    const double margin = car.condition == kNew ? random.uniform(0.84, 0.92) : random.uniform(0.75, 0.90);
    qint64 costCents = std::llround(listCents * margin);
    if (car.condition != kNew)
        costCents = costCents / 1000 * 1000; // trade-ins are bought in round euros
    car.listPrice = Money::fromCents(listCents).toDecimal();
    car.cost = Money::fromCents(std::min(costCents, listCents)).toDecimal();

    // Where it is in its life at the dealership.
    static const QStringList statuses = {kAvailable, kReserved, kRented, kSold, kInService, kRetired};
    static constexpr std::array<double, 6> kStatusWeights = {60.0, 9.0, 8.0, 14.0, 6.0, 3.0};
    static const Weights statusWeights = [] {
        Weights result;
        for (const double weight : kStatusWeights)
            result.add(weight);
        return result;
    }();
    car.status = statuses.at(statusWeights.pick(random));
    const bool rentalCandidate = index % 3 == 0 && index < RentalFleetSpan;
    if (index < SalesHistorySpan && !rentalCandidate && car.status != kSold) {
        // From a stream of its own, so that the car's other values stay as they were.
        Random history(mix64(m_seed ^ 0x5851F42D4C957F2DULL) ^
                       mix64(static_cast<quint64>(index) + 0x14057B7EF767814FULL));
        const double soldShare =
            kStatusWeights[3] / std::accumulate(kStatusWeights.begin(), kStatusWeights.end(), 0.0); // kSold's
        if (history.chance((SalesHistoryShare - soldShare) / (1.0 - soldShare)))
            car.status = kSold;
    }
    if (car.condition == kNew && (car.status == kRented || car.status == kRetired))
        car.status = kAvailable;
    if (car.status == kRetired && car.condition == kCertified)
        car.condition = kUsed;
    car.branchIndex = dict.branchWeights.pick(random);

    // Acquired within the last 18 months (new stock more recently), listed within three weeks, and
    // sold within four months of listing. Unsold stock skews recent.
    const qint64 maxDaysBack = age <= 0 ? 240 : 547;
    double draw = random.uniform();
    if (car.status != kSold)
        draw = std::pow(draw, 1.5);
    const qint64 daysBack = std::llround(draw * maxDaysBack);
    car.acquiredOn = m_today.addDays(-daysBack);
    car.listedOn = car.acquiredOn.addDays(random.between(0, std::min<qint64>(21, daysBack)));
    // The rental fleet; a car out on rent belongs to it.
    car.forRent = rentalCandidate && car.status != kSold && car.status != kRetired;
    if (car.status == kRented && !car.forRent)
        car.status = kAvailable;
    if (car.status == kSold)
        sell(car, index);

    // Equipment: more on higher trims and dearer models.
    const double premium =
        std::clamp(0.4 * trimLevel + 0.6 * (newPrice - 15000.0) / 65000.0 + random.uniform(-0.1, 0.1), 0.0, 1.0);
    for (const FeatureSpec &feature : dict.features) {
        if (car.modelYear < feature.fromYear)
            continue;
        if (!feature.fuels.isEmpty() && !feature.fuels.contains(car.fuelType))
            continue;
        if (!feature.bodies.isEmpty() && !feature.bodies.contains(car.bodyType))
            continue;
        if (random.chance(feature.rate + (feature.maxRate - feature.rate) * premium))
            car.features << feature.name;
    }

    // Notes: about the status first, then the condition, else now and then a general remark.
    const auto note = [&](const QString &key, double probability) {
        const QStringList candidates = dict.notes.value(key);
        if (car.notes.isEmpty() && !candidates.isEmpty() && random.chance(probability))
            car.notes = random.pick(candidates);
    };
    note(car.status, 0.6);
    note(car.condition, 0.5);
    note(kGeneral, 0.3);

    // Identity.
    car.stockNumber = QLatin1Char('A') + QString::number(100000 + index);
    const quint64 slot = (static_cast<quint64>(index) % kVinSpace * kVinMultiplier + m_vinOffset) % kVinSpace;
    car.vin = makeVin(random.pick(model.wmis), random.pick(model.descriptors), car.modelYear, slot);
    return car;
}

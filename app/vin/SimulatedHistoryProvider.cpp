#include "SimulatedHistoryProvider.h"

#include "domain/VinDecoder.h"

#include <QStringBuilder>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <random>

namespace {

// FNV-1a over the VIN's UTF-16 code units: the same seed on every run and platform (qHash is seeded per
// process and may change between Qt versions).
quint32 seedOf(const QString &vin)
{
    quint32 hash = 2166136261u;
    for (const QChar character : vin) {
        const char16_t unit = character.unicode();
        hash = (hash ^ quint32(unit & 0xff)) * 16777619u;
        hash = (hash ^ quint32(unit >> 8)) * 16777619u;
    }
    return hash;
}

// Random choices from a std::mt19937, whose output the standard fixes. The standard's distributions are
// not used: their results differ between standard libraries.
class Dice
{
public:
    explicit Dice(quint32 seed)
        : m_engine(seed)
    {}

    quint32 next() { return quint32(m_engine()); }
    double unit() { return next() / 4294967296.0; } // [0, 1)
    bool chance(double probability) { return unit() < probability; }
    // low..high, both included.
    int between(int low, int high)
    {
        if (high <= low)
            return low;
        return int(low + qint64(next() % quint32(qint64(high) - low + 1)));
    }
    QDate dateBetween(QDate from, QDate to)
    {
        return from.addDays(between(0, int(std::max<qint64>(from.daysTo(to), 0))));
    }
    // An index into `weights`, each index as likely as its weight.
    int weighted(std::initializer_list<int> weights)
    {
        int total = 0;
        for (const int weight : weights)
            total += weight;
        int roll = between(0, total - 1);
        int index = 0;
        for (const int weight : weights) {
            if (roll < weight)
                return index;
            roll -= weight;
            ++index;
        }
        return 0;
    }
    template <typename T, std::size_t N> const T &pick(const std::array<T, N> &items)
    {
        return items[std::size_t(between(0, int(N) - 1))];
    }

private:
    std::mt19937 m_engine;
};

// Regions are place names, not translated.
constexpr std::array<const char *, 20> kNorthAmericanRegions = {
    "California",   "Texas",   "Florida",  "New York", "Illinois",         "Ohio",     "Georgia",
    "Michigan",     "Arizona", "Colorado", "Oregon",   "Washington",       "Virginia", "North Carolina",
    "Pennsylvania", "Ontario", "Quebec",   "Alberta",  "British Columbia", "Nevada"};
constexpr std::array<const char *, 16> kEuropeanRegions = {
    "Bavaria, Germany",      "Hesse, Germany",   "North Rhine-Westphalia, Germany",
    "Île-de-France, France", "Normandy, France", "North Holland, Netherlands",
    "Flanders, Belgium",     "Vienna, Austria",  "Zurich, Switzerland",
    "Lombardy, Italy",       "Catalonia, Spain", "Stockholm, Sweden",
    "Copenhagen, Denmark",   "Masovia, Poland",  "Greater London, United Kingdom",
    "Leinster, Ireland"};

// Shops are business names, not translated.
constexpr std::array<const char *, 12> kShops = {
    "Main Street Auto Care",  "QuickLube Express",    "Riverside Motor Works",    "Precision Auto Service",
    "Hillside Garage",        "City Tire & Service",  "Northgate Car Clinic",     "Green Valley Motors",
    "AutoPro Service Center", "Lakeside Auto Repair", "Downtown Service Station", "Mile Marker Mechanics"};

constexpr std::array<const char *, 8> kAreas = {"front",      "rear",        "left side", "right side",
                                                "front left", "front right", "rear left", "rear right"};

constexpr std::array<const char *, 5> kIncidents = {
    QT_TRANSLATE_NOOP("SimulatedHistoryProvider", "Collision with another vehicle."),
    QT_TRANSLATE_NOOP("SimulatedHistoryProvider", "Collision with a fixed object."),
    QT_TRANSLATE_NOOP("SimulatedHistoryProvider", "Struck by another vehicle while parked."),
    QT_TRANSLATE_NOOP("SimulatedHistoryProvider", "Rear-ended while stopped in traffic."),
    QT_TRANSLATE_NOOP("SimulatedHistoryProvider", "Collision with a deer."),
};

struct RecallText
{
    const char *component;
    const char *summary;
};
constexpr std::array<RecallText, 8> kRecalls = {
    RecallText{QT_TRANSLATE_NOOP("SimulatedHistoryProvider", "Air bags"),
               QT_TRANSLATE_NOOP("SimulatedHistoryProvider",
                                 "The passenger air bag inflator may rupture when the air bag deploys.")},
    RecallText{
        QT_TRANSLATE_NOOP("SimulatedHistoryProvider", "Fuel system"),
        QT_TRANSLATE_NOOP("SimulatedHistoryProvider", "The fuel pump may fail, stalling the engine while driving.")},
    RecallText{QT_TRANSLATE_NOOP("SimulatedHistoryProvider", "Electrical system"),
               QT_TRANSLATE_NOOP("SimulatedHistoryProvider",
                                 "A wiring harness may chafe and short circuit, increasing the risk of a fire.")},
    RecallText{QT_TRANSLATE_NOOP("SimulatedHistoryProvider", "Steering"),
               QT_TRANSLATE_NOOP("SimulatedHistoryProvider", "The power steering assist may be lost suddenly.")},
    RecallText{QT_TRANSLATE_NOOP("SimulatedHistoryProvider", "Service brakes"),
               QT_TRANSLATE_NOOP("SimulatedHistoryProvider",
                                 "A brake hose may leak fluid, increasing the stopping distance.")},
    RecallText{
        QT_TRANSLATE_NOOP("SimulatedHistoryProvider", "Seat belts"),
        QT_TRANSLATE_NOOP("SimulatedHistoryProvider", "The front seat belt pretensioner may not work in a crash.")},
    RecallText{QT_TRANSLATE_NOOP("SimulatedHistoryProvider", "Power train"),
               QT_TRANSLATE_NOOP("SimulatedHistoryProvider", "The transmission may not hold the vehicle in park.")},
    RecallText{QT_TRANSLATE_NOOP("SimulatedHistoryProvider", "Back-up camera"),
               QT_TRANSLATE_NOOP("SimulatedHistoryProvider", "The rear camera image may not appear when reversing.")},
};

QString trNoop(const char *text)
{
    return QCoreApplication::translate("SimulatedHistoryProvider", text);
}

// The model year the history starts in.
int modelYearOf(const VinDecoding &decoding, QDate today)
{
    if (decoding.modelYear)
        return *decoding.modelYear;
    for (auto year = decoding.modelYearCandidates.crbegin(); year != decoding.modelYearCandidates.crend(); ++year) {
        if (*year <= today.year() + 1)
            return *year;
    }
    return 2015;
}

// The true odometer between the reading points: linear between them, flat outside.
struct TrueOdometer
{
    QList<QDate> dates;
    QList<qint64> km;

    qint64 at(QDate date) const
    {
        if (dates.isEmpty())
            return 0;
        if (date <= dates.constFirst())
            return km.constFirst();
        for (qsizetype i = 1; i < dates.size(); ++i) {
            if (date <= dates.at(i)) {
                const qint64 days = dates.at(i - 1).daysTo(dates.at(i));
                if (days <= 0)
                    return km.at(i);
                const qint64 into = dates.at(i - 1).daysTo(date);
                return km.at(i - 1) + (km.at(i) - km.at(i - 1)) * into / days;
            }
        }
        return km.constLast();
    }
};

} // namespace

SimulatedHistoryProvider::SimulatedHistoryProvider(QDate today)
    : m_today(today)
{}

QString SimulatedHistoryProvider::name() const
{
    return tr("Simulated history (sample data)");
}

Result<VinHistory> SimulatedHistoryProvider::history(const VinDecoding &decoding)
{
    if (!decoding.valid) {
        const QString shown = decoding.vin.isEmpty() ? decoding.input : decoding.vin;
        return std::unexpected(
            Error(Error::Code::InvalidInput,
                  tr("“%1” is not a valid VIN, so no history can be made up for it. Correct the VIN and ask again.")
                      .arg(shown),
                  decoding.errors.join(QLatin1Char(' '))));
    }

    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    Dice dice(seedOf(decoding.vin));

    VinHistory history;
    history.provider = name();
    history.simulated = true;
    history.fetchedAt = QDateTime::currentDateTimeUtc();

    // First registration: in the model year, never after today.
    const int registrationYear = std::min(modelYearOf(decoding, today), today.year());
    const QDate firstRegistration =
        dice.dateBetween(QDate(registrationYear, 1, 1), std::min(QDate(registrationYear, 12, 31), today));
    const qint64 spanDays = firstRegistration.daysTo(today);

    const auto regionPick = [&]() -> QString {
        if (decoding.northAmerican)
            return QString::fromUtf8(dice.pick(kNorthAmericanRegions));
        return QString::fromUtf8(dice.pick(kEuropeanRegions));
    };

    // Owners: more for an older car, each for at least half a year.
    int ownerCount = dice.between(1, std::clamp(1 + int(spanDays / (365 * 3)), 1, 5));
    while (ownerCount > 1 && spanDays < qint64(ownerCount) * 180)
        --ownerCount;
    {
        QList<double> weights;
        double total = 0;
        for (int i = 0; i < ownerCount; ++i) {
            weights.append(0.5 + dice.unit());
            total += weights.constLast();
        }
        double cumulative = 0;
        QDate from = firstRegistration;
        for (int i = 0; i < ownerCount; ++i) {
            VinHistory::Owner owner;
            owner.number = i + 1;
            owner.from = from;
            cumulative += weights.at(i);
            if (i + 1 < ownerCount) {
                owner.to =
                    std::max(firstRegistration.addDays(qint64(double(spanDays) * cumulative / total)), from.addDays(1));
                from = owner.to;
            }
            static constexpr std::array<const char *, 5> kTypes = {"personal", "lease", "rental", "fleet",
                                                                   "commercial"};
            owner.type = QString::fromUtf8(
                kTypes[std::size_t(i == 0 ? dice.weighted({55, 20, 12, 8, 5}) : dice.weighted({80, 8, 0, 6, 6}))]);
            owner.region = (i == 0 || dice.chance(0.3)) ? regionPick() : history.owners.constLast().region;
            history.owners.append(owner);
        }
    }
    const auto ownerAt = [&](QDate date) -> const VinHistory::Owner & {
        for (const VinHistory::Owner &owner : history.owners) {
            if (owner.to.isNull() || date < owner.to)
                return owner;
        }
        return history.owners.constLast();
    };
    QList<int> yearlyKm; // by owner
    for (const VinHistory::Owner &owner : history.owners) {
        const bool hard = owner.type == QLatin1String("rental") || owner.type == QLatin1String("fleet");
        yearlyKm.append(hard ? dice.between(18000, 25000) : dice.between(8000, 22000));
    }

    // Odometer readings: at the first registration, about once a year, and at every sale.
    struct Point
    {
        QDate date;
        QString source;
    };
    QList<Point> points{{firstRegistration, QStringLiteral("title")}};
    for (int year = 1;; ++year) {
        const QDate date = firstRegistration.addYears(year).addDays(dice.between(-20, 20));
        if (date > today)
            break;
        points.append({date, QStringLiteral("inspection")});
    }
    for (qsizetype i = 1; i < history.owners.size(); ++i)
        points.append({history.owners.at(i).from, QStringLiteral("sale")});
    std::stable_sort(points.begin(), points.end(), [](const Point &a, const Point &b) { return a.date < b.date; });
    // One reading a fortnight at most; a sale wins over an inspection.
    QList<Point> kept;
    for (const Point &point : std::as_const(points)) {
        if (!kept.isEmpty() && kept.constLast().date.daysTo(point.date) < 14) {
            if (point.source == QLatin1String("sale"))
                kept.last() = point;
            continue;
        }
        kept.append(point);
    }
    points = kept;

    TrueOdometer odometer;
    qint64 km = dice.between(5, 60);
    for (const Point &point : std::as_const(points)) {
        if (!odometer.dates.isEmpty()) {
            const QDate previous = odometer.dates.constLast();
            const qsizetype owner = &ownerAt(previous) - history.owners.constData();
            km += qint64(double(yearlyKm.at(owner)) * double(previous.daysTo(point.date)) / 365.25 *
                         (0.85 + 0.3 * dice.unit()));
        }
        odometer.dates.append(point.date);
        odometer.km.append(km);
    }
    if (odometer.dates.constLast() < today) {
        const qint64 days = odometer.dates.constLast().daysTo(today);
        odometer.dates.append(today);
        odometer.km.append(km + qint64(double(yearlyKm.constLast()) * double(days) / 365.25));
    }

    // About 4 %: the odometer turned back before a reading, clearly below an earlier one.
    QDate rollbackFrom;
    qint64 rollbackKm = 0;
    if (dice.chance(0.04)) {
        QList<qsizetype> candidates;
        for (qsizetype k = 2; k < points.size(); ++k) {
            if (odometer.km.at(k - 1) >= 30000)
                candidates.append(k);
        }
        if (!candidates.isEmpty()) {
            const qsizetype k = candidates.at(dice.between(0, int(candidates.size()) - 1));
            const qint64 gap = odometer.km.at(k) - odometer.km.at(k - 1);
            const qint64 cut = gap + dice.between(15000, std::max(15000, int(odometer.km.at(k - 1) / 2)));
            rollbackKm = std::min(cut, odometer.km.at(k) - 1000);
            rollbackFrom = points.at(k).date;
        }
    }
    const auto shownKm = [&](QDate date) {
        const qint64 value = odometer.at(date) - (rollbackFrom.isValid() && date >= rollbackFrom ? rollbackKm : 0);
        return int(std::max<qint64>(value, 0));
    };
    for (const Point &point : std::as_const(points))
        history.odometer.append({point.date, shownKm(point.date), point.source});

    // Title and registration: the first title, a transfer at each sale, a registration after a move.
    history.titleEvents.append({firstRegistration,
                                QStringLiteral("title"),
                                history.owners.constFirst().region,
                                {},
                                shownKm(firstRegistration)});
    for (qsizetype i = 1; i < history.owners.size(); ++i) {
        const VinHistory::Owner &owner = history.owners.at(i);
        history.titleEvents.append({owner.from, QStringLiteral("transfer"), owner.region, {}, shownKm(owner.from)});
        if (owner.region != history.owners.at(i - 1).region) {
            const QDate date = std::min(owner.from.addDays(dice.between(5, 40)), today);
            history.titleEvents.append({date, QStringLiteral("registration"), owner.region, {}, -1});
        }
    }

    // About 20 %: an accident, now and then two.
    if (spanDays > 60 && dice.chance(0.2)) {
        const int count = dice.chance(0.2) ? 2 : 1;
        for (int i = 0; i < count; ++i) {
            VinHistory::Accident accident;
            accident.date = dice.dateBetween(firstRegistration.addDays(30), today);
            static constexpr std::array<const char *, 3> kSeverities = {"minor", "moderate", "severe"};
            const int severity = dice.weighted({55, 35, 10});
            accident.severity = QString::fromUtf8(kSeverities[std::size_t(severity)]);
            accident.area = QString::fromUtf8(dice.pick(kAreas));
            accident.airbagsDeployed = severity == 2 ? dice.chance(0.7) : severity == 1 && dice.chance(0.2);
            const QString outcome = severity == 0 ? tr("Minor damage reported; repaired at a body shop.")
                                    : severity == 1
                                        ? tr("Moderate damage reported; the vehicle was towed and repaired.")
                                        : tr("Severe damage reported; the vehicle was towed from the scene.");
            accident.description = trNoop(dice.pick(kIncidents)) % QLatin1Char(' ') % outcome;
            history.accidents.append(accident);
        }
        std::stable_sort(history.accidents.begin(), history.accidents.end(),
                         [](const auto &a, const auto &b) { return a.date < b.date; });
    }

    // About 5 %: a title brand. Salvage after a bad accident (and often rebuilt later), or a flood.
    if (dice.chance(0.05)) {
        const auto bad = std::find_if(history.accidents.cbegin(), history.accidents.cend(),
                                      [](const auto &accident) { return accident.severity != QLatin1String("minor"); });
        const bool flood = bad == history.accidents.cend() && dice.chance(0.5);
        QDate date = bad != history.accidents.cend() ? bad->date.addDays(dice.between(20, 90))
                                                     : dice.dateBetween(firstRegistration.addDays(60), today);
        date = std::min(date, today);
        history.titleEvents.append({date, QStringLiteral("brand"), ownerAt(date).region,
                                    flood ? QStringLiteral("flood") : QStringLiteral("salvage"), shownKm(date)});
        const QDate rebuilt = date.addDays(dice.between(90, 270));
        if (!flood && rebuilt <= today && dice.chance(0.7)) {
            history.titleEvents.append({rebuilt, QStringLiteral("brand"), ownerAt(rebuilt).region,
                                        QStringLiteral("rebuilt"), shownKm(rebuilt)});
        }
    }
    std::stable_sort(history.titleEvents.begin(), history.titleEvents.end(),
                     [](const auto &a, const auto &b) { return a.date < b.date; });

    // About 1 %: reported stolen and not recovered.
    history.stolen = dice.chance(0.01);

    // Services: every ~15,000 km or once a year, whichever comes first; now and then one is skipped.
    {
        const QString dealer = decoding.manufacturer.isEmpty() ? tr("Authorised dealer service")
                                                               : tr("%1 dealer service").arg(decoding.manufacturer);
        QList<QString> shops; // by owner
        for (qsizetype i = 0; i < history.owners.size(); ++i)
            shops.append(dice.chance(i == 0 ? 0.6 : 0.25) ? dealer : QString::fromUtf8(dice.pick(kShops)));
        const int interval = dice.between(13000, 17000);
        QDate last = firstRegistration;
        qint64 lastKm = odometer.at(last);
        qint64 lastBrakesKm = lastKm;
        qint64 lastTyresKm = lastKm;
        bool timingBelt = false;
        int number = 0;
        for (QDate date = firstRegistration.addDays(7); date <= today; date = date.addDays(7)) {
            const qint64 trueKm = odometer.at(date);
            if (trueKm - lastKm < interval && last.daysTo(date) < 365)
                continue;
            last = date;
            lastKm = trueKm;
            if (dice.chance(0.08))
                continue; // skipped
            ++number;
            QString description;
            if (!timingBelt && trueKm > 110000 && dice.chance(0.6)) {
                timingBelt = true;
                description = tr("Timing belt and water pump replaced, oil and filter change.");
            } else if (trueKm - lastBrakesKm > 50000 && dice.chance(0.6)) {
                lastBrakesKm = trueKm;
                description = tr("Front brake pads and discs replaced, oil and filter change.");
            } else if (trueKm - lastTyresKm > 45000 && dice.chance(0.6)) {
                lastTyresKm = trueKm;
                description = tr("Four new tyres fitted, wheel alignment.");
            } else if (firstRegistration.daysTo(date) > 4 * 365 && dice.chance(0.08)) {
                description = tr("Battery tested and replaced.");
            } else if (number % 2 == 0) {
                description =
                    tr("Annual service: oil and filters changed, brake fluid checked, multi-point inspection.");
            } else {
                description = tr("Oil and filter change, tyre rotation.");
            }
            const qsizetype owner = &ownerAt(date) - history.owners.constData();
            history.service.append({date, shownKm(date), description, shops.at(owner)});
        }
    }

    // Recalls: none for most, up to three; recent ones more often still open.
    history.recallsProvided = true;
    {
        const int count = dice.weighted({40, 35, 18, 7});
        QList<int> used;
        for (int i = 0; i < count; ++i) {
            int which = dice.between(0, int(kRecalls.size()) - 1);
            while (used.contains(which))
                which = (which + 1) % int(kRecalls.size());
            used.append(which);
            VinHistory::Recall recall;
            recall.date = dice.dateBetween(firstRegistration, today);
            recall.campaign = QStringLiteral("%1V-%2")
                                  .arg(recall.date.year() % 100, 2, 10, QLatin1Char('0'))
                                  .arg(dice.between(1, 899), 3, 10, QLatin1Char('0'));
            recall.component = trNoop(kRecalls[std::size_t(which)].component);
            recall.summary = trNoop(kRecalls[std::size_t(which)].summary);
            recall.open = dice.chance(recall.date.daysTo(today) > 2 * 365 ? 0.15 : 0.5);
            history.recalls.append(recall);
        }
        std::stable_sort(history.recalls.begin(), history.recalls.end(),
                         [](const auto &a, const auto &b) { return a.date < b.date; });
    }

    return history;
}

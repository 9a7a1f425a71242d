#include "CarVocabulary.h"

#include <QHash>
#include <QRegularExpression>

#include <array>

namespace {

struct TermData
{
    QString key;
    const char *label; // source text, translated in context "CarVocabulary" when shown
    QStringList synonyms;
};

struct KindData
{
    QList<TermData> terms;
    QHash<QString, qsizetype> index; // folded key, English label and synonyms -> term
};

QStringList words(std::initializer_list<const char16_t *> list)
{
    QStringList result;
    result.reserve(static_cast<qsizetype>(list.size()));
    for (const char16_t *word : list)
        result.append(QString::fromUtf16(word));
    return result;
}

// The vocabulary. Keys are exactly the CHECK lists of the cars table (0001_base_schema.sql), in the
// same order. Synonyms are compared folded (see CarVocabulary::fold), so "Plug-in", "plug in" and
// "PLUGIN" need one entry, and "Geländewagen" also matches "Gelaendewagen".
QList<TermData> termsOf(CarVocabulary::Kind kind)
{
    using Kind = CarVocabulary::Kind;
    switch (kind) {
    case Kind::BodyType:
        return {
            {QStringLiteral("sedan"), QT_TRANSLATE_NOOP("CarVocabulary", "Sedan"),
             words({u"saloon", u"Limousine", u"notchback", u"Stufenheck", u"four-door sedan"})},
            {QStringLiteral("hatchback"), QT_TRANSLATE_NOOP("CarVocabulary", "Hatchback"),
             words({u"hatch", u"Schrägheck", u"Fließheck", u"Kombilimousine", u"liftback", u"Kleinwagen", u"small car",
                    u"supermini", u"city car"})},
            {QStringLiteral("estate"), QT_TRANSLATE_NOOP("CarVocabulary", "Estate"),
             words({u"wagon", u"station wagon", u"stationwagon", u"Kombi", u"touring", u"tourer", u"sports tourer",
                    u"Avant", u"Variant", u"T-Modell", u"shooting brake", u"break", u"SW"})},
            {QStringLiteral("suv"), QT_TRANSLATE_NOOP("CarVocabulary", "SUV"),
             words({u"sport utility vehicle", u"sports utility vehicle", u"crossover", u"CUV", u"Geländewagen",
                    u"Gelandewagen", u"off-roader", u"offroad", u"off-road vehicle", u"4x4 SUV",
                    u"Geländewagen/Pickup/SUV"})},
            {QStringLiteral("coupe"), QT_TRANSLATE_NOOP("CarVocabulary", "Coupé"),
             words({u"coupé", u"Sportwagen", u"sports car", u"Sportwagen/Coupé", u"fastback"})},
            {QStringLiteral("convertible"), QT_TRANSLATE_NOOP("CarVocabulary", "Convertible"),
             words({u"cabrio", u"cabriolet", u"roadster", u"spider", u"spyder", u"drophead", u"soft top",
                    u"Cabrio/Roadster"})},
            {QStringLiteral("mpv"), QT_TRANSLATE_NOOP("CarVocabulary", "MPV"),
             words({u"minivan", u"mini van", u"multi-purpose vehicle", u"people carrier", u"people mover",
                    u"Großraumlimousine", u"Großraumvan", u"Kompaktvan", u"Van/Kleinbus"})},
            {QStringLiteral("pickup"), QT_TRANSLATE_NOOP("CarVocabulary", "Pickup"),
             words({u"pick-up", u"pickup truck", u"pick-up truck", u"truck", u"ute", u"Pritsche"})},
            {QStringLiteral("van"), QT_TRANSLATE_NOOP("CarVocabulary", "Van"),
             words({u"panel van", u"Transporter", u"Kastenwagen", u"Lieferwagen", u"Kleinbus", u"minibus",
                    u"Kleintransporter", u"LCV", u"light commercial vehicle"})},
            {QStringLiteral("other"), QT_TRANSLATE_NOOP("CarVocabulary", "Other"),
             words({u"Andere", u"Sonstige", u"Sonstiges", u"misc"})},
        };
    case Kind::FuelType:
        return {
            {QStringLiteral("petrol"), QT_TRANSLATE_NOOP("CarVocabulary", "Petrol"),
             words({u"gasoline", u"gas", u"Benzin", u"Benziner", u"unleaded", u"Super", u"Super Plus", u"Super E10",
                    u"E10", u"E5", u"Normalbenzin", u"Ottokraftstoff"})},
            {QStringLiteral("diesel"), QT_TRANSLATE_NOOP("CarVocabulary", "Diesel"),
             words({u"Dieselkraftstoff", u"Selbstzünder", u"gasoil", u"DERV"})},
            {QStringLiteral("hybrid"), QT_TRANSLATE_NOOP("CarVocabulary", "Hybrid"),
             words({u"HEV", u"full hybrid", u"Vollhybrid", u"mild hybrid", u"Mildhybrid", u"MHEV",
                    u"self-charging hybrid", u"petrol hybrid", u"diesel hybrid", u"Benzin/Elektro", u"Diesel/Elektro",
                    u"Hybrid (Benzin/Elektro)", u"Hybrid (Diesel/Elektro)", u"petrol/electric", u"diesel/electric",
                    u"hybrid electric"})},
            {QStringLiteral("plug_in_hybrid"), QT_TRANSLATE_NOOP("CarVocabulary", "Plug-in hybrid"),
             words({u"PHEV", u"plug-in", u"plugin", u"plug-in hybrid electric", u"Plug-in-Hybrid (Benzin/Elektro)",
                    u"Plug-in-Hybrid (Diesel/Elektro)", u"Steckdosenhybrid"})},
            {QStringLiteral("electric"), QT_TRANSLATE_NOOP("CarVocabulary", "Electric"),
             words({u"EV", u"BEV", u"Elektro", u"elektrisch", u"battery electric", u"electricity", u"Strom", u"E-Auto",
                    u"Elektroauto", u"Elektrofahrzeug"})},
            {QStringLiteral("lpg"), QT_TRANSLATE_NOOP("CarVocabulary", "LPG"),
             words({u"Autogas", u"liquefied petroleum gas", u"Flüssiggas", u"GPL", u"propane", u"Benzin/LPG",
                    u"Autogas (LPG)"})},
            {QStringLiteral("cng"), QT_TRANSLATE_NOOP("CarVocabulary", "CNG"),
             words({u"Erdgas", u"natural gas", u"compressed natural gas", u"Methan", u"metano", u"Bio-CNG",
                    u"Benzin/CNG", u"Erdgas (CNG)"})},
            {QStringLiteral("hydrogen"), QT_TRANSLATE_NOOP("CarVocabulary", "Hydrogen"),
             words({u"H2", u"FCEV", u"fuel cell", u"fuel cell electric", u"Wasserstoff", u"Brennstoffzelle"})},
        };
    case Kind::Transmission:
        return {
            {QStringLiteral("manual"), QT_TRANSLATE_NOOP("CarVocabulary", "Manual"),
             words({u"M", u"MT", u"stick", u"stick shift", u"stickshift", u"Schaltgetriebe", u"Schalter",
                    u"Handschaltung", u"Handschalter", u"manuell", u"manual gearbox", u"manual transmission"})},
            {QStringLiteral("automatic"), QT_TRANSLATE_NOOP("CarVocabulary", "Automatic"),
             words({u"A",
                    u"auto",
                    u"AT",
                    u"Automatik",
                    u"Automatikgetriebe",
                    u"automatic gearbox",
                    u"automatic transmission",
                    u"DSG",
                    u"CVT",
                    u"e-CVT",
                    u"DCT",
                    u"dual clutch",
                    u"Doppelkupplung",
                    u"Doppelkupplungsgetriebe",
                    u"PDK",
                    u"S tronic",
                    u"tiptronic",
                    u"Steptronic",
                    u"AMT",
                    u"automated manual",
                    u"semi-automatic",
                    u"Halbautomatik"})},
        };
    case Kind::Drive:
        return {
            {QStringLiteral("fwd"), QT_TRANSLATE_NOOP("CarVocabulary", "Front-wheel drive"),
             words({u"front", u"front wheel", u"front-wheel", u"Frontantrieb", u"Vorderradantrieb", u"FF"})},
            {QStringLiteral("rwd"), QT_TRANSLATE_NOOP("CarVocabulary", "Rear-wheel drive"),
             words({u"rear", u"rear wheel", u"rear-wheel", u"Heckantrieb", u"Hinterradantrieb", u"FR"})},
            {QStringLiteral("awd"), QT_TRANSLATE_NOOP("CarVocabulary", "All-wheel drive"),
             words({u"all wheel", u"all-wheel", u"Allrad", u"Allradantrieb", u"quattro", u"xDrive", u"4MATIC",
                    u"4MOTION", u"ALL4", u"Q4", u"symmetrical AWD"})},
            {QStringLiteral("4wd"), QT_TRANSLATE_NOOP("CarVocabulary", "Four-wheel drive"),
             words({u"4x4", u"four wheel", u"four-wheel", u"4 wheel drive", u"Vierradantrieb"})},
        };
    case Kind::Condition:
        return {
            {QStringLiteral("new"), QT_TRANSLATE_NOOP("CarVocabulary", "New"),
             // "N" and "U": the values of the "New/Used" column of dealer management exports.
             words({u"N", u"Neu", u"Neuwagen", u"Neufahrzeug", u"brand new"})},
            {QStringLiteral("used"), QT_TRANSLATE_NOOP("CarVocabulary", "Used"),
             words({u"U", u"gebraucht", u"Gebrauchtwagen", u"Gebrauchtfahrzeug", u"pre-owned", u"preowned",
                    u"second hand", u"second-hand", u"Jahreswagen", u"occasion"})},
            {QStringLiteral("demo"), QT_TRANSLATE_NOOP("CarVocabulary", "Demo"),
             words({u"demonstrator", u"ex-demo", u"demo car", u"Vorführwagen", u"Vorführfahrzeug", u"Vorführer",
                    u"pre-registered", u"Tageszulassung"})},
            {QStringLiteral("certified"), QT_TRANSLATE_NOOP("CarVocabulary", "Certified pre-owned"),
             words({u"CPO", u"certified", u"certified used", u"approved used", u"approved",
                    u"zertifizierter Gebrauchtwagen", u"zertifiziert"})},
        };
    case Kind::Status:
        return {
            {QStringLiteral("available"), QT_TRANSLATE_NOOP("CarVocabulary", "Available"),
             words({u"in stock", u"for sale", u"on sale", u"verfügbar", u"auf Lager", u"Bestand", u"free", u"frei"})},
            {QStringLiteral("reserved"), QT_TRANSLATE_NOOP("CarVocabulary", "Reserved"),
             words({u"reserviert", u"on hold", u"hold", u"deposit taken", u"angezahlt"})},
            {QStringLiteral("rented"), QT_TRANSLATE_NOOP("CarVocabulary", "Rented"),
             words({u"on rent", u"out on rent", u"rented out", u"on hire", u"hired", u"vermietet"})},
            {QStringLiteral("sold"), QT_TRANSLATE_NOOP("CarVocabulary", "Sold"), words({u"verkauft"})},
            {QStringLiteral("in_service"), QT_TRANSLATE_NOOP("CarVocabulary", "In service"),
             words({u"workshop", u"service", u"in workshop", u"in repair", u"repair", u"maintenance", u"Werkstatt",
                    u"in Werkstatt", u"Wartung", u"Reparatur", u"in Reparatur"})},
            {QStringLiteral("retired"), QT_TRANSLATE_NOOP("CarVocabulary", "Retired"),
             words({u"scrapped", u"decommissioned", u"written off", u"ausgemustert", u"verschrottet", u"stillgelegt"})},
        };
    }
    return {};
}

constexpr std::array kAllKinds = {CarVocabulary::Kind::BodyType,     CarVocabulary::Kind::FuelType,
                                  CarVocabulary::Kind::Transmission, CarVocabulary::Kind::Drive,
                                  CarVocabulary::Kind::Condition,    CarVocabulary::Kind::Status};

// Built once (thread-safe static initialisation), read-only afterwards: safe from any thread.
const std::array<KindData, kAllKinds.size()> &vocabulary()
{
    static const auto table = [] {
        std::array<KindData, kAllKinds.size()> result;
        for (size_t k = 0; k < kAllKinds.size(); ++k) {
            KindData &data = result[k];
            data.terms = termsOf(kAllKinds[k]);
            for (qsizetype t = 0; t < data.terms.size(); ++t) {
                const TermData &term = data.terms.at(t);
                QStringList names = term.synonyms;
                names << term.key << QString::fromUtf8(term.label);
                for (const QString &name : std::as_const(names)) {
                    const QString folded = CarVocabulary::fold(name);
                    Q_ASSERT_X(!data.index.contains(folded) || data.index.value(folded) == t, "CarVocabulary",
                               "a synonym names two terms of one list");
                    data.index.insert(folded, t);
                }
            }
        }
        return result;
    }();
    return table;
}

const KindData &dataOf(CarVocabulary::Kind kind)
{
    return vocabulary()[static_cast<size_t>(kind)];
}

QString translatedLabel(const TermData &term)
{
    return QCoreApplication::translate("CarVocabulary", term.label);
}

// The term a whole (folded) text names, or -1: the index first, then the translated labels (which
// depend on the language loaded at the time of the call).
qsizetype lookup(const KindData &data, const QString &folded)
{
    if (folded.isEmpty())
        return -1;
    const auto it = data.index.constFind(folded);
    if (it != data.index.cend())
        return it.value();
    for (qsizetype t = 0; t < data.terms.size(); ++t) {
        if (CarVocabulary::fold(translatedLabel(data.terms.at(t))) == folded)
            return t;
    }
    return -1;
}

} // namespace

QString CarVocabulary::fold(const QString &text)
{
    const QString composed = text.normalized(QString::NormalizationForm_C).toCaseFolded();
    QString result;
    result.reserve(composed.size());
    for (const QChar character : composed) {
        switch (character.unicode()) {
        case u'\u00DF': // ß
            result.append(QLatin1String("ss"));
            continue;
        case u'\u00E4': // ä
            result.append(QLatin1String("ae"));
            continue;
        case u'\u00F6': // ö
            result.append(QLatin1String("oe"));
            continue;
        case u'\u00FC': // ü
            result.append(QLatin1String("ue"));
            continue;
        default:
            break;
        }
        if (!character.isLetterOrNumber())
            continue;
        if (character.unicode() < 0x80) {
            result.append(character);
            continue;
        }
        // Drop accents: "é" decomposes to "e" and a combining mark, which is not a letter. Fold again:
        // "İ" has no simple case folding and decomposes to an upper-case "I".
        const QString decomposed = QString(character).normalized(QString::NormalizationForm_KD);
        for (const QChar part : decomposed) {
            if (part.isLetterOrNumber())
                result.append(part.toCaseFolded());
        }
    }
    return result;
}

QList<CarVocabulary::Kind> CarVocabulary::kinds()
{
    return {kAllKinds.begin(), kAllKinds.end()};
}

QList<CarVocabulary::Term> CarVocabulary::terms(Kind kind)
{
    QList<Term> result;
    const KindData &data = dataOf(kind);
    result.reserve(data.terms.size());
    for (const TermData &term : data.terms)
        result.append(Term{term.key, translatedLabel(term), term.synonyms});
    return result;
}

QStringList CarVocabulary::keys(Kind kind)
{
    QStringList result;
    for (const TermData &term : dataOf(kind).terms)
        result.append(term.key);
    return result;
}

QStringList CarVocabulary::labels(Kind kind)
{
    QStringList result;
    for (const TermData &term : dataOf(kind).terms)
        result.append(translatedLabel(term));
    return result;
}

QString CarVocabulary::label(Kind kind, const QString &key)
{
    for (const TermData &term : dataOf(kind).terms) {
        if (term.key == key)
            return translatedLabel(term);
    }
    return {};
}

bool CarVocabulary::isKey(Kind kind, const QString &key)
{
    for (const TermData &term : dataOf(kind).terms) {
        if (term.key == key)
            return true;
    }
    return false;
}

std::optional<QString> CarVocabulary::normalise(Kind kind, const QString &input)
{
    const KindData &data = dataOf(kind);

    const qsizetype whole = lookup(data, fold(input));
    if (whole >= 0)
        return data.terms.at(whole).key;

    // "CNG/Erdgas", "Autogas (LPG)", "Diesel (Euro 6)": the parts that are known must agree.
    static const QRegularExpression separators(QStringLiteral("[/()\\[\\],;+&|]"));
    const QStringList parts = input.split(separators, Qt::SkipEmptyParts);
    if (parts.size() < 2)
        return std::nullopt;
    qsizetype found = -1;
    for (const QString &part : parts) {
        const qsizetype term = lookup(data, fold(part));
        if (term < 0)
            continue;
        if (found >= 0 && found != term)
            return std::nullopt;
        found = term;
    }
    if (found < 0)
        return std::nullopt;
    return data.terms.at(found).key;
}

bool CarVocabulary::mayBeNotStated(Kind kind)
{
    return kind != Kind::Status;
}

bool CarVocabulary::meansNotStated(const QString &input)
{
    // Folded (see fold()): "N/A" is "na", "k. A." is "ka", "-" and "?" are empty.
    static const QStringList words = {
        QStringLiteral("na"),          QStringLiteral("unknown"),    QStringLiteral("notstated"),
        QStringLiteral("notknown"),    QStringLiteral("notgiven"),   QStringLiteral("notspecified"),
        QStringLiteral("unspecified"), QStringLiteral("unbekannt"),  QStringLiteral("ka"),
        QStringLiteral("keineangabe"), QStringLiteral("ohneangabe"), QStringLiteral("nichtangegeben"),
    };
    const QString folded = fold(input);
    return folded.isEmpty() || words.contains(folded);
}

QString CarVocabulary::notStatedLabel()
{
    return tr("Not stated");
}

QString CarVocabulary::kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::BodyType:
        return tr("body type");
    case Kind::FuelType:
        return tr("fuel type");
    case Kind::Transmission:
        return tr("transmission");
    case Kind::Drive:
        return tr("drive");
    case Kind::Condition:
        return tr("condition");
    case Kind::Status:
        return tr("status");
    }
    return {};
}

QString CarVocabulary::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::BodyType:
        return QStringLiteral("body_type");
    case Kind::FuelType:
        return QStringLiteral("fuel_type");
    case Kind::Transmission:
        return QStringLiteral("transmission");
    case Kind::Drive:
        return QStringLiteral("drive");
    case Kind::Condition:
        return QStringLiteral("condition");
    case Kind::Status:
        return QStringLiteral("status");
    }
    return {};
}

QString CarVocabulary::acceptedValues(Kind kind)
{
    return labels(kind).join(tr(", ", "separator between the accepted values in a message"));
}

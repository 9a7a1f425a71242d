#include "io/CarCsvColumns.h"

#include <QHash>
#include <QRegularExpression>

#include <array>
#include <initializer_list>

namespace {

struct FieldNames
{
    CarField field;
    const char *key; // the export's header: the database column (or "location" for the branch code)
    std::initializer_list<const char *> synonyms; // normalised (see normalise()), besides the key
};

// Every field in the editor's order (the order of CarField).
const std::array<FieldNames, 27> &fieldNames()
{
    static const std::array<FieldNames, 27> names{{
        {CarField::StockNumber,
         "stock_number",
         {"stockno", "stock#", "stocknr", "stock", "stockid", "stockcode", "bestandsnummer", "bestandsnr",
          "lagernummer", "internenummer"}},
        {CarField::Vin,
         "vin",
         {"fin", "vinnumber", "fahrgestellnummer", "fahrgestellnr", "chassisnumber", "chassisno",
          "vehicleidentificationnumber", "fahrzeugidentifikationsnummer"}},
        {CarField::Make, "make", {"brand", "marke", "hersteller", "manufacturer", "fabrikat", "vehiclemake"}},
        {CarField::Model, "model", {"modell", "modelname", "modellbezeichnung", "vehiclemodel"}},
        {CarField::Trim, "trim_level", {"trim", "variant", "variante", "version", "ausstattung", "ausstattungslinie"}},
        {CarField::ModelYear, "model_year", {"year", "my", "yr", "modelyr", "vehicleyear", "baujahr", "modelljahr"}},
        {CarField::BodyType, "body_type", {"body", "bodystyle", "karosserie", "karosserieform", "aufbau", "aufbauart"}},
        {CarField::FuelType, "fuel_type", {"fuel", "kraftstoff", "kraftstoffart", "treibstoff"}},
        {CarField::Transmission, "transmission", {"gearbox", "transmissiontype", "getriebe", "getriebeart"}},
        {CarField::Drive, "drive", {"drivetrain", "drivetype", "antrieb", "antriebsart"}},
        {CarField::Colour,
         "colour",
         {"color", "farbe", "exteriorcolour", "exteriorcolor", "aussenfarbe", "lackierung"}},
        {CarField::Seats, "seats", {"sitze", "sitzplaetze", "numberofseats", "anzahlsitze", "anzahlsitzplaetze"}},
        {CarField::Doors, "doors", {"tueren", "numberofdoors", "anzahltueren"}},
        {CarField::PowerKw, "power_kw", {"kw", "power", "leistungkw", "leistung", "powerinkw", "leistunginkw"}},
        {CarField::MileageKm,
         "mileage_km",
         {"mileage", "odometer", "odometerkm", "odometerreading", "km", "kms", "kilometers", "kilometres",
          "kilometerstand", "kmstand", "laufleistung", "kilometer"}},
        {CarField::Condition, "condition", {"newused", "usednew", "zustand", "fahrzeugzustand", "neugebraucht"}},
        {CarField::Status, "status", {"fahrzeugstatus"}},
        {CarField::Location, "location", {"branch", "branchcode", "filiale", "standort", "niederlassung", "betrieb"}},
        {CarField::ListPrice,
         "list_price",
         {"price", "preis", "verkaufspreis", "askingprice", "saleprice", "sellingprice", "retail", "retailprice",
          "internetprice", "webprice", "vkpreis", "listenpreis"}},
        {CarField::Cost,
         "cost",
         {"purchaseprice", "einkaufspreis", "ekpreis", "costprice", "einstandspreis", "ankaufspreis"}},
        {CarField::AcquiredOn,
         "acquired_on",
         {"acquired", "acquireddate", "purchasedate", "purchasedon", "einkaufsdatum", "ankaufsdatum", "eingangsdatum"}},
        {CarField::ListedOn, "listed_on", {"listed", "listeddate", "listingdate", "inseriertam", "onlineseit"}},
        {CarField::SoldOn, "sold_on", {"sold", "solddate", "saledate", "verkauftam", "verkaufsdatum"}},
        {CarField::Features,
         "features",
         {"options", "equipment", "ausstattungsmerkmale", "extras", "sonderausstattung"}},
        {CarField::Notes,
         "notes",
         {"note", "comments", "comment", "remarks", "bemerkungen", "bemerkung", "notizen", "anmerkungen", "description",
          "beschreibung"}},
        {CarField::ForRent,
         "for_rent",
         {"rental", "rentalfleet", "inrentalfleet", "rentalcar", "mietwagen", "vermietung", "mietflotte"}},
        {CarField::VehicleClass,
         "vehicle_class",
         {"class", "rentalclass", "carclass", "rateclass", "fahrzeugklasse", "mietklasse"}},
    }};
    return names;
}

// "Leistung (kW)" -> "leistungkw", "Stock #" -> "stock#", "Türen" -> "tueren", "Sitzplätze" -> "sitzplaetze".
QString normalise(const QString &header)
{
    QString key;
    key.reserve(header.size() + 4);
    for (const QChar c : header.toCaseFolded()) {
        switch (c.unicode()) {
        case u'ä':
            key += u"ae";
            break;
        case u'ö':
            key += u"oe";
            break;
        case u'ü':
            key += u"ue";
            break;
        case u'ß':
            key += u"ss";
            break;
        case u'#':
            key += c;
            break;
        default:
            if (c.isLetterOrNumber())
                key += c;
        }
    }
    return key;
}

const QHash<QString, CarField> &fieldsByName()
{
    static const QHash<QString, CarField> byName = [] {
        QHash<QString, CarField> map;
        for (const FieldNames &names : fieldNames()) {
            map.insert(normalise(QString::fromLatin1(names.key)), names.field);
            for (const char *synonym : names.synonyms) {
                Q_ASSERT_X(!map.contains(QString::fromUtf8(synonym)), "CarCsvColumns", synonym);
                map.insert(QString::fromUtf8(synonym), names.field);
            }
        }
        return map;
    }();
    return byName;
}

} // namespace

std::optional<CarField> CarCsvColumns::fieldForHeader(const QString &header)
{
    const auto &byName = fieldsByName();
    auto it = byName.constFind(normalise(header));
    if (it == byName.constEnd()) {
        // A unit or currency in brackets: "Mileage (km)", "Price [EUR]", "Preis (€)".
        static const QRegularExpression brackets(QStringLiteral("\\([^()]*\\)|\\[[^\\[\\]]*\\]"));
        QString bare = header;
        bare.remove(brackets);
        if (bare.size() != header.size())
            it = byName.constFind(normalise(bare));
    }
    if (it == byName.constEnd())
        return std::nullopt;
    return *it;
}

QString CarCsvColumns::headerFor(CarField field)
{
    for (const FieldNames &names : fieldNames()) {
        if (names.field == field)
            return QString::fromLatin1(names.key);
    }
    return {};
}

QStringList CarCsvColumns::exportHeader()
{
    QStringList header;
    for (const FieldNames &names : fieldNames())
        header.append(QString::fromLatin1(names.key));
    return header;
}

QList<CarField> CarCsvColumns::requiredFields()
{
    return {CarField::Vin, CarField::Model, CarField::ListPrice};
}

CarColumnMapping CarCsvColumns::guess(const QStringList &header)
{
    CarColumnMapping mapping;
    mapping.columnField.reserve(header.size());
    for (int column = 0; column < header.size(); ++column) {
        std::optional<CarField> field = fieldForHeader(header.at(column));
        if (field) {
            if (const int first = mapping.columnOf(*field); first >= 0) {
                mapping.duplicates.append({column, first, *field});
                field.reset();
            }
        }
        mapping.columnField.append(field);
    }
    return mapping;
}

int CarColumnMapping::columnOf(CarField field) const
{
    for (int column = 0; column < columnField.size(); ++column) {
        if (columnField.at(column) == field)
            return column;
    }
    return -1;
}

QList<CarField> CarColumnMapping::missingRequired() const
{
    QList<CarField> missing;
    for (const CarField field : CarCsvColumns::requiredFields()) {
        if (columnOf(field) < 0)
            missing.append(field);
    }
    return missing;
}

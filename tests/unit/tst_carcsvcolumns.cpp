#include "io/CarCsvColumns.h"

#include <QSet>
#include <QTest>

namespace {

QStringList strings(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list.append(QString::fromUtf8(text));
    return list;
}

// A field by its export key, so that failures print readable names.
QString keyOf(const std::optional<CarField> &field)
{
    return field ? CarCsvColumns::headerFor(*field) : QStringLiteral("(none)");
}

} // namespace

class TestCarCsvColumns : public QObject
{
    Q_OBJECT

private slots:
    void mapsSynonyms_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("key");

        const QList<std::pair<const char *, QStringList>> table{
            {"stock_number",
             strings({"Stock No", "Stock #", "Stocknumber", "stock_number", "STOCK-NO.", "Bestandsnummer"})},
            {"vin", strings({"VIN", "vin", "FIN", "Fahrgestellnummer", "chassis number", "Chassis-No"})},
            {"make", strings({"Make", "Brand", "Marke", "Hersteller", "Manufacturer"})},
            {"model", strings({"Model", "Modell", "MODEL"})},
            {"trim_level", strings({"Trim", "trim_level", "Trim level", "Variant", "Version", "Ausstattung"})},
            {"model_year", strings({"Year", "Model year", "MY", "Baujahr", "Modelljahr", "model_year", "Yr"})},
            {"body_type", strings({"Body", "Body type", "Karosserie", "Aufbau", "body_type"})},
            {"fuel_type", strings({"Fuel", "Fuel type", "Kraftstoff", "Kraftstoffart"})},
            {"transmission", strings({"Gearbox", "Transmission", "Getriebe"})},
            {"drive", strings({"Drive", "Drivetrain", "Antrieb"})},
            {"colour", strings({"Colour", "Color", "Farbe", "Außenfarbe"})},
            {"seats", strings({"Seats", "Sitze", "Sitzplätze", "SITZPLÄTZE", "Sitzplaetze"})},
            {"doors", strings({"Doors", "Türen", "Tueren"})},
            {"power_kw", strings({"Power kW", "kW", "Leistung (kW)", "power_kw", "Power (kW)"})},
            {"mileage_km", strings({"Mileage", "Odometer", "km", "Kilometerstand", "Laufleistung", "Mileage (km)",
                                    "Kilometers", "Kilometres", "KMs", "Odometer reading", "Mileage [km]"})},
            {"condition", strings({"Condition", "Zustand", "New/Used", "Neu/Gebraucht"})},
            {"status", strings({"Status", "STATUS"})},
            {"location", strings({"Location", "Branch", "Filiale", "Standort", "branch code"})},
            {"list_price", strings({"Price", "List price", "Preis", "Verkaufspreis", "Asking price", "VK-Preis",
                                    "Retail", "Internet Price", "Price (EUR)", "Preis (€)", "Price [USD]"})},
            {"cost", strings({"Cost", "Purchase price", "Einkaufspreis", "EK-Preis"})},
            {"acquired_on", strings({"Acquired", "Acquired on", "Purchase date", "acquired_on"})},
            {"listed_on", strings({"Listed", "Listed on", "listed_on"})},
            {"sold_on", strings({"Sold", "Sold on", "sold_on"})},
            {"for_rent", strings({"for_rent", "For rent", "Rental fleet", "In rental fleet", "Mietwagen"})},
            {"features", strings({"Features", "Options", "Equipment", "Ausstattungsmerkmale"})},
            {"notes", strings({"Notes", "Comments", "Bemerkungen", "  notes  "})},
            {"vehicle_class", strings({"vehicle_class", "Vehicle class", "Class", "Rental class", "Fahrzeugklasse"})},
        };
        for (const auto &[key, headers] : table) {
            for (const QString &header : headers)
                QTest::addRow("%s", qPrintable(header)) << header << QString::fromLatin1(key);
        }
    }
    void mapsSynonyms()
    {
        QFETCH(QString, header);
        QFETCH(QString, key);
        QCOMPARE(keyOf(CarCsvColumns::fieldForHeader(header)), key);
    }

    void ignoresUnknownHeaders_data()
    {
        QTest::addColumn<QString>("header");
        for (const char *header : {"", "   ", "Erstzulassung", "Price per month", "Stock level", "ID", "#",
                                   "Colour code", "(EUR)", "Price per month (EUR)"})
            QTest::addRow("'%s'", header) << QString::fromUtf8(header);
    }
    void ignoresUnknownHeaders()
    {
        QFETCH(QString, header);
        QCOMPARE(keyOf(CarCsvColumns::fieldForHeader(header)), QStringLiteral("(none)"));
    }

    void exportHeaderReadsBack()
    {
        const QStringList header = CarCsvColumns::exportHeader();
        QCOMPARE(header.size(), 27);
        QCOMPARE(header.first(), QStringLiteral("stock_number"));
        QCOMPARE(header.last(), QStringLiteral("vehicle_class"));
        QVERIFY(header.contains(QStringLiteral("for_rent")));
        QVERIFY(header.contains(QStringLiteral("trim_level")));
        QVERIFY(header.contains(QStringLiteral("location")));
        QCOMPARE(QSet<QString>(header.cbegin(), header.cend()).size(), header.size());

        const CarColumnMapping mapping = CarCsvColumns::guess(header);
        QVERIFY(mapping.duplicates.isEmpty());
        QVERIFY(mapping.missingRequired().isEmpty());
        for (int column = 0; column < header.size(); ++column) {
            QVERIFY(mapping.columnField.at(column).has_value());
            QCOMPARE(static_cast<int>(*mapping.columnField.at(column)), column); // the editor's order
            QCOMPARE(CarCsvColumns::headerFor(*mapping.columnField.at(column)), header.at(column));
        }
    }

    void guessesAMapping()
    {
        const QStringList header{QStringLiteral("FIN"),   QStringLiteral("Marke"),     QStringLiteral("Modell"),
                                 QStringLiteral("Extra"), QStringLiteral("Baujahr"),   QStringLiteral("Preis"),
                                 QStringLiteral("VIN"),   QStringLiteral("List price")};
        const CarColumnMapping mapping = CarCsvColumns::guess(header);
        QCOMPARE(mapping.columnField.size(), header.size());
        QCOMPARE(keyOf(mapping.columnField.at(0)), QStringLiteral("vin"));
        QCOMPARE(keyOf(mapping.columnField.at(1)), QStringLiteral("make"));
        QCOMPARE(keyOf(mapping.columnField.at(2)), QStringLiteral("model"));
        QCOMPARE(keyOf(mapping.columnField.at(3)), QStringLiteral("(none)"));
        QCOMPARE(keyOf(mapping.columnField.at(4)), QStringLiteral("model_year"));
        QCOMPARE(keyOf(mapping.columnField.at(5)), QStringLiteral("list_price"));
        // The first column wins; the later ones are ignored and reported.
        QCOMPARE(keyOf(mapping.columnField.at(6)), QStringLiteral("(none)"));
        QCOMPARE(keyOf(mapping.columnField.at(7)), QStringLiteral("(none)"));
        QCOMPARE(mapping.duplicates.size(), 2);
        QVERIFY(mapping.duplicates.at(0) == (CarColumnMapping::Duplicate{6, 0, CarField::Vin}));
        QVERIFY(mapping.duplicates.at(1) == (CarColumnMapping::Duplicate{7, 5, CarField::ListPrice}));
        QCOMPARE(mapping.columnOf(CarField::Vin), 0);
        QCOMPARE(mapping.columnOf(CarField::ListPrice), 5);
        QCOMPARE(mapping.columnOf(CarField::Notes), -1);
        QVERIFY(mapping.missingRequired().isEmpty());
    }

    void reportsMissingRequiredColumns_data()
    {
        QTest::addColumn<QStringList>("header");
        QTest::addColumn<QStringList>("missing");

        // The make and the model year can come from the VIN: no column for them is needed.
        QTest::newRow("nothing") << QStringList{} << strings({"vin", "model", "list_price"});
        QTest::newRow("make and model only")
            << strings({"Make", "Model", "Body", "Fuel"}) << strings({"vin", "list_price"});
        QTest::newRow("VIN, model and price") << strings({"VIN", "Model", "Price"}) << QStringList{};
        QTest::newRow("no price") << strings({"VIN", "Make", "Model", "Year", "Cost"}) << strings({"list_price"});
        QTest::newRow("all required") << strings({"Preis", "Baujahr", "Modell", "Marke", "FIN"}) << QStringList{};
    }
    void reportsMissingRequiredColumns()
    {
        QFETCH(QStringList, header);
        QFETCH(QStringList, missing);
        QStringList keys;
        for (const CarField field : CarCsvColumns::guess(header).missingRequired())
            keys.append(CarCsvColumns::headerFor(field));
        QCOMPARE(keys, missing);
    }
};

QTEST_GUILESS_MAIN(TestCarCsvColumns)
#include "tst_carcsvcolumns.moc"

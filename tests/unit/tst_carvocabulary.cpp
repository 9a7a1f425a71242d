#include "domain/CarVocabulary.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using Kind = CarVocabulary::Kind;

Q_DECLARE_METATYPE(CarVocabulary::Kind)

namespace {

// The values of `column IN ('a', 'b', ...)` in the CHECK of the cars table, as the migration has them.
QStringList schemaList(const QString &sql, const QString &column)
{
    const QRegularExpression check(QStringLiteral("CHECK \\(%1 IN \\(([^)]*)\\)\\)").arg(column));
    const QRegularExpressionMatch match = check.match(sql);
    if (!match.hasMatch())
        return {};
    QStringList values;
    static const QRegularExpression quoted(QStringLiteral("'([^']*)'"));
    for (const QRegularExpressionMatch &value : quoted.globalMatch(match.captured(1)))
        values.append(value.captured(1));
    return values;
}

} // namespace

class TestCarVocabulary : public QObject
{
    Q_OBJECT

private slots:
    void keysEqualTheSchemaChecks()
    {
        QFile file(QStringLiteral(":/migrations/0001_base_schema.sql"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
        const QString sql = QString::fromUtf8(file.readAll());
        QCOMPARE(CarVocabulary::kinds().size(), 6);
        for (const Kind kind : CarVocabulary::kinds()) {
            const QStringList expected = schemaList(sql, CarVocabulary::kindKey(kind));
            QVERIFY2(!expected.isEmpty(), qPrintable(CarVocabulary::kindKey(kind)));
            QCOMPARE(CarVocabulary::keys(kind), expected);
        }
    }

    void kindsAreInEditorOrder()
    {
        const QList<Kind> expected = {Kind::BodyType, Kind::FuelType,  Kind::Transmission,
                                      Kind::Drive,    Kind::Condition, Kind::Status};
        QCOMPARE(CarVocabulary::kinds(), expected);
        QCOMPARE(CarVocabulary::kindKey(Kind::FuelType), QStringLiteral("fuel_type"));
        QCOMPARE(CarVocabulary::kindKey(Kind::BodyType), QStringLiteral("body_type"));
        QCOMPARE(CarVocabulary::kindLabel(Kind::FuelType), QStringLiteral("fuel type"));
    }

    void termsLabelsAndKeysAreParallel()
    {
        for (const Kind kind : CarVocabulary::kinds()) {
            const QList<CarVocabulary::Term> terms = CarVocabulary::terms(kind);
            const QStringList keys = CarVocabulary::keys(kind);
            const QStringList labels = CarVocabulary::labels(kind);
            QCOMPARE(terms.size(), keys.size());
            QCOMPARE(labels.size(), keys.size());
            for (qsizetype i = 0; i < keys.size(); ++i) {
                QCOMPARE(terms.at(i).key, keys.at(i));
                QCOMPARE(terms.at(i).label, labels.at(i));
                QCOMPARE(CarVocabulary::label(kind, keys.at(i)), labels.at(i));
                QVERIFY(!labels.at(i).isEmpty());
                QVERIFY(CarVocabulary::isKey(kind, keys.at(i)));
            }
        }
        QCOMPARE(CarVocabulary::label(Kind::FuelType, QStringLiteral("plug_in_hybrid")),
                 QStringLiteral("Plug-in hybrid"));
        QCOMPARE(CarVocabulary::label(Kind::BodyType, QStringLiteral("coupe")), QStringLiteral("Coup\u00e9"));
        QCOMPARE(CarVocabulary::label(Kind::FuelType, QStringLiteral("nuclear")), QString());
        QCOMPARE(CarVocabulary::label(Kind::FuelType, QStringLiteral("sedan")), QString());
    }

    void isKeyIsExact()
    {
        QVERIFY(CarVocabulary::isKey(Kind::FuelType, QStringLiteral("petrol")));
        QVERIFY(!CarVocabulary::isKey(Kind::FuelType, QStringLiteral("Petrol")));
        QVERIFY(!CarVocabulary::isKey(Kind::FuelType, QStringLiteral("petrol ")));
        QVERIFY(!CarVocabulary::isKey(Kind::FuelType, QStringLiteral("Benzin")));
        QVERIFY(!CarVocabulary::isKey(Kind::BodyType, QStringLiteral("petrol")));
        QVERIFY(!CarVocabulary::isKey(Kind::Status, QString()));
    }

    void acceptedValuesListsTheLabels()
    {
        QCOMPARE(CarVocabulary::acceptedValues(Kind::Transmission), QStringLiteral("Manual, Automatic"));
        const QString fuels = CarVocabulary::acceptedValues(Kind::FuelType);
        QVERIFY2(fuels.startsWith(QLatin1String("Petrol, Diesel, Hybrid, Plug-in hybrid")), qPrintable(fuels));
        QVERIFY(fuels.endsWith(QLatin1String("Hydrogen")));
    }

    void everyNameNormalisesToItsTerm()
    {
        // Also proves that no folded synonym names two terms of one list.
        for (const Kind kind : CarVocabulary::kinds()) {
            for (const CarVocabulary::Term &term : CarVocabulary::terms(kind)) {
                QCOMPARE(CarVocabulary::normalise(kind, term.key).value_or(QString()), term.key);
                QCOMPARE(CarVocabulary::normalise(kind, term.label).value_or(QString()), term.key);
                QCOMPARE(CarVocabulary::normalise(kind, term.label.toUpper()).value_or(QString()), term.key);
                for (const QString &synonym : term.synonyms) {
                    const std::optional<QString> key = CarVocabulary::normalise(kind, synonym);
                    QVERIFY2(key == term.key, qPrintable(synonym + QLatin1String(" -> ") + key.value_or(QString())));
                }
            }
        }
    }

    void normalises_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // empty: nothing

        // Keys, labels and letter case
        QTest::newRow("key") << Kind::FuelType << QStringLiteral("petrol") << QStringLiteral("petrol");
        QTest::newRow("upper case") << Kind::FuelType << QStringLiteral("DIESEL") << QStringLiteral("diesel");
        QTest::newRow("label with dash") << Kind::FuelType << QStringLiteral("Plug-in hybrid")
                                         << QStringLiteral("plug_in_hybrid");
        QTest::newRow("key with underscores")
            << Kind::FuelType << QStringLiteral("PLUG_IN_HYBRID") << QStringLiteral("plug_in_hybrid");
        QTest::newRow("spaces instead of dash")
            << Kind::FuelType << QStringLiteral("plug in") << QStringLiteral("plug_in_hybrid");
        QTest::newRow("surrounding white space")
            << Kind::Status << QStringLiteral("  sold \t") << QStringLiteral("sold");
        QTest::newRow("key with underscore, status")
            << Kind::Status << QStringLiteral("In Service") << QStringLiteral("in_service");
        QTest::newRow("4wd key") << Kind::Drive << QStringLiteral("4WD") << QStringLiteral("4wd");
        QTest::newRow("label, drive") << Kind::Drive << QStringLiteral("all-wheel drive") << QStringLiteral("awd");

        // Synonyms
        QTest::newRow("gasoline") << Kind::FuelType << QStringLiteral("Gasoline") << QStringLiteral("petrol");
        QTest::newRow("Benzin") << Kind::FuelType << QStringLiteral("benzin") << QStringLiteral("petrol");
        QTest::newRow("EV") << Kind::FuelType << QStringLiteral("EV") << QStringLiteral("electric");
        QTest::newRow("PHEV") << Kind::FuelType << QStringLiteral("phev") << QStringLiteral("plug_in_hybrid");
        QTest::newRow("saloon") << Kind::BodyType << QStringLiteral("Saloon") << QStringLiteral("sedan");
        QTest::newRow("Kombi") << Kind::BodyType << QStringLiteral("KOMBI") << QStringLiteral("estate");
        QTest::newRow("station wagon") << Kind::BodyType << QStringLiteral("Station-Wagon") << QStringLiteral("estate");
        QTest::newRow("Automatik") << Kind::Transmission << QStringLiteral("Automatik") << QStringLiteral("automatic");
        QTest::newRow("DSG") << Kind::Transmission << QStringLiteral("dsg") << QStringLiteral("automatic");
        QTest::newRow("stick shift") << Kind::Transmission << QStringLiteral("stick-shift") << QStringLiteral("manual");
        QTest::newRow("quattro") << Kind::Drive << QStringLiteral("Quattro") << QStringLiteral("awd");
        QTest::newRow("4x4") << Kind::Drive << QStringLiteral("4x4") << QStringLiteral("4wd");
        QTest::newRow("pre-owned") << Kind::Condition << QStringLiteral("Pre-Owned") << QStringLiteral("used");
        QTest::newRow("CPO") << Kind::Condition << QStringLiteral("cpo") << QStringLiteral("certified");
        // A dealer system's "New/Used" column and a US body style.
        QTest::newRow("N") << Kind::Condition << QStringLiteral("N") << QStringLiteral("new");
        QTest::newRow("U") << Kind::Condition << QStringLiteral("u") << QStringLiteral("used");
        QTest::newRow("Truck") << Kind::BodyType << QStringLiteral("Truck") << QStringLiteral("pickup");
        QTest::newRow("on hold") << Kind::Status << QStringLiteral("ON HOLD") << QStringLiteral("reserved");
        QTest::newRow("verkauft") << Kind::Status << QStringLiteral("Verkauft") << QStringLiteral("sold");

        // Umlauts, ß and accents
        QTest::newRow("umlaut") << Kind::BodyType << QStringLiteral("Gel\u00e4ndewagen") << QStringLiteral("suv");
        QTest::newRow("umlaut written ae")
            << Kind::BodyType << QStringLiteral("Gelaendewagen") << QStringLiteral("suv");
        QTest::newRow("upper-case umlaut")
            << Kind::BodyType << QStringLiteral("GEL\u00c4NDEWAGEN") << QStringLiteral("suv");
        QTest::newRow("decomposed umlaut")
            << Kind::BodyType << QStringLiteral("Gela\u0308ndewagen") << QStringLiteral("suv");
        QTest::newRow("umlaut u") << Kind::FuelType << QStringLiteral("Fl\u00fcssiggas") << QStringLiteral("lpg");
        QTest::newRow("umlaut u written ue")
            << Kind::FuelType << QStringLiteral("Fluessiggas") << QStringLiteral("lpg");
        QTest::newRow("sharp s") << Kind::BodyType << QStringLiteral("Gro\u00dfraumvan") << QStringLiteral("mpv");
        QTest::newRow("sharp s written ss")
            << Kind::BodyType << QStringLiteral("Grossraumvan") << QStringLiteral("mpv");
        QTest::newRow("accent") << Kind::BodyType << QStringLiteral("Coup\u00e9") << QStringLiteral("coupe");
        QTest::newRow("accent, upper case")
            << Kind::BodyType << QStringLiteral("COUP\u00c9") << QStringLiteral("coupe");
        QTest::newRow("accent, decomposed")
            << Kind::BodyType << QStringLiteral("Coupe\u0301") << QStringLiteral("coupe");
        QTest::newRow("accent dropped") << Kind::BodyType << QStringLiteral("coupe") << QStringLiteral("coupe");
        QTest::newRow("Vorführwagen") << Kind::Condition << QStringLiteral("Vorf\u00fchrwagen")
                                      << QStringLiteral("demo");

        // Several names in one text
        QTest::newRow("CNG/Erdgas") << Kind::FuelType << QStringLiteral("CNG/Erdgas") << QStringLiteral("cng");
        QTest::newRow("Erdgas (CNG)") << Kind::FuelType << QStringLiteral("Erdgas (CNG)") << QStringLiteral("cng");
        QTest::newRow("Autogas (LPG)") << Kind::FuelType << QStringLiteral("Autogas (LPG)") << QStringLiteral("lpg");
        QTest::newRow("LPG / Autogas") << Kind::FuelType << QStringLiteral("LPG / Autogas") << QStringLiteral("lpg");
        QTest::newRow("known part and unknown part")
            << Kind::FuelType << QStringLiteral("Diesel (Euro 6)") << QStringLiteral("diesel");
        QTest::newRow("Cabrio/Roadster") << Kind::BodyType << QStringLiteral("Cabrio/Roadster")
                                         << QStringLiteral("convertible");
        QTest::newRow("Roadster, Cabrio")
            << Kind::BodyType << QStringLiteral("Roadster, Cabrio") << QStringLiteral("convertible");
        QTest::newRow("disagreeing parts that are a synonym")
            << Kind::FuelType << QStringLiteral("Benzin/Elektro") << QStringLiteral("hybrid");
        QTest::newRow("synonym with brackets")
            << Kind::FuelType << QStringLiteral("Plug-in-Hybrid (Benzin/Elektro)") << QStringLiteral("plug_in_hybrid");
        QTest::newRow("disagreeing parts") << Kind::FuelType << QStringLiteral("Elektro/Benzin") << QString();
        QTest::newRow("disagreeing parts, CNG and LPG") << Kind::FuelType << QStringLiteral("CNG/LPG") << QString();
        QTest::newRow("disagreeing parts, body") << Kind::BodyType << QStringLiteral("SUV/Kombi") << QString();
        QTest::newRow("parts all unknown") << Kind::FuelType << QStringLiteral("Kerosin/Holz") << QString();

        // Unknown and empty
        QTest::newRow("typo") << Kind::FuelType << QStringLiteral("Petrl") << QString();
        QTest::newRow("other list's key") << Kind::FuelType << QStringLiteral("sedan") << QString();
        QTest::newRow("empty") << Kind::FuelType << QString() << QString();
        QTest::newRow("white space") << Kind::Status << QStringLiteral("   ") << QString();
        QTest::newRow("punctuation only") << Kind::Status << QStringLiteral("-/-") << QString();
        QTest::newRow("separators only") << Kind::FuelType << QStringLiteral("//()") << QString();
        QTest::newRow("non-Latin") << Kind::FuelType << QStringLiteral("\u30ac\u30bd\u30ea\u30f3") << QString();
        QTest::newRow("prefix of a word") << Kind::Condition << QStringLiteral("us") << QString();
    }
    void normalises()
    {
        QFETCH(Kind, kind);
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const std::optional<QString> key = CarVocabulary::normalise(kind, input);
        if (expected.isEmpty()) {
            QVERIFY2(!key.has_value(), qPrintable(key.value_or(QString())));
        } else {
            QVERIFY(key.has_value());
            QCOMPARE(*key, expected);
        }
    }

    void notStated_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("notStated");
        for (const char *word : {"", "  ", "-", "\u2014", "?", "--", "n/a", "N/A", "NA", "unknown", "Unknown",
                                 "not stated", "unspecified", "unbekannt", "k. A.", "k.A.", "keine Angabe"})
            QTest::addRow("'%s'", word) << QString::fromUtf8(word) << true;
        for (const char *word : {"petrol", "none?", "n", "other", "0"})
            QTest::addRow("'%s'", word) << QString::fromUtf8(word) << false;
    }
    void notStated()
    {
        QFETCH(QString, input);
        QFETCH(bool, notStated);
        QCOMPARE(CarVocabulary::meansNotStated(input), notStated);
    }

    void everyKindButStatusMayBeNotStated()
    {
        for (const Kind kind : CarVocabulary::kinds())
            QCOMPARE(CarVocabulary::mayBeNotStated(kind), kind != Kind::Status);
        QVERIFY(!CarVocabulary::notStatedLabel().isEmpty());
    }

    void folds_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("letters and digits only") << QStringLiteral("Plug-in Hybrid") << QStringLiteral("pluginhybrid");
        QTest::newRow("punctuation") << QStringLiteral(" a_b.c/d (e) [f]-g ") << QStringLiteral("abcdefg");
        QTest::newRow("digits kept") << QStringLiteral("4x4") << QStringLiteral("4x4");
        QTest::newRow("umlauts") << QStringLiteral("\u00c4\u00d6\u00dc\u00e4\u00f6\u00fc")
                                 << QStringLiteral("aeoeueaeoeue");
        QTest::newRow("sharp s") << QStringLiteral("Stra\u00dfe") << QStringLiteral("strasse");
        QTest::newRow("capital sharp s") << QStringLiteral("STRA\u1e9eE") << QStringLiteral("strasse");
        QTest::newRow("Geländewagen") << QStringLiteral("Gel\u00e4ndewagen") << QStringLiteral("gelaendewagen");
        QTest::newRow("accents") << QStringLiteral("Coup\u00e9 \u00c9l\u00e8ve na\u00efve")
                                 << QStringLiteral("coupeelevenaive");
        QTest::newRow("decomposed accent") << QStringLiteral("Coupe\u0301") << QStringLiteral("coupe");
        QTest::newRow("dotted capital I") << QStringLiteral("\u0130") << QStringLiteral("i");
        QTest::newRow("non-Latin letters kept") << QStringLiteral("\u65e5\u672c") << QStringLiteral("\u65e5\u672c");
        QTest::newRow("empty") << QString() << QString();
    }
    void folds()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(CarVocabulary::fold(input), expected);
    }

    void survivesHugeInput()
    {
        QVERIFY(!CarVocabulary::normalise(Kind::FuelType, QString(200'000, QChar(u'\u00e4'))).has_value());
        const QString huge = QString(200'000, QChar(u'\u00e4')) + QStringLiteral("/CNG/") + QString(1000, u'(');
        QCOMPARE(CarVocabulary::normalise(Kind::FuelType, huge).value_or(QString()), QStringLiteral("cng"));
        QCOMPARE(CarVocabulary::normalise(Kind::FuelType, QString(100'000, u'/') + QStringLiteral("CNG"))
                     .value_or(QString()),
                 QStringLiteral("cng"));
    }
};

QTEST_GUILESS_MAIN(TestCarVocabulary)
#include "tst_carvocabulary.moc"

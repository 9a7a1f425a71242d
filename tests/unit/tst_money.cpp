#include "domain/Money.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QTest>

#include <limits>

class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    void symbols()
    {
        const QLocale english(QLocale::English, QLocale::UnitedKingdom);
        QCOMPARE(Money::symbol(QStringLiteral("EUR"), english), QStringLiteral("€"));
        QCOMPARE(Money::symbol(QStringLiteral("GBP"), english), QStringLiteral("£"));
        QCOMPARE(Money::symbol(QStringLiteral("usd"), english), QStringLiteral("$"));
        QCOMPARE(Money::symbol(QStringLiteral("XYZ"), english), QStringLiteral("XYZ"));
    }

    void format_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("expected");
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        const QLocale de(QLocale::German, QLocale::Germany);
        const int whenNotWhole = int(Money::Cents::WhenNotWhole);
        const int always = int(Money::Cents::Always);
        QTest::newRow("en whole") << en << qint64(6739000) << whenNotWhole << QStringLiteral("€67,390");
        QTest::newRow("en cents") << en << qint64(6739050) << whenNotWhole << QStringLiteral("€67,390.50");
        QTest::newRow("en always") << en << qint64(11100) << always << QStringLiteral("€111.00");
        QTest::newRow("de whole") << de << qint64(6739000) << whenNotWhole << QStringLiteral("67.390\u00a0€");
        QTest::newRow("de always") << de << qint64(11100) << always << QStringLiteral("111,00\u00a0€");
        QTest::newRow("en negative") << en << qint64(-2550) << whenNotWhole
                                     << QStringLiteral("(€25.50)"); // en-US writes a negative amount as accountants do
    }

    void format()
    {
        QFETCH(QLocale, locale);
        QFETCH(qint64, cents);
        QFETCH(int, mode);
        QFETCH(QString, expected);
        QCOMPARE(Money::format(cents, QStringLiteral("EUR"), locale, Money::Cents(mode)), expected);
    }

    // Amounts a double cannot hold (beyond 2^53 cents), the extremes of qint64, zero and a negative amount below
    // one unit: every cent written, from the integer, in the locale's pattern.
    void formatExactly_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("expected");
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        const QLocale de(QLocale::German, QLocale::Germany);
        const int whenNotWhole = int(Money::Cents::WhenNotWhole);
        const int always = int(Money::Cents::Always);
        const qint64 beyondDoubles = (qint64(1) << 53) + 1; // 9,007,199,254,740,993: a double rounds it to ...992
        QTest::newRow("en 2^53 + 1") << en << beyondDoubles << whenNotWhole << QStringLiteral("€90,071,992,547,409.93");
        QTest::newRow("de 2^53 + 1") << de << beyondDoubles << whenNotWhole
                                     << QStringLiteral("90.071.992.547.409,93\u00a0€");
        QTest::newRow("en largest") << en << std::numeric_limits<qint64>::max() << whenNotWhole
                                    << QStringLiteral("€92,233,720,368,547,758.07");
        QTest::newRow("en lowest") << en << std::numeric_limits<qint64>::min() << whenNotWhole
                                   << QStringLiteral("(€92,233,720,368,547,758.08)");
        QTest::newRow("de lowest") << de << std::numeric_limits<qint64>::min() << whenNotWhole
                                   << QStringLiteral("-92.233.720.368.547.758,08\u00a0€");
        QTest::newRow("en zero") << en << qint64(0) << whenNotWhole << QStringLiteral("€0");
        QTest::newRow("en zero always") << en << qint64(0) << always << QStringLiteral("€0.00");
        QTest::newRow("de zero always") << de << qint64(0) << always << QStringLiteral("0,00\u00a0€");
        QTest::newRow("en five cents owed") << en << qint64(-5) << whenNotWhole << QStringLiteral("(€0.05)");
        QTest::newRow("de five cents owed") << de << qint64(-5) << whenNotWhole << QStringLiteral("-0,05\u00a0€");
        QTest::newRow("de negative whole") << de << qint64(-1'000'000) << always << QStringLiteral("-10.000,00\u00a0€");
    }

    void formatExactly()
    {
        QFETCH(QLocale, locale);
        QFETCH(qint64, cents);
        QFETCH(int, mode);
        QFETCH(QString, expected);
        QCOMPARE(Money::fromCents(cents).format(QStringLiteral("EUR"), locale, Money::Cents(mode)), expected);
        QCOMPARE(Money::format(cents, QStringLiteral("EUR"), locale, Money::Cents(mode)), expected);
    }

    // Where a double is exact, the text is what QLocale writes for it, in every locale Qt knows (digits, grouping,
    // decimal point, the symbol's side and the negative pattern are the locale's own).
    void formatLikeQLocaleInEveryLocale()
    {
        const QList<qint64> amounts = {
            0, 5, -5, 99, 100, -2550, 6'739'050, 123'456'789, -98'765'432'100, (qint64(1) << 53) - 1};
        const auto locales = QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory);
        QVERIFY(locales.size() > 100);
        for (const QLocale &locale : locales) {
            const QString sign = Money::symbol(QStringLiteral("EUR"), locale);
            for (const qint64 cents : amounts) {
                for (const Money::Cents mode : {Money::Cents::WhenNotWhole, Money::Cents::Always}) {
                    const int decimals = mode == Money::Cents::Always || cents % 100 != 0 ? 2 : 0;
                    const QString qt = locale.toCurrencyString(double(cents) / 100.0, sign, decimals);
                    QCOMPARE(Money::format(cents, QStringLiteral("EUR"), locale, mode), qt);
                }
            }
        }
    }

    void fromDecimal_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("cents");
        QTest::newRow("numeric") << "18900.50" << true << qint64(1'890'050);
        QTest::newRow("whole") << "17500" << true << qint64(1'750'000);
        QTest::newRow("one decimal") << "-0.5" << true << qint64(-50);
        QTest::newRow("plus, trailing point") << "+3." << true << qint64(300);
        QTest::newRow("leading point") << ".25" << true << qint64(25);
        QTest::newRow("spaces around") << " 12.30 " << true << qint64(1230);
        QTest::newRow("half a cent rounds up") << "0.005" << true << qint64(1);
        QTest::newRow("away from zero") << "-0.005" << true << qint64(-1);
        QTest::newRow("below half a cent") << "0.00499" << true << qint64(0);
        QTest::newRow("beyond 2^53") << "90071992547409.93" << true << qint64(9'007'199'254'740'993);
        QTest::newRow("largest") << "92233720368547758.07" << true << std::numeric_limits<qint64>::max();
        QTest::newRow("lowest") << "-92233720368547758.08" << true << std::numeric_limits<qint64>::min();
        QTest::newRow("one cent too many") << "92233720368547758.08" << false << qint64(0);
        QTest::newRow("rounds past the largest") << "92233720368547758.075" << false << qint64(0);
        QTest::newRow("far too large") << QString(400, QLatin1Char('9')) << false << qint64(0);
        QTest::newRow("empty") << "" << false << qint64(0);
        QTest::newRow("sign alone") << "-" << false << qint64(0);
        QTest::newRow("point alone") << "." << false << qint64(0);
        QTest::newRow("grouping") << "1,000" << false << qint64(0);
        QTest::newRow("exponent") << "1e3" << false << qint64(0);
        QTest::newRow("two points") << "1.2.3" << false << qint64(0);
        QTest::newRow("not a number") << "NaN" << false << qint64(0);
        QTest::newRow("currency") << "€5" << false << qint64(0);
        QTest::newRow("two signs") << "--5" << false << qint64(0);
    }

    void fromDecimal()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, cents);
        const std::optional<Money> money = Money::fromDecimal(text);
        QCOMPARE(money.has_value(), valid);
        if (valid)
            QCOMPARE(money->cents(), cents);
    }

    // toDecimal() is what PostgreSQL's numeric and fromDecimal() read back, to the cent.
    void decimalRoundTrip()
    {
        for (const qint64 cents :
             {qint64(0), qint64(5), qint64(-5), qint64(-2550), qint64(1'890'050), (qint64(1) << 53) + 1,
              std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min()}) {
            const QString text = Money::fromCents(cents).toDecimal();
            QVERIFY2(QRegularExpression(QStringLiteral("^-?[0-9]+\\.[0-9]{2}$")).match(text).hasMatch(),
                     qPrintable(text));
            QCOMPARE(Money::fromDecimal(text).value_or(Money::fromCents(1)).cents(), cents);
        }
        QCOMPARE(Money::fromCents(-5).toDecimal(), QStringLiteral("-0.05"));
        QCOMPARE(Money::fromCents(1'890'050).toDecimal(), QStringLiteral("18900.50"));
    }

    // An event's amount: numeric's text, or a JSON number read as written.
    void fromJson()
    {
        QCOMPARE(Money::fromJson(QJsonValue(QStringLiteral("17500.50")))->cents(), 1'750'050);
        QCOMPARE(Money::fromJson(QJsonValue(17500.5))->cents(), 1'750'050);
        QCOMPARE(Money::fromJson(QJsonValue(0.29))->cents(), 29); // 0.29 * 100 is 28.999... as a double
        QCOMPARE(Money::fromJson(QJsonValue(qint64(17500)))->cents(), 1'750'000);
        const QJsonObject parsed = QJsonDocument::fromJson(R"({"a": 18900.07, "b": -3})").object();
        QCOMPARE(Money::fromJson(parsed.value(QLatin1String("a")))->cents(), 1'890'007);
        QCOMPARE(Money::fromJson(parsed.value(QLatin1String("b")))->cents(), -300);
        QVERIFY(!Money::fromJson(QJsonValue(1e300)));
        QVERIFY(!Money::fromJson(QJsonValue(std::numeric_limits<qint64>::max())));
        QVERIFY(!Money::fromJson(QJsonValue(QStringLiteral("lots"))));
        QVERIFY(!Money::fromJson(QJsonValue(true)));
        QVERIFY(!Money::fromJson(QJsonValue()));
    }

    void arithmetic()
    {
        const Money daily = Money::fromCents(4'550);
        QCOMPARE((daily * 3).cents(), 13'650);
        QCOMPARE((daily + Money::fromCents(50)).cents(), 4'600);
        QCOMPARE((daily - Money::fromCents(5'000)).cents(), -450);
        QCOMPARE((-daily).cents(), -4'550);
        QVERIFY(Money::fromCents(-1) < Money());
        QVERIFY(Money::fromCents(7) == Money::fromCents(7));
    }

    // The affixes around a number give the formatted amount back, whichever side the locale puts the sign.
    void affixes_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("code");
        for (const QLocale &locale :
             {QLocale(QLocale::English, QLocale::UnitedStates), QLocale(QLocale::German, QLocale::Germany),
              QLocale(QLocale::French, QLocale::France), QLocale(QLocale::Dutch, QLocale::Netherlands),
              QLocale(QLocale::Japanese, QLocale::Japan), QLocale(QLocale::Swedish, QLocale::Sweden)})
            for (const QString &code : {QStringLiteral("EUR"), QStringLiteral("GBP"), QStringLiteral("XYZ")})
                QTest::addRow("%s %s", qPrintable(locale.name()), qPrintable(code)) << locale << code;
    }

    void affixes()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, code);
        const Money::Affixes affixes = Money::affixes(code, locale);
        QVERIFY(affixes.prefix.contains(Money::symbol(code, locale)) ||
                affixes.suffix.contains(Money::symbol(code, locale)));
        for (const qint64 units : {0LL, 7LL, 20'000LL, 1'234'567LL})
            QCOMPARE(affixes.prefix + locale.toString(units) + affixes.suffix,
                     Money::format(units * 100, code, locale));
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"

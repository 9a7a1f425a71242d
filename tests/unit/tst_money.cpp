#include "domain/Money.h"

#include <QTest>

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

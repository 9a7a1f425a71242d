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
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"

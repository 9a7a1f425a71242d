#include "domain/Vin.h"

#include <QTest>

class TestVin : public QObject
{
    Q_OBJECT

private slots:
    void acceptsRealVins_data()
    {
        QTest::addColumn<QString>("vin");
        QTest::newRow("49 CFR example, check digit X") << QStringLiteral("1M8GDM9AXKP042788");
        QTest::newRow("all ones") << QStringLiteral("11111111111111111");
        QTest::newRow("Honda, USA") << QStringLiteral("1HGCM82633A004352");
        QTest::newRow("Honda, Japan") << QStringLiteral("JHMCM56557C404453");
        QTest::newRow("SAIC, China") << QStringLiteral("LSJWH4096NZ123456");
        QTest::newRow("BMW, Germany, with check digit") << QStringLiteral("WBA3A5C55CF256986");
    }
    void acceptsRealVins()
    {
        QFETCH(QString, vin);
        const Vin::Check check = Vin::check(vin);
        QVERIFY2(check.valid, qPrintable(check.errors.join(QLatin1Char(' '))));
        QVERIFY(check.errors.isEmpty());
        QVERIFY2(check.warnings.isEmpty(), qPrintable(check.warnings.join(QLatin1Char(' '))));
        QCOMPARE(check.normalised, vin);
    }

    void computesCheckDigits()
    {
        QCOMPARE(Vin::checkDigitFor(QStringLiteral("1M8GDM9AXKP042788")), QLatin1Char('X'));
        QCOMPARE(Vin::checkDigitFor(QStringLiteral("11111111111111111")), QLatin1Char('1'));
        QCOMPARE(Vin::checkDigitFor(QStringLiteral("1HGCM82633A004352")), QLatin1Char('3'));
        // Position 9 has weight 0: whatever is there does not change the result.
        QCOMPARE(Vin::checkDigitFor(QStringLiteral("1M8GDM9A0KP042788")), QLatin1Char('X'));
        // Not 17 valid characters: no check digit.
        QVERIFY(Vin::checkDigitFor(QStringLiteral("1M8GDM9AXKP04278")).isNull());
        QVERIFY(Vin::checkDigitFor(QStringLiteral("1M8GDM9AXKP04278O")).isNull());
        QVERIFY(Vin::checkDigitFor(QStringLiteral("1m8gdm9axkp042788")).isNull());
    }

    void normalises()
    {
        QCOMPARE(Vin::normalise(QStringLiteral("  1m8-gdm9a xkp 042788\t")), QStringLiteral("1M8GDM9AXKP042788"));
        QCOMPARE(Vin::normalise(QStringLiteral("wvw\u2013zzz")), QStringLiteral("WVWZZZ"));
        QCOMPARE(Vin::normalise(QString()), QString());

        const Vin::Check check = Vin::check(QStringLiteral(" 1m8-gdm9a-xkp-042788 "));
        QVERIFY(check.valid);
        QCOMPARE(check.normalised, QStringLiteral("1M8GDM9AXKP042788"));
    }

    void rejectsEmptyInput()
    {
        const Vin::Check check = Vin::check(QStringLiteral("   "));
        QVERIFY(!check.valid);
        QCOMPARE(check.errors.size(), 1);
        QVERIFY(check.errors.first().contains(QLatin1String("empty")));
        QVERIFY(check.errors.first().contains(QLatin1String("17")));
    }

    void rejectsWrongLength_data()
    {
        QTest::addColumn<QString>("vin");
        QTest::addColumn<QString>("count");
        QTest::newRow("one missing") << QStringLiteral("1M8GDM9AXKP04278") << QStringLiteral("16");
        QTest::newRow("one extra") << QStringLiteral("1M8GDM9AXKP0427888") << QStringLiteral("18");
        QTest::newRow("much too short") << QStringLiteral("WVW") << QStringLiteral("3");
    }
    void rejectsWrongLength()
    {
        QFETCH(QString, vin);
        QFETCH(QString, count);
        const Vin::Check check = Vin::check(vin);
        QVERIFY(!check.valid);
        QCOMPARE(check.errors.size(), 1);
        const QString message = check.errors.first();
        QVERIFY2(message.contains(QLatin1String("has ") + count) || message.contains(QLatin1String("only ") + count),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("17")), qPrintable(message));
        QVERIFY(check.warnings.isEmpty());
    }

    void suggestsDigitsForIOQ_data()
    {
        QTest::addColumn<QString>("vin");
        QTest::addColumn<QString>("letter");
        QTest::addColumn<QString>("position");
        QTest::addColumn<QString>("digit");
        QTest::newRow("I") << QStringLiteral("IM8GDM9AXKP042788") << QStringLiteral("I") << QStringLiteral("1")
                           << QStringLiteral("1 (one)");
        QTest::newRow("O") << QStringLiteral("1M8GDM9AXKP04278O") << QStringLiteral("O") << QStringLiteral("17")
                           << QStringLiteral("0 (zero)");
        QTest::newRow("Q") << QStringLiteral("1M8GDM9AXKPQ42788") << QStringLiteral("Q") << QStringLiteral("12")
                           << QStringLiteral("0 (zero)");
        QTest::newRow("lower-case o") << QStringLiteral("1m8gdm9axkp04278o") << QStringLiteral("O")
                                      << QStringLiteral("17") << QStringLiteral("0 (zero)");
    }
    void suggestsDigitsForIOQ()
    {
        QFETCH(QString, vin);
        QFETCH(QString, letter);
        QFETCH(QString, position);
        QFETCH(QString, digit);
        const Vin::Check check = Vin::check(vin);
        QVERIFY(!check.valid);
        QCOMPARE(check.errors.size(), 1); // no check-digit error on top of it
        const QString message = check.errors.first();
        QVERIFY2(message.contains(QLatin1String("Character ") + position + QLatin1Char(' ')), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("letter ") + letter), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("digit ") + digit), qPrintable(message));
    }

    void rejectsOtherCharacters()
    {
        const Vin::Check check = Vin::check(QStringLiteral("1M8GDM9AXKP04278*"));
        QVERIFY(!check.valid);
        QCOMPARE(check.errors.size(), 1);
        const QString message = check.errors.first();
        QVERIFY2(message.contains(QLatin1String("Character 17 ")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("\"*\"")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("A to Z")), qPrintable(message));

        const Vin::Check umlaut = Vin::check(QStringLiteral("WVWZZZ1KZAW00000\u00e4"));
        QVERIFY(!umlaut.valid);
        QVERIFY(umlaut.errors.first().contains(QLatin1String("Character 17 ")));
    }

    void reportsEveryProblem()
    {
        // Too short, with an I and a '#': three sentences.
        const Vin::Check check = Vin::check(QStringLiteral("1M8GDI9#XKP0427"));
        QVERIFY(!check.valid);
        QCOMPARE(check.errors.size(), 3);
        QVERIFY(check.errors.at(0).contains(QLatin1String("15")));
        QVERIFY(check.errors.at(1).contains(QLatin1String("Character 6 ")));
        QVERIFY(check.errors.at(2).contains(QLatin1String("Character 8 ")));
    }

    void requiresCheckDigitInNorthAmericaAndChina_data()
    {
        QTest::addColumn<QString>("vin");
        QTest::addColumn<QString>("actual");
        QTest::addColumn<QString>("expected");
        QTest::newRow("USA (1)") << QStringLiteral("1M8GDM9A5KP042788") << QStringLiteral("5") << QStringLiteral("X");
        QTest::newRow("Canada (2)") << QStringLiteral("2T3BFREV0HW581325") << QStringLiteral("0")
                                    << QStringLiteral("5");
        QTest::newRow("Mexico (3)") << QStringLiteral("3FMTK1SS0NMA12345") << QStringLiteral("0")
                                    << QString(Vin::checkDigitFor(QStringLiteral("3FMTK1SS0NMA12345")));
        QTest::newRow("USA (5), mistyped serial")
            << QStringLiteral("5YJSA1E26HF000337") << QStringLiteral("6") << QStringLiteral("7");
        QTest::newRow("China (L)") << QStringLiteral("LSJWH4092NZ123456") << QStringLiteral("2") << QStringLiteral("6");
    }
    void requiresCheckDigitInNorthAmericaAndChina()
    {
        QFETCH(QString, vin);
        QFETCH(QString, actual);
        QFETCH(QString, expected);
        QVERIFY(actual != expected);
        const Vin::Check check = Vin::check(vin);
        QVERIFY(!check.valid);
        QCOMPARE(check.errors.size(), 1);
        QVERIFY(check.warnings.isEmpty());
        const QString message = check.errors.first();
        QVERIFY2(message.contains(QLatin1String("check digit (character 9) is ") + actual), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("give ") + expected), qPrintable(message));
    }

    void onlyWarnsAboutCheckDigitElsewhere_data()
    {
        QTest::addColumn<QString>("vin");
        QTest::newRow("Volkswagen, Germany") << QStringLiteral("WVWZZZ1KZAW000001");
        QTest::newRow("Porsche, Germany") << QStringLiteral("WP0ZZZ99ZTS392124");
        QTest::newRow("BMW, Germany") << QStringLiteral("WBA3A5C51CF256986");
        QTest::newRow("Toyota, Japan") << QStringLiteral("JTDKB20U093123456");
        QTest::newRow("Renault, France") << QStringLiteral("VF1RJA00Z12345678");
    }
    void onlyWarnsAboutCheckDigitElsewhere()
    {
        QFETCH(QString, vin);
        QVERIFY(Vin::checkDigitFor(vin) != vin.at(8));
        const Vin::Check check = Vin::check(vin);
        QVERIFY2(check.valid, qPrintable(check.errors.join(QLatin1Char(' '))));
        QVERIFY(check.errors.isEmpty());
        QCOMPARE(check.warnings.size(), 1);
        QVERIFY(check.warnings.first().contains(QLatin1String("check digit (character 9)")));
        QVERIFY(check.warnings.first().contains(QLatin1String("only a warning")));
        QVERIFY(Vin::parse(vin).has_value());
    }

    void parsesIntoAValue()
    {
        const Result<Vin> vin = Vin::parse(QStringLiteral(" 1m8gdm9axkp042788"));
        QVERIFY(vin.has_value());
        QCOMPARE(vin->toString(), QStringLiteral("1M8GDM9AXKP042788"));
        QCOMPARE(vin->wmi(), QStringLiteral("1M8"));
        QCOMPARE(vin->modelYearCode(), QLatin1Char('K'));
        QVERIFY(*vin == *Vin::parse(QStringLiteral("1M8-GDM9A-XKP-042788")));
        QVERIFY(!(*vin == *Vin::parse(QStringLiteral("11111111111111111"))));
    }

    void parseReturnsTheFirstError()
    {
        const Result<Vin> vin = Vin::parse(QStringLiteral("1M8GDO9AXKP0427"));
        QVERIFY(!vin.has_value());
        QCOMPARE(vin.error().code, Error::Code::InvalidInput);
        const Vin::Check check = Vin::check(QStringLiteral("1M8GDO9AXKP0427"));
        QCOMPARE(vin.error().message, check.errors.first());
        QVERIFY(vin.error().detail.contains(QLatin1String("Character 6 ")));

        const Result<Vin> empty = Vin::parse(QString());
        QVERIFY(!empty.has_value());
        QCOMPARE(empty.error().code, Error::Code::InvalidInput);
        QVERIFY(!empty.error().message.isEmpty());
    }

    void encodesModelYears()
    {
        QCOMPARE(Vin::modelYearCodeFor(1980), QLatin1Char('A'));
        QCOMPARE(Vin::modelYearCodeFor(2000), QLatin1Char('Y'));
        QCOMPARE(Vin::modelYearCodeFor(2001), QLatin1Char('1'));
        QCOMPARE(Vin::modelYearCodeFor(2009), QLatin1Char('9'));
        QCOMPARE(Vin::modelYearCodeFor(2010), QLatin1Char('A'));
        QCOMPARE(Vin::modelYearCodeFor(2019), QLatin1Char('K'));
        QCOMPARE(Vin::modelYearCodeFor(2024), QLatin1Char('R'));
        QCOMPARE(Vin::modelYearCodeFor(2025), QLatin1Char('S'));
        QCOMPARE(Vin::modelYearCodeFor(2030), QLatin1Char('Y'));
        QVERIFY(Vin::modelYearCodeFor(1979).isNull());
        QVERIFY(Vin::modelYearCodeFor(2040).isNull());
    }
};

QTEST_GUILESS_MAIN(TestVin)
#include "tst_vin.moc"

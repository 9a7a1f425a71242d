#include "Translations.h"
#include "domain/Vin.h"
#include "domain/VinDecoder.h"

#include <QTest>
#include <QTranslator>

#include <limits>

namespace {

// Translates the check-digit warning of Vin (and nothing else) with the placeholders the other way round.
class SwappingTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (qstrcmp(context, "Vin") == 0 &&
            QByteArrayView(sourceText).startsWith("The check digit (character 9) is %1, where"))
            return QStringLiteral("Erwartet %2, gefunden %1.");
        return {};
    }
};

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    // fill() gives what the chain of arg() calls gives, whatever order and number of placeholders.
    void sentenceFillsLikeArg_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("one") << QStringLiteral("Character %1 is wrong.") << QStringList{QStringLiteral("12")};
        QTest::newRow("none around") << QStringLiteral("%1") << QStringList{QStringLiteral("x")};
        QTest::newRow("two") << QStringLiteral("%1 and %2") << QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("swapped") << QStringLiteral("%2, then %1.")
                                 << QStringList{QStringLiteral("a"), QStringLiteral("bc")};
        QTest::newRow("repeated") << QStringLiteral("%1 (%1) %2%2")
                                  << QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("a plain percent sign") << QStringLiteral("100% %1 %") << QStringList{QStringLiteral("sure")};
        QTest::newRow("an argument with a percent sign")
            << QStringLiteral("%1 is \"%2\".") << QStringList{QStringLiteral("5"), QStringLiteral("%1")};
    }
    void sentenceFillsLikeArg()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, arguments);
        const Translations::Sentence sentence(text, int(arguments.size()));
        QVERIFY(sentence.isPlain());
        QString expected = text;
        for (const QString &argument : arguments)
            expected = expected.arg(argument);
        const QString filled = arguments.size() == 1 ? sentence.fill({arguments.at(0)})
                                                     : sentence.fill({arguments.at(0), arguments.at(1)});
        QCOMPARE(filled, expected);
    }

    // Escapes that fill() does not handle are left to arg().
    void sentenceLeavesOtherEscapesToArg_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("arguments");
        QTest::newRow("missing") << QStringLiteral("No placeholder") << 1;
        QTest::newRow("one of two missing") << QStringLiteral("%2 only") << 2;
        QTest::newRow("too many") << QStringLiteral("%1 %2 %3") << 2;
        QTest::newRow("zero") << QStringLiteral("%0 %1") << 1;
        QTest::newRow("two digits") << QStringLiteral("%10") << 1;
        QTest::newRow("localised") << QStringLiteral("%L1") << 1;
        QTest::newRow("percent before") << QStringLiteral("%%1") << 1;
        QTest::newRow("another digit") << QStringLiteral("%\u0661 %1") << 1;
    }
    void sentenceLeavesOtherEscapesToArg()
    {
        QFETCH(QString, text);
        QFETCH(int, arguments);
        const Translations::Sentence sentence(text, arguments);
        QVERIFY(!sentence.isPlain());
        QCOMPARE(sentence.text(), text);
    }

    void digits()
    {
        for (const int number : {0, 7, 10, 2026, 123456789, std::numeric_limits<int>::max()})
            QCOMPARE(Translations::Digits(number).view().toString(), QString::number(number));
    }

    // Sentences kept from tr() are translated again after noteChange().
    void keptSentencesFollowTheTranslations()
    {
        const QString european = QStringLiteral("WVWZZZ1KZAW000001");
        const QDate today(2026, 11, 22);
        const QString english = VinDecoder::decode(european, today).warnings.value(0);
        QVERIFY2(english.startsWith(QStringLiteral("The check digit (character 9) is Z, where")), qPrintable(english));

        SwappingTranslator translator;
        QVERIFY(QCoreApplication::installTranslator(&translator));
        Translations::noteChange();
        QCOMPARE(VinDecoder::decode(european, today).warnings, QStringList{QStringLiteral("Erwartet 0, gefunden Z.")});
        QCOMPARE(Vin::check(european).warnings, QStringList{QStringLiteral("Erwartet 0, gefunden Z.")});

        QVERIFY(QCoreApplication::removeTranslator(&translator));
        Translations::noteChange();
        QCOMPARE(VinDecoder::decode(european, today).warnings, QStringList{english});
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"

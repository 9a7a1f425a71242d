#include "cli/TerminalStream.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestTerminalStream : public QObject
{
    Q_OBJECT

private slots:
    void escaped_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("VIN 1HGCM82633A004352 — Škoda, 5 €")
                               << QStringLiteral("VIN 1HGCM82633A004352 — Škoda, 5 €");
        QTest::newRow("ESC sequence") << QStringLiteral("a\x1b[31mred") << QStringLiteral("a\\x1B[31mred");
        QTest::newRow("window title") << QStringLiteral("\x1b]0;owned\x07") << QStringLiteral("\\x1B]0;owned\\x07");
        QTest::newRow("line ends and tab") << QStringLiteral("a\nb\rc\td") << QStringLiteral("a\\nb\\rc\\td");
        QTest::newRow("NUL and DEL") << QString::fromUtf8("a\0b\x7f", 4) << QStringLiteral("a\\x00b\\x7F");
        QTest::newRow("C1 CSI") << QStringLiteral("a\u009b2J") << QStringLiteral("a\\u009B2J");
        QTest::newRow("C1 range ends") << QStringLiteral("\u0080\u009f\u00a0")
                                       << QStringLiteral("\\u0080\\u009F\u00a0");
        QTest::newRow("bidi override") << QStringLiteral("abc\u202Efed") << QStringLiteral("abc\\u202Efed");
        QTest::newRow("bidi isolates and marks") << QStringLiteral("\u2066\u2069\u200E\u200F\u061C")
                                                 << QStringLiteral("\\u2066\\u2069\\u200E\\u200F\\u061C");
        QTest::newRow("line separators") << QStringLiteral("a\u2028b\u2029") << QStringLiteral("a\\u2028b\\u2029");
        QTest::newRow("emoji stays") << QStringLiteral("\U0001F697 car") << QStringLiteral("\U0001F697 car");
    }

    void escaped()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(TerminalStream::escaped(text), expected);
    }

    // JSON keeps its meaning: the characters JSON leaves as they are become \u escapes of the same value.
    void jsonEscapedKeepsTheValue()
    {
        const QString hostile = QStringLiteral("a\x1b[2J\x7f\u0085\u009b\u202e\u2028z");
        const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("v"), hostile}}).toJson();
        const QString safe = TerminalStream::jsonEscaped(QString::fromUtf8(json));
        for (const QChar c : safe)
            QVERIFY2(c == u'\n' || (c.unicode() >= 0x20 && c.unicode() < 0x7F), qPrintable(safe));
        QCOMPARE(QJsonDocument::fromJson(safe.toUtf8()).object().value(QStringLiteral("v")).toString(), hostile);
    }
};

QTEST_GUILESS_MAIN(TestTerminalStream)
#include "tst_terminalstream.moc"

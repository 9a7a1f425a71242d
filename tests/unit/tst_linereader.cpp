#include "io/LineReader.h"

#include <QTest>

#include <csignal>
#include <thread>
#include <unistd.h>

namespace {
// The outcomes and lines of reading `input` through a pipe with lines of at most `maxBytes`.
QStringList readAll(const QByteArray &input, qsizetype maxBytes)
{
    int fds[2];
    if (pipe(fds) != 0)
        return {QStringLiteral("no pipe")};
    std::thread writer([&] {
        qsizetype written = 0;
        while (written < input.size()) {
            const ssize_t n = ::write(fds[1], input.constData() + written, size_t(input.size() - written));
            if (n <= 0)
                break;
            written += n;
        }
        ::close(fds[1]);
    });
    LineReader reader(fds[0], maxBytes);
    QStringList seen;
    QString line;
    for (;;) {
        const LineReader::Outcome outcome = reader.next(&line);
        if (outcome == LineReader::Outcome::Line) {
            seen << line;
            continue;
        }
        seen << (outcome == LineReader::Outcome::End ? QStringLiteral("<end>")
                 : outcome == LineReader::Outcome::TooLong
                     ? QStringLiteral("<too long: line %1>").arg(reader.lineNumber())
                     : QStringLiteral("<failed>"));
        break;
    }
    ::close(fds[0]); // a writer still blocked gets EPIPE
    writer.join();
    return seen;
}
// "a|b|<end>" as a list.
QStringList expected(const char *joined)
{
    return QString::fromUtf8(joined).split(QLatin1Char('|'));
}
} // namespace

class TestLineReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        signal(SIGPIPE, SIG_IGN); // the writer of a line that was too long finds the pipe closed
    }

    void lines()
    {
        QCOMPARE(readAll("a\nbc\r\n\nlast", 8), expected("a|bc||last|<end>"));
        QCOMPARE(readAll("", 8), expected("<end>"));
        QCOMPARE(readAll("\n", 8), expected("|<end>"));
        QCOMPARE(readAll("caf\xc3\xa9 \xff\n", 8), expected("caf\xc3\xa9 \xef\xbf\xbd|<end>"));
    }

    // A line of exactly the bound passes, with or without CR or LF; one byte more is too long.
    void bound()
    {
        QCOMPARE(readAll("12345678\n", 8), expected("12345678|<end>"));
        QCOMPARE(readAll("12345678\r\n", 8), expected("12345678|<end>"));
        QCOMPARE(readAll("12345678", 8), expected("12345678|<end>"));
        QCOMPARE(readAll("ok\n123456789\n", 8), expected("ok|<too long: line 2>"));
        QCOMPARE(readAll("123456789", 8), expected("<too long: line 1>"));
    }

    // Lines longer than a read chunk, and a bound beyond it; input without a line end is stopped at the bound.
    void longInput()
    {
        const QByteArray big(200 * 1024, 'x');
        QCOMPARE(readAll(big + "\nz", 300 * 1024), QString::fromLatin1(big + "|z|<end>").split(QLatin1Char('|')));
        QCOMPARE(readAll(QByteArray(64 * 1024 * 1024, '\0'), 4096), expected("<too long: line 1>"));
    }
};

QTEST_GUILESS_MAIN(TestLineReader)
#include "tst_linereader.moc"

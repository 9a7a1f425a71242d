#include "CsvFiles.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using Rows = QList<QStringList>;
using Lines = QList<qint64>;

namespace {

// Chunk sizes that split quotes, CRLF pairs and multi-byte characters at every position, and the default.
const QList<qsizetype> chunkSizes{1, 2, 3, 4, 5, 7, 1024 * 1024};

using Parsed = ParsedCsv;

// The file read whole; an error that did not stick is an error of its own.
Parsed parse(const QByteArray &bytes, const CsvReader::Options &options = {})
{
    Parsed parsed = readCsv(bytes, options);
    if (!parsed.errorSticks)
        parsed.error = Error(Error::Code::Unknown, QStringLiteral("the error did not stick"));
    return parsed;
}

} // namespace

class TestCsv : public QObject
{
    Q_OBJECT

private slots:
    void readsRecords_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QChar>("forced");
        QTest::addColumn<QChar>("delimiter");
        QTest::addColumn<QStringList>("header");
        QTest::addColumn<Rows>("rows");
        QTest::addColumn<Lines>("lines");

        const QStringList ab{QStringLiteral("a"), QStringLiteral("b")};
        const QChar comma(u','), semicolon(u';'), tab(u'\t'), detect;
        const auto s = [](const char *text) { return QString::fromUtf8(text); };

        QTest::newRow("LF") << QByteArray("a,b\n1,2\n3,4\n") << detect << comma << ab
                            << Rows{{s("1"), s("2")}, {s("3"), s("4")}} << Lines{2, 3};
        QTest::newRow("CRLF, no final line break") << QByteArray("a,b\r\n1,2\r\n3,4") << detect << comma << ab
                                                   << Rows{{s("1"), s("2")}, {s("3"), s("4")}} << Lines{2, 3};
        QTest::newRow("classic Mac CR") << QByteArray("a,b\r1,2\r\r3,4\r") << detect << comma << ab
                                        << Rows{{s("1"), s("2")}, {s("3"), s("4")}} << Lines{2, 4};
        QTest::newRow("BOM dropped") << QByteArray("\xEF\xBB\xBF"
                                                   "a,b\n1,2\n")
                                     << detect << comma << ab << Rows{{s("1"), s("2")}} << Lines{2};
        QTest::newRow("semicolon detected")
            << QByteArray("a;b\n1,5;2\n") << detect << semicolon << ab << Rows{{s("1,5"), s("2")}} << Lines{2};
        QTest::newRow("tab detected") << QByteArray("a\tb\n1,5\t2;3\n") << detect << tab << ab
                                      << Rows{{s("1,5"), s("2;3")}} << Lines{2};
        QTest::newRow("more commas than semicolons")
            << QByteArray("a;x,b,c\n1,2,3\n") << detect << comma << QStringList{s("a;x"), s("b"), s("c")}
            << Rows{{s("1"), s("2"), s("3")}} << Lines{2};
        QTest::newRow("delimiters in quoted header names ignored")
            << QByteArray("\"a,b,c\";\"d\"\n1;2\n") << detect << semicolon << QStringList{s("a,b,c"), s("d")}
            << Rows{{s("1"), s("2")}} << Lines{2};
        QTest::newRow("forced semicolon") << QByteArray("a,b;c\n1,2;3\n") << semicolon << semicolon
                                          << QStringList{s("a,b"), s("c")} << Rows{{s("1,2"), s("3")}} << Lines{2};
        QTest::newRow("quoted delimiter")
            << QByteArray("a,b\n\"x,y\",\"z\"\n") << detect << comma << ab << Rows{{s("x,y"), s("z")}} << Lines{2};
        QTest::newRow("doubled quotes") << QByteArray("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n") << detect << comma << ab
                                        << Rows{{s("say \"hi\""), s("\"")}} << Lines{2};
        QTest::newRow("LF inside quotes") << QByteArray("a,b\n\"l1\nl2\n\",x\n3,4\n") << detect << comma << ab
                                          << Rows{{s("l1\nl2\n"), s("x")}, {s("3"), s("4")}} << Lines{2, 5};
        QTest::newRow("CRLF inside quotes")
            << QByteArray("a,b\r\n\"l1\r\nl2\",x\r\n3,\"4\r\n\r\n\"\r\n5,6\r\n") << detect << comma << ab
            << Rows{{s("l1\r\nl2"), s("x")}, {s("3"), s("4\r\n\r\n")}, {s("5"), s("6")}} << Lines{2, 4, 7};
        QTest::newRow("multi-line header") << QByteArray("\"a\nx\",b\n1,2\n") << detect << comma
                                           << QStringList{s("a\nx"), s("b")} << Rows{{s("1"), s("2")}} << Lines{3};
        QTest::newRow("blank lines skipped") << QByteArray("\n\r\na,b\n\n1,2\n   \n\t\r\n3,4\n\n") << detect << comma
                                             << ab << Rows{{s("1"), s("2")}, {s("3"), s("4")}} << Lines{5, 8};
        QTest::newRow("empty rows above the header")
            << QByteArray(";;\n;\n ;\"\" ; \na;b\n;;\n1;2\n") << detect << semicolon << ab
            << Rows{{s(""), s(""), s("")}, {s("1"), s("2")}} << Lines{5, 6};
        QTest::newRow("header only") << QByteArray("a,b\n") << detect << comma << ab << Rows{} << Lines{};
        QTest::newRow("header only, no line break") << QByteArray("a,b") << detect << comma << ab << Rows{} << Lines{};
        QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n,\"\",x\n") << detect << comma
                                      << QStringList{s("a"), s("b"), s("c")}
                                      << Rows{{s(""), s(""), s("")}, {s(""), s(""), s("x")}} << Lines{2, 3};
        QTest::newRow("single empty quoted field is not blank")
            << QByteArray("Name\n\"\"\nx\n") << detect << comma << QStringList{s("Name")} << Rows{{s("")}, {s("x")}}
            << Lines{2, 3};
        QTest::newRow("ragged rows kept") << QByteArray("a,b\n1\n1,2,3\n") << detect << comma << ab
                                          << Rows{{s("1")}, {s("1"), s("2"), s("3")}} << Lines{2, 3};
        QTest::newRow("lenient: quote inside unquoted field")
            << QByteArray("a,b\n5\"5,x\"\"y\n") << detect << comma << ab << Rows{{s("5\"5"), s("x\"\"y")}} << Lines{2};
        QTest::newRow("lenient: text after closing quote") << QByteArray("a,b\n\"q\"x\"y,\"a\"\"b\"c\n") << detect
                                                           << comma << ab << Rows{{s("qx\"y"), s("a\"bc")}} << Lines{2};
        QTest::newRow("spaces kept") << QByteArray("a, b\n 1 , \" 2 \"\n") << detect << comma
                                     << QStringList{s("a"), s(" b")} << Rows{{s(" 1 "), s(" \" 2 \"")}} << Lines{2};
        QTest::newRow("multi-byte UTF-8") << QByteArray("Marke;Preis\nCitroën;€ 5\n\"Škoda\n😀\";ü€😀ü\n") << detect
                                          << semicolon << QStringList{s("Marke"), s("Preis")}
                                          << Rows{{s("Citroën"), s("€ 5")}, {s("Škoda\n😀"), s("ü€😀ü")}} << Lines{2, 3};
        QTest::newRow("BOM character inside a field kept")
            << QByteArray("a,b\n\xEF\xBB\xBFx,\"\xEF\xBB\xBF\"\n") << detect << comma << ab
            << Rows{{QString(QChar(0xFEFF) + s("x")), QString(QChar(0xFEFF))}} << Lines{2};
    }
    void readsRecords()
    {
        QFETCH(QByteArray, input);
        QFETCH(QChar, forced);
        QFETCH(QChar, delimiter);
        QFETCH(QStringList, header);
        QFETCH(Rows, rows);
        QFETCH(Lines, lines);

        for (const qsizetype chunkSize : chunkSizes) {
            const QByteArray context = "chunk size " + QByteArray::number(chunkSize);
            CsvReader::Options options;
            options.delimiter = forced;
            options.chunkSize = chunkSize;
            const Parsed parsed = parse(input, options);
            QVERIFY2(!parsed.error, qPrintable(parsed.error ? parsed.error->message : QString()));
            QVERIFY2(parsed.delimiter == delimiter, context.constData());
            QVERIFY2(parsed.header == header, context.constData());
            QVERIFY2(parsed.rows == rows, context.constData());
            QVERIFY2(parsed.lines == lines, context.constData());
            QVERIFY2(parsed.bytesRead == input.size(), context.constData());
        }
    }

    void reportsErrors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<qsizetype>("maxRecordSize");
        QTest::addColumn<QString>("message");

        const qsizetype noLimit = 64 * 1024 * 1024;
        const QString utf8 = QStringLiteral(
            "Line %1 is not valid UTF-8 text. Save the file as UTF-8 (CSV UTF-8 in Excel) and try again.");
        const QString empty = QStringLiteral("The file is empty.");
        const QString notCsv = QStringLiteral("The file does not look like a CSV file");
        const QString binary = QStringLiteral("Line %1 contains binary data");
        const QString unclosed = QStringLiteral("The quoted field that starts on line %1 has no closing quote.");

        QTest::newRow("empty file") << QByteArray() << noLimit << empty;
        QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF") << noLimit << empty;
        QTest::newRow("only blank lines and empty rows") << QByteArray("\n\r\n  \n\t\n,,\n") << noLimit << empty;
        QTest::newRow("Latin-1 in a record") << QByteArray("a,b\n1,2\n3,caf\xE9\n") << noLimit << utf8.arg(3);
        QTest::newRow("Latin-1 in the header") << QByteArray("T\xFCren,b\n1,2\n") << noLimit << utf8.arg(1);
        QTest::newRow("Latin-1 on the 2nd line of a record")
            << QByteArray("a,b\n\n\"x\ny\xFF\",2\n") << noLimit << utf8.arg(4);
        QTest::newRow("truncated sequence at the end") << QByteArray("a,b\n1,\xC3") << noLimit << utf8.arg(2);
        QTest::newRow("overlong encoding") << QByteArray("a,b\n1,\xC0\xAF\n") << noLimit << utf8.arg(2);
        QTest::newRow("NUL byte") << QByteArray("a,b\n1,2\n3,\0x\n", 13) << noLimit << binary.arg(3);
        QTest::newRow("NUL byte in quotes") << QByteArray("a,b\n\"1\n\0\",2\n", 12) << noLimit << binary.arg(3);
        QTest::newRow("ZIP (xlsx)") << QByteArray("PK\x03\x04\x14\x00\x06\x00", 8) << noLimit << binary.arg(1);
        QTest::newRow("UTF-16") << QByteArray("\xFF\xFE"
                                              "a\0,\0b\0",
                                              8)
                                << noLimit << QStringLiteral("The file is UTF-16 text.");
        QTest::newRow("PDF") << QByteArray("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n") << noLimit << notCsv;
        QTest::newRow("HTML") << QByteArray("<!DOCTYPE html>\n<html>\n") << noLimit << notCsv;
        QTest::newRow("single long column") << QByteArray(100, 'x') + "\n1\n" << noLimit << notCsv;
        QTest::newRow("unterminated quote") << QByteArray("a,b\n1,2\n\"open,3\n4,5\n") << noLimit << unclosed.arg(3);
        QTest::newRow("unterminated quote in a later field")
            << QByteArray("a,b\n1,\"x\n\n\"\"y") << noLimit << unclosed.arg(2);
        QTest::newRow("quoted record too long")
            << QByteArray("a,b\n1,2\n3,\"") + QByteArray(200, 'x') << qsizetype(16)
            << QStringLiteral("The quoted field that starts on line 3 has no closing quote within 1 MB.");
        QTest::newRow("unquoted record too long") << QByteArray("a,b\n1,2\n3,") + QByteArray(200, 'x') + "\n"
                                                  << qsizetype(16) << QStringLiteral("Line 3 is longer than 1 MB");
        QTest::newRow("first line too long") << QByteArray(1024 * 1024 + 10, 'x') << noLimit
                                             << QStringLiteral("The first line of the file is longer than 1 MB");
    }
    void reportsErrors()
    {
        QFETCH(QByteArray, input);
        QFETCH(qsizetype, maxRecordSize);
        QFETCH(QString, message);

        for (const qsizetype chunkSize : chunkSizes) {
            if (input.size() > 100000 && chunkSize < 1024)
                continue;
            CsvReader::Options options;
            options.chunkSize = chunkSize;
            options.maxRecordSize = maxRecordSize;
            const Parsed parsed = parse(input, options);
            QVERIFY2(parsed.error, qPrintable(QStringLiteral("no error with chunk size %1").arg(chunkSize)));
            QVERIFY2(parsed.error->message.startsWith(message),
                     qPrintable(parsed.error->message + QStringLiteral(" (chunk size %1)").arg(chunkSize)));
            QCOMPARE(parsed.error->code, Error::Code::InvalidInput);
        }
    }

    void nextReadsTheHeaderFirst()
    {
        QBuffer buffer;
        buffer.setData("a;b\n1;2\n");
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer);
        CsvRecord record;
        QVERIFY(reader.next(record).value_or(false));
        QCOMPARE(record.fields, (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
        QCOMPARE(record.line, qint64(2));
        QCOMPARE(reader.delimiter(), QChar(u';'));
        QCOMPARE(reader.readHeader().value_or(QStringList()), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY(!reader.next(record).value_or(true));
    }

    void keptRecordsAreNotOverwritten()
    {
        QBuffer buffer;
        buffer.setData("a,b\nfirst,row\nsecond,\"row, too\"\n");
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer);
        CsvRecord record;
        QVERIFY(reader.next(record).value_or(false));
        const QStringList kept = record.fields;
        const QString keptField = record.fields.at(0);
        QVERIFY(reader.next(record).value_or(false));
        QCOMPARE(kept, (QStringList{QStringLiteral("first"), QStringLiteral("row")}));
        QCOMPARE(keptField, QStringLiteral("first"));
        QCOMPARE(record.fields, (QStringList{QStringLiteral("second"), QStringLiteral("row, too")}));
    }

    void reportsProgress()
    {
        QByteArray input("h1,h2\n");
        for (int i = 0; i < 2000; ++i)
            input += "row " + QByteArray::number(i) + ",\"quoted\nvalue\"\r\n";
        QBuffer buffer;
        buffer.setData(input);
        buffer.open(QIODevice::ReadOnly);
        CsvReader::Options options;
        options.chunkSize = 1000;
        CsvReader reader(&buffer, options);
        QVERIFY(reader.readHeader());
        QCOMPARE(reader.bytesRead(), qint64(6));
        CsvRecord record;
        qint64 last = reader.bytesRead();
        int count = 0;
        while (reader.next(record).value_or(false)) {
            QVERIFY(reader.bytesRead() > last);
            last = reader.bytesRead();
            QCOMPARE(record.line, qint64(2 + 2 * count));
            QCOMPARE(record.fields.at(0), QStringLiteral("row %1").arg(count));
            ++count;
        }
        QCOMPARE(count, 2000);
        QCOMPARE(reader.bytesRead(), qint64(input.size()));
    }

    void writesQuotesOnlyWhereNeeded_data()
    {
        QTest::addColumn<QStringList>("row");
        QTest::addColumn<QChar>("delimiter");
        QTest::addColumn<QByteArray>("expected");

        const QChar comma(u','), semicolon(u';'), tab(u'\t');
        const auto s = [](const char *text) { return QString::fromUtf8(text); };
        QTest::newRow("plain") << QStringList{s("a"), s("b c"), s("ü€")} << comma << QByteArray("a,b c,ü€\r\n");
        QTest::newRow("delimiter") << QStringList{s("x,y"), s("x;y")} << comma << QByteArray("\"x,y\",x;y\r\n");
        QTest::newRow("semicolon delimiter")
            << QStringList{s("x,y"), s("x;y")} << semicolon << QByteArray("x,y;\"x;y\"\r\n");
        QTest::newRow("tab delimiter") << QStringList{s("x\ty"), s("x,y")} << tab << QByteArray("\"x\ty\"\tx,y\r\n");
        QTest::newRow("quotes doubled") << QStringList{s("say \"hi\""), s("\"")} << comma
                                        << QByteArray("\"say \"\"hi\"\"\",\"\"\"\"\r\n");
        QTest::newRow("line breaks") << QStringList{s("l1\nl2"), s("l1\r\nl2"), s("cr\r")} << comma
                                     << QByteArray("\"l1\nl2\",\"l1\r\nl2\",\"cr\r\"\r\n");
        QTest::newRow("leading and trailing space") << QStringList{s(" a"), s("b "), s("c\t"), s("in side")} << comma
                                                    << QByteArray("\" a\",\"b \",\"c\t\",in side\r\n");
        QTest::newRow("leading BOM character") << QStringList{QStringLiteral("\uFEFFvin"), QStringLiteral("a\uFEFF")}
                                               << comma << QByteArray("\"\xEF\xBB\xBFvin\",a\xEF\xBB\xBF\r\n");
        QTest::newRow("empty fields") << QStringList{s(""), s(""), s("")} << comma << QByteArray(",,\r\n");
        QTest::newRow("single empty field") << QStringList{s("")} << comma << QByteArray("\"\"\r\n");
        // OWASP's advice against CSV injection: an apostrophe before what a spreadsheet would run.
        QTest::newRow("formulas neutralised")
            << QStringList{s("=HYPERLINK(\"http://x\")"), s("+49 30"), s("-5"), s("@SUM(A1)"), s("\tx"), s("\rx")}
            << comma << QByteArray("\"'=HYPERLINK(\"\"http://x\"\")\",'+49 30,'-5,'@SUM(A1),'\tx,\"'\rx\"\r\n");
        QTest::newRow("formula characters inside")
            << QStringList{s("a=b"), s("x-5"), s(" =1")} << comma << QByteArray("a=b,x-5,\" =1\"\r\n");
        // An apostrophe the reader would take off gets one more; other apostrophes stay as they are.
        QTest::newRow("apostrophes") << QStringList{s("'Tis"), s("'=x"), s("''"), s("'")} << comma
                                     << QByteArray("'Tis,''=x,''','\r\n");
    }
    void writesQuotesOnlyWhereNeeded()
    {
        QFETCH(QStringList, row);
        QFETCH(QChar, delimiter);
        QFETCH(QByteArray, expected);

        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter::Options options;
        options.delimiter = delimiter;
        {
            CsvWriter writer(&buffer, options);
            QVERIFY(writer.writeRow(row));
        } // the destructor flushes
        QCOMPARE(buffer.data(), expected);
    }

    void numericColumnsKeepTheirNumbers()
    {
        CsvWriter::Options options;
        options.numericColumns = {true, true, true, false};
        // A number stays a number where the caller says the column holds numbers; anything else there, and
        // the same text in a text column, is neutralised.
        const QStringList row{QStringLiteral("-5"), QStringLiteral("+1.50"), QStringLiteral("-1+1"),
                              QStringLiteral("-5")};
        QCOMPARE(writeCsv({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}, {row},
                          options),
                 QByteArray("a,b,c,d\r\n-5,+1.50,'-1+1,'-5\r\n"));
        options.neutraliseFormulas = false;
        QCOMPARE(writeCsv({QStringLiteral("x")}, {{QStringLiteral("=1")}}, options), QByteArray("x\r\n=1\r\n"));
    }

    void readsNeutralisedFormulasBack_data()
    {
        QTest::addColumn<QByteArray>("cell");
        QTest::addColumn<QString>("value");
        QTest::newRow("formula") << QByteArray("\"'=HYPERLINK(\"\"x\"\")\"") << QStringLiteral("=HYPERLINK(\"x\")");
        QTest::newRow("plus") << QByteArray("'+1") << QStringLiteral("+1");
        QTest::newRow("minus") << QByteArray("'-5") << QStringLiteral("-5");
        QTest::newRow("at") << QByteArray("'@x") << QStringLiteral("@x");
        QTest::newRow("tab") << QByteArray("'\tx") << QStringLiteral("\tx");
        QTest::newRow("quoted CR") << QByteArray("\"'\rx\"") << QStringLiteral("\rx");
        QTest::newRow("apostrophe kept") << QByteArray("'Tis") << QStringLiteral("'Tis");
        QTest::newRow("lone apostrophe") << QByteArray("'") << QStringLiteral("'");
        QTest::newRow("doubled") << QByteArray("''=x") << QStringLiteral("'=x");
    }
    void readsNeutralisedFormulasBack()
    {
        QFETCH(QByteArray, cell);
        QFETCH(QString, value);
        const Parsed parsed = parse("a,b\n" + cell + ",z\n");
        QVERIFY(!parsed.error);
        QCOMPARE(parsed.rows.size(), 1);
        QCOMPARE(parsed.rows.first().value(0), value);
        QCOMPARE(CsvWriter::restored(CsvWriter::neutralised(value)), value);

        // Without the option the apostrophe stays.
        CsvReader::Options raw;
        raw.restoreNeutralised = false;
        const Parsed kept = parse("a,b\n" + cell + ",z\n", raw);
        QVERIFY(!kept.error);
        QCOMPARE(kept.rows.first().value(0), CsvWriter::neutralised(value));
    }

    void writesOptions()
    {
        const QStringList row{QStringLiteral("a"), QStringLiteral("b")};
        CsvWriter::Options options;
        QCOMPARE(writeCsv(row, {row}, options), QByteArray("a,b\r\na,b\r\n"));
        options.lineEnd = CsvWriter::LineEnd::Lf;
        QCOMPARE(writeCsv(row, {row}, options), QByteArray("a,b\na,b\n"));
        options.byteOrderMark = true;
        QCOMPARE(writeCsv(row, {}, options), QByteArray("\xEF\xBB\xBF"
                                                        "a,b\n"));
    }

    void reportsWriteErrors()
    {
        QBuffer buffer;
        buffer.open(QIODevice::ReadOnly);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("ReadOnly device")));
        CsvWriter writer(&buffer);
        QVERIFY(writer.writeRow({QStringLiteral("a")}));
        const Result<void> flushed = writer.flush();
        QVERIFY(!flushed);
        QVERIFY(flushed.error().message.startsWith(QStringLiteral("The file could not be written")));
        QVERIFY(!writer.writeRow({QStringLiteral("b")})); // stays failed
    }

    // A first field that starts with U+FEFF (a file that began with a blank line and then a byte order
    // mark, or two files put together) is not read back as the file's byte order mark.
    void leadingBomCharacterReadsBack()
    {
        const QStringList header{QStringLiteral("\uFEFFvin"), QStringLiteral("make")};
        const QStringList row{QStringLiteral("\uFEFF1HGCM82633A004352"), QStringLiteral("Honda")};
        for (const bool bom : {false, true}) {
            CsvWriter::Options options;
            options.byteOrderMark = bom;
            const Parsed parsed = parse(writeCsv(header, {row}, options));
            QVERIFY(!parsed.error);
            QCOMPARE(parsed.header, header);
            QCOMPARE(parsed.rows, Rows{row});
        }
    }

    void roundTrip_data()
    {
        QTest::addColumn<QChar>("delimiter");
        QTest::addColumn<int>("lineEnd");
        QTest::addColumn<bool>("bom");
        QTest::addColumn<bool>("forceDelimiter");

        QTest::newRow("comma, CRLF") << QChar(u',') << int(CsvWriter::LineEnd::CrLf) << false << false;
        QTest::newRow("semicolon, LF, BOM") << QChar(u';') << int(CsvWriter::LineEnd::Lf) << true << false;
        QTest::newRow("tab, CRLF, BOM") << QChar(u'\t') << int(CsvWriter::LineEnd::CrLf) << true << false;
        QTest::newRow("semicolon forced") << QChar(u';') << int(CsvWriter::LineEnd::CrLf) << false << true;
    }
    void roundTrip()
    {
        QFETCH(QChar, delimiter);
        QFETCH(int, lineEnd);
        QFETCH(bool, bom);
        QFETCH(bool, forceDelimiter);

        // Pieces that need quoting, multi-byte characters (a surrogate pair, a BOM character) and plain text.
        const QStringList pieces{QStringLiteral(","),  QStringLiteral(";"),        QStringLiteral("\t"),
                                 QStringLiteral("\""), QStringLiteral("\"\""),     QStringLiteral("\n"),
                                 QStringLiteral("\r"), QStringLiteral("\r\n"),     QStringLiteral(" "),
                                 QStringLiteral("a"),  QStringLiteral("Z9"),       QStringLiteral("ü"),
                                 QStringLiteral("€"),  QString::fromUtf8("😀"),     QString(QChar(0xFEFF)),
                                 QStringLiteral("="),  QStringLiteral("Fahrzeug"), QStringLiteral("'"),
                                 QStringLiteral("+"),  QStringLiteral("-"),        QStringLiteral("@")};
        QRandomGenerator random(20240607);
        QStringList header;
        for (int i = 0; i < 6; ++i)
            header.append(QStringLiteral("column %1").arg(i));
        Rows rows;
        for (int r = 0; r < 400; ++r) {
            QStringList row;
            const int columns = random.bounded(1, 8);
            for (int c = 0; c < columns; ++c) {
                QString field;
                const int length = random.bounded(0, 7);
                for (int p = 0; p < length; ++p)
                    field += pieces.at(random.bounded(pieces.size()));
                row.append(field);
            }
            rows.append(row);
        }
        rows.append({QString()});                                 // a single empty field
        rows.append({QStringLiteral(" "), QStringLiteral("\t")}); // blank-looking
        rows.append({QStringLiteral("\n")});

        CsvWriter::Options writeOptions;
        writeOptions.delimiter = delimiter;
        writeOptions.lineEnd = CsvWriter::LineEnd(lineEnd);
        writeOptions.byteOrderMark = bom;
        const QByteArray bytes = writeCsv(header, rows, writeOptions);
        QVERIFY(!bytes.isEmpty());
        QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), bom);

        for (const qsizetype chunkSize : {qsizetype(1), qsizetype(3), qsizetype(64), qsizetype(1024 * 1024)}) {
            CsvReader::Options readOptions;
            readOptions.chunkSize = chunkSize;
            if (forceDelimiter)
                readOptions.delimiter = delimiter;
            const Parsed parsed = parse(bytes, readOptions);
            QVERIFY2(!parsed.error, qPrintable(parsed.error ? parsed.error->message : QString()));
            QCOMPARE(parsed.delimiter, delimiter);
            QCOMPARE(parsed.header, header);
            QCOMPARE(parsed.rows.size(), rows.size());
            for (qsizetype i = 0; i < rows.size(); ++i)
                QCOMPARE(parsed.rows.at(i), rows.at(i));
        }
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"

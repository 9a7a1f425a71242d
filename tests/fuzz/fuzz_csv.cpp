// CsvReader on any bytes (the files users import), under the sanitizers. Besides not crashing:
// - the result does not depend on how the file arrives: read a few bytes at a time it gives the same
//   header, records, lines and error as read whole;
// - after an error the reader stays failed with the same error;
// - records start on increasing lines;
// - what CsvWriter writes of the records reads back to the same records (the export/import round trip).
//
// The first byte chooses the options: the delimiter (detected or forced), how the formula apostrophe is
// treated and the chunk size of the second read; the rest is the file.

#include "FuzzSupport.h"

#include "io/CsvReader.h"
#include "io/CsvWriter.h"

#include <QBuffer>
#include <QList>

#include <limits>
#include <optional>

namespace {

struct Parsed
{
    std::optional<QStringList> header;
    QList<QStringList> rows;
    QList<qint64> lines;
    QChar delimiter;
    std::optional<Error> error;
};

Parsed parse(const QByteArray &bytes, const CsvReader::Options &options)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, options);
    Parsed parsed;
    const Result<QStringList> header = reader.readHeader();
    if (!header) {
        parsed.error = header.error();
        const Result<QStringList> again = reader.readHeader();
        FUZZ_CHECK(!again && again.error().message == header.error().message);
        return parsed;
    }
    parsed.header = *header;
    parsed.delimiter = reader.delimiter();
    FUZZ_CHECK(!parsed.delimiter.isNull());
    CsvRecord record;
    for (;;) {
        const Result<bool> more = reader.next(record);
        if (!more) {
            parsed.error = more.error();
            const Result<bool> again = reader.next(record);
            FUZZ_CHECK(!again && again.error().message == more.error().message);
            break;
        }
        if (!*more)
            break;
        FUZZ_CHECK(!record.fields.isEmpty());
        FUZZ_CHECK(parsed.lines.isEmpty() ? record.line >= 1 : record.line > parsed.lines.last());
        parsed.rows.append(record.fields);
        parsed.lines.append(record.line);
    }
    FUZZ_CHECK(reader.bytesRead() >= 0 && reader.bytesRead() <= bytes.size());
    return parsed;
}

bool sameError(const std::optional<Error> &a, const std::optional<Error> &b)
{
    return a.has_value() == b.has_value() && (!a || (a->code == b->code && a->message == b->message));
}

QByteArray written(const Parsed &parsed)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter::Options options;
    options.delimiter = parsed.delimiter;
    {
        CsvWriter writer(&buffer, options);
        FUZZ_CHECK(writer.writeRow(*parsed.header).has_value());
        for (const QStringList &row : parsed.rows)
            FUZZ_CHECK(writer.writeRow(row).has_value());
        FUZZ_CHECK(writer.flush().has_value());
    }
    return buffer.data();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::uint8_t choice = data[0];
    const QByteArray file = bytesOf(data + 1, size - 1);

    CsvReader::Options options;
    static constexpr char16_t delimiters[] = {u'\0', u',', u';', u'\t'};
    options.delimiter = QChar(delimiters[choice & 3]);
    options.restoreNeutralised = (choice & 4) != 0;
    // A record longer than this is an error; small, so that the fuzzer reaches the limit.
    options.maxRecordSize = 4096;

    const Parsed whole = parse(file, options);
    CsvReader::Options piecemeal = options;
    piecemeal.chunkSize = 1 + (choice >> 3); // 1 to 32 bytes a read
    const Parsed pieces = parse(file, piecemeal);
    FUZZ_CHECK(sameError(whole.error, pieces.error));
    FUZZ_CHECK(whole.header.has_value() == pieces.header.has_value());
    FUZZ_COMPARE(whole.header.value_or(QStringList()), pieces.header.value_or(QStringList()));
    FUZZ_COMPARE(whole.delimiter, pieces.delimiter);
    FUZZ_COMPARE(whole.rows, pieces.rows);
    FUZZ_COMPARE(whole.lines, pieces.lines);

    // What was read is written as an export writes it, and reads back the same (the delimiter is the
    // one the file was read with: a one-column header does not tell it).
    if (!whole.header)
        return 0;
    CsvReader::Options again;
    again.delimiter = whole.delimiter;
    again.maxRecordSize = std::numeric_limits<qsizetype>::max();
    const Parsed reread = parse(written(whole), again);
    FUZZ_CHECK(!reread.error);
    FUZZ_COMPARE(reread.header.value_or(QStringList()), *whole.header);
    FUZZ_COMPARE(reread.rows, whole.rows);
    return 0;
}

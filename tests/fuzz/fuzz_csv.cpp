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

#include "CsvFiles.h"

#include <limits>

namespace {

ParsedCsv parse(const QByteArray &bytes, const CsvReader::Options &options)
{
    const ParsedCsv parsed = readCsv(bytes, options);
    FUZZ_CHECK(parsed.errorSticks);
    FUZZ_CHECK(parsed.error || !parsed.header.isEmpty());
    FUZZ_CHECK(parsed.header.isEmpty() || !parsed.delimiter.isNull());
    for (qsizetype i = 0; i < parsed.rows.size(); ++i) {
        FUZZ_CHECK(!parsed.rows.at(i).isEmpty());
        FUZZ_CHECK(i == 0 ? parsed.lines.at(i) >= 1 : parsed.lines.at(i) > parsed.lines.at(i - 1));
    }
    FUZZ_CHECK(parsed.bytesRead >= 0 && parsed.bytesRead <= bytes.size());
    return parsed;
}

bool sameError(const std::optional<Error> &a, const std::optional<Error> &b)
{
    return a.has_value() == b.has_value() && (!a || (a->code == b->code && a->message == b->message));
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

    const ParsedCsv whole = parse(file, options);
    CsvReader::Options piecemeal = options;
    piecemeal.chunkSize = 1 + (choice >> 3); // 1 to 32 bytes a read
    const ParsedCsv pieces = parse(file, piecemeal);
    FUZZ_CHECK(sameError(whole.error, pieces.error));
    FUZZ_COMPARE(whole.header, pieces.header);
    FUZZ_COMPARE(whole.delimiter, pieces.delimiter);
    FUZZ_COMPARE(whole.rows, pieces.rows);
    FUZZ_COMPARE(whole.lines, pieces.lines);

    // What was read is written as an export writes it, and reads back the same (the delimiter is the
    // one the file was read with: a one-column header does not tell it).
    if (whole.header.isEmpty())
        return 0;
    CsvReader::Options reading;
    reading.delimiter = whole.delimiter;
    reading.maxRecordSize = std::numeric_limits<qsizetype>::max();
    CsvWriter::Options writing;
    writing.delimiter = whole.delimiter;
    const QByteArray written = writeCsv(whole.header, whole.rows, writing);
    FUZZ_CHECK(!written.isEmpty());
    const ParsedCsv reread = parse(written, reading);
    FUZZ_CHECK(!reread.error);
    FUZZ_COMPARE(reread.header, whole.header);
    FUZZ_COMPARE(reread.rows, whole.rows);
    return 0;
}

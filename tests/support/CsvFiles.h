#pragma once

// Whole CSV files in memory, read with CsvReader and written with CsvWriter, for the CSV tests and
// fuzz_csv (header-only: the fuzzers are built apart from the test support library).

#include "io/CsvReader.h"
#include "io/CsvWriter.h"

#include <QBuffer>
#include <QList>

#include <optional>

struct ParsedCsv
{
    QStringList header; // empty when the header could not be read
    QList<QStringList> rows;
    QList<qint64> lines; // each row's first line
    QChar delimiter;
    std::optional<Error> error; // the error that ended the reading, if one did
    bool errorSticks = true;    // after the error the reader returned the same error again
    qint64 bytesRead = 0;
};

inline ParsedCsv readCsv(const QByteArray &bytes, const CsvReader::Options &options = {})
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, options);
    ParsedCsv parsed;
    const Result<QStringList> header = reader.readHeader();
    if (!header) {
        parsed.error = header.error();
        const Result<QStringList> again = reader.readHeader();
        parsed.errorSticks = !again && again.error().message == header.error().message;
        return parsed;
    }
    parsed.header = *header;
    parsed.delimiter = reader.delimiter();
    CsvRecord record;
    for (;;) {
        const Result<bool> more = reader.next(record);
        if (!more) {
            parsed.error = more.error();
            const Result<bool> again = reader.next(record);
            parsed.errorSticks = !again && again.error().message == more.error().message;
            break;
        }
        if (!*more)
            break;
        parsed.rows.append(record.fields);
        parsed.lines.append(record.line);
    }
    parsed.bytesRead = reader.bytesRead();
    return parsed;
}

// The file CsvWriter writes; empty when it failed.
inline QByteArray writeCsv(const QStringList &header, const QList<QStringList> &rows,
                           const CsvWriter::Options &options = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter writer(&buffer, options);
        if (!writer.writeRow(header))
            return {};
        for (const QStringList &row : rows) {
            if (!writer.writeRow(row))
                return {};
        }
        if (!writer.flush())
            return {};
    }
    return buffer.data();
}

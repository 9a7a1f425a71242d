#pragma once

#include "Error.h"

#include <QByteArray>
#include <QChar>
#include <QCoreApplication>
#include <QStringConverter>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

class QIODevice;

// One record (row) of a CSV file.
struct CsvRecord
{
    QStringList fields;
    qint64 line = 0; // 1-based physical line on which the record starts
};

// Reads a CSV file as a stream of records: bounded memory (one chunk plus the record being read),
// safe for files of several GB, on any thread (no widgets, no database).
//
// - Text: UTF-8, with or without a byte order mark (the BOM is dropped). Anything else is an error that
//   names the line: Latin-1 / Windows-1252 bytes, UTF-16 files, binary data (NUL bytes), a first line
//   that is not a row of column names.
// - Delimiter: ',' ';' or tab, detected from the header line (the most frequent one outside quotes;
//   ties prefer ',' then ';'), or forced with Options::delimiter.
// - Quoting as in RFC 4180: a field that starts with '"' runs to the next lone '"'; inside it the
//   delimiter, line breaks (LF, CRLF, CR) and doubled quotes ("") are data.
// - Lenient where no data is lost: a '"' in the middle of an unquoted field (5"5) is kept as a
//   character, text after the closing quote of a field ("a"b) is appended to it (ab), and space before
//   an opening quote makes the field unquoted (the quotes stay in the value).
// - Records end with LF, CRLF or a lone CR (classic Mac); the last line needs no line break. Lines that
//   are empty or hold only spaces and tabs (unless tab is the delimiter) are skipped; so are rows of empty
//   cells (",,,") above the header, but not below it: there they are records, which keeps a written
//   row of empty fields intact. Records may have fewer or more fields than the header: the caller
//   decides what that means.
// - A leading apostrophe that protects a formula ('=..., '+..., '-..., '@..., see CsvWriter) is dropped.
// - A field that is still quoted at the end of the file is an error that names the line where it
//   started, as is a record longer than Options::maxRecordSize (most likely a missing closing quote).
//
// After an error the reader stays failed: readHeader() and next() return the same error.
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)

public:
    struct Options
    {
        QChar delimiter;                            // null: detect from the header line
        qsizetype chunkSize = 1024 * 1024;          // bytes per read from the device
        qsizetype maxRecordSize = 64 * 1024 * 1024; // bytes; a longer record is an error
        // Take off the apostrophe CsvWriter puts before a value that a spreadsheet would run as a formula
        // ('=SUM(A1) reads as =SUM(A1); see CsvWriter::restored), so that exports read back as they were.
        bool restoreNeutralised = true;
    };

    // `device` must be open for reading and outlive the reader; reading starts at its current position.
    explicit CsvReader(QIODevice *device);
    CsvReader(QIODevice *device, const Options &options);

    // The first record with text: the column names as written (not trimmed). Detects the delimiter and
    // reads on the first call; later calls return the same result.
    Result<QStringList> readHeader();

    // The next record into `record` (its strings are reused when nobody else holds them): true, or false
    // at the end of the file. Reads the header first when readHeader() has not been called.
    Result<bool> next(CsvRecord &record);

    // The delimiter in use; null until the header was read (unless forced).
    QChar delimiter() const { return m_delimiter; }
    // Bytes of the device consumed by the BOM, the header and the records returned so far, for
    // progress against QIODevice::size().
    qint64 bytesRead() const;

private:
    struct Span
    {
        qsizetype begin; // offsets into m_buffer relative to the record start
        qsizetype end;
    };
    enum class Scan {
        Record,   // a complete record is in m_buffer
        Blank,    // an empty or blank line was skipped
        NeedMore, // the end of the buffer was reached in the middle of a record
        End,      // the end of the file, nothing pending
        Failed,   // m_error is set
    };

    Result<bool> fill(); // appends one chunk; false at the end of the file
    Result<void> checkRecordSize(qsizetype size);
    Result<void> start();
    Result<QChar> detectDelimiter();
    void setDelimiter(QChar delimiter);
    Scan scan();
    Result<bool> readRecord(CsvRecord &record);
    Result<void> decode(CsvRecord &record);
    void assignField(QString &out, const char *data, qsizetype size);
    Error fail(Error error);
    void resetRecord();

    QIODevice *m_device = nullptr;
    Options m_options;
    QChar m_delimiter;
    std::array<quint8, 256> m_class{};

    QByteArray m_buffer;
    qsizetype m_recordStart = 0; // offset of the record being read
    qsizetype m_pos = 0;         // scan position
    qint64 m_consumed = 0;       // bytes of the file before m_buffer[0]
    bool m_atEnd = false;        // the device has no more data
    bool m_started = false;      // BOM and encoding checked
    bool m_skipLf = false;       // the previous record ended with CR: a following LF belongs to it

    // The record being scanned.
    int m_state = 0;
    qint64 m_line = 1;       // physical line at m_pos
    qint64 m_recordLine = 1; // line on which the record starts
    qint64 m_quoteLine = 1;  // line on which the last quoted field started
    bool m_highBytes = false;
    qsizetype m_fieldBegin = 0;
    std::vector<Span> m_spans;
    qsizetype m_recordEnd = 0; // after Scan::Record: end of the record's data (before the line break)

    bool m_headerRead = false;
    QStringList m_header;
    std::optional<Error> m_error;
    QStringDecoder m_decoder{QStringDecoder::Utf8,
                             QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom};
    QByteArray m_scratch;
};

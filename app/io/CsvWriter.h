#pragma once

#include "Error.h"

#include <QByteArray>
#include <QChar>
#include <QCoreApplication>
#include <QStringConverter>
#include <QStringList>

#include <optional>

class QIODevice;

// Writes CSV rows to a device as UTF-8, buffered (about 1 MB per write to the device).
//
// - A field is quoted only when it has to be: when it contains the delimiter, a quote, CR or LF, or
//   starts or ends with a space or tab (which some readers trim). Quotes inside are doubled (RFC 4180).
//   A row that is a single empty field is written as "" so that it is not read as a blank line; a row
//   without fields is an empty line (which readers skip).
// - Line ends are CRLF by default (RFC 4180; Excel on every platform reads them); LF on request.
// - No byte order mark by default. Excel needs one to open a UTF-8 file by double-click without the
//   import dialog, so exports meant for Excel may turn it on; CsvReader accepts both.
// - Values are written exactly as given: no prefix against "CSV formula injection" (cells starting with
//   = + - @), because an export must read back to the same data. Spreadsheets that evaluate such
//   cells are the reader's concern; Forecourt's own import treats every cell as text.
//
// Errors from the device are kept: after the first one every call returns it. The destructor
// flushes, but only flush() reports whether that worked.
class CsvWriter
{
    Q_DECLARE_TR_FUNCTIONS(CsvWriter)

public:
    enum class LineEnd { CrLf, Lf };

    struct Options
    {
        QChar delimiter = u','; // ',' ';' or tab (any ASCII character but a quote, CR or LF)
        LineEnd lineEnd = LineEnd::CrLf;
        bool byteOrderMark = false;
    };

    // `device` must be open for writing and outlive the writer.
    explicit CsvWriter(QIODevice *device);
    CsvWriter(QIODevice *device, const Options &options);
    ~CsvWriter();
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    Result<void> writeRow(const QStringList &fields);
    // Writes what is buffered to the device.
    Result<void> flush();

    // True when `field` must be quoted with this delimiter.
    static bool needsQuotes(QStringView field, QChar delimiter);

private:
    void appendUtf8(QStringView text);

    QIODevice *m_device = nullptr;
    Options m_options;
    QByteArray m_buffer;
    std::optional<Error> m_error;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
};

#pragma once

#include "Error.h"

#include <QByteArray>
#include <QChar>
#include <QCoreApplication>
#include <QStringConverter>
#include <QStringList>

#include <optional>
#include <vector>

class QIODevice;

// Writes CSV rows to a device as UTF-8, buffered (about 1 MB per write to the device).
//
// - A field is quoted only when it has to be: when it contains the delimiter, a quote, CR or LF, or
//   starts or ends with a space or tab (which some readers trim), or starts with U+FEFF (which at the start
//   of a file reads as a byte order mark). Quotes inside are doubled (RFC 4180).
//   A row that is a single empty field is written as "" so that it is not read as a blank line; a row
//   without fields is an empty line (which readers skip).
// - Line ends are CRLF by default (RFC 4180; Excel on every platform reads them); LF on request.
// - No byte order mark by default. Excel needs one to open a UTF-8 file by double-click without the
//   import dialog, so exports meant for Excel may turn it on; CsvReader accepts both.
// - Spreadsheet formulas are neutralised as OWASP recommends against CSV injection: a value that starts
//   with = + - @, tab or CR gets a leading apostrophe ("=HYPERLINK(...)" is written '=HYPERLINK(...)), so
//   Excel, LibreOffice and Sheets show it as text instead of running it. So that this can be undone
//   exactly, a value that already starts with an apostrophe followed by one of those characters or by
//   another apostrophe gets one more. CsvReader takes the apostrophe off again (restored()), so a file
//   written here reads back to the same values. Columns marked in Options::numericColumns keep a plain
//   number ("-5", "+1.5") as it is, so spreadsheets still read it as a number.
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
        bool neutraliseFormulas = true;
        // By column index: true where every value is a number the caller wrote itself.
        std::vector<bool> numericColumns;
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

    // The field as written against formula injection: "'" + field when it starts with = + - @, tab or CR,
    // or with an apostrophe followed by one of those or another apostrophe; otherwise the field itself.
    static QString neutralised(const QString &field);
    // The reverse of neutralised(), for readers: one leading apostrophe is dropped when one of those
    // characters (or an apostrophe) follows it. Other text ("'Tis") stays as it is.
    static QString restored(const QString &field);
    // True for a plain number: an optional sign, digits, an optional '.' and more digits.
    static bool isPlainNumber(QStringView field);

private:
    void appendUtf8(QStringView text);

    QIODevice *m_device = nullptr;
    Options m_options;
    QByteArray m_buffer;
    std::optional<Error> m_error;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
};

#include "io/CsvReader.h"

#include "io/CsvWriter.h"

#include <QIODevice>

#include <algorithm>
#include <cstring>

namespace {

// Byte classes for the scanner: everything it needs to know about a byte in one table look-up.
enum : quint8 { Plain, High, Quote, Delimiter, Cr, Lf, Nul };

// Scanner states.
enum : int {
    FieldStart,    // nothing of the current field seen yet
    Unquoted,      // inside a field that did not start with a quote
    Quoted,        // inside the quotes of a quoted field
    QuoteInQuoted, // a quote inside a quoted field: its end, or the first half of ""
};

// The first line may not be longer than this without a line break: past it, the file is not CSV.
constexpr qsizetype MaxHeaderSize = 1024 * 1024;

QString megabytes(qsizetype bytes)
{
    return QString::number((bytes + 1024 * 1024 - 1) / (1024 * 1024));
}

// A single column name that could be a heading: "VIN", "Stock no." - not "%PDF-1.4" or "<html>".
bool isPlausibleColumnName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 64 || !trimmed.front().isLetterOrNumber())
        return false;
    bool letter = false;
    for (const QChar c : trimmed) {
        if (c.category() == QChar::Other_Control || c == QChar::ReplacementCharacter)
            return false;
        letter = letter || c.isLetter();
    }
    return letter;
}

} // namespace

CsvReader::CsvReader(QIODevice *device)
    : CsvReader(device, Options())
{}

CsvReader::CsvReader(QIODevice *device, const Options &options)
    : m_device(device)
    , m_options(options)
{
    Q_ASSERT(m_device);
    m_options.chunkSize = qMax<qsizetype>(1, m_options.chunkSize);
    m_options.maxRecordSize = qMax<qsizetype>(1, m_options.maxRecordSize);
    if (!m_options.delimiter.isNull())
        setDelimiter(m_options.delimiter);
}

qint64 CsvReader::bytesRead() const
{
    return m_consumed + m_recordStart;
}

Error CsvReader::fail(Error error)
{
    m_error = error;
    return error;
}

void CsvReader::setDelimiter(QChar delimiter)
{
    const bool usable = delimiter.unicode() < 0x80 && delimiter != u'"' && delimiter != u'\r' && delimiter != u'\n' &&
                        !delimiter.isNull();
    Q_ASSERT_X(usable, "CsvReader", "the delimiter must be an ASCII character other than a quote or line break");
    m_delimiter = usable ? delimiter : QChar(u',');
    for (int byte = 0; byte < 256; ++byte)
        m_class[byte] = byte >= 0x80 ? High : Plain;
    m_class['"'] = Quote;
    m_class['\r'] = Cr;
    m_class['\n'] = Lf;
    m_class[0] = Nul;
    m_class[m_delimiter.unicode()] = Delimiter;
}

// A record may not grow beyond Options::maxRecordSize: that bounds the memory, and in a CSV file it
// mostly means a quote that is never closed.
Result<void> CsvReader::checkRecordSize(qsizetype size)
{
    if (size <= m_options.maxRecordSize)
        return {};
    if (m_state == Quoted)
        return std::unexpected(fail(
            {Error::Code::InvalidInput, tr("The quoted field that starts on line %1 has no closing quote within %2 MB. "
                                           "Check the quotes on that line and try again.")
                                            .arg(m_quoteLine)
                                            .arg(megabytes(m_options.maxRecordSize))}));
    return std::unexpected(
        fail({Error::Code::InvalidInput, tr("Line %1 is longer than %2 MB, which is too long for a row of a CSV file. "
                                            "Check that the file is a CSV file.")
                                             .arg(m_recordLine)
                                             .arg(megabytes(m_options.maxRecordSize))}));
}

Result<bool> CsvReader::fill()
{
    if (m_atEnd)
        return false;

    // Keep only the record being read, at the start of the buffer.
    if (m_recordStart > 0) {
        const qsizetype keep = m_buffer.size() - m_recordStart;
        char *data = m_buffer.data();
        std::memmove(data, data + m_recordStart, static_cast<size_t>(keep));
        m_buffer.truncate(keep);
        m_consumed += m_recordStart;
        m_pos -= m_recordStart;
        m_fieldBegin -= m_recordStart;
        m_recordStart = 0;
    }
    if (const Result<void> size = checkRecordSize(m_buffer.size()); !size)
        return std::unexpected(size.error());

    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + m_options.chunkSize);
    qint64 count = m_device->read(m_buffer.data() + old, m_options.chunkSize);
    while (count == 0 && m_device->isSequential() && m_device->waitForReadyRead(-1))
        count = m_device->read(m_buffer.data() + old, m_options.chunkSize);
    m_buffer.truncate(old + qMax<qint64>(0, count));
    if (count < 0)
        return std::unexpected(
            fail({Error::Code::Unknown, tr("The file could not be read: %1").arg(m_device->errorString()),
                  m_device->errorString()}));
    if (count == 0)
        m_atEnd = true;
    return count > 0;
}

Result<void> CsvReader::start()
{
    m_started = true;
    while (m_buffer.size() < 4 && !m_atEnd) {
        if (const Result<bool> more = fill(); !more)
            return std::unexpected(more.error());
    }
    const QByteArrayView head(m_buffer);
    if (head.startsWith("\xEF\xBB\xBF")) {
        m_pos = m_recordStart = m_fieldBegin = 3;
    } else if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF")) {
        return std::unexpected(fail(
            {Error::Code::InvalidInput, tr("The file is UTF-16 text. Save the file as UTF-8 (CSV UTF-8 in Excel) and "
                                           "try again.")}));
    }
    return {};
}

// The delimiter that occurs most often outside quotes in the first line with text (ties: ',' ';' tab).
Result<QChar> CsvReader::detectDelimiter()
{
    for (;;) {
        const char *data = m_buffer.constData();
        const qsizetype size = m_buffer.size();
        int commas = 0, semicolons = 0, tabs = 0;
        bool inQuotes = false, content = false, complete = m_atEnd;
        for (qsizetype i = m_pos; i < size; ++i) {
            const char c = data[i];
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (inQuotes) {
                content = content || (c != ' ' && c != '\t' && c != '\n' && c != '\r');
            } else if (c == '\n' || c == '\r') {
                if (content) {
                    complete = true;
                    break;
                }
                commas = semicolons = tabs = 0; // a line of nothing but spaces and delimiters
            } else if (c == ',') {
                ++commas;
            } else if (c == ';') {
                ++semicolons;
            } else if (c == '\t') {
                ++tabs;
            } else if (c != ' ') {
                content = true;
            }
        }
        if (complete) {
            if (semicolons > commas && semicolons >= tabs)
                return QChar(u';');
            if (tabs > commas && tabs > semicolons)
                return QChar(u'\t');
            return QChar(u',');
        }
        if (size - m_recordStart >= MaxHeaderSize)
            return std::unexpected(fail(
                {Error::Code::InvalidInput, tr("The first line of the file is longer than %1 MB, so it is not a row of "
                                               "column names. Check that the file is a CSV file and that its quotes "
                                               "are closed.")
                                                .arg(megabytes(MaxHeaderSize))}));
        if (const Result<bool> more = fill(); !more)
            return std::unexpected(more.error());
    }
}

Result<QStringList> CsvReader::readHeader()
{
    if (m_error)
        return std::unexpected(*m_error);
    if (m_headerRead)
        return m_header;

    if (!m_started) {
        if (const Result<void> started = start(); !started)
            return std::unexpected(started.error());
    }
    if (m_delimiter.isNull()) {
        const Result<QChar> detected = detectDelimiter();
        if (!detected)
            return std::unexpected(detected.error());
        setDelimiter(*detected);
    }

    // Rows of empty cells above the header (",,,," from a spreadsheet) are skipped like blank lines.
    CsvRecord record;
    const auto isEmptyRow = [](const QStringList &fields) {
        return std::all_of(fields.cbegin(), fields.cend(),
                           [](const QString &field) { return field.trimmed().isEmpty(); });
    };
    do {
        const Result<bool> read = readRecord(record);
        if (!read)
            return std::unexpected(read.error());
        if (!*read)
            return std::unexpected(fail({Error::Code::InvalidInput, tr("The file is empty.")}));
    } while (isEmptyRow(record.fields));
    if (record.fields.size() == 1 && !isPlausibleColumnName(record.fields.front()))
        return std::unexpected(fail({Error::Code::InvalidInput,
                                     tr("The file does not look like a CSV file: its first line is not a row of "
                                        "column names. Check that you chose the right file and that it is saved "
                                        "as CSV."),
                                     record.fields.front().left(80)}));
    m_header = record.fields;
    m_headerRead = true;
    return m_header;
}

Result<bool> CsvReader::next(CsvRecord &record)
{
    if (!m_headerRead) {
        if (const Result<QStringList> header = readHeader(); !header)
            return std::unexpected(header.error());
    }
    return readRecord(record);
}

void CsvReader::resetRecord()
{
    m_recordStart = m_fieldBegin = m_pos;
    m_recordLine = m_line;
    m_state = FieldStart;
    m_highBytes = false;
    m_spans.clear();
}

Result<bool> CsvReader::readRecord(CsvRecord &record)
{
    if (m_error)
        return std::unexpected(*m_error);
    for (;;) {
        switch (scan()) {
        case Scan::Record: {
            if (const Result<void> size = checkRecordSize(m_recordEnd - m_recordStart); !size)
                return std::unexpected(size.error());
            const Result<void> decoded = decode(record);
            resetRecord();
            if (!decoded)
                return std::unexpected(decoded.error());
            return true;
        }
        case Scan::Blank:
            resetRecord();
            break;
        case Scan::NeedMore:
            if (const Result<bool> more = fill(); !more)
                return std::unexpected(more.error());
            break;
        case Scan::End:
            return false;
        case Scan::Failed:
            return std::unexpected(*m_error);
        }
    }
}

// Finds the end of the record that starts at m_recordStart and the spans of its fields. Resumable: when
// the buffer ends in the middle of a record, the state is kept and scanning goes on after fill().
CsvReader::Scan CsvReader::scan()
{
    const char *data = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    if (m_skipLf) { // the LF of a CRLF that ended the previous record
        if (m_pos == size && !m_atEnd)
            return Scan::NeedMore;
        m_skipLf = false;
        if (m_pos < size && data[m_pos] == '\n')
            m_recordStart = m_fieldBegin = ++m_pos;
    }

    const qsizetype base = m_recordStart;
    qsizetype pos = m_pos;
    int state = m_state;
    qint64 line = m_line;
    bool high = m_highBytes;

    const auto binary = [&] {
        fail({Error::Code::InvalidInput,
              tr("Line %1 contains binary data (a NUL byte), so the file is not a CSV text file. If it is an Excel "
                 "workbook, open it in Excel and save it as CSV UTF-8.")
                  .arg(line)});
        return Scan::Failed;
    };
    // Ends the record before `pos` (which is the line break or the end of the data).
    const auto finish = [&] {
        const bool empty = m_spans.empty() && state == FieldStart;
        m_spans.push_back({m_fieldBegin - base, pos - base});
        m_recordEnd = pos;
        if (empty)
            return Scan::Blank;
        if (m_spans.size() == 1) {
            for (qsizetype i = base; i < pos; ++i) {
                if (data[i] != ' ' && data[i] != '\t')
                    return Scan::Record;
            }
            return Scan::Blank;
        }
        return Scan::Record;
    };

    while (pos < size) {
        const quint8 kind = m_class[static_cast<uchar>(data[pos])];
        if (state == Quoted) {
            switch (kind) {
            case Quote:
                state = QuoteInQuoted;
                break;
            case Lf:
                if (data[pos - 1] != '\r') // the opening quote is before pos: pos - 1 is in the record
                    ++line;
                break;
            case Cr:
                ++line;
                break;
            case High:
                high = true;
                break;
            case Nul:
                return binary();
            default:
                break;
            }
            ++pos;
            continue;
        }
        switch (kind) {
        case Plain:
            state = Unquoted;
            break;
        case High:
            high = true;
            state = Unquoted;
            break;
        case Quote:
            if (state == FieldStart) {
                state = Quoted;
                m_quoteLine = line;
            } else if (state == QuoteInQuoted) {
                state = Quoted; // "" inside quotes
            }                   // else: a quote in the middle of an unquoted field is a character (lenient)
            break;
        case Delimiter:
            m_spans.push_back({m_fieldBegin - base, pos - base});
            m_fieldBegin = pos + 1;
            state = FieldStart;
            break;
        case Cr:
        case Lf: {
            const Scan result = finish();
            m_skipLf = kind == Cr;
            m_pos = pos + 1;
            m_line = line + 1;
            m_highBytes = high;
            m_state = FieldStart;
            return result;
        }
        case Nul:
            return binary();
        }
        ++pos;
    }

    m_pos = pos;
    m_state = state;
    m_line = line;
    m_highBytes = high;
    if (!m_atEnd)
        return Scan::NeedMore;
    if (state == Quoted) {
        fail({Error::Code::InvalidInput, tr("The quoted field that starts on line %1 has no closing quote. Check "
                                            "the quotes on that line and try again.")
                                             .arg(m_quoteLine)});
        return Scan::Failed;
    }
    if (m_spans.empty() && state == FieldStart)
        return Scan::End;
    return finish(); // the last line has no line break
}

void CsvReader::assignField(QString &out, const char *data, qsizetype size)
{
    // Reuse the string's memory when nobody else holds it: no allocation per field in the steady state.
    if (out.isDetached() && out.capacity() >= size)
        out.resize(size);
    else
        out = QString(size, Qt::Uninitialized);
    if (size == 0)
        return;
    const QChar *end = m_decoder.appendToBuffer(out.data(), QByteArrayView(data, size));
    out.resize(end - out.constData());
    // A formula CsvWriter neutralised ('=SUM(...)) reads back as it was.
    if (m_options.restoreNeutralised && data[0] == '\'' && out != CsvWriter::restored(out))
        out.remove(0, 1);
}

Result<void> CsvReader::decode(CsvRecord &record)
{
    const char *data = m_buffer.constData() + m_recordStart;
    const qsizetype length = m_recordEnd - m_recordStart;
    record.line = m_recordLine;

    if (m_highBytes && !QByteArrayView(data, length).isValidUtf8()) {
        // Name the physical line with the bad bytes.
        qint64 line = m_recordLine;
        qsizetype lineStart = 0;
        for (qsizetype i = 0; i <= length; ++i) {
            if (i == length || data[i] == '\n') {
                if (!QByteArrayView(data + lineStart, i - lineStart).isValidUtf8())
                    break;
                ++line;
                lineStart = i + 1;
            }
        }
        return std::unexpected(
            fail({Error::Code::InvalidInput, tr("Line %1 is not valid UTF-8 text. Save the file as UTF-8 (CSV UTF-8 in "
                                                "Excel) and try again.")
                                                 .arg(line)}));
    }

    const auto count = static_cast<qsizetype>(m_spans.size());
    record.fields.resize(count);
    for (qsizetype i = 0; i < count; ++i) {
        const char *field = data + m_spans[static_cast<size_t>(i)].begin;
        const qsizetype size = m_spans[static_cast<size_t>(i)].end - m_spans[static_cast<size_t>(i)].begin;
        QString &out = record.fields[i];
        if (size == 0 || field[0] != '"') {
            assignField(out, field, size);
            continue;
        }
        // Quoted: the common case is "text" with no quote inside.
        const char *inner = field + 1;
        const qsizetype innerSize = size - 2;
        if (size >= 2 && field[size - 1] == '"' && !std::memchr(inner, '"', static_cast<size_t>(innerSize))) {
            assignField(out, inner, innerSize);
            continue;
        }
        // "" inside, or text after the closing quote: unescape into the scratch buffer.
        m_scratch.resize(size);
        char *to = m_scratch.data();
        bool inQuotes = true;
        for (qsizetype j = 1; j < size; ++j) {
            const char c = field[j];
            if (inQuotes && c == '"') {
                if (j + 1 < size && field[j + 1] == '"')
                    *to++ = field[j++];
                else
                    inQuotes = false;
            } else {
                *to++ = c;
            }
        }
        assignField(out, m_scratch.constData(), to - m_scratch.constData());
    }
    return {};
}

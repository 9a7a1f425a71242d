#include "io/CsvWriter.h"

#include <QIODevice>

namespace {

constexpr qsizetype FlushSize = 1024 * 1024;

// What spreadsheets take for the start of a formula (OWASP, "CSV Injection").
bool startsFormula(QChar c)
{
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

// A field whose first character must be protected: a formula start, or an apostrophe that the reader
// would otherwise take off.
bool needsApostrophe(QStringView field)
{
    if (field.isEmpty())
        return false;
    if (startsFormula(field.front()))
        return true;
    return field.size() > 1 && field.front() == u'\'' && (startsFormula(field.at(1)) || field.at(1) == u'\'');
}

} // namespace

QString CsvWriter::neutralised(const QString &field)
{
    return needsApostrophe(field) ? QLatin1Char('\'') + field : field;
}

QString CsvWriter::restored(const QString &field)
{
    if (field.size() > 1 && field.front() == u'\'' && (startsFormula(field.at(1)) || field.at(1) == u'\''))
        return field.mid(1);
    return field;
}

bool CsvWriter::isPlainNumber(QStringView field)
{
    qsizetype i = 0;
    if (i < field.size() && (field.at(i) == u'-' || field.at(i) == u'+'))
        ++i;
    const auto digits = [&] {
        const qsizetype start = i;
        while (i < field.size() && field.at(i) >= u'0' && field.at(i) <= u'9')
            ++i;
        return i > start;
    };
    if (!digits())
        return false;
    if (i < field.size() && field.at(i) == u'.') {
        ++i;
        if (!digits())
            return false;
    }
    return i == field.size();
}

CsvWriter::CsvWriter(QIODevice *device)
    : CsvWriter(device, Options())
{}

CsvWriter::CsvWriter(QIODevice *device, const Options &options)
    : m_device(device)
    , m_options(options)
{
    Q_ASSERT(m_device);
    const QChar d = m_options.delimiter;
    Q_ASSERT_X(d.unicode() < 0x80 && d != u'"' && d != u'\r' && d != u'\n' && !d.isNull(), "CsvWriter",
               "the delimiter must be an ASCII character other than a quote or line break");
    m_buffer.reserve(FlushSize + 64 * 1024);
    if (m_options.byteOrderMark)
        m_buffer.append("\xEF\xBB\xBF");
}

CsvWriter::~CsvWriter()
{
    (void)flush();
}

bool CsvWriter::needsQuotes(QStringView field, QChar delimiter)
{
    if (field.isEmpty())
        return false;
    const auto isSpace = [](QChar c) { return c == u' ' || c == u'\t'; };
    if (isSpace(field.front()) || isSpace(field.back()))
        return true;
    // At the start of a file an unquoted U+FEFF would read as a byte order mark and be dropped.
    if (field.front() == QChar::ByteOrderMark)
        return true;
    for (const QChar c : field) {
        if (c == delimiter || c == u'"' || c == u'\n' || c == u'\r')
            return true;
    }
    return false;
}

void CsvWriter::appendUtf8(QStringView text)
{
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + 3 * text.size()); // UTF-8 needs at most 3 bytes per UTF-16 code unit
    char *end = m_encoder.appendToBuffer(m_buffer.data() + old, text);
    m_buffer.truncate(end - m_buffer.constData());
}

Result<void> CsvWriter::writeRow(const QStringList &fields)
{
    if (m_error)
        return std::unexpected(*m_error);

    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            m_buffer.append(static_cast<char>(m_options.delimiter.unicode()));
        const QString &given = fields.at(i);
        const bool numeric =
            size_t(i) < m_options.numericColumns.size() && m_options.numericColumns[size_t(i)] && isPlainNumber(given);
        const QString field = m_options.neutraliseFormulas && !numeric ? neutralised(given) : given;
        if (!needsQuotes(field, m_options.delimiter)) {
            appendUtf8(field);
            continue;
        }
        m_buffer.append('"');
        qsizetype from = 0;
        for (qsizetype quote = field.indexOf(u'"'); quote >= 0; quote = field.indexOf(u'"', from)) {
            appendUtf8(QStringView(field).mid(from, quote + 1 - from));
            m_buffer.append('"');
            from = quote + 1;
        }
        appendUtf8(QStringView(field).mid(from));
        m_buffer.append('"');
    }
    if (fields.size() == 1 && fields.front().isEmpty())
        m_buffer.append("\"\"");
    m_buffer.append(m_options.lineEnd == LineEnd::CrLf ? "\r\n" : "\n");

    if (m_buffer.size() >= FlushSize)
        return flush();
    return {};
}

Result<void> CsvWriter::flush()
{
    if (m_error)
        return std::unexpected(*m_error);
    qsizetype done = 0;
    while (done < m_buffer.size()) {
        const qint64 written = m_device->write(m_buffer.constData() + done, m_buffer.size() - done);
        if (written <= 0) {
            m_error = Error{Error::Code::Unknown, tr("The file could not be written: %1").arg(m_device->errorString()),
                            m_device->errorString()};
            m_buffer.clear();
            return std::unexpected(*m_error);
        }
        done += written;
    }
    m_buffer.truncate(0);
    return {};
}

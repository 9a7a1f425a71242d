#include "TerminalStream.h"

#include <QStringList>

#include <algorithm>

namespace {

// The Unicode Bidi_Control characters: they reorder the text that follows them (Trojan Source).
bool isBidiControl(char16_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// What a terminal may act on that a JSON writer leaves as it is.
bool isUnescapedByJson(char16_t c)
{
    return c == 0x7F || (c >= 0x80 && c <= 0x9F) || isBidiControl(c) || c == 0x2028 || c == 0x2029;
}

bool isTerminalControl(char16_t c)
{
    return c < 0x20 || isUnescapedByJson(c);
}

QString hex(char16_t c, int digits)
{
    return QString::number(c, 16).toUpper().rightJustified(digits, QLatin1Char('0'));
}

} // namespace

TerminalStream::TerminalStream(FILE *file)
    : m_stream(file)
{}

QString TerminalStream::escaped(QStringView text)
{
    if (std::none_of(text.begin(), text.end(), [](QChar c) { return isTerminalControl(c.unicode()); }))
        return text.toString(); // the usual case, kept cheap: every line of output passes here
    QString safe;
    safe.reserve(text.size() + 8);
    for (const QChar qc : text) {
        const char16_t c = qc.unicode();
        if (c == u'\n')
            safe += QStringLiteral("\\n");
        else if (c == u'\r')
            safe += QStringLiteral("\\r");
        else if (c == u'\t')
            safe += QStringLiteral("\\t");
        else if (c < 0x20 || c == 0x7F)
            safe += QStringLiteral("\\x") + hex(c, 2);
        else if (isTerminalControl(c))
            safe += QStringLiteral("\\u") + hex(c, 4);
        else
            safe += qc;
    }
    return safe;
}

QString TerminalStream::jsonEscaped(QStringView json)
{
    if (std::none_of(json.begin(), json.end(), [](QChar c) { return isUnescapedByJson(c.unicode()); }))
        return json.toString();
    QString safe;
    safe.reserve(json.size() + 8);
    for (const QChar c : json) {
        // JSON's own syntax uses none of these, so they are inside strings, where \uHHHH means the same.
        if (isUnescapedByJson(c.unicode()))
            safe += QStringLiteral("\\u") + hex(c.unicode(), 4);
        else
            safe += c;
    }
    return safe;
}

TerminalStream &TerminalStream::operator<<(const QString &data)
{
    m_stream << escaped(data);
    return *this;
}

TerminalStream &TerminalStream::operator<<(const QByteArray &utf8Data)
{
    return *this << QString::fromUtf8(utf8Data);
}

TerminalStream &TerminalStream::operator<<(const char *literal)
{
    m_stream << literal;
    return *this;
}

TerminalStream &TerminalStream::operator<<(QTextStreamFunction manipulator)
{
    m_stream << manipulator;
    return *this;
}

void TerminalStream::writeLines(const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            m_stream << '\n';
        m_stream << escaped(lines.at(i));
    }
    m_stream.flush();
}

void TerminalStream::writeJson(const QByteArray &json)
{
    m_stream << jsonEscaped(QString::fromUtf8(json));
}

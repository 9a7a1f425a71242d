#pragma once

#include <QString>
#include <QTextStream>

#include <cstdio>
#include <type_traits>

// The CLI's standard output and error. Text from data (a VIN on stdin, a CSV header, a server's message, a
// provider's answer) may hold characters a terminal acts on instead of showing: ESC starts sequences that
// recolour, move the cursor, retitle the window or, on some terminals, answer back as if typed; BEL rings;
// CR and LF make a line look like another; bidirectional controls reorder what follows. Every QString
// written here is data and is shown escaped (escaped()); string literals are the program's own text and
// pass as they are ("\r" rewrites a progress line).
class TerminalStream
{
public:
    explicit TerminalStream(FILE *file);

    // `text` with every character a terminal would act on written as a visible escape: \n, \r, \t; \xHH for
    // the other C0 controls and DEL; \uHHHH for the C1 controls (U+0080-U+009F, which some terminals take
    // for ESC sequences), the bidirectional controls and the line and paragraph separators.
    static QString escaped(QStringView text);
    // JSON text with the characters that JSON itself leaves as they are (DEL, C1 controls, bidirectional
    // controls, line and paragraph separators) written as \uHHHH: the same JSON value, safe on a terminal.
    // (Control characters below U+0020 are always escaped by JSON writers.)
    static QString jsonEscaped(QStringView json);

    TerminalStream &operator<<(const QString &data);
    TerminalStream &operator<<(const QByteArray &utf8Data); // data too, not a literal
    TerminalStream &operator<<(const char *literal);
    TerminalStream &operator<<(QTextStreamFunction manipulator); // Qt::endl, Qt::flush
    template <typename Number>
    requires std::is_arithmetic_v<Number> TerminalStream &operator<<(Number number)
    {
        m_stream << number;
        return *this;
    }

    // Text of several lines (help): each line escaped on its own, the line ends kept.
    void writeLines(const QString &text);
    // A JSON document or part of one, after jsonEscaped().
    void writeJson(const QByteArray &json);
    void flush() { m_stream.flush(); }

private:
    QTextStream m_stream;
};

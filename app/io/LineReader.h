#pragma once

#include <QByteArray>
#include <QString>

// Reads text from a file descriptor (stdin, a pipe) one line at a time, holding at most one chunk and one
// line of `maxLineBytes`: memory stays flat whatever the input (a pipe that never ends, /dev/zero, a
// binary file), and a line that has not ended within the bound is reported instead of read on. Lines end
// with LF or CRLF; the last one needs no line end. Text is UTF-8 (malformed bytes become U+FFFD). Each
// line is returned as soon as it has arrived, so it works on a live pipe.
class LineReader
{
public:
    enum class Outcome { Line, End, TooLong, Failed };

    // Does not take ownership of `fd`.
    LineReader(int fd, qsizetype maxLineBytes);

    // The next line, without its line end, in `line`. After TooLong or Failed, do not call again.
    Outcome next(QString *line);
    // The number of the line last read (1-based), also of the line that was too long.
    qint64 lineNumber() const { return m_lineNumber; }
    qsizetype maxLineBytes() const { return m_maxLineBytes; }
    // Why the last read failed (Failed).
    QString errorString() const { return m_error; }

private:
    int m_fd;
    qsizetype m_maxLineBytes;
    QByteArray m_chunk;
    qsizetype m_position = 0; // of the unread part of m_chunk
    qsizetype m_filled = 0;
    bool m_atEnd = false;
    QByteArray m_line;
    qint64 m_lineNumber = 0;
    QString m_error;
};

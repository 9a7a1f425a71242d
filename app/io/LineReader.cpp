#include "LineReader.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace {
constexpr qsizetype kChunkBytes = 64 * 1024;
}

LineReader::LineReader(int fd, qsizetype maxLineBytes)
    : m_fd(fd)
    , m_maxLineBytes(maxLineBytes)
    , m_chunk(kChunkBytes, Qt::Uninitialized)
{}

LineReader::Outcome LineReader::next(QString *line)
{
    m_line.clear();
    bool ended = false; // by a LF, rather than by the end of the input
    while (!ended) {
        if (m_position == m_filled) {
            if (m_atEnd)
                break;
            ssize_t got = 0;
            do {
                got = ::read(m_fd, m_chunk.data(), size_t(m_chunk.size())); // what has arrived, up to a chunk
            } while (got < 0 && errno == EINTR);
            if (got < 0) {
                m_error = QString::fromLocal8Bit(std::strerror(errno));
                return Outcome::Failed;
            }
            m_position = 0;
            m_filled = got;
            m_atEnd = got == 0;
            continue;
        }
        const char *start = m_chunk.constData() + m_position;
        const auto *lineEnd = static_cast<const char *>(std::memchr(start, '\n', size_t(m_filled - m_position)));
        const qsizetype take = lineEnd ? lineEnd - start : m_filled - m_position;
        // One byte more than the bound for the CR of a CRLF.
        if (m_line.size() + take > m_maxLineBytes + 1) {
            ++m_lineNumber;
            return Outcome::TooLong;
        }
        m_line.append(start, take);
        m_position += take;
        if (lineEnd) {
            ++m_position;
            ended = true;
        }
    }
    if (!ended && m_line.isEmpty())
        return Outcome::End;
    ++m_lineNumber;
    if (m_line.endsWith('\r'))
        m_line.chop(1);
    if (m_line.size() > m_maxLineBytes)
        return Outcome::TooLong;
    *line = QString::fromUtf8(m_line);
    return Outcome::Line;
}

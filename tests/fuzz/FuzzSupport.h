#pragma once

// What the fuzz targets share: a check that stops the run (libFuzzer then saves the input as a crash),
// and the ways the targets turn bytes into text.

#include <QByteArray>
#include <QDebug>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

// Like Q_ASSERT, but in every build, and it names the broken promise before the fuzzer saves the input.
#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            fuzzFailed(#condition, __FILE__, __LINE__);                                                                \
    } while (false)

// FUZZ_CHECK(a == b) that also prints both values (anything QDebug prints).
#define FUZZ_COMPARE(actual, expected)                                                                                 \
    do {                                                                                                               \
        if (!((actual) == (expected))) {                                                                               \
            qCritical() << "actual:  " << (actual);                                                                    \
            qCritical() << "expected:" << (expected);                                                                  \
            fuzzFailed(#actual " == " #expected, __FILE__, __LINE__);                                                  \
        }                                                                                                              \
    } while (false)

[[noreturn]] inline void fuzzFailed(const char *condition, const char *file, int line)
{
    qCritical("%s:%d: FUZZ_CHECK(%s) failed", file, line, condition);
    std::abort();
}

// The fuzzer's bytes, shared (not copied): valid only during the call.
inline QByteArray bytesOf(const std::uint8_t *data, std::size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The bytes as UTF-16 code units, unpaired surrogates and all: text that UTF-8 decoding never gives.
inline QString utf16Of(const std::uint8_t *data, std::size_t size)
{
    QString text(qsizetype(size / 2), Qt::Uninitialized);
    for (qsizetype i = 0; i < text.size(); ++i)
        text[i] = QChar(char16_t(data[2 * i] | (data[2 * i + 1] << 8)));
    return text;
}

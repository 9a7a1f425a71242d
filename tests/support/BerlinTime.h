#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

// Rental tests' times: a desk in Europe/Berlin, whose clocks change on 29 March and 25 October 2026.
inline QTimeZone berlinZone()
{
    return QTimeZone("Europe/Berlin");
}

// "2026-05-04 10:00" as Berlin's wall-clock time.
inline QDateTime berlin(const QString &text)
{
    const QDateTime parsed = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm"));
    return QDateTime(parsed.date(), parsed.time(), berlinZone());
}

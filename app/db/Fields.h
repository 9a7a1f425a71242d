#pragma once

#include <QDateTime>
#include <QString>

#include <pqxx/field>

#include <optional>

// Reading result fields into Qt types: the one place for the conversions every service needs.

// The text of a field; an empty string for NULL.
inline QString textOf(const pqxx::field &field)
{
    return field.is_null() ? QString() : QString::fromUtf8(field.c_str(), static_cast<qsizetype>(field.size()));
}

// An integer field; nothing for NULL.
inline std::optional<int> intOf(const pqxx::field &field)
{
    return field.is_null() ? std::nullopt : std::optional(field.as<int>());
}

// A field of milliseconds since the epoch (`(extract(epoch FROM t) * 1000)::bigint`) as a UTC time; an
// invalid time for NULL.
inline QDateTime utcTimeOf(const pqxx::field &field)
{
    return field.is_null() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(field.as<qint64>(), Qt::UTC);
}

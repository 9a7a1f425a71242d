#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// pqxx::field and its array parser; <pqxx/field> alone does not compile in libpqxx 6.4.
#include <pqxx/row>

#include <optional>

// Reading result fields into Qt types: the one place for the conversions every service needs. Each reads
// NULL as the empty value of its type.

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

// The same in the local time zone, for times shown as they are; an invalid time for NULL.
inline QDateTime localTimeOf(const pqxx::field &field)
{
    return field.is_null() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(field.as<qint64>());
}

// A date field (PostgreSQL writes ISO dates whatever the DateStyle's order); a null date for NULL.
inline QDate dateOf(const pqxx::field &field)
{
    return field.is_null() ? QDate() : QDate::fromString(textOf(field), Qt::ISODate);
}

// A json or jsonb field holding an object; an empty object for NULL or anything else.
inline QJsonObject jsonObjectOf(const pqxx::field &field)
{
    return QJsonDocument::fromJson(QByteArray(field.c_str(), static_cast<qsizetype>(field.size()))).object();
}

// A json or jsonb field holding an array; an empty array for NULL or anything else.
inline QJsonArray jsonArrayOf(const pqxx::field &field)
{
    return QJsonDocument::fromJson(QByteArray(field.c_str(), static_cast<qsizetype>(field.size()))).array();
}

// A text[] field (quoting and escapes undone by libpqxx's parser); NULL elements are left out, and NULL is an
// empty list.
inline QStringList textListOf(const pqxx::field &field)
{
    QStringList list;
    if (field.is_null())
        return list;
    pqxx::array_parser parser = field.as_array();
    for (auto element = parser.get_next(); element.first != pqxx::array_parser::done; element = parser.get_next()) {
        if (element.first == pqxx::array_parser::string_value)
            list << QString::fromStdString(element.second);
    }
    return list;
}

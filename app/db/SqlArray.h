#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <string>

// A list of ids as a PostgreSQL array literal ("{1,2,3}"), for a `$n::bigint[]` parameter: one
// parameter however many ids.
inline std::string idArray(const QList<qint64> &ids)
{
    std::string text = "{";
    for (qsizetype i = 0; i < ids.size(); ++i)
        text += (i ? "," : "") + std::to_string(ids.at(i));
    return text + "}";
}

// Words as a PostgreSQL array literal for a `$n::text[]` parameter, each quoted and escaped.
inline std::string textArray(const QStringList &words)
{
    std::string text = "{";
    for (qsizetype i = 0; i < words.size(); ++i) {
        text += i ? ",\"" : "\"";
        for (const char c : words.at(i).toStdString()) {
            if (c == '"' || c == '\\')
                text += '\\';
            text += c;
        }
        text += '"';
    }
    return text + "}";
}

// A `$n` pattern for ILIKE that finds `word` anywhere, with the characters that mean something to LIKE
// (%, _ and the escape \) taken literally.
inline std::string likePattern(QString word)
{
    word.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    word.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    word.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QString(QLatin1Char('%') + word + QLatin1Char('%')).toStdString();
}

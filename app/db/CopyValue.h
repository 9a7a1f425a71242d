#pragma once

#include <QDate>
#include <QString>

#include <pqxx/strconv>

#include <optional>
#include <string>

// One field of a row sent with COPY (pqxx::stream_to), possibly NULL: libpqxx 6.4's stream_to knows
// nulls only through string_traits, and has none for std::optional.
struct CopyValue
{
    std::optional<std::string> text;

    CopyValue() = default;
    CopyValue(const QString &value)
        : text(value.toStdString())
    {}
    CopyValue(qint64 value)
        : text(std::to_string(value))
    {}
    // YYYY-MM-DD, written directly: an import sends three a row.
    static CopyValue date(const QDate &value)
    {
        int year = 0;
        int month = 0;
        int day = 0;
        value.getDate(&year, &month, &day);
        if (!value.isValid() || year < 1 || year > 9999)
            return value.isValid() ? CopyValue(value.toString(Qt::ISODate)) : CopyValue();
        std::string text = "0000-00-00";
        const auto put = [&text](size_t end, int number) {
            for (size_t i = end; number > 0; number /= 10)
                text[--i] = char('0' + number % 10);
        };
        put(4, year);
        put(7, month);
        put(10, day);
        CopyValue result;
        result.text = std::move(text);
        return result;
    }
    // A boolean as PostgreSQL reads it: t or f.
    static CopyValue boolean(bool value) { return CopyValue(value ? QStringLiteral("t") : QStringLiteral("f")); }
    // A PostgreSQL array literal of text: {"a","b"}.
    static CopyValue textArray(const QStringList &values);
};

namespace pqxx {
template <> struct string_traits<CopyValue>
{
    static constexpr const char *name() noexcept { return "CopyValue"; }
    static constexpr bool has_null() noexcept { return true; }
    static bool is_null(const CopyValue &value) { return !value.text.has_value(); }
    static CopyValue null() { return {}; }
    static void from_string(const char text[], CopyValue &value) { value.text = std::string(text); }
    static std::string to_string(const CopyValue &value) { return value.text.value_or(std::string()); }
};
} // namespace pqxx

inline CopyValue CopyValue::textArray(const QStringList &values)
{
    std::string text = "{";
    for (const QString &value : values) {
        text += text.size() > 1 ? ",\"" : "\"";
        // UTF-8 continuation bytes are never '\\' or '"'.
        for (const char character : value.toStdString()) {
            if (character == '\\' || character == '"')
                text += '\\';
            text += character;
        }
        text += '"';
    }
    text += '}';
    CopyValue result;
    result.text = std::move(text);
    return result;
}

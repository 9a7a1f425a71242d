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
    static CopyValue date(const QDate &value)
    {
        return value.isValid() ? CopyValue(value.toString(Qt::ISODate)) : CopyValue();
    }
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
    QStringList quoted;
    for (QString value : values) {
        value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        value.replace(QLatin1Char('"'), QStringLiteral("\\\""));
        quoted << QLatin1Char('"') + value + QLatin1Char('"');
    }
    return CopyValue(QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}'));
}

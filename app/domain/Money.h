#pragma once

#include <QLocale>
#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

class QJsonValue;

// An amount of the database's one currency (an ISO 4217 code such as "EUR"): whole cents in a qint64, exact
// for every amount (a double is exact only up to 2^53 cents), never a double on the way in or out.
//
// This is the one place amounts are written for people: every window, list, chart and paper calls format(),
// so a price reads the same everywhere ("€67,390" in English, "67.390 €" in German). The static helpers take
// plain cents for callers that hold them so.
class Money
{
public:
    enum class Cents {
        WhenNotWhole, // "€67,390" but "€67,390.50": prices and totals
        Always,       // "€111.00": columns of amounts that should line up
    };

    constexpr Money() = default;
    static constexpr Money fromCents(qint64 cents) { return Money(cents); }
    constexpr qint64 cents() const { return m_cents; }

    // Decimal text as PostgreSQL's numeric writes it: "18900.50", "-0.5", "17500", "+3.", ".25". More than two
    // decimals round half away from zero, as numeric(12, 2) does. Nothing for any other text (no grouping, no
    // exponent, no currency) or an amount beyond qint64 cents.
    static std::optional<Money> fromDecimal(QStringView text);
    // An amount as an event's payload carries it: numeric's text ("17500.50"), or a JSON number (read through
    // its shortest decimal form, so 17500.5 is 1750050 cents exactly). Nothing for anything else.
    static std::optional<Money> fromJson(const QJsonValue &value);
    // "18900.50", "-0.05": two decimals, a '.' and no grouping, whatever the locale; what fromDecimal() and
    // PostgreSQL's numeric read back.
    QString toDecimal() const;

    // In `locale`'s currency format with `isoCode`'s symbol.
    QString format(const QString &isoCode, const QLocale &locale = QLocale(), Cents cents = Cents::WhenNotWhole) const;

    constexpr Money operator-() const { return Money(-m_cents); }
    constexpr Money &operator+=(Money other)
    {
        m_cents += other.m_cents;
        return *this;
    }
    friend constexpr Money operator+(Money a, Money b) { return a += b; }
    friend constexpr Money operator-(Money a, Money b) { return a += -b; }
    friend constexpr Money operator*(Money amount, qint64 times) { return Money(amount.m_cents * times); }
    friend constexpr auto operator<=>(const Money &, const Money &) = default;

    // The sign people write for the currency ("€" for EUR, "£" for GBP, "$" for USD); the code itself
    // when no locale knows one.
    static QString symbol(const QString &isoCode, const QLocale &locale = QLocale());

    // `cents` in `locale`'s currency format with `isoCode`'s symbol: fromCents(cents).format(…).
    static QString format(qint64 cents, const QString &isoCode, const QLocale &locale = QLocale(),
                          Cents cents_ = Cents::WhenNotWhole);

    // What `locale` writes before and after the number of an amount in `isoCode` ("€" and "" in English,
    // "" and " €" in German): for boxes where people type the number alone.
    struct Affixes
    {
        QString prefix;
        QString suffix;
    };
    static Affixes affixes(const QString &isoCode, const QLocale &locale = QLocale());

private:
    constexpr explicit Money(qint64 cents)
        : m_cents(cents)
    {}

    qint64 m_cents = 0;
};

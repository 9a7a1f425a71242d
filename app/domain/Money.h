#pragma once

#include <QLocale>
#include <QString>

// Amounts are whole cents of the database's one currency (an ISO 4217 code such as "EUR"), exact.
// This is the one place they are written for people: every window, list, chart and paper calls it,
// so a price reads the same everywhere ("€67,390" in English, "67.390 €" in German).
namespace Money {

enum class Cents {
    WhenNotWhole, // "€67,390" but "€67,390.50": prices and totals
    Always,       // "€111.00": columns of amounts that should line up
};

// The sign people write for the currency ("€" for EUR, "£" for GBP, "$" for USD); the code itself
// when no locale knows one.
QString symbol(const QString &isoCode, const QLocale &locale = QLocale());

// `cents` in `locale`'s currency format with `isoCode`'s symbol.
QString format(qint64 cents, const QString &isoCode, const QLocale &locale = QLocale(),
               Cents cents_ = Cents::WhenNotWhole);

// What `locale` writes before and after the number of an amount in `isoCode` ("€" and "" in English,
// "" and " €" in German): for boxes where people type the number alone.
struct Affixes
{
    QString prefix;
    QString suffix;
};
Affixes affixes(const QString &isoCode, const QLocale &locale = QLocale());

} // namespace Money

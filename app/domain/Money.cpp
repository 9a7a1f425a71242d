#include "domain/Money.h"

#include <QHash>

namespace {

// The symbol most locales that use the currency write for it ("$" for USD, not "US$").
QHash<QString, QString> symbolsByCode()
{
    QHash<QString, QHash<QString, int>> votes;
    const auto locales = QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory);
    for (const QLocale &locale : locales) {
        const QString code = locale.currencySymbol(QLocale::CurrencyIsoCode);
        const QString sign = locale.currencySymbol(QLocale::CurrencySymbol);
        if (!code.isEmpty() && !sign.isEmpty())
            ++votes[code][sign];
    }
    QHash<QString, QString> symbols;
    for (auto it = votes.cbegin(); it != votes.cend(); ++it) {
        QString best;
        int bestVotes = 0;
        for (auto sign = it.value().cbegin(); sign != it.value().cend(); ++sign) {
            // ties go to the shorter sign, then the alphabetically first, so the choice is stable
            if (sign.value() > bestVotes ||
                (sign.value() == bestVotes &&
                 (sign.key().size() < best.size() || (sign.key().size() == best.size() && sign.key() < best)))) {
                best = sign.key();
                bestVotes = sign.value();
            }
        }
        symbols.insert(it.key(), best);
    }
    return symbols;
}

} // namespace

QString Money::symbol(const QString &isoCode, const QLocale &locale)
{
    const QString code = isoCode.trimmed().toUpper();
    if (locale.currencySymbol(QLocale::CurrencyIsoCode) == code)
        return locale.currencySymbol(QLocale::CurrencySymbol);
    static const QHash<QString, QString> symbols = symbolsByCode();
    return symbols.value(code, code);
}

QString Money::format(qint64 cents, const QString &isoCode, const QLocale &locale, Cents cents_)
{
    // A double holds every amount up to 2^53 cents exactly enough for two decimals.
    const int decimals = cents_ == Cents::Always || cents % 100 != 0 ? 2 : 0;
    return locale.toCurrencyString(double(cents) / 100.0, symbol(isoCode, locale), decimals);
}

Money::Affixes Money::affixes(const QString &isoCode, const QLocale &locale)
{
    // Whatever surrounds the number in a formatted amount is the currency's part.
    const QString number = locale.toString(qlonglong(1234));
    const QString amount = format(123400, isoCode, locale);
    const qsizetype at = amount.indexOf(number);
    if (at < 0)
        return {symbol(isoCode, locale) + QLatin1Char(' '), QString()};
    return {amount.left(at), amount.mid(at + number.size())};
}

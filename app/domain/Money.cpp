#include "domain/Money.h"

#include <QHash>
#include <QJsonValue>
#include <QVariant>
#include <QtNumeric>

#include <cmath>

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

// The size of a cents value, whatever its sign (qint64's lowest has no positive counterpart).
quint64 magnitudeOf(qint64 cents)
{
    return cents < 0 ? quint64(0) - quint64(cents) : quint64(cents);
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

} // namespace

std::optional<Money> Money::fromDecimal(QStringView text)
{
    text = text.trimmed();
    qsizetype at = 0;
    const bool negative = at < text.size() && text[at] == u'-';
    if (at < text.size() && (text[at] == u'-' || text[at] == u'+'))
        ++at;
    // The magnitude in cents, refused as soon as it passes what a qint64 holds with that sign.
    const quint64 limit = negative ? quint64(1) << 63 : (quint64(1) << 63) - 1;
    quint64 magnitude = 0;
    const auto add = [&](quint64 digit, quint64 scale) {
        quint64 part = 0;
        return !qMulOverflow(digit, scale, &part) && !qAddOverflow(magnitude, part, &magnitude) && magnitude <= limit;
    };
    int digits = 0;
    for (; at < text.size() && isDigit(text[at]); ++at, ++digits) {
        if (qMulOverflow(magnitude, quint64(10), &magnitude) || !add(quint64(text[at].unicode() - u'0'), 100))
            return std::nullopt;
    }
    if (at < text.size() && text[at] == u'.') {
        ++at;
        for (int decimal = 0; at < text.size() && isDigit(text[at]); ++at, ++decimal, ++digits) {
            const quint64 digit = quint64(text[at].unicode() - u'0');
            if ((decimal == 0 && !add(digit, 10)) || (decimal == 1 && !add(digit, 1)) ||
                (decimal == 2 && digit >= 5 && !add(1, 1)))
                return std::nullopt;
        }
    }
    if (digits == 0 || at != text.size())
        return std::nullopt;
    return Money(negative ? qint64(quint64(0) - magnitude) : qint64(magnitude));
}

std::optional<Money> Money::fromJson(const QJsonValue &value)
{
    if (value.isString())
        return fromDecimal(value.toString());
    if (!value.isDouble())
        return std::nullopt;
    // A JSON number is already a double (or, when whole, a qint64) once parsed; its shortest decimal form
    // is the number as written.
    const QVariant number = value.toVariant();
    if (number.typeId() == QMetaType::LongLong) {
        qint64 cents = 0;
        if (qMulOverflow(number.toLongLong(), qint64(100), &cents))
            return std::nullopt;
        return Money(cents);
    }
    const double amount = value.toDouble();
    if (!std::isfinite(amount))
        return std::nullopt;
    return fromDecimal(QString::number(amount, 'f', QLocale::FloatingPointShortest));
}

QString Money::toDecimal() const
{
    const quint64 magnitude = magnitudeOf(m_cents);
    return (m_cents < 0 ? QStringLiteral("-") : QString()) + QString::number(magnitude / 100) + QLatin1Char('.') +
           QString::number(magnitude % 100).rightJustified(2, QLatin1Char('0'));
}

QString Money::format(const QString &isoCode, const QLocale &locale, Cents cents) const
{
    // The number from its integer parts in the locale's digits, grouping and decimal point ...
    const quint64 magnitude = magnitudeOf(m_cents);
    QString number = locale.toString(qulonglong(magnitude / 100));
    const int fraction = int(magnitude % 100);
    if (cents == Cents::Always || fraction != 0)
        number += locale.decimalPoint() + (fraction < 10 ? locale.zeroDigit() : QString()) + locale.toString(fraction);
    // ... put where the locale's currency pattern for one unit of the same sign has its "1": before or after
    // the symbol, with a space or not, a minus sign or brackets. A placeholder stands in for the symbol while
    // the "1" is looked for, so a symbol can never be mistaken for it.
    const QString placeholder(QChar(0xFFFC));
    QString text = locale.toCurrencyString(qlonglong(m_cents < 0 ? -1 : 1), placeholder);
    const QString one = locale.toString(qlonglong(1));
    const qsizetype at = text.indexOf(one);
    if (at < 0)
        return number + QLatin1Char(' ') + symbol(isoCode, locale);
    text.replace(at, one.size(), number);
    return text.replace(placeholder, symbol(isoCode, locale));
}

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
    return fromCents(cents).format(isoCode, locale, cents_);
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

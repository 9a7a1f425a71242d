#include "Quote.h"

#include "cli/JsonOutput.h"
#include "db/Database.h"
#include "domain/Money.h"
#include "services/RentalDeskService.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Commands {

namespace {

// "2026-07-01 10:00" in `zone`; nothing for any other text or a time the zone skips (a daylight-saving gap).
std::optional<QDateTime> localTime(const QString &text, const QTimeZone &zone)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$"));
    if (!pattern.match(text.trimmed()).hasMatch())
        return std::nullopt;
    const QDateTime local = QDateTime::fromString(text.trimmed(), QStringLiteral("yyyy-MM-dd HH:mm"));
    if (!local.isValid())
        return std::nullopt;
    const QDateTime zoned(local.date(), local.time(), zone);
    if (!zoned.isValid() || zoned.toTimeZone(zone).time() != local.time())
        return std::nullopt;
    return zoned;
}

// An amount as a JSON number of the currency's units (two decimals), read from its exact decimal text.
QJsonValue amount(qint64 cents)
{
    return QJsonValue(Money::fromCents(cents).toDecimal().toDouble());
}

} // namespace

Quote::Quote()
    : Command(QStringLiteral("quote --car STOCKNO --from \"YYYY-MM-DD HH:MM\" --to \"YYYY-MM-DD HH:MM\""),
              tr("Prints the price lines and the total the rental desk would quote for a car and a period: the car's "
                 "rate card at its branch (seasons priced per day), the extras, and the VAT as the branch's "
                 "settings say. Times are in the car's branch's time zone."),
              Json::Taken)
{
    addOptions({m_car, m_from, m_to, m_extra});
}

int Quote::execute(const QStringList &)
{
    if (!isSet(m_car) || !isSet(m_from) || !isSet(m_to))
        return usageError(tr("\"quote\" needs --car, --from and --to."));
    auto database = openDatabase(true);
    if (!database)
        return failWith(database.error());
    const auto car = RentalDeskService::car(**database, value(m_car));
    if (!car)
        return failWith(car.error());
    const auto from = localTime(value(m_from), car->zone);
    if (!from)
        return usageError(tr("--from takes a time written \"YYYY-MM-DD HH:MM\", such as \"2026-07-01 10:00\"; \"%1\" "
                             "is not one (or does not exist in %2).")
                              .arg(value(m_from), QString::fromUtf8(car->zone.id())));
    const auto to = localTime(value(m_to), car->zone);
    if (!to)
        return usageError(tr("--to takes a time written \"YYYY-MM-DD HH:MM\", such as \"2026-07-04 10:00\"; \"%1\" "
                             "is not one (or does not exist in %2).")
                              .arg(value(m_to), QString::fromUtf8(car->zone.id())));
    if (*to <= *from)
        return usageError(tr("--to (%1) must be after --from (%2).").arg(value(m_to), value(m_from)));
    const auto quote = RentalDeskService::quote(**database, car->id, *from, *to, parser().values(m_extra));
    if (!quote)
        return failWith(quote.error());

    const QString currency = quote->format.currency;
    if (json()) {
        QJsonArray lines;
        for (const QuoteLine &line : quote->quote.lines)
            lines.append(QJsonObject{{QStringLiteral("text"), line.text},
                                     {QStringLiteral("quantity"), line.quantity},
                                     {QStringLiteral("unit_price"), amount(line.unitCents)},
                                     {QStringLiteral("amount"), amount(line.amountCents)}});
        JsonOutput::print(QJsonObject{{QStringLiteral("car"), car->stockNumber},
                                      {QStringLiteral("lines"), lines},
                                      {QStringLiteral("net"), amount(quote->netCents)},
                                      {QStringLiteral("tax"), amount(quote->taxCents)},
                                      {QStringLiteral("total"), amount(quote->grossCents)},
                                      {QStringLiteral("currency"), currency}});
        return Ok;
    }
    const QLocale locale;
    out() << tr("Car #%1, %2 to %3 (%4)")
                 .arg(car->stockNumber, from->toTimeZone(car->zone).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                      to->toTimeZone(car->zone).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                      QString::fromUtf8(car->zone.id()))
          << Qt::endl;
    for (const QuoteLine &line : quote->quote.lines)
        out() << "  " << line.text << '\t' << Money::format(line.amountCents, currency, locale, Money::Cents::Always)
              << Qt::endl;
    out() << tr("Net") << '\t' << Money::format(quote->netCents, currency, locale, Money::Cents::Always) << Qt::endl;
    out() << tr("VAT") << '\t' << Money::format(quote->taxCents, currency, locale, Money::Cents::Always) << Qt::endl;
    out() << tr("Total") << '\t' << Money::format(quote->grossCents, currency, locale, Money::Cents::Always)
          << Qt::endl;
    return Ok;
}

} // namespace Commands

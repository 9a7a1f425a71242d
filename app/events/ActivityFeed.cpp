#include "ActivityFeed.h"

#include "domain/CarValidator.h"
#include "domain/CarVocabulary.h"
#include "domain/CustomerValidator.h"
#include "domain/Money.h"

#include <QJsonArray>
#include <QLocale>
#include <QStringList>

#include <optional>

namespace {

QString textOf(const QJsonObject &payload, const char *key)
{
    return payload.value(QLatin1String(key)).toVariant().toString();
}

qint64 numberOf(const QJsonObject &payload, const char *key)
{
    return payload.value(QLatin1String(key)).toVariant().toLongLong();
}

// An amount as the events carry it (numeric's text "17500.50", or a JSON number); the value as it is when it
// is not an amount.
QString money(const QJsonValue &value, const QString &currency)
{
    const std::optional<Money> amount = Money::fromJson(value);
    return amount ? amount->format(currency) : value.toVariant().toString();
}

QString timeText(const QJsonValue &value)
{
    const QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : value.toString();
}

QString kmText(const QJsonValue &value)
{
    return ActivityFeed::tr("%1 km").arg(QLocale().toString(value.toVariant().toLongLong()));
}

// "stock #A1234 (Volkswagen Golf)", or "stock #A1234" when the event does not name the car.
QString carText(const QJsonObject &payload)
{
    const QString stock = textOf(payload, "stock_number");
    const QString car = QString(textOf(payload, "make") + QLatin1Char(' ') + textOf(payload, "model")).simplified();
    return car.isEmpty() ? ActivityFeed::tr("stock #%1").arg(stock)
                         : ActivityFeed::tr("stock #%1 (%2)").arg(stock, car);
}

// "booking #12 (Jane Doe)", or "booking #12".
QString bookingText(const QJsonObject &payload)
{
    const QString customer = textOf(payload, "customer");
    const qint64 id = numberOf(payload, "id");
    return customer.isEmpty() ? ActivityFeed::tr("booking #%1").arg(id)
                              : ActivityFeed::tr("booking #%1 (%2)").arg(id).arg(customer);
}

std::optional<CarField> carFieldOf(const QString &column)
{
    if (column == QLatin1String("branch_id"))
        return CarField::Location;
    for (const CarField field : CarValidator::fields()) {
        if (CarValidator::fieldKey(field) == column)
            return field;
    }
    return std::nullopt;
}

// A car column's value for people; a null string where the value is not worth a line (a list, a note,
// a branch's id).
QString carValueText(std::optional<CarField> field, const QJsonValue &value, const QString &currency)
{
    if (value.isNull() || value.isUndefined())
        return ActivityFeed::tr("none");
    if (!field)
        return value.isString() || value.isDouble() ? value.toVariant().toString() : QString();
    switch (*field) {
    case CarField::ListPrice:
    case CarField::Cost:
        return money(value, currency);
    case CarField::MileageKm:
    case CarField::PowerKw:
        return QLocale().toString(value.toVariant().toLongLong()); // the label has the unit
    case CarField::AcquiredOn:
    case CarField::ListedOn:
    case CarField::SoldOn: {
        const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
        return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : value.toString();
    }
    case CarField::ForRent:
        return value.toBool() ? ActivityFeed::tr("yes") : ActivityFeed::tr("no");
    case CarField::Features:
    case CarField::Notes:
    case CarField::Location:
        return {};
    default:
        break;
    }
    if (const auto kind = CarValidator::vocabularyOf(*field)) {
        const QString label = CarVocabulary::label(*kind, value.toString());
        return label.isEmpty() ? value.toString() : label;
    }
    const QString text = value.toVariant().toString();
    return text.size() <= 40 ? text : QString();
}

// "List price €18,900 → €17,500", or the field's name alone.
QString carChangeText(const QString &column, const QJsonValue &change, const QString &currency)
{
    const std::optional<CarField> field = carFieldOf(column);
    const QString label =
        field ? CarValidator::fieldLabel(*field) : QString(column).replace(QLatin1Char('_'), QLatin1Char(' '));
    const QJsonArray values = change.toArray();
    if (values.size() != 2)
        return label;
    const QString before = carValueText(field, values.at(0), currency);
    const QString after = carValueText(field, values.at(1), currency);
    if (before.isNull() || after.isNull())
        return label;
    return ActivityFeed::tr("%1 %2 → %3").arg(label, before, after);
}

QString customerFieldLabel(const QString &column)
{
    for (const CustomerField field : CustomerValidator::fields()) {
        if (CustomerValidator::fieldKey(field) == column)
            return CustomerValidator::fieldLabel(field);
    }
    return QString(column).replace(QLatin1Char('_'), QLatin1Char(' '));
}

// " by card", " in cash", " by bank transfer" (with the space before it), or nothing when not known.
QString methodText(const QString &method)
{
    if (method == QLatin1String("card"))
        return ActivityFeed::tr(" by card");
    if (method == QLatin1String("cash"))
        return ActivityFeed::tr(" in cash");
    if (method == QLatin1String("transfer"))
        return ActivityFeed::tr(" by bank transfer");
    return method.isEmpty() ? QString() : ActivityFeed::tr(" (%1)").arg(method);
}

// What kind of event a topic is, for the line about a failed one.
QString topicText(const QString &topic)
{
    static const QList<std::pair<const char *, const char *>> names = {
        {"car.created", QT_TRANSLATE_NOOP("ActivityFeed", "a car added")},
        {"car.updated", QT_TRANSLATE_NOOP("ActivityFeed", "a car changed")},
        {"car.price_changed", QT_TRANSLATE_NOOP("ActivityFeed", "a price changed")},
        {"car.deleted", QT_TRANSLATE_NOOP("ActivityFeed", "a car deleted")},
        {"car.sold", QT_TRANSLATE_NOOP("ActivityFeed", "a car sold")},
        {"car.sale_voided", QT_TRANSLATE_NOOP("ActivityFeed", "a sale voided")},
        {"booking.created", QT_TRANSLATE_NOOP("ActivityFeed", "a booking made")},
        {"booking.changed", QT_TRANSLATE_NOOP("ActivityFeed", "a booking changed or paid")},
        {"booking.cancelled", QT_TRANSLATE_NOOP("ActivityFeed", "a booking cancelled")},
        {"booking.picked_up", QT_TRANSLATE_NOOP("ActivityFeed", "a car handed over")},
        {"booking.returned", QT_TRANSLATE_NOOP("ActivityFeed", "a car taken back")},
        {"booking.settled", QT_TRANSLATE_NOOP("ActivityFeed", "a return settled")},
        {"booking.pickup_reminder", QT_TRANSLATE_NOOP("ActivityFeed", "a pick-up reminder")},
        {"booking.return_reminder", QT_TRANSLATE_NOOP("ActivityFeed", "a return reminder")},
        {"customer.created", QT_TRANSLATE_NOOP("ActivityFeed", "a customer added")},
        {"customer.updated", QT_TRANSLATE_NOOP("ActivityFeed", "a customer changed")},
        {"vin.requested", QT_TRANSLATE_NOOP("ActivityFeed", "a VIN report asked for")},
        {"demo.generated", QT_TRANSLATE_NOOP("ActivityFeed", "demo data generated")},
    };
    for (const auto &[key, text] : names) {
        if (topic == QLatin1String(key))
            return ActivityFeed::tr(text);
    }
    return topic;
}

QString paymentLine(const QString &actor, const QJsonObject &payload, const QString &currency)
{
    const QString kind = textOf(payload, "payment");
    const QString amount = money(payload.value(QLatin1String("amount")), currency);
    const QString method = methodText(textOf(payload, "method"));
    const QString booking = bookingText(payload);
    if (kind == QLatin1String("refund"))
        return ActivityFeed::tr("%1 refunded %2%3 for %4").arg(actor, amount, method, booking);
    if (kind == QLatin1String("deposit"))
        return ActivityFeed::tr("%1 took a deposit of %2%3 for %4").arg(actor, amount, method, booking);
    if (kind == QLatin1String("deposit_return"))
        return ActivityFeed::tr("%1 returned a deposit of %2%3 for %4").arg(actor, amount, method, booking);
    return ActivityFeed::tr("%1 took a payment of %2%3 for %4").arg(actor, amount, method, booking);
}

// "anna sold stock #A1234 (Volkswagen Golf) for €17,500 on 12/3/26 (salesperson: tom)", and its void with the reason.
QString saleLine(const QString &actor, const QString &topic, const QJsonObject &payload, const QString &car,
                 const QString &currency)
{
    const QString price = Money::fromCents(numberOf(payload, "price_cents")).format(currency);
    const QDate soldOn = QDate::fromString(textOf(payload, "sold_on"), Qt::ISODate);
    const QString day =
        soldOn.isValid() ? QLocale().toString(soldOn, QLocale::ShortFormat) : textOf(payload, "sold_on");
    const QString salesperson = textOf(payload, "salesperson");
    if (topic == QLatin1String("car.sale_voided")) {
        const QString reason = textOf(payload, "reason");
        const QString line = ActivityFeed::tr("%1 voided the sale of %2 (%3 on %4)").arg(actor, car, price, day);
        return reason.isEmpty() ? line : ActivityFeed::tr("%1: %2").arg(line, reason);
    }
    const QString line = ActivityFeed::tr("%1 sold %2 for %3 on %4").arg(actor, car, price, day);
    return salesperson.isEmpty() || salesperson == actor
               ? line
               : ActivityFeed::tr("%1 (salesperson: %2)").arg(line, salesperson);
}

QString carLine(const QString &actor, const QString &topic, const QJsonObject &payload, const QString &currency)
{
    const QString car = carText(payload);
    if (topic == QLatin1String("car.created"))
        return ActivityFeed::tr("%1 added %2").arg(actor, car);
    if (topic == QLatin1String("car.updated")) {
        QStringList changes;
        const QJsonObject changed = payload.value(QLatin1String("changes")).toObject();
        for (auto it = changed.begin(); it != changed.end(); ++it)
            changes << carChangeText(it.key(), it.value(), currency);
        return changes.isEmpty()
                   ? ActivityFeed::tr("%1 changed %2").arg(actor, car)
                   : ActivityFeed::tr("%1 changed %2: %3").arg(actor, car, changes.join(QStringLiteral("; ")));
    }
    if (topic == QLatin1String("car.price_changed"))
        return ActivityFeed::tr("%1 changed the price of %2 from %3 to %4")
            .arg(actor, car, money(payload.value(QLatin1String("old_price")), currency),
                 money(payload.value(QLatin1String("new_price")), currency));
    if (topic == QLatin1String("car.deleted"))
        return ActivityFeed::tr("%1 deleted %2").arg(actor, car);
    if (topic == QLatin1String("car.sold") || topic == QLatin1String("car.sale_voided"))
        return saleLine(actor, topic, payload, car, currency);
    return {};
}

// " at 12,345 km, fuel 80%", as far as the event has the readings.
QString readingsText(const QJsonObject &payload)
{
    QString text;
    if (payload.contains(QLatin1String("mileage_km")))
        text += ActivityFeed::tr(" at %1").arg(kmText(payload.value(QLatin1String("mileage_km"))));
    if (payload.contains(QLatin1String("fuel_pct")))
        text += ActivityFeed::tr(", fuel %1%").arg(QLocale().toString(numberOf(payload, "fuel_pct")));
    return text;
}

QString bookingLine(const QString &actor, const QString &topic, const QJsonObject &payload, const QString &currency)
{
    const QString car = ActivityFeed::tr("stock #%1").arg(textOf(payload, "stock_number"));
    const QString booking = bookingText(payload);
    const QString total = money(payload.value(QLatin1String("total")), currency);
    const QString from = timeText(payload.value(QLatin1String("pickup_at")));
    const QString to = timeText(payload.value(QLatin1String("return_at")));
    if (topic == QLatin1String("booking.created"))
        return ActivityFeed::tr("%1 booked %2 from %3 to %4: %5, total %6").arg(actor, car, from, to, booking, total);
    if (topic == QLatin1String("booking.changed")) {
        if (payload.contains(QLatin1String("payment")))
            return paymentLine(actor, payload, currency);
        return ActivityFeed::tr("%1 moved %2 to %3, from %4 to %5, total %6").arg(actor, booking, car, from, to, total);
    }
    if (topic == QLatin1String("booking.cancelled"))
        return payload.value(QLatin1String("no_show")).toBool()
                   ? ActivityFeed::tr("%1 marked %2 for %3 as a no-show").arg(actor, booking, car)
                   : ActivityFeed::tr("%1 cancelled %2 for %3").arg(actor, booking, car);
    if (topic == QLatin1String("booking.picked_up"))
        return ActivityFeed::tr("%1 handed %2 over for %3").arg(actor, car, booking) + readingsText(payload);
    if (topic == QLatin1String("booking.returned")) {
        QString line = ActivityFeed::tr("%1 took back %2 of %3").arg(actor, car, booking) + readingsText(payload);
        if (const qint64 days = numberOf(payload, "extra_days"); days > 0)
            line += ActivityFeed::tr(", %n day(s) late", nullptr, int(days));
        if (const qint64 km = numberOf(payload, "extra_km"); km > 0)
            line += ActivityFeed::tr(", %1 km over the allowance").arg(QLocale().toString(km));
        if (payload.contains(QLatin1String("total")))
            line += ActivityFeed::tr("; total %1").arg(total);
        return line;
    }
    if (topic == QLatin1String("booking.settled")) {
        QString line = ActivityFeed::tr("%1 settled %2 for %3: invoice %4, total %5")
                           .arg(actor, booking, car, textOf(payload, "invoice"),
                                money(payload.value(QLatin1String("gross")), currency));
        const auto balance = Money::fromJson(payload.value(QLatin1String("balance")));
        if (balance && balance->cents() > 0)
            line += ActivityFeed::tr(", %1 still owed").arg(money(payload.value(QLatin1String("balance")), currency));
        else if (balance && balance->cents() < 0)
            line += ActivityFeed::tr(", %1 to refund").arg(Money::format(-balance->cents(), currency));
        return line;
    }
    const QString at = timeText(payload.value(QLatin1String("at")));
    if (topic == QLatin1String("booking.pickup_reminder"))
        return ActivityFeed::tr("Reminder: %1 is to be picked up at %2 (%3)").arg(car, at, booking);
    if (topic == QLatin1String("booking.return_reminder"))
        return ActivityFeed::tr("Reminder: %1 is due back at %2 (%3)").arg(car, at, booking);
    return {};
}

QString customerLine(const QString &actor, const QString &topic, const QJsonObject &payload)
{
    const QString name = textOf(payload, "full_name");
    if (topic == QLatin1String("customer.created")) {
        QStringList others;
        for (const QJsonValue other : payload.value(QLatin1String("possible_duplicate_of")).toArray())
            others << ActivityFeed::tr("#%1").arg(other.toVariant().toLongLong());
        return others.isEmpty() ? ActivityFeed::tr("%1 added the customer %2").arg(actor, name)
                                : ActivityFeed::tr("%1 added the customer %2, who may be a duplicate of %3")
                                      .arg(actor, name, QLocale().createSeparatedList(others));
    }
    if (topic == QLatin1String("customer.updated")) {
        QStringList fields;
        for (const QString &column : payload.value(QLatin1String("changes")).toObject().keys())
            fields << customerFieldLabel(column);
        return ActivityFeed::tr("%1 changed the customer %2: %3").arg(actor, name, fields.join(QStringLiteral(", ")));
    }
    return {};
}

QString systemLine(const QString &actor, const QString &topic, const QJsonObject &payload)
{
    if (topic == QLatin1String("vin.requested"))
        return (payload.value(QLatin1String("retry")).toBool()
                    ? ActivityFeed::tr("%1 asked again for a VIN report of %2")
                    : ActivityFeed::tr("%1 asked for a VIN report of %2"))
            .arg(actor, textOf(payload, "vin"));
    if (topic == QLatin1String("demo.generated"))
        return ActivityFeed::tr("%1 generated demo data: %2 cars in %3 branches")
            .arg(actor, QLocale().toString(numberOf(payload, "cars")),
                 QLocale().toString(numberOf(payload, "branches")));
    const QString failed = QLocale().toString(numberOf(payload, "event_id"));
    if (topic == QLatin1String("system.dead_letter_replayed"))
        return ActivityFeed::tr("%1 replayed the failed event #%2 (%3)")
            .arg(actor, failed, topicText(textOf(payload, "topic")));
    if (topic == QLatin1String("system.dead_letter_discarded"))
        return ActivityFeed::tr("%1 discarded the failed event #%2 (%3)")
            .arg(actor, failed, topicText(textOf(payload, "topic")));
    return {};
}

} // namespace

void ActivityFeed::record(pqxx::transaction_base &transaction, const OutboxEvent &event)
{
    if (event.topic == QLatin1String("car.price_changed"))
        return; // the car.updated of the same edit lists the price
    EventService::recordActivity(transaction, event);
}

QString ActivityFeed::summary(const ActivityEntry &entry)
{
    return summary(entry.actor, entry.topic, entry.payload, entry.currency);
}

QString ActivityFeed::summary(const QString &actor, const QString &topic, const QJsonObject &payload,
                              const QString &currency)
{
    QString line;
    if (topic.startsWith(QLatin1String("car.")))
        line = carLine(actor, topic, payload, currency);
    else if (topic.startsWith(QLatin1String("booking.")))
        line = bookingLine(actor, topic, payload, currency);
    else if (topic.startsWith(QLatin1String("customer.")))
        line = customerLine(actor, topic, payload);
    else
        line = systemLine(actor, topic, payload);
    return line.isEmpty() ? tr("%1 recorded an event of a kind this version does not know (“%2”)").arg(actor, topic)
                          : line;
}

QList<ActivityFeed::Kind> ActivityFeed::kinds()
{
    return {{QStringLiteral("car"), tr("Cars")},
            {QStringLiteral("booking"), tr("Bookings")},
            {QStringLiteral("handover"), tr("Pick-ups and returns")},
            {QStringLiteral("payment"), tr("Payments")},
            {QStringLiteral("reminder"), tr("Reminders")},
            {QStringLiteral("customer"), tr("Customers")},
            {QStringLiteral("vin"), tr("VIN reports")},
            {QStringLiteral("system"), tr("System")}};
}

#include "CarFilter.h"

#include <QJsonArray>

namespace {

QJsonArray toArray(const QStringList &values)
{
    return QJsonArray::fromStringList(values);
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList result;
    for (const QJsonValue &item : value.toArray()) {
        if (item.isString() && !item.toString().isEmpty())
            result << item.toString();
    }
    return result;
}

template <typename T> void putNumber(QJsonObject &json, const char *key, const std::optional<T> &value)
{
    if (value)
        json.insert(QLatin1String(key), static_cast<double>(*value));
}

template <typename T> std::optional<T> numberOf(const QJsonObject &json, const char *key)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (!value.isDouble())
        return std::nullopt;
    return static_cast<T>(value.toInteger());
}

} // namespace

int CarFilter::conditionCount() const
{
    int count = text.trimmed().isEmpty() ? 0 : 1;
    for (const QStringList *list :
         {&makes, &models, &fuelTypes, &transmissions, &bodyTypes, &colours, &conditions, &statuses, &locations})
        count += list->isEmpty() ? 0 : 1;
    count += seats.isEmpty() ? 0 : 1;
    count += (yearFrom || yearTo) ? 1 : 0;
    count += (priceFrom || priceTo) ? 1 : 0;
    count += (mileageFrom || mileageTo) ? 1 : 0;
    count += forRent ? 1 : 0;
    count += inStock ? 1 : 0;
    count += (daysInStockFrom || daysInStockTo) ? 1 : 0;
    count += priceBelow ? 1 : 0;
    count += makesExcluded.isEmpty() ? 0 : 1;
    count += withCost ? 1 : 0;
    count += sale.isEmpty() ? 0 : 1;
    return count;
}

bool CarFilter::hasFigureConditions() const
{
    return inStock || daysInStockFrom || daysInStockTo || priceBelow || !makesExcluded.isEmpty() || withCost ||
           !sale.isEmpty();
}

QJsonObject CarFilter::toJson() const
{
    QJsonObject json;
    if (!text.isEmpty())
        json.insert(QStringLiteral("text"), text);
    const std::pair<const char *, const QStringList *> lists[] = {
        {"makes", &makes},           {"models", &models},
        {"fuel_types", &fuelTypes},  {"transmissions", &transmissions},
        {"body_types", &bodyTypes},  {"colours", &colours},
        {"conditions", &conditions}, {"statuses", &statuses},
        {"locations", &locations},   {"makes_excluded", &makesExcluded},
    };
    for (const auto &[key, list] : lists) {
        if (!list->isEmpty())
            json.insert(QLatin1String(key), toArray(*list));
    }
    if (!seats.isEmpty()) {
        QJsonArray array;
        for (int value : seats)
            array.append(value);
        json.insert(QStringLiteral("seats"), array);
    }
    putNumber(json, "year_from", yearFrom);
    putNumber(json, "year_to", yearTo);
    putNumber(json, "price_from", priceFrom);
    putNumber(json, "price_to", priceTo);
    putNumber(json, "mileage_from", mileageFrom);
    putNumber(json, "mileage_to", mileageTo);
    if (forRent)
        json.insert(QStringLiteral("for_rent"), *forRent);
    if (inStock)
        json.insert(QStringLiteral("in_stock"), true);
    putNumber(json, "days_in_stock_from", daysInStockFrom);
    putNumber(json, "days_in_stock_to", daysInStockTo);
    putNumber(json, "price_below", priceBelow);
    if (withCost)
        json.insert(QStringLiteral("with_cost"), true);
    if (!sale.isEmpty()) {
        QJsonObject sold;
        if (sale.from.isValid())
            sold.insert(QStringLiteral("from"), sale.from.toString(Qt::ISODate));
        if (sale.to.isValid())
            sold.insert(QStringLiteral("to"), sale.to.toString(Qt::ISODate));
        for (const auto &[key, list] : {std::pair{"locations", &sale.locations}, std::pair{"models", &sale.models},
                                        std::pair{"salespeople", &sale.salespeople}})
            if (!list->isEmpty())
                sold.insert(QLatin1String(key), toArray(*list));
        putNumber(sold, "days_to_sell_from", sale.daysToSellFrom);
        putNumber(sold, "days_to_sell_to", sale.daysToSellTo);
        if (sale.withCost)
            sold.insert(QStringLiteral("with_cost"), true);
        json.insert(QStringLiteral("sale"), sold);
    }
    return json;
}

CarFilter CarFilter::fromJson(const QJsonObject &json)
{
    CarFilter filter;
    filter.text = json.value(QStringLiteral("text")).toString();
    filter.makes = stringsOf(json.value(QStringLiteral("makes")));
    filter.models = stringsOf(json.value(QStringLiteral("models")));
    filter.fuelTypes = stringsOf(json.value(QStringLiteral("fuel_types")));
    filter.transmissions = stringsOf(json.value(QStringLiteral("transmissions")));
    filter.bodyTypes = stringsOf(json.value(QStringLiteral("body_types")));
    filter.colours = stringsOf(json.value(QStringLiteral("colours")));
    filter.conditions = stringsOf(json.value(QStringLiteral("conditions")));
    filter.statuses = stringsOf(json.value(QStringLiteral("statuses")));
    filter.locations = stringsOf(json.value(QStringLiteral("locations")));
    for (const QJsonValue &value : json.value(QStringLiteral("seats")).toArray()) {
        if (value.isDouble())
            filter.seats << value.toInt();
    }
    filter.yearFrom = numberOf<int>(json, "year_from");
    filter.yearTo = numberOf<int>(json, "year_to");
    filter.priceFrom = numberOf<qint64>(json, "price_from");
    filter.priceTo = numberOf<qint64>(json, "price_to");
    filter.mileageFrom = numberOf<qint64>(json, "mileage_from");
    filter.mileageTo = numberOf<qint64>(json, "mileage_to");
    if (const QJsonValue forRent = json.value(QStringLiteral("for_rent")); forRent.isBool())
        filter.forRent = forRent.toBool();
    filter.inStock = json.value(QStringLiteral("in_stock")).toBool();
    filter.daysInStockFrom = numberOf<int>(json, "days_in_stock_from");
    filter.daysInStockTo = numberOf<int>(json, "days_in_stock_to");
    filter.priceBelow = numberOf<qint64>(json, "price_below");
    filter.makesExcluded = stringsOf(json.value(QStringLiteral("makes_excluded")));
    filter.withCost = json.value(QStringLiteral("with_cost")).toBool();
    const QJsonObject sold = json.value(QStringLiteral("sale")).toObject();
    filter.sale.from = QDate::fromString(sold.value(QStringLiteral("from")).toString(), Qt::ISODate);
    filter.sale.to = QDate::fromString(sold.value(QStringLiteral("to")).toString(), Qt::ISODate);
    filter.sale.locations = stringsOf(sold.value(QStringLiteral("locations")));
    filter.sale.models = stringsOf(sold.value(QStringLiteral("models")));
    filter.sale.salespeople = stringsOf(sold.value(QStringLiteral("salespeople")));
    filter.sale.daysToSellFrom = numberOf<int>(sold, "days_to_sell_from");
    filter.sale.daysToSellTo = numberOf<int>(sold, "days_to_sell_to");
    filter.sale.withCost = sold.value(QStringLiteral("with_cost")).toBool();
    return filter;
}

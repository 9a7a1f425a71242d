#include "FilterAlerts.h"

#include "domain/Money.h"
#include "services/FleetService.h"
#include "services/NotificationService.h"
#include "services/SystemService.h"

void FilterAlerts::handle(pqxx::transaction_base &transaction, const OutboxEvent &event)
{
    const qint64 carId = event.payload.value(QStringLiteral("id")).toInteger();
    if (carId <= 0)
        return;
    const QString car = tr("%1 %2, stock #%3")
                            .arg(event.payload.value(QStringLiteral("make")).toString(),
                                 event.payload.value(QStringLiteral("model")).toString(),
                                 event.payload.value(QStringLiteral("stock_number")).toString());
    QString body = car;
    bool priceDrop = false;
    if (event.topic == QLatin1String("car.price_changed")) {
        const std::optional<Money> before = Money::fromJson(event.payload.value(QStringLiteral("old_price")));
        const std::optional<Money> after = Money::fromJson(event.payload.value(QStringLiteral("new_price")));
        if (!before || !after || *after >= *before)
            return; // only a drop is news
        priceDrop = true;
        const QString currency = SystemService::currency(transaction);
        body = tr("%1: %2 → %3").arg(car, before->format(currency), after->format(currency));
    } else if (event.topic != QLatin1String("car.created")) {
        return;
    }

    for (const SavedFilter &alert : FleetService::alertingFilters(transaction, carId)) {
        NewNotification notification;
        notification.recipient = alert.owner;
        notification.title =
            priceDrop ? tr("Price drop for \"%1\"").arg(alert.name) : tr("New car for \"%1\"").arg(alert.name);
        notification.body = body;
        notification.about = NewNotification::About::SavedFilter;
        notification.aboutId = alert.id;
        notification.carId = carId;
        notification.sourceEvent = event.id;
        NotificationService::add(transaction, notification);
    }
}

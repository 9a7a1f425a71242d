#pragma once

#include "domain/BookingPayment.h"
#include "domain/BookingRow.h"
#include "domain/RentalPricing.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// Everything about one booking, for its dialog.
struct BookingDetails
{
    BookingRow row;
    qint64 dailyCents = 0;
    qint64 depositCents = 0; // asked for
    std::optional<int> kmPerDay;
    qint64 extraKmCents = 0;
    QList<RentalExtra> extras;
    QString notes;
    QString damageNotes;
    std::optional<int> pickupMileageKm;
    std::optional<int> pickupFuelPercent;
    std::optional<int> returnMileageKm;
    std::optional<int> returnFuelPercent;
    QDateTime pickedUpAt;
    QDateTime returnedAt;
    QString createdBy;
    QDateTime createdAt;
    int carMileageKm = 0; // the car's odometer as last recorded: what a pick-up starts from
    QList<BookingPayment> payments;
};

#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

// Which bookings a list shows: every condition is optional. A period keeps the bookings that meet it.
struct BookingFilter
{
    QDateTime from;
    QDateTime to;
    QStringList statuses;
    qint64 customerId = 0;
    qint64 carId = 0;
    QString location; // branch code of the pick-up
    QString text;     // in the customer's name, the stock number, make or model
    bool overdueOnly = false;

    // The conditions of a Rentals dashboard figure (DashboardService's definitions). Days are calendar days
    // at the car's branch (UTC for a car without one), both ends included.
    QDate pickupFrom;      // picked up (booked pick-up) on or after
    QDate pickupTo;        // on or before
    QDate returnedFrom;    // returned (the actual return) on or after
    QDate returnedTo;      // on or before
    QString carLocation;   // branch code of the car (the dashboards' branch), not of the pick-up
    QStringList carModels; // "Make Model" of the car now

    // Whether a condition the list's bar does not show is set.
    bool hasFigureConditions() const
    {
        return pickupFrom.isValid() || pickupTo.isValid() || returnedFrom.isValid() || returnedTo.isValid() ||
               !carLocation.isEmpty() || !carModels.isEmpty();
    }

    bool operator==(const BookingFilter &other) const = default;
};

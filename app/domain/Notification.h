#pragma once

#include <QDateTime>
#include <QString>

// A message for one staff member (a saved-search alert, a booking reminder, VIN reports ready), as the
// window's notifications show it.
struct Notification
{
    qint64 id = 0;
    QDateTime at;
    QString title;
    QString body;
    qint64 carId = 0;
    qint64 bookingId = 0;
    bool read = false;
    qint64 vinRequestId = 0;
};

#pragma once

#include <QDateTime>
#include <QString>

// Money taken or given back for a booking.
struct BookingPayment
{
    qint64 id = 0;
    QString kind; // payment, refund, deposit, deposit_return
    qint64 cents = 0;
    QString method; // card, cash, transfer
    QString note;
    QString takenBy;
    QDateTime takenAt;
};

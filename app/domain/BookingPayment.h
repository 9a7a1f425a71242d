#pragma once

#include <QDateTime>
#include <QString>

// Money taken or given back for a booking.
struct BookingPayment
{
    qint64 id = 0;
    QString kind; // payment, refund, deposit, deposit_return, deposit_capture (the deposit set against the bill)
    qint64 cents = 0;
    QString method; // card, cash, transfer
    QString note;
    QString takenBy;
    QDateTime takenAt;
};

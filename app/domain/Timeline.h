#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// The availability timeline: cars as rows, their bookings in a period as bars.
struct Timeline
{
    struct Car
    {
        qint64 id = 0;
        QString stockNumber;
        QString name; // "Toyota Corolla 2022"
        QString status;
        QString location;
    };
    struct Bar
    {
        qint64 bookingId = 0;
        int carIndex = 0; // into cars
        QDateTime pickup;
        QDateTime returned;
        QDateTime blockedUntil; // the return plus the turnaround buffer
        QString status;
        QString customer;
        bool overdue = false;
    };
    QDateTime from;
    QDateTime to;
    QList<Car> cars;
    QList<Bar> bars;
    bool truncated = false; // more cars matched than were loaded
};

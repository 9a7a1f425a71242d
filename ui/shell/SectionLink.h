#pragma once

#include <QMetaType>

// Something a part of the window asks to see: a section that shows such things shows it.
struct SectionLink
{
    enum class Kind {
        Car,        // the car in the Fleet table
        Booking,    // the booking, opened
        NewBooking, // a new booking of the car
        VinRequest, // the VIN request and its report
    };
    Kind kind = Kind::Car;
    qint64 id = 0;
};

Q_DECLARE_METATYPE(SectionLink)

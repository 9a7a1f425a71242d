#pragma once

#include "domain/BookingFilter.h"
#include "domain/CarFilter.h"
#include "services/VinReportService.h"

#include <QMetaType>
#include <QString>

// Something a part of the window asks to see: a section that shows such things shows it.
struct SectionLink
{
    enum class Kind {
        Car,         // the car in the Fleet table
        Booking,     // the booking, opened
        NewBooking,  // a new booking of the car
        VinRequest,  // the VIN request and its report
        Cars,        // the Fleet table filtered by `cars`
        Bookings,    // the Bookings list filtered by `bookings`
        VinRequests, // the VIN requests filtered by `vinRequests`
    };
    SectionLink(Kind kind = Kind::Car, qint64 id = 0)
        : kind(kind)
        , id(id)
    {}

    Kind kind;
    qint64 id;
    // A filtered list (Cars, Bookings, VinRequests): what it is ("Stock 61–90 days, Berlin") and its filter.
    QString title;
    CarFilter cars;
    BookingFilter bookings;
    VinRequestFilter vinRequests;
};

Q_DECLARE_METATYPE(SectionLink)

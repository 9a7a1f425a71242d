#pragma once

#include "services/BookingService.h"

#include <QtGlobal>

// The columns of the Bookings list.
enum class BookingColumn { Id, Pickup, Return, Car, Customer, Status, Branch, Total, Balance, Count };

// What the Bookings list shows: the bookings that pass a filter, in a sort order (BookingService::page).
struct BookingQuery
{
    BookingFilter filter;
    BookingColumn sortColumn = BookingColumn::Pickup;
    Qt::SortOrder sortOrder = Qt::AscendingOrder;

    bool operator==(const BookingQuery &other) const = default;
};

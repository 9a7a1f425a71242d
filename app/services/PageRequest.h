#pragma once

#include <QList>
#include <QStringList>

// Keyset paging, the one way every table pages (cars, customers, bookings, VIN requests): a query's rows
// are read a page at a time after or before a row's key, never by counting rows from the start.

// A row's place in a sort order: the text of each sort expression, then the id that breaks ties.
struct PageKey
{
    QStringList values;
    qint64 id = 0;

    bool isNull() const { return id == 0; }
    bool operator==(const PageKey &other) const = default;
};

// Which rows of a query to read: the first ones, those after or before a known key, or `offset` rows past
// a key (or past the start), for a jump into the middle.
struct PageRequest
{
    enum class From {
        Start,
        After,  // after `key`, forwards
        Before, // before `key`, backwards; rows still come back in the query's order
        At,     // starting at `key` itself, then `offset` rows further
    };

    From from = From::Start;
    PageKey key;
    qint64 offset = 0;
    int limit = 100;
};

// A page of rows with each row's key (keys[i] is the place of rows[i]), in the query's order.
template <typename Row> struct KeyedPage
{
    QList<Row> rows;
    QList<PageKey> keys;
};

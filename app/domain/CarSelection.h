#pragma once

#include "domain/CarFilter.h"

#include <QList>

#include <initializer_list>
#include <optional>

// The cars a bulk action changes: the ones chosen by id, or every car a filter matches (the whole table
// selected), which the database works out in the statement that changes them.
class CarSelection
{
public:
    CarSelection(QList<qint64> ids)
        : m_ids(std::move(ids))
    {}
    CarSelection(std::initializer_list<qint64> ids)
        : m_ids(ids)
    {}
    static CarSelection matching(const CarFilter &filter)
    {
        CarSelection selection(QList<qint64>{});
        selection.m_filter = filter;
        return selection;
    }

    // The chosen ids; empty for a selection by filter.
    const QList<qint64> &ids() const { return m_ids; }
    // The filter every selected car matches, or nothing for a selection by id.
    const std::optional<CarFilter> &filter() const { return m_filter; }

private:
    QList<qint64> m_ids;
    std::optional<CarFilter> m_filter;
};

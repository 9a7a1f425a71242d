#pragma once

#include <QtGlobal>

// The table models keep the pages they fetched in a hash by page number, each with a `lastUsed`
// stamp. This drops the least recently used ones until at most `limit` remain.
template <typename Pages> void evictLeastRecentlyUsed(Pages &pages, qsizetype limit)
{
    while (pages.size() > limit) {
        auto oldest = pages.begin();
        for (auto it = pages.begin(); it != pages.end(); ++it) {
            if (it->lastUsed < oldest->lastUsed)
                oldest = it;
        }
        pages.erase(oldest);
    }
}

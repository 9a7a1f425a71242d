#pragma once

#include "Error.h"
#include "VinHistory.h"

#include <QString>

struct VinDecoding;

// Where a report's history comes from. Pluggable: the simulated provider (sample data for demos and
// training) and the HTTP provider (a commercial service). history() blocks; the event worker calls it on
// its own thread, one VIN at a time. An error's message is a sentence for the request's "failed" reason;
// a provider that simply knows nothing of the VIN returns an empty history, not an error.
class HistoryProvider
{
public:
    virtual ~HistoryProvider() = default;
    virtual QString name() const = 0;
    virtual Result<VinHistory> history(const VinDecoding &decoding) = 0;
};

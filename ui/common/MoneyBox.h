#pragma once

#include "domain/Money.h"

// Shows the currency around the number of a spin box the way the box's locale writes amounts
// ("€20,000" in English, "20.000 €" in German), so a typed amount reads like every other amount; the
// number itself is what people type.
template <typename SpinBox> void showCurrency(SpinBox *box, const QString &isoCode)
{
    const Money::Affixes affixes = Money::affixes(isoCode, box->locale());
    box->setPrefix(affixes.prefix);
    box->setSuffix(affixes.suffix);
}

#pragma once

#include <QLocale>
#include <QString>

// A sample phone number of a country, written the way people there give it in international form:
// "+49 1512 3456789" for Germany, "+1 201-555-0123" for the United States. For placeholders and
// messages, so that a desk in any country sees the shape it expects.
namespace PhoneExample {

// The territory's sample (a mobile number where the territory has them, the number customers give most);
// empty for a territory without one (QLocale::AnyTerritory, the "C" locale).
QString of(QLocale::Territory territory);

} // namespace PhoneExample

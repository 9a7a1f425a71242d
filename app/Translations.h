#pragma once

// Installs Qt's and Forecourt's translations for the system locale on the running application. The
// English catalogue is always installed underneath: it carries the plural forms of "%n car(s)".
namespace Translations {
void install();
}

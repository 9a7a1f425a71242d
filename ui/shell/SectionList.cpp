#include "SectionList.h"

#include "ui/bookings/BookingsPage.h"
#include "ui/customers/CustomersPage.h"
#include "ui/dashboards/DashboardsSection.h"
#include "ui/fleet/FleetPage.h"
#include "ui/system/SystemPage.h"
#include "ui/vin/VinReportsPage.h"

namespace {
template <typename T> Section *build(const SectionContext &context, QWidget *parent)
{
    return new T(context, parent);
}
} // namespace

QList<SectionFactory> standardSections()
{
    // One line per section.
    // clang-format off
    return {
        build<FleetPage>,
        build<BookingsPage>,
        build<CustomersPage>,
        build<VinReportsPage>,
        build<DashboardsSection>,
        build<SystemPage>,
    };
    // clang-format on
}

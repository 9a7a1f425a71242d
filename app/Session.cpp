#include "Session.h"

Session::Permissions Session::allPermissions()
{
    return Permission::EditCars | Permission::ImportCars | Permission::EditBookings | Permission::EditCustomers |
           Permission::RequestVinReports | Permission::ManageVinSettings | Permission::ManageEvents;
}

Session::Session(ConnectionProfile profile, QString roleName, QString displayName, Permissions permissions)
    : m_profile(std::move(profile))
    , m_roleName(std::move(roleName))
    , m_displayName(std::move(displayName))
    , m_permissions(permissions)
{}

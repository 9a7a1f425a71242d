#pragma once

#include "db/ConnectionProfile.h"

#include <QFlags>
#include <QString>

// Who is connected and what they may do, loaded once connected (SessionService::load) and handed to
// every section. The window hides what the session may not do; the database still refuses it (42501)
// whatever a client shows.
class Session
{
public:
    // What a staff member may do. Today every connected role may do everything; the staff and roles
    // section will read them from the role's grants.
    enum class Permission : quint32 {
        EditCars = 0x01,          // add, edit, delete and bulk-change cars
        ImportCars = 0x02,        // import cars and undo imports
        EditBookings = 0x04,      // book, pick up, return, take payments
        EditCustomers = 0x08,     // add and edit customers
        RequestVinReports = 0x10, // ask for VIN reports and retry failed ones
        ManageVinSettings = 0x20, // the VIN report provider and its key
        ManageEvents = 0x40,      // replay or discard failed events
    };
    Q_DECLARE_FLAGS(Permissions, Permission)

    static Permissions allPermissions();

    // Not connected: nobody, allowed nothing.
    Session() = default;
    Session(ConnectionProfile profile, QString roleName, QString displayName, Permissions permissions);

    bool isConnected() const { return !m_roleName.isEmpty(); }
    // Where the data lives (the connection the window opened).
    const ConnectionProfile &profile() const { return m_profile; }
    // The PostgreSQL role the connection acts as (current_user).
    const QString &roleName() const { return m_roleName; }
    // The name people read: the staff member's name once the staff section records it, the role until then.
    const QString &displayName() const { return m_displayName; }
    Permissions permissions() const { return m_permissions; }
    bool may(Permission permission) const { return m_permissions.testFlag(permission); }

private:
    ConnectionProfile m_profile;
    QString m_roleName;
    QString m_displayName;
    Permissions m_permissions;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(Session::Permissions)

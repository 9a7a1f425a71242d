#pragma once

#include "Error.h"
#include "Session.h"

class Database;

// Reads who the connection acts as. Blocking: call it on a database thread, once connected and migrated.
class SessionService
{
public:
    // The session of `database`'s connection: its role (current_user) and, until the staff section
    // records staff and their roles, every permission.
    static Result<Session> load(Database &database);
};

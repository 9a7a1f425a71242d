#pragma once

#include "Error.h"

#include <exception>

// Turns what libpq/libpqxx report into an Error with a sentence the user can act on.
namespace DbErrors {
// A failure to connect: wrong host, refused password, server down, missing database.
Error fromConnectionFailure(const QString &libpqMessage, const QString &where);
// Any exception thrown while running SQL (SQLSTATE codes mapped), or a ForecourtException.
Error fromException(const std::exception &exception);
} // namespace DbErrors

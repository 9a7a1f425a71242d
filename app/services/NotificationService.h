#pragma once

#include "Error.h"
#include "domain/Notification.h"

#include <QList>
#include <QString>

#include <pqxx/transaction_base>

class Database;

// A notification as an event handler writes it: for whom, what it says, and what it is about.
struct NewNotification
{
    // What it is about: the saved filter whose alert matched, the booking reminded of, or the VIN request
    // (the first of its batch, for a batch) that finished. Each event makes at most one notification per
    // subject, so a second delivery of the event writes nothing.
    enum class About {
        SavedFilter,
        Booking,
        VinRequest,
    };

    QString recipient; // a database user
    QString title;
    QString body;
    About about = About::SavedFilter;
    qint64 aboutId = 0;
    qint64 carId = 0;       // the car to show; 0: none
    qint64 sourceEvent = 0; // the outbox event it comes from
};

// The notifications table: the only code that writes and reads it. Blocking: call on a database thread (the
// Database overloads) or in the worker's transaction.
class NotificationService
{
public:
    // The key the recipient's open windows hear of a new notification by (Outbox::ChangeChannel).
    static QString changeKey(const QString &recipient) { return QStringLiteral("notification:") + recipient; }

    // Writes the notification and tells the recipient's windows, at commit; false when this event already
    // made it (nothing is written then).
    static bool add(pqxx::transaction_base &transaction, const NewNotification &notification);

    // The connected user's notifications, newest first; and marking them all read.
    static Result<QList<Notification>> list(Database &database, int limit = 50);
    static Result<void> markAllRead(Database &database);
};

#pragma once

#include "domain/Notification.h"
#include "ui/shell/SectionLink.h"

#include <QToolButton>

class DatabaseThread;
class QMenu;

// The status bar's notifications: "Notifications (2)" with the unread count, a menu of the latest
// ones (choosing one with a car shows the car), and "Mark all read". refresh() when the worker wrote
// a new one; arrived() then announces each new one once (the window shows it as a tray message).
class NotificationsButton : public QToolButton
{
    Q_OBJECT

public:
    explicit NotificationsButton(DatabaseThread *database, QWidget *parent = nullptr);
    void refresh();
    int unreadCount() const;
    const QList<Notification> &notifications() const { return m_notifications; }

signals:
    // A notification about a car, a booking or a VIN request was chosen: the window shows it.
    void linkRequested(const SectionLink &link);
    void arrived(const QString &title, const QString &body);

private:
    void showNotifications(const QList<Notification> &notifications);
    void markAllRead();

    DatabaseThread *m_database;
    QMenu *m_menu;
    QList<Notification> m_notifications;
    qint64 m_newestSeen = -1; // -1: nothing read yet, so the first read announces nothing
    bool m_reading = false;
    bool m_again = false; // asked again while a read was out
};

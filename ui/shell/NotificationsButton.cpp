#include "NotificationsButton.h"

#include "Async.h"
#include "db/DatabaseThread.h"
#include "services/NotificationService.h"

#include <QLocale>
#include <QMenu>

namespace {
constexpr int kShown = 10;
} // namespace

NotificationsButton::NotificationsButton(DatabaseThread *database, QWidget *parent)
    : QToolButton(parent)
    , m_database(database)
    , m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("notifications"));
    setAutoRaise(true);
    setPopupMode(QToolButton::InstantPopup);
    setMenu(m_menu);
    setText(tr("Notifications"));
    setAccessibleName(tr("Notifications"));
    setToolTip(tr("Alerts from your saved filters"));
    showNotifications({});
    m_newestSeen = -1; // that was no read: the first real one announces nothing
}

int NotificationsButton::unreadCount() const
{
    return int(std::count_if(m_notifications.cbegin(), m_notifications.cend(),
                             [](const Notification &notification) { return !notification.read; }));
}

void NotificationsButton::refresh()
{
    if (m_reading) {
        m_again = true;
        return;
    }
    m_reading = true;
    whenFinished(m_database->submit([](Database &db) { return NotificationService::list(db, kShown * 5); }), this,
                 [this](const Result<QList<Notification>> &notifications) {
                     m_reading = false;
                     if (notifications)
                         showNotifications(*notifications);
                     if (std::exchange(m_again, false))
                         refresh();
                 });
}

void NotificationsButton::showNotifications(const QList<Notification> &notifications)
{
    const qint64 newest = notifications.isEmpty() ? 0 : notifications.first().id;
    if (m_newestSeen >= 0) {
        for (auto it = notifications.crbegin(); it != notifications.crend(); ++it) {
            if (it->id > m_newestSeen && !it->read)
                emit arrived(it->title, it->body);
        }
    }
    m_newestSeen = std::max(m_newestSeen, newest);
    m_notifications = notifications;

    const int unread = unreadCount();
    setText(unread > 0 ? tr("Notifications (%1)").arg(unread) : tr("Notifications"));
    setAccessibleDescription(tr("%n unread", nullptr, unread));
    QFont bold = font();
    bold.setBold(unread > 0);
    setFont(bold);

    m_menu->clear();
    if (notifications.isEmpty()) {
        m_menu
            ->addAction(
                tr("No notifications. Booking reminders and the alerts of saved filters (Fleet › Filter) show here."))
            ->setEnabled(false);
        return;
    }
    for (qsizetype i = 0; i < notifications.size() && i < kShown; ++i) {
        const Notification &notification = notifications.at(i);
        QAction *action =
            m_menu->addAction(QStringLiteral("%1%2 — %3 (%4)")
                                  .arg(notification.read ? QString() : QStringLiteral("● "), notification.title,
                                       notification.body, QLocale().toString(notification.at, QLocale::ShortFormat)));
        const qint64 carId = notification.carId;
        const qint64 bookingId = notification.bookingId;
        const qint64 vinRequestId = notification.vinRequestId;
        action->setEnabled(carId > 0 || bookingId > 0 || vinRequestId > 0);
        connect(action, &QAction::triggered, this, [this, carId, bookingId, vinRequestId] {
            if (vinRequestId > 0)
                emit linkRequested({SectionLink::Kind::VinRequest, vinRequestId});
            else if (bookingId > 0)
                emit linkRequested({SectionLink::Kind::Booking, bookingId});
            else
                emit linkRequested({SectionLink::Kind::Car, carId});
        });
    }
    m_menu->addSeparator();
    QAction *markRead = m_menu->addAction(tr("Mark all read"));
    markRead->setEnabled(unread > 0);
    connect(markRead, &QAction::triggered, this, &NotificationsButton::markAllRead);
}

void NotificationsButton::markAllRead()
{
    whenFinished(m_database->submit([](Database &db) { return NotificationService::markAllRead(db); }), this,
                 [this](const Result<void> &) { refresh(); });
}

#pragma once

#include "Session.h"
#include "ui/shell/SectionLink.h"

#include <QIcon>
#include <QWidget>

class DatabaseThread;
class QMenu;
struct ServerInfo;

// What the window gives each section when it builds it. Both threads live as long as the window.
struct SectionContext
{
    // Short reads and every write, in the order they are asked for.
    DatabaseThread *database = nullptr;
    // Long reads (counts, anchors, reports) on a connection of their own, so they never hold up the
    // short ones. Opened by the window once connected.
    DatabaseThread *longReads = nullptr;
    // The Reports server's thread (the dashboards' figures, read-only): open (DatabaseThread::profile())
    // only while a Reports server is set; otherwise the figures come from `longReads`.
    DatabaseThread *reports = nullptr;
};

// One section of the main window: an entry in the section list, the Go menu and Ctrl+1…Ctrl+N, and the
// page shown for it (the section itself). The window builds its sections from one list (SectionList),
// activates them once connected, passes on other desks' changes and the server's details, shows their
// status messages and the links they ask for.
class Section : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual QString title() const = 0;
    // One sentence on what the section is for (the section list's tooltip).
    virtual QString summary() const = 0;
    virtual QIcon icon() const = 0;
    // The section's own menu in the menu bar while it is shown, or null.
    virtual QMenu *menu() const { return nullptr; }

    // Called once connected (again, after a change of connection): keeps `session` and loads what the
    // page shows.
    void activate(const Session &session);
    // Who is connected and what they may do; not connected before activate().
    const Session &session() const { return m_session; }

    // Other desks changed these ("car:42", "car:*", "booking:7").
    virtual void applyChanges(const QStringList &keys);
    // The window read the server's details (once connected, on Refresh, after a reconnection).
    virtual void showServerInfo(const ServerInfo &info, const ConnectionProfile &profile);
    // Whether this section shows links of `kind`; open() then shows one (the window shows the section first).
    virtual bool opens(SectionLink::Kind kind) const;
    virtual void open(const SectionLink &link);

signals:
    void statusMessage(const QString &message);
    // Another section should show this (Book on a car: a new booking in Bookings).
    void linkRequested(const SectionLink &link);
    // The window's Refresh and File › Connection…, for sections that offer them.
    void refreshRequested();
    void connectionSettingsRequested();

protected:
    // After activate() kept the session: load what the page shows.
    virtual void activated() = 0;

private:
    Session m_session;
};

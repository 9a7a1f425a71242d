#pragma once

#include "db/ConnectionMonitor.h"
#include "db/ConnectionProfile.h"

#include <QMainWindow>

class BookingsPage;
class ChangeListener;
class CustomersPage;
class DatabaseThread;
class EventWorker;
class FleetPage;
class NotificationsButton;
class QSystemTrayIcon;
class QLabel;
class QListWidget;
class QStackedWidget;
class SectionPage;
class StartupPage;
class SystemPage;
class VinReportsPage;
struct Error;
struct ServerInfo;

// The main window: sections on the left (Fleet, Bookings, Customers, VIN reports, Dashboards,
// System), the current section on the right, and a status bar that tells where the data lives, whether
// the connection is healthy and what the event worker does. Connecting and migrating run on the
// database thread while a startup page shows progress.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Section { Fleet, Bookings, Customers, VinReports, Dashboards, System, SectionCount };
    Q_ENUM(Section)

    explicit MainWindow(const ConnectionProfile &profile, QWidget *parent = nullptr);
    ~MainWindow() override;

    Section currentSection() const;
    void showSection(Section section);
    bool isReady() const { return m_ready; }
    QString connectionStatusText() const;
    QString locationStatusText() const;
    ConnectionMonitor *connectionMonitor() const { return m_monitor; }
    FleetPage *fleetPage() const { return m_fleetPage; }
    CustomersPage *customersPage() const { return m_customersPage; }
    BookingsPage *bookingsPage() const { return m_bookingsPage; }
    VinReportsPage *vinReportsPage() const { return m_vinReportsPage; }

public slots:
    void connectTo(const ConnectionProfile &profile);
    void retryConnection();
    void openConnectionDialog();

signals:
    void ready();
    void startupFailed(const QString &message);

private:
    void buildUi();
    void buildMenus();
    // The current section's menu shows (the Fleet menu), usable once connected.
    void updateSectionMenus();
    void restoreWindowState();
    void saveWindowState() const;
    void migrate();
    void refreshInfo();
    void applyInfo(const ServerInfo &info);
    void showStartupError(const Error &error);
    void updateConnectionStatus(ConnectionMonitor::State state, const QString &message);
    void showAbout();

    ConnectionProfile m_profile;
    DatabaseThread *m_database = nullptr;
    ConnectionMonitor *m_monitor = nullptr;
    bool m_ready = false;
    // Started once connected: this desk's event worker and the listener for other desks' changes.
    EventWorker *m_worker = nullptr;
    ChangeListener *m_changes = nullptr;
    quint64 m_connectionGeneration = 0;

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;   // the section pages
    QStackedWidget *m_content = nullptr; // the startup page or the sections
    StartupPage *m_startupPage = nullptr;
    QWidget *m_sectionsView = nullptr;
    SystemPage *m_systemPage = nullptr;
    FleetPage *m_fleetPage = nullptr;
    CustomersPage *m_customersPage = nullptr;
    BookingsPage *m_bookingsPage = nullptr;
    VinReportsPage *m_vinReportsPage = nullptr;
    QList<SectionPage *> m_sectionPages; // by Section; null for the sections with their own page
    QLabel *m_locationLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_workerLabel = nullptr;
    NotificationsButton *m_notifications = nullptr;
    QSystemTrayIcon *m_tray = nullptr; // null where the desktop has no tray
};

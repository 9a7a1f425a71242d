#pragma once

#include "Session.h"
#include "db/ConnectionMonitor.h"
#include "db/ConnectionProfile.h"
#include "ui/shell/Section.h"
#include "ui/shell/SectionList.h"

#include <QMainWindow>

class ChangeListener;
class DatabaseThread;
class EventWorker;
class NotificationsButton;
class QSystemTrayIcon;
class QLabel;
class QListWidget;
class QStackedWidget;
class StartupPage;
struct Error;
struct ServerInfo;

// The main window: the sections on the left (built from one list, standardSections()), the current
// section on the right, and a status bar that tells where the data lives, whether the connection is
// healthy and what the event worker does. Connecting, migrating and loading the session run on the
// database thread while a startup page shows progress.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const ConnectionProfile &profile, QWidget *parent = nullptr);
    // A window with other sections than the standard ones (tests).
    MainWindow(const ConnectionProfile &profile, const QList<SectionFactory> &sections, QWidget *parent = nullptr);
    ~MainWindow() override;

    // In the order of the section list.
    const QList<Section *> &sections() const { return m_sections; }
    // The first section of type T, or null.
    template <typename T> T *section() const
    {
        for (Section *section : m_sections) {
            if (auto *found = qobject_cast<T *>(section))
                return found;
        }
        return nullptr;
    }
    Section *currentSection() const;
    void showSection(Section *section);
    // Shows the section that shows such links, and the link in it.
    void open(const SectionLink &link);

    bool isReady() const { return m_ready; }
    // Who is connected; not connected until ready().
    const Session &session() const { return m_session; }
    QString connectionStatusText() const;
    QString locationStatusText() const;
    ConnectionMonitor *connectionMonitor() const { return m_monitor; }

public slots:
    void connectTo(const ConnectionProfile &profile);
    // The Reports server the dashboards read from (nothing: the main connection); (re)opened at once when
    // connected, else once connected. Its password, when the profile has none, comes from the keychain.
    void setReportsServer(const std::optional<ConnectionProfile> &reports);
    const std::optional<ConnectionProfile> &reportsServer() const { return m_reportsProfile; }
    void retryConnection();
    void openConnectionDialog();

signals:
    void ready();
    void startupFailed(const QString &message);

private:
    void buildUi(const QList<SectionFactory> &sections);
    void addSection(Section *section);
    void buildMenus();
    // The current section's menu shows (the Fleet menu), usable once connected.
    void updateSectionMenus();
    void restoreWindowState();
    void saveWindowState() const;
    void migrate();
    void loadSession();
    void refreshInfo();
    void applyInfo(const ServerInfo &info);
    void start();
    void openReports();
    void saveReportsPassword(const std::optional<ConnectionProfile> &reports);
    void showStartupError(const Error &error);
    void updateConnectionStatus(ConnectionMonitor::State state, const QString &message);
    void showAbout();

    ConnectionProfile m_profile;
    std::optional<ConnectionProfile> m_reportsProfile; // the Reports server; nothing: the main connection
    Session m_session;
    DatabaseThread *m_database = nullptr;
    DatabaseThread *m_longReads = nullptr; // SectionContext::longReads
    DatabaseThread *m_reports = nullptr;   // SectionContext::reports
    ConnectionMonitor *m_monitor = nullptr;
    bool m_ready = false;
    // Started once connected: this desk's event worker and the listener for other desks' changes.
    EventWorker *m_worker = nullptr;
    ChangeListener *m_changes = nullptr;
    quint64 m_connectionGeneration = 0;

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;   // the sections' pages, in the list's order
    QStackedWidget *m_content = nullptr; // the startup page or the sections
    StartupPage *m_startupPage = nullptr;
    QWidget *m_sectionsView = nullptr;
    QList<Section *> m_sections;
    QLabel *m_locationLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_workerLabel = nullptr;
    NotificationsButton *m_notifications = nullptr;
    QSystemTrayIcon *m_tray = nullptr; // null where the desktop has no tray
};

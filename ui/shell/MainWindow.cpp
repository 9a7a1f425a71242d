#include "MainWindow.h"

#include "AppInfo.h"
#include "Async.h"
#include "ConnectionDialog.h"
#include "Logging.h"
#include "NotificationsButton.h"
#include "SecretStore.h"
#include "StartupPage.h"
#include "UserSettings.h"
#include "db/DatabaseThread.h"
#include "events/ChangeListener.h"
#include "events/EventWorker.h"
#include "services/NotificationService.h"
#include "services/SessionService.h"
#include "services/SystemService.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QtConcurrent>

MainWindow::MainWindow(const ConnectionProfile &profile, QWidget *parent)
    : MainWindow(profile, standardSections(), parent)
{}

MainWindow::MainWindow(const ConnectionProfile &profile, const QList<SectionFactory> &sections, QWidget *parent)
    : QMainWindow(parent)
    , m_database(new DatabaseThread(this))
    , m_longReads(new DatabaseThread(this))
    , m_reports(new DatabaseThread(this))
    , m_monitor(new ConnectionMonitor(m_database, this))
{
    setWindowTitle(AppInfo::name());
    setObjectName(QStringLiteral("MainWindow"));
    buildUi(sections);
    buildMenus();
    restoreWindowState();

    connect(m_database, &DatabaseThread::progressed, m_startupPage, &StartupPage::setProgress);
    connect(m_monitor, &ConnectionMonitor::stateChanged, this, &MainWindow::updateConnectionStatus);
    connect(m_monitor, &ConnectionMonitor::reconnected, this, &MainWindow::refreshInfo);
    connect(m_startupPage, &StartupPage::retryRequested, this, &MainWindow::retryConnection);
    connect(m_startupPage, &StartupPage::settingsRequested, this, &MainWindow::openConnectionDialog);
    connect(m_startupPage, &StartupPage::useLocalRequested, this,
            [this] { connectTo(ConnectionProfile::local(QString())); });

    // Connect once the event loop runs: the window paints first, and whoever created it can listen to
    // ready() and startupFailed() before they can fire.
    QMetaObject::invokeMethod(
        this, [this, profile] { connectTo(profile); }, Qt::QueuedConnection);
}

MainWindow::~MainWindow()
{
    saveWindowState(); // also when a signal, not the close button, ends the program
    m_monitor->stop();
    m_reports->shutdown();
    m_longReads->shutdown();
    m_database->shutdown(); // closes the connection on its own thread, releases the local server
}

void MainWindow::buildUi(const QList<SectionFactory> &sections)
{
    m_content = new QStackedWidget(this);
    setCentralWidget(m_content);

    m_startupPage = new StartupPage(m_content);
    m_content->addWidget(m_startupPage);

    m_sectionsView = new QWidget(m_content);
    auto *layout = new QHBoxLayout(m_sectionsView);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_navigation = new QListWidget(m_sectionsView);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Sections"));
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setSpacing(2);
    m_navigation->setFixedWidth(190);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_pages = new QStackedWidget(m_sectionsView);
    m_pages->setObjectName(QStringLiteral("sectionPages"));
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    m_content->addWidget(m_sectionsView);

    const SectionContext context{m_database, m_longReads, m_reports};
    for (const SectionFactory &build : sections)
        addSection(build(context, m_pages));
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    m_locationLabel = new QLabel(this);
    m_locationLabel->setObjectName(QStringLiteral("locationStatus"));
    m_connectionLabel = new QLabel(tr("Connecting…"), this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionStatus"));
    m_workerLabel = new QLabel(tr("Event worker: not running"), this);
    m_workerLabel->setObjectName(QStringLiteral("workerStatus"));
    m_workerLabel->setToolTip(tr("This window's background worker for queued events starts once connected."));
    statusBar()->addWidget(m_locationLabel, 1);
    statusBar()->addPermanentWidget(m_connectionLabel);
    statusBar()->addPermanentWidget(m_workerLabel);
    m_notifications = new NotificationsButton(m_database, this);
    m_notifications->setEnabled(false); // until connected
    statusBar()->addPermanentWidget(m_notifications);
    connect(m_notifications, &NotificationsButton::linkRequested, this, &MainWindow::open);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(
            windowIcon().isNull() ? style()->standardIcon(QStyle::SP_ComputerIcon) : windowIcon(), this);
        m_tray->setToolTip(AppInfo::name());
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            activateWindow();
        });
    }
    connect(m_notifications, &NotificationsButton::arrived, this, [this](const QString &title, const QString &body) {
        if (m_tray)
            m_tray->showMessage(title, body, QSystemTrayIcon::Information, 8000);
        statusBar()->showMessage(title + QStringLiteral(": ") + body, 8000);
    });
}

void MainWindow::addSection(Section *section)
{
    const int number = int(m_sections.size()) + 1;
    auto *item = new QListWidgetItem(section->icon(), section->title(), m_navigation);
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(section->summary()).arg(number));
    item->setSizeHint(QSize(0, 36));
    m_pages->addWidget(section);
    m_sections << section;
    connect(section, &Section::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(section, &Section::linkRequested, this, &MainWindow::open);
    connect(section, &Section::refreshRequested, this, &MainWindow::refreshInfo);
    connect(section, &Section::connectionSettingsRequested, this, &MainWindow::openConnectionDialog);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = file->addAction(tr("&Connection…"), this, &MainWindow::openConnectionDialog);
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    for (qsizetype i = 0; i < m_sections.size(); ++i) {
        Section *section = m_sections.at(i);
        QAction *action = go->addAction(section->title(), this, [this, section] { showSection(section); });
        // Ctrl+1 … Ctrl+9: the first nine sections.
        if (i < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setObjectName(QStringLiteral("goSection%1").arg(i));
    }
    go->addSeparator();
    QAction *refresh = go->addAction(tr("&Refresh"), this, &MainWindow::refreshInfo);
    refresh->setShortcut(QKeySequence::Refresh);

    // The sections' own menus (every action of the Fleet toolbar, with the shortcuts), while they are shown.
    for (Section *section : std::as_const(m_sections)) {
        if (QMenu *menu = section->menu())
            menuBar()->addMenu(menu);
    }
    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::updateSectionMenus);
    updateSectionMenus();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Forecourt"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::updateSectionMenus()
{
    for (Section *section : std::as_const(m_sections)) {
        if (QMenu *menu = section->menu()) {
            menu->menuAction()->setVisible(section == currentSection());
            menu->setEnabled(m_ready);
        }
    }
}

Section *MainWindow::currentSection() const
{
    return m_sections.value(m_navigation->currentRow());
}

void MainWindow::showSection(Section *section)
{
    const qsizetype row = m_sections.indexOf(section);
    if (row < 0)
        return;
    m_navigation->setCurrentRow(int(row));
    if (m_ready)
        m_pages->currentWidget()->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::open(const SectionLink &link)
{
    for (Section *section : std::as_const(m_sections)) {
        if (section->opens(link.kind)) {
            showSection(section);
            section->open(link);
            return;
        }
    }
}

QString MainWindow::connectionStatusText() const
{
    return m_connectionLabel->text();
}

QString MainWindow::locationStatusText() const
{
    return m_locationLabel->text();
}

void MainWindow::restoreWindowState()
{
    if (!restoreGeometry(UserSettings::windowGeometry.value()))
        resize(1100, 720);
    restoreState(UserSettings::windowState.value());
    const int section = UserSettings::windowSection.value();
    m_navigation->setCurrentRow(section >= 0 && section < m_sections.size() ? section : 0);
}

void MainWindow::saveWindowState() const
{
    UserSettings::windowGeometry.setValue(saveGeometry());
    UserSettings::windowState.setValue(saveState());
    UserSettings::windowSection.setValue(m_navigation->currentRow());
}

void MainWindow::connectTo(const ConnectionProfile &profile)
{
    m_profile = profile;
    m_ready = false;
    updateSectionMenus();
    delete m_worker; // stops after the batch in hand
    m_worker = nullptr;
    delete m_changes;
    m_changes = nullptr;
    const quint64 generation = ++m_connectionGeneration; // results of an earlier attempt are dropped
    m_monitor->stop();
    m_content->setCurrentWidget(m_startupPage);
    m_startupPage->setBusy(profile.isLocal() ? tr("Starting the local database…")
                                             : tr("Connecting to %1…").arg(profile.describe()));
    m_locationLabel->setText(profile.describe());
    m_connectionLabel->setText(tr("Connecting…"));
    whenFinished(m_database->open(profile), this, [this, generation](const Result<void> &opened) {
        if (generation != m_connectionGeneration)
            return;
        if (!opened) {
            showStartupError(opened.error());
            return;
        }
        migrate();
    });
}

void MainWindow::retryConnection()
{
    connectTo(m_profile);
}

void MainWindow::migrate()
{
    const quint64 generation = m_connectionGeneration;
    m_startupPage->setBusy(tr("Checking the database schema…"));
    DatabaseThread *database = m_database;
    whenFinished(m_database->submit([database](Database &db) {
        return SystemService::migrate(db, [database](int index, int count, const Migrator::Migration &migration) {
            database->reportProgress(tr("Updating the database: %1").arg(migration.name), index, count);
        });
    }),
                 this, [this, generation](const Result<Migrator::State> &migrated) {
                     if (generation != m_connectionGeneration)
                         return;
                     if (!migrated) {
                         showStartupError(migrated.error());
                         return;
                     }
                     m_startupPage->setBusy(tr("Loading…"));
                     loadSession();
                 });
}

void MainWindow::loadSession()
{
    const quint64 generation = m_connectionGeneration;
    whenFinished(m_database->submit([](Database &db) { return SessionService::load(db); }), this,
                 [this, generation](const Result<Session> &session) {
                     if (generation != m_connectionGeneration)
                         return;
                     if (!session) {
                         showStartupError(session.error());
                         return;
                     }
                     m_session = *session;
                     refreshInfo();
                 });
}

void MainWindow::refreshInfo()
{
    const quint64 generation = m_connectionGeneration;
    whenFinished(m_database->submit([](Database &db) { return SystemService::serverInfo(db); }), this,
                 [this, generation](const Result<ServerInfo> &info) {
                     if (generation != m_connectionGeneration)
                         return;
                     if (!info) {
                         if (!m_ready)
                             showStartupError(info.error());
                         else
                             statusBar()->showMessage(info.error().message, 10000);
                         return;
                     }
                     applyInfo(*info);
                 });
}

void MainWindow::applyInfo(const ServerInfo &info)
{
    for (Section *section : std::as_const(m_sections))
        section->showServerInfo(info, m_profile);

    m_locationLabel->setText((info.local ? tr("Local server") : tr("Server %1").arg(m_profile.describe())) +
                             QStringLiteral(" · PostgreSQL ") + info.serverVersion.section(QLatin1Char(' '), 0, 0) +
                             QStringLiteral(" · ") + tr("schema %1").arg(info.schema.currentVersion));
    if (!m_ready)
        start();
}

// Connected, migrated, the session loaded: the sections load what they show, this desk's worker starts
// and other desks' changes come in.
void MainWindow::start()
{
    m_ready = true;
    updateSectionMenus();
    m_content->setCurrentWidget(m_sectionsView);
    updateConnectionStatus(ConnectionMonitor::State::Healthy, QString());
    m_monitor->start();
    m_longReads->open(m_profile); // the sections' long reads queue behind the open
    openReports();
    for (Section *section : std::as_const(m_sections))
        section->activate(m_session);
    m_worker = new EventWorker(m_profile, EventWorker::standardHandlers(), EventWorker::Options{}, this);
    const auto showWorking = [this] {
        m_workerLabel->setText(tr("Event worker: running"));
        m_workerLabel->setToolTip(
            tr("This window handles queued events in the background; System › Events shows the queue."));
    };
    connect(m_worker, &EventWorker::batchDone, m_workerLabel, showWorking);
    connect(m_worker, &EventWorker::unavailable, m_workerLabel, [this](const QString &message) {
        m_workerLabel->setText(tr("Event worker: waiting for the database"));
        m_workerLabel->setToolTip(message);
    });
    showWorking();
    m_worker->start();
    m_changes = new ChangeListener(m_profile, this);
    for (Section *section : std::as_const(m_sections))
        connect(m_changes, &ChangeListener::changed, section, &Section::applyChanges);
    const QString notificationKey = NotificationService::changeKey(m_session.roleName());
    connect(m_changes, &ChangeListener::changed, m_notifications, [this, notificationKey](const QStringList &keys) {
        if (keys.contains(notificationKey))
            m_notifications->refresh();
    });
    m_notifications->setEnabled(true);
    m_notifications->refresh();
    m_changes->start();
    m_navigation->setFocus();
    emit ready();
}

void MainWindow::setReportsServer(const std::optional<ConnectionProfile> &reports)
{
    m_reportsProfile = reports;
    if (m_ready)
        openReports();
}

// The dashboards read on the Reports server's thread while one is set; the figures only read there, in
// read-only transactions (a hot standby refuses writes anyway). A server that cannot be reached is tried
// again by the next read, whose error then says why.
void MainWindow::openReports()
{
    if (!m_reportsProfile) {
        if (m_reports->profile())
            m_reports->close();
        return;
    }
    // The keychain's password belongs to the saved Reports server: not to another one given for this session.
    QSettings settings;
    const std::optional<ConnectionProfile> saved = ConnectionProfile::loadReports(settings);
    const auto sameServer = [](const ConnectionProfile &a, const ConnectionProfile &b) {
        const ConnectionProfile::Fields x = a.effectiveFields();
        const ConnectionProfile::Fields y = b.effectiveFields();
        return x.host == y.host && x.port == y.port && x.database == y.database && x.user == y.user;
    };
    const bool passwordSaved =
        UserSettings::reportsPasswordSaved.value(settings) && saved && sameServer(*saved, *m_reportsProfile);
    m_reports->open(m_reportsProfile->readOnly(), DatabaseThread::OnFailedOpen::Retry,
                    [passwordSaved](const ConnectionProfile &profile) {
                        if (profile.hasPassword() || !passwordSaved)
                            return profile;
                        // QtKeychain spins an event loop of its own: not on the database thread, whose
                        // queued jobs must wait for the open.
                        const Result<QString> password = QtConcurrent::run([] {
                                                             KeychainSecretStore keychain;
                                                             return keychain.read(SecretStore::reportsServerPassword());
                                                         }).result();
                        if (!password) {
                            qCWarning(lcUi) << "the Reports server's password:" << password.error().oneLine();
                            return profile;
                        }
                        return profile.withPassword(*password);
                    });
}

// The Reports server's password goes to the keychain (never the settings file), off the GUI thread; a
// cleared Reports server takes its password with it.
void MainWindow::saveReportsPassword(const std::optional<ConnectionProfile> &reports)
{
    const bool save = reports && reports->hasPassword();
    const bool wasSaved = UserSettings::reportsPasswordSaved.value();
    if (!save && !wasSaved)
        return; // nothing in the keychain to keep or take back
    const QString password = save ? reports->password() : QString();
    UserSettings::reportsPasswordSaved.setValue(save);
    whenFinished(
        QtConcurrent::run([save, password]() -> Result<void> {
            KeychainSecretStore keychain;
            return save ? keychain.write(SecretStore::reportsServerPassword(), password)
                        : keychain.remove(SecretStore::reportsServerPassword());
        }),
        this, [this, save](const Result<void> &done) {
            if (!done && save)
                statusBar()->showMessage(
                    tr("The Reports server's password is used for this session only: %1").arg(done.error().message),
                    15000);
        });
}

void MainWindow::showStartupError(const Error &error)
{
    qCWarning(lcUi) << "startup failed:" << error.oneLine();
    m_content->setCurrentWidget(m_startupPage);
    m_startupPage->setError(error, !m_profile.isLocal());
    m_connectionLabel->setText(tr("Not connected"));
    emit startupFailed(error.message);
}

void MainWindow::updateConnectionStatus(ConnectionMonitor::State state, const QString &message)
{
    switch (state) {
    case ConnectionMonitor::State::Healthy:
        m_connectionLabel->setText(QStringLiteral("<span style='color:#2e7d32'>●</span> ") + tr("Connected"));
        m_connectionLabel->setToolTip(tr("The database answers normally."));
        break;
    case ConnectionMonitor::State::Lost:
        m_connectionLabel->setText(QStringLiteral("<span style='color:#c62828'>●</span> ") +
                                   tr("Connection lost, reconnecting…"));
        m_connectionLabel->setToolTip(message);
        break;
    case ConnectionMonitor::State::Unknown:
        m_connectionLabel->setText(tr("Connecting…"));
        break;
    }
}

void MainWindow::openConnectionDialog()
{
    ConnectionDialog dialog(m_profile, m_reportsProfile, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ConnectionProfile profile = dialog.profile();
    const std::optional<ConnectionProfile> reports = dialog.reportsProfile();
    QSettings settings;
    profile.save(settings);
    ConnectionProfile::saveReports(settings, reports);
    saveReportsPassword(reports);
    setReportsServer(reports);
    // Connect once the event loop runs: the window paints first, and whoever created it can listen to
    // ready() and startupFailed() before they can fire.
    QMetaObject::invokeMethod(
        this, [this, profile] { connectTo(profile); }, Qt::QueuedConnection);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Forecourt"),
                       tr("<h3>Forecourt %1</h3><p>Administration for car dealerships and rental desks: fleet, "
                          "bookings, customers, VIN reports and dashboards.</p><p>Data: %2</p>")
                           .arg(AppInfo::version(), m_profile.describe().toHtmlEscaped()));
}

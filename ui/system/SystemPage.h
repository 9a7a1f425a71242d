#pragma once

#include <QWidget>

class ActivityPanel;
class ConnectionProfile;
class DatabaseThread;
class EventsPanel;
class MigrationTableModel;
class QFormLayout;
class QLabel;
class QPushButton;
class QTableView;
struct ServerInfo;

// The System section: where the data lives, the server, the schema and its migrations (Database tab),
// the event queue, workers and failed events (Events tab), and who did what (Activity tab).
class SystemPage : public QWidget
{
    Q_OBJECT

public:
    explicit SystemPage(DatabaseThread *database, QWidget *parent = nullptr);
    void setInfo(const ServerInfo &info, const ConnectionProfile &profile);
    QString fieldText(const QString &objectName) const;
    EventsPanel *eventsPanel() const { return m_events; }
    ActivityPanel *activityPanel() const { return m_activity; }

signals:
    void changeConnectionRequested();
    void refreshRequested();

private:
    QLabel *addField(QFormLayout *form, const QString &label, const QString &objectName);

    QLabel *m_location = nullptr;
    QLabel *m_server = nullptr;
    QLabel *m_database = nullptr;
    QLabel *m_host = nullptr;
    QLabel *m_size = nullptr;
    QLabel *m_schema = nullptr;
    QLabel *m_uri = nullptr;
    QPushButton *m_copyUri = nullptr;
    MigrationTableModel *m_migrations = nullptr;
    QTableView *m_migrationView = nullptr;
    EventsPanel *m_events = nullptr;
    ActivityPanel *m_activity = nullptr;
};

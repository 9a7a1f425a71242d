#pragma once

#include "ui/shell/Section.h"

class ActivityPanel;
class DatabaseThread;
class EventsPanel;
class MigrationTableModel;
class QFormLayout;
class QLabel;
class QMenu;
class QPushButton;
class QTableView;
struct ServerInfo;

// The System section: where the data lives, the server, the schema and its migrations (Database tab),
// the event queue, workers and failed events (Events tab), and who did what (Activity tab).
class SystemPage : public Section
{
    Q_OBJECT

public:
    explicit SystemPage(const SectionContext &context, QWidget *parent = nullptr);

    QString title() const override;
    QString summary() const override;
    QIcon icon() const override;
    // System › Rental rates and settings…
    QMenu *menu() const override { return m_menu; }
    void showServerInfo(const ServerInfo &info, const ConnectionProfile &profile) override;
    // Other desks' changes: the activity shows them while it is in view.
    void applyChanges(const QStringList &keys) override;

    QString fieldText(const QString &objectName) const;
    EventsPanel *eventsPanel() const { return m_events; }
    ActivityPanel *activityPanel() const { return m_activity; }

protected:
    void activated() override {}

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
    QMenu *m_menu = nullptr;
    EventsPanel *m_events = nullptr;
    ActivityPanel *m_activity = nullptr;
};

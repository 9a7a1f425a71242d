#pragma once

#include "services/DashboardService.h"

#include <QDialog>

class DatabaseThread;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;

// The dashboards' targets for every desk (the settings table): the rental fleet's utilisation and the share of
// cars sold within 30 days, as percentages. Read and written with DashboardService on the database thread;
// saved() once written (the open dashboards then read their figures again).
class DashboardTargetsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DashboardTargetsDialog(DatabaseThread *database, QWidget *parent = nullptr);

    DashboardTargets targets() const;
    void setTargets(const DashboardTargets &targets);
    // Whether the targets in force have been read (Save is enabled then).
    bool isLoaded() const { return m_loaded; }
    QString messageText() const;

signals:
    void saved(const DashboardTargets &targets);

private:
    void save();

    DatabaseThread *m_database;
    QDoubleSpinBox *m_utilisation;
    QDoubleSpinBox *m_soldWithin30Days;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    bool m_loaded = false;
};

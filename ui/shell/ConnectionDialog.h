#pragma once

#include "db/ConnectionProfile.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLineEdit;
class QRadioButton;
class QWidget;
class ServerFields;

// Chooses where the data lives: the local server (a data folder) or a PostgreSQL server (fields or a
// libpq URI); and, on its second tab, the Reports server the dashboards read from (a read replica), by
// default the same as the main connection. Connection tests run off the GUI thread.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDialog(const ConnectionProfile &current,
                              const std::optional<ConnectionProfile> &reports = std::nullopt,
                              QWidget *parent = nullptr);

    ConnectionProfile profile() const;
    // The Reports server, or nothing for "the same as the main connection".
    std::optional<ConnectionProfile> reportsProfile() const;

private:
    void updateEnabled();
    void browseDataDir();

    QRadioButton *m_local = nullptr;
    QRadioButton *m_server = nullptr;
    QWidget *m_localBox = nullptr;
    ServerFields *m_serverBox = nullptr;
    QLineEdit *m_dataDir = nullptr;
    QCheckBox *m_reportsSame = nullptr;
    ServerFields *m_reportsBox = nullptr;
};

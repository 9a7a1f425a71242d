#pragma once

#include "db/ConnectionProfile.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QWidget;

// Chooses where the data lives: the local server (a data folder) or a PostgreSQL server (fields or a
// libpq URI), with a connection test that runs off the GUI thread.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDialog(const ConnectionProfile &current, QWidget *parent = nullptr);

    ConnectionProfile profile() const;

private:
    void updateEnabled();
    void testConnection();
    void browseDataDir();

    QRadioButton *m_local = nullptr;
    QRadioButton *m_server = nullptr;
    QWidget *m_localBox = nullptr;
    QWidget *m_serverBox = nullptr;
    QLineEdit *m_dataDir = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_sslMode = nullptr;
    QLineEdit *m_uri = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_testResult = nullptr;
};

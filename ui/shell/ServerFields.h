#pragma once

#include "db/ConnectionProfile.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// The fields of a PostgreSQL server profile (host, port, database, user, password, SSL mode, or a libpq
// URI) with a connection test that runs off the GUI thread: the main connection and the Reports server
// of ConnectionDialog are each one of these.
class ServerFields : public QWidget
{
    Q_OBJECT

public:
    // `accessiblePrefix` starts every field's accessible name ("" for the main connection, "Reports
    // server" for the second one), so a screen reader tells the two apart.
    explicit ServerFields(const QString &accessiblePrefix, QWidget *parent = nullptr);

    // Fills the fields from a server profile (its password is never shown).
    void setProfile(const ConnectionProfile &profile);
    // The profile the fields (or the URI, when one is typed in) describe, with the password typed in.
    ConnectionProfile profile() const;

    // The password field's tooltip: what happens to the password.
    void setPasswordNote(const QString &note);

    // Tests `profile()` (the Test connection button); the result shows beside the button.
    void testConnection();

private:
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

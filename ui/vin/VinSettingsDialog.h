#pragma once

#include "services/VinReportService.h"

#include <QDialog>

class DatabaseThread;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// How VIN reports are made, for every desk (the settings table): reuse of recent reports, the vPIC
// address and pace, and the history provider. The HTTP provider's API key goes to this computer's
// keychain, never to the database or a settings file.
class VinSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    VinSettingsDialog(DatabaseThread *database, QWidget *parent = nullptr);

    VinReportSettings settings() const;
    void setSettings(const VinReportSettings &settings);

signals:
    void saved();

private:
    void save();
    void updateFields();

    DatabaseThread *m_database;
    QSpinBox *m_reuseDays;
    QCheckBox *m_vpicOn;
    QLineEdit *m_vpicUrl;
    QSpinBox *m_vpicInterval;
    QSpinBox *m_timeout;
    QComboBox *m_provider;
    QLineEdit *m_historyUrl;
    QLineEdit *m_apiKey;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

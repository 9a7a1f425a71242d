#include "VinSettingsDialog.h"

#include "Async.h"
#include "SecretStore.h"
#include "db/DatabaseThread.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace {
const QString kDefaultVpic = QStringLiteral("https://vpic.nhtsa.dot.gov/api/");
}

VinSettingsDialog::VinSettingsDialog(DatabaseThread *database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_reuseDays(new QSpinBox(this))
    , m_vpicOn(new QCheckBox(tr("Look up the specification at NHTSA vPIC"), this))
    , m_vpicUrl(new QLineEdit(this))
    , m_vpicInterval(new QSpinBox(this))
    , m_timeout(new QSpinBox(this))
    , m_provider(new QComboBox(this))
    , m_historyUrl(new QLineEdit(this))
    , m_apiKey(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("VIN report settings"));
    setObjectName(QStringLiteral("vinSettingsDialog"));
    m_reuseDays->setRange(0, 365);
    m_reuseDays->setSuffix(tr(" days"));
    m_reuseDays->setSpecialValueText(tr("Never reuse"));
    m_reuseDays->setAccessibleName(tr("Reuse a report for"));
    m_vpicUrl->setAccessibleName(tr("vPIC address"));
    m_vpicUrl->setPlaceholderText(kDefaultVpic);
    m_vpicInterval->setRange(0, 60000);
    m_vpicInterval->setSingleStep(50);
    m_vpicInterval->setSuffix(tr(" ms"));
    m_vpicInterval->setAccessibleName(tr("Time between two vPIC calls"));
    m_timeout->setRange(1, 120);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setAccessibleName(tr("Network timeout"));
    m_provider->addItem(tr("Simulated history (sample data for demos and training)"), QStringLiteral("simulated"));
    m_provider->addItem(tr("History service over HTTP"), QStringLiteral("http"));
    m_provider->setAccessibleName(tr("History provider"));
    m_historyUrl->setAccessibleName(tr("History service address"));
    m_historyUrl->setPlaceholderText(QStringLiteral("https://history.example.com/v1/reports"));
    m_apiKey->setAccessibleName(tr("API key"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setPlaceholderText(tr("Leave empty to keep the key this computer has"));
    m_apiKey->setToolTip(tr("Kept in this computer's keychain, never in the database or a settings file"));
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Reuse a report for:"), m_reuseDays);
    form->addRow(QString(), m_vpicOn);
    form->addRow(tr("vPIC address:"), m_vpicUrl);
    form->addRow(tr("Time between vPIC calls:"), m_vpicInterval);
    form->addRow(tr("Network timeout:"), m_timeout);
    form->addRow(tr("History from:"), m_provider);
    form->addRow(tr("Service address:"), m_historyUrl);
    form->addRow(tr("API key:"), m_apiKey);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_vpicOn, &QCheckBox::toggled, this, &VinSettingsDialog::updateFields);
    connect(m_provider, &QComboBox::currentIndexChanged, this, &VinSettingsDialog::updateFields);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &VinSettingsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    m_message->setText(tr("Loading…"));
    whenFinished(m_database->submit([](Database &db) { return VinReportService::settings(db); }), this,
                 [this](const Result<VinReportSettings> &settings) {
                     if (!settings) {
                         m_message->setText(settings.error().message);
                         return;
                     }
                     setSettings(*settings);
                     m_message->clear();
                     m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
                 });
    updateFields();
}

void VinSettingsDialog::setSettings(const VinReportSettings &settings)
{
    m_reuseDays->setValue(settings.reuseDays);
    m_vpicOn->setChecked(!settings.vpicUrl.isEmpty());
    m_vpicUrl->setText(settings.vpicUrl.isEmpty() ? kDefaultVpic : settings.vpicUrl.toString());
    m_vpicInterval->setValue(settings.vpicMinIntervalMs);
    m_timeout->setValue(std::max(1, settings.vpicTimeoutMs / 1000));
    m_provider->setCurrentIndex(std::max(0, m_provider->findData(settings.historyProvider)));
    m_historyUrl->setText(settings.historyUrl.toString());
    updateFields();
}

VinReportSettings VinSettingsDialog::settings() const
{
    VinReportSettings settings;
    settings.reuseDays = m_reuseDays->value();
    settings.vpicUrl = m_vpicOn->isChecked() ? QUrl(m_vpicUrl->text().trimmed()) : QUrl();
    settings.vpicMinIntervalMs = m_vpicInterval->value();
    settings.vpicTimeoutMs = m_timeout->value() * 1000;
    settings.historyProvider = m_provider->currentData().toString();
    settings.historyUrl = QUrl(m_historyUrl->text().trimmed());
    return settings;
}

void VinSettingsDialog::updateFields()
{
    m_vpicUrl->setEnabled(m_vpicOn->isChecked());
    m_vpicInterval->setEnabled(m_vpicOn->isChecked());
    const bool http = m_provider->currentData().toString() == QLatin1String("http");
    m_historyUrl->setEnabled(http);
    m_apiKey->setEnabled(http);
}

void VinSettingsDialog::save()
{
    const VinReportSettings wanted = settings();
    const QString key = m_apiKey->text();
    m_buttons->setEnabled(false);
    m_message->setText(tr("Saving…"));
    whenFinished(m_database->submit([wanted](Database &db) { return VinReportService::saveSettings(db, wanted); }),
                 this, [this, key](const Result<void> &written) {
                     if (!written) {
                         m_buttons->setEnabled(true);
                         m_message->setText(written.error().message);
                         return;
                     }
                     if (key.isEmpty()) {
                         emit saved();
                         accept();
                         return;
                     }
                     // The keychain may ask the desktop to unlock it: off the GUI thread.
                     whenFinished(QtConcurrent::run([key]() -> QString {
                                      KeychainSecretStore keychain;
                                      const Result<void> written = keychain.write(SecretStore::vinHistoryApiKey(), key);
                                      return written ? QString() : written.error().message;
                                  }),
                                  this, [this](const QString &error) {
                                      m_buttons->setEnabled(true);
                                      if (!error.isEmpty()) {
                                          m_message->setText(error);
                                          return;
                                      }
                                      emit saved();
                                      accept();
                                  });
                 });
}

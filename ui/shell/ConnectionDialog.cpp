#include "ConnectionDialog.h"

#include "ServerFields.h"
#include "db/LocalServer.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QVBoxLayout>

ConnectionDialog::ConnectionDialog(const ConnectionProfile &current, const std::optional<ConnectionProfile> &reports,
                                   QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Connection"));
    setObjectName(QStringLiteral("connectionDialog"));

    m_local = new QRadioButton(tr("&Local: a private database on this computer"), this);
    m_server = new QRadioButton(tr("&Server: the dealership's PostgreSQL server"), this);

    m_localBox = new QWidget(this);
    auto *localForm = new QFormLayout(m_localBox);
    m_dataDir = new QLineEdit(m_localBox);
    m_dataDir->setAccessibleName(tr("Data folder"));
    m_dataDir->setPlaceholderText(LocalServer::defaultDataDir());
    auto *browse = new QPushButton(tr("&Browse…"), m_localBox);
    connect(browse, &QPushButton::clicked, this, &ConnectionDialog::browseDataDir);
    auto *dataDirRow = new QHBoxLayout;
    dataDirRow->addWidget(m_dataDir, 1);
    dataDirRow->addWidget(browse);
    auto *dataDirLabel = new QLabel(tr("Data &folder:"), m_localBox);
    dataDirLabel->setBuddy(m_dataDir);
    localForm->addRow(dataDirLabel, dataDirRow);

    m_serverBox = new ServerFields(QString(), this);
    m_serverBox->setPasswordNote(tr("Used for this session only; it is not saved."));

    auto *mainTab = new QWidget(this);
    auto *mainLayout = new QVBoxLayout(mainTab);
    mainLayout->addWidget(m_local);
    mainLayout->addWidget(m_localBox);
    mainLayout->addWidget(m_server);
    mainLayout->addWidget(m_serverBox);
    mainLayout->addStretch(1);

    // The Reports server: where the dashboards read their figures, so managers' reading never weighs on
    // the desks' server.
    auto *reportsTab = new QWidget(this);
    auto *reportsLayout = new QVBoxLayout(reportsTab);
    auto *reportsNote = new QLabel(tr("The dashboards can read their figures from a read replica of the main "
                                      "server (a hot standby), so managers' reading never slows the desks down. "
                                      "Other desks' changes still come from the main server."),
                                   reportsTab);
    reportsNote->setWordWrap(true);
    m_reportsSame = new QCheckBox(tr("S&ame as the main connection"), reportsTab);
    m_reportsSame->setObjectName(QStringLiteral("reportsSame"));
    m_reportsBox = new ServerFields(tr("Reports server"), reportsTab);
    m_reportsBox->setObjectName(QStringLiteral("reportsServer"));
    m_reportsBox->setPasswordNote(tr("Kept in the keychain, never in the settings file."));
    reportsLayout->addWidget(reportsNote);
    reportsLayout->addWidget(m_reportsSame);
    reportsLayout->addWidget(m_reportsBox);
    reportsLayout->addStretch(1);

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("connectionTabs"));
    tabs->addTab(mainTab, tr("&Main server"));
    tabs->addTab(reportsTab, tr("&Reports server"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("C&onnect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);

    connect(m_local, &QRadioButton::toggled, this, &ConnectionDialog::updateEnabled);
    if (current.isLocal()) {
        m_local->setChecked(true);
        if (current.dataDir() != LocalServer::defaultDataDir())
            m_dataDir->setText(current.dataDir());
    } else {
        m_server->setChecked(true);
        m_serverBox->setProfile(current);
    }
    m_reportsSame->setChecked(!reports);
    if (reports)
        m_reportsBox->setProfile(*reports);
    connect(m_reportsSame, &QCheckBox::toggled, this, &ConnectionDialog::updateEnabled);
    updateEnabled();
    resize(560, sizeHint().height());
}

ConnectionProfile ConnectionDialog::profile() const
{
    if (m_local->isChecked())
        return ConnectionProfile::local(m_dataDir->text().trimmed());
    return m_serverBox->profile();
}

std::optional<ConnectionProfile> ConnectionDialog::reportsProfile() const
{
    if (m_reportsSame->isChecked())
        return std::nullopt;
    return m_reportsBox->profile();
}

void ConnectionDialog::updateEnabled()
{
    m_localBox->setEnabled(m_local->isChecked());
    m_serverBox->setEnabled(m_server->isChecked());
    m_reportsBox->setEnabled(!m_reportsSame->isChecked());
}

void ConnectionDialog::browseDataDir()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Data folder"), m_dataDir->text());
    if (!dir.isEmpty())
        m_dataDir->setText(dir);
}

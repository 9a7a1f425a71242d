#include "ConnectionDialog.h"

#include "Async.h"
#include "db/Database.h"
#include "db/LocalServer.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent>

ConnectionDialog::ConnectionDialog(const ConnectionProfile &current, QWidget *parent)
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

    m_serverBox = new QWidget(this);
    auto *serverForm = new QFormLayout(m_serverBox);
    m_host = new QLineEdit(m_serverBox);
    m_host->setPlaceholderText(tr("db.example.com"));
    m_port = new QSpinBox(m_serverBox);
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database = new QLineEdit(QStringLiteral("forecourt"), m_serverBox);
    m_user = new QLineEdit(m_serverBox);
    m_password = new QLineEdit(m_serverBox);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(tr("Used for this session only; it is not saved."));
    m_sslMode = new QComboBox(m_serverBox);
    for (const char *mode : {"prefer", "require", "verify-ca", "verify-full", "disable"})
        m_sslMode->addItem(QString::fromLatin1(mode));
    m_uri = new QLineEdit(m_serverBox);
    m_uri->setPlaceholderText(QStringLiteral("postgresql://anna@db.example.com/forecourt?sslmode=require"));
    m_uri->setToolTip(
        tr("A connection URI or key=value string. When filled in, it is used instead of the fields above."));
    const QList<QPair<QString, QWidget *>> rows = {{tr("&Host:"), m_host},         {tr("&Port:"), m_port},
                                                   {tr("&Database:"), m_database}, {tr("&User:"), m_user},
                                                   {tr("Pass&word:"), m_password}, {tr("SS&L mode:"), m_sslMode},
                                                   {tr("Or &URI:"), m_uri}};
    for (const auto &[label, widget] : rows) {
        widget->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
        serverForm->addRow(label, widget);
    }

    m_test = new QPushButton(tr("&Test connection"), this);
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("C&onnect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_local);
    layout->addWidget(m_localBox);
    layout->addWidget(m_server);
    layout->addWidget(m_serverBox);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);
    layout->addLayout(testRow);
    layout->addWidget(buttons);

    connect(m_local, &QRadioButton::toggled, this, &ConnectionDialog::updateEnabled);
    if (current.isLocal()) {
        m_local->setChecked(true);
        if (current.dataDir() != LocalServer::defaultDataDir())
            m_dataDir->setText(current.dataDir());
    } else {
        m_server->setChecked(true);
        const ConnectionProfile::Fields fields = current.effectiveFields();
        m_host->setText(fields.host);
        if (fields.port > 0)
            m_port->setValue(fields.port);
        m_database->setText(fields.database);
        m_user->setText(fields.user);
        if (const int index = m_sslMode->findText(fields.sslMode); index >= 0)
            m_sslMode->setCurrentIndex(index);
    }
    updateEnabled();
    resize(560, sizeHint().height());
}

ConnectionProfile ConnectionDialog::profile() const
{
    if (m_local->isChecked())
        return ConnectionProfile::local(m_dataDir->text().trimmed());
    if (!m_uri->text().trimmed().isEmpty())
        return ConnectionProfile::server(m_uri->text().trimmed());
    ConnectionProfile::Fields fields;
    fields.host = m_host->text().trimmed();
    fields.port = m_port->value();
    fields.database = m_database->text().trimmed();
    fields.user = m_user->text().trimmed();
    fields.password = m_password->text();
    fields.sslMode = m_sslMode->currentText();
    return ConnectionProfile::server(fields);
}

void ConnectionDialog::updateEnabled()
{
    m_localBox->setEnabled(m_local->isChecked());
    m_serverBox->setEnabled(m_server->isChecked());
    m_test->setEnabled(m_server->isChecked());
    m_testResult->clear();
}

void ConnectionDialog::browseDataDir()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Data folder"), m_dataDir->text());
    if (!dir.isEmpty())
        m_dataDir->setText(dir);
}

void ConnectionDialog::testConnection()
{
    const ConnectionProfile candidate = profile();
    if (auto valid = candidate.validate(); !valid) {
        m_testResult->setText(valid.error().message);
        return;
    }
    m_test->setEnabled(false);
    m_testResult->setText(tr("Connecting…"));
    whenFinished(QtConcurrent::run([candidate]() -> QString {
                     auto database = Database::open(candidate);
                     return database ? QString() : database.error().message;
                 }),
                 this, [this](const QString &failure) {
                     m_test->setEnabled(true);
                     m_testResult->setText(failure.isEmpty() ? tr("The server answers; you can connect.") : failure);
                 });
}

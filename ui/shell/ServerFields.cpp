#include "ServerFields.h"

#include "Async.h"
#include "db/Database.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QtConcurrent>

ServerFields::ServerFields(const QString &accessiblePrefix, QWidget *parent)
    : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_host = new QLineEdit(this);
    m_host->setPlaceholderText(tr("db.example.com"));
    m_port = new QSpinBox(this);
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database = new QLineEdit(QStringLiteral("forecourt"), this);
    m_user = new QLineEdit(this);
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_sslMode = new QComboBox(this);
    for (const char *mode : {"prefer", "require", "verify-ca", "verify-full", "disable"})
        m_sslMode->addItem(QString::fromLatin1(mode));
    m_uri = new QLineEdit(this);
    m_uri->setPlaceholderText(QStringLiteral("postgresql://anna@db.example.com/forecourt?sslmode=require"));
    m_uri->setToolTip(
        tr("A connection URI or key=value string. When filled in, it is used instead of the fields above."));
    const QList<QPair<QString, QWidget *>> rows = {{tr("&Host:"), m_host},         {tr("&Port:"), m_port},
                                                   {tr("&Database:"), m_database}, {tr("&User:"), m_user},
                                                   {tr("Pass&word:"), m_password}, {tr("SS&L mode:"), m_sslMode},
                                                   {tr("Or &URI:"), m_uri}};
    for (const auto &[label, widget] : rows) {
        const QString name = QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':'));
        widget->setAccessibleName(accessiblePrefix.isEmpty() ? name : tr("%1: %2").arg(accessiblePrefix, name));
        form->addRow(label, widget);
    }

    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setAccessibleName(accessiblePrefix.isEmpty() ? tr("Test connection")
                                                         : tr("%1: %2").arg(accessiblePrefix, tr("Test connection")));
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    connect(m_test, &QPushButton::clicked, this, &ServerFields::testConnection);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);
    form->addRow(testRow);
}

void ServerFields::setProfile(const ConnectionProfile &profile)
{
    const ConnectionProfile::Fields fields = profile.effectiveFields();
    m_host->setText(fields.host);
    if (fields.port > 0)
        m_port->setValue(fields.port);
    m_database->setText(fields.database);
    m_user->setText(fields.user);
    if (const int index = m_sslMode->findText(fields.sslMode); index >= 0)
        m_sslMode->setCurrentIndex(index);
}

ConnectionProfile ServerFields::profile() const
{
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

void ServerFields::setPasswordNote(const QString &note)
{
    m_password->setToolTip(note);
}

void ServerFields::testConnection()
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

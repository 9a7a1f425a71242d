#include "SystemPage.h"

#include "EventsPanel.h"
#include "db/ConnectionProfile.h"
#include "models/MigrationTableModel.h"
#include "services/SystemService.h"
#include "ui/system/RentalSettingsDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

SystemPage::SystemPage(const SectionContext &context, QWidget *parent)
    : Section(parent)
    , m_events(new EventsPanel(context.database, this))
    , m_activity(new ActivityPanel(context.database, this))
{
    setObjectName(QStringLiteral("systemPage"));
    setAccessibleName(tr("System"));
    auto *heading = new QLabel(tr("System"), this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    heading->setFont(font);

    auto *connectionBox = new QGroupBox(tr("Database"), this);
    auto *form = new QFormLayout(connectionBox);
    m_location = addField(form, tr("Data:"), QStringLiteral("location"));
    m_server = addField(form, tr("Server:"), QStringLiteral("server"));
    m_database = addField(form, tr("Database:"), QStringLiteral("database"));
    m_host = addField(form, tr("Host / socket:"), QStringLiteral("host"));
    m_size = addField(form, tr("Size:"), QStringLiteral("size"));
    m_schema = addField(form, tr("Schema:"), QStringLiteral("schema"));
    m_uri = addField(form, tr("Connection URI:"), QStringLiteral("uri"));

    m_copyUri = new QPushButton(tr("Copy &URI"), this);
    m_copyUri->setToolTip(tr("Copy the local server's connection URI, to open it with psql."));
    auto *change = new QPushButton(tr("Change &connection…"), this);
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    connect(m_copyUri, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_uri->text()); });
    connect(change, &QPushButton::clicked, this, &SystemPage::connectionSettingsRequested);
    connect(refresh, &QPushButton::clicked, this, &SystemPage::refreshRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(refresh);
    buttons->addWidget(m_copyUri);
    buttons->addWidget(change);
    buttons->addStretch();

    auto *migrationsBox = new QGroupBox(tr("Schema migrations"), this);
    m_migrations = new MigrationTableModel(this);
    m_migrationView = new QTableView(migrationsBox);
    m_migrationView->setObjectName(QStringLiteral("migrationView"));
    m_migrationView->setAccessibleName(tr("Schema migrations"));
    m_migrationView->setModel(m_migrations);
    m_migrationView->verticalHeader()->hide();
    m_migrationView->horizontalHeader()->setSectionResizeMode(MigrationTableModel::NameColumn, QHeaderView::Stretch);
    m_migrationView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_migrationView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *migrationsLayout = new QVBoxLayout(migrationsBox);
    migrationsLayout->addWidget(m_migrationView);

    auto *databaseTab = new QWidget(this);
    auto *databaseLayout = new QVBoxLayout(databaseTab);
    databaseLayout->addWidget(connectionBox);
    databaseLayout->addLayout(buttons);
    databaseLayout->addWidget(migrationsBox, 1);
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("systemTabs"));
    tabs->addTab(databaseTab, tr("&Database"));
    tabs->addTab(m_events, tr("&Events"));
    tabs->addTab(m_activity, tr("&Activity"));

    connect(m_events, &EventsPanel::statusMessage, this, &SystemPage::statusMessage);

    m_menu = new QMenu(tr("&System"), this);
    QAction *rentalSettings =
        m_menu->addAction(tr("&Rental rates and settings…"), this, [this, database = context.database] {
            auto *dialog = new RentalSettingsDialog(database, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &RentalSettingsDialog::saved, this,
                    [this] { emit statusMessage(tr("Rental rates and settings saved.")); });
            dialog->open();
        });
    rentalSettings->setObjectName(QStringLiteral("rentalSettingsAction"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->addWidget(heading);
    layout->addWidget(tabs, 1);
}

QLabel *SystemPage::addField(QFormLayout *form, const QString &label, const QString &objectName)
{
    auto *value = new QLabel(QStringLiteral("—"), this);
    value->setObjectName(objectName);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setWordWrap(true);
    value->setAccessibleName(label);
    form->addRow(label, value);
    return value;
}

QString SystemPage::title() const
{
    return tr("System");
}

QString SystemPage::summary() const
{
    return tr("The database, its schema and the connection.");
}

QIcon SystemPage::icon() const
{
    return style()->standardIcon(QStyle::SP_ComputerIcon);
}

void SystemPage::applyChanges(const QStringList &)
{
    if (m_activity->isVisible())
        m_activity->refresh();
}

void SystemPage::showServerInfo(const ServerInfo &info, const ConnectionProfile &profile)
{
    const QLocale locale;
    m_location->setText(info.local ? tr("Local server in %1").arg(info.dataDir)
                                   : tr("PostgreSQL server (%1)").arg(profile.describe()));
    m_server->setText(tr("PostgreSQL %1").arg(info.serverVersion));
    m_database->setText(tr("%1, user %2").arg(info.database, info.user));
    m_host->setText(info.port > 0 ? tr("%1, port %2").arg(info.host).arg(info.port) : info.host);
    m_size->setText(locale.formattedDataSize(info.databaseBytes));
    m_schema->setText(info.schemaCurrent
                          ? tr("Version %1 (current)").arg(info.schema.currentVersion)
                          : tr("Version %1 of %2").arg(info.schema.currentVersion).arg(info.schema.latestVersion));
    m_uri->setText(info.local ? info.uri : profile.redactedConninfo());
    m_copyUri->setEnabled(info.local);
    m_migrations->setState(info.schema);
    m_migrationView->resizeColumnsToContents();
}

QString SystemPage::fieldText(const QString &objectName) const
{
    const auto *label = findChild<QLabel *>(objectName);
    return label ? label->text() : QString();
}

#include "StartupPage.h"

#include "Error.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

StartupPage::StartupPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("startupPage"));
    m_title = new QLabel(tr("Forecourt"), this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("startupMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("startupDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont detailFont = m_detail->font();
    detailFont.setItalic(true);
    m_detail->setFont(detailFont);
    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Startup progress"));
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(420);

    m_retry = new QPushButton(tr("&Try again"), this);
    m_settings = new QPushButton(tr("&Connection settings…"), this);
    m_useLocal = new QPushButton(tr("Use the &local server"), this);
    m_retry->setAccessibleName(tr("Try again"));
    m_settings->setAccessibleName(tr("Connection settings"));
    m_useLocal->setAccessibleName(tr("Use the local server"));
    connect(m_retry, &QPushButton::clicked, this, &StartupPage::retryRequested);
    connect(m_settings, &QPushButton::clicked, this, &StartupPage::settingsRequested);
    connect(m_useLocal, &QPushButton::clicked, this, &StartupPage::useLocalRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_retry);
    buttons->addWidget(m_settings);
    buttons->addWidget(m_useLocal);
    buttons->addStretch();

    auto *column = new QVBoxLayout;
    column->addWidget(m_title);
    column->addSpacing(8);
    column->addWidget(m_message);
    column->addWidget(m_progress);
    column->addWidget(m_detail);
    column->addLayout(buttons);

    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    auto *centre = new QVBoxLayout;
    centre->addStretch(2);
    centre->addLayout(column);
    centre->addStretch(3);
    outer->addLayout(centre, 4);
    outer->addStretch(1);
    setBusy(tr("Starting…"));
}

void StartupPage::setBusy(const QString &message)
{
    m_message->setText(message);
    m_detail->clear();
    m_progress->setRange(0, 0); // busy indicator
    m_progress->show();
    m_retry->hide();
    m_settings->hide();
    m_useLocal->hide();
}

void StartupPage::setProgress(const QString &message, int done, int total)
{
    m_message->setText(message);
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    m_progress->show();
}

void StartupPage::setError(const Error &error, bool offerLocalServer)
{
    m_message->setText(error.message);
    m_detail->setText(error.detail.isEmpty() ? QString() : tr("Details: %1").arg(error.detail.simplified()));
    m_progress->hide();
    m_retry->show();
    m_settings->show();
    m_useLocal->setVisible(offerLocalServer);
    m_retry->setFocus();
}

QString StartupPage::message() const
{
    return m_message->text();
}

bool StartupPage::showsError() const
{
    return !m_retry->isHidden();
}

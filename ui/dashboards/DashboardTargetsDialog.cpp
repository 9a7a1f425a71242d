#include "ui/dashboards/DashboardTargetsDialog.h"

#include "Async.h"
#include "db/DatabaseThread.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace {

QDoubleSpinBox *percentBox(const QString &name, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, 100);
    box->setDecimals(1);
    box->setSingleStep(1);
    box->setSuffix(DashboardTargetsDialog::tr(" %"));
    box->setAccessibleName(name);
    return box;
}

} // namespace

DashboardTargetsDialog::DashboardTargetsDialog(DatabaseThread *database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_utilisation(percentBox(tr("Utilisation target"), this))
    , m_soldWithin30Days(percentBox(tr("Sold within 30 days target"), this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Dashboard targets"));
    setObjectName(QStringLiteral("dashboardTargetsDialog"));
    m_utilisation->setObjectName(QStringLiteral("utilisationTarget"));
    m_utilisation->setToolTip(tr("The line on Rentals › Utilisation by day: booked hours of the rental fleet ÷ its "
                                 "hours."));
    m_soldWithin30Days->setObjectName(QStringLiteral("soldWithin30DaysTarget"));
    m_soldWithin30Days->setToolTip(
        tr("The line on Sales › Sold within 30 days by month: the share of sales with at most 30 days to sell."));
    m_message->setObjectName(QStringLiteral("targetsMessage"));
    m_message->setWordWrap(true);

    auto *intro = new QLabel(tr("The targets every desk's dashboards draw as a dashed line."), this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Utilisation of the rental fleet:"), m_utilisation);
    form->addRow(tr("Cars &sold within 30 days:"), m_soldWithin30Days);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &DashboardTargetsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    m_message->setText(tr("Reading the targets…"));
    whenFinished(m_database->submit([](Database &db) { return DashboardService::targets(db); }), this,
                 [this](const Result<DashboardTargets> &targets) {
                     if (!targets) {
                         m_message->setText(
                             tr("The targets could not be read: %1 Close and try again.").arg(targets.error().message));
                         return;
                     }
                     setTargets(*targets);
                     m_loaded = true;
                     m_message->clear();
                     m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
                 });
}

void DashboardTargetsDialog::setTargets(const DashboardTargets &targets)
{
    m_utilisation->setValue(targets.utilisation * 100);
    m_soldWithin30Days->setValue(targets.soldWithin30Days * 100);
}

DashboardTargets DashboardTargetsDialog::targets() const
{
    // The percentage as shown (one decimal), as a share.
    const auto share = [](const QDoubleSpinBox *box) { return std::round(box->value() * 10) / 1000; };
    return DashboardTargets{share(m_utilisation), share(m_soldWithin30Days)};
}

QString DashboardTargetsDialog::messageText() const
{
    return m_message->text();
}

void DashboardTargetsDialog::save()
{
    const DashboardTargets wanted = targets();
    m_buttons->setEnabled(false);
    m_message->setText(tr("Saving…"));
    whenFinished(m_database->submit([wanted](Database &db) { return DashboardService::setTargets(db, wanted); }), this,
                 [this, wanted](const Result<void> &written) {
                     m_buttons->setEnabled(true);
                     if (!written) {
                         m_message->setText(tr("The targets were not saved: %1").arg(written.error().message));
                         return;
                     }
                     emit saved(wanted);
                     accept();
                 });
}

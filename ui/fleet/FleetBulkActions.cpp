#include "FleetBulkActions.h"

#include "Async.h"
#include "FleetPage.h"
#include "db/DatabaseThread.h"
#include "domain/CarVocabulary.h"
#include "domain/Money.h"
#include "models/CarTableModel.h"
#include "ui/common/MoneyBox.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QRadioButton>

// The Fleet section's sentences keep the page's translation context (FleetPage::tr).

FleetBulkActions::FleetBulkActions(DatabaseThread *database, FleetPage *page)
    : QObject(page)
    , m_database(database)
    , m_page(page)
    , m_statusMenu(new QMenu(FleetPage::tr("Change &status"), page))
    , m_locationMenu(new QMenu(FleetPage::tr("Move to &location"), page))
{
    for (const QString &status : CarVocabulary::keys(CarVocabulary::Kind::Status)) {
        m_statusMenu->addAction(CarVocabulary::label(CarVocabulary::Kind::Status, status), this,
                                [this, status] { setStatus(status); });
    }
}

void FleetBulkActions::setVocabulary(const FleetVocabulary &vocabulary)
{
    m_currency = vocabulary.currency;
    m_locationMenu->clear();
    for (const Branch &branch : vocabulary.branches) {
        m_locationMenu->addAction(FleetPage::tr("%1 (%2)").arg(branch.name, branch.code), this,
                                  [this, code = branch.code] { moveTo(code); });
    }
}

void FleetBulkActions::run(const QString &description, const Change &change)
{
    const bool everything = m_page->allRowsSelected();
    const QList<qint64> ids = everything ? QList<qint64>() : m_page->selectedIds();
    if (!everything && ids.isEmpty()) {
        QMessageBox::information(m_page, description, FleetPage::tr("Select one or more cars first."));
        return;
    }
    const int count = everything ? m_page->model()->rowCount() : int(ids.size());
    if (count > 1 &&
        QMessageBox::question(
            m_page, description,
            FleetPage::tr("%1 for %2 car(s)?", nullptr, count).arg(description, QLocale().toString(count))) !=
            QMessageBox::Yes)
        return;
    // Every row selected: the cars the filter matches when the change runs, worked out by the database.
    const CarSelection cars = everything ? CarSelection::matching(m_page->model()->query().filter) : CarSelection(ids);
    emit statusMessage(FleetPage::tr("%1…").arg(description));
    whenFinished(m_database->submit([cars, change](Database &db) { return change(db, cars); }), this,
                 [this, description](const Result<int> &changed) {
                     if (!changed) {
                         emit failed(changed.error());
                         return;
                     }
                     emit statusMessage(
                         FleetPage::tr("%1: %2 car(s) changed.", nullptr, *changed).arg(description).arg(*changed));
                     emit this->changed();
                 });
}

void FleetBulkActions::setStatus(const QString &status)
{
    if (status == QLatin1String("sold")) { // a sale is recorded with Sell…, never by the status alone
        emit failed(Error{Error::Code::InvalidInput, FleetService::sellInsteadText()});
        return;
    }
    run(FleetPage::tr("Set the status to %1").arg(CarVocabulary::label(CarVocabulary::Kind::Status, status)),
        [status](Database &db, const CarSelection &cars) { return FleetService::setStatus(db, cars, status); });
}

void FleetBulkActions::moveTo(const QString &code)
{
    run(FleetPage::tr("Move to %1").arg(code),
        [code](Database &db, const CarSelection &cars) { return FleetService::setLocation(db, cars, code); });
}

void FleetBulkActions::changePrice()
{
    QDialog dialog(m_page);
    dialog.setWindowTitle(FleetPage::tr("Change price"));
    auto *byPercent = new QRadioButton(FleetPage::tr("By &percent"), &dialog);
    auto *byAmount = new QRadioButton(FleetPage::tr("By &amount"), &dialog);
    byPercent->setChecked(true);
    auto *percent = new QDoubleSpinBox(&dialog);
    percent->setRange(-100, 1000);
    percent->setSuffix(QStringLiteral(" %"));
    percent->setValue(-5);
    percent->setAccessibleName(FleetPage::tr("Percent"));
    auto *amount = new QDoubleSpinBox(&dialog);
    amount->setRange(-1'000'000, 1'000'000);
    amount->setDecimals(0);
    amount->setSingleStep(100);
    showCurrency(amount, m_currency);
    amount->setValue(-500);
    amount->setAccessibleName(FleetPage::tr("Amount"));
    amount->setEnabled(false);
    connect(byAmount, &QRadioButton::toggled, amount, &QWidget::setEnabled);
    connect(byAmount, &QRadioButton::toggled, percent, &QWidget::setDisabled);
    auto *form = new QFormLayout(&dialog);
    form->addRow(
        new QLabel(FleetPage::tr("Negative values lower the price. New prices are rounded to whole units."), &dialog));
    form->addRow(byPercent, percent);
    form->addRow(byAmount, amount);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;

    PriceAdjustment adjustment;
    if (byPercent->isChecked()) {
        adjustment.kind = PriceAdjustment::Kind::Percent;
        adjustment.percent = percent->value();
    } else {
        adjustment.amountCents = qRound64(amount->value() * 100);
    }
    // Lowered or raised by an amount: a negative amount reads badly in some locales ("(€500)").
    const QString description =
        byPercent->isChecked()
            ? FleetPage::tr("Change the price by %1%").arg(QLocale().toString(percent->value(), 'f', 1))
        : adjustment.amountCents < 0
            ? FleetPage::tr("Lower the price by %1").arg(Money::format(-adjustment.amountCents, m_currency))
            : FleetPage::tr("Raise the price by %1").arg(Money::format(adjustment.amountCents, m_currency));
    run(description, [adjustment](Database &db, const CarSelection &cars) {
        return FleetService::adjustPrice(db, cars, adjustment);
    });
}

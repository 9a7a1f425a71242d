#include "ReturnDialog.h"

#include "Async.h"
#include "db/DatabaseThread.h"
#include "domain/Money.h"
#include "ui/common/LinesView.h"
#include "ui/common/MoneyBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// After the last edit, the bill is worked out again this much later (typing a number is one edit).
constexpr int kPreviewDelayMs = 250;

QString deskTime(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QStringLiteral("ddd d MMM yyyy HH:mm")) : QString();
}

// Fuel as the papers write it: eighths of a tank, a part eighth missing counting as one ("6/8").
int eighthsOf(int percent)
{
    return std::clamp(percent * 8 / 100, 0, 8);
}

void noEnterDefault(QPushButton *button)
{
    button->setAutoDefault(false);
    button->setDefault(false);
}

} // namespace

ReturnDialog::ReturnDialog(DatabaseThread *database, const QString &currency, const BookingDetails &details,
                           QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_currency(currency)
    , m_details(details)
{
    setObjectName(QStringLiteral("returnDialog"));
    setWindowTitle(tr("Return booking #%1").arg(details.row.id));
    auto *layout = new QVBoxLayout(this);

    auto *title = new QLabel(tr("<b>Booking #%1</b> · #%2 %3 · %4")
                                 .arg(details.row.id)
                                 .arg(details.row.stockNumber.toHtmlEscaped(), details.row.car.toHtmlEscaped(),
                                      details.row.customer.toHtmlEscaped()),
                             this);
    title->setObjectName(QStringLiteral("returnTitle"));
    title->setWordWrap(true);
    layout->addWidget(title);
    QString facts = tr("Booked %1 to %2").arg(deskTime(details.row.pickup), deskTime(details.row.returned));
    if (details.pickedUpAt.isValid())
        facts += QStringLiteral(" · ") + tr("picked up %1 at %2 km, fuel %3 %")
                                             .arg(deskTime(details.pickedUpAt))
                                             .arg(QLocale().toString(details.pickupMileageKm.value_or(0)))
                                             .arg(details.pickupFuelPercent.value_or(100));
    auto *factsLabel = new QLabel(facts, this);
    factsLabel->setWordWrap(true);
    layout->addWidget(factsLabel);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("returnError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; font-weight: 600; }"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    layout->addWidget(m_error);

    auto *columns = new QHBoxLayout;
    columns->addWidget(buildEntry(), 2);
    columns->addWidget(buildBill(), 3);
    layout->addLayout(columns, 1);

    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("balanceWarning"));
    m_warning->setWordWrap(true);
    m_warning->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warning->hide();
    layout->addWidget(m_warning);

    auto *buttons = new QDialogButtonBox(this);
    m_settle = buttons->addButton(tr("&Take back and settle"), QDialogButtonBox::AcceptRole);
    m_settle->setObjectName(QStringLiteral("settleButton"));
    m_settle->setEnabled(false);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    // Enter in a reading or an amount must not settle the return: only the button does.
    noEnterDefault(m_settle);
    noEnterDefault(cancel);
    connect(m_settle, &QPushButton::clicked, this, &ReturnDialog::settle);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(kPreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &ReturnDialog::preview);

    connect(m_at, &QDateTimeEdit::dateTimeChanged, this, &ReturnDialog::schedulePreview);
    connect(m_mileage, &QSpinBox::valueChanged, this, &ReturnDialog::schedulePreview);
    connect(m_fuel, &QSpinBox::valueChanged, this, &ReturnDialog::schedulePreview);
    connect(m_cleaning, &QCheckBox::toggled, this, &ReturnDialog::schedulePreview);
    connect(m_early, &QComboBox::activated, this, [this] {
        m_earlyTouched = true; // the desk's choice from now on, not the branch's default
        schedulePreview();
    });

    resize(960, 600); // fits a 1024x700 screen with its title bar and a panel
    m_mileage->setFocus();
    m_mileage->selectAll();
    preview();
}

QWidget *ReturnDialog::buildEntry()
{
    auto *box = new QGroupBox(tr("At the counter"), this);
    // Readings need little room: on a wide screen the bill takes the rest.
    box->setMaximumWidth(fontMetrics().averageCharWidth() * 80);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_at = new QDateTimeEdit(QDateTime::currentDateTime(), box);
    m_at->setObjectName(QStringLiteral("returnedAt"));
    m_at->setCalendarPopup(true);
    m_at->setDisplayFormat(QStringLiteral("ddd d MMM yyyy HH:mm"));
    m_at->setAccessibleName(tr("Returned at"));
    form->addRow(tr("Returned &at"), m_at);

    const int mileageOut = m_details.pickupMileageKm.value_or(m_details.carMileageKm);
    m_mileage = new QSpinBox(box);
    m_mileage->setObjectName(QStringLiteral("returnMileage"));
    m_mileage->setRange(0, 2'000'000);
    m_mileage->setGroupSeparatorShown(true);
    m_mileage->setSuffix(tr(" km"));
    m_mileage->setValue(mileageOut);
    m_mileage->setAccessibleName(tr("Odometer at return"));
    m_driven = new QLabel(box);
    m_driven->setObjectName(QStringLiteral("kmDriven"));
    auto *mileageRow = new QHBoxLayout;
    mileageRow->addWidget(m_mileage, 1);
    mileageRow->addWidget(m_driven, 1);
    auto *mileageLabel = new QLabel(tr("&Odometer"), box);
    mileageLabel->setBuddy(m_mileage);
    form->addRow(mileageLabel, mileageRow);
    connect(m_mileage, &QSpinBox::valueChanged, this, [this, mileageOut](int km) {
        m_driven->setText(km >= mileageOut ? tr("%1 km driven").arg(QLocale().toString(km - mileageOut))
                                           : tr("below the %1 km at pick-up").arg(QLocale().toString(mileageOut)));
    });
    m_driven->setText(tr("%1 km driven").arg(0));

    const int fuelOut = m_details.pickupFuelPercent.value_or(100);
    m_fuel = new QSpinBox(box);
    m_fuel->setObjectName(QStringLiteral("returnFuel"));
    m_fuel->setRange(0, 100);
    m_fuel->setSingleStep(5);
    m_fuel->setSuffix(QStringLiteral(" %"));
    m_fuel->setValue(fuelOut);
    m_fuel->setAccessibleName(tr("Fuel at return, percent of the tank"));
    m_fuelNote = new QLabel(box);
    auto *fuelRow = new QHBoxLayout;
    fuelRow->addWidget(m_fuel, 1);
    fuelRow->addWidget(m_fuelNote, 1);
    auto *fuelLabel = new QLabel(tr("&Fuel"), box);
    fuelLabel->setBuddy(m_fuel);
    form->addRow(fuelLabel, fuelRow);
    const auto fuelNote = [this, fuelOut](int percent) {
        m_fuelNote->setText(tr("%1/8 · out at %2/8").arg(eighthsOf(percent)).arg(eighthsOf(fuelOut)));
    };
    connect(m_fuel, &QSpinBox::valueChanged, this, fuelNote);
    fuelNote(fuelOut);

    m_early = new QComboBox(box);
    m_early->setObjectName(QStringLiteral("earlyReturn"));
    m_early->setAccessibleName(tr("Early return"));
    m_early->addItem(tr("Keep the booked total"), int(SettlementInput::EarlyReturn::KeepBookedTotal));
    m_early->addItem(tr("Charge only the days used"), int(SettlementInput::EarlyReturn::ChargeUsedDays));
    m_early->setToolTip(tr("The car is back before the booked return. The branch's setting is chosen first."));
    m_earlyLabel = new QLabel(tr("&Early return"), box);
    m_earlyLabel->setBuddy(m_early);
    form->addRow(m_earlyLabel, m_early);
    m_earlyLabel->hide();
    m_early->hide();

    m_cleaning = new QCheckBox(tr("&Cleaning needed"), box);
    m_cleaning->setObjectName(QStringLiteral("cleaningNeeded"));
    form->addRow(QString(), m_cleaning);

    m_notes = new QLineEdit(box);
    m_notes->setObjectName(QStringLiteral("returnNotes"));
    m_notes->setAccessibleName(tr("Damage notes"));
    m_notes->setPlaceholderText(tr("Anything else found at the return"));
    form->addRow(tr("&Notes"), m_notes);
    // The damage lines: a text and an amount each, added and removed with the keyboard alone.
    auto *damageBox = new QWidget(box);
    m_damageLayout = new QVBoxLayout(damageBox);
    m_damageLayout->setContentsMargins(0, 0, 0, 0);
    m_damageLayout->setSpacing(4);
    auto *scroll = new QScrollArea(box);
    scroll->setObjectName(QStringLiteral("damageLines"));
    scroll->setWidget(damageBox);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setMinimumHeight(fontMetrics().height() * 4);
    scroll->viewport()->setAutoFillBackground(false);
    damageBox->setAutoFillBackground(false);
    // Add damage stays right under the last line.
    m_addDamage = new QPushButton(tr("Add &damage"), damageBox);
    m_addDamage->setObjectName(QStringLiteral("addDamage"));
    m_addDamage->setToolTip(tr("A line of damage found at the return, with what it costs"));
    noEnterDefault(m_addDamage);
    connect(m_addDamage, &QPushButton::clicked, this, [this] { addDamage(); });
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_addDamage);
    addRow->addStretch(1);
    m_damageLayout->addLayout(addRow);
    m_damageLayout->addStretch(1);
    auto *damageLabel = new QLabel(tr("Damage"), box);
    damageLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->addRow(damageLabel, scroll);

    return box;
}

QWidget *ReturnDialog::buildBill()
{
    auto *box = new QGroupBox(tr("Bill"), this);
    auto *layout = new QVBoxLayout(box);
    m_days = new QLabel(box);
    m_days->setObjectName(QStringLiteral("billDays"));
    m_days->setWordWrap(true);
    layout->addWidget(m_days);

    m_lines = linesView(box, QStringLiteral("billLines"), tr("Bill lines"),
                        {tr("Item"), tr("Quantity"), tr("Unit price"), tr("Amount")});
    layout->addWidget(m_lines, 1);

    auto *totals = new QGridLayout;
    totals->setColumnStretch(0, 1);
    const QString captions[TotalCount] = {tr("Net"),
                                          tr("VAT"),
                                          tr("Total"),
                                          tr("Paid so far"),
                                          tr("Deposit held"),
                                          tr("Deposit kept"),
                                          tr("Deposit given back"),
                                          tr("Still to pay")};
    for (int row = 0; row < TotalCount; ++row) {
        m_totalCaptions[row] = new QLabel(captions[row], box);
        m_totalCaptions[row]->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_totalAmounts[row] = new QLabel(box);
        m_totalAmounts[row]->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_totalAmounts[row]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_totalAmounts[row]->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("€ 000,000.00")));
        totals->addWidget(m_totalCaptions[row], row, 0);
        totals->addWidget(m_totalAmounts[row], row, 1);
    }
    m_totalAmounts[Net]->setObjectName(QStringLiteral("billNet"));
    m_totalAmounts[Tax]->setObjectName(QStringLiteral("billTax"));
    m_totalAmounts[Gross]->setObjectName(QStringLiteral("billGross"));
    m_totalAmounts[Due]->setObjectName(QStringLiteral("billDue"));
    for (Total bold : {Gross, Due}) {
        QFont font = m_totalAmounts[bold]->font();
        font.setBold(true);
        m_totalAmounts[bold]->setFont(font);
        m_totalCaptions[bold]->setFont(font);
    }
    layout->addLayout(totals);

    m_status = new QLabel(box);
    m_status->setObjectName(QStringLiteral("billStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    return box;
}

QString ReturnDialog::money(qint64 cents, bool alwaysCents) const
{
    return Money::format(cents, m_currency, QLocale(), alwaysCents ? Money::Cents::Always : Money::Cents::WhenNotWhole);
}

QString ReturnDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

ReturnEntry ReturnDialog::entry() const
{
    ReturnEntry entry;
    entry.bookingId = m_details.row.id;
    entry.mileageKm = m_mileage->value();
    entry.fuelPercent = m_fuel->value();
    entry.at = m_at->dateTime();
    // A booking priced before rate cards counts its days in the desk's zone, as it was priced (the others in
    // their branch's, from the quote they kept).
    entry.zone = QTimeZone::systemTimeZone();
    if (m_earlyTouched)
        entry.earlyReturn = SettlementInput::EarlyReturn(m_early->currentData().toInt());
    entry.cleaning = m_cleaning->isChecked();
    QStringList texts;
    for (const DamageRow &damage : m_damages) {
        const QString text = damage.text->text().trimmed();
        const qint64 cents = qRound64(damage.amount->value() * 100);
        if (text.isEmpty() && cents == 0)
            continue; // a line added and left empty
        entry.damages << DamageCharge{text.isEmpty() ? tr("Damage") : text, cents};
        if (!text.isEmpty())
            texts << text;
    }
    const QString notes = m_notes->text().trimmed();
    if (!notes.isEmpty())
        texts << notes;
    entry.damageNotes = texts.join(QStringLiteral("; "));
    return entry;
}

void ReturnDialog::addDamage(const QString &text, qint64 cents)
{
    const int number = m_damages.size() + 1;
    auto *row = new QWidget(m_damageLayout->parentWidget());
    auto *rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    DamageRow damage;
    damage.row = row;
    damage.text = new QLineEdit(text, row);
    damage.text->setObjectName(QStringLiteral("damageText"));
    damage.text->setPlaceholderText(tr("What is damaged"));
    damage.text->setAccessibleName(tr("Damage %1: what").arg(number));
    damage.amount = new QDoubleSpinBox(row);
    damage.amount->setObjectName(QStringLiteral("damageAmount"));
    damage.amount->setRange(0, 1'000'000);
    damage.amount->setDecimals(2);
    damage.amount->setGroupSeparatorShown(true);
    showCurrency(damage.amount, m_currency);
    damage.amount->setValue(cents / 100.0);
    damage.amount->setAccessibleName(tr("Damage %1: amount").arg(number));
    damage.amount->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("€000,000.00")) + 24);
    auto *remove = new QToolButton(row);
    remove->setObjectName(QStringLiteral("removeDamage"));
    remove->setText(QStringLiteral("✕"));
    remove->setToolTip(tr("Remove this damage line"));
    remove->setAccessibleName(tr("Remove damage %1").arg(number));
    remove->setFocusPolicy(Qt::StrongFocus);
    rowLayout->addWidget(damage.text, 1);
    rowLayout->addWidget(damage.amount);
    rowLayout->addWidget(remove);
    m_damageLayout->insertWidget(m_damageLayout->count() - 2, row); // before Add damage and the stretch
    m_damages << damage;

    // Tab goes through the lines in order, then to Add damage.
    QWidget *previous = m_notes;
    for (const DamageRow &line : std::as_const(m_damages)) {
        auto *removeButton = line.row->findChild<QToolButton *>();
        setTabOrder(previous, line.text);
        setTabOrder(line.text, line.amount);
        setTabOrder(line.amount, removeButton);
        previous = removeButton;
    }
    setTabOrder(previous, m_addDamage);

    connect(damage.text, &QLineEdit::textChanged, this, &ReturnDialog::schedulePreview);
    connect(damage.text, &QLineEdit::returnPressed, damage.amount, [amount = damage.amount] {
        amount->setFocus();
        amount->selectAll();
    });
    connect(damage.amount, &QDoubleSpinBox::valueChanged, this, &ReturnDialog::schedulePreview);
    connect(remove, &QToolButton::clicked, this, [this, row] { removeDamage(row); });
    damage.text->setFocus();
    schedulePreview();
}

int ReturnDialog::damageCount() const
{
    return int(m_damages.size());
}

void ReturnDialog::removeDamage(QWidget *row)
{
    const auto found =
        std::find_if(m_damages.begin(), m_damages.end(), [row](const DamageRow &damage) { return damage.row == row; });
    if (found == m_damages.end())
        return;
    const qsizetype index = found - m_damages.begin();
    m_damages.erase(found);
    row->hide();
    row->deleteLater();
    // The focus goes to the line that took its place, else to Add damage.
    if (index < m_damages.size())
        m_damages.at(index).text->setFocus();
    else
        m_addDamage->setFocus();
    for (qsizetype i = 0; i < m_damages.size(); ++i) {
        m_damages.at(i).text->setAccessibleName(tr("Damage %1: what").arg(i + 1));
        m_damages.at(i).amount->setAccessibleName(tr("Damage %1: amount").arg(i + 1));
        m_damages.at(i).row->findChild<QToolButton *>()->setAccessibleName(tr("Remove damage %1").arg(i + 1));
    }
    schedulePreview();
}

void ReturnDialog::schedulePreview()
{
    if (m_settling)
        return;
    // The bill shown is for the entry before this edit: it may not be settled until worked out again.
    m_settle->setEnabled(false);
    m_status->setText(tr("Working out the bill…"));
    m_previewTimer->start();
}

void ReturnDialog::preview()
{
    m_previewTimer->stop();
    const ReturnEntry asked = entry();
    const quint64 generation = ++m_generation;
    m_previewing = true;
    m_settle->setEnabled(false);
    m_status->setText(tr("Working out the bill…"));
    whenFinished(m_database->submit([asked](Database &db) { return RentalDeskService::previewReturn(db, asked); }),
                 this, [this, generation](const Result<SettlementBill> &bill) {
                     if (generation != m_generation)
                         return; // the desk changed something meanwhile: a newer bill is on its way
                     m_previewing = false;
                     if (bill)
                         showBill(*bill);
                     else
                         showRefusal(bill.error().message);
                     emit previewed();
                 });
}

void ReturnDialog::showRefusal(const QString &message)
{
    m_bill.reset();
    m_error->setText(message);
    m_error->show();
    m_status->setText(tr("Correct what is said above; the bill is worked out again as you type."));
    m_warning->hide();
    m_settle->setEnabled(false);
}

void ReturnDialog::showBill(const SettlementBill &bill)
{
    m_bill = bill;
    m_error->hide();
    m_error->clear();

    // An early return (fewer days used than booked): the desk may choose how it is charged; the branch's
    // rule is what the first bill used.
    const bool early = bill.usedDays < bill.bookedDays;
    if (early && !m_earlyTouched) {
        const auto rule = bill.chargedDays < bill.bookedDays ? SettlementInput::EarlyReturn::ChargeUsedDays
                                                             : SettlementInput::EarlyReturn::KeepBookedTotal;
        m_early->setCurrentIndex(m_early->findData(int(rule)));
    }
    m_earlyLabel->setVisible(early);
    m_early->setVisible(early);

    QStringList days;
    days << tr("Booked %n day(s)", nullptr, bill.bookedDays);
    if (bill.usedDays != bill.bookedDays)
        days << tr("used %n", nullptr, bill.usedDays);
    days << tr("charged %n", nullptr, bill.chargedDays);
    if (bill.lateDays > 0)
        days << tr("%n late", nullptr, bill.lateDays);
    QString summary = days.join(QStringLiteral(", ")) + QStringLiteral(" · ");
    summary += bill.kmAllowed ? tr("%1 km driven of %2 included")
                                    .arg(QLocale().toString(bill.kmDriven), QLocale().toString(*bill.kmAllowed))
                              : tr("%1 km driven, unlimited").arg(QLocale().toString(bill.kmDriven));
    if (bill.fuelMissingEighths > 0)
        summary += QStringLiteral(" · ") + tr("%n eighth(s) of a tank missing", nullptr, bill.fuelMissingEighths);
    m_days->setText(summary);

    m_lines->clear();
    for (const QuoteLine &line : bill.lines) {
        addLine(m_lines,
                {line.text, QLocale().toString(line.quantity), money(line.unitCents), money(line.amountCents)});
    }
    if (bill.lines.isEmpty())
        (new QTreeWidgetItem(m_lines, {tr("Nothing to charge.")}))->setFirstColumnSpanned(true);

    const auto total = [this](Total row, qint64 cents, bool shown = true) {
        m_totalCaptions[row]->setVisible(shown);
        m_totalAmounts[row]->setVisible(shown);
        m_totalAmounts[row]->setText(money(cents));
    };
    total(Net, bill.netCents);
    total(Tax, bill.taxCents);
    total(Gross, bill.grossCents);
    total(Paid, bill.paidCents);
    total(DepositHeld, bill.depositHeldCents, bill.depositHeldCents != 0);
    total(DepositCaptured, bill.depositCaptureCents, bill.depositHeldCents != 0);
    total(DepositReleased, bill.depositReleaseCents, bill.depositHeldCents != 0);
    if (bill.dueCents > 0) {
        m_totalCaptions[Due]->setText(tr("Still to pay"));
        total(Due, bill.dueCents);
        m_totalAmounts[Due]->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; }"));
    } else if (bill.dueCents < 0) {
        m_totalCaptions[Due]->setText(tr("To refund"));
        total(Due, -bill.dueCents);
        m_totalAmounts[Due]->setStyleSheet(QString());
    } else {
        m_totalCaptions[Due]->setText(tr("Paid in full"));
        total(Due, 0);
        m_totalAmounts[Due]->setStyleSheet(QString());
    }

    const QString warning = balanceWarning();
    if (!warning.isEmpty()) {
        m_warning->setText(warning);
        m_warning->setStyleSheet(QStringLiteral("QLabel { color: #8a4b00; background: #fff4e0; padding: 6px; "
                                                "border: 1px solid #e0b060; border-radius: 3px; }"));
        m_warning->show();
    } else if (bill.dueCents < 0) {
        m_warning->setText(tr("The customer is owed %1: give it back with Add payment… › Refund once the return is "
                              "settled.")
                               .arg(money(-bill.dueCents)));
        m_warning->setStyleSheet(QStringLiteral("QLabel { padding: 6px; }"));
        m_warning->show();
    } else {
        m_warning->hide();
    }
    m_status->setText(tr("The bill as it will be settled. Nothing is written until you take the car back."));
    setBusy(false);
}

QString ReturnDialog::balanceWarning() const
{
    if (!m_bill || m_bill->dueCents <= 0)
        return {};
    if (m_bill->depositCaptureCents > 0)
        return tr("A balance remains: after the deposit of %1 is kept, the customer still owes %2. Take the payment "
                  "now (Add payment… in the booking once it is settled), or the booking stays in the list as "
                  "balance owed.")
            .arg(money(m_bill->depositCaptureCents), money(m_bill->dueCents));
    return tr("A balance remains: the customer owes %1 and no deposit covers it. Take the payment now (Add payment… "
              "in the booking once it is settled), or the booking stays in the list as balance owed.")
        .arg(money(m_bill->dueCents));
}

void ReturnDialog::setBusy(bool busy)
{
    m_settle->setEnabled(!busy && m_bill && !m_previewing && !m_previewTimer->isActive());
    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_at, m_mileage, m_fuel, m_early, m_cleaning, m_addDamage, m_notes})
        widget->setEnabled(!busy);
    for (const DamageRow &damage : std::as_const(m_damages))
        damage.row->setEnabled(!busy);
}

void ReturnDialog::settle()
{
    if (!m_bill || m_previewing || m_previewTimer->isActive() || m_settling)
        return;
    const QString warning = balanceWarning();
    if (!warning.isEmpty() && m_askAboutBalance) {
        QMessageBox ask(QMessageBox::Warning, tr("A balance remains"), warning, QMessageBox::NoButton, this);
        ask.setObjectName(QStringLiteral("balanceQuestion"));
        QPushButton *settleAnyway =
            ask.addButton(tr("Settle with %1 owed").arg(money(m_bill->dueCents)), QMessageBox::AcceptRole);
        QPushButton *back = ask.addButton(tr("Go back"), QMessageBox::RejectRole);
        ask.setDefaultButton(back);
        ask.exec();
        if (ask.clickedButton() != settleAnyway)
            return;
    }
    const ReturnEntry asked = entry();
    m_settling = true;
    setBusy(true);
    m_status->setText(tr("Settling the return…"));
    whenFinished(m_database->submit([asked](Database &db) { return RentalDeskService::settleReturn(db, asked); }), this,
                 [this](const Result<SettledReturn> &settled) {
                     m_settling = false;
                     if (!settled) {
                         // Nothing was written: everything entered stays for the desk to correct.
                         m_error->setText(settled.error().message);
                         m_error->show();
                         m_status->setText(tr("Nothing was settled."));
                         setBusy(false);
                         emit refused(settled.error().message);
                         return;
                     }
                     m_settled = *settled;
                     emit returned(*settled);
                     accept();
                 });
}

#include "SellCarDialog.h"

#include "Async.h"
#include "db/DatabaseThread.h"
#include "domain/Money.h"
#include "services/CustomerService.h"
#include "ui/common/MoneyBox.h"
#include "ui/customers/CustomerEditorDialog.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace {

constexpr double kMaxPrice = 9'999'999'999.99; // numeric(12, 2)

} // namespace

SellCarDialog::SellCarDialog(DatabaseThread *database, const CarRow &car, const QString &currency,
                             const QString &salesperson, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_car(car)
{
    setWindowTitle(tr("Sell %1 %2 (#%3)").arg(car.make, car.model, car.stockNumber));

    m_date = new QDateEdit(QDate::currentDate(), this);
    m_date->setObjectName(QStringLiteral("soldOn"));
    m_date->setCalendarPopup(true);
    m_date->setMaximumDate(QDate::currentDate()); // a sale is recorded when it has happened
    m_date->setAccessibleName(tr("Sale date"));

    m_price = new QDoubleSpinBox(this);
    m_price->setObjectName(QStringLiteral("price"));
    m_price->setRange(0, kMaxPrice);
    m_price->setDecimals(2);
    m_price->setSingleStep(100);
    m_price->setGroupSeparatorShown(true);
    showCurrency(m_price, currency);
    m_price->setValue(static_cast<double>(car.listPriceCents) / 100.0);
    m_price->setAccessibleName(tr("Sale price"));
    m_price->setToolTip(tr("The list price is %1").arg(Money::format(car.listPriceCents, currency)));

    m_buyerSearch = new QLineEdit(this);
    m_buyerSearch->setObjectName(QStringLiteral("buyerSearch"));
    m_buyerSearch->setPlaceholderText(tr("Name, email, phone or licence"));
    m_buyerSearch->setAccessibleName(tr("Search customers for the buyer"));
    m_buyers = new QListWidget(this);
    m_buyers->setObjectName(QStringLiteral("buyerList"));
    m_buyers->setAccessibleName(tr("Buyer"));
    m_buyers->setMinimumHeight(m_buyers->fontMetrics().lineSpacing() * 6);
    auto *newCustomer = new QPushButton(tr("&New customer…"), this);
    newCustomer->setAccessibleName(tr("Add the buyer as a new customer"));
    auto *buyerLayout = new QVBoxLayout;
    buyerLayout->setContentsMargins(0, 0, 0, 0);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_buyerSearch, 1);
    searchRow->addWidget(newCustomer);
    buyerLayout->addLayout(searchRow);
    buyerLayout->addWidget(m_buyers);

    m_salesperson = new QLineEdit(salesperson, this);
    m_salesperson->setObjectName(QStringLiteral("salesperson"));
    m_salesperson->setPlaceholderText(tr("You (the connected user)"));
    m_salesperson->setAccessibleName(tr("Salesperson"));
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setPlaceholderText(tr("Optional: trade-in, financing, delivery date"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(QStringLiteral("color: palette(highlight);"));
    m_message->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Sale &date:"), m_date);
    form->addRow(tr("Sale &price:"), m_price);
    auto *buyerLabel = new QLabel(tr("&Buyer:"), this);
    buyerLabel->setBuddy(m_buyerSearch);
    form->addRow(buyerLabel, buyerLayout);
    form->addRow(tr("Sales&person:"), m_salesperson);
    form->addRow(tr("N&ote:"), m_note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_sell = buttons->addButton(tr("&Sell"), QDialogButtonBox::AcceptRole);
    m_sell->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &SellCarDialog::trySell);
    connect(buttons, &QDialogButtonBox::rejected, this, &SellCarDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_buyerSearch, &QLineEdit::textChanged, this, &SellCarDialog::searchCustomers);
    connect(m_buyers, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && item->data(Qt::UserRole).isValid())
            m_chosenBuyer = item->data(Qt::UserRole).toLongLong();
    });
    connect(newCustomer, &QPushButton::clicked, this, &SellCarDialog::addCustomer);
    searchCustomers();
    m_price->setFocus();
    m_price->selectAll();
}

SaleRequest SellCarDialog::request() const
{
    SaleRequest sale;
    sale.carId = m_car.id;
    sale.soldOn = m_date->date();
    sale.priceCents = std::llround(m_price->value() * 100.0);
    if (m_chosenBuyer != NoBuyer)
        sale.buyerId = m_chosenBuyer;
    sale.salesperson = m_salesperson->text().trimmed();
    sale.note = m_note->text().trimmed();
    return sale;
}

QString SellCarDialog::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void SellCarDialog::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void SellCarDialog::searchCustomers()
{
    CustomerQuery query;
    query.text = m_buyerSearch->text().trimmed();
    const QString asked = query.text;
    whenFinished(m_database->submit([query](Database &db) { return CustomerService::page(db, query, 0, 30); }), this,
                 [this, asked](const Result<QList<CustomerRow>> &customers) {
                     if (asked != m_buyerSearch->text().trimmed())
                         return; // a newer search is on its way
                     const QSignalBlocker quiet(m_buyers);
                     m_buyers->clear();
                     auto *none = new QListWidgetItem(tr("No buyer recorded"), m_buyers);
                     none->setData(Qt::UserRole, NoBuyer);
                     QListWidgetItem *current = m_chosenBuyer == NoBuyer ? none : nullptr;
                     if (!customers) {
                         showMessage(customers.error().message);
                     } else {
                         for (const CustomerRow &customer : *customers) {
                             QString text = customer.fullName;
                             if (!customer.email.isEmpty())
                                 text += QStringLiteral(" · ") + customer.email;
                             auto *item = new QListWidgetItem(text, m_buyers);
                             item->setData(Qt::UserRole, customer.id);
                             if (customer.id == m_chosenBuyer)
                                 current = item;
                         }
                         if (customers->isEmpty() && !asked.isEmpty())
                             new QListWidgetItem(tr("No customer matches. Use New customer… to add the buyer."),
                                                 m_buyers); // no id: choosing it changes nothing
                     }
                     if (current)
                         m_buyers->setCurrentItem(current);
                     emit customersListed();
                 });
}

void SellCarDialog::addCustomer()
{
    auto *editor = new CustomerEditorDialog(m_database, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &CustomerEditorDialog::saved, this, [this](const CustomerDetails &customer) {
        m_chosenBuyer = customer.row.id;
        if (m_buyerSearch->text() == customer.row.fullName)
            searchCustomers();
        else
            m_buyerSearch->setText(customer.row.fullName); // lists the new customer, chosen
    });
    editor->open();
}

void SellCarDialog::trySell()
{
    if (m_busy)
        return;
    const SaleRequest sale = request();
    if (sale.soldOn > QDate::currentDate()) {
        showMessage(tr("The sale date is in the future. Record the sale on the day the car is sold."));
        return;
    }
    m_busy = true;
    m_sell->setEnabled(false);
    showMessage(QString());
    whenFinished(m_database->submit([sale](Database &db) { return SalesService::sell(db, sale); }), this,
                 [this](const Result<Sale> &result) {
                     m_busy = false;
                     m_sell->setEnabled(true);
                     if (!result) {
                         showMessage(result.error().message);
                         return;
                     }
                     emit sold(*result);
                     accept();
                 });
}

#include "CustomerDetailPanel.h"

#include "domain/Money.h"
#include "services/BookingService.h"
#include "ui/common/ContentColumns.h"

#include "models/CustomerTableModel.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum BookingColumn { Number, Car, Pickup, Return, Status, Balance };

} // namespace

CustomerDetailPanel::CustomerDetailPanel(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_balance(new QLabel(this))
    , m_fields(new QFormLayout)
    , m_bookings(new QTreeWidget(this))
{
    setAccessibleName(tr("Customer details"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setEnabled(false);
    m_stack->addWidget(m_message);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setWordWrap(true);
    auto *edit = new QPushButton(tr("&Edit…"), content);
    edit->setToolTip(tr("Edit the customer (Enter in the table)"));
    connect(edit, &QPushButton::clicked, this, &CustomerDetailPanel::editRequested);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(edit, 0, Qt::AlignTop);
    layout->addLayout(header);
    layout->addWidget(m_subtitle);
    m_balance->setObjectName(QStringLiteral("customerBalance"));
    m_balance->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_balance->setWordWrap(true);
    layout->addWidget(m_balance);
    m_fields->setLabelAlignment(Qt::AlignRight);
    m_fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_fields);

    layout->addWidget(new QLabel(tr("<b>Bookings</b>"), content));
    m_bookings->setObjectName(QStringLiteral("customerBookings"));
    m_bookings->setAccessibleName(tr("Bookings of the customer"));
    m_bookings->setRootIsDecorated(false);
    m_bookings->setAlternatingRowColors(true);
    m_bookings->setUniformRowHeights(true);
    m_bookings->setMinimumHeight(160);
    m_bookings->setToolTip(tr("Double-click or press Enter to open the booking."));
    m_bookings->setHeaderLabels({tr("No."), tr("Car"), tr("Pick-up"), tr("Return"), tr("Status"), tr("Balance")});
    // Every column whole (the car as in the Bookings list, "#A1234 Toyota Corolla"); the car takes the
    // room that is left, and a narrow panel scrolls sideways.
    ContentColumns::apply(m_bookings, m_bookings->header(), Car);
    connect(m_bookings, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (const qint64 id = item->data(Number, Qt::UserRole).toLongLong(); id > 0)
            emit bookingActivated(id);
    });
    layout->addWidget(m_bookings, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_stack->addWidget(scroll);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);
    showMessage(tr("Select a customer to see their details, bookings and balance."));
}

void CustomerDetailPanel::showMessage(const QString &message)
{
    m_customerId = 0;
    m_message->setText(message);
    m_stack->setCurrentIndex(0);
}

QString CustomerDetailPanel::balanceText() const
{
    return m_balance->text();
}

void CustomerDetailPanel::showCustomer(const CustomerDetails &customer, const QList<CustomerBooking> &bookings,
                                       const CustomerBalance &balance)
{
    const CustomerRow &row = customer.row;
    const QLocale locale;
    m_customerId = row.id;
    m_title->setText(row.fullName);
    QStringList subtitle{tr("Customer #%1").arg(row.id)};
    if (row.possibleDuplicate)
        subtitle << tr("possible duplicate: another customer has the same email or licence number");
    m_subtitle->setText(subtitle.join(QStringLiteral(" · ")));

    const auto money = [&](qint64 cents, Money::Cents cents_ = Money::Cents::WhenNotWhole) {
        return Money::format(cents, balance.currency, locale, cents_);
    };
    QString owed;
    if (balance.balanceCents > 0)
        owed = tr("Owes %1").arg(money(balance.balanceCents));
    else if (balance.balanceCents < 0)
        owed = tr("In credit by %1").arg(money(-balance.balanceCents));
    else
        owed = tr("Nothing owed");
    if (balance.depositHeldCents != 0)
        owed += QStringLiteral(" · ") + tr("deposit held: %1").arg(money(balance.depositHeldCents));
    m_balance->setText(tr("<b>Balance:</b> %1").arg(owed.toHtmlEscaped()));

    while (m_fields->rowCount() > 0)
        m_fields->removeRow(0);
    const auto add = [this](const QString &title, const QString &value) {
        auto *label = new QLabel(value.isEmpty() ? QStringLiteral("—") : value);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        m_fields->addRow(title + QLatin1Char(':'), label);
    };
    const auto label = [](CustomerField field) { return CustomerValidator::fieldLabel(field); };
    add(label(CustomerField::Email), row.email);
    add(label(CustomerField::Phone), row.phone);
    add(label(CustomerField::Address), customer.address);
    QString birth = CustomerTableModel::displayText(row, CustomerColumn::DateOfBirth);
    if (row.dateOfBirth.isValid())
        birth = tr("%1 (age %2)").arg(birth).arg(CustomerValidator::age(row.dateOfBirth, QDate::currentDate()));
    add(label(CustomerField::DateOfBirth), birth);
    add(label(CustomerField::LicenceNumber), row.licenceNumber);
    QString expiry = CustomerTableModel::displayText(row, CustomerColumn::LicenceExpiry);
    if (row.licenceExpiry.isValid() && row.licenceExpiry < QDate::currentDate())
        expiry = tr("%1 — expired: no pick-up until renewed").arg(expiry);
    add(label(CustomerField::LicenceExpiry), expiry);
    add(label(CustomerField::Notes), customer.notes);
    add(tr("Changed"), tr("%1 by %2 (version %3)")
                           .arg(locale.toString(row.updatedAt.toLocalTime(), QLocale::ShortFormat), customer.updatedBy)
                           .arg(row.version));

    m_bookings->clear();
    if (bookings.isEmpty()) {
        auto *item = new QTreeWidgetItem(m_bookings, {tr("No bookings yet.")});
        item->setFlags(Qt::ItemIsEnabled);
        item->setFirstColumnSpanned(true);
    }
    for (const CustomerBooking &booking : bookings) {
        auto *item = new QTreeWidgetItem(m_bookings);
        item->setText(Number, QString::number(booking.id));
        item->setData(Number, Qt::UserRole, booking.id);
        const QString car = QStringLiteral("#%1 %2 %3").arg(booking.stockNumber, booking.make, booking.model);
        const QString pickup = locale.toString(booking.pickup.toLocalTime(), QLocale::ShortFormat);
        const QString returned = locale.toString(booking.returned.toLocalTime(), QLocale::ShortFormat);
        item->setText(Car, car);
        item->setText(Pickup, locale.toString(booking.pickup.toLocalTime().date(), QLocale::ShortFormat));
        item->setText(Return, locale.toString(booking.returned.toLocalTime().date(), QLocale::ShortFormat));
        item->setText(Status, BookingService::statusLabel(booking.status));
        item->setText(Balance, money(booking.balanceCents, Money::Cents::Always)); // a column: they line up
        const QString summary = tr("Booking #%1: %2, %3 to %4, %5; total %6, balance %7")
                                    .arg(booking.id)
                                    .arg(car, pickup, returned, BookingService::statusLabel(booking.status).toLower(),
                                         money(booking.totalCents), money(booking.balanceCents));
        for (int column = Number; column <= Balance; ++column)
            item->setToolTip(column, summary);
        for (const int column : {int(Number), int(Balance)})
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_stack->setCurrentIndex(1);
}

#include "BookingDialog.h"

#include "Async.h"
#include "RentalPaperDialog.h"
#include "ReturnDialog.h"
#include "db/DatabaseThread.h"
#include "domain/Money.h"
#include "services/CustomerService.h"
#include "services/FleetService.h"
#include "services/RentalDeskService.h"
#include "ui/common/LinesView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

// The extras offered while the rental desk's own (RentalDeskService::extras) are not in.
constexpr qint64 kChildSeatCents = 500;  // per day
constexpr qint64 kInsuranceCents = 1200; // per day

// What an extra's tick box stands for.
constexpr char kExtraCode[] = "extraCode";
constexpr char kExtraName[] = "extraName";
constexpr char kExtraCents[] = "extraCents";
constexpr char kExtraPerDay[] = "extraPerDay";

qint64 centsOf(const QDoubleSpinBox *box)
{
    return qRound64(box->value() * 100);
}

QString deskTime(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QStringLiteral("ddd d MMM yyyy HH:mm")) : QString();
}

// An amount typed as a number, with the currency's sign where the locale writes it: "€" before the
// number in English, " €" after it in German (the text around the digits of Money::format).
QDoubleSpinBox *moneyBox(QWidget *parent, const QString &name, const QString &currency)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, 1'000'000);
    box->setDecimals(2);
    box->setAccessibleName(name);
    const QString sample = Money::format(100, currency, box->locale());
    qsizetype first = 0;
    while (first < sample.size() && !sample.at(first).isDigit())
        ++first;
    qsizetype last = sample.size();
    while (last > first && !sample.at(last - 1).isDigit())
        --last;
    box->setPrefix(sample.left(first));
    box->setSuffix(sample.mid(last));
    return box;
}

// Where a car's rates are kept on its item in the car list.
constexpr int kDailyCentsRole = Qt::UserRole + 1;
constexpr int kWeeklyCentsRole = Qt::UserRole + 2; // none when the car has no weekly rate
constexpr int kCardRole = Qt::UserRole + 3;        // true: the car is priced from its class's rate card

// What Book did: the booking, or the overlap refusal with the free similar cars offered instead.
struct BookingOutcome
{
    std::optional<Booking> booking;
    QString refusal;
    QList<CarRow> alternatives;
    QHash<qint64, RentalRates> rates; // of the alternatives
    QHash<qint64, RateSet> cards;     // their rate cards' rates (cars with a class)
};

// The cars a search found: those free for the whole period, the one asked for when it is not, and their
// rates.
struct CarChoices
{
    QList<CarRow> free;
    QList<CarRow> chosen;
    QHash<qint64, RentalRates> rates;
    QHash<qint64, RateSet> cards; // the rates of the cards of the cars with a class
};

QDateTimeEdit *timeEdit(QWidget *parent, const QDateTime &time, const QString &name)
{
    auto *edit = new QDateTimeEdit(time, parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("ddd d MMM yyyy HH:mm"));
    edit->setAccessibleName(name);
    return edit;
}

// An odometer (km) or fuel (%) reading.
QSpinBox *readingBox(QWidget *parent, bool fuel, int value, const QString &name)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, fuel ? 100 : 2'000'000);
    box->setSuffix(fuel ? QStringLiteral(" %") : BookingDialog::tr(" km"));
    box->setValue(value);
    box->setAccessibleName(name);
    return box;
}

// Adds OK (labelled `action`) and Cancel to a small question dialog and runs it: true when accepted.
bool confirmed(QDialog &ask, QFormLayout *form, const QString &action)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &ask);
    buttons->button(QDialogButtonBox::Ok)->setText(action);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    form->addRow(buttons);
    return ask.exec() == QDialog::Accepted;
}

QString paymentKindLabel(const QString &kind)
{
    if (kind == QLatin1String("payment"))
        return BookingDialog::tr("Payment");
    if (kind == QLatin1String("refund"))
        return BookingDialog::tr("Refund");
    if (kind == QLatin1String("deposit"))
        return BookingDialog::tr("Deposit taken");
    if (kind == QLatin1String("deposit_return"))
        return BookingDialog::tr("Deposit returned");
    if (kind == QLatin1String("deposit_capture"))
        return BookingDialog::tr("Deposit kept for the bill");
    return kind;
}

} // namespace

BookingDialog::BookingDialog(DatabaseThread *database, const QString &currency, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_currency(currency)
{
    setObjectName(QStringLiteral("bookingDialog"));
    setWindowTitle(tr("Booking"));
    resize(900, 640);
    auto *layout = new QVBoxLayout(this);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("bookingError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; font-weight: 600; }"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    layout->addWidget(m_error);
    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages, 1);
    buildNewForm();
    buildDetails();
}

QString BookingDialog::money(qint64 cents) const
{
    return Money::format(cents, m_currency);
}

QString BookingDialog::errorText() const
{
    return m_error->isVisible() || !m_error->isHidden() ? m_error->text() : QString();
}

void BookingDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

// ---- A new booking ----

void BookingDialog::buildNewForm()
{
    auto *page = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *period = new QHBoxLayout;
    m_pickup = timeEdit(page, {}, tr("Pick-up time"));
    m_pickup->setObjectName(QStringLiteral("pickupTime"));
    m_return = timeEdit(page, {}, tr("Return time"));
    m_return->setObjectName(QStringLiteral("returnTime"));
    auto *pickupLabel = new QLabel(tr("&Pick-up"), page);
    pickupLabel->setBuddy(m_pickup);
    auto *returnLabel = new QLabel(tr("&Return"), page);
    returnLabel->setBuddy(m_return);
    period->addWidget(pickupLabel);
    period->addWidget(m_pickup);
    period->addSpacing(12);
    period->addWidget(returnLabel);
    period->addWidget(m_return);
    period->addStretch(1);
    layout->addLayout(period);

    auto *choose = new QHBoxLayout;
    auto *customerBox = new QGroupBox(tr("Customer"), page);
    auto *customerLayout = new QVBoxLayout(customerBox);
    m_customerSearch = new QLineEdit(customerBox);
    m_customerSearch->setObjectName(QStringLiteral("customerSearch"));
    m_customerSearch->setPlaceholderText(tr("Name, email, phone or licence"));
    m_customerSearch->setAccessibleName(tr("Search customers"));
    m_customers = new QListWidget(customerBox);
    m_customers->setObjectName(QStringLiteral("customerList"));
    m_customers->setAccessibleName(tr("Customers"));
    customerLayout->addWidget(m_customerSearch);
    customerLayout->addWidget(m_customers);
    auto *carBox = new QGroupBox(tr("Car (free for the whole period)"), page);
    auto *carLayout = new QVBoxLayout(carBox);
    m_carSearch = new QLineEdit(carBox);
    m_carSearch->setObjectName(QStringLiteral("carSearch"));
    m_carSearch->setPlaceholderText(tr("Stock number, make or model"));
    m_carSearch->setAccessibleName(tr("Search free cars"));
    m_cars = new QListWidget(carBox);
    m_cars->setObjectName(QStringLiteral("carList"));
    m_cars->setAccessibleName(tr("Free cars"));
    carLayout->addWidget(m_carSearch);
    carLayout->addWidget(m_cars);
    choose->addWidget(customerBox, 2);
    choose->addWidget(carBox, 3); // the longer lines: car, rates, branch
    layout->addLayout(choose, 1);

    auto *terms = new QGroupBox(tr("Terms"), page);
    auto *form = new QFormLayout(terms);
    m_daily = moneyBox(terms, tr("Daily rate"), m_currency);
    m_daily->setObjectName(QStringLiteral("dailyRate"));
    m_weekly = moneyBox(terms, tr("Weekly rate"), m_currency);
    m_weekly->setObjectName(QStringLiteral("weeklyRate"));
    m_weekly->setSpecialValueText(tr("none"));
    m_deposit = moneyBox(terms, tr("Deposit"), m_currency);
    m_deposit->setValue(300);
    m_kmPerDay = new QSpinBox(terms);
    m_kmPerDay->setRange(0, 5000);
    m_kmPerDay->setSingleStep(50);
    m_kmPerDay->setSpecialValueText(tr("unlimited"));
    m_kmPerDay->setSuffix(tr(" km a day"));
    m_kmPerDay->setAccessibleName(tr("Kilometres included per day"));
    m_extraKm = moneyBox(terms, tr("Price per extra kilometre"), m_currency);
    m_extraKm->setValue(0.25);
    // Untouched, a car with a rate card gets its branch's allowance and price per kilometre.
    for (QAbstractSpinBox *box : std::initializer_list<QAbstractSpinBox *>{m_kmPerDay, m_extraKm})
        box->setToolTip(tr("Leave as it is for the branch's allowance (cars with a rate card)"));
    connect(m_kmPerDay, &QSpinBox::valueChanged, this, [this] { m_kmTyped = true; });
    connect(m_extraKm, &QDoubleSpinBox::valueChanged, this, [this] { m_kmTyped = true; });
    m_extrasRow = new QHBoxLayout;
    showExtras({{QStringLiteral("child_seat"), tr("Child seat"), kChildSeatCents, true},
                {QStringLiteral("insurance"), tr("Full insurance"), kInsuranceCents, true}});
    m_notes = new QLineEdit(terms);
    m_notes->setAccessibleName(tr("Notes"));
    auto *rates = new QHBoxLayout;
    rates->addWidget(m_daily);
    rates->addWidget(new QLabel(tr("a week"), terms));
    rates->addWidget(m_weekly);
    form->addRow(tr("Daily rate"), rates);
    auto *km = new QHBoxLayout;
    km->addWidget(m_kmPerDay);
    km->addWidget(new QLabel(tr("then per km"), terms));
    km->addWidget(m_extraKm);
    form->addRow(tr("Kilometres"), km);
    form->addRow(tr("Extras"), m_extrasRow);
    form->addRow(tr("Deposit"), m_deposit);
    // The desk's price for the whole rental, instead of the card's: only with a reason.
    m_override = new QCheckBox(tr("&Desk price"), terms);
    m_override->setObjectName(QStringLiteral("deskPriceOn"));
    m_override->setToolTip(tr("Charge another total than the rate card's; the reason is kept on the booking and "
                              "printed on its papers"));
    m_deskTotal = moneyBox(terms, tr("Desk price for the whole rental"), m_currency);
    m_deskTotal->setObjectName(QStringLiteral("deskTotal"));
    m_deskTotal->setEnabled(false);
    m_overrideReason = new QLineEdit(terms);
    m_overrideReason->setObjectName(QStringLiteral("deskPriceReason"));
    m_overrideReason->setAccessibleName(tr("Reason for the desk price"));
    m_overrideReason->setPlaceholderText(tr("Why (required): regular customer, long rental…"));
    m_overrideReason->setEnabled(false);
    auto *overrideRow = new QHBoxLayout;
    overrideRow->addWidget(m_override);
    overrideRow->addWidget(m_deskTotal);
    overrideRow->addWidget(m_overrideReason, 1);
    form->addRow(tr("Price"), overrideRow);
    form->addRow(tr("Notes"), m_notes);

    // The quote for the period chosen, line by line as the card prices it.
    auto *quoteBox = new QGroupBox(tr("Quote"), page);
    auto *quoteLayout = new QVBoxLayout(quoteBox);
    // Each line's text says its quantity and unit price ("Rental — 3 days × €60"): the amount beside it.
    m_quoteLines = linesView(quoteBox, QStringLiteral("quoteLines"), tr("Quote lines"), {tr("Item"), tr("Amount")});
    quoteLayout->addWidget(m_quoteLines, 1);
    m_summary = new QLabel(quoteBox);
    m_summary->setObjectName(QStringLiteral("quoteSummary"));
    m_summary->setWordWrap(true);
    quoteLayout->addWidget(m_summary);
    auto *termsAndQuote = new QHBoxLayout;
    termsAndQuote->addWidget(terms, 1);
    termsAndQuote->addWidget(quoteBox, 1);
    layout->addLayout(termsAndQuote);

    auto *buttons = new QDialogButtonBox(page);
    m_book = buttons->addButton(tr("&Book"), QDialogButtonBox::AcceptRole);
    m_book->setObjectName(QStringLiteral("bookButton"));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_book, &QPushButton::clicked, this, &BookingDialog::book);
    layout->addWidget(buttons);
    m_pages->addWidget(page);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(250);
    connect(m_searchTimer, &QTimer::timeout, this, &BookingDialog::searchCars);
    connect(m_customerSearch, &QLineEdit::textChanged, this, &BookingDialog::searchCustomers);
    connect(m_carSearch, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_pickup, &QDateTimeEdit::dateTimeChanged, this, [this](const QDateTime &pickup) {
        if (m_return->dateTime() <= pickup)
            m_return->setDateTime(pickup.addDays(1));
        m_searchTimer->start();
        updateQuote();
    });
    connect(m_return, &QDateTimeEdit::dateTimeChanged, this, [this] {
        m_searchTimer->start();
        updateQuote();
    });
    // Only the desk's typing reaches these: chooseCar() sets the rates with the signals blocked.
    connect(m_daily, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        m_dailyTyped = value > 0; // emptied: follows the car again
        updateQuote();
    });
    connect(m_weekly, &QDoubleSpinBox::valueChanged, this, [this] {
        m_weeklyTyped = true; // "none" included
        updateQuote();
    });
    connect(m_override, &QCheckBox::toggled, this, [this](bool on) {
        m_deskTotal->setEnabled(on);
        m_overrideReason->setEnabled(on);
        if (on && m_deskTotal->value() == 0 && m_cardTotalCents > 0)
            m_deskTotal->setValue(m_cardTotalCents / 100.0);
        if (on)
            m_deskTotal->setFocus();
        updateQuote();
    });
    connect(m_deskTotal, &QDoubleSpinBox::valueChanged, this, &BookingDialog::updateQuote);
    connect(m_overrideReason, &QLineEdit::textChanged, this, &BookingDialog::updateQuote);
    m_quoteTimer = new QTimer(this);
    m_quoteTimer->setSingleShot(true);
    m_quoteTimer->setInterval(200);
    connect(m_quoteTimer, &QTimer::timeout, this, &BookingDialog::quoteFromCard);
    connect(m_customers, &QListWidget::currentRowChanged, this, &BookingDialog::updateQuote);
    connect(m_cars, &QListWidget::currentItemChanged, this, &BookingDialog::chooseCar);
}

QListWidgetItem *BookingDialog::addCar(const CarRow &car, const QString &note, const QHash<qint64, RentalRates> &rates)
{
    // The rates right after the car, where a narrow list still shows them; the whole line in the tooltip.
    QString text =
        QStringLiteral("#%1  %2 %3 %4").arg(car.stockNumber, car.make, car.model, QString::number(car.modelYear));
    const auto card = m_cards.constFind(car.id);
    const auto found = rates.constFind(car.id);
    if (card != m_cards.cend()) {
        QStringList prices{tr("%1 a day").arg(money(card->dailyCents))};
        if (card->weeklyCents)
            prices << tr("%1 a week").arg(money(*card->weeklyCents));
        if (card->monthlyCents)
            prices << tr("%1 a month").arg(money(*card->monthlyCents));
        text += QStringLiteral(" · ") + prices.join(QStringLiteral(", "));
    } else if (found != rates.cend()) {
        text +=
            QStringLiteral(" · ") +
            (found->weeklyCents ? tr("%1 a day, %2 a week").arg(money(found->dailyCents), money(*found->weeklyCents))
                                : tr("%1 a day").arg(money(found->dailyCents)));
    }
    if (!car.location.isEmpty())
        text += QStringLiteral(" · ") + car.location;
    text += note;
    auto *item = new QListWidgetItem(text, m_cars);
    item->setToolTip(text);
    item->setData(Qt::UserRole, car.id);
    if (card != m_cards.cend()) {
        item->setData(kCardRole, true);
        item->setData(kDailyCentsRole, card->dailyCents);
        if (card->weeklyCents)
            item->setData(kWeeklyCentsRole, *card->weeklyCents);
    } else if (found != rates.cend()) {
        item->setData(kDailyCentsRole, found->dailyCents);
        if (found->weeklyCents)
            item->setData(kWeeklyCentsRole, *found->weeklyCents);
    }
    return item;
}

void BookingDialog::chooseCar(QListWidgetItem *item)
{
    if (!item)
        return;
    m_carId = item->data(Qt::UserRole).toLongLong();
    // A car with a rate card is priced by the card (the desk may give a desk price); the boxes show its rates.
    const bool card = item->data(kCardRole).toBool();
    for (QDoubleSpinBox *box : {m_daily, m_weekly}) {
        box->setEnabled(!card);
        box->setToolTip(card ? tr("From the rate card of the car's class") : QString());
    }
    m_override->setEnabled(card);
    if (!card && m_override->isChecked())
        m_override->setChecked(false);
    if (card) {
        const QSignalBlocker dailyBlocker(m_daily);
        const QSignalBlocker weeklyBlocker(m_weekly);
        m_daily->setValue(item->data(kDailyCentsRole).toLongLong() / 100.0);
        m_weekly->setValue(item->data(kWeeklyCentsRole).toLongLong() / 100.0);
    } else if (item->data(kDailyCentsRole).isValid()) {
        const QSignalBlocker dailyBlocker(m_daily);
        const QSignalBlocker weeklyBlocker(m_weekly);
        if (!m_dailyTyped)
            m_daily->setValue(item->data(kDailyCentsRole).toLongLong() / 100.0);
        if (!m_weeklyTyped)
            m_weekly->setValue(item->data(kWeeklyCentsRole).toLongLong() / 100.0);
    }
    updateQuote();
}

void BookingDialog::startBooking(qint64 carId, const QDateTime &pickup)
{
    setWindowTitle(tr("New booking"));
    m_pages->setCurrentIndex(0);
    m_carId = carId;
    m_pickup->setDateTime(pickup);
    m_return->setDateTime(pickup.addDays(1));
    searchCustomers();
    searchCars();
    m_searchTimer->stop(); // setting the times started it: the search above covers them
    // The desk's extras with their prices (until they are in, or without rate cards, the two built in).
    whenFinished(m_database->submit([](Database &db) { return RentalDeskService::extras(db); }), this,
                 [this](const Result<QList<ExtraOffer>> &offers) {
                     if (offers && !offers->isEmpty()) {
                         showExtras(*offers);
                         updateQuote();
                     }
                 });
    m_customerSearch->setFocus();
}

void BookingDialog::searchCustomers()
{
    CustomerQuery query;
    query.text = m_customerSearch->text().trimmed();
    const QString asked = query.text;
    whenFinished(m_database->submit([query](Database &db) { return CustomerService::page(db, query, 0, 30); }), this,
                 [this, asked](const Result<QList<CustomerRow>> &customers) {
                     if (asked != m_customerSearch->text().trimmed())
                         return; // a newer search is on its way
                     m_customers->clear();
                     if (!customers) {
                         showError(customers.error().message);
                         return;
                     }
                     const QDate today = QDate::currentDate();
                     for (const CustomerRow &customer : *customers) {
                         QString text = customer.fullName;
                         if (!customer.email.isEmpty())
                             text += QStringLiteral(" · ") + customer.email;
                         if (customer.licenceExpiry.isValid() && customer.licenceExpiry < today)
                             text += QStringLiteral(" · ") + tr("licence expired");
                         auto *item = new QListWidgetItem(text, m_customers);
                         item->setData(Qt::UserRole, customer.id);
                     }
                     if (customers->isEmpty())
                         new QListWidgetItem(tr("No customer matches. Add the customer in Customers first."),
                                             m_customers);
                     else if (customers->size() == 1)
                         m_customers->setCurrentRow(0);
                     updateQuote();
                     emit settled();
                 });
}

void BookingDialog::searchCars()
{
    if (m_pages->currentIndex() != 0)
        return;
    const QDateTime pickup = m_pickup->dateTime();
    const QDateTime returned = m_return->dateTime();
    CarFilter filter;
    filter.text = m_carSearch->text().trimmed();
    const qint64 wanted = m_carId;
    const quint64 generation = ++m_carListGeneration;
    whenFinished(
        m_database->submit([=](Database &db) -> Result<CarChoices> {
            CarChoices choices;
            auto free = BookingService::available(db, filter, pickup, returned, 50);
            if (!free)
                return std::unexpected(free.error());
            choices.free = *free;
            // The car chosen on the timeline, even when it is not free for all of the period: booking
            // it then says which booking is in the way.
            if (wanted > 0 &&
                std::none_of(free->cbegin(), free->cend(), [wanted](const CarRow &car) { return car.id == wanted; })) {
                if (auto rows = FleetService::rows(db, {wanted}))
                    choices.chosen = *rows;
            }
            QList<qint64> ids;
            for (const CarRow &car : choices.chosen + choices.free)
                ids << car.id;
            auto rates = BookingService::suggestedRates(db, ids);
            if (!rates)
                return std::unexpected(rates.error());
            choices.rates = *rates;
            // The cards' rates; a car without a class (or a desk without cards) keeps the rates above.
            choices.cards = RentalDeskService::rates(db, ids).value_or(QHash<qint64, RateSet>());
            return choices;
        }),
        this, [this, wanted, generation](const Result<CarChoices> &cars) {
            if (generation != m_carListGeneration)
                return; // a newer search, or a refused booking's alternatives, has the list now
            m_cars->clear();
            if (!cars) {
                showError(cars.error().message);
                return;
            }
            m_cards.insert(cars->cards);
            for (const CarRow &car : cars->chosen)
                addCar(car, tr(" (not free all of this time)"), cars->rates)->setForeground(QColor(0xb7, 0x1c, 0x1c));
            for (const CarRow &car : cars->free)
                addCar(car, {}, cars->rates);
            if (m_cars->count() == 0)
                new QListWidgetItem(tr("No car matching the search is free then."), m_cars);
            for (int i = 0; i < m_cars->count(); ++i) {
                if (m_cars->item(i)->data(Qt::UserRole).toLongLong() == wanted && wanted > 0)
                    m_cars->setCurrentRow(i);
            }
            emit settled();
        });
}

RentalRates BookingDialog::rates() const
{
    RentalRates rates;
    rates.dailyCents = centsOf(m_daily);
    if (m_weekly->value() > 0)
        rates.weeklyCents = centsOf(m_weekly);
    return rates;
}

QList<RentalExtra> BookingDialog::extras() const
{
    QList<RentalExtra> extras;
    for (const QCheckBox *box : m_extraBoxes) {
        if (box->isChecked())
            extras << RentalExtra{box->property(kExtraName).toString(), box->property(kExtraCents).toLongLong(),
                                  box->property(kExtraPerDay).toBool()};
    }
    return extras;
}

void BookingDialog::showExtras(const QList<ExtraOffer> &offers)
{
    QSet<QString> checked;
    for (QCheckBox *box : std::as_const(m_extraBoxes)) {
        if (box->isChecked())
            checked << box->property(kExtraCode).toString();
        box->deleteLater();
    }
    m_extraBoxes.clear();
    QWidget *previous = m_extraKm;
    for (const ExtraOffer &offer : offers) {
        auto *box = new QCheckBox(offer.perDay ? tr("%1 (%2 a day)").arg(offer.name, money(offer.cents))
                                               : tr("%1 (%2 a rental)").arg(offer.name, money(offer.cents)),
                                  m_extraKm->parentWidget());
        box->setProperty(kExtraCode, offer.code);
        box->setProperty(kExtraName, offer.name);
        box->setProperty(kExtraCents, offer.cents);
        box->setProperty(kExtraPerDay, offer.perDay);
        box->setChecked(checked.contains(offer.code));
        connect(box, &QCheckBox::toggled, this, &BookingDialog::updateQuote);
        m_extrasRow->addWidget(box);
        m_extraBoxes << box;
        setTabOrder(previous, box);
        previous = box;
    }
    setTabOrder(previous, m_deposit);
}

void BookingDialog::updateQuote()
{
    const QListWidgetItem *car = m_cars->currentItem();
    const bool chosen = m_customers->currentItem() && m_customers->currentItem()->data(Qt::UserRole).isValid() && car &&
                        car->data(Qt::UserRole).isValid();
    const bool card = car && car->data(kCardRole).toBool();
    if (card) {
        // Priced by the service from the car's card (on the database thread, shortly after the last change);
        // Book waits for that price, so that what is booked is what is shown.
        m_quoteTimer->start();
        m_summary->setText(tr("Working out the price…"));
        m_book->setEnabled(false);
        return;
    }
    m_quoteGeneration++; // a card's quote still on its way is for another car
    m_quoteLines->clear();
    const auto quote = RentalPricing::quote(m_pickup->dateTime(), m_return->dateTime(), QTimeZone::systemTimeZone(),
                                            rates(), extras());
    if (!quote) {
        m_summary->setText(quote.error().message);
        m_book->setEnabled(false);
        return;
    }
    QString text = tr("%n day(s)", nullptr, quote->days);
    if (quote->weeks > 0)
        text += tr(" (%n week(s) at the weekly rate)", nullptr, quote->weeks);
    text += tr(": rental %1").arg(money(quote->rentalCents));
    if (quote->extrasCents > 0)
        text += tr(" + extras %1").arg(money(quote->extrasCents));
    text += tr(" = <b>%1</b>").arg(money(quote->totalCents));
    m_summary->setText(text);
    addQuoteLine(tr("Rental, %n day(s)", nullptr, quote->days), quote->rentalCents);
    if (quote->extrasCents > 0)
        addQuoteLine(tr("Extras"), quote->extrasCents);
    m_book->setEnabled(chosen && rates().dailyCents > 0);
}

void BookingDialog::addQuoteLine(const QString &text, qint64 amountCents)
{
    addLine(m_quoteLines, {text, money(amountCents)});
}

void BookingDialog::quoteFromCard()
{
    const QListWidgetItem *car = m_cars->currentItem();
    if (!car || !car->data(kCardRole).toBool())
        return;
    const qint64 carId = car->data(Qt::UserRole).toLongLong();
    const QDateTime pickup = m_pickup->dateTime();
    const QDateTime returned = m_return->dateTime();
    QStringList codes;
    for (const QCheckBox *box : std::as_const(m_extraBoxes)) {
        if (box->isChecked())
            codes << box->property(kExtraCode).toString();
    }
    const quint64 generation = ++m_quoteGeneration;
    whenFinished(
        m_database->submit([=](Database &db) { return RentalDeskService::quote(db, carId, pickup, returned, codes); }),
        this, [this, generation](const Result<RentalDeskService::Quote> &quote) {
            if (generation != m_quoteGeneration)
                return; // the period, the car or the extras changed meanwhile
            m_quoteLines->clear();
            if (!quote) {
                m_cardTotalCents = 0;
                m_summary->setText(quote.error().message);
                emit quoted();
                return;
            }
            for (const QuoteLine &line : quote->quote.lines)
                addQuoteLine(line.text, line.amountCents);
            m_cardTotalCents = quote->quote.totalCents;
            QString text = tr("%n day(s)", nullptr, quote->quote.days) + QStringLiteral(": ");
            text += quote->taxCents != 0
                        ? tr("net %1 + VAT %2 = <b>%3</b>")
                              .arg(money(quote->netCents), money(quote->taxCents), money(quote->grossCents))
                        : tr("<b>%1</b>").arg(money(quote->grossCents));
            if (m_override->isChecked() && m_override->isEnabled()) {
                const QString reason = m_overrideReason->text().trimmed();
                text += QStringLiteral("<br>") +
                        (reason.isEmpty() ? tr("Desk price %1 instead of the card's %2: give the reason to book.")
                                                .arg(money(centsOf(m_deskTotal)), money(quote->quote.totalCents))
                                          : tr("Desk price <b>%1</b> instead of the card's %2: %3")
                                                .arg(money(centsOf(m_deskTotal)), money(quote->quote.totalCents),
                                                     reason.toHtmlEscaped()));
            }
            m_summary->setText(text);
            const bool desk = m_override->isChecked() && m_override->isEnabled();
            const bool customer =
                m_customers->currentItem() && m_customers->currentItem()->data(Qt::UserRole).isValid();
            m_book->setEnabled(customer && (!desk || !m_overrideReason->text().trimmed().isEmpty()));
            emit quoted();
        });
}

void BookingDialog::book()
{
    if (!m_customers->currentItem() || !m_cars->currentItem()) {
        showError(tr("Choose a customer and a car."));
        return;
    }
    BookingRequest request;
    request.carId = m_cars->currentItem()->data(Qt::UserRole).toLongLong();
    request.customerId = m_customers->currentItem()->data(Qt::UserRole).toLongLong();
    request.pickup = m_pickup->dateTime();
    request.returned = m_return->dateTime();
    request.rates = rates();
    request.extras = extras();
    request.depositCents = centsOf(m_deposit);
    const bool card = m_cars->currentItem()->data(kCardRole).toBool();
    if (!card || m_kmTyped) { // else none: the branch's allowance
        if (m_kmPerDay->value() > 0)
            request.kmPerDay = m_kmPerDay->value();
        request.extraKmCents = centsOf(m_extraKm);
    }
    request.notes = m_notes->text().trimmed();
    if (m_override->isChecked() && m_override->isEnabled()) {
        request.deskTotalCents = centsOf(m_deskTotal);
        request.overrideReason = m_overrideReason->text().trimmed();
    }
    m_book->setEnabled(false);
    const quint64 generation = ++m_carListGeneration; // a search still on its way must not replace the answer
    whenFinished(m_database->submit([request](Database &db) -> Result<BookingOutcome> {
        const auto booking = BookingService::create(db, request);
        if (booking)
            return BookingOutcome{*booking, {}, {}, {}, {}};
        if (booking.error().code != Error::Code::Overlap)
            return std::unexpected(booking.error());
        BookingOutcome refused{std::nullopt, booking.error().message, {}, {}, {}};
        refused.alternatives =
            BookingService::alternatives(db, request.carId, request.pickup, request.returned).value_or(QList<CarRow>());
        QList<qint64> ids;
        for (const CarRow &car : refused.alternatives)
            ids << car.id;
        refused.rates = BookingService::suggestedRates(db, ids).value_or(QHash<qint64, RentalRates>());
        refused.cards = RentalDeskService::rates(db, ids).value_or(QHash<qint64, RateSet>());
        return refused;
    }),
                 this, [this, generation](const Result<BookingOutcome> &result) {
                     m_book->setEnabled(true);
                     if (!result) {
                         showError(result.error().message);
                         emit settled();
                         return;
                     }
                     if (!result->booking) {
                         // Taken: the message, and the free similar cars to choose from instead.
                         if (result->alternatives.isEmpty()) {
                             showError(result->refusal);
                         } else {
                             showError(result->refusal + QLatin1Char(' ') +
                                       tr("Similar cars free for the same time are listed; choose one and book "
                                          "again."));
                             if (generation != m_carListGeneration) { // the desk searched meanwhile
                                 emit settled();
                                 return;
                             }
                             m_cars->clear();
                             m_cards.insert(result->cards);
                             for (const CarRow &car : result->alternatives)
                                 addCar(car, {}, result->rates);
                             m_cars->setCurrentRow(0);
                         }
                         emit settled();
                         return;
                     }
                     const Booking &booking = *result->booking;
                     showError({});
                     emit changed();
                     emit statusMessage(
                         tr("Booked: booking #%1, total %2.").arg(booking.id).arg(money(booking.quote.totalCents)));
                     showBooking(booking.id);
                 });
}

// ---- An existing booking ----

void BookingDialog::buildDetails()
{
    auto *page = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(page);
    m_title->setObjectName(QStringLiteral("bookingTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    layout->addWidget(m_title);
    auto *factsBox = new QWidget(page);
    m_facts = new QFormLayout(factsBox);
    m_facts->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(factsBox);
    layout->addWidget(new QLabel(tr("Payments and deposit"), page));
    m_payments = new QTreeWidget(page);
    m_payments->setObjectName(QStringLiteral("payments"));
    m_payments->setAccessibleName(tr("Payments"));
    m_payments->setRootIsDecorated(false);
    m_payments->setHeaderLabels({tr("When"), tr("What"), tr("How"), tr("Amount"), tr("By"), tr("Note")});
    m_payments->header()->setStretchLastSection(true);
    layout->addWidget(m_payments, 1);

    auto *actions = new QHBoxLayout;
    m_pickUpButton = new QPushButton(tr("&Pick up…"), page);
    m_pickUpButton->setObjectName(QStringLiteral("pickUpButton"));
    m_returnButton = new QPushButton(tr("&Return…"), page);
    m_returnButton->setObjectName(QStringLiteral("returnButton"));
    m_paymentButton = new QPushButton(tr("Add &payment…"), page);
    m_paymentButton->setObjectName(QStringLiteral("paymentButton"));
    m_moveButton = new QPushButton(tr("&Move…"), page);
    m_moveButton->setObjectName(QStringLiteral("moveButton"));
    m_cancelButton = new QPushButton(tr("&Cancel booking"), page);
    m_cancelButton->setObjectName(QStringLiteral("cancelBookingButton"));
    m_noShowButton = new QPushButton(tr("&No-show"), page);
    m_noShowButton->setObjectName(QStringLiteral("noShowButton"));
    for (QPushButton *button :
         {m_pickUpButton, m_returnButton, m_paymentButton, m_moveButton, m_cancelButton, m_noShowButton})
        actions->addWidget(button);
    actions->addStretch(1);
    // The papers: the agreement once the car is out, the invoice once settled, a receipt for the payment chosen.
    m_agreementButton = new QPushButton(tr("A&greement…"), page);
    m_agreementButton->setObjectName(QStringLiteral("agreementButton"));
    m_agreementButton->setToolTip(tr("The rental agreement to print or save as PDF"));
    m_invoiceButton = new QPushButton(tr("&Invoice…"), page);
    m_invoiceButton->setObjectName(QStringLiteral("invoiceButton"));
    m_invoiceButton->setToolTip(tr("The invoice to print or save as PDF; once issued, a copy with the same number"));
    m_receiptButton = new QPushButton(tr("R&eceipt…"), page);
    m_receiptButton->setObjectName(QStringLiteral("receiptButton"));
    m_receiptButton->setToolTip(tr("A receipt for the payment chosen in the list"));
    for (QPushButton *button : {m_agreementButton, m_invoiceButton, m_receiptButton}) {
        actions->addWidget(button);
        button->hide();
    }
    auto *close = new QPushButton(tr("Close"), page);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    actions->addWidget(close);
    layout->addLayout(actions);
    m_pages->addWidget(page);

    connect(m_pickUpButton, &QPushButton::clicked, this, &BookingDialog::pickUp);
    connect(m_returnButton, &QPushButton::clicked, this, &BookingDialog::takeBack);
    connect(m_paymentButton, &QPushButton::clicked, this, [this] { addPayment(); });
    connect(m_moveButton, &QPushButton::clicked, this, &BookingDialog::move);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] { cancel(false); });
    connect(m_noShowButton, &QPushButton::clicked, this, [this] { cancel(true); });
    connect(m_agreementButton, &QPushButton::clicked, this, [this] { openPaper(Paper::Agreement); });
    connect(m_invoiceButton, &QPushButton::clicked, this, [this] { openPaper(Paper::Invoice); });
    connect(m_receiptButton, &QPushButton::clicked, this, [this] { openPaper(Paper::Receipt); });
    connect(m_payments, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        m_receiptButton->setEnabled(item && item->data(0, Qt::UserRole).toLongLong() > 0);
    });
    connect(m_payments, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item && item->data(0, Qt::UserRole).toLongLong() > 0)
            openPaper(Paper::Receipt);
    });
}

void BookingDialog::showBooking(qint64 id)
{
    m_bookingId = id;
    setWindowTitle(tr("Booking #%1").arg(id));
    m_pages->setCurrentIndex(1);
    m_title->setText(tr("Booking #%1").arg(id));
    // The actions show once the booking's status is known.
    for (QPushButton *button : {m_pickUpButton, m_returnButton, m_paymentButton, m_moveButton, m_cancelButton,
                                m_noShowButton, m_agreementButton, m_invoiceButton, m_receiptButton})
        button->hide();
    loadDetails();
}

void BookingDialog::loadDetails()
{
    const qint64 id = m_bookingId;
    whenFinished(m_database->submit([id](Database &db) { return BookingService::details(db, id); }), this,
                 [this](const Result<BookingDetails> &details) {
                     if (!details)
                         showError(details.error().message);
                     else
                         showDetails(*details);
                     emit settled();
                 });
}

void BookingDialog::showDetails(const BookingDetails &details)
{
    m_details = details;
    const BookingRow &row = details.row;
    const QString status = row.overdue ? tr("Overdue") : BookingService::statusLabel(row.status);
    m_title->setText(tr("Booking #%1 · %2").arg(row.id).arg(status));
    while (m_facts->rowCount() > 0)
        m_facts->removeRow(0);
    const auto fact = [this](const QString &label, const QString &value) {
        auto *text = new QLabel(value);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        text->setWordWrap(true);
        m_facts->addRow(label, text);
    };
    fact(tr("Car"), QStringLiteral("#%1 %2").arg(row.stockNumber, row.car));
    fact(tr("Customer"), row.customer);
    fact(tr("Booked"), tr("%1 to %2").arg(deskTime(row.pickup), deskTime(row.returned)) +
                           (row.pickupBranch.isEmpty() ? QString() : tr(", at %1").arg(row.pickupBranch)));
    QString terms = tr("%1 a day").arg(money(details.dailyCents));
    terms += details.kmPerDay ? tr(", %1 km a day included, then %2 a km")
                                    .arg(QLocale().toString(*details.kmPerDay), money(details.extraKmCents))
                              : tr(", unlimited kilometres");
    for (const RentalExtra &extra : details.extras)
        terms += QStringLiteral(", ") + extra.name;
    fact(tr("Terms"), terms);
    fact(tr("Money"), tr("Total %1 · balance %2 · deposit asked %3, held %4")
                          .arg(money(row.totalCents), money(row.balanceCents), money(details.depositCents),
                               money(row.depositHeldCents)));
    if (details.pickedUpAt.isValid())
        fact(tr("Picked up"), tr("%1 · %2 km · fuel %3%")
                                  .arg(deskTime(details.pickedUpAt))
                                  .arg(QLocale().toString(details.pickupMileageKm.value_or(0)))
                                  .arg(details.pickupFuelPercent.value_or(0)));
    if (details.returnedAt.isValid())
        fact(tr("Returned"), tr("%1 · %2 km · fuel %3%")
                                 .arg(deskTime(details.returnedAt))
                                 .arg(QLocale().toString(details.returnMileageKm.value_or(0)))
                                 .arg(details.returnFuelPercent.value_or(0)));
    if (!details.damageNotes.isEmpty())
        fact(tr("Damage"), details.damageNotes);
    if (!details.notes.isEmpty())
        fact(tr("Notes"), details.notes);
    fact(tr("Made by"), tr("%1 on %2").arg(details.createdBy, deskTime(details.createdAt)));

    m_payments->clear();
    for (const BookingPayment &payment : details.payments) {
        auto *item =
            new QTreeWidgetItem(m_payments, {deskTime(payment.takenAt), paymentKindLabel(payment.kind), payment.method,
                                             Money::format(payment.cents, m_currency, QLocale(), Money::Cents::Always),
                                             payment.takenBy, payment.note});
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(0, Qt::UserRole, payment.id);
    }
    if (details.payments.isEmpty())
        (new QTreeWidgetItem(m_payments, {tr("No payments yet.")}))->setFirstColumnSpanned(true);

    const bool reserved = row.status == QLatin1String("reserved");
    m_pickUpButton->setVisible(reserved);
    m_moveButton->setVisible(reserved);
    m_cancelButton->setVisible(reserved);
    m_noShowButton->setVisible(reserved && row.pickup < QDateTime::currentDateTimeUtc());
    m_returnButton->setVisible(row.status == QLatin1String("active"));
    m_paymentButton->show();
    const bool out = row.status == QLatin1String("active") || row.status == QLatin1String("completed");
    m_agreementButton->setVisible(out);
    m_invoiceButton->setVisible(row.status == QLatin1String("completed"));
    m_receiptButton->setVisible(!details.payments.isEmpty());
    m_receiptButton->setEnabled(m_payments->currentItem() &&
                                m_payments->currentItem()->data(0, Qt::UserRole).toLongLong() > 0);
}

RentalPaperDialog *BookingDialog::openPaper(Paper paper)
{
    qint64 paymentId = 0;
    if (paper == Paper::Receipt) {
        QTreeWidgetItem *item = m_payments->currentItem();
        paymentId = item ? item->data(0, Qt::UserRole).toLongLong() : 0;
        if (paymentId <= 0) {
            showError(tr("Choose a payment in the list first, then Receipt…"));
            return nullptr;
        }
    }
    auto *dialog = new RentalPaperDialog(m_database, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    switch (paper) {
    case Paper::Agreement:
        dialog->showAgreement(m_bookingId);
        break;
    case Paper::Invoice:
        dialog->showInvoice(m_bookingId);
        break;
    case Paper::Receipt:
        dialog->showReceipt(paymentId);
        break;
    }
    dialog->open();
    return dialog;
}

void BookingDialog::act(const QString &done, std::function<Result<void>(Database &)> action,
                        std::function<void()> afterwards)
{
    whenFinished(m_database->submit(std::move(action)), this,
                 [this, done, afterwards = std::move(afterwards)](const Result<void> &result) {
                     if (!result) {
                         showError(result.error().message);
                         emit settled();
                         return;
                     }
                     showError({});
                     emit statusMessage(done);
                     emit changed();
                     loadDetails();
                     if (afterwards)
                         afterwards();
                 });
}

void BookingDialog::pickUp()
{
    // What the desk must know first (no deposit taken; required by the branch), read on the database thread.
    const qint64 id = m_bookingId;
    m_pickUpButton->setEnabled(false);
    whenFinished(m_database->submit([id](Database &db) { return RentalDeskService::pickUpWarnings(db, id); }), this,
                 [this, id](const Result<DeskWarnings> &warnings) {
                     m_pickUpButton->setEnabled(true);
                     if (id != m_bookingId)
                         return;
                     if (warnings)
                         askPickUp(*warnings, {});
                     else // the hand-over checks the deposit again: the desk may go on, told why it was not shown
                         askPickUp({}, tr("The deposit could not be checked: %1").arg(warnings.error().message));
                 });
}

void BookingDialog::askPickUp(const DeskWarnings &warnings, const QString &note)
{
    QDialog ask(this);
    ask.setObjectName(QStringLiteral("pickUpQuestion"));
    ask.setWindowTitle(tr("Pick up booking #%1").arg(m_bookingId));
    ask.setMinimumWidth(ask.fontMetrics().averageCharWidth() * 60);
    auto *form = new QFormLayout(&ask);
    const bool refused = warnings.noDeposit && warnings.depositRequired;
    // The service's sentences; these when it gave none.
    QStringList texts = warnings.texts;
    if (texts.isEmpty() && refused)
        texts << tr("This branch requires a deposit before the car is handed over: take it with Take deposit…, then "
                    "Pick up again.");
    else if (texts.isEmpty() && warnings.noDeposit)
        texts << tr("No deposit has been taken for this booking.");
    if (!note.isEmpty())
        texts << note;
    QPushButton *takeDeposit = nullptr;
    if (!texts.isEmpty()) {
        auto *warning = new QLabel(texts.join(QLatin1Char('\n')), &ask);
        warning->setObjectName(QStringLiteral("pickUpWarning"));
        warning->setWordWrap(true);
        warning->setTextInteractionFlags(Qt::TextSelectableByMouse);
        warning->setStyleSheet(refused ? QStringLiteral("QLabel { color: #b71c1c; font-weight: 600; }")
                                       : QStringLiteral("QLabel { color: #8a4b00; background: #fff4e0; padding: 6px; "
                                                        "border: 1px solid #e0b060; border-radius: 3px; }"));
        form->addRow(warning);
        if (warnings.noDeposit) {
            takeDeposit = new QPushButton(tr("Take &deposit…"), &ask);
            takeDeposit->setObjectName(QStringLiteral("takeDeposit"));
            connect(takeDeposit, &QPushButton::clicked, &ask, [&ask] { ask.done(2); });
            form->addRow(QString(), takeDeposit);
        }
    }
    auto *mileage = readingBox(&ask, false, m_details.carMileageKm, tr("Mileage at pick-up"));
    auto *fuel = readingBox(&ask, true, 100, tr("Fuel at pick-up"));
    form->addRow(tr("Odometer"), mileage);
    form->addRow(tr("Fuel"), fuel);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &ask);
    QPushButton *handOver = buttons->button(QDialogButtonBox::Ok);
    handOver->setText(warnings.noDeposit && !refused ? tr("Hand over without deposit") : tr("Hand over"));
    handOver->setEnabled(!refused);
    connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    form->addRow(buttons);
    if (takeDeposit && refused)
        takeDeposit->setFocus();
    const int answer = ask.exec();
    if (answer == 2) {
        addPayment(QStringLiteral("deposit"));
        return;
    }
    if (answer != QDialog::Accepted)
        return;
    const qint64 id = m_bookingId;
    const int km = mileage->value();
    const int percent = fuel->value();
    act(
        tr("Booking #%1 picked up.").arg(id),
        [=](Database &db) { return BookingService::pickUp(db, id, km, percent, QDateTime::currentDateTimeUtc()); },
        [this] { openPaper(Paper::Agreement); }); // the agreement to print and sign
}

void BookingDialog::takeBack()
{
    auto *dialog = new ReturnDialog(m_database, m_currency, m_details, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReturnDialog::returned, this, [this](const SettledReturn &settled) {
        showError({});
        emit statusMessage(tr("Booking #%1 returned and settled: invoice %2, total %3.")
                               .arg(m_bookingId)
                               .arg(settled.invoiceNumber, money(settled.bill.grossCents)));
        emit changed();
        loadDetails();
        openPaper(Paper::Invoice); // the invoice to print or send
    });
    dialog->open();
}

void BookingDialog::addPayment(const QString &preselected)
{
    QDialog ask(this);
    ask.setWindowTitle(tr("Payment for booking #%1").arg(m_bookingId));
    auto *form = new QFormLayout(&ask);
    auto *kind = new QComboBox(&ask);
    kind->setAccessibleName(tr("Kind"));
    for (const char *key : {"payment", "deposit", "refund", "deposit_return"})
        kind->addItem(paymentKindLabel(QString::fromLatin1(key)), QString::fromLatin1(key));
    auto *amount = moneyBox(&ask, tr("Amount"), m_currency);
    amount->setValue(std::max<qint64>(0, m_details.row.balanceCents) / 100.0);
    connect(kind, &QComboBox::currentIndexChanged, &ask, [this, kind, amount] {
        const QString key = kind->currentData().toString();
        if (key == QLatin1String("deposit"))
            amount->setValue(std::max<qint64>(0, m_details.depositCents - m_details.row.depositHeldCents) / 100.0);
        else if (key == QLatin1String("deposit_return"))
            amount->setValue(m_details.row.depositHeldCents / 100.0);
        else if (key == QLatin1String("refund"))
            amount->setValue(std::max<qint64>(0, -m_details.row.balanceCents) / 100.0);
        else
            amount->setValue(std::max<qint64>(0, m_details.row.balanceCents) / 100.0);
    });
    if (const int preselectedIndex = kind->findData(preselected); preselectedIndex > 0)
        kind->setCurrentIndex(preselectedIndex); // sets the amount too
    auto *method = new QComboBox(&ask);
    method->setAccessibleName(tr("Paid by"));
    method->addItem(tr("Card"), QStringLiteral("card"));
    method->addItem(tr("Cash"), QStringLiteral("cash"));
    method->addItem(tr("Bank transfer"), QStringLiteral("transfer"));
    auto *note = new QLineEdit(&ask);
    note->setAccessibleName(tr("Note"));
    form->addRow(tr("What"), kind);
    form->addRow(tr("Amount"), amount);
    form->addRow(tr("Paid by"), method);
    form->addRow(tr("Note"), note);
    if (!confirmed(ask, form, tr("Record")))
        return;
    const qint64 id = m_bookingId;
    const QString kindKey = kind->currentData().toString();
    const qint64 cents = centsOf(amount);
    const QString methodKey = method->currentData().toString();
    const QString noteText = note->text().trimmed();
    act(tr("%1 of %2 recorded for booking #%3.").arg(paymentKindLabel(kindKey), money(cents)).arg(id),
        [=](Database &db) { return BookingService::addPayment(db, id, kindKey, cents, methodKey, noteText); });
}

void BookingDialog::move()
{
    QDialog ask(this);
    ask.setWindowTitle(tr("Move booking #%1").arg(m_bookingId));
    auto *form = new QFormLayout(&ask);
    auto *pickup = timeEdit(&ask, m_details.row.pickup.toLocalTime(), tr("New pick-up time"));
    auto *returned = timeEdit(&ask, m_details.row.returned.toLocalTime(), tr("New return time"));
    form->addRow(tr("Pick-up"), pickup);
    form->addRow(tr("Return"), returned);
    if (!confirmed(ask, form, tr("Move")))
        return;
    const qint64 id = m_bookingId;
    const qint64 car = m_details.row.carId;
    const QDateTime from = pickup->dateTime();
    const QDateTime to = returned->dateTime();
    act(tr("Booking #%1 moved.").arg(id), [=](Database &db) -> Result<void> {
        const auto moved = BookingService::reschedule(db, id, car, from, to);
        if (!moved)
            return std::unexpected(moved.error());
        return {};
    });
}

void BookingDialog::cancel(bool noShow)
{
    const QString question = noShow ? tr("Record that %1 did not come for booking #%2?")
                                    : tr("Cancel booking #%2 for %1? The car becomes free for that time.");
    if (QMessageBox::question(this, noShow ? tr("No-show") : tr("Cancel booking"),
                              question.arg(m_details.row.customer).arg(m_bookingId)) != QMessageBox::Yes)
        return;
    const qint64 id = m_bookingId;
    act(noShow ? tr("Booking #%1 marked as a no-show.").arg(id) : tr("Booking #%1 cancelled.").arg(id),
        [=](Database &db) { return BookingService::cancel(db, id, noShow); });
}

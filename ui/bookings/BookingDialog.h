#pragma once

#include "services/BookingService.h"
#include "services/RentalDeskService.h"

#include <QDialog>

class DatabaseThread;
class RentalPaperDialog;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTreeWidget;
class QTimer;

// One booking: a new one (car, customer, period, rates, extras, deposit; the car can be changed for
// any car free in that period), or an existing one with its money and the desk's actions on it: pick-up,
// return, payments, move, cancel or no-show. Everything runs on the database thread; refusals show in
// the dialog and change nothing.
class BookingDialog : public QDialog
{
    Q_OBJECT

public:
    // `currency`: the database's ISO 4217 code, in which every amount is (FleetVocabulary::currency).
    BookingDialog(DatabaseThread *database, const QString &currency, QWidget *parent = nullptr);

    // A new booking of `carId` (0: choose one) from `pickup`, for a day.
    void startBooking(qint64 carId, const QDateTime &pickup);
    void showBooking(qint64 id);

    qint64 bookingId() const { return m_bookingId; }
    QString errorText() const;
    // The new-booking form, for tests.
    QLineEdit *customerSearch() const { return m_customerSearch; }
    QListWidget *customerList() const { return m_customers; }
    QListWidget *carList() const { return m_cars; }
    QDateTimeEdit *pickupEdit() const { return m_pickup; }
    QDateTimeEdit *returnEdit() const { return m_return; }
    QPushButton *bookButton() const { return m_book; }
    QLabel *summaryLabel() const { return m_summary; }
    QTreeWidget *quoteLines() const { return m_quoteLines; }

    // The papers of the booking shown, each in a dialog with Print… and Export PDF… (Receipt: the payment chosen
    // in the list). Returns the dialog opened (nothing when no payment is chosen for a receipt).
    enum class Paper { Agreement, Invoice, Receipt };
    RentalPaperDialog *openPaper(Paper paper);

signals:
    void changed();
    void statusMessage(const QString &message);
    // Finished loading or acting (tests wait for it).
    void settled();
    // The quote of a car with a rate card is in (tests wait for it).
    void quoted();

private:
    void buildNewForm();
    void buildDetails();
    void showError(const QString &message);
    void searchCustomers();
    void searchCars();
    // Lists a car with its rates (when known), then `note`; the item holds its id and rates.
    QListWidgetItem *addCar(const CarRow &car, const QString &note, const QHash<qint64, RentalRates> &rates);
    void chooseCar(QListWidgetItem *item);
    QString money(qint64 cents) const;
    void updateQuote();
    // The extras offered as tick boxes (those ticked stay ticked).
    void showExtras(const QList<ExtraOffer> &offers);
    // The quote of a car with a rate card, from the service.
    void quoteFromCard();
    void addQuoteLine(const QString &text, qint64 amountCents);
    RentalRates rates() const;
    QList<RentalExtra> extras() const;
    void book();
    void loadDetails();
    void showDetails(const BookingDetails &details);
    void pickUp();
    // Asks for the readings at pick-up, after the desk's warnings (a required deposit not taken: refused).
    void askPickUp(const DeskWarnings &warnings, const QString &note);
    void takeBack();
    // `preselected`: the kind of payment offered first (deposit, refund…); else a payment of the balance.
    void addPayment(const QString &preselected = {});
    void move();
    void cancel(bool noShow);
    // Runs an action on the database thread, then reloads the booking (or shows the refusal).
    // `afterwards` runs once the action succeeded.
    void act(const QString &done, std::function<Result<void>(Database &)> action,
             std::function<void()> afterwards = {});

    DatabaseThread *m_database = nullptr;
    qint64 m_bookingId = 0;
    qint64 m_carId = 0;
    QString m_currency;
    // A rate the desk typed stays when another car is chosen; an untouched one follows the car.
    bool m_dailyTyped = false;
    bool m_weeklyTyped = false;
    bool m_kmTyped = false; // the desk changed the kilometre terms: sent, else the branch's for a car with a card
    BookingDetails m_details;

    QLabel *m_error = nullptr;
    QStackedWidget *m_pages = nullptr;

    // New booking.
    QLineEdit *m_customerSearch = nullptr;
    QListWidget *m_customers = nullptr;
    QLineEdit *m_carSearch = nullptr;
    QListWidget *m_cars = nullptr;
    QDateTimeEdit *m_pickup = nullptr;
    QDateTimeEdit *m_return = nullptr;
    QDoubleSpinBox *m_daily = nullptr;
    QDoubleSpinBox *m_weekly = nullptr;
    QDoubleSpinBox *m_deposit = nullptr;
    QSpinBox *m_kmPerDay = nullptr;
    QDoubleSpinBox *m_extraKm = nullptr;
    QHBoxLayout *m_extrasRow = nullptr;
    QList<QCheckBox *> m_extraBoxes;
    QCheckBox *m_override = nullptr;
    QDoubleSpinBox *m_deskTotal = nullptr;
    QLineEdit *m_overrideReason = nullptr;
    QTreeWidget *m_quoteLines = nullptr;
    QTimer *m_quoteTimer = nullptr;
    quint64 m_quoteGeneration = 0;
    qint64 m_cardTotalCents = 0;    // the card's quote for the period, before a desk price
    QHash<qint64, RateSet> m_cards; // the rate cards' rates of the cars listed (cars with a class)
    QLineEdit *m_notes = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_book = nullptr;
    QTimer *m_searchTimer = nullptr;
    quint64 m_carListGeneration = 0; // the newest search or booking attempt that fills the car list

    // Existing booking.
    QLabel *m_title = nullptr;
    QFormLayout *m_facts = nullptr;
    QTreeWidget *m_payments = nullptr;
    QPushButton *m_pickUpButton = nullptr;
    QPushButton *m_returnButton = nullptr;
    QPushButton *m_paymentButton = nullptr;
    QPushButton *m_moveButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_noShowButton = nullptr;
    QPushButton *m_agreementButton = nullptr;
    QPushButton *m_invoiceButton = nullptr;
    QPushButton *m_receiptButton = nullptr;
};

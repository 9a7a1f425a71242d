#pragma once

#include "services/BookingService.h"

#include <QDialog>

class DatabaseThread;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
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

signals:
    void changed();
    void statusMessage(const QString &message);
    // Finished loading or acting (tests wait for it).
    void settled();

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
    RentalRates rates() const;
    QList<RentalExtra> extras() const;
    void book();
    void loadDetails();
    void showDetails(const BookingDetails &details);
    void pickUp();
    void takeBack();
    void addPayment();
    void move();
    void cancel(bool noShow);
    // Runs an action on the database thread, then reloads the booking (or shows the refusal).
    void act(const QString &done, std::function<Result<void>(Database &)> action);

    DatabaseThread *m_database = nullptr;
    qint64 m_bookingId = 0;
    qint64 m_carId = 0;
    QString m_currency;
    // A rate the desk typed stays when another car is chosen; an untouched one follows the car.
    bool m_dailyTyped = false;
    bool m_weeklyTyped = false;
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
    QCheckBox *m_childSeat = nullptr;
    QCheckBox *m_insurance = nullptr;
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
};

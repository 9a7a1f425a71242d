#pragma once

#include "domain/CarRow.h"
#include "services/SalesService.h"

#include <QDialog>

class DatabaseThread;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

// Fleet › Sell…: the sale of one car. The date (today by default, never in the future), the price (the list
// price by default), the buyer (optional: a customer found by a search, or added with the customer editor),
// the salesperson (the connected user by default) and a note. SalesService::sell runs on the database
// thread; a refusal is shown as its sentence and the dialog stays open with what was entered.
class SellCarDialog : public QDialog
{
    Q_OBJECT

public:
    // `salesperson`: the default name (the connected user); `currency`: ISO 4217, for the price.
    SellCarDialog(DatabaseThread *database, const CarRow &car, const QString &currency, const QString &salesperson,
                  QWidget *parent = nullptr);

    // The sale as the form holds it now.
    SaleRequest request() const;
    // The sentence shown under the form ("" when none).
    QString messageText() const;
    bool isBusy() const { return m_busy; }

    QDateEdit *dateEdit() const { return m_date; }
    QDoubleSpinBox *priceBox() const { return m_price; }
    QLineEdit *buyerSearch() const { return m_buyerSearch; }
    QListWidget *buyerList() const { return m_buyers; }
    QLineEdit *salespersonEdit() const { return m_salesperson; }
    QLineEdit *noteEdit() const { return m_note; }
    QPushButton *sellButton() const { return m_sell; }

    // The buyer list's first row: no buyer recorded.
    static constexpr qint64 NoBuyer = 0;

public slots:
    void trySell();

signals:
    void sold(const Sale &sale);
    // A customer search came back (tests wait for it).
    void customersListed();

private:
    void searchCustomers();
    void addCustomer();
    void showMessage(const QString &text);

    DatabaseThread *m_database;
    CarRow m_car;
    QDateEdit *m_date;
    QDoubleSpinBox *m_price;
    QLineEdit *m_buyerSearch;
    QListWidget *m_buyers;
    QLineEdit *m_salesperson;
    QLineEdit *m_note;
    QLabel *m_message;
    QPushButton *m_sell;
    qint64 m_chosenBuyer = NoBuyer; // kept across searches
    bool m_busy = false;
};

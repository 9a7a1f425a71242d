#pragma once

#include "domain/CustomerRow.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QStackedWidget;
class QTreeWidget;

// The right-hand panel of the Customers section: the selected customer's fields, balance and bookings.
// A booking opens with Enter or a double-click (bookingActivated).
class CustomerDetailPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CustomerDetailPanel(QWidget *parent = nullptr);

    void showCustomer(const CustomerDetails &customer, const QList<CustomerBooking> &bookings,
                      const CustomerBalance &balance);
    void showMessage(const QString &message); // "Select a customer…", a load error
    qint64 customerId() const { return m_customerId; }
    QTreeWidget *bookingList() const { return m_bookings; }
    QString balanceText() const;

    // A booking's status as people read it: "Reserved", "No-show".

signals:
    void editRequested();
    void bookingActivated(qint64 bookingId);

private:
    qint64 m_customerId = 0;
    QStackedWidget *m_stack;
    QLabel *m_message;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_balance;
    QFormLayout *m_fields;
    QTreeWidget *m_bookings;
};

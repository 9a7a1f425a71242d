#pragma once

#include "domain/BookingDetails.h"
#include "services/RentalDeskService.h"

#include <QDialog>

#include <optional>

class DatabaseThread;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimer;
class QTreeWidget;
class QVBoxLayout;

// The return of an active booking at the desk: the readings (odometer, fuel), the return time, for an early
// return whether the booked total is kept or only the days used are charged, "Cleaning needed", the damage
// lines (text and amount), and the bill line by line as RentalDeskService::previewReturn computes it on the
// database thread shortly after each edit: net, VAT, gross, what was paid, the deposit captured and released,
// and what is left to pay or to refund. "Take back and settle" warns when a balance remains, then settles the
// return (RentalDeskService::settleReturn); a refusal shows in words and keeps everything entered.
class ReturnDialog : public QDialog
{
    Q_OBJECT

public:
    // `currency`: the database's ISO code (every amount is in it). `details`: the active booking.
    ReturnDialog(DatabaseThread *database, const QString &currency, const BookingDetails &details,
                 QWidget *parent = nullptr);

    // What the desk has entered, as the service takes it.
    ReturnEntry entry() const;
    // The bill last computed for the entry (nothing while none is in, or when the entry is refused).
    const std::optional<SettlementBill> &bill() const { return m_bill; }
    // The settled return once "Take back and settle" succeeded.
    const std::optional<SettledReturn> &settledReturn() const { return m_settled; }
    QString errorText() const;
    // Adds a damage line (the text box focused), for the desk's "Add damage" and for tests.
    void addDamage(const QString &text = {}, qint64 cents = 0);
    int damageCount() const;
    // Whether "Take back and settle" asks before it settles a bill that leaves a balance (tests turn it off
    // after checking the question).
    void setAskBeforeSettlingABalance(bool ask) { m_askAboutBalance = ask; }
    // The sentence the desk is asked to confirm before settling, or empty when nothing is left to pay.
    QString balanceWarning() const;

    QDateTimeEdit *returnedAtEdit() const { return m_at; }
    QSpinBox *mileageBox() const { return m_mileage; }
    QSpinBox *fuelBox() const { return m_fuel; }
    QComboBox *earlyReturnBox() const { return m_early; }
    QCheckBox *cleaningBox() const { return m_cleaning; }
    QTreeWidget *billView() const { return m_lines; }
    QPushButton *settleButton() const { return m_settle; }

signals:
    // A bill (or a refusal) is in for the entry as it is now (tests wait for it).
    void previewed();
    // The return is settled and written: the booking is completed and its invoice issued.
    void returned(const SettledReturn &settled);
    // A settle attempt was refused; the dialog stays open with everything entered.
    void refused(const QString &message);

private:
    struct DamageRow
    {
        QWidget *row = nullptr;
        QLineEdit *text = nullptr;
        QDoubleSpinBox *amount = nullptr;
    };

    QWidget *buildEntry();
    QWidget *buildBill();
    void schedulePreview();
    void preview();
    void showBill(const SettlementBill &bill);
    void showRefusal(const QString &message);
    void removeDamage(QWidget *row);
    void settle();
    void setBusy(bool busy);
    QString money(qint64 cents, bool alwaysCents = true) const;

    DatabaseThread *m_database = nullptr;
    QString m_currency;
    BookingDetails m_details;
    std::optional<SettlementBill> m_bill;
    std::optional<SettledReturn> m_settled;
    quint64 m_generation = 0; // the newest preview asked for; older answers are dropped
    bool m_previewing = false;
    bool m_settling = false;
    bool m_earlyTouched = false; // the desk chose the early-return rule: sent; else the branch's setting
    bool m_askAboutBalance = true;

    QLabel *m_error = nullptr;
    QDateTimeEdit *m_at = nullptr;
    QSpinBox *m_mileage = nullptr;
    QLabel *m_driven = nullptr;
    QSpinBox *m_fuel = nullptr;
    QLabel *m_fuelNote = nullptr;
    QLabel *m_earlyLabel = nullptr;
    QComboBox *m_early = nullptr;
    QCheckBox *m_cleaning = nullptr;
    QVBoxLayout *m_damageLayout = nullptr;
    QList<DamageRow> m_damages;
    QPushButton *m_addDamage = nullptr;
    QLineEdit *m_notes = nullptr;

    QLabel *m_days = nullptr;
    QTreeWidget *m_lines = nullptr;
    // The totals under the lines: a caption and an amount each, hidden when they do not apply.
    enum Total { Net, Tax, Gross, Paid, DepositHeld, DepositCaptured, DepositReleased, Due, TotalCount };
    QLabel *m_totalCaptions[TotalCount] = {};
    QLabel *m_totalAmounts[TotalCount] = {};
    QLabel *m_status = nullptr;
    QLabel *m_warning = nullptr;
    QPushButton *m_settle = nullptr;
    QTimer *m_previewTimer = nullptr;
};

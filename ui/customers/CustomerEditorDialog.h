#pragma once

#include "ui/common/IssueStyle.h"

#include "Error.h"
#include "domain/CustomerRow.h"
#include "domain/CustomerValidator.h"

#include <QDialog>
#include <QMap>
#include <QPointer>

class DatabaseThread;
class QLabel;
class QPushButton;

// The customer editor, for a new customer and for an existing one. Every change is checked with
// CustomerValidator and the findings show under the fields; Save stays disabled while there are errors.
// A new customer with the email or licence number of another is not stored until the clerk says so
// ("Save anyway"), or opens the other one instead. An edit is saved against the version it was opened
// at; a conflict with someone else's save offers to reload theirs or overwrite it.
class CustomerEditorDialog : public QDialog
{
    Q_OBJECT

public:
    // A new customer.
    explicit CustomerEditorDialog(DatabaseThread *database, QWidget *parent = nullptr);
    // Edits customer `id`; the form waits for its details.
    CustomerEditorDialog(DatabaseThread *database, qint64 id, QWidget *parent = nullptr);

    bool isNewCustomer() const { return m_customerId == 0; }
    qint64 customerId() const { return m_customerId; }

    CustomerInput input() const;
    void setInput(const CustomerInput &input); // fills the form and shows every finding
    const CustomerValidation &validation() const { return m_validation; }
    bool isModified() const;
    bool isBusy() const { return m_busy; }
    bool isLoaded() const { return m_loaded; }
    // The text in the message area at the top ("" when it is hidden).
    QString messageText() const;
    // The message shown under a field ("" when none).
    QString fieldMessage(CustomerField field) const;

    // The texts the editor shows for `customer`; validating them gives back the customer's record.
    static CustomerInput inputFrom(const CustomerDetails &customer);
    // "A customer with this email already exists: Anna Berg (#12)."
    static QString duplicateText(const CustomerMatch &match);

    void reject() override; // asks before discarding changes
    void done(int result) override;

signals:
    void saved(const CustomerDetails &customer);
    // The clerk chose to open the existing customer instead of adding a duplicate.
    void openCustomerRequested(qint64 id);

private:
    using FieldWidgets = IssueStyle::FieldWidgets;

    void buildForm();
    void fill(const CustomerInput &input);
    void fieldEdited(CustomerField field);
    void revalidate();
    void showFieldIssues(CustomerField field, const QList<CustomerIssue> &issues);
    void growToFit();
    void updateSummary();
    void trySave();
    void save(bool storeDuplicate, bool overwrite);
    void saveFinished(const Result<CustomerDetails> &result);
    void showDuplicates(const QList<CustomerMatch> &matches);
    void showConflict(const Error &error);
    void reload();
    void setDetails(const CustomerDetails &customer);
    void setBusy(bool busy, const QString &status = {});
    void showMessage(const QString &text, bool isError);
    void hideMessage();

    DatabaseThread *m_database;
    qint64 m_customerId = 0;
    CustomerDetails m_original;
    CustomerInput m_baseline; // the form as loaded: isModified() compares against it
    CustomerValidation m_validation;
    QList<CustomerField> m_touched; // fields whose errors are shown; those of the others are only summed up
    bool m_showAll = false;         // every error is shown (after Save was tried, or for a loaded customer)
    bool m_filling = false;
    bool m_busy = false;
    bool m_loaded = true; // false while an existing customer is being fetched, or could not be
    QPointer<QWidget> m_focusBeforeBusy;

    QMap<CustomerField, FieldWidgets> m_fields;
    QWidget *m_form = nullptr;
    QWidget *m_messageArea = nullptr;
    QLabel *m_messageIcon = nullptr;
    QLabel *m_messageText = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_save = nullptr;
};

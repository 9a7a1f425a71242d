#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QLocale>
#include <QString>

// The fields of a customer, in the editor's order.
enum class CustomerField {
    FullName,
    Email,
    Phone,
    Address,
    DateOfBirth,
    LicenceNumber,
    LicenceExpiry,
    Notes,
};

// A customer as typed into the editor: raw text, nothing checked yet.
struct CustomerInput
{
    QString fullName;
    QString email;
    QString phone;
    QString address;
    QString dateOfBirth;
    QString licenceNumber;
    QString licenceExpiry;
    QString notes;

    QString value(CustomerField field) const;
    void setValue(CustomerField field, const QString &value);
    bool operator==(const CustomerInput &other) const = default;
};

// A customer after validation, normalised for the database. Meaningful only without errors.
struct CustomerRecord
{
    QString fullName;      // trimmed, inner white space collapsed
    QString email;         // trimmed; empty: none
    QString phone;         // inner white space collapsed; empty: none
    QString address;       // trimmed, line breaks kept
    QDate dateOfBirth;     // null: not given
    QString licenceNumber; // upper case, without spaces; empty: none
    QDate licenceExpiry;   // null: not given (only when there is no licence number)
    QString notes;         // trimmed

    bool operator==(const CustomerRecord &other) const = default;
};

// One finding, a sentence that names the field, the value and what to do.
struct CustomerIssue
{
    enum class Severity {
        Error,   // the customer cannot be saved
        Warning, // the customer can be saved; the desk should know
    };

    CustomerField field = CustomerField::FullName;
    Severity severity = Severity::Error;
    QString message;

    bool operator==(const CustomerIssue &other) const = default;
};

struct CustomerValidation
{
    CustomerRecord record;
    QList<CustomerIssue> issues; // in the order of the fields

    bool isValid() const; // no errors (warnings allowed)
    QList<CustomerIssue> errors() const;
    QList<CustomerIssue> warnings() const;
    QList<CustomerIssue> issuesFor(CustomerField field) const;
};

// The one set of rules for a customer, used by the editor (to show the findings) and by CustomerService
// (to refuse what the editor would refuse). Pure; never throws on bad input.
//
// - Name required. Email optional, shaped local@domain.tld. Phone optional: digits, spaces, +, - and
//   parentheses only, a + only first, 6 to 20 digits.
// - Date of birth optional; not in the future, not before 1900, age at least 18 (under 21 is a warning:
//   many rental terms ask for more).
// - Licence number optional: letters, digits and dashes, 4 to 24 of them (spaces are dropped). When it
//   is given the expiry is required; an expired licence is a warning (stored, but no pick-up). An expiry
//   without a number is an error.
class CustomerValidator
{
    Q_DECLARE_TR_FUNCTIONS(CustomerValidator)

public:
    static constexpr int AdultAge = 18;
    static constexpr int RenterWarningAge = 21;

    // `today` null: the current date.
    static CustomerValidation validate(const CustomerInput &input, const QDate &today = {});

    static QList<CustomerField> fields();
    // The field's translated name: "Date of birth".
    static QString fieldLabel(CustomerField field);
    // A stable name for object names and settings: "date_of_birth".
    static QString fieldKey(CustomerField field);
    // Whole years from `birth` to `on`.
    static int age(const QDate &birth, const QDate &on);
    // A phone number of `locale`'s country as the rules above take it ("+49 1512 3456789" in Germany),
    // for the editor's placeholder and the messages.
    static QString phoneExample(const QLocale &locale = QLocale());
};

#include "CustomerValidator.h"

#include "CarValidator.h"
#include "PhoneExample.h"

#include <QRegularExpression>

#include <algorithm>

namespace {

constexpr qsizetype kShownLength = 40;
constexpr int kFirstYear = 1900;
constexpr int kOldestAge = 120;
constexpr int kFewestPhoneDigits = 6;
constexpr int kMostPhoneDigits = 20;

// The value as typed, on one line and cut to a readable length.
QString shown(const QString &text)
{
    QString result = text.simplified();
    if (result.size() > kShownLength) {
        result.truncate(kShownLength - 1);
        if (result.back().isHighSurrogate())
            result.chop(1);
        result.append(QChar(u'\u2026'));
    }
    return result;
}

bool isEmail(const QString &email)
{
    // The database's CHECK (one @, a dot in the domain, no white space), plus what makes a domain:
    // labels of letters, digits and dashes, and a top-level domain of two letters or more.
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(
        QStringLiteral("[^@\\s]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,}")));
    return pattern.match(email).hasMatch() && !email.contains(QLatin1String(".."));
}

} // namespace

QString CustomerInput::value(CustomerField field) const
{
    switch (field) {
    case CustomerField::FullName:
        return fullName;
    case CustomerField::Email:
        return email;
    case CustomerField::Phone:
        return phone;
    case CustomerField::Address:
        return address;
    case CustomerField::DateOfBirth:
        return dateOfBirth;
    case CustomerField::LicenceNumber:
        return licenceNumber;
    case CustomerField::LicenceExpiry:
        return licenceExpiry;
    case CustomerField::Notes:
        return notes;
    }
    return {};
}

void CustomerInput::setValue(CustomerField field, const QString &value)
{
    switch (field) {
    case CustomerField::FullName:
        fullName = value;
        return;
    case CustomerField::Email:
        email = value;
        return;
    case CustomerField::Phone:
        phone = value;
        return;
    case CustomerField::Address:
        address = value;
        return;
    case CustomerField::DateOfBirth:
        dateOfBirth = value;
        return;
    case CustomerField::LicenceNumber:
        licenceNumber = value;
        return;
    case CustomerField::LicenceExpiry:
        licenceExpiry = value;
        return;
    case CustomerField::Notes:
        notes = value;
        return;
    }
}

bool CustomerValidation::isValid() const
{
    return errors().isEmpty();
}

QList<CustomerIssue> CustomerValidation::errors() const
{
    QList<CustomerIssue> result;
    std::copy_if(issues.begin(), issues.end(), std::back_inserter(result),
                 [](const CustomerIssue &issue) { return issue.severity == CustomerIssue::Severity::Error; });
    return result;
}

QList<CustomerIssue> CustomerValidation::warnings() const
{
    QList<CustomerIssue> result;
    std::copy_if(issues.begin(), issues.end(), std::back_inserter(result),
                 [](const CustomerIssue &issue) { return issue.severity == CustomerIssue::Severity::Warning; });
    return result;
}

QList<CustomerIssue> CustomerValidation::issuesFor(CustomerField field) const
{
    QList<CustomerIssue> result;
    std::copy_if(issues.begin(), issues.end(), std::back_inserter(result),
                 [field](const CustomerIssue &issue) { return issue.field == field; });
    return result;
}

QList<CustomerField> CustomerValidator::fields()
{
    return {CustomerField::FullName,      CustomerField::Email,       CustomerField::Phone,
            CustomerField::Address,       CustomerField::DateOfBirth, CustomerField::LicenceNumber,
            CustomerField::LicenceExpiry, CustomerField::Notes};
}

QString CustomerValidator::fieldLabel(CustomerField field)
{
    switch (field) {
    case CustomerField::FullName:
        return tr("Name");
    case CustomerField::Email:
        return tr("Email");
    case CustomerField::Phone:
        return tr("Phone");
    case CustomerField::Address:
        return tr("Address");
    case CustomerField::DateOfBirth:
        return tr("Date of birth");
    case CustomerField::LicenceNumber:
        return tr("Licence number");
    case CustomerField::LicenceExpiry:
        return tr("Licence expiry");
    case CustomerField::Notes:
        return tr("Notes");
    }
    return {};
}

QString CustomerValidator::fieldKey(CustomerField field)
{
    switch (field) {
    case CustomerField::FullName:
        return QStringLiteral("full_name");
    case CustomerField::Email:
        return QStringLiteral("email");
    case CustomerField::Phone:
        return QStringLiteral("phone");
    case CustomerField::Address:
        return QStringLiteral("address");
    case CustomerField::DateOfBirth:
        return QStringLiteral("date_of_birth");
    case CustomerField::LicenceNumber:
        return QStringLiteral("licence_number");
    case CustomerField::LicenceExpiry:
        return QStringLiteral("licence_expiry");
    case CustomerField::Notes:
        return QStringLiteral("notes");
    }
    return {};
}

QString CustomerValidator::phoneExample(const QLocale &locale)
{
    const QString example = PhoneExample::of(locale.territory());
    return example.isEmpty() ? QStringLiteral("+44 20 7946 0958") : example; // a locale without a country: "C"
}

int CustomerValidator::age(const QDate &birth, const QDate &on)
{
    int years = on.year() - birth.year();
    if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day()))
        --years;
    return years;
}

CustomerValidation CustomerValidator::validate(const CustomerInput &input, const QDate &todayOrNull)
{
    const QDate today = todayOrNull.isValid() ? todayOrNull : QDate::currentDate();
    CustomerValidation result;
    CustomerRecord &record = result.record;
    const auto error = [&](CustomerField field, const QString &message) {
        result.issues.append(CustomerIssue{field, CustomerIssue::Severity::Error, message});
    };
    const auto warning = [&](CustomerField field, const QString &message) {
        result.issues.append(CustomerIssue{field, CustomerIssue::Severity::Warning, message});
    };
    // A date from the formats the car editor takes too; null (with an error) when it is not one.
    const auto date = [&](CustomerField field, const QString &text) -> QDate {
        if (text.trimmed().isEmpty())
            return {};
        const QDate parsed = CarValidator::parseDate(text);
        if (!parsed.isValid()) {
            error(field, tr("%1 \"%2\" is not a valid date. Write it as 1985-03-31, 31.03.1985 or 31/03/1985.")
                             .arg(fieldLabel(field), shown(text)));
            return {};
        }
        if (parsed.year() < kFirstYear) {
            error(field, tr("%1 \"%2\" is before 1900. Check the year.").arg(fieldLabel(field), shown(text)));
            return {};
        }
        return parsed;
    };

    record.fullName = input.fullName.simplified();
    if (record.fullName.isEmpty())
        error(CustomerField::FullName,
              tr("The name is missing. Enter the customer's full name, for example Anna Berg."));

    record.email = input.email.trimmed();
    if (!record.email.isEmpty() && !isEmail(record.email))
        error(CustomerField::Email, tr("Email \"%1\" is not an email address. Write it like anna.berg@example.com, "
                                       "or leave it empty.")
                                        .arg(shown(input.email)));

    record.phone = input.phone.simplified();
    if (!record.phone.isEmpty()) {
        static const QRegularExpression allowed(QRegularExpression::anchoredPattern(QStringLiteral("\\+?[0-9 ()-]+")));
        const auto digits = std::count_if(record.phone.begin(), record.phone.end(), [](QChar character) {
            return character >= QLatin1Char('0') && character <= QLatin1Char('9');
        });
        if (!allowed.match(record.phone).hasMatch())
            error(CustomerField::Phone, tr("Phone \"%1\" has characters a phone number does not have. Use digits, "
                                           "spaces, dashes, parentheses and a leading +, like %2.")
                                            .arg(shown(input.phone), phoneExample()));
        else if (digits < kFewestPhoneDigits || digits > kMostPhoneDigits)
            error(CustomerField::Phone, tr("Phone \"%1\" has %2 digits; a phone number has %3 to %4. Check the number.")
                                            .arg(shown(input.phone))
                                            .arg(digits)
                                            .arg(kFewestPhoneDigits)
                                            .arg(kMostPhoneDigits));
    }

    record.address = input.address.trimmed();

    record.dateOfBirth = date(CustomerField::DateOfBirth, input.dateOfBirth);
    if (record.dateOfBirth.isValid()) {
        const int years = age(record.dateOfBirth, today);
        const QString text = shown(input.dateOfBirth);
        if (record.dateOfBirth > today) {
            error(CustomerField::DateOfBirth, tr("Date of birth \"%1\" is in the future. Check the date.").arg(text));
            record.dateOfBirth = {};
        } else if (years < AdultAge) {
            error(CustomerField::DateOfBirth,
                  tr("Date of birth \"%1\" makes the customer %2; customers must be at least %3. Check the date.")
                      .arg(text)
                      .arg(years)
                      .arg(AdultAge));
            record.dateOfBirth = {};
        } else if (years > kOldestAge) {
            error(CustomerField::DateOfBirth,
                  tr("Date of birth \"%1\" makes the customer %2. Check the year.").arg(text).arg(years));
            record.dateOfBirth = {};
        } else if (years < RenterWarningAge) {
            warning(CustomerField::DateOfBirth,
                    tr("The customer is %1, under %2: check that the rental terms allow a renter this young.")
                        .arg(years)
                        .arg(RenterWarningAge));
        }
    }

    QString licence = input.licenceNumber.toUpper();
    licence.remove(QRegularExpression(QStringLiteral("\\s")));
    if (!licence.isEmpty()) {
        static const QRegularExpression pattern(
            QRegularExpression::anchoredPattern(QStringLiteral("[A-Z0-9][A-Z0-9-]{2,22}[A-Z0-9]")));
        if (pattern.match(licence).hasMatch())
            record.licenceNumber = licence;
        else
            error(CustomerField::LicenceNumber,
                  tr("Licence number \"%1\" is not valid. Enter the number as printed on the licence: 4 to 24 "
                     "letters and digits, dashes allowed between them.")
                      .arg(shown(input.licenceNumber)));
    }

    const bool expiryGiven = !input.licenceExpiry.trimmed().isEmpty();
    record.licenceExpiry = date(CustomerField::LicenceExpiry, input.licenceExpiry);
    if (!licence.isEmpty() && !expiryGiven) {
        error(CustomerField::LicenceExpiry,
              tr("The licence expiry is missing. Enter the expiry date printed on the licence."));
    } else if (licence.isEmpty() && expiryGiven) {
        error(CustomerField::LicenceExpiry,
              tr("A licence expiry is given without a licence number. Enter the licence number too, or clear the "
                 "expiry."));
    } else if (record.licenceExpiry.isValid() && record.licenceExpiry < today) {
        warning(CustomerField::LicenceExpiry,
                tr("The licence expired on %1. The customer can be saved, but cannot pick up a car until the licence "
                   "is renewed.")
                    .arg(QLocale().toString(record.licenceExpiry, QLocale::ShortFormat)));
    }

    record.notes = input.notes.trimmed();

    std::stable_sort(result.issues.begin(), result.issues.end(),
                     [](const CustomerIssue &a, const CustomerIssue &b) { return a.field < b.field; });
    return result;
}

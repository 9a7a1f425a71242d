#include "domain/CustomerValidator.h"

#include <QTest>

Q_DECLARE_METATYPE(CustomerField)
Q_DECLARE_METATYPE(CustomerIssue::Severity)

namespace {

const QDate kToday(2025, 6, 1);

// A customer that passes without any finding.
CustomerInput validInput()
{
    CustomerInput input;
    input.fullName = QStringLiteral("  Anna   Berg ");
    input.email = QStringLiteral(" Anna.Berg@Example.com ");
    input.phone = QStringLiteral("+49 (30)  1234-5678");
    input.address = QStringLiteral(" Hauptstr. 1\n10115 Berlin \n");
    input.dateOfBirth = QStringLiteral("31.03.1985");
    input.licenceNumber = QStringLiteral("b072 rre2i55");
    input.licenceExpiry = QStringLiteral("2031-01-31");
    input.notes = QStringLiteral(" Prefers automatics.\n");
    return input;
}

CustomerValidation validateWith(CustomerField field, const QString &value)
{
    CustomerInput input = validInput();
    input.setValue(field, value);
    return CustomerValidator::validate(input, kToday);
}

QString describe(const CustomerValidation &validation)
{
    QStringList lines;
    for (const CustomerIssue &issue : validation.issues)
        lines << CustomerValidator::fieldKey(issue.field) + QStringLiteral(": ") + issue.message;
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestCustomerValidator : public QObject
{
    Q_OBJECT

private slots:
    void acceptsAndNormalisesAValidCustomer()
    {
        const CustomerValidation validation = CustomerValidator::validate(validInput(), kToday);
        QVERIFY2(validation.issues.isEmpty(), qPrintable(describe(validation)));
        const CustomerRecord &record = validation.record;
        QCOMPARE(record.fullName, QStringLiteral("Anna Berg"));
        QCOMPARE(record.email, QStringLiteral("Anna.Berg@Example.com"));
        QCOMPARE(record.phone, QStringLiteral("+49 (30) 1234-5678"));
        QCOMPARE(record.address, QStringLiteral("Hauptstr. 1\n10115 Berlin"));
        QCOMPARE(record.dateOfBirth, QDate(1985, 3, 31));
        QCOMPARE(record.licenceNumber, QStringLiteral("B072RRE2I55"));
        QCOMPARE(record.licenceExpiry, QDate(2031, 1, 31));
        QCOMPARE(record.notes, QStringLiteral("Prefers automatics."));
    }

    void onlyTheNameIsRequired()
    {
        CustomerInput input;
        input.fullName = QStringLiteral("Ben Okafor");
        const CustomerValidation validation = CustomerValidator::validate(input, kToday);
        QVERIFY2(validation.issues.isEmpty(), qPrintable(describe(validation)));
        QVERIFY(!validation.record.dateOfBirth.isValid());
        QVERIFY(!validation.record.licenceExpiry.isValid());
    }

    void findings_data()
    {
        QTest::addColumn<CustomerField>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<CustomerField>("issueField");
        QTest::addColumn<CustomerIssue::Severity>("severity");
        QTest::addColumn<QString>("fragment"); // a part of the message

        const auto error = CustomerIssue::Severity::Error;
        const auto warning = CustomerIssue::Severity::Warning;
        QTest::newRow("no name") << CustomerField::FullName << QStringLiteral("   ") << CustomerField::FullName << error
                                 << QStringLiteral("name is missing");
        QTest::newRow("email without @") << CustomerField::Email << QStringLiteral("anna.example.com")
                                         << CustomerField::Email << error << QStringLiteral("anna.berg@example.com");
        QTest::newRow("email without domain dot")
            << CustomerField::Email << QStringLiteral("anna@example") << CustomerField::Email << error
            << QStringLiteral("\"anna@example\" is not an email address");
        QTest::newRow("email with space") << CustomerField::Email << QStringLiteral("anna berg@example.com")
                                          << CustomerField::Email << error << QStringLiteral("not an email");
        QTest::newRow("email with two @") << CustomerField::Email << QStringLiteral("a@b@example.com")
                                          << CustomerField::Email << error << QStringLiteral("not an email");
        QTest::newRow("email with double dot") << CustomerField::Email << QStringLiteral("anna@example..com")
                                               << CustomerField::Email << error << QStringLiteral("not an email");
        QTest::newRow("phone with letters") << CustomerField::Phone << QStringLiteral("0171 CALL ME")
                                            << CustomerField::Phone << error << QStringLiteral("digits, spaces");
        QTest::newRow("phone with inner plus") << CustomerField::Phone << QStringLiteral("0171+234567")
                                               << CustomerField::Phone << error << QStringLiteral("leading +");
        QTest::newRow("phone too short") << CustomerField::Phone << QStringLiteral("12 34") << CustomerField::Phone
                                         << error << QStringLiteral("has 4 digits");
        QTest::newRow("phone too long") << CustomerField::Phone << QStringLiteral("+1 234 567 890 123 456 789 01")
                                        << CustomerField::Phone << error << QStringLiteral("has 21 digits");
        QTest::newRow("birth not a date") << CustomerField::DateOfBirth << QStringLiteral("31.02.1985")
                                          << CustomerField::DateOfBirth << error << QStringLiteral("not a valid date");
        QTest::newRow("birth in the future") << CustomerField::DateOfBirth << QStringLiteral("2025-06-02")
                                             << CustomerField::DateOfBirth << error << QStringLiteral("in the future");
        QTest::newRow("under 18") << CustomerField::DateOfBirth << QStringLiteral("2007-06-02")
                                  << CustomerField::DateOfBirth << error << QStringLiteral("makes the customer 17");
        QTest::newRow("under 21 warns") << CustomerField::DateOfBirth << QStringLiteral("2005-01-01")
                                        << CustomerField::DateOfBirth << warning << QStringLiteral("is 20, under 21");
        QTest::newRow("before 1900") << CustomerField::DateOfBirth << QStringLiteral("1899-12-31")
                                     << CustomerField::DateOfBirth << error << QStringLiteral("before 1900");
        QTest::newRow("licence with symbols") << CustomerField::LicenceNumber << QStringLiteral("B07#2RR")
                                              << CustomerField::LicenceNumber << error << QStringLiteral("not valid");
        QTest::newRow("licence too short") << CustomerField::LicenceNumber << QStringLiteral("B07")
                                           << CustomerField::LicenceNumber << error << QStringLiteral("4 to 24");
        QTest::newRow("licence without expiry")
            << CustomerField::LicenceExpiry << QString() << CustomerField::LicenceExpiry << error
            << QStringLiteral("expiry is missing");
        QTest::newRow("expiry without licence")
            << CustomerField::LicenceNumber << QString() << CustomerField::LicenceExpiry << error
            << QStringLiteral("without a licence number");
        QTest::newRow("expired licence warns")
            << CustomerField::LicenceExpiry << QStringLiteral("2025-05-31") << CustomerField::LicenceExpiry << warning
            << QStringLiteral("cannot pick up a car");
        QTest::newRow("expiry not a date")
            << CustomerField::LicenceExpiry << QStringLiteral("soon") << CustomerField::LicenceExpiry << error
            << QStringLiteral("\"soon\" is not a valid date");
    }

    void findings()
    {
        QFETCH(CustomerField, field);
        QFETCH(QString, value);
        QFETCH(CustomerField, issueField);
        QFETCH(CustomerIssue::Severity, severity);
        QFETCH(QString, fragment);

        const CustomerValidation validation = validateWith(field, value);
        QCOMPARE(validation.issues.size(), 1);
        const CustomerIssue &issue = validation.issues.constFirst();
        QCOMPARE(issue.field, issueField);
        QCOMPARE(issue.severity, severity);
        QVERIFY2(issue.message.contains(fragment), qPrintable(issue.message));
        QCOMPARE(validation.isValid(), severity == CustomerIssue::Severity::Warning);
    }

    void ageCountsWholeYears()
    {
        QCOMPARE(CustomerValidator::age(QDate(2007, 6, 1), kToday), 18);
        QCOMPARE(CustomerValidator::age(QDate(2007, 6, 2), kToday), 17);
        QCOMPARE(CustomerValidator::age(QDate(2004, 2, 29), QDate(2025, 2, 28)), 20);
        // Exactly 18 today is allowed, and gets the under-21 warning.
        const CustomerValidation validation = validateWith(CustomerField::DateOfBirth, QStringLiteral("2007-06-01"));
        QVERIFY(validation.isValid());
        QCOMPARE(validation.warnings().size(), 1);
    }

    void issuesFollowTheFieldOrder()
    {
        CustomerInput input;
        input.licenceExpiry = QStringLiteral("2020-01-01");
        input.email = QStringLiteral("nope");
        const CustomerValidation validation = CustomerValidator::validate(input, kToday);
        QList<CustomerField> fields;
        for (const CustomerIssue &issue : validation.issues)
            fields << issue.field;
        QCOMPARE(fields,
                 (QList<CustomerField>{CustomerField::FullName, CustomerField::Email, CustomerField::LicenceExpiry}));
        QCOMPARE(validation.issuesFor(CustomerField::Email).size(), 1);
        QCOMPARE(validation.errors().size(), 3);
    }

    void longValuesAreCutInMessages()
    {
        const QString junk(500, QLatin1Char('x'));
        const CustomerValidation validation = validateWith(CustomerField::Email, junk);
        QCOMPARE(validation.issues.size(), 1);
        QVERIFY(validation.issues.constFirst().message.size() < 200);
    }

    // Every country's sample phone number is one the rules take, and carries the country's calling code;
    // a locale without a country still gets a sample.
    void phoneExamplesFollowTheLocaleAndPassTheRules()
    {
        QCOMPARE(CustomerValidator::phoneExample(QLocale(QLocale::German, QLocale::Germany)).left(4),
                 QStringLiteral("+49 "));
        QCOMPARE(CustomerValidator::phoneExample(QLocale(QLocale::German, QLocale::Switzerland)).left(4),
                 QStringLiteral("+41 "));
        QCOMPARE(CustomerValidator::phoneExample(QLocale(QLocale::English, QLocale::UnitedStates)).left(3),
                 QStringLiteral("+1 "));
        QCOMPARE(CustomerValidator::phoneExample(QLocale(QLocale::Japanese, QLocale::Japan)).left(4),
                 QStringLiteral("+81 "));
        QCOMPARE(CustomerValidator::phoneExample(QLocale(QLocale::Portuguese, QLocale::Brazil)).left(4),
                 QStringLiteral("+55 "));
        QVERIFY(!CustomerValidator::phoneExample(QLocale::c()).isEmpty());
        int territories = 0;
        for (int value = 1; value <= int(QLocale::LastTerritory); ++value) {
            const auto territory = QLocale::Territory(value);
            const QLocale locale(QLocale::AnyLanguage, territory);
            CustomerInput input = validInput();
            input.phone = CustomerValidator::phoneExample(locale);
            QVERIFY2(input.phone.startsWith(QLatin1Char('+')), qPrintable(QLocale::territoryToString(territory)));
            const auto validation = CustomerValidator::validate(input, kToday);
            QVERIFY2(validation.issuesFor(CustomerField::Phone).isEmpty(),
                     qPrintable(QLocale::territoryToString(territory) + QStringLiteral(": ") + input.phone));
            QCOMPARE(validation.record.phone, input.phone); // already in the stored form
            ++territories;
        }
        QVERIFY(territories > 200);
    }

    // A phone with letters is refused with a sample of the desk's country.
    void phoneMessageShowsTheLocalesSample()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        CustomerInput input = validInput();
        input.phone = QStringLiteral("06 CALL ME");
        const auto issues = CustomerValidator::validate(input, kToday).issuesFor(CustomerField::Phone);
        QLocale::setDefault(before);
        QCOMPARE(issues.size(), 1);
        QVERIFY2(issues.first().message.contains(QStringLiteral("like +33 ")), qPrintable(issues.first().message));
    }
};

QTEST_GUILESS_MAIN(TestCustomerValidator)
#include "tst_customervalidator.moc"

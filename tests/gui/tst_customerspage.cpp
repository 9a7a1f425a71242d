#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "models/CustomerTableModel.h"
#include "services/BookingService.h"
#include "services/CustomerService.h"
#include "ui/customers/CustomerDetailPanel.h"
#include "ui/customers/CustomerEditorDialog.h"
#include "ui/customers/CustomersPage.h"

#include <QApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

namespace {

// Types into the editor's field as a clerk would.
void type(CustomerEditorDialog *editor, CustomerField field, const QString &text)
{
    auto *edit = editor->findChild<QLineEdit *>(CustomerValidator::fieldKey(field));
    QVERIFY(edit);
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
}

QPushButton *saveButton(CustomerEditorDialog *editor)
{
    for (QPushButton *button : editor->findChildren<QPushButton *>()) {
        if (button->text() == QStringLiteral("&Save"))
            return button;
    }
    return nullptr;
}

// The editor the page opened last (by Ctrl+N, Enter or a duplicate's "Open").
CustomerEditorDialog *openEditor(CustomersPage *page)
{
    CustomerEditorDialog *found = nullptr;
    for (CustomerEditorDialog *editor : page->findChildren<CustomerEditorDialog *>()) {
        if (editor->isVisible())
            found = editor;
    }
    return found;
}

} // namespace

class TestCustomersPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<CustomersPage> openPage()
    {
        auto page = std::make_unique<CustomersPage>(SectionContext{m_thread.get()});
        page->resize(1300, 760);
        page->show();
        page->activateWindow();
        page->activate(loadSession(*m_thread));
        return page;
    }

private slots:
    void initTestCase()
    {
        useTestSettings(QStringLiteral("tst_customerspage"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        const QString error = openDemoDatabase(m_db, m_thread, QStringLiteral("customerspage"), 10);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Starts with no customers: the demo's go.
        const QString cleared = *runJob(*m_thread, [](Database &db) {
            return Result<QString>(
                execute(db, "TRUNCATE booking_payments, bookings, customers RESTART IDENTITY CASCADE"));
        });
        QVERIFY2(cleared.isEmpty(), qPrintable(cleared));
    }

    void cleanupTestCase()
    {
        m_thread.reset();
        m_db.reset();
    }

    // No customers: the empty state says how to add one; Ctrl+N opens the editor, which refuses bad
    // input field by field, and the saved customer shows in the table and the detail panel.
    void addsTheFirstCustomer()
    {
        auto page = openPage();
        QVERIFY(QTest::qWaitForWindowActive(page.get()));
        QTRY_VERIFY_WITH_TIMEOUT(page->emptyText().contains(QStringLiteral("No customers yet")), 10000);
        saveScreenshot(page.get(), QStringLiteral("customers-empty"));

        page->table()->setFocus();
        QTest::keyClick(page->table(), Qt::Key_N, Qt::ControlModifier);
        CustomerEditorDialog *editor = openEditor(page.get());
        QVERIFY(editor);
        QVERIFY(editor->isNewCustomer());
        QVERIFY(!saveButton(editor)->isEnabled()); // the name is missing

        type(editor, CustomerField::FullName, QStringLiteral("Anna Berg"));
        type(editor, CustomerField::Email, QStringLiteral("anna.berg@example"));
        type(editor, CustomerField::Phone, QStringLiteral("12 34"));
        type(editor, CustomerField::DateOfBirth, QDate::currentDate().addYears(-17).toString(Qt::ISODate));
        type(editor, CustomerField::LicenceNumber, QStringLiteral("B072RRE2I55"));
        QVERIFY2(editor->fieldMessage(CustomerField::Email).contains(QStringLiteral("is not an email address")),
                 qPrintable(editor->fieldMessage(CustomerField::Email)));
        QVERIFY(editor->fieldMessage(CustomerField::Phone).contains(QStringLiteral("has 4 digits")));
        QVERIFY(editor->fieldMessage(CustomerField::DateOfBirth).contains(QStringLiteral("at least 18")));
        // The expiry was not touched: its error waits for Save.
        QCOMPARE(editor->fieldMessage(CustomerField::LicenceExpiry), QString());
        QVERIFY(!saveButton(editor)->isEnabled());
        editor->activateWindow();
        QTRY_COMPARE(QApplication::activeWindow(), editor);
        QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier); // Save tried: every finding shows
        QVERIFY(editor->fieldMessage(CustomerField::LicenceExpiry).contains(QStringLiteral("expiry is missing")));
        saveScreenshot(editor, QStringLiteral("customer-editor-errors"));

        type(editor, CustomerField::Email, QStringLiteral("anna.berg@example.com"));
        type(editor, CustomerField::Phone, QStringLiteral("+49 30 1234 5678"));
        type(editor, CustomerField::DateOfBirth, QDate::currentDate().addYears(-20).toString(Qt::ISODate));
        type(editor, CustomerField::LicenceExpiry, QStringLiteral("2020-01-31"));
        QCOMPARE(editor->validation().errors().size(), 0);
        QVERIFY(editor->fieldMessage(CustomerField::DateOfBirth).contains(QStringLiteral("under 21")));
        QVERIFY(editor->fieldMessage(CustomerField::LicenceExpiry).contains(QStringLiteral("cannot pick up")));
        QVERIFY(saveButton(editor)->isEnabled());
        saveScreenshot(editor, QStringLiteral("customer-editor-warnings"));

        QSignalSpy saved(editor, &CustomerEditorDialog::saved);
        saveButton(editor)->click();
        QVERIFY(saved.wait(10000));
        const qint64 id = saved.at(0).at(0).value<CustomerDetails>().row.id;
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, 10000);
        QCOMPARE(page->emptyText(), QString());
        QCOMPARE(page->model()->index(0, int(CustomerColumn::FullName)).data().toString(), QStringLiteral("Anna Berg"));
        QTRY_COMPARE_WITH_TIMEOUT(page->detailPanel()->customerId(), id, 10000);
        QVERIFY(page->detailPanel()->balanceText().contains(QStringLiteral("Nothing owed")));
        QCOMPARE(scalarOn(*m_thread, "SELECT count(*) FROM outbox_events WHERE topic = 'customer.created'"),
                 QStringLiteral("1"));
        m_anna = id;
    }

    // The same email again: flagged before anything is stored; "Save anyway" stores it, and both rows are
    // marked; "Open" on a third try opens Anna instead.
    void flagsADuplicate()
    {
        auto page = openPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, 10000);
        CustomerEditorDialog *editor = page->newCustomer();
        type(editor, CustomerField::FullName, QStringLiteral("A. Berg"));
        type(editor, CustomerField::Email, QStringLiteral("Anna.Berg@Example.com"));
        saveButton(editor)->click();
        QTRY_VERIFY_WITH_TIMEOUT(visibleMessageBox(QStringLiteral("duplicateBox")), 10000);
        QMessageBox *box = visibleMessageBox(QStringLiteral("duplicateBox"));
        QCOMPARE(
            box->text(),
            QStringLiteral("A customer with this email already exists: Anna Berg (#%1). Save anyway?").arg(m_anna));
        QCOMPARE(scalarOn(*m_thread, "SELECT count(*) FROM customers"), QStringLiteral("1"));
        saveScreenshot(box, QStringLiteral("customer-duplicate"));

        QSignalSpy saved(editor, &CustomerEditorDialog::saved);
        box->findChild<QPushButton *>(QStringLiteral("saveAnywayButton"))->click();
        QVERIFY(saved.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 2, 10000);
        for (int row = 0; row < 2; ++row)
            QVERIFY(page->model()->index(row, 0).data(CustomerTableModel::DuplicateRole).toBool());
        QCOMPARE(page->model()->index(0, int(CustomerColumn::PossibleDuplicate)).data().toString(),
                 QStringLiteral("Possible duplicate"));

        CustomerEditorDialog *third = page->newCustomer();
        type(third, CustomerField::FullName, QStringLiteral("Anna Berg"));
        type(third, CustomerField::LicenceNumber, QStringLiteral("b072 rre2i55"));
        type(third, CustomerField::LicenceExpiry, QStringLiteral("2031-01-31"));
        saveButton(third)->click();
        QTRY_VERIFY_WITH_TIMEOUT(visibleMessageBox(QStringLiteral("duplicateBox")), 10000);
        box = visibleMessageBox(QStringLiteral("duplicateBox"));
        QVERIFY2(box->text().startsWith(QStringLiteral("A customer with this licence number already exists: Anna "
                                                       "Berg (#%1).")
                                            .arg(m_anna)),
                 qPrintable(box->text()));
        box->findChild<QPushButton *>(QStringLiteral("openExistingButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(openEditor(page.get()) && openEditor(page.get())->customerId() == m_anna, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(openEditor(page.get())->isLoaded(), 10000);
        QCOMPARE(openEditor(page.get())->input().fullName, QStringLiteral("Anna Berg"));
        QTRY_COMPARE_WITH_TIMEOUT(page->detailPanel()->customerId(), m_anna, 10000);
        QCOMPARE(scalarOn(*m_thread, "SELECT count(*) FROM customers"), QStringLiteral("2"));
        openEditor(page.get())->reject(); // unchanged: closes without asking
    }

    void searchesAndShowsWhenNothingMatches()
    {
        auto page = openPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 2, 10000);
        QTest::keyClick(page->table(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(page->searchField()->hasFocus());
        QTest::keyClicks(page->searchField(), QStringLiteral("1234 5678")); // Anna's phone
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, 10000);
        QTest::keyClicks(page->searchField(), QStringLiteral("zzz"));
        QTRY_VERIFY_WITH_TIMEOUT(page->emptyText().contains(QStringLiteral("No customer matches")), 10000);
        saveScreenshot(page.get(), QStringLiteral("customers-no-match"));
        QTest::keyClick(page->searchField(), Qt::Key_Escape);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 2, 10000);
    }

    // The detail panel lists the customer's bookings with the balance; opening one asks for it.
    void showsBookingsAndBalance()
    {
        const auto booked = runJob(*m_thread, [this](Database &db) -> Result<Booking> {
            BookingRequest request;
            request.customerId = m_anna;
            request.carId = scalar(db, "SELECT min(id) FROM cars WHERE status = 'available'").toLongLong();
            // Priced from the rate given here: a car without a class (a class's card would price it).
            if (const QString error =
                    execute(db, "UPDATE cars SET vehicle_class = NULL WHERE id = " + std::to_string(request.carId));
                !error.isEmpty())
                return std::unexpected(Error{Error::Code::Unknown, error});
            request.rates.dailyCents = 4500;
            request.pickup = QDateTime(QDate::currentDate().addDays(7), QTime(10, 0));
            request.returned = request.pickup.addDays(2);
            return BookingService::create(db, request);
        });
        QVERIFY2(booked, qPrintable(booked ? QString() : booked.error().oneLine()));

        auto page = openPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 2, 10000);
        page->showCustomer(m_anna);
        QTRY_COMPARE_WITH_TIMEOUT(page->detailPanel()->customerId(), m_anna, 10000);
        QTreeWidget *list = page->detailPanel()->bookingList();
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 1, 10000);
        QCOMPARE(list->topLevelItem(0)->text(0), QString::number(booked->id));
        QCOMPARE(list->topLevelItem(0)->text(4), QStringLiteral("Reserved"));
        // Amounts in the locale's currency format: with cents in the column, so that they line up.
        QCOMPARE(list->topLevelItem(0)->text(5), QStringLiteral("€90.00"));
        QVERIFY2(page->detailPanel()->balanceText().contains(QStringLiteral("Owes €90")),
                 qPrintable(page->detailPanel()->balanceText()));
        saveScreenshot(page.get(), QStringLiteral("customers"));
        // Every column of the customer's bookings whole, at the smallest window and at full HD (less the
        // section list at their left): the car takes the room that is left, a narrow panel scrolls.
        QVERIFY(list->topLevelItem(0)->text(1).startsWith(QLatin1Char('#')));
        for (const QSize size : {QSize(1024 - 200, 640), QSize(1920 - 200, 1020)}) {
            page->resize(size);
            QTest::qWait(50);
            const auto *view = static_cast<QAbstractItemView *>(list);
            for (int column = 0; column < list->columnCount(); ++column) {
                const int needed = std::max(view->sizeHintForColumn(column), list->header()->sectionSizeHint(column));
                QVERIFY2(list->header()->sectionSize(column) >= needed,
                         qPrintable(QStringLiteral("column %1 is %2 px for %3 px at width %4")
                                        .arg(column)
                                        .arg(list->header()->sectionSize(column))
                                        .arg(needed)
                                        .arg(size.width())));
            }
            saveScreenshot(page.get(), QStringLiteral("customers-%1").arg(size.width()));
        }

        QSignalSpy requested(page.get(), &CustomersPage::linkRequested);
        list->setCurrentItem(list->topLevelItem(0));
        emit list->itemActivated(list->topLevelItem(0), 0);
        QCOMPARE(requested.size(), 1);
        const auto link = requested.at(0).at(0).value<SectionLink>();
        QCOMPARE(link.kind, SectionLink::Kind::Booking);
        QCOMPARE(link.id, booked->id);
    }

    void sortIsRemembered()
    {
        {
            auto page = openPage();
            QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 2, 10000);
            page->table()->sortByColumn(int(CustomerColumn::Email), Qt::DescendingOrder);
        }
        auto page = openPage();
        QCOMPARE(page->model()->query().sortColumn, CustomerColumn::Email);
        QCOMPARE(page->model()->query().sortOrder, Qt::DescendingOrder);
    }

    // The phone's placeholder is a number of the desk's country, one the rules take.
    void phonePlaceholderFollowsTheLocale()
    {
        const QLocale before;
        const QList<std::pair<QLocale, QString>> cases{
            {QLocale(QLocale::German, QLocale::Germany), QStringLiteral("+49 ")},
            {QLocale(QLocale::French, QLocale::France), QStringLiteral("+33 ")},
            {QLocale(QLocale::English, QLocale::UnitedStates), QStringLiteral("+1 ")},
            {QLocale(QLocale::English, QLocale::UnitedKingdom), QStringLiteral("+44 ")},
        };
        for (const auto &[locale, callingCode] : cases) {
            QLocale::setDefault(locale);
            CustomerEditorDialog editor(m_thread.get());
            auto *phone = editor.findChild<QLineEdit *>(CustomerValidator::fieldKey(CustomerField::Phone));
            QVERIFY(phone);
            QVERIFY2(phone->placeholderText().startsWith(callingCode),
                     qPrintable(locale.name() + QStringLiteral(": ") + phone->placeholderText()));
            CustomerInput input;
            input.fullName = QStringLiteral("Anna Berg");
            input.phone = phone->placeholderText();
            QVERIFY(CustomerValidator::validate(input).issuesFor(CustomerField::Phone).isEmpty());
        }
        QLocale::setDefault(before);
    }

    // A new customer is current and shown once saved, also where the table's order puts them far from
    // the rows in view, and when the desk's own change comes back from the database meanwhile.
    void showsTheNewCustomerSelected()
    {
        const QString added = *runJob(*m_thread, [](Database &db) {
            return Result<QString>(execute(
                db, "INSERT INTO customers (full_name, email) SELECT CASE WHEN n % 2 = 0 THEN 'Aaron ' ELSE 'Zed ' END "
                    "|| lpad(n::text, 4, '0'), CASE WHEN n % 2 = 0 THEN 'a' ELSE 'z' END || n || '@example.com' "
                    "FROM generate_series(1, 600) n"));
        });
        QVERIFY2(added.isEmpty(), qPrintable(added));
        auto page = openPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 602, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page->detailPanel()->customerId() != 0, 10000); // the first row is shown
        const qint64 before = page->detailPanel()->customerId();

        CustomerEditorDialog *editor = page->newCustomer();
        type(editor, CustomerField::FullName, QStringLiteral("Mia Middle"));
        type(editor, CustomerField::Email, QStringLiteral("mia.middle@example.com"));
        QSignalSpy saved(editor, &CustomerEditorDialog::saved);
        saveButton(editor)->click();
        QVERIFY(saved.wait(10000));
        const qint64 id = saved.at(0).at(0).value<CustomerDetails>().row.id;
        // What the desk's change listener delivers: the new customer's key, while the table reloads.
        page->applyChanges({QStringLiteral("customer:%1").arg(id)});

        QTRY_COMPARE_WITH_TIMEOUT(page->detailPanel()->customerId(), id, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(page->table()->currentIndex().data(CustomerTableModel::IdRole).toLongLong(), id,
                                  10000);
        QVERIFY(id != before);
        const int row = page->table()->currentIndex().row();
        QVERIFY2(row > 100 && row < 500, qPrintable(QString::number(row))); // sorted in among the others
        QVERIFY(page->table()->selectionModel()->isRowSelected(row, {}));
        QVERIFY2(page->table()->viewport()->rect().intersects(page->table()->visualRect(page->table()->currentIndex())),
                 "scrolled to");
        // It stays current once the dust settles.
        QTest::qWait(500);
        QCOMPARE(page->table()->currentIndex().data(CustomerTableModel::IdRole).toLongLong(), id);
        QCOMPARE(page->detailPanel()->customerId(), id);
        saveScreenshot(page.get(), QStringLiteral("customers-new-selected"));
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DatabaseThread> m_thread;
    qint64 m_anna = 0;
};

QTEST_MAIN(TestCustomersPage)
#include "tst_customerspage.moc"

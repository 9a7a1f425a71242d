#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/DatabaseThread.h"
#include "domain/Money.h"
#include "services/BookingService.h"
#include "services/RentalDeskService.h"
#include "ui/bookings/BookingDialog.h"
#include "ui/bookings/RentalPaperDialog.h"
#include "ui/bookings/ReturnDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

// The rental desk in the window: the return dialog's bill follows the desk's entries and settles the return,
// the papers come from the booking, the pick-up warns about the deposit, and New booking quotes from the cards.
class TestReturnDialog : public QObject
{
    Q_OBJECT

    QString query(const std::string &sql) { return scalarOn(*m_thread, sql); }

    QString euros(qint64 cents) const
    {
        return Money::format(cents, QStringLiteral("EUR"), QLocale(), Money::Cents::Always);
    }

    // A booking of a car no booking has had yet, for a licensed customer, from ten minutes on for `days` days.
    BookingRequest newRequest(int days, qint64 depositCents = 0)
    {
        BookingRequest request;
        request.carId = query("SELECT min(id) FROM cars c WHERE status = 'available' AND NOT EXISTS "
                              "(SELECT 1 FROM bookings b WHERE b.car_id = c.id)")
                            .toLongLong();
        request.customerId =
            query("SELECT min(id) FROM customers WHERE licence_expiry > current_date + 60").toLongLong();
        request.pickup = QDateTime::currentDateTime().addSecs(600);
        request.returned = request.pickup.addDays(days);
        request.rates.dailyCents = 5000;
        request.depositCents = depositCents;
        return request;
    }

    // newRequest() booked and picked up now: active.
    qint64 activeBooking(int days, qint64 depositCents = 0)
    {
        const BookingRequest request = newRequest(days, depositCents);
        const auto made = runJob(*m_thread, [=](Database &db) -> Result<qint64> {
            const auto booking = BookingService::create(db, request);
            if (!booking)
                return std::unexpected(booking.error());
            if (request.depositCents > 0) {
                if (auto paid = BookingService::addPayment(db, booking->id, QStringLiteral("deposit"),
                                                           request.depositCents, QStringLiteral("card"));
                    !paid)
                    return std::unexpected(paid.error());
            }
            const auto before = BookingService::details(db, booking->id);
            if (!before)
                return std::unexpected(before.error());
            const int mileage = before->carMileageKm;
            if (auto out = BookingService::pickUp(db, booking->id, mileage, 100, QDateTime::currentDateTimeUtc()); !out)
                return std::unexpected(out.error());
            return booking->id;
        });
        if (!made)
            qWarning("%s", qPrintable(made.error().oneLine()));
        return made.value_or(0);
    }

    BookingDetails details(qint64 id)
    {
        const auto found = runJob(*m_thread, [id](Database &db) { return BookingService::details(db, id); });
        return found.value_or(BookingDetails{});
    }

    static bool hasLine(const QTreeWidget *view, const QString &text, const QString &amount)
    {
        for (int row = 0; row < view->topLevelItemCount(); ++row) {
            const QTreeWidgetItem *item = view->topLevelItem(row);
            if (item->text(0).contains(text) && (amount.isEmpty() || item->text(3) == amount))
                return true;
        }
        return false;
    }

    static QString lines(const QTreeWidget *view)
    {
        QStringList texts;
        for (int row = 0; row < view->topLevelItemCount(); ++row) {
            const QTreeWidgetItem *item = view->topLevelItem(row);
            texts
                << QStringLiteral("%1 | %2 | %3 | %4").arg(item->text(0), item->text(1), item->text(2), item->text(3));
        }
        return texts.join(QLatin1Char('\n'));
    }

    // Waits for the bill of the entry as it is now.
    static bool waitForBill(ReturnDialog &dialog)
    {
        QSignalSpy previewed(&dialog, &ReturnDialog::previewed);
        return previewed.wait(10000);
    }

private slots:
    void initTestCase()
    {
        useTestSettings(QStringLiteral("tst_returndialog"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        const QString error = openDemoDatabase(m_db, m_thread, QStringLiteral("returndialog"), 80);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_thread.reset();
        m_db.reset();
    }

    // The bill is the service's, line by line; each edit (km, damage, cleaning) works it out again; a wrong
    // reading is refused in words and cannot be settled; settling writes the return and its invoice.
    void billFollowsTheEntryAndSettles()
    {
        const qint64 id = activeBooking(3);
        QVERIFY(id > 0);
        ReturnDialog dialog(m_thread.get(), QStringLiteral("EUR"), details(id));
        dialog.resize(1024, 700);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.bill().has_value() || !dialog.errorText().isEmpty(), 10000);
        QVERIFY2(dialog.bill(), qPrintable(dialog.errorText()));
        QVERIFY2(dialog.billView()->topLevelItemCount() >= 1, qPrintable(lines(dialog.billView())));
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("billGross"))->text(), euros(dialog.bill()->grossCents));
        QCOMPARE(dialog.bill()->bookedDays, 3);
        // Back the same day: three days booked, one used; the early-return choice shows.
        QVERIFY(dialog.earlyReturnBox()->isVisible());
        const qint64 grossBefore = dialog.bill()->grossCents;
        const int out = dialog.mileageBox()->value(); // the reading at pick-up

        // 2,000 km driven; damage with its amount; cleaning.
        dialog.mileageBox()->setValue(out + 2000);
        QVERIFY(waitForBill(dialog));
        QCOMPARE(dialog.bill()->kmDriven, qint64(2000));
        dialog.addDamage(QStringLiteral("Scratch on the rear bumper"), 12000);
        QVERIFY(waitForBill(dialog));
        QVERIFY2(hasLine(dialog.billView(), QStringLiteral("Scratch on the rear bumper"), euros(12000)),
                 qPrintable(lines(dialog.billView())));
        QVERIFY(dialog.bill()->grossCents >= grossBefore + 12000);
        dialog.cleaningBox()->setChecked(true);
        QVERIFY(waitForBill(dialog));
        QVERIFY(std::any_of(dialog.bill()->lines.cbegin(), dialog.bill()->lines.cend(),
                            [](const QuoteLine &line) { return line.kind == QuoteLine::kCleaning; }));
        saveScreenshot(&dialog, QStringLiteral("return-bill-1024x700"));
        dialog.resize(1920, 1080);
        QCoreApplication::processEvents();
        saveScreenshot(&dialog, QStringLiteral("return-bill-1920x1080"));
        dialog.resize(1024, 700);

        // An odometer below the pick-up's: refused in words, nothing to settle.
        dialog.mileageBox()->setValue(out - 1000);
        QVERIFY(waitForBill(dialog));
        QVERIFY(!dialog.bill());
        QVERIFY(!dialog.errorText().isEmpty());
        QVERIFY(!dialog.settleButton()->isEnabled());
        dialog.mileageBox()->setValue(out + 2000);
        QVERIFY(waitForBill(dialog));
        QVERIFY(dialog.errorText().isEmpty());
        QTRY_VERIFY(dialog.settleButton()->isEnabled());

        // Nothing paid: a balance remains, and the desk is told before settling.
        QVERIFY(dialog.bill()->dueCents > 0);
        QVERIFY2(dialog.balanceWarning().contains(euros(dialog.bill()->dueCents)), qPrintable(dialog.balanceWarning()));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("balanceWarning"))->isVisible());
        const qint64 gross = dialog.bill()->grossCents;
        dialog.setAskBeforeSettlingABalance(false);
        QSignalSpy returned(&dialog, &ReturnDialog::returned);
        dialog.settleButton()->click();
        QVERIFY(returned.wait(10000));
        QVERIFY(dialog.settledReturn());
        QVERIFY(!dialog.settledReturn()->invoiceNumber.isEmpty());
        QCOMPARE(query("SELECT status FROM bookings WHERE id = " + std::to_string(id)), QStringLiteral("completed"));
        QCOMPARE(Money::fromDecimal(query("SELECT total FROM bookings WHERE id = " + std::to_string(id)))->cents(),
                 gross);
        m_settled = id;
        m_invoiceNumber = dialog.settledReturn()->invoiceNumber;
    }

    // A deposit held: the bill shows it, the part kept for the bill and the part given back; nothing left to pay
    // means no warning.
    void depositIsKeptAndGivenBack()
    {
        const qint64 id = activeBooking(2, 30000);
        QVERIFY(id > 0);
        ReturnDialog dialog(m_thread.get(), QStringLiteral("EUR"), details(id));
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.bill().has_value() || !dialog.errorText().isEmpty(), 10000);
        QVERIFY2(dialog.bill(), qPrintable(dialog.errorText()));
        const SettlementBill &bill = *dialog.bill();
        QCOMPARE(bill.depositHeldCents, qint64(30000));
        QCOMPARE(bill.depositCaptureCents + bill.depositReleaseCents, qint64(30000));
        QVERIFY(bill.grossCents < 30000); // two days of a small car: the deposit covers it
        QCOMPARE(bill.dueCents, qint64(0));
        const auto shown = [&dialog](const char *text) {
            for (QLabel *label : dialog.findChildren<QLabel *>()) {
                if (label->isVisible() && label->text() == QString::fromUtf8(text))
                    return true;
            }
            return false;
        };
        QVERIFY(shown("Deposit held"));
        QVERIFY(shown("Deposit kept"));
        QVERIFY(shown("Deposit given back"));
        QVERIFY(shown("Paid in full"));
        QVERIFY(dialog.balanceWarning().isEmpty());
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("balanceWarning"))->isVisible());
        saveScreenshot(&dialog, QStringLiteral("return-bill-deposit"));
    }

    // Damage lines with the keyboard alone: Alt+D adds one (its text focused), Tab reaches its amount and its
    // remove button, Space removes it.
    void damageLinesByKeyboard()
    {
        const qint64 id = activeBooking(2);
        QVERIFY(id > 0);
        ReturnDialog dialog(m_thread.get(), QStringLiteral("EUR"), details(id));
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTRY_VERIFY_WITH_TIMEOUT(dialog.bill().has_value(), 10000);
        QVERIFY(QApplication::focusWidget());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_D, Qt::AltModifier);
        QTRY_COMPARE(dialog.damageCount(), 1); // a mnemonic "animates" the click: it comes a moment later
        auto *text = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(text && text->objectName() == QStringLiteral("damageText"));
        QTest::keyClicks(text, QStringLiteral("Cracked mirror"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        auto *amount = qobject_cast<QDoubleSpinBox *>(QApplication::focusWidget());
        QVERIFY(amount && amount->objectName() == QStringLiteral("damageAmount"));
        amount->selectAll();
        QTest::keyClicks(amount, QStringLiteral("85"));
        QVERIFY(waitForBill(dialog));
        QVERIFY2(hasLine(dialog.billView(), QStringLiteral("Cracked mirror"), euros(8500)),
                 qPrintable(lines(dialog.billView())));
        // Enter in an amount does not settle the return.
        QTest::keyClick(amount, Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.settledReturn());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        auto *remove = qobject_cast<QToolButton *>(QApplication::focusWidget());
        QVERIFY(remove && remove->objectName() == QStringLiteral("removeDamage"));
        QTest::keyClick(remove, Qt::Key_Space);
        QCOMPARE(dialog.damageCount(), 0);
        QVERIFY(waitForBill(dialog));
        QVERIFY(!hasLine(dialog.billView(), QStringLiteral("Cracked mirror"), {}));
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("addDamage"));

        // Tab from the return time goes through the form in reading order, then the bill and the buttons.
        dialog.addDamage(QStringLiteral("Dent"), 5000);
        QVERIFY(waitForBill(dialog));
        dialog.returnedAtEdit()->setFocus();
        // (Tab walks through the sections of the date and time first, as QDateTimeEdit does.)
        QStringList order;
        for (int step = 0; step < 40 && order.size() < 11; ++step) {
            QWidget *focus = QApplication::focusWidget();
            const QString name = focus->objectName().isEmpty() ? QString::fromLatin1(focus->metaObject()->className())
                                                               : focus->objectName();
            if (order.isEmpty() || order.constLast() != name)
                order << name;
            QTest::keyClick(focus, Qt::Key_Tab);
        }
        QStringList expected{
            QStringLiteral("returnedAt"),  QStringLiteral("returnMileage"),  QStringLiteral("returnFuel"),
            QStringLiteral("earlyReturn"), QStringLiteral("cleaningNeeded"), QStringLiteral("returnNotes"),
            QStringLiteral("damageText"),  QStringLiteral("damageAmount"),   QStringLiteral("removeDamage"),
            QStringLiteral("addDamage"),   QStringLiteral("billLines")};
        if (!dialog.earlyReturnBox()->isVisible()) { // not an early return: one stop fewer, one more at the end
            expected.removeAll(QStringLiteral("earlyReturn"));
            expected << QStringLiteral("settleButton");
        }
        QCOMPARE(order, expected);
    }

    // The invoice from the booking: the number of the settlement, then a copy with the same number; it
    // exports as a PDF.
    void invoiceIsOfferedAndReissuedAsACopy()
    {
        QVERIFY2(m_settled > 0, "billFollowsTheEntryAndSettles settled a booking");
        BookingDialog booking(m_thread.get(), QStringLiteral("EUR"));
        QSignalSpy settled(&booking, &BookingDialog::settled);
        booking.showBooking(m_settled);
        booking.show();
        QVERIFY(settled.wait(10000));
        auto *invoiceButton = booking.findChild<QPushButton *>(QStringLiteral("invoiceButton"));
        QVERIFY(invoiceButton && invoiceButton->isVisible());
        QVERIFY(!booking.findChild<QPushButton *>(QStringLiteral("returnButton"))->isVisible());
        saveScreenshot(&booking, QStringLiteral("booking-completed-papers"));

        RentalPaperDialog *first = booking.openPaper(BookingDialog::Paper::Invoice);
        QVERIFY(first);
        QSignalSpy firstLoaded(first, &RentalPaperDialog::loaded);
        QVERIFY(firstLoaded.wait(10000));
        QVERIFY2(firstLoaded.at(0).at(0).toString().isEmpty(), qPrintable(firstLoaded.at(0).at(0).toString()));
        QCOMPARE(first->invoiceNumber(), m_invoiceNumber);
        QVERIFY(first->browser()->toPlainText().contains(m_invoiceNumber));
        QTemporaryDir dir;
        const QString path = dir.filePath(first->suggestedFileName());
        QSignalSpy written(first, &RentalPaperDialog::pdfWritten);
        first->exportPdf(path);
        QVERIFY(written.wait(20000));
        QVERIFY2(written.at(0).at(1).toString().isEmpty(), qPrintable(written.at(0).at(1).toString()));
        QVERIFY(QFileInfo(path).size() > 1000);
        saveScreenshot(first, QStringLiteral("return-invoice-paper"));
        first->close();

        RentalPaperDialog *again = booking.openPaper(BookingDialog::Paper::Invoice);
        QSignalSpy againLoaded(again, &RentalPaperDialog::loaded);
        QVERIFY(againLoaded.wait(10000));
        QCOMPARE(again->invoiceNumber(), m_invoiceNumber);
        QVERIFY(again->isCopy());
        QVERIFY2(again->suggestedFileName().contains(QStringLiteral("copy")), qPrintable(again->suggestedFileName()));
        again->close();

        // The agreement, and a receipt for the payment chosen in the list.
        RentalPaperDialog *agreement = booking.openPaper(BookingDialog::Paper::Agreement);
        QSignalSpy agreementLoaded(agreement, &RentalPaperDialog::loaded);
        QVERIFY(agreementLoaded.wait(10000));
        QVERIFY2(agreementLoaded.at(0).at(0).toString().isEmpty(), qPrintable(agreementLoaded.at(0).at(0).toString()));
        const QString customer = query("SELECT c.full_name FROM bookings b JOIN customers c ON c.id = b.customer_id "
                                       "WHERE b.id = " +
                                       std::to_string(m_settled));
        QVERIFY(agreement->browser()->toPlainText().contains(customer));
        agreement->close();
        const auto paid = runJob(*m_thread, [id = m_settled](Database &db) {
            return BookingService::addPayment(db, id, QStringLiteral("payment"), 2500, QStringLiteral("cash"));
        });
        QVERIFY(paid);
        settled.clear();
        booking.showBooking(m_settled);
        QVERIFY(settled.wait(10000));
        auto *payments = booking.findChild<QTreeWidget *>(QStringLiteral("payments"));
        QVERIFY(payments->topLevelItemCount() >= 1);
        QVERIFY(booking.openPaper(BookingDialog::Paper::Receipt) == nullptr); // no payment chosen yet
        payments->setCurrentItem(payments->topLevelItem(payments->topLevelItemCount() - 1));
        QVERIFY(booking.findChild<QPushButton *>(QStringLiteral("receiptButton"))->isEnabled());
        RentalPaperDialog *receipt = booking.openPaper(BookingDialog::Paper::Receipt);
        QVERIFY(receipt);
        QSignalSpy receiptLoaded(receipt, &RentalPaperDialog::loaded);
        QVERIFY(receiptLoaded.wait(10000));
        QVERIFY2(receiptLoaded.at(0).at(0).toString().isEmpty(), qPrintable(receiptLoaded.at(0).at(0).toString()));
        QVERIFY2(receipt->browser()->toPlainText().contains(euros(2500).chopped(3)) ||
                     receipt->browser()->toPlainText().contains(euros(2500)),
                 qPrintable(receipt->browser()->toPlainText()));
        saveScreenshot(receipt, QStringLiteral("return-receipt-paper"));
        receipt->close();
    }

    // Pick-up: the desk is told that no deposit was taken; where the branch requires one, Hand over is refused
    // and Take deposit… is offered instead.
    void pickUpWarnsWithoutDeposit()
    {
        const BookingRequest request = newRequest(2, 30000);
        const auto made = runJob(*m_thread, [=](Database &db) { return BookingService::create(db, request); });
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
        const auto defaults = runJob(*m_thread, [](Database &db) { return RentalDeskService::settings(db, {}); });
        QVERIFY2(defaults, qPrintable(defaults ? QString() : defaults.error().message));

        for (const bool required : {false, true}) {
            RentalSettings settings = *defaults;
            settings.depositRequired = required;
            const auto saved =
                runJob(*m_thread, [settings](Database &db) { return RentalDeskService::saveSettings(db, settings); });
            QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
            BookingDialog dialog(m_thread.get(), QStringLiteral("EUR"));
            QSignalSpy settled(&dialog, &BookingDialog::settled);
            dialog.showBooking(made->id);
            dialog.show();
            QVERIFY(settled.wait(10000));
            auto *pickUp = dialog.findChild<QPushButton *>(QStringLiteral("pickUpButton"));
            QVERIFY(pickUp->isVisible());
            QString warning;
            bool handOverEnabled = true;
            bool offersDeposit = false;
            bool seen = false;
            // The question runs its own event loop: it is read and closed from a timer inside that loop.
            QTimer poll;
            poll.setInterval(20);
            connect(&poll, &QTimer::timeout, &dialog, [&] {
                auto *ask = dialog.findChild<QDialog *>(QStringLiteral("pickUpQuestion"));
                if (!ask || !ask->isVisible())
                    return;
                poll.stop();
                if (auto *label = ask->findChild<QLabel *>(QStringLiteral("pickUpWarning")))
                    warning = label->text();
                for (QPushButton *button : ask->findChildren<QPushButton *>()) {
                    if (button->text().startsWith(QStringLiteral("Hand over")))
                        handOverEnabled = button->isEnabled();
                    if (button->objectName() == QStringLiteral("takeDeposit"))
                        offersDeposit = button->isVisible();
                }
                saveScreenshot(ask, required ? QStringLiteral("pickup-deposit-required")
                                             : QStringLiteral("pickup-no-deposit"));
                seen = true;
                ask->reject();
            });
            poll.start();
            pickUp->click();
            QTRY_VERIFY_WITH_TIMEOUT(seen, 10000);
            QVERIFY2(!warning.isEmpty(), "the desk is told that no deposit was taken");
            QVERIFY(offersDeposit);
            QCOMPARE(handOverEnabled, !required);
        }
        const auto restored = runJob(
            *m_thread, [settings = *defaults](Database &db) { return RentalDeskService::saveSettings(db, settings); });
        QVERIFY(restored);
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DatabaseThread> m_thread;
    qint64 m_settled = 0;
    QString m_invoiceNumber;
};

QTEST_MAIN(TestReturnDialog)
#include "tst_returndialog.moc"

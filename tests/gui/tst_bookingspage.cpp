#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/DatabaseThread.h"
#include "domain/Money.h"
#include "models/BookingListModel.h"
#include "services/BookingService.h"
#include "services/RentalDeskService.h"
#include "ui/bookings/BookingDialog.h"
#include "ui/bookings/BookingTimeline.h"
#include "ui/bookings/BookingsPage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolTip>
#include <QTreeWidget>

class TestBookingsPage : public QObject
{
    Q_OBJECT

    QString query(const std::string &sql) { return scalarOn(*m_thread, sql); }

    BookingDialog *openDialog() { return m_page->findChild<BookingDialog *>(); }

    // The car and the pick-up of the first reserved booking: a car taken at that time.
    std::pair<qint64, QDateTime> firstReservation()
    {
        const qint64 car =
            query("SELECT car_id FROM bookings WHERE status = 'reserved' ORDER BY id LIMIT 1").toLongLong();
        const QDateTime pickup = QDateTime::fromString(
            query("SELECT to_char(pickup_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                  "FROM bookings WHERE status = 'reserved' ORDER BY id LIMIT 1"),
            Qt::ISODate);
        return {car, pickup};
    }

    // A car of the timeline with no booking at all.
    int emptyRow(const Timeline &timeline)
    {
        for (int row = 0; row < timeline.cars.size(); ++row) {
            if (std::none_of(timeline.bars.cbegin(), timeline.bars.cend(),
                             [row](const Timeline::Bar &bar) { return bar.carIndex == row; }))
                return row;
        }
        return -1;
    }

    // An available car that has no bookings yet, without a class: priced by the rates a booking gives.
    qint64 freeCar()
    {
        return query("UPDATE cars SET vehicle_class = NULL WHERE id = (SELECT min(id) FROM cars c WHERE status = "
                     "'available' AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.car_id = c.id)) RETURNING id")
            .toLongLong();
    }

    // Starts a new booking 60 days ahead in `dialog` and waits for its list of free cars: their ids, in order.
    void listFreeCars(BookingDialog &dialog, QList<qint64> &ids)
    {
        dialog.startBooking(0, QDateTime(QDate::currentDate().addDays(60), QTime(10, 0)));
        dialog.show();
        QListWidget *cars = dialog.carList();
        QTRY_VERIFY_WITH_TIMEOUT(cars->count() >= 2 && cars->item(0)->data(Qt::UserRole).isValid(), 10000);
        for (int row = 0; row < cars->count(); ++row)
            ids << cars->item(row)->data(Qt::UserRole).toLongLong();
    }

    // A customer who may pick up a car.
    qint64 licensedCustomer()
    {
        return query("SELECT min(id) FROM customers WHERE licence_expiry > current_date + 30").toLongLong();
    }

    // Reloads the page as another desk's booking change does, and waits for it.
    void reloadPage()
    {
        QSignalSpy loaded(m_page.get(), &BookingsPage::loaded);
        m_page->applyChanges({QStringLiteral("booking:0")});
        QVERIFY(loaded.wait(20000));
        QTRY_VERIFY(!m_page->isLoading());
    }

    // The column of the timeline's first whole day in view, as a date.
    QDate firstDayInView()
    {
        BookingTimeline *timeline = m_page->timeline();
        const QDate from = timeline->timeline().from.toLocalTime().date();
        for (int day = 0; day < 200; ++day) {
            if (timeline->xOf(QDateTime(from.addDays(day), QTime(0, 0))) >= BookingTimeline::LabelWidth - 0.5)
                return from.addDays(day);
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        useTestSettings(QStringLiteral("tst_bookingspage"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        const QString error = openDemoDatabase(m_db, m_thread, QStringLiteral("bookingspage"), 60);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_page = std::make_unique<BookingsPage>(SectionContext{m_thread.get()});
        m_page->resize(1300, 800);
        m_page->show();
        QSignalSpy loaded(m_page.get(), &BookingsPage::loaded);
        m_page->activate(loadSession(*m_thread));
        QVERIFY(loaded.wait(20000));
        QTRY_VERIFY(!m_page->isLoading());
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_thread.reset();
        m_db.reset();
    }

    // The From day is the timeline's first column: when the page opens (today), and when the desk picks
    // another day; a reload of the same period leaves the view where the desk scrolled it.
    void timelineStartsAtTheFromDay()
    {
        BookingTimeline *timeline = m_page->timeline();
        auto *from = m_page->findChild<QDateEdit *>(QStringLiteral("timelineFrom"));
        QCOMPARE(from->date(), QDate::currentDate());
        QCOMPARE(firstDayInView(), from->date());
        QCOMPARE(timeline->xOf(QDateTime(from->date(), QTime(0, 0))), double(BookingTimeline::LabelWidth));

        QSignalSpy loaded(m_page.get(), &BookingsPage::loaded);
        from->setDate(QDate::currentDate().addDays(40));
        QVERIFY(loaded.wait(20000));
        QTRY_VERIFY(!m_page->isLoading());
        QCOMPARE(timeline->timeline().from.toLocalTime().date(), QDate::currentDate().addDays(40));
        QCOMPARE(firstDayInView(), QDate::currentDate().addDays(40));

        timeline->scrollToDay(QDate::currentDate().addDays(45));
        reloadPage();
        QCOMPARE(firstDayInView(), QDate::currentDate().addDays(45));

        from->setDate(QDate::currentDate().addDays(-20)); // earlier than the days loaded so far
        QVERIFY(loaded.wait(20000));
        QTRY_VERIFY(!m_page->isLoading());
        QCOMPARE(firstDayInView(), QDate::currentDate().addDays(-20));

        // Today goes back to today, the first column.
        auto *today = m_page->findChild<QPushButton *>(QStringLiteral("timelineToday"));
        QVERIFY(today);
        today->click();
        QVERIFY(loaded.wait(20000));
        QTRY_VERIFY(!m_page->isLoading());
        QCOMPARE(from->date(), QDate::currentDate());
        QCOMPARE(firstDayInView(), QDate::currentDate());
    }

    // The demo's bookings are on the timeline; a click on a bar opens that booking, a click on an empty
    // slot offers a booking of that car on that day.
    void timelineShowsBookingsAndActsOnClicks()
    {
        BookingTimeline *timeline = m_page->timeline();
        const Timeline &data = timeline->timeline();
        QVERIFY(data.cars.size() > 10);
        QVERIFY(!data.bars.isEmpty());
        saveScreenshot(m_page.get(), QStringLiteral("bookings-timeline"));

        QSignalSpy opened(timeline, &BookingTimeline::bookingActivated);
        QSignalSpy slot(timeline, &BookingTimeline::slotActivated);
        // A bar in view: one that starts in the period shown; scroll to it, then click its middle.
        const auto first = std::find_if(data.bars.cbegin(), data.bars.cend(),
                                        [&](const Timeline::Bar &bar) { return bar.pickup >= data.from; });
        QVERIFY(first != data.bars.cend());
        const Timeline::Bar bar = *first;
        timeline->scrollToDay(bar.pickup.toLocalTime().date());
        timeline->verticalScrollBar()->setValue(bar.carIndex * BookingTimeline::RowHeight);
        const QRect rect = timeline->barRect(int(first - data.bars.cbegin()));
        QVERIFY2(timeline->viewport()->rect().contains(rect.center()), "the bar is in view");
        QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toLongLong(), bar.bookingId);
        QPointer<BookingDialog> shown = openDialog();
        QVERIFY(shown);
        QTRY_COMPARE(shown->bookingId(), bar.bookingId);
        shown->close();
        QTRY_VERIFY(shown.isNull()); // deleted on close

        const int row = emptyRow(data);
        QVERIFY(row >= 0);
        timeline->verticalScrollBar()->setValue(row * BookingTimeline::RowHeight);
        const QDate day = QDate::currentDate().addDays(3);
        timeline->scrollToDay(day);
        const int x = int(timeline->xOf(QDateTime(day, QTime(12, 0)))) + 1;
        QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {}, QPoint(x, timeline->rowRect(row).center().y()));
        QCOMPARE(slot.size(), 1);
        QCOMPARE(slot.at(0).at(0).toLongLong(), data.cars.at(row).id);
        QCOMPARE(slot.at(0).at(1).toDateTime().toLocalTime().date(), day);
        QTRY_VERIFY(openDialog());
        BookingDialog *dialog = openDialog();
        // The car clicked is chosen; a customer found by name; Book makes the booking and shows it.
        QTRY_VERIFY(dialog->carList()->currentItem());
        QCOMPARE(dialog->carList()->currentItem()->data(Qt::UserRole).toLongLong(), data.cars.at(row).id);
        const QString customer = query("SELECT full_name FROM customers WHERE licence_expiry > current_date + 30 "
                                       "ORDER BY id LIMIT 1");
        dialog->customerSearch()->setText(customer);
        QTRY_VERIFY(dialog->customerList()->count() >= 1 &&
                    dialog->customerList()->item(0)->text().startsWith(customer));
        dialog->customerList()->setCurrentRow(0);
        dialog->returnEdit()->setDateTime(dialog->pickupEdit()->dateTime().addDays(2));
        QTRY_VERIFY(dialog->bookButton()->isEnabled());
        QVERIFY2(dialog->summaryLabel()->text().startsWith(QStringLiteral("2 day")),
                 qPrintable(dialog->summaryLabel()->text()));
        saveScreenshot(dialog, QStringLiteral("booking-new"));
        QSignalSpy changed(dialog, &BookingDialog::changed);
        dialog->bookButton()->click();
        QVERIFY(changed.wait(10000));
        QTRY_VERIFY(dialog->bookingId() > 0);
        const qint64 id = dialog->bookingId();
        QCOMPARE(query("SELECT car_id FROM bookings WHERE id = " + std::to_string(id)),
                 QString::number(data.cars.at(row).id));
        QTRY_VERIFY(
            dialog->findChild<QLabel *>(QStringLiteral("bookingTitle"))->text().contains(QStringLiteral("Reserved")));
        saveScreenshot(dialog, QStringLiteral("booking-details"));
        dialog->close();
        // The page reloads and shows the new bar.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(timeline->timeline().bars.cbegin(), timeline->timeline().bars.cend(),
                                             [id](const Timeline::Bar &bar) { return bar.bookingId == id; }),
                                 10000);
    }

    // Booking a taken car says which booking is in the way and lists free similar cars instead.
    void anOverlapIsExplainedWithAlternatives()
    {
        const auto [car, pickup] = firstReservation();
        QVERIFY(car > 0 && pickup.isValid());
        BookingDialog dialog(m_thread.get(), QStringLiteral("EUR"));
        QSignalSpy settled(&dialog, &BookingDialog::settled);
        dialog.startBooking(car, pickup.toLocalTime());
        dialog.show();
        QTRY_VERIFY(dialog.carList()->currentItem() &&
                    dialog.carList()->currentItem()->data(Qt::UserRole).toLongLong() == car);
        QTRY_VERIFY(dialog.customerList()->count() > 0);
        dialog.customerList()->setCurrentRow(0);
        QTRY_VERIFY(dialog.bookButton()->isEnabled());
        settled.clear();
        dialog.bookButton()->click();
        QTRY_VERIFY(dialog.errorText().contains(QStringLiteral("is already booked from")));
        QVERIFY2(dialog.errorText().contains(QStringLiteral("Similar cars free")), qPrintable(dialog.errorText()));
        QVERIFY(dialog.carList()->count() > 0);
        QVERIFY(dialog.carList()->currentItem()->data(Qt::UserRole).toLongLong() != car);
        saveScreenshot(&dialog, QStringLiteral("booking-overlap"));
        QCOMPARE(dialog.bookingId(), 0);
    }

    // A click on a day last week offers a booking then; Book refuses it with a sentence that says why and what
    // to do, and nothing is booked (nor a pick-up reminder due at once).
    void aBookingInThePastIsRefused()
    {
        // The timeline starts at today: go back to show last week.
        auto *from = m_page->findChild<QDateEdit *>(QStringLiteral("timelineFrom"));
        if (from->date() > QDate::currentDate().addDays(-7)) {
            QSignalSpy loaded(m_page.get(), &BookingsPage::loaded);
            from->setDate(QDate::currentDate().addDays(-7));
            QVERIFY(loaded.wait(20000));
            QTRY_VERIFY(!m_page->isLoading());
        }
        BookingTimeline *timeline = m_page->timeline();
        const Timeline &data = timeline->timeline();
        const int row = emptyRow(data);
        QVERIFY(row >= 0);
        const qint64 car = data.cars.at(row).id;
        timeline->verticalScrollBar()->setValue(row * BookingTimeline::RowHeight);
        const QDate day = QDate::currentDate().addDays(-5);
        timeline->scrollToDay(day);
        const int x = int(timeline->xOf(QDateTime(day, QTime(12, 0)))) + 1;
        QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {}, QPoint(x, timeline->rowRect(row).center().y()));
        QTRY_VERIFY(openDialog());
        QPointer<BookingDialog> dialog = openDialog();
        QTRY_VERIFY(dialog->carList()->currentItem());
        QCOMPARE(dialog->carList()->currentItem()->data(Qt::UserRole).toLongLong(), car);
        QCOMPARE(dialog->pickupEdit()->dateTime().date(), day);
        QTRY_VERIFY(dialog->customerList()->count() > 0);
        dialog->customerList()->setCurrentRow(0);
        QTRY_VERIFY(dialog->bookButton()->isEnabled());
        dialog->bookButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 10000);
        QVERIFY2(dialog->errorText().startsWith(QStringLiteral("That booking would end on ")) &&
                     dialog->errorText().endsWith(
                         QStringLiteral("which has already passed. Choose a return time in the future.")),
                 qPrintable(dialog->errorText()));
        QCOMPARE(dialog->bookingId(), 0);
        saveScreenshot(dialog, QStringLiteral("booking-in-the-past"));
        QCOMPARE(query("SELECT count(*) FROM bookings WHERE car_id = " + std::to_string(car)), QStringLiteral("0"));
        dialog->close();
        QTRY_VERIFY(dialog.isNull());
    }

    // The car list of a new booking shows each car's rates from its class's rate card, and the quote for the
    // period line by line; a desk price needs its reason.
    void newBookingShowsCardRatesAndQuoteLines()
    {
        BookingDialog dialog(m_thread.get(), QStringLiteral("EUR"));
        QList<qint64> ids;
        listFreeCars(dialog, ids);
        if (QTest::currentTestFailed())
            return;
        QListWidget *cars = dialog.carList();
        const auto cards = runJob(*m_thread, [ids](Database &db) { return RentalDeskService::rates(db, ids); });
        QVERIFY2(cards, qPrintable(cards ? QString() : cards.error().message));
        const auto euros = [](qint64 cents) { return Money::format(cents, QStringLiteral("EUR")); };
        int withCard = -1;
        for (int row = 0; row < cars->count(); ++row) {
            const auto card = cards->constFind(ids.at(row));
            if (card == cards->cend())
                continue;
            withCard = withCard < 0 ? row : withCard;
            QVERIFY2(cars->item(row)->text().contains(QStringLiteral(" · %1 a day").arg(euros(card->dailyCents))),
                     qPrintable(cars->item(row)->text()));
            if (card->weeklyCents)
                QVERIFY2(cars->item(row)->text().contains(QStringLiteral("%1 a week").arg(euros(*card->weeklyCents))),
                         qPrintable(cars->item(row)->text()));
        }
        QVERIFY2(withCard >= 0, "the demo's cars have classes with rate cards");
        QTRY_VERIFY(dialog.customerList()->count() > 0);
        dialog.customerList()->setCurrentRow(0);
        QSignalSpy quoted(&dialog, &BookingDialog::quoted);
        cars->setCurrentRow(withCard);
        dialog.returnEdit()->setDateTime(dialog.pickupEdit()->dateTime().addDays(9));
        QVERIFY(quoted.wait(10000));
        QVERIFY(!dialog.findChild<QDoubleSpinBox *>(QStringLiteral("dailyRate"))->isEnabled());
        const auto quote = runJob(*m_thread, [&](Database &db) {
            return RentalDeskService::quote(db, ids.at(withCard), dialog.pickupEdit()->dateTime(),
                                            dialog.returnEdit()->dateTime(), {});
        });
        QVERIFY(quote);
        QTreeWidget *lines = dialog.quoteLines();
        QCOMPARE(lines->topLevelItemCount(), quote->quote.lines.size());
        QCOMPARE(lines->topLevelItem(0)->text(0), quote->quote.lines.at(0).text);
        QVERIFY2(dialog.summaryLabel()->text().contains(euros(quote->grossCents)),
                 qPrintable(dialog.summaryLabel()->text()));
        QTRY_VERIFY(dialog.bookButton()->isEnabled());
        saveScreenshot(&dialog, QStringLiteral("booking-new-card-quote"));

        // A desk price: Book waits for its reason.
        auto *desk = dialog.findChild<QCheckBox *>(QStringLiteral("deskPriceOn"));
        auto *total = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("deskTotal"));
        auto *reason = dialog.findChild<QLineEdit *>(QStringLiteral("deskPriceReason"));
        QVERIFY(desk && total && reason && desk->isEnabled());
        desk->setChecked(true);
        total->setValue(quote->quote.totalCents / 100.0 - 20);
        QVERIFY(quoted.wait(10000));
        QVERIFY(!dialog.bookButton()->isEnabled());
        QVERIFY2(dialog.summaryLabel()->text().contains(QStringLiteral("give the reason")),
                 qPrintable(dialog.summaryLabel()->text()));
        reason->setText(QStringLiteral("Regular customer"));
        QVERIFY(quoted.wait(10000));
        QTRY_VERIFY(dialog.bookButton()->isEnabled());
        saveScreenshot(&dialog, QStringLiteral("booking-new-desk-price"));
    }

    // A car without a class (no rate card): choosing it sets its rates, except one the desk typed, which stays.
    void newBookingKeepsATypedRateForACarWithoutCard()
    {
        // Every car without a class from here on: the tests below price by the rates the desk types.
        query("WITH changed AS (UPDATE cars SET vehicle_class = NULL RETURNING id) SELECT count(*) FROM changed");
        BookingDialog dialog(m_thread.get(), QStringLiteral("EUR"));
        QList<qint64> ids;
        listFreeCars(dialog, ids);
        if (QTest::currentTestFailed())
            return;
        QListWidget *cars = dialog.carList();
        QHash<qint64, RentalRates> rates;
        for (const qint64 id : ids) {
            const auto one = runJob(*m_thread, [id](Database &db) { return BookingService::suggestedRates(db, id); });
            QVERIFY(one);
            rates.insert(id, *one);
        }
        const auto euros = [](qint64 cents) { return Money::format(cents, QStringLiteral("EUR")); };
        for (int row = 0; row < cars->count(); ++row) {
            const RentalRates &car = rates.value(ids.at(row));
            QVERIFY2(cars->item(row)->text().contains(
                         QStringLiteral(" · %1 a day, %2 a week").arg(euros(car.dailyCents), euros(*car.weeklyCents))),
                     qPrintable(cars->item(row)->text()));
        }
        // Two cars with different rates.
        int other = 1;
        while (other < ids.size() && rates.value(ids.at(other)).dailyCents == rates.value(ids.at(0)).dailyCents)
            ++other;
        QVERIFY(other < ids.size());
        auto *daily = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("dailyRate"));
        auto *weekly = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("weeklyRate"));
        QVERIFY(daily && weekly);
        QCOMPARE(daily->prefix(), QStringLiteral("€"));

        cars->setCurrentRow(0); // untouched rates follow the car
        QCOMPARE(qRound64(daily->value() * 100), rates.value(ids.at(0)).dailyCents);
        QCOMPARE(qRound64(weekly->value() * 100), *rates.value(ids.at(0)).weeklyCents);

        daily->setFocus();
        daily->selectAll();
        QTest::keyClicks(daily, QStringLiteral("77"));
        QCOMPARE(daily->value(), 77.0);
        cars->setCurrentRow(other); // the typed daily rate stays; the weekly one follows the car
        QCOMPARE(daily->value(), 77.0);
        QCOMPARE(qRound64(weekly->value() * 100), *rates.value(ids.at(other)).weeklyCents);
        QVERIFY2(dialog.summaryLabel()->text().contains(euros(7700)), qPrintable(dialog.summaryLabel()->text()));

        weekly->setFocus();
        weekly->selectAll();
        QTest::keyClicks(weekly, QStringLiteral("400"));
        cars->setCurrentRow(0); // both typed now: both stay
        QCOMPARE(daily->value(), 77.0);
        QCOMPARE(weekly->value(), 400.0);
        saveScreenshot(&dialog, QStringLiteral("booking-new-rates"));
    }

    // Amounts read the same everywhere in Bookings: the locale's currency format with the database's
    // currency; columns of amounts with their cents so that they line up.
    void amountsAreWrittenInTheCurrencyFormat()
    {
        // The list: a booking of £111 paid £161.50, £50.50 in credit.
        const qint64 creditCar = freeCar();
        const qint64 creditCustomer = licensedCustomer();
        const auto credited = runJob(*m_thread, [=](Database &db) -> Result<qint64> {
            BookingRequest request;
            request.carId = creditCar;
            request.customerId = creditCustomer;
            request.pickup = QDateTime(QDate::currentDate().addDays(60), QTime(10, 0));
            request.returned = request.pickup.addDays(2);
            request.rates.dailyCents = 5550;
            const auto booking = BookingService::create(db, request);
            if (!booking)
                return std::unexpected(booking.error());
            if (auto paid = BookingService::addPayment(db, booking->id, QStringLiteral("payment"), 16150,
                                                       QStringLiteral("card"));
                !paid)
                return std::unexpected(paid.error());
            return booking->id;
        });
        QVERIFY2(credited, qPrintable(credited ? QString() : credited.error().message));
        BookingListModel model(m_thread.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCurrency(QStringLiteral("GBP"));
        BookingFilter filter;
        filter.carId = creditCar;
        QSignalSpy listed(&model, &BookingListModel::loaded);
        model.show({filter});
        QVERIFY(listed.wait(10000));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, BookingListModel::Total).data().toString(), QStringLiteral("£111.00"));
        QCOMPARE(model.index(0, BookingListModel::Balance).data().toString(),
                 Money::format(-5050, QStringLiteral("GBP"), QLocale(), Money::Cents::Always)); // "(£50.50)" in en_GB

        // A booking's dialog: its money, its payments, the amount boxes.
        const qint64 car = freeCar();
        const qint64 customer = licensedCustomer();
        const auto made = runJob(*m_thread, [=](Database &db) -> Result<qint64> {
            BookingRequest request;
            request.carId = car;
            request.customerId = customer;
            request.pickup = QDateTime(QDate::currentDate().addDays(70), QTime(10, 0));
            request.returned = request.pickup.addDays(2);
            request.rates.dailyCents = 4550;
            const auto booking = BookingService::create(db, request);
            if (!booking)
                return std::unexpected(booking.error());
            if (auto paid = BookingService::addPayment(db, booking->id, QStringLiteral("payment"), 1250,
                                                       QStringLiteral("card"));
                !paid)
                return std::unexpected(paid.error());
            return booking->id;
        });
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
        BookingDialog dialog(m_thread.get(), QStringLiteral("EUR"));
        QSignalSpy settled(&dialog, &BookingDialog::settled);
        dialog.showBooking(*made);
        dialog.show();
        QVERIFY(settled.wait(10000));
        auto *payments = dialog.findChild<QTreeWidget *>(QStringLiteral("payments"));
        QCOMPARE(payments->topLevelItem(0)->text(3), QStringLiteral("€12.50"));
        QStringList facts;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            facts << label->text();
        QVERIFY2(facts.contains(QStringLiteral("Total €91 · balance €78.50 · deposit asked €0, held €0")),
                 qPrintable(facts.join(QLatin1Char('\n'))));
        QVERIFY2(facts.contains(QStringLiteral("€45.50 a day, unlimited kilometres")),
                 qPrintable(facts.join(QLatin1Char('\n'))));
        saveScreenshot(&dialog, QStringLiteral("booking-details-money"));

        // Where the locale writes the sign after the amount, so does the amount box.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        {
            BookingDialog german(m_thread.get(), QStringLiteral("EUR"));
            auto *daily = german.findChild<QDoubleSpinBox *>(QStringLiteral("dailyRate"));
            QCOMPARE(daily->prefix(), QString());
            QCOMPARE(daily->suffix().trimmed(), QStringLiteral("€"));
            QCheckBox *childSeat = nullptr;
            for (QCheckBox *box : german.findChildren<QCheckBox *>()) {
                if (box->text().startsWith(QStringLiteral("Child seat")))
                    childSeat = box;
            }
            QVERIFY(childSeat);
            QVERIFY2(childSeat->text().contains(Money::format(500, QStringLiteral("EUR"))),
                     qPrintable(childSeat->text()));
        }
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    // A returned booking whose customer still owes money carries an "owed" badge in the list's Balance column,
    // with a tooltip that says what to do; a booking paid in full does not.
    void listMarksABalanceOwed()
    {
        const qint64 car = freeCar();
        const qint64 customer = licensedCustomer();
        const auto made = runJob(*m_thread, [=](Database &db) -> Result<qint64> {
            BookingRequest request;
            request.carId = car;
            request.customerId = customer;
            request.pickup = QDateTime::currentDateTime().addSecs(600);
            request.returned = request.pickup.addDays(2);
            request.rates.dailyCents = 4000;
            const auto booking = BookingService::create(db, request);
            if (!booking)
                return std::unexpected(booking.error());
            const int km = scalar(db, "SELECT mileage_km FROM cars WHERE id = " + std::to_string(car)).toInt();
            if (auto picked = BookingService::pickUp(db, booking->id, km, 100, QDateTime::currentDateTimeUtc());
                !picked)
                return std::unexpected(picked.error());
            if (auto back = BookingService::returnCar(db, booking->id, km + 100, 100, {},
                                                      QDateTime::currentDateTimeUtc().addSecs(60));
                !back)
                return std::unexpected(back.error());
            return booking->id;
        });
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
        const QString stock = query("SELECT stock_number FROM cars WHERE id = " + std::to_string(car));
        m_page->tabs()->setCurrentIndex(1);
        auto *overdueOnly = m_page->findChild<QCheckBox *>(QStringLiteral("overdueOnly"));
        if (overdueOnly->isChecked()) {
            QSignalSpy loaded(m_page.get(), &BookingsPage::loaded);
            overdueOnly->setChecked(false);
            QVERIFY(loaded.wait(10000));
        }
        QSignalSpy loaded(m_page.get(), &BookingsPage::loaded);
        m_page->findChild<QLineEdit *>(QStringLiteral("bookingSearch"))->setText(stock);
        QVERIFY(loaded.wait(10000));
        QTRY_VERIFY(!m_page->isLoading());
        BookingListModel *model = m_page->listModel();
        int row = -1;
        for (int i = 0; i < model->rowCount(); ++i) {
            if (model->rowAt(i) && model->rowAt(i)->id == *made)
                row = i;
        }
        QVERIFY(row >= 0);
        QVERIFY(model->rowAt(row)->balanceCents > 0);
        QTableView *list = m_page->listView();
        const QRect cell = list->visualRect(model->index(row, BookingListModel::Balance));
        QVERIFY(!cell.isEmpty());
        QHelpEvent help(QEvent::ToolTip, cell.center(), list->viewport()->mapToGlobal(cell.center()));
        QApplication::sendEvent(list->viewport(), &help);
        QVERIFY2(QToolTip::text().contains(QStringLiteral("still owed")), qPrintable(QToolTip::text()));
        saveScreenshot(m_page.get(), QStringLiteral("bookings-balance-owed"));

        // Paid: no badge, no tooltip of it.
        QToolTip::hideText();
        const auto paid = runJob(*m_thread, [id = *made, cents = model->rowAt(row)->balanceCents](Database &db) {
            return BookingService::addPayment(db, id, QStringLiteral("payment"), cents, QStringLiteral("card"));
        });
        QVERIFY(paid);
        reloadPage();
        QTRY_VERIFY(model->rowCount() > row && model->rowAt(row) && model->rowAt(row)->balanceCents == 0);
        QHelpEvent again(QEvent::ToolTip, cell.center(), list->viewport()->mapToGlobal(cell.center()));
        QApplication::sendEvent(list->viewport(), &again);
        QVERIFY2(!QToolTip::text().contains(QStringLiteral("still owed")), qPrintable(QToolTip::text()));
        m_page->findChild<QLineEdit *>(QStringLiteral("bookingSearch"))->clear();
        reloadPage();
    }

    // Columns as wide as what they show: dates and cars whole, the amounts as wide as the amounts, the
    // customer's name taking the room that is left; at the smallest window and at full HD.
    void listColumnsFitTheirContent()
    {
        m_page->tabs()->setCurrentIndex(1);
        auto *overdueOnly = m_page->findChild<QCheckBox *>(QStringLiteral("overdueOnly"));
        if (overdueOnly->isChecked()) {
            QSignalSpy loaded(m_page.get(), &BookingsPage::loaded);
            overdueOnly->setChecked(false);
            QVERIFY(loaded.wait(10000));
        }
        QTableView *list = m_page->listView();
        QVERIFY(list->model()->rowCount() > 5);
        QHeaderView *header = list->horizontalHeader();
        // 1024 × 700 and 1920 × 1080 windows, less the section list at their left.
        for (const QSize size : {QSize(1024 - 200, 640), QSize(1920 - 200, 1020)}) {
            m_page->resize(size);
            QTest::qWait(50);
            QCoreApplication::processEvents();
            for (const int column :
                 {BookingListModel::Id, BookingListModel::Pickup, BookingListModel::Return, BookingListModel::Car,
                  BookingListModel::Status, BookingListModel::Total, BookingListModel::Balance}) {
                // (public in QAbstractItemView)
                const int needed = std::max(static_cast<QAbstractItemView *>(list)->sizeHintForColumn(column),
                                            header->sectionSizeHint(column));
                QVERIFY2(header->sectionSize(column) >= needed,
                         qPrintable(QStringLiteral("column %1 is %2 px for %3 px of text at width %4")
                                        .arg(column)
                                        .arg(header->sectionSize(column))
                                        .arg(needed)
                                        .arg(size.width())));
                QVERIFY2(header->sectionSize(column) <= needed + 8,
                         qPrintable(QStringLiteral("column %1 is %2 px for %3 px of text at width %4")
                                        .arg(column)
                                        .arg(header->sectionSize(column))
                                        .arg(needed)
                                        .arg(size.width())));
            }
            // The customer's name is whole too; with room to spare it takes the rest of the width.
            const auto *view = static_cast<QAbstractItemView *>(list);
            QVERIFY(header->sectionSize(BookingListModel::Customer) >=
                    std::max(view->sizeHintForColumn(BookingListModel::Customer),
                             header->sectionSizeHint(BookingListModel::Customer)));
            if (size.width() > 1500)
                QCOMPARE(header->length(), list->viewport()->width());
            saveScreenshot(m_page.get(), QStringLiteral("bookings-list-%1").arg(size.width()));
        }
        m_page->resize(1300, 800);
        m_page->tabs()->setCurrentIndex(0);
    }

    // A rental past its return shows as overdue, and the list can show only those.
    void listsOverdueRentals()
    {
        const qint64 car = freeCar();
        const qint64 customer = licensedCustomer();
        const auto made = runJob(*m_thread, [=](Database &db) -> Result<qint64> {
            BookingRequest request;
            request.carId = car;
            request.customerId = customer;
            request.pickup = QDateTime::currentDateTime().addDays(-3);
            request.returned = QDateTime::currentDateTime().addSecs(3600);
            request.rates.dailyCents = 4000;
            const auto booking = BookingService::create(db, request);
            if (!booking)
                return std::unexpected(booking.error());
            const int km = scalar(db, "SELECT mileage_km FROM cars WHERE id = " + std::to_string(car)).toInt();
            if (auto picked = BookingService::pickUp(db, booking->id, km, 100, request.pickup); !picked)
                return std::unexpected(picked.error());
            // A day later than it was due: a reservation cannot end in the past, so the rental's return moves back.
            if (const QString moved =
                    execute(db, "UPDATE bookings SET return_at = now() - interval '1 day' WHERE id = " +
                                    std::to_string(booking->id));
                !moved.isEmpty())
                return std::unexpected(Error{Error::Code::Unknown, moved});
            return booking->id;
        });
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
        m_page->tabs()->setCurrentIndex(1);
        QSignalSpy loaded(m_page.get(), &BookingsPage::loaded);
        m_page->findChild<QCheckBox *>(QStringLiteral("overdueOnly"))->setChecked(true);
        QVERIFY(loaded.wait(10000));
        BookingListModel *model = m_page->listModel();
        QVERIFY(model->rowCount() >= 1);
        bool found = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            QTRY_VERIFY(model->rowAt(row).has_value());
            QCOMPARE(model->data(model->index(row, BookingListModel::Status)).toString(), QStringLiteral("Overdue"));
            QVERIFY(model->data(model->index(row, BookingListModel::Status), Qt::ForegroundRole).isValid());
            found = found || model->rowAt(row)->id == *made;
        }
        QVERIFY(found);
        saveScreenshot(m_page.get(), QStringLiteral("bookings-overdue"));
    }

    // A car brought back early is drawn up to its actual return, not the return booked.
    void timelineEndsAnEarlyReturnAtTheActualReturn()
    {
        const qint64 car = freeCar();
        const qint64 customer = licensedCustomer();
        const QDateTime now = QDateTime::currentDateTime();
        const QDateTime pickup = now.addDays(-1);
        const QDateTime booked = now.addDays(4);
        const QDateTime back = now.addSecs(-3600);
        const auto made = runJob(*m_thread, [=](Database &db) -> Result<qint64> {
            BookingRequest request;
            request.carId = car;
            request.customerId = customer;
            request.pickup = pickup;
            request.returned = booked;
            request.rates.dailyCents = 4000;
            const auto booking = BookingService::create(db, request);
            if (!booking)
                return std::unexpected(booking.error());
            const int km = scalar(db, "SELECT mileage_km FROM cars WHERE id = " + std::to_string(car)).toInt();
            if (auto picked = BookingService::pickUp(db, booking->id, km, 100, pickup); !picked)
                return std::unexpected(picked.error());
            if (auto returned = BookingService::returnCar(db, booking->id, km + 80, 90, {}, back); !returned)
                return std::unexpected(returned.error());
            return booking->id;
        });
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
        reloadPage();
        BookingTimeline *timeline = m_page->timeline();
        const QList<Timeline::Bar> &bars = timeline->timeline().bars;
        const auto bar =
            std::find_if(bars.cbegin(), bars.cend(), [&](const Timeline::Bar &bar) { return bar.bookingId == *made; });
        QVERIFY(bar != bars.cend());
        const QRect rect = timeline->barRect(int(bar - bars.cbegin()));
        const double actual = timeline->xOf(back);
        QVERIFY2(timeline->xOf(booked) - actual > 50, "the two ends are far apart at this zoom");
        QVERIFY2(qAbs(rect.right() + 1 - actual) <= 2,
                 qPrintable(QStringLiteral("the bar ends at %1, the car came back at %2, was booked until %3")
                                .arg(rect.right() + 1)
                                .arg(actual)
                                .arg(timeline->xOf(booked))));
        timeline->verticalScrollBar()->setValue(bar->carIndex * BookingTimeline::RowHeight);
        saveScreenshot(m_page.get(), QStringLiteral("bookings-early-return"));
    }

    // The month names over the days never overlap, whatever the zoom, the width and the scroll position
    // (a month change near the left edge, February's 28 days, narrow days): each label is the longest
    // name of its month that fits its own columns.
    void monthHeadersNeverOverlap()
    {
        BookingTimeline timeline;
        Timeline data;
        data.from = QDateTime(QDate(2027, 1, 20), QTime(0, 0));
        data.to = QDateTime(QDate(2027, 1, 20).addDays(91), QTime(0, 0));
        data.cars << Timeline::Car{
            1, QStringLiteral("A1"), QStringLiteral("Test car"), QStringLiteral("available"), {}};
        timeline.setTimeline(data);
        const QFontMetrics metrics(timeline.font());
        for (const int width : {1024, 834, 520}) {
            timeline.resize(width, 300);
            for (const auto zoom : {BookingTimeline::Zoom::Day, BookingTimeline::Zoom::Week,
                                    BookingTimeline::Zoom::Month, BookingTimeline::Zoom::Quarter}) {
                timeline.setZoom(zoom);
                for (int day = 0; day < 91; day += 1) {
                    timeline.scrollToDay(data.from.date().addDays(day));
                    const QList<BookingTimeline::HeaderLabel> labels = timeline.headerLabels();
                    const QString where =
                        QStringLiteral("width %1, zoom %2, from day %3: ").arg(width).arg(int(zoom)).arg(day);
                    QVERIFY2(!labels.isEmpty(), qPrintable(where + QStringLiteral("no label")));
                    for (int i = 0; i < labels.size(); ++i) {
                        const BookingTimeline::HeaderLabel &label = labels.at(i);
                        QVERIFY2(metrics.horizontalAdvance(label.text) <= label.rect.width(),
                                 qPrintable(where + label.text + QStringLiteral(" is cut")));
                        QVERIFY2(label.rect.left() >= BookingTimeline::LabelWidth &&
                                     label.rect.right() < timeline.viewport()->width(),
                                 qPrintable(where + label.text + QStringLiteral(" is outside the days")));
                        if (i > 0)
                            QVERIFY2(
                                labels.at(i - 1).rect.right() < label.rect.left(),
                                qPrintable(where + labels.at(i - 1).text + QStringLiteral(" overlaps ") + label.text));
                    }
                }
            }
        }
        // A month with room shows its whole name: at 1024 px a month is about 26 px a day.
        timeline.resize(1024, 300);
        timeline.setZoom(BookingTimeline::Zoom::Month);
        timeline.scrollToDay(QDate(2027, 1, 29)); // January's last three days, then February
        const QList<BookingTimeline::HeaderLabel> labels = timeline.headerLabels();
        QCOMPARE(labels.size(), 2);
        QCOMPARE(labels.at(1).text, QStringLiteral("February 2027"));
        QVERIFY2(labels.at(0).text.startsWith(QStringLiteral("Jan")) &&
                     labels.at(0).text != QStringLiteral("January 2027"),
                 qPrintable(labels.at(0).text)); // three days of January: a shorter name
        timeline.show();
        saveScreenshot(&timeline, QStringLiteral("timeline-months-1024"));
        timeline.setZoom(BookingTimeline::Zoom::Quarter);
        saveScreenshot(&timeline, QStringLiteral("timeline-quarter-1024"));
        timeline.setZoom(BookingTimeline::Zoom::Week);
        saveScreenshot(&timeline, QStringLiteral("timeline-week-1024"));
    }

    // A day is a column even when the clocks change: noon on the 25-hour day of the autumn change sits
    // 12/25 of the way across its column, and the day after starts a whole column later.
    void timelineDaysFollowTheClockChange()
    {
        const QTimeZone berlin("Europe/Berlin");
        BookingTimeline timeline;
        timeline.setTimeZone(berlin);
        timeline.resize(1000, 400);
        timeline.setZoom(BookingTimeline::Zoom::Week);
        Timeline data;
        data.from = QDateTime(QDate(2026, 10, 24), QTime(0, 0), berlin);
        data.to = QDateTime(QDate(2026, 10, 31), QTime(0, 0), berlin);
        data.cars << Timeline::Car{
            1, QStringLiteral("A1"), QStringLiteral("Test car"), QStringLiteral("available"), {}};
        timeline.setTimeline(data);
        const double day = timeline.xOf(QDateTime(QDate(2026, 10, 25), QTime(0, 0), berlin)) -
                           timeline.xOf(QDateTime(QDate(2026, 10, 24), QTime(0, 0), berlin));
        const double noon = timeline.xOf(QDateTime(QDate(2026, 10, 25), QTime(12, 0), berlin)) -
                            timeline.xOf(QDateTime(QDate(2026, 10, 25), QTime(0, 0), berlin));
        const double longDay = timeline.xOf(QDateTime(QDate(2026, 10, 26), QTime(0, 0), berlin)) -
                               timeline.xOf(QDateTime(QDate(2026, 10, 25), QTime(0, 0), berlin));
        QVERIFY(day > 10);
        QVERIFY2(qAbs(longDay - day) < 0.01, "the 25-hour day is one column wide");
        QVERIFY2(qAbs(noon - day * 13.0 / 25.0) < 0.01, "noon is 13 of the day's 25 hours in");
    }

    // Point 22: a car without a branch shows no dangling separator, in the car list of a booking (the
    // cars free then, the alternatives to a taken one) and in the timeline's tooltip.
    void aCarWithoutABranchHasNoDanglingSeparator()
    {
        // Half the fleet without a branch (this runs last: nothing after it needs them).
        query(
            "WITH moved AS (UPDATE cars SET branch_id = NULL WHERE id % 2 = 0 RETURNING 1) SELECT count(*) FROM moved");
        // Checks every car of the list; true when one of them had no branch.
        const auto checkItems = [this](QListWidget *list) {
            int checked = 0;
            bool withoutBranch = false;
            for (int i = 0; i < list->count(); ++i) {
                const qint64 id = list->item(i)->data(Qt::UserRole).toLongLong();
                if (id <= 0)
                    continue;
                const QString code = query("SELECT coalesce(b.code, '') FROM cars c LEFT JOIN branches b ON b.id = "
                                           "c.branch_id WHERE c.id = " +
                                           std::to_string(id));
                const QString text = list->item(i)->text();
                // Every "·" stands between two things (the rates may follow the car too).
                const QStringList parts = text.split(QStringLiteral("·"));
                const bool noDangling = std::none_of(parts.cbegin(), parts.cend(), [](const QString &part) {
                    return part.trimmed().isEmpty() || part.trimmed().startsWith(QLatin1Char('('));
                });
                const bool right = noDangling && (code.isEmpty() || text.contains(QStringLiteral(" · ") + code));
                if (!right) {
                    qWarning("wrong: %s", qPrintable(text));
                    return false;
                }
                withoutBranch = withoutBranch || code.isEmpty();
                ++checked;
            }
            return checked > 0 && withoutBranch;
        };

        const auto [car, pickup] = firstReservation();
        BookingDialog dialog(m_thread.get(), QStringLiteral("EUR"));
        dialog.startBooking(car, pickup.toLocalTime());
        dialog.show();
        QTRY_VERIFY(dialog.carList()->currentItem() &&
                    dialog.carList()->currentItem()->data(Qt::UserRole).toLongLong() == car);
        QVERIFY(checkItems(dialog.carList()));
        QTRY_VERIFY(dialog.customerList()->count() > 0);
        dialog.customerList()->setCurrentRow(0);
        QTRY_VERIFY(dialog.bookButton()->isEnabled());
        dialog.bookButton()->click();
        QTRY_VERIFY(dialog.errorText().contains(QStringLiteral("Similar cars free")));
        QVERIFY(checkItems(dialog.carList())); // the alternatives

        BookingTimeline timeline;
        timeline.resize(1000, 300);
        timeline.show();
        Timeline data;
        data.from = QDateTime(QDate::currentDate(), QTime(0, 0));
        data.to = data.from.addDays(7);
        data.cars << Timeline::Car{1, QStringLiteral("A1"), QStringLiteral("Test car"), QStringLiteral("available"), {}}
                  << Timeline::Car{2, QStringLiteral("A2"), QStringLiteral("Other car"), QStringLiteral("available"),
                                   QStringLiteral("BER1")};
        timeline.setTimeline(data);
        const auto tooltipOf = [&timeline](int row) {
            const QPoint at(10, timeline.rowRect(row).center().y());
            QHelpEvent help(QEvent::ToolTip, at, timeline.viewport()->mapToGlobal(at));
            QApplication::sendEvent(timeline.viewport(), &help);
            return QToolTip::text();
        };
        QCOMPARE(tooltipOf(0), QStringLiteral("#A1 Test car (Available)"));
        QCOMPARE(tooltipOf(1), QStringLiteral("#A2 Other car (Available, BER1)"));
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DatabaseThread> m_thread;
    std::unique_ptr<BookingsPage> m_page;
};

QTEST_MAIN(TestBookingsPage)
#include "tst_bookingspage.moc"

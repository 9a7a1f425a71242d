#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/DatabaseThread.h"
#include "models/BookingListModel.h"
#include "services/BookingService.h"
#include "ui/BookingDialog.h"
#include "ui/BookingTimeline.h"
#include "ui/BookingsPage.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateTimeEdit>
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

private slots:
    void initTestCase()
    {
        useTestSettings(QStringLiteral("tst_bookingspage"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        const QString error = openDemoDatabase(m_db, m_thread, QStringLiteral("bookingspage"), 60);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_page = std::make_unique<BookingsPage>(m_thread.get());
        m_page->resize(1300, 800);
        m_page->show();
        QSignalSpy loaded(m_page.get(), &BookingsPage::loaded);
        m_page->activate();
        QVERIFY(loaded.wait(20000));
        QTRY_VERIFY(!m_page->isLoading());
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_thread.reset();
        m_db.reset();
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
        // A bar in view: scroll to it, then click its middle.
        const Timeline::Bar bar = data.bars.constFirst();
        timeline->scrollToDay(bar.pickup.toLocalTime().date());
        timeline->verticalScrollBar()->setValue(bar.carIndex * BookingTimeline::RowHeight);
        const QRect rect = timeline->barRect(0);
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
        BookingDialog dialog(m_thread.get());
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

    // A rental past its return shows as overdue, and the list can show only those.
    void listsOverdueRentals()
    {
        const qint64 car = query("SELECT min(id) FROM cars c WHERE status = 'available' AND NOT EXISTS "
                                 "(SELECT 1 FROM bookings b WHERE b.car_id = c.id)")
                               .toLongLong();
        const qint64 customer =
            query("SELECT min(id) FROM customers WHERE licence_expiry > current_date + 30").toLongLong();
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
            QCOMPARE(model->data(model->index(row, BookingListModel::Status)).toString(), QStringLiteral("Overdue"));
            QVERIFY(model->data(model->index(row, BookingListModel::Status), Qt::ForegroundRole).isValid());
            found = found || model->booking(row).id == *made;
        }
        QVERIFY(found);
        saveScreenshot(m_page.get(), QStringLiteral("bookings-overdue"));
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
                const bool right =
                    code.isEmpty() ? !text.contains(QStringLiteral("·")) : text.contains(QStringLiteral(" · ") + code);
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
        BookingDialog dialog(m_thread.get());
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

#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "domain/CarValidator.h"
#include "domain/Vin.h"
#include "services/BookingService.h"
#include "services/FleetService.h"
#include "services/RentalDeskService.h"

#include <QLocale>
#include <QTest>
#include <QtConcurrent>

#include <latch>

#include <pqxx/pqxx>

// The rental desk against a real PostgreSQL: bookings priced from rate cards and settled at return with their
// lines, deposit movements and gap-free invoice numbers, all in one transaction.
class TestRentalDesk : public QObject
{
    Q_OBJECT

    QString query(const std::string &sql) { return scalar(*m_database, sql); }

    void exec(const std::string &sql)
    {
        const QString error = execute(*m_database, sql);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // "2054-06-01T10:00" in Berlin, the branches' zone.
    QDateTime at(const char *text) const
    {
        const QDateTime local = QDateTime::fromString(QString::fromLatin1(text), QStringLiteral("yyyy-MM-ddTHH:mm"));
        return QDateTime(local.date(), local.time(), m_zone);
    }

    // A new car of class `vehicleClass` at branch `branch` (0: none), with 1,000 km on it.
    qint64 addCar(const char *vehicleClass, qint64 branch)
    {
        ++m_cars;
        return query("INSERT INTO cars (vin, make, model, model_year, body_type, fuel_type, transmission, drive, "
                     "condition, list_price, mileage_km, branch_id, vehicle_class) VALUES ('WVWZZZ' || lpad('" +
                     std::to_string(m_cars) +
                     "', 11, '0'), 'Volkswagen', 'Golf', 2022, 'hatchback', 'petrol', 'manual', 'fwd', 'used', "
                     "24000, 1000, " +
                     (branch ? std::to_string(branch) : std::string("NULL")) + ", '" + vehicleClass + "') RETURNING id")
            .toLongLong();
    }

    BookingRequest request(qint64 car, const char *from, const char *to) const
    {
        BookingRequest booking;
        booking.carId = car;
        booking.customerId = m_customer;
        booking.zone = m_zone;
        booking.pickup = at(from);
        booking.returned = at(to);
        return booking;
    }

    // A booking made and picked up (1,000 km, a full tank): its id, or 0 after a failed check.
    qint64 rentOut(const BookingRequest &wanted)
    {
        const auto booking = BookingService::create(*m_database, wanted);
        if (!booking) {
            qWarning() << booking.error().oneLine();
            return 0;
        }
        const auto picked = BookingService::pickUp(*m_database, booking->id, 1000, 100, wanted.pickup, m_zone);
        if (!picked) {
            qWarning() << picked.error().oneLine();
            return 0;
        }
        return booking->id;
    }

    qint64 rentOut(const char *vehicleClass, const char *from, const char *to)
    {
        return rentOut(request(addCar(vehicleClass, m_branch), from, to));
    }

    ReturnEntry entry(qint64 booking, int km, int fuel, const char *when) const
    {
        ReturnEntry back;
        back.bookingId = booking;
        back.mileageKm = km;
        back.fuelPercent = fuel;
        back.at = at(when);
        return back;
    }

    static QString kinds(const SettlementBill &bill)
    {
        QStringList kinds;
        for (const QuoteLine &line : bill.lines)
            kinds << line.kind;
        return kinds.join(QLatin1Char(','));
    }

    RentalSettings defaults() const
    {
        RentalSettings settings;
        settings.kmPerDay = 200;
        settings.extraKmCents = 30;
        settings.fuelCharging = SettlementInput::FuelCharging::PerEighth;
        settings.refuelEighthCents = 1500;
        settings.graceMinutes = 59;
        settings.cleaningCents = 4900;
        settings.earlyReturn = SettlementInput::EarlyReturn::KeepBookedTotal;
        settings.pricesIncludeVat = true;
        settings.vatBasisPoints = 1900;
        settings.termsText = QStringLiteral("Return the car with a full tank.");
        return settings;
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        m_db = std::make_unique<TestDatabase>(QStringLiteral("rentaldesk"));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        m_database = m_db->openMigrated();
        QVERIFY(m_database);
        m_branch = query("INSERT INTO branches (code, name, address, time_zone) VALUES ('HQ', 'Head office', "
                         "'Hauptstraße 1, Berlin', 'Europe/Berlin') RETURNING id")
                       .toLongLong();
        exec("INSERT INTO customers (full_name, email, address, licence_number, licence_expiry) "
             "VALUES ('Anna Berger', 'anna@example.com', 'Lindenweg 4, Berlin', 'B072RRE2I55', '2060-01-31')");
        m_customer = query("SELECT max(id) FROM customers").toLongLong();

        // The migration's demo-sane defaults are there.
        QCOMPARE(query("SELECT string_agg(name, ',' ORDER BY position) FROM vehicle_classes"),
                 QStringLiteral("Economy,Compact,SUV,Premium,Van"));
        QCOMPARE(query("SELECT string_agg(code, ',' ORDER BY position) FROM rental_extras"),
                 QStringLiteral("child_seat,additional_driver,gps"));
        QCOMPARE(query("SELECT count(*) FROM rental_settings WHERE branch_id IS NULL"), QStringLiteral("1"));

        // The test's card for Compact: 50 a day, 300 a week; summer 2054 at 80 a day.
        RateCard card;
        card.vehicleClass = QStringLiteral("COMP");
        card.base = RateSet{5000, 30000, std::nullopt};
        card.seasons << Season{QStringLiteral("Summer 2054"), QDate(2054, 7, 1), QDate(2054, 8, 31),
                               RateSet{8000, std::nullopt, std::nullopt}};
        const auto saved = RentalDeskService::saveRateCard(*m_database, card, std::nullopt);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().oneLine()));
        const auto settings = RentalDeskService::saveSettings(*m_database, defaults());
        QVERIFY2(settings, qPrintable(settings ? QString() : settings.error().oneLine()));
        const auto read = RentalDeskService::rateCard(*m_database, QStringLiteral("COMP"), m_branch);
        QVERIFY(read);
        QCOMPARE(read->base, card.base);
        QCOMPARE(read->seasons.size(), 1);
        QCOMPARE(read->seasons[0].first, QDate(2054, 7, 1));
    }

    void cleanupTestCase()
    {
        m_database.reset();
        m_db.reset();
    }

    // The database refuses overlapping seasons of one card, whatever client writes.
    void seasonsOfACardNeverOverlap()
    {
        const QString error = execute(*m_database, "INSERT INTO rate_seasons (rate_card_id, name, first_day, "
                                                   "last_day, daily) SELECT id, 'Late summer', '2054-08-15', "
                                                   "'2054-09-15', 70 FROM rate_cards WHERE vehicle_class = 'COMP' "
                                                   "AND branch_id IS NULL");
        QVERIFY2(error.contains(QStringLiteral("rate_seasons_no_overlap")), qPrintable(error));
    }

    // Two days at the base rate and two in the summer season; the booking keeps the quote, so a later change of
    // the card does not move its bill.
    void settlesAcrossASeasonBoundaryFromTheKeptQuote()
    {
        const qint64 booking = rentOut("COMP", "2054-06-29T10:00", "2054-07-03T10:00");
        QVERIFY(booking);
        const std::string id = std::to_string(booking);
        QCOMPARE(query("SELECT total FROM bookings WHERE id = " + id), QStringLiteral("260.00"));
        QCOMPARE(query("SELECT quote -> 'card' -> 'base' ->> 'daily' FROM bookings WHERE id = " + id),
                 QStringLiteral("50.00"));
        exec("UPDATE rate_cards SET daily = 99 WHERE vehicle_class = 'COMP'");

        const auto settled =
            RentalDeskService::settleReturn(*m_database, entry(booking, 1300, 100, "2054-07-03T09:30"));
        exec("UPDATE rate_cards SET daily = 50 WHERE vehicle_class = 'COMP'");
        QVERIFY2(settled, qPrintable(settled ? QString() : settled.error().oneLine()));
        QCOMPARE(kinds(settled->bill), QStringLiteral("rental,rental"));
        QCOMPARE(settled->bill.grossCents, qint64(2 * 5000 + 2 * 8000));
        QCOMPARE(settled->bill.taxCents, qint64(4151)); // 26,000 × 19 / 119 = 4,151.26
        QCOMPARE(settled->bill.netCents, qint64(26000 - 4151));
        QVERIFY(settled->invoiceNumber.startsWith(QStringLiteral("HQ-2054-")));

        QCOMPARE(query("SELECT status || ' ' || total || ' ' || return_mileage_km FROM bookings WHERE id = " + id),
                 QStringLiteral("completed 260.00 1300"));
        QCOMPARE(query("SELECT string_agg(kind || ' ' || quantity || ' ' || unit_price || ' ' || amount, '; ' "
                       "ORDER BY position) FROM booking_charges WHERE booking_id = " +
                       id),
                 QStringLiteral("rental 2 50.00 100.00; rental 2 80.00 160.00"));
        QVERIFY(query("SELECT text FROM booking_charges WHERE position = 1 AND booking_id = " + id)
                    .contains(QStringLiteral("Summer 2054")));
        QCOMPARE(query("SELECT number_text || ' ' || net || ' ' || tax || ' ' || gross FROM invoices WHERE "
                       "booking_id = " +
                       id),
                 settled->invoiceNumber + QStringLiteral(" 218.49 41.51 260.00"));
        QCOMPARE(query("SELECT c.status FROM cars c JOIN bookings b ON b.car_id = c.id WHERE b.id = " + id),
                 QStringLiteral("available"));
        QCOMPARE(query("SELECT string_agg(topic, ',' ORDER BY id) FROM outbox_events WHERE aggregate_key = 'booking:" +
                       id + "' AND topic NOT LIKE '%reminder'"),
                 QStringLiteral("booking.created,booking.picked_up,booking.returned,booking.settled"));
    }

    // A rental day is a calendar day in Berlin, 23 or 25 hours long across a change of the clocks.
    void settlesAcrossADaylightSavingChange()
    {
        const qint64 autumn = rentOut("COMP", "2054-10-24T10:00", "2054-10-27T10:00"); // 73 hours
        const qint64 spring = rentOut("COMP", "2054-03-28T10:00", "2054-03-30T10:00"); // 47 hours
        QVERIFY(autumn && spring);
        const auto back = RentalDeskService::settleReturn(*m_database, entry(autumn, 1100, 100, "2054-10-27T10:30"));
        QVERIFY(back);
        QCOMPARE(back->bill.chargedDays, 3);
        QCOMPARE(back->bill.grossCents, qint64(3 * 5000));
        const auto late = RentalDeskService::settleReturn(*m_database, entry(spring, 1100, 100, "2054-03-30T11:30"));
        QVERIFY(late);
        QCOMPARE(late->bill.lateDays, 1);
        QCOMPARE(late->bill.grossCents, qint64(3 * 5000));
    }

    // A car without a branch: the defaults' settings and invoices of their own sequence.
    void aCarWithoutABranchIsInvoicedFromItsOwnSequence()
    {
        QStringList numbers;
        for (int i = 0; i < 2; ++i) {
            const qint64 booking = rentOut(request(addCar("COMP", 0), "2054-05-04T10:00", "2054-05-05T10:00"));
            QVERIFY(booking);
            const auto settled =
                RentalDeskService::settleReturn(*m_database, entry(booking, 1100, 100, "2054-05-05T10:00"));
            QVERIFY2(settled, qPrintable(settled ? QString() : settled.error().oneLine()));
            numbers << settled->invoiceNumber;
        }
        QCOMPARE(numbers, (QStringList{QStringLiteral("INV-2054-000001"), QStringLiteral("INV-2054-000002")}));
    }

    // Back two days into a five-day rental: the booked total by default, the used days when the desk says so.
    void earlyReturnKeepsTheBookedTotalOrChargesTheUsedDays()
    {
        const qint64 kept = rentOut("COMP", "2054-06-01T10:00", "2054-06-06T10:00");
        const qint64 used = rentOut("COMP", "2054-06-01T10:00", "2054-06-06T10:00");
        QVERIFY(kept && used);
        const auto keep = RentalDeskService::settleReturn(*m_database, entry(kept, 1100, 100, "2054-06-03T09:00"));
        QVERIFY2(keep, qPrintable(keep ? QString() : keep.error().oneLine()));
        QCOMPARE(keep->bill.grossCents, qint64(25000));
        QCOMPARE(keep->bill.usedDays, 2);

        ReturnEntry usedDays = entry(used, 1100, 100, "2054-06-03T09:00");
        usedDays.earlyReturn = SettlementInput::EarlyReturn::ChargeUsedDays;
        const auto charged = RentalDeskService::settleReturn(*m_database, usedDays);
        QVERIFY(charged);
        QCOMPARE(charged->bill.grossCents, qint64(10000));
        QCOMPARE(query("SELECT total FROM bookings WHERE id = " + std::to_string(used)), QStringLiteral("100.00"));
    }

    // Within the grace a return is on time; beyond it the extra day is a late line at the card's rate.
    void lateReturnChargesTheDaysPastTheGrace()
    {
        const qint64 booking = rentOut("COMP", "2054-06-10T10:00", "2054-06-12T10:00");
        QVERIFY(booking);
        const auto inGrace =
            RentalDeskService::previewReturn(*m_database, entry(booking, 1100, 100, "2054-06-12T10:45"));
        QVERIFY(inGrace);
        QCOMPARE(inGrace->grossCents, qint64(10000));
        QCOMPARE(inGrace->lateDays, 0);
        // A preview writes nothing.
        QCOMPARE(query("SELECT status FROM bookings WHERE id = " + std::to_string(booking)), QStringLiteral("active"));

        const auto late = RentalDeskService::settleReturn(*m_database, entry(booking, 1100, 100, "2054-06-12T11:30"));
        QVERIFY(late);
        QCOMPARE(late->bill.lateDays, 1);
        QCOMPARE(kinds(late->bill), QStringLiteral("rental,late"));
        QCOMPARE(late->bill.grossCents, qint64(15000));
    }

    // 200 km a day are included: 450 km in two days is 50 km over at 0.30.
    void extraKilometresAreCharged()
    {
        const qint64 booking = rentOut("COMP", "2054-06-15T10:00", "2054-06-17T10:00");
        QVERIFY(booking);
        QCOMPARE(query("SELECT km_per_day || ' ' || extra_km_rate FROM bookings WHERE id = " + std::to_string(booking)),
                 QStringLiteral("200 0.30"));
        const auto settled =
            RentalDeskService::settleReturn(*m_database, entry(booking, 1450, 100, "2054-06-17T10:00"));
        QVERIFY(settled);
        QCOMPARE(kinds(settled->bill), QStringLiteral("rental,km"));
        QCOMPARE(settled->bill.kmCharged, qint64(50));
        QCOMPARE(settled->bill.grossCents, qint64(10000 + 50 * 30));
    }

    // 60 % is 4.8 eighths: the part eighth missing counts, so 4 eighths are charged at 15.00.
    void missingFuelIsChargedByTheEighth()
    {
        const qint64 booking = rentOut("COMP", "2054-06-20T10:00", "2054-06-22T10:00");
        QVERIFY(booking);
        const auto settled = RentalDeskService::settleReturn(*m_database, entry(booking, 1100, 60, "2054-06-22T10:00"));
        QVERIFY(settled);
        QCOMPARE(settled->bill.fuelMissingEighths, 4);
        QCOMPARE(kinds(settled->bill), QStringLiteral("rental,fuel"));
        QCOMPARE(settled->bill.grossCents, qint64(10000 + 4 * 1500));
        QCOMPARE(query("SELECT return_fuel_pct FROM bookings WHERE id = " + std::to_string(booking)),
                 QStringLiteral("60"));
    }

    // Damage lines and cleaning as the desk enters them; the notes keep the damage's text.
    void damageAndCleaningAreLinesOfTheBill()
    {
        const qint64 booking = rentOut("COMP", "2054-06-24T10:00", "2054-06-25T10:00");
        QVERIFY(booking);
        ReturnEntry back = entry(booking, 1100, 100, "2054-06-25T10:00");
        back.damages << DamageCharge{QStringLiteral("Scratch on the rear bumper"), 12000};
        back.cleaning = true;
        const auto settled = RentalDeskService::settleReturn(*m_database, back);
        QVERIFY(settled);
        QCOMPARE(kinds(settled->bill), QStringLiteral("rental,cleaning,damage"));
        QCOMPARE(settled->bill.grossCents, qint64(5000 + 4900 + 12000));
        QCOMPARE(query("SELECT damage_notes FROM bookings WHERE id = " + std::to_string(booking)),
                 QStringLiteral("Scratch on the rear bumper"));
        QCOMPARE(query("SELECT amount FROM booking_charges WHERE kind = 'damage' AND booking_id = " +
                       std::to_string(booking)),
                 QStringLiteral("120.00"));
    }

    // A deposit is set against what is owed and the rest released; the balance the list shows is then right.
    void depositIsCapturedAndReleased()
    {
        const qint64 owing = rentOut("COMP", "2054-06-26T10:00", "2054-06-28T10:00");
        QVERIFY(owing);
        const std::string id = std::to_string(owing);
        QVERIFY(
            BookingService::addPayment(*m_database, owing, QStringLiteral("deposit"), 30000, QStringLiteral("card")));
        ReturnEntry back = entry(owing, 1100, 100, "2054-06-28T10:00");
        back.damages << DamageCharge{QStringLiteral("Cracked mirror"), 5000};
        const auto settled = RentalDeskService::settleReturn(*m_database, back);
        QVERIFY(settled);
        QCOMPARE(settled->bill.depositCaptureCents, qint64(15000));
        QCOMPARE(settled->bill.depositReleaseCents, qint64(15000));
        QCOMPARE(settled->bill.dueCents, qint64(0));
        QCOMPARE(query("SELECT string_agg(kind || ' ' || amount, ', ' ORDER BY id) FROM booking_payments WHERE "
                       "booking_id = " +
                       id),
                 QStringLiteral("deposit 300.00, deposit_capture 150.00, deposit_return 150.00"));
        QCOMPARE(
            query("SELECT paid || ' ' || balance || ' ' || deposit_held FROM booking_balances WHERE booking_id = " +
                  id),
            QStringLiteral("150.00 0.00 0.00"));

        // Paid in full beforehand: the whole deposit goes back.
        const qint64 paid = rentOut("COMP", "2054-06-26T10:00", "2054-06-28T10:00");
        QVERIFY(paid);
        QVERIFY(
            BookingService::addPayment(*m_database, paid, QStringLiteral("payment"), 10000, QStringLiteral("cash")));
        QVERIFY(
            BookingService::addPayment(*m_database, paid, QStringLiteral("deposit"), 30000, QStringLiteral("cash")));
        const auto released = RentalDeskService::settleReturn(*m_database, entry(paid, 1100, 100, "2054-06-28T10:00"));
        QVERIFY(released);
        QCOMPARE(released->bill.depositCaptureCents, qint64(0));
        QCOMPARE(released->bill.depositReleaseCents, qint64(30000));
        QCOMPARE(query("SELECT balance || ' ' || deposit_held FROM booking_balances WHERE booking_id = " +
                       std::to_string(paid)),
                 QStringLiteral("0.00 0.00"));
        QCOMPARE(query("SELECT method FROM booking_payments WHERE kind = 'deposit_return' AND booking_id = " +
                       std::to_string(paid)),
                 QStringLiteral("cash"));
    }

    // Prices with VAT in them (the default) and, at a branch of its own, without: VAT is then added on top, at
    // booking and on the bill.
    void vatIncludedAndExcluded()
    {
        const qint64 included = rentOut("COMP", "2054-09-01T10:00", "2054-09-03T10:00");
        QVERIFY(included);
        const auto in = RentalDeskService::settleReturn(*m_database, entry(included, 1100, 100, "2054-09-03T10:00"));
        QVERIFY(in);
        QCOMPARE(in->bill.grossCents, qint64(10000));
        QCOMPARE(in->bill.taxCents, qint64(1597)); // 10,000 × 19 / 119 = 1,596.6
        QCOMPARE(in->bill.netCents, qint64(8403));

        const qint64 branch = query("INSERT INTO branches (code, name, time_zone) VALUES ('NET', 'Trade counter', "
                                    "'Europe/Berlin') RETURNING id")
                                  .toLongLong();
        RentalSettings net = defaults();
        net.branchId = branch;
        net.pricesIncludeVat = false;
        QVERIFY(RentalDeskService::saveSettings(*m_database, net));
        const qint64 excluded = rentOut(request(addCar("COMP", branch), "2054-09-01T10:00", "2054-09-03T10:00"));
        QVERIFY(excluded);
        QCOMPARE(query("SELECT total FROM bookings WHERE id = " + std::to_string(excluded)), QStringLiteral("119.00"));
        const auto ex = RentalDeskService::settleReturn(*m_database, entry(excluded, 1100, 100, "2054-09-03T10:00"));
        QVERIFY(ex);
        QCOMPARE(ex->bill.netCents, qint64(10000));
        QCOMPARE(ex->bill.taxCents, qint64(1900));
        QCOMPARE(ex->bill.grossCents, qint64(11900));
        QVERIFY(ex->invoiceNumber.startsWith(QStringLiteral("NET-2054-")));
        QCOMPARE(query("SELECT prices_include_vat || ' ' || vat_basis_points FROM invoices WHERE booking_id = " +
                       std::to_string(excluded)),
                 QStringLiteral("false 1900"));
    }

    // A refused settlement writes nothing: no lines, no invoice, no number taken, no payment, still active.
    void aRefusalLeavesNothingWritten()
    {
        const qint64 booking = rentOut("COMP", "2054-10-01T10:00", "2054-10-03T10:00");
        QVERIFY(booking);
        const std::string id = std::to_string(booking);
        QVERIFY(
            BookingService::addPayment(*m_database, booking, QStringLiteral("deposit"), 30000, QStringLiteral("card")));
        const QString counter = query("SELECT coalesce(max(last), 0) FROM invoice_counters");
        const QString events = query("SELECT count(*) FROM outbox_events");

        const auto lower = RentalDeskService::settleReturn(*m_database, entry(booking, 999, 100, "2054-10-03T10:00"));
        QVERIFY(!lower);
        QCOMPARE(lower.error().message, QStringLiteral("The mileage at return (999 km) is below the mileage at pick-up "
                                                       "(1000 km). Check the reading."));
        ReturnEntry negative = entry(booking, 1100, 100, "2054-10-03T10:00");
        negative.damages << DamageCharge{QStringLiteral("Dent"), -100};
        QVERIFY(!RentalDeskService::settleReturn(*m_database, negative));
        const auto beforePickup =
            RentalDeskService::settleReturn(*m_database, entry(booking, 1100, 100, "2054-09-30T10:00"));
        QVERIFY(!beforePickup);

        QCOMPARE(query("SELECT status FROM bookings WHERE id = " + id), QStringLiteral("active"));
        QCOMPARE(query("SELECT count(*) FROM booking_charges WHERE booking_id = " + id), QStringLiteral("0"));
        QCOMPARE(query("SELECT count(*) FROM invoices WHERE booking_id = " + id), QStringLiteral("0"));
        QCOMPARE(query("SELECT count(*) FROM booking_payments WHERE booking_id = " + id), QStringLiteral("1"));
        QCOMPARE(query("SELECT coalesce(max(last), 0) FROM invoice_counters"), counter);
        QCOMPARE(query("SELECT count(*) FROM outbox_events"), events);

        // And once right, it settles; a second settlement is refused.
        QVERIFY(RentalDeskService::settleReturn(*m_database, entry(booking, 1100, 100, "2054-10-03T10:00")));
        const auto twice = RentalDeskService::settleReturn(*m_database, entry(booking, 1100, 100, "2054-10-03T10:00"));
        QVERIFY(!twice);
        QCOMPARE(twice.error().message,
                 QStringLiteral("Booking #%1 is completed, so it cannot be returned.").arg(booking));
    }

    // Eight desks settle at once at one branch: the invoices are numbered 1..N without a gap or a duplicate, also
    // when some settlements are rolled back after taking their number.
    void invoiceNumbersAreGapFreeUnderEightDesks()
    {
        const qint64 branch = query("INSERT INTO branches (code, name, time_zone) VALUES ('CC', 'Eight desks', "
                                    "'Europe/Berlin') RETURNING id")
                                  .toLongLong();
        constexpr int kDesks = 8;
        constexpr int kPerDesk = 4;
        QList<qint64> bookings;
        for (int i = 0; i < kDesks * kPerDesk; ++i) {
            const qint64 booking = rentOut(request(addCar("COMP", branch), "2054-11-02T10:00", "2054-11-04T10:00"));
            QVERIFY(booking);
            bookings << booking;
        }
        // One settlement in four fails after its number is taken (the invoice's insert refuses it).
        QList<qint64> failing;
        for (int i = 0; i < bookings.size(); i += 4)
            failing << bookings[i];
        QStringList failingIds;
        for (const qint64 id : failing)
            failingIds << QString::number(id);
        exec("CREATE FUNCTION test_refuse_invoice() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
             "IF NEW.booking_id IN (" +
             failingIds.join(QLatin1Char(',')).toStdString() +
             ") THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$");
        exec("CREATE TRIGGER test_refuse_invoice BEFORE INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION "
             "test_refuse_invoice()");

        const auto settleAll = [&](const QList<qint64> &ids) {
            const ConnectionProfile profile = m_db->profile();
            QThreadPool pool;
            pool.setMaxThreadCount(kDesks);
            std::latch connected(kDesks);
            QList<QFuture<QStringList>> desks;
            for (int desk = 0; desk < kDesks; ++desk) {
                QList<qint64> mine;
                for (int i = desk; i < ids.size(); i += kDesks)
                    mine << ids[i];
                desks << QtConcurrent::run(&pool, [this, profile, mine, &connected] {
                    auto database = Database::open(profile);
                    connected.arrive_and_wait();
                    QStringList outcomes;
                    if (!database)
                        return QStringList{database.error().oneLine()};
                    for (const qint64 id : mine) {
                        const auto settled =
                            RentalDeskService::settleReturn(**database, entry(id, 1100, 100, "2054-11-04T10:00"));
                        outcomes << (settled ? QStringLiteral("settled") : QStringLiteral("refused"));
                    }
                    return outcomes;
                });
            }
            QStringList outcomes;
            for (QFuture<QStringList> &desk : desks)
                outcomes << desk.result();
            return outcomes;
        };

        const QStringList first = settleAll(bookings);
        QCOMPARE(first.count(QStringLiteral("settled")), bookings.size() - failing.size());
        QCOMPARE(first.count(QStringLiteral("refused")), failing.size());
        const std::string numbers = "SELECT string_agg(number::text, ',' ORDER BY number) FROM invoices "
                                    "WHERE branch_id = " +
                                    std::to_string(branch);
        const auto oneTo = [](qsizetype n) {
            QStringList expected;
            for (int i = 1; i <= n; ++i)
                expected << QString::number(i);
            return expected.join(QLatin1Char(','));
        };
        QCOMPARE(query(numbers), oneTo(bookings.size() - failing.size()));
        QCOMPARE(query("SELECT count(*) FROM booking_charges WHERE booking_id IN (" +
                       failingIds.join(QLatin1Char(',')).toStdString() + ")"),
                 QStringLiteral("0"));

        exec("DROP TRIGGER test_refuse_invoice ON invoices");
        exec("DROP FUNCTION test_refuse_invoice()");
        const QStringList second = settleAll(failing);
        QCOMPARE(second.count(QStringLiteral("settled")), failing.size());
        QCOMPARE(query(numbers), oneTo(bookings.size()));
        QCOMPARE(query("SELECT count(DISTINCT number_text) FROM invoices WHERE branch_id = " + std::to_string(branch)),
                 QString::number(bookings.size()));
        QCOMPARE(query("SELECT last FROM invoice_counters WHERE year = 2054 AND branch_id = " + std::to_string(branch)),
                 QString::number(bookings.size()));
    }

    // The first invoice is the original; every later one is a copy with the same number.
    void invoiceTwiceIsACopyWithTheSameNumber()
    {
        const qint64 booking = rentOut("COMP", "2054-12-01T10:00", "2054-12-03T10:00");
        QVERIFY(booking);
        // Handed over half an hour before the booked pick-up: the invoice says when the car left.
        exec("UPDATE bookings SET picked_up_at = pickup_at - interval '30 minutes' WHERE id = " +
             std::to_string(booking));
        const auto notYet = RentalDeskService::invoice(*m_database, booking, QLocale());
        QVERIFY(!notYet);
        QVERIFY2(notYet.error().message.contains(QStringLiteral("is active")), qPrintable(notYet.error().message));
        QVERIFY(
            BookingService::addPayment(*m_database, booking, QStringLiteral("deposit"), 30000, QStringLiteral("card")));
        const auto settled = RentalDeskService::settleReturn(*m_database, entry(booking, 1100, 75, "2054-12-03T10:00"));
        QVERIFY(settled);
        const auto original = RentalDeskService::invoice(*m_database, booking, QLocale(QLocale::German));
        QVERIFY2(original, qPrintable(original ? QString() : original.error().oneLine()));
        QVERIFY(!original->copy);
        QCOMPARE(original->number, settled->invoiceNumber);
        QCOMPARE(original->grossCents, settled->bill.grossCents);
        QCOMPARE(original->lines.size(), settled->bill.lines.size());
        QCOMPARE(original->customer.name, QStringLiteral("Anna Berger"));
        QCOMPARE(original->branch.code, QStringLiteral("HQ"));
        QCOMPARE(original->car.vehicleClass, QStringLiteral("Compact"));
        QCOMPARE(original->fuelOutEighths, std::optional<int>(8));
        QCOMPARE(original->fuelInEighths, std::optional<int>(6));
        QCOMPARE(original->depositCapturedCents, settled->bill.depositCaptureCents);
        QCOMPARE(original->payments.size(), 3); // the deposit, its capture and its release
        QCOMPARE(original->balanceCents, qint64(0));
        QCOMPARE(original->format.locale.language(), QLocale::German);
        QCOMPARE(original->pickupAt, QDateTime(QDate(2054, 12, 1), QTime(9, 30), m_zone));
        const auto copy = RentalDeskService::invoice(*m_database, booking, QLocale());
        QVERIFY(copy);
        QVERIFY(copy->copy);
        QCOMPARE(copy->number, original->number);

        const auto receipt = RentalDeskService::receipt(
            *m_database,
            query("SELECT min(id) FROM booking_payments WHERE booking_id = " + std::to_string(booking)).toLongLong(),
            QLocale());
        QVERIFY(receipt);
        QCOMPARE(receipt->payment.kind, QStringLiteral("deposit"));
        QCOMPARE(receipt->balanceAfterCents, settled->bill.grossCents); // a deposit pays nothing yet

        const auto agreement = RentalDeskService::agreement(*m_database, booking, QLocale());
        QVERIFY(agreement);
        QCOMPARE(agreement->quotedTotalCents, qint64(10000));
        QCOMPARE(agreement->termsText, QStringLiteral("Return the car with a full tank."));
        QCOMPARE(agreement->kmPerDay, std::optional<int>(200));
    }

    // A branch that requires a deposit does not hand a car over without one; the desk is told first.
    void aRequiredDepositIsTakenBeforeThePickUp()
    {
        const qint64 branch = query("INSERT INTO branches (code, name, time_zone) VALUES ('DEP', 'Deposits', "
                                    "'Europe/Berlin') RETURNING id")
                                  .toLongLong();
        RentalSettings strict = defaults();
        strict.branchId = branch;
        strict.depositRequired = true;
        QVERIFY(RentalDeskService::saveSettings(*m_database, strict));
        const BookingRequest wanted = request(addCar("COMP", branch), "2054-12-10T10:00", "2054-12-12T10:00");
        const auto booking = BookingService::create(*m_database, wanted);
        QVERIFY(booking);
        const auto warnings = RentalDeskService::pickUpWarnings(*m_database, booking->id);
        QVERIFY(warnings);
        QVERIFY(warnings->noDeposit);
        QVERIFY(warnings->depositRequired);
        QCOMPARE(warnings->texts.size(), 1);
        const auto refused = BookingService::pickUp(*m_database, booking->id, 1000, 100, wanted.pickup, m_zone);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("requires one")), qPrintable(refused.error().message));
        QCOMPARE(query("SELECT status FROM bookings WHERE id = " + std::to_string(booking->id)),
                 QStringLiteral("reserved"));

        QVERIFY(BookingService::addPayment(*m_database, booking->id, QStringLiteral("deposit"), 30000,
                                           QStringLiteral("card")));
        const auto none = RentalDeskService::pickUpWarnings(*m_database, booking->id);
        QVERIFY(none);
        QVERIFY(!none->noDeposit);
        QVERIFY(none->texts.isEmpty());
        QVERIFY(BookingService::pickUp(*m_database, booking->id, 1000, 100, wanted.pickup, m_zone));

        // Elsewhere a missing deposit is a warning only.
        const auto relaxed = BookingService::create(
            *m_database, request(addCar("COMP", m_branch), "2054-12-10T10:00", "2054-12-12T10:00"));
        QVERIFY(relaxed);
        const auto warned = RentalDeskService::pickUpWarnings(*m_database, relaxed->id);
        QVERIFY(warned);
        QVERIFY(warned->noDeposit);
        QVERIFY(!warned->depositRequired);
    }

    // The desk's own price needs a reason; the booking keeps both and the bill shows the override.
    void aDeskOverrideKeepsItsReason()
    {
        BookingRequest wanted = request(addCar("COMP", m_branch), "2054-12-15T10:00", "2054-12-17T10:00");
        wanted.deskTotalCents = 8000;
        const auto noReason = BookingService::create(*m_database, wanted);
        QVERIFY(!noReason);
        QVERIFY(noReason.error().message.contains(QStringLiteral("reason")));
        wanted.overrideReason = QStringLiteral("Regular customer");
        const qint64 booking = rentOut(wanted);
        QVERIFY(booking);
        QCOMPARE(query("SELECT total || ' ' || override_reason FROM bookings WHERE id = " + std::to_string(booking)),
                 QStringLiteral("80.00 Regular customer"));
        const auto settled =
            RentalDeskService::settleReturn(*m_database, entry(booking, 1100, 100, "2054-12-17T10:00"));
        QVERIFY(settled);
        QCOMPARE(kinds(settled->bill), QStringLiteral("rental,override"));
        QCOMPARE(settled->bill.grossCents, qint64(8000));
    }

    // A branch's own card replaces the default there, and only there.
    void aBranchCardOverridesTheDefault()
    {
        const qint64 branch = query("INSERT INTO branches (code, name, time_zone) VALUES ('OVR', 'Own rates', "
                                    "'Europe/Berlin') RETURNING id")
                                  .toLongLong();
        RateCard own;
        own.vehicleClass = QStringLiteral("COMP");
        own.base = RateSet{6000, std::nullopt, std::nullopt};
        QVERIFY(RentalDeskService::saveRateCard(*m_database, own, branch));
        QCOMPARE(RentalDeskService::rateCard(*m_database, QStringLiteral("COMP"), branch)->base.dailyCents,
                 qint64(6000));
        QCOMPARE(RentalDeskService::rateCard(*m_database, QStringLiteral("COMP"), m_branch)->base.dailyCents,
                 qint64(5000));
        const qint64 there = addCar("COMP", branch);
        const qint64 here = addCar("COMP", m_branch);
        const auto rates = RentalDeskService::rates(*m_database, {there, here});
        QVERIFY(rates);
        QCOMPARE(rates->value(there).dailyCents, qint64(6000));
        QCOMPARE(rates->value(here).dailyCents, qint64(5000));
        const auto booking =
            BookingService::create(*m_database, request(there, "2054-05-11T10:00", "2054-05-13T10:00"));
        QVERIFY(booking);
        QCOMPARE(query("SELECT total FROM bookings WHERE id = " + std::to_string(booking->id)),
                 QStringLiteral("120.00"));
        QVERIFY(!RentalDeskService::saveRateCard(*m_database, RateCard{QStringLiteral("NOPE"), {}, {}}, branch));
    }

    // A moved booking is priced again from the card it kept (not today's), its desk override kept.
    void aMovedBookingIsPricedFromItsKeptCard()
    {
        BookingRequest wanted = request(addCar("COMP", m_branch), "2054-05-18T10:00", "2054-05-20T10:00");
        wanted.deskTotalCents = 9000;
        wanted.overrideReason = QStringLiteral("Long-standing customer");
        const auto booking = BookingService::create(*m_database, wanted);
        QVERIFY(booking);
        exec("UPDATE rate_cards SET daily = 99 WHERE vehicle_class = 'COMP' AND branch_id IS NULL");
        const auto moved = BookingService::reschedule(*m_database, booking->id, wanted.carId, at("2054-05-18T10:00"),
                                                      at("2054-05-21T10:00"), m_zone);
        exec("UPDATE rate_cards SET daily = 50 WHERE vehicle_class = 'COMP' AND branch_id IS NULL");
        QVERIFY2(moved, qPrintable(moved ? QString() : moved.error().oneLine()));
        // Three days at the kept 50, less the desk's 10 off.
        QCOMPARE(moved->quote.totalCents, qint64(3 * 5000 - 1000));
        QCOMPARE(
            query("SELECT total || ' ' || (quote ->> 'days') FROM bookings WHERE id = " + std::to_string(booking->id)),
            QStringLiteral("140.00 3"));
    }

    // The quote the CLI gives: the card at the car's branch, the extras by code or name, VAT split out.
    void quotesACarWithExtras()
    {
        const qint64 car = addCar("COMP", m_branch);
        const auto found = RentalDeskService::car(
            *m_database, query("SELECT lower(stock_number) FROM cars WHERE id = " + std::to_string(car)));
        QVERIFY(found);
        QCOMPARE(found->id, car);
        QCOMPARE(found->zone.id(), QByteArray("Europe/Berlin"));
        const auto quote =
            RentalDeskService::quote(*m_database, car, at("2054-06-01T10:00"), at("2054-06-04T10:00"),
                                     {QStringLiteral("child_seat"), QStringLiteral("Additional driver")});
        QVERIFY2(quote, qPrintable(quote ? QString() : quote.error().oneLine()));
        QCOMPARE(quote->quote.lines.size(), 3);
        QCOMPARE(quote->grossCents, qint64(3 * 5000 + 3 * 800 + 2500));
        QCOMPARE(quote->netCents + quote->taxCents, quote->grossCents);
        const auto unknown = RentalDeskService::quote(*m_database, car, at("2054-06-01T10:00"), at("2054-06-04T10:00"),
                                                      {QStringLiteral("jetpack")});
        QVERIFY(!unknown);
        QVERIFY(unknown.error().message.contains(QStringLiteral("child_seat, additional_driver, gps")));
        const auto rates = RentalDeskService::rates(*m_database, {car});
        QVERIFY(rates);
        QCOMPARE(rates->value(car).dailyCents, qint64(5000));
    }

    // Issue 17: a car added through FleetService (the editor's and the import's rules) carries its class, by its
    // body and price or as chosen, and the desk prices it from that class's card, not the suggested rates.
    void aNewCarIsPricedFromItsClassCard()
    {
        CarInput input;
        input.vin = QStringLiteral("WVWZZZ1KZMW990001");
        input.vin[8] = Vin::checkDigitFor(input.vin);
        input.make = QStringLiteral("Volkswagen");
        input.model = QStringLiteral("Passat");
        input.modelYear = QStringLiteral("2023");
        input.bodyType = QStringLiteral("estate");
        input.listPrice = QStringLiteral("31000"); // an estate at 31,000: compact
        input.location = QStringLiteral("HQ");
        input.forRent = QStringLiteral("yes");
        CarValidationOptions options;
        options.vehicleClasses = {{QStringLiteral("ECON"), QStringLiteral("Economy")},
                                  {QStringLiteral("COMP"), QStringLiteral("Compact")}};
        QVERIFY(CarValidator::validate(input, options).isValid());
        const auto ruled = FleetService::create(*m_database, CarValidator::validate(input, options).record);
        QVERIFY2(ruled, qPrintable(ruled ? QString() : ruled.error().oneLine()));
        QCOMPARE(ruled->row.vehicleClass, QStringLiteral("COMP"));

        // A hatchback at 24,000 is economy by the rule; chosen as Compact, it is compact.
        input.vin = QStringLiteral("WVWZZZ1KZMW990002");
        input.vin[8] = Vin::checkDigitFor(input.vin);
        input.bodyType = QStringLiteral("hatchback");
        input.listPrice = QStringLiteral("24000");
        input.vehicleClass = QStringLiteral("compact");
        QVERIFY(CarValidator::validate(input, options).isValid());
        const auto chosen = FleetService::create(*m_database, CarValidator::validate(input, options).record);
        QVERIFY2(chosen, qPrintable(chosen ? QString() : chosen.error().oneLine()));
        QCOMPARE(chosen->row.vehicleClass, QStringLiteral("COMP"));
        QCOMPARE(FleetService::vehicleClassFor(*m_database, QStringLiteral("hatchback"), QStringLiteral("24000"))
                     .value_or(QString()),
                 QStringLiteral("ECON"));

        for (const qint64 car : {ruled->row.id, chosen->row.id}) {
            const auto quote =
                RentalDeskService::quote(*m_database, car, at("2054-06-01T10:00"), at("2054-06-04T10:00"), {});
            QVERIFY2(quote, qPrintable(quote ? QString() : quote.error().oneLine()));
            QCOMPARE(quote->grossCents, qint64(3 * 5000)); // the test's Compact card: 50 a day
            QCOMPARE(RentalDeskService::rates(*m_database, {car})->value(car).dailyCents, qint64(5000));
        }
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_database;
    qint64 m_customer = 0;
    qint64 m_branch = 0;
    int m_cars = 0;
    const QTimeZone m_zone{"Europe/Berlin"};
};

QTEST_GUILESS_MAIN(TestRentalDesk)
#include "tst_rentaldesk.moc"

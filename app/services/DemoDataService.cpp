#include "DemoDataService.h"

#include "db/BulkLoad.h"
#include "db/CopyValue.h"
#include "db/Database.h"
#include "demo/DemoDataGenerator.h"
#include "domain/Money.h"
#include "domain/RentalPricing.h"
#include "domain/Settlement.h"
#include "outbox/Outbox.h"
#include "services/RentalDeskService.h"

#include <QHash>
#include <QJsonObject>
#include <QPair>

#include <pqxx/pqxx>

#include <algorithm>
#include <random>
#include <tuple>
#include <vector>

namespace {
const std::vector<std::string> kCarColumns = {
    "stock_number", "vin",          "make",     "model",     "trim_level", "model_year",   "body_type",
    "fuel_type",    "transmission", "drive",    "colour",    "seats",      "doors",        "power_kw",
    "mileage_km",   "condition",    "status",   "branch_id", "list_price", "cost",         "acquired_on",
    "listed_on",    "sold_on",      "features", "notes",     "for_rent",   "vehicle_class"};

// The class of a demo car, by the rule migration 0021's vehicle_class_for() gives the cars it found.
QString vehicleClassFor(const QString &bodyType, const QString &listPrice)
{
    const qint64 cents = Money::fromDecimal(listPrice).value_or(Money()).cents();
    if (bodyType == QLatin1String("van") || bodyType == QLatin1String("mpv") || bodyType == QLatin1String("pickup"))
        return QStringLiteral("VAN");
    if (cents >= 6'000'000)
        return QStringLiteral("PREM");
    if (bodyType == QLatin1String("suv"))
        return QStringLiteral("SUV");
    if (cents < 2'200'000 || (bodyType == QLatin1String("hatchback") && cents < 2'800'000))
        return QStringLiteral("ECON");
    return QStringLiteral("COMP");
}
const char *const kFirstNames[] = {"Anna",  "Ben",   "Clara",  "David", "Elena", "Felix",  "Greta",  "Hugo",
                                   "Ines",  "Jonas", "Katrin", "Lukas", "Maria", "Niklas", "Olivia", "Paul",
                                   "Rosa",  "Samir", "Tanja",  "Umut",  "Vera",  "Walter", "Yusuf",  "Zoe",
                                   "Amira", "Bruno", "Chiara", "Dario", "Emma",  "Fatima", "Georg",  "Hanna",
                                   "Igor",  "Julia", "Karim",  "Lea",   "Marek", "Nora",   "Oskar",  "Priya"};
const char *const kLastNames[] = {
    "Berger",  "Schmidt", "Novak",  "Rossi",   "Jansen", "Kowalski", "Meyer",    "Fischer",  "Weber",  "Hoffmann",
    "Yilmaz",  "Costa",   "Dubois", "Larsen",  "Nowak",  "Horvat",   "Keller",   "Becker",   "Wagner", "Schulz",
    "Lehmann", "Krause",  "Brandt", "Vogel",   "Sommer", "Engel",    "Hartmann", "Peters",   "Kaya",   "Moreau",
    "Silva",   "Olsen",   "Varga",  "Popescu", "Haas",   "Lang",     "Frank",    "Albrecht", "Roth",   "Kuhn"};

// A settled return's line of the bill (n: the booking's place in the order written) and its invoice, numbered per
// branch and year in the order of the returns (addSettlements).
struct DemoCharge
{
    qint64 n;
    int position;
    QuoteLine line;
};
struct DemoInvoice
{
    qint64 n;
    qint64 branchId;
    QDateTime issued;
    int year;
    SettlementBill bill;
    RentalSettings settings;
};

// The bills' lines and the invoices of the settled demo returns, bulk-written: COPY into staging tables, then one
// INSERT each, and the invoice counters left at each branch's and year's last number.
void addSettlements(pqxx::work &work, qint64 bookingsBefore, const std::vector<DemoCharge> &charges,
                    const std::vector<DemoInvoice> &invoices, const QHash<qint64, QString> &branchCodes)
{
    if (invoices.empty())
        return;
    const auto money = [](qint64 cents) { return CopyValue(Money::fromCents(cents).toDecimal()); };
    const std::string numbered = "(SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM bookings WHERE id > " +
                                 std::to_string(bookingsBefore) + ") b";
    work.exec("CREATE TEMP TABLE demo_charges (n bigint, position integer, kind text, text text, quantity integer, "
              "unit_price numeric, amount numeric) ON COMMIT DROP");
    {
        pqxx::stream_to stream(
            work, "demo_charges",
            std::vector<std::string>{"n", "position", "kind", "text", "quantity", "unit_price", "amount"});
        for (const DemoCharge &charge : charges)
            stream << std::make_tuple(CopyValue(charge.n), CopyValue(qint64(charge.position)),
                                      CopyValue(charge.line.kind), CopyValue(charge.line.text),
                                      CopyValue(qint64(charge.line.quantity)), money(charge.line.unitCents),
                                      money(charge.line.amountCents));
        stream.complete();
    }
    work.exec("INSERT INTO booking_charges (booking_id, position, kind, text, quantity, unit_price, amount) "
              "SELECT b.id, c.position, c.kind, c.text, c.quantity, c.unit_price, c.amount FROM demo_charges c JOIN " +
              numbered + " ON b.n = c.n ORDER BY b.id, c.position");

    // Gap-free numbers per branch and year, in the order the cars came back.
    std::vector<size_t> order(invoices.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const DemoInvoice &x = invoices[a];
        const DemoInvoice &y = invoices[b];
        return std::tie(x.branchId, x.year, x.issued, x.n) < std::tie(y.branchId, y.year, y.issued, y.n);
    });
    work.exec("CREATE TEMP TABLE demo_invoices (n bigint, branch_id bigint, year integer, number integer, "
              "number_text text, issued_at timestamptz, net numeric, tax numeric, gross numeric, vat integer, "
              "incl boolean, held numeric, captured numeric, released numeric) ON COMMIT DROP");
    {
        pqxx::stream_to stream(work, "demo_invoices",
                               std::vector<std::string>{"n", "branch_id", "year", "number", "number_text", "issued_at",
                                                        "net", "tax", "gross", "vat", "incl", "held", "captured",
                                                        "released"});
        QHash<QPair<qint64, int>, int> last;
        for (const size_t i : order) {
            const DemoInvoice &invoice = invoices[i];
            const int number = ++last[qMakePair(invoice.branchId, invoice.year)];
            const QString code = branchCodes.value(invoice.branchId, QStringLiteral("INV"));
            stream << std::make_tuple(
                CopyValue(invoice.n), CopyValue(invoice.branchId), CopyValue(qint64(invoice.year)),
                CopyValue(qint64(number)),
                CopyValue(QStringLiteral("%1-%2-%3").arg(code).arg(invoice.year).arg(number, 6, 10, QLatin1Char('0'))),
                CopyValue(invoice.issued.toUTC().toString(Qt::ISODate)), money(invoice.bill.netCents),
                money(invoice.bill.taxCents), money(invoice.bill.grossCents),
                CopyValue(qint64(invoice.settings.vatBasisPoints)),
                CopyValue::boolean(invoice.settings.pricesIncludeVat), money(invoice.bill.depositHeldCents),
                money(invoice.bill.depositCaptureCents), money(invoice.bill.depositReleaseCents));
        }
        stream.complete();
    }
    work.exec("INSERT INTO invoices (booking_id, branch_id, year, number, number_text, issued_at, net, tax, gross, "
              "  vat_basis_points, prices_include_vat, currency, lines, deposit_held, deposit_captured, "
              "  deposit_released) "
              "SELECT b.id, d.branch_id, d.year, d.number, d.number_text, d.issued_at, d.net, d.tax, d.gross, d.vat, "
              "  d.incl, coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'currency'), 'EUR'), "
              "  coalesce(l.lines, '[]'), d.held, d.captured, d.released "
              "FROM demo_invoices d JOIN " +
              numbered +
              " ON b.n = d.n "
              // The lines of every settled booking in one pass (the charges were just loaded: no statistics yet).
              "LEFT JOIN (SELECT booking_id, jsonb_agg(jsonb_build_object('text', text, 'quantity', quantity, "
              "  'unit_price', unit_price::text, 'amount', amount::text, 'kind', kind) ORDER BY position) AS lines "
              "  FROM booking_charges GROUP BY booking_id) l ON l.booking_id = b.id "
              "ORDER BY d.branch_id, d.year, d.number");
    work.exec("INSERT INTO invoice_counters (branch_id, year, last) SELECT branch_id, year, max(number) FROM invoices "
              "GROUP BY branch_id, year ON CONFLICT ON CONSTRAINT invoice_counters_key "
              "DO UPDATE SET last = greatest(invoice_counters.last, excluded.last)");
}

// A year of rentals around today on the rental fleet (every third car, at most 400: a rental desk's fleet, and
// 1,000,000 cars still load in under two minutes): each car's bookings follow one another with the turnaround between
// them; the past ones are completed (a few cancelled or not taken up), the current ones active (a couple overdue), the
// future ones reserved. Customers first, some with an expired licence. Deterministic for a seed and a day.
void addCustomersAndBookings(pqxx::work &work, quint64 seed, DemoDataSummary &summary)
{
    std::mt19937_64 random(seed * 7919 + 17);
    const auto pick = [&](int from, int to) { return int(std::uniform_int_distribution<int>(from, to)(random)); };

    struct RentalCar
    {
        qint64 id;
        qint64 branchId;
        qint64 listPriceCents;
        int mileageKm;
    };
    std::vector<RentalCar> cars;
    for (const pqxx::row &row : work.exec("SELECT id, branch_id, (list_price * 100)::bigint, mileage_km FROM cars "
                                          "WHERE for_rent AND status NOT IN ('sold', 'retired', 'in_service') "
                                          "ORDER BY id LIMIT 400"))
        cars.push_back({row[0].as<qint64>(), row[1].as<qint64>(), row[2].as<qint64>(), row[3].as<int>()});
    if (cars.empty())
        return;
    // Each car's card, settings and zone, read before the bookings' COPY (no other statement runs during one).
    std::vector<CarTerms> carTerms;
    for (const RentalCar &car : cars)
        carTerms.push_back(RentalDeskService::carTerms(work, car.id).value_or(CarTerms()));
    QHash<QString, int> tanks;
    for (const pqxx::row &row : work.exec("SELECT code, tank_litres FROM vehicle_classes"))
        tanks.insert(QString::fromStdString(row[0].as<std::string>()), row[1].as<int>());
    QHash<qint64, QString> branchCodes;
    for (const pqxx::row &row : work.exec("SELECT id, code FROM branches"))
        branchCodes.insert(row[0].as<qint64>(), QString::fromStdString(row[1].as<std::string>()));

    const int customerCount = int(std::clamp<size_t>(cars.size() * 8, 40, 8000));
    const QDate today = QDate::currentDate();
    // Customers and bookings entered by hand stay as they are: the demo's are told apart by their ids.
    const qint64 customersBefore = work.exec1("SELECT coalesce(max(id), 0) FROM customers")[0].as<qint64>();
    const qint64 bookingsBefore = work.exec1("SELECT coalesce(max(id), 0) FROM bookings")[0].as<qint64>();
    {
        pqxx::stream_to stream(work, "customers",
                               std::vector<std::string>{"full_name", "email", "phone", "address", "date_of_birth",
                                                        "licence_number", "licence_expiry"});
        for (int i = 0; i < customerCount; ++i) {
            const QString first = QString::fromLatin1(kFirstNames[pick(0, std::size(kFirstNames) - 1)]);
            const QString last = QString::fromLatin1(kLastNames[pick(0, std::size(kLastNames) - 1)]);
            const QString email = QStringLiteral("%1.%2%3@example.com").arg(first.toLower(), last.toLower()).arg(i);
            const QString phone = QStringLiteral("+49 %1 %2").arg(pick(30, 89)).arg(pick(1000000, 9999999));
            const QString address = QStringLiteral("%1 %2, %3")
                                        .arg(QString::fromLatin1(kLastNames[pick(0, 39)]) + QStringLiteral("straße"))
                                        .arg(pick(1, 120))
                                        .arg(QStringLiteral("Berlin"));
            const QDate birth = today.addYears(-pick(19, 78)).addDays(-pick(0, 364));
            // About one in thirty licences has expired.
            const QDate expiry = pick(0, 29) == 0 ? today.addDays(-pick(10, 400)) : today.addDays(pick(200, 3600));
            const QString licence = QStringLiteral("B%1").arg(qint64(100000000 + i * 7919LL % 900000000));
            stream << std::make_tuple(CopyValue(first + QLatin1Char(' ') + last), CopyValue(email), CopyValue(phone),
                                      CopyValue(address), CopyValue::date(birth), CopyValue(licence),
                                      CopyValue::date(expiry));
        }
        stream.complete();
    }
    std::vector<qint64> customerIds;
    for (const pqxx::row &row : work.exec_params("SELECT id FROM customers WHERE id > $1 ORDER BY id", customersBefore))
        customerIds.push_back(row[0].as<qint64>());
    summary.customers = int(customerIds.size());

    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime start(today.addMonths(-6), QTime(9, 0));
    const QDateTime end(today.addMonths(6), QTime(9, 0));
    const auto numericText = [](qint64 cents) { return CopyValue(Money::fromCents(cents).toDecimal()); };
    // On the hour while the desk is open (08:00-18:00): never earlier than asked but for the minutes, so
    // the turnaround after the previous return (at least three hours) still holds.
    const auto deskHours = [](const QDateTime &at) {
        const int hour = at.time().hour();
        if (hour < 8)
            return QDateTime(at.date(), QTime(8, 0));
        if (hour > 18)
            return QDateTime(at.date().addDays(1), QTime(8, 0));
        return QDateTime(at.date(), QTime(hour, 0));
    };
    const auto time = [](const QDateTime &at) { return CopyValue(at.toUTC().toString(Qt::ISODate)); };
    std::vector<std::tuple<qint64, QString, qint64>> payments; // booking index, kind, cents
    std::vector<DemoCharge> charges;
    std::vector<DemoInvoice> invoices;
    qint64 bookings = 0;
    int overdue = 0;
    {
        pqxx::stream_to stream(work, "bookings",
                               std::vector<std::string>{"car_id", "customer_id", "pickup_at", "return_at", "status",
                                                        "daily_rate", "weekly_rate", "total", "deposit", "picked_up_at",
                                                        "pickup_mileage_km", "pickup_fuel_pct", "returned_at",
                                                        "return_mileage_km", "return_fuel_pct", "pickup_branch_id",
                                                        "return_branch_id", "created_at", "quote"});
        for (size_t c = 0; c < cars.size(); ++c) {
            const RentalCar &car = cars[c];
            // Priced from the card of the car's class, as the desk prices it; a car without one from its price.
            CarTerms terms = carTerms[c];
            RentalRates rates;
            rates.dailyCents = std::max<qint64>(2500, (car.listPriceCents * 12 / 10000) / 100 * 100);
            rates.weeklyCents = rates.dailyCents * 6;
            const bool fromCard = terms.card.has_value();
            if (!fromCard) {
                terms.card = RateCard{};
                terms.card->base = RateSet{rates.dailyCents, rates.weeklyCents, std::nullopt};
                terms.zone = QTimeZone::systemTimeZone();
                terms.currency = QStringLiteral("EUR");
            } else {
                rates.dailyCents = terms.card->base.dailyCents;
                rates.weeklyCents = terms.card->base.weeklyCents;
            }
            const RentalSettings &settings = terms.settings;
            int mileage = car.mileageKm;
            QDateTime pickup = deskHours(start.addDays(pick(0, 6)).addSecs(3600 * pick(0, 9)));
            while (pickup < end) {
                const QDateTime returned = deskHours(pickup.addDays(pick(1, 9)).addSecs(3600 * pick(-2, 3)));
                const qint64 customer = customerIds.at(size_t(pick(0, int(customerIds.size()) - 1)));
                const KeptQuote kept =
                    RentalDeskService::priceFromCard(terms, pickup, returned, terms.zone, {}, std::nullopt, {})
                        .value_or(KeptQuote{});
                const qint64 quoted = kept.grossCents;
                qint64 total = quoted;
                QString status = QStringLiteral("reserved");
                CopyValue pickedUp, pickupKm, pickupFuel, returnedAt, returnKm, returnFuel;
                const int driven = pick(60, 240) * int(pickup.daysTo(returned) + 1);
                const bool overdueReturn = returned < now && returned > now.addDays(-3) && overdue < 2;
                if (pickup < now && (returned > now || overdueReturn)) {
                    status = QStringLiteral("active");
                    overdue += returned < now ? 1 : 0;
                    pickedUp = time(pickup.addSecs(60 * pick(-10, 30)));
                    pickupKm = CopyValue(qint64(mileage));
                    pickupFuel = CopyValue(qint64(100));
                } else if (returned < now) {
                    const int fate = pick(0, 39);
                    status = fate == 0   ? QStringLiteral("cancelled")
                             : fate == 1 ? QStringLiteral("no_show")
                                         : QStringLiteral("completed");
                    if (status == QLatin1String("completed")) {
                        pickedUp = time(pickup.addSecs(60 * pick(-10, 30)));
                        pickupKm = CopyValue(qint64(mileage));
                        pickupFuel = CopyValue(qint64(100));
                        // Settled at the return with the desk's code: paid at pick-up, the deposit set against
                        // the rest.
                        const QDateTime actual = returned.addSecs(60 * pick(-120, 45));
                        const int fuel = pick(0, 3) == 0 ? pick(30, 99) : 100;
                        SettlementInput input;
                        input.rates = *terms.card;
                        input.pickup = pickup;
                        input.bookedReturn = returned;
                        input.actualReturn = actual;
                        input.zone = terms.zone;
                        input.graceMinutes = settings.graceMinutes;
                        input.earlyReturn = settings.earlyReturn;
                        input.odometerOut = mileage;
                        mileage += driven;
                        input.odometerIn = mileage;
                        input.kmPerDay = settings.kmPerDay;
                        input.extraKmCents = settings.extraKmCents;
                        input.fuelInEighths = fuel * 8 / 100;
                        input.fuelCharging = settings.fuelCharging;
                        input.fuelLitreCents = settings.fuelLitreCents;
                        input.tankLitres = tanks.value(terms.vehicleClass, 50);
                        input.refuelEighthCents = settings.refuelEighthCents;
                        input.cleaningTicked = pick(0, 24) == 0;
                        input.cleaningCents = settings.cleaningCents;
                        if (pick(0, 39) == 0)
                            input.damages << DamageCharge{QStringLiteral("Scratch on the rear bumper"),
                                                          qint64(pick(8, 40)) * 1000};
                        input.vatBasisPoints = settings.vatBasisPoints;
                        input.pricesIncludeVat = settings.pricesIncludeVat;
                        input.paidCents = quoted;
                        input.depositHeldCents = 30000;
                        input.format.currency = terms.currency.isEmpty() ? QStringLiteral("EUR") : terms.currency;
                        if (const auto bill = Settlement::compute(input)) {
                            total = bill->grossCents;
                            for (int i = 0; i < bill->lines.size(); ++i)
                                charges.push_back({bookings, i, bill->lines[i]});
                            invoices.push_back({bookings, car.branchId, actual,
                                                actual.toTimeZone(terms.zone).date().year(), *bill, settings});
                            payments.emplace_back(bookings, QStringLiteral("deposit"), 30000);
                            if (bill->depositCaptureCents > 0)
                                payments.emplace_back(bookings, QStringLiteral("deposit_capture"),
                                                      bill->depositCaptureCents);
                            if (bill->depositReleaseCents > 0)
                                payments.emplace_back(bookings, QStringLiteral("deposit_return"),
                                                      bill->depositReleaseCents);
                            // What the deposit did not cover is paid at the desk; too much paid is refunded.
                            if (bill->dueCents > 0)
                                payments.emplace_back(bookings, QStringLiteral("settle"), bill->dueCents);
                            else if (bill->dueCents < 0)
                                payments.emplace_back(bookings, QStringLiteral("refund"), -bill->dueCents);
                        }
                        returnedAt = time(actual);
                        returnKm = CopyValue(qint64(mileage));
                        returnFuel = CopyValue(qint64(fuel));
                    }
                }
                stream << std::make_tuple(CopyValue(car.id), CopyValue(customer), time(pickup), time(returned),
                                          CopyValue(status), numericText(rates.dailyCents),
                                          rates.weeklyCents ? numericText(*rates.weeklyCents) : CopyValue(),
                                          numericText(total), numericText(30000), pickedUp, pickupKm, pickupFuel,
                                          returnedAt, returnKm, returnFuel, CopyValue(car.branchId),
                                          CopyValue(car.branchId), time(std::min(pickup, now).addDays(-pick(1, 30))),
                                          fromCard ? CopyValue(QString::fromUtf8(kept.json)) : CopyValue());
                // Paid up front once picked up (the rest of a settled bill from the deposit), and some reserved
                // ones too.
                if (status == QLatin1String("completed") || status == QLatin1String("active") || pick(0, 2) == 0)
                    payments.emplace_back(bookings, QStringLiteral("payment"), quoted);
                ++bookings;
                // The car of an overdue rental is still out: its next booking starts tomorrow at the earliest.
                const QDateTime free = status == QLatin1String("active") && returned < now ? now.addDays(1) : returned;
                pickup = deskHours(free.addSecs(3600 * (3 + pick(0, 4 * 24))));
            }
        }
        stream.complete();
    }
    summary.bookings = bookings;

    // Payments by position: the bookings were numbered in the order they were written.
    work.exec("CREATE TEMP TABLE demo_payments (n bigint, kind text, amount numeric) ON COMMIT DROP");
    {
        pqxx::stream_to stream(work, "demo_payments", std::vector<std::string>{"n", "kind", "amount"});
        for (const auto &[n, kind, cents] : payments)
            stream << std::make_tuple(CopyValue(n), CopyValue(kind), numericText(cents));
        stream.complete();
    }
    // A payment when the booking was made or picked up, a deposit at the pick-up, its capture and release at the
    // return, and the rest paid ("settle") or refunded then; in that order.
    work.exec_params(
        "INSERT INTO booking_payments (booking_id, kind, amount, method, taken_at) "
        "SELECT b.id, CASE p.kind WHEN 'settle' THEN 'payment' ELSE p.kind END, p.amount, "
        "  CASE WHEN p.kind IN ('payment', 'settle') THEN (ARRAY['card', 'cash', "
        "  'transfer'])[1 + b.id % 3] ELSE 'card' END, "
        "  CASE p.kind WHEN 'payment' THEN least(b.pickup_at, now()) WHEN 'deposit' THEN b.picked_up_at "
        "    ELSE b.returned_at END "
        "FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, pickup_at, picked_up_at, returned_at "
        "      FROM bookings WHERE id > $1) b "
        "JOIN demo_payments p ON p.n = b.n WHERE p.amount > 0 "
        "ORDER BY b.id, array_position(ARRAY['payment', 'deposit', 'deposit_capture', 'deposit_return', 'settle', "
        "  'refund'], "
        "  p.kind)",
        bookingsBefore);
    addSettlements(work, bookingsBefore, charges, invoices, branchCodes);
    work.exec_params("INSERT INTO booking_payments (booking_id, kind, amount, method, taken_at) "
                     "SELECT id, 'deposit', deposit, 'card', picked_up_at FROM bookings "
                     "WHERE status = 'active' AND id > $1",
                     bookingsBefore);
    work.exec("UPDATE cars SET status = 'rented' WHERE id IN (SELECT car_id FROM bookings WHERE status = 'active')");
    work.exec("UPDATE cars c SET mileage_km = greatest(c.mileage_km, m.km) FROM (SELECT car_id, max(return_mileage_km) "
              "AS km FROM bookings GROUP BY car_id) m WHERE m.car_id = c.id AND m.km IS NOT NULL");
    work.exec("ANALYZE customers");
    work.exec("ANALYZE bookings");
}

struct DemoSale
{
    QString stockNumber;
    QDate soldOn;
    QString price;
    QString salesperson;
};

// The sales of the sold cars: COPY into a staging table, then one INSERT (one run of the figures' triggers).
// Two in three have a buyer among the demo's customers (those with ids after `customersBefore`).
void addSales(pqxx::work &work, const std::vector<DemoSale> &sales, qint64 customersBefore)
{
    if (sales.empty())
        return;
    work.exec("CREATE TEMP TABLE demo_sales (stock_number text, sold_on date, price numeric, salesperson text) "
              "ON COMMIT DROP");
    {
        pqxx::stream_to stream(work, "demo_sales",
                               std::vector<std::string>{"stock_number", "sold_on", "price", "salesperson"});
        for (const DemoSale &sale : sales)
            stream << std::make_tuple(CopyValue(sale.stockNumber), CopyValue::date(sale.soldOn), CopyValue(sale.price),
                                      CopyValue(sale.salesperson));
        stream.complete();
    }
    work.exec_params(
        "INSERT INTO car_sales (car_id, sold_on, price, cost, buyer_id, salesperson, branch_id, make, model, "
        "  in_stock_since, previous_status) "
        "SELECT c.id, d.sold_on, d.price, c.cost, CASE WHEN c.id % 3 <> 0 THEN cu.id END, d.salesperson, "
        "  c.branch_id, c.make, c.model, "
        "  dash_in_stock_since(c.acquired_on, c.listed_on, c.created_at, coalesce(b.time_zone, 'UTC')), 'available' "
        "FROM demo_sales d JOIN cars c ON c.stock_number = d.stock_number "
        "LEFT JOIN branches b ON b.id = c.branch_id "
        "LEFT JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM customers WHERE id > $1) cu "
        "  ON cu.n = c.id % greatest((SELECT count(*) FROM customers WHERE id > $1), 1) "
        "ORDER BY c.id",
        customersBefore);
    work.exec("ANALYZE car_sales");
}

} // namespace

Result<DemoDataSummary> DemoDataService::generate(Database &database, const DemoDataOptions &options,
                                                  const std::function<bool(qint64, qint64)> &progress)
{
    if (options.cars < 0 || options.cars > 10'000'000)
        return std::unexpected(
            Error{Error::Code::InvalidInput, tr("The number of cars must be between 0 and 10,000,000.")});

    return database.guard([&](pqxx::connection &connection) -> Result<DemoDataSummary> {
        DemoDataSummary summary;
        pqxx::work work(connection);
        const qint64 existing = work.exec1("SELECT count(*) FROM cars")[0].as<qint64>();
        if (existing > 0 && options.ifEmpty) {
            summary.skipped = true;
            summary.cars = existing;
            return summary;
        }
        if (existing > 0 && !options.replace)
            return std::unexpected(Error{Error::Code::InvalidInput,
                                         tr("The database already has %n car(s). Use --replace to delete the fleet, "
                                            "customers and bookings and generate new demo data.",
                                            nullptr, static_cast<int>(std::min<qint64>(existing, INT_MAX)))});
        // The figures are rebuilt once at the end (dash_rebuild_deferred()) instead of by every statement.
        work.exec("SET LOCAL forecourt.figures = 'deferred'");
        if (options.replace) {
            // The truncate takes the rate cards and rental settings with the branches: the defaults (branch null)
            // are kept and written back.
            work.exec("CREATE TEMP TABLE demo_keep_cards ON COMMIT DROP AS SELECT * FROM rate_cards "
                      "WHERE branch_id IS NULL");
            work.exec("CREATE TEMP TABLE demo_keep_seasons ON COMMIT DROP AS SELECT s.* FROM rate_seasons s "
                      "JOIN demo_keep_cards c ON c.id = s.rate_card_id");
            work.exec("CREATE TEMP TABLE demo_keep_settings ON COMMIT DROP AS SELECT * FROM rental_settings "
                      "WHERE branch_id IS NULL");
            work.exec("TRUNCATE bookings, customers, car_price_history, cars, branches RESTART IDENTITY CASCADE");
            work.exec("INSERT INTO rate_cards (vehicle_class, daily, weekly, monthly, updated_by, updated_at) "
                      "SELECT vehicle_class, daily, weekly, monthly, updated_by, updated_at FROM demo_keep_cards");
            work.exec("INSERT INTO rate_seasons (rate_card_id, name, first_day, last_day, daily, weekly, monthly) "
                      "SELECT c.id, s.name, s.first_day, s.last_day, s.daily, s.weekly, s.monthly "
                      "FROM demo_keep_seasons s JOIN demo_keep_cards k ON k.id = s.rate_card_id "
                      "JOIN rate_cards c ON c.vehicle_class = k.vehicle_class AND c.branch_id IS NULL");
            work.exec("INSERT INTO rental_settings (km_per_day, extra_km_price, fuel_charging, fuel_litre_price, "
                      "  refuel_eighth_price, grace_minutes, cleaning_price, early_return, prices_include_vat, "
                      "  vat_basis_points, deposit_required, default_deposit, terms_text, updated_by, updated_at) "
                      "SELECT km_per_day, extra_km_price, fuel_charging, fuel_litre_price, refuel_eighth_price, "
                      "  grace_minutes, cleaning_price, early_return, prices_include_vat, vat_basis_points, "
                      "  deposit_required, default_deposit, terms_text, updated_by, updated_at "
                      "FROM demo_keep_settings");
        }
        // The summers of last year, this year and next cost 30 % more on every default card without seasons.
        work.exec("INSERT INTO rate_seasons (rate_card_id, name, first_day, last_day, daily, weekly, monthly) "
                  "SELECT c.id, 'Summer ' || y, make_date(y, 7, 1), make_date(y, 8, 31), round(c.daily * 1.3), "
                  "  round(c.weekly * 1.3), round(c.monthly * 1.3) "
                  "FROM rate_cards c CROSS JOIN generate_series(extract(year FROM current_date)::integer - 1, "
                  "  extract(year FROM current_date)::integer + 1) y "
                  "WHERE c.branch_id IS NULL AND NOT EXISTS (SELECT FROM rate_seasons s WHERE s.rate_card_id = c.id)");

        const DemoDataGenerator generator(options.seed);
        const QList<DemoBranch> branches = generator.branches();
        std::vector<qint64> branchIds;
        for (const DemoBranch &branch : branches) {
            branchIds.push_back(work.exec_params1("INSERT INTO branches (code, name, address, phone, time_zone) "
                                                  "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                                                  branch.code.toStdString(), branch.name.toStdString(),
                                                  branch.address.toStdString(), branch.phone.toStdString(),
                                                  branch.timeZone.toStdString())[0]
                                    .as<qint64>());
        }
        summary.branches = static_cast<int>(branches.size());

        const bool bulk = options.cars >= 10'000;
        const auto carIndexes = bulk ? BulkLoad::dropIndexesIfEmpty(work, "cars") : std::vector<std::string>();
        const auto historyIndexes =
            bulk ? BulkLoad::dropIndexesIfEmpty(work, "car_price_history") : std::vector<std::string>();
        // A bulk load holds the cars alone (its indexes dropped, or truncated): their figures' triggers stay off
        // until the rebuild, so PostgreSQL keeps no copy of the million new rows for them.
        const std::string suspendedTriggers =
            bulk ? work.exec1("SELECT dash_suspend_triggers('cars')")[0].as<std::string>() : std::string("{}");
        std::vector<DemoSale> sales;
        {
            pqxx::stream_to stream(work, "cars", kCarColumns);
            for (qint64 i = 0; i < options.cars; ++i) {
                const DemoCar car = generator.car(i);
                const qint64 branchId = branchIds.at(static_cast<size_t>(car.branchIndex) % branchIds.size());
                stream << std::make_tuple(
                    CopyValue(car.stockNumber), CopyValue(car.vin), CopyValue(car.make), CopyValue(car.model),
                    CopyValue(car.trimLevel), CopyValue(qint64(car.modelYear)), CopyValue(car.bodyType),
                    CopyValue(car.fuelType), CopyValue(car.transmission), CopyValue(car.drive), CopyValue(car.colour),
                    CopyValue(qint64(car.seats)), CopyValue(qint64(car.doors)), CopyValue(qint64(car.powerKw)),
                    CopyValue(qint64(car.mileageKm)), CopyValue(car.condition), CopyValue(car.status),
                    CopyValue(branchId), CopyValue(car.listPrice), CopyValue(car.cost), CopyValue::date(car.acquiredOn),
                    CopyValue::date(car.listedOn), CopyValue::date(car.soldOn), CopyValue::textArray(car.features),
                    CopyValue(car.notes), CopyValue::boolean(car.forRent),
                    CopyValue(vehicleClassFor(car.bodyType, car.listPrice)));
                if (!car.salePrice.isEmpty())
                    sales.push_back({car.stockNumber, car.soldOn, car.salePrice, car.salesperson});
                if (progress && (i + 1) % 5000 == 0 && !progress(i + 1, options.cars))
                    return std::unexpected(
                        Error{Error::Code::InvalidInput, tr("Cancelled; no demo data was written.")});
            }
            stream.complete();
        }

        BulkLoad::restore(work, carIndexes);

        // Statistics first: the price history's foreign-key checks are planned against them, and without
        // them a freshly loaded table of a million rows looks empty.
        work.exec("ANALYZE cars");

        // Cars added by hand later continue the stock numbers after the demo fleet's.
        work.exec_params("SELECT setval('car_stock_number_seq', greatest($1, (SELECT last_value FROM "
                         "car_stock_number_seq)))",
                         100000 + options.cars);

        // Price history, set-based: cars listed for more than 45 days started 5% higher and were reduced.
        work.exec("INSERT INTO car_price_history (car_id, old_price, new_price, changed_at) "
                  "SELECT id, NULL, CASE WHEN listed_on < current_date - 45 "
                  "  THEN round(list_price * 1.05, -1) ELSE list_price END, listed_on::timestamptz "
                  "FROM cars WHERE listed_on IS NOT NULL");
        work.exec("INSERT INTO car_price_history (car_id, old_price, new_price, changed_at) "
                  "SELECT id, round(list_price * 1.05, -1), list_price, (listed_on + 30)::timestamptz "
                  "FROM cars WHERE listed_on < current_date - 45");
        BulkLoad::restore(work, historyIndexes);

        const qint64 customersBefore = work.exec1("SELECT coalesce(max(id), 0) FROM customers")[0].as<qint64>();
        addCustomersAndBookings(work, options.seed, summary);
        addSales(work, sales, customersBefore);
        summary.sales = static_cast<qint64>(sales.size());

        const QJsonObject payload{{QStringLiteral("cars"), options.cars},
                                  {QStringLiteral("branches"), summary.branches},
                                  {QStringLiteral("seed"), QString::number(options.seed)}};
        Outbox::publish(work, QStringLiteral("demo.generated"), QStringLiteral("demo"), payload);
        work.exec("ANALYZE car_price_history");
        work.exec_params("SELECT dash_resume_triggers('cars', $1::name[])", suspendedTriggers);
        work.exec("SELECT dash_rebuild_deferred()");
        work.commit();
        summary.cars = options.cars;
        return summary;
    });
}

#include "DemoDataService.h"

#include "db/BulkLoad.h"
#include "db/CopyValue.h"
#include "db/Database.h"
#include "demo/DemoDataGenerator.h"
#include "domain/Money.h"
#include "domain/RentalPricing.h"
#include "outbox/Outbox.h"

#include <QJsonObject>

#include <pqxx/pqxx>

#include <algorithm>
#include <random>
#include <vector>

namespace {
const std::vector<std::string> kCarColumns = {
    "stock_number", "vin",          "make",     "model",     "trim_level", "model_year", "body_type",
    "fuel_type",    "transmission", "drive",    "colour",    "seats",      "doors",      "power_kw",
    "mileage_km",   "condition",    "status",   "branch_id", "list_price", "cost",       "acquired_on",
    "listed_on",    "sold_on",      "features", "notes",     "for_rent"};
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
    std::vector<std::tuple<qint64, qint64>> payments; // booking index, cents
    qint64 bookings = 0;
    int overdue = 0;
    {
        pqxx::stream_to stream(work, "bookings",
                               std::vector<std::string>{"car_id", "customer_id", "pickup_at", "return_at", "status",
                                                        "daily_rate", "weekly_rate", "total", "deposit", "picked_up_at",
                                                        "pickup_mileage_km", "pickup_fuel_pct", "returned_at",
                                                        "return_mileage_km", "return_fuel_pct", "pickup_branch_id",
                                                        "return_branch_id", "created_at"});
        for (const RentalCar &car : cars) {
            RentalRates rates;
            rates.dailyCents = std::max<qint64>(2500, (car.listPriceCents * 12 / 10000) / 100 * 100);
            rates.weeklyCents = rates.dailyCents * 6;
            int mileage = car.mileageKm;
            QDateTime pickup = deskHours(start.addDays(pick(0, 6)).addSecs(3600 * pick(0, 9)));
            while (pickup < end) {
                const QDateTime returned = deskHours(pickup.addDays(pick(1, 9)).addSecs(3600 * pick(-2, 3)));
                const qint64 customer = customerIds.at(size_t(pick(0, int(customerIds.size()) - 1)));
                const qint64 total = RentalPricing::quote(pickup, returned, QTimeZone::systemTimeZone(), rates)
                                         .value_or(RentalQuote{})
                                         .totalCents;
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
                        returnedAt = time(returned.addSecs(60 * pick(-120, 45)));
                        pickupKm = CopyValue(qint64(mileage));
                        pickupFuel = CopyValue(qint64(100));
                        mileage += driven;
                        returnKm = CopyValue(qint64(mileage));
                        returnFuel = CopyValue(qint64(pick(20, 100)));
                    }
                }
                stream << std::make_tuple(CopyValue(car.id), CopyValue(customer), time(pickup), time(returned),
                                          CopyValue(status), numericText(rates.dailyCents),
                                          numericText(*rates.weeklyCents), numericText(total), numericText(30000),
                                          pickedUp, pickupKm, pickupFuel, returnedAt, returnKm, returnFuel,
                                          CopyValue(car.branchId), CopyValue(car.branchId),
                                          time(std::min(pickup, now).addDays(-pick(1, 30))));
                // Paid in full once completed; active and some reserved ones paid up front.
                if (status == QLatin1String("completed") || status == QLatin1String("active") || pick(0, 2) == 0)
                    payments.emplace_back(bookings, total);
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
    work.exec("CREATE TEMP TABLE demo_payments (n bigint, amount numeric) ON COMMIT DROP");
    {
        pqxx::stream_to stream(work, "demo_payments", std::vector<std::string>{"n", "amount"});
        for (const auto &[n, cents] : payments)
            stream << std::make_tuple(CopyValue(n), numericText(cents));
        stream.complete();
    }
    work.exec_params("INSERT INTO booking_payments (booking_id, kind, amount, method, taken_at) "
                     "SELECT b.id, 'payment', p.amount, (ARRAY['card', 'cash', 'transfer'])[1 + b.id % 3], "
                     "  least(b.pickup_at, now()) "
                     "FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, pickup_at FROM bookings "
                     "      WHERE id > $1) b "
                     "JOIN demo_payments p ON p.n = b.n WHERE p.amount > 0",
                     bookingsBefore);
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
        if (options.replace)
            work.exec("TRUNCATE bookings, customers, car_price_history, cars, branches RESTART IDENTITY CASCADE");

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
                    CopyValue(car.notes), CopyValue::boolean(car.forRent));
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

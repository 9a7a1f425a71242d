#include "TestDatabase.h"
#include "db/Database.h"
#include "services/SalesService.h"

#include <QLocale>
#include <QTest>

// Selling a car and voiding a sale: one transaction each with its event, the car's status and
// version, and the rules the database keeps for every client.
class TestSalesService : public QObject
{
    Q_OBJECT

    QString query(const std::string &sql) { return scalar(*m_database, sql); }

    void exec(const std::string &sql)
    {
        const QString error = execute(*m_database, sql);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // A new car in branch BER with this status, cost and acquisition date.
    qint64 car(const char *status = "available", const char *cost = "16000", const char *acquired = "2026-09-01")
    {
        ++m_cars;
        const std::string vin = QStringLiteral("WVWZZZ1JZ3W%1").arg(m_cars, 6, 10, QLatin1Char('0')).toStdString();
        return query(
                   std::string("INSERT INTO cars (vin, make, model, model_year, list_price, cost, acquired_on, status, "
                               "sold_on, branch_id) VALUES ('") +
                   vin + "', 'Volkswagen', 'Golf', 2021, 19900, " + cost + ", '" + acquired + "', '" + status +
                   "', CASE WHEN '" + status + "' IN ('sold', 'retired') THEN date '2026-10-01' END, " +
                   "(SELECT id FROM branches WHERE code = 'BER')) RETURNING id")
            .toLongLong();
    }

    SaleRequest request(qint64 carId) const
    {
        SaleRequest sale;
        sale.carId = carId;
        sale.soldOn = QDate(2026, 10, 12);
        sale.priceCents = 2150050;
        sale.salesperson = QStringLiteral("maria");
        sale.note = QStringLiteral("trade-in agreed");
        return sale;
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        m_db = std::make_unique<TestDatabase>(QStringLiteral("sales"));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        m_database = m_db->openMigrated();
        QVERIFY(m_database);
        exec("INSERT INTO branches (code, name, time_zone) VALUES ('BER', 'Berlin', 'Europe/Berlin')");
        exec("INSERT INTO customers (full_name) VALUES ('Jonas Weber')");
        m_buyer = query("SELECT max(id) FROM customers").toLongLong();
    }

    void cleanupTestCase()
    {
        m_database.reset();
        m_db.reset();
    }

    void sellsWithTheCarAsSoldAndItsEvent()
    {
        const qint64 id = car("in_service");
        const int version = query("SELECT version FROM cars WHERE id = " + std::to_string(id)).toInt();
        SaleRequest sale = request(id);
        sale.buyerId = m_buyer;
        const auto sold = SalesService::sell(*m_database, sale);
        QVERIFY2(sold, qPrintable(sold ? QString() : sold.error().oneLine()));
        QCOMPARE(sold->priceCents, 2150050);
        QCOMPARE(sold->costCents, std::optional<qint64>(1600000)); // the car's cost at sale
        QCOMPARE(sold->buyerId, std::optional(m_buyer));
        QCOMPARE(sold->buyerName, QStringLiteral("Jonas Weber"));
        QCOMPARE(sold->previousStatus, QStringLiteral("in_service"));
        QCOMPARE(sold->inStockSince, QDate(2026, 9, 1));
        QCOMPARE(sold->salesperson, QStringLiteral("maria"));
        QVERIFY(!sold->isVoid());
        const std::string carId = std::to_string(id);
        QCOMPARE(query("SELECT status || ' ' || sold_on FROM cars WHERE id = " + carId),
                 QStringLiteral("sold 2026-10-12"));
        QCOMPARE(query("SELECT version FROM cars WHERE id = " + carId).toInt(), version + 1);
        QCOMPARE(query("SELECT (payload ->> 'sale_id') || ' ' || (payload ->> 'price_cents') || ' ' || "
                       "(payload ->> 'make') FROM outbox_events WHERE topic = 'car.sold' AND aggregate_key = 'car:" +
                       carId + "'"),
                 QStringLiteral("%1 2150050 Volkswagen").arg(sold->id));
    }

    void salespersonDefaultsToTheConnectedUser()
    {
        SaleRequest sale = request(car());
        sale.salesperson.clear();
        const auto sold = SalesService::sell(*m_database, sale);
        QVERIFY(sold);
        QCOMPARE(sold->salesperson, query("SELECT current_user"));
    }

    void refusesASoldOrRetiredCar()
    {
        for (const char *status : {"sold", "retired"}) {
            const auto refused = SalesService::sell(*m_database, request(car(status)));
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, Error::Code::InvalidInput);
            QVERIFY2(refused.error().message.contains(QLatin1String(status)), qPrintable(refused.error().message));
        }
        const qint64 id = car();
        QVERIFY(SalesService::sell(*m_database, request(id)));
        const auto again = SalesService::sell(*m_database, request(id));
        QVERIFY(!again);
        QCOMPARE(again.error().code, Error::Code::InvalidInput);
        QCOMPARE(query("SELECT count(*) FROM car_sales WHERE car_id = " + std::to_string(id)), QStringLiteral("1"));
    }

    void refusesWhatIsNotThere()
    {
        QCOMPARE(SalesService::sell(*m_database, request(999999)).error().code, Error::Code::NotFound);
        SaleRequest sale = request(car());
        sale.buyerId = 999999;
        QCOMPARE(SalesService::sell(*m_database, sale).error().code, Error::Code::NotFound);
        QCOMPARE(SalesService::voidSale(*m_database, 999999, QStringLiteral("typo")).error().code,
                 Error::Code::NotFound);
        sale.buyerId.reset();
        sale.priceCents = -1;
        QCOMPARE(SalesService::sell(*m_database, sale).error().code, Error::Code::InvalidInput);
        sale.priceCents = 1'000'000'000'000; // 10,000,000,000.00: beyond numeric(12, 2)
        QCOMPARE(SalesService::sell(*m_database, sale).error().code, Error::Code::InvalidInput);
        sale.priceCents = 100;
        sale.soldOn = QDate();
        QCOMPARE(SalesService::sell(*m_database, sale).error().code, Error::Code::InvalidInput);
        sale.soldOn = QDate::currentDate().addDays(1); // a sale is recorded once it has happened
        const auto future = SalesService::sell(*m_database, sale);
        QVERIFY(!future);
        QCOMPARE(future.error().code, Error::Code::InvalidInput);
        QVERIFY2(future.error().message.contains(QStringLiteral("future")), qPrintable(future.error().message));
    }

    void voidGivesTheCarBackItsStatusAndKeepsTheSale()
    {
        const qint64 id = car("reserved", "NULL");
        const auto sold = SalesService::sell(*m_database, request(id));
        QVERIFY(sold);
        QCOMPARE(sold->costCents, std::nullopt);
        QVERIFY(!SalesService::voidSale(*m_database, sold->id, QStringLiteral("  ")));
        const auto voided = SalesService::voidSale(*m_database, sold->id, QStringLiteral("Entered on the wrong car"));
        QVERIFY2(voided, qPrintable(voided ? QString() : voided.error().oneLine()));
        QVERIFY(voided->isVoid());
        QCOMPARE(voided->voidReason, QStringLiteral("Entered on the wrong car"));
        const std::string carId = std::to_string(id);
        QCOMPARE(query("SELECT status || ' ' || coalesce(sold_on::text, '-') FROM cars WHERE id = " + carId),
                 QStringLiteral("reserved -"));
        QCOMPARE(query("SELECT payload ->> 'reason' FROM outbox_events WHERE topic = 'car.sale_voided' AND "
                       "aggregate_key = 'car:" +
                       carId + "'"),
                 QStringLiteral("Entered on the wrong car"));

        // A void sale stays void: voiding again is refused, and the car can be sold again.
        const auto again = SalesService::voidSale(*m_database, sold->id, QStringLiteral("twice"));
        QVERIFY(!again);
        QCOMPARE(again.error().code, Error::Code::InvalidInput);
        QVERIFY2(again.error().message.contains(QLatin1String("Entered on the wrong car")),
                 qPrintable(again.error().message));
        QVERIFY(SalesService::sell(*m_database, request(id)));
        QCOMPARE(query("SELECT count(*) FILTER (WHERE voided_at IS NULL) || '/' || count(*) FROM car_sales "
                       "WHERE car_id = " +
                       carId),
                 QStringLiteral("1/2"));
    }

    // The car panel reads a car's sale: the one that counts, not a void one.
    void readsTheSaleOfACar()
    {
        const qint64 id = car();
        const auto none = SalesService::saleOfCar(*m_database, id);
        QVERIFY(none);
        QCOMPARE(none->has_value(), false);
        const auto first = SalesService::sell(*m_database, request(id));
        QVERIFY(first);
        QVERIFY(SalesService::voidSale(*m_database, first->id, QStringLiteral("wrong price")));
        QCOMPARE(SalesService::saleOfCar(*m_database, id)->has_value(), false);
        SaleRequest again = request(id);
        again.priceCents = 1990000;
        const auto second = SalesService::sell(*m_database, again);
        QVERIFY(second);
        const auto read = SalesService::saleOfCar(*m_database, id);
        QVERIFY(read && read->has_value());
        QCOMPARE((*read)->id, second->id);
        QCOMPARE((*read)->priceCents, 1990000);
        QCOMPARE((*read)->salesperson, QStringLiteral("maria"));
        QCOMPARE(SalesService::saleOfCar(*m_database, 999999)->has_value(), false);
    }

    // A car retired after its sale stays retired when the sale is voided.
    void voidLeavesACarChangedSinceAlone()
    {
        const qint64 id = car();
        const auto sold = SalesService::sell(*m_database, request(id));
        QVERIFY(sold);
        exec("UPDATE cars SET status = 'retired' WHERE id = " + std::to_string(id));
        QVERIFY(SalesService::voidSale(*m_database, sold->id, QStringLiteral("Mistake")));
        QCOMPARE(query("SELECT status FROM cars WHERE id = " + std::to_string(id)), QStringLiteral("retired"));
    }

    // What the database refuses whoever writes.
    void theDatabaseGuardsTheSales()
    {
        const qint64 id = car();
        const auto sold = SalesService::sell(*m_database, request(id));
        QVERIFY(sold);
        const std::string sale = std::to_string(sold->id);
        const std::string insert = "INSERT INTO car_sales (car_id, sold_on, price, make, model, in_stock_since, "
                                   "previous_status) VALUES (" +
                                   std::to_string(id) + ", '2026-10-13', 100, 'VW', 'Golf', '2026-09-01', 'available')";
        QVERIFY(execute(*m_database, insert).contains(QLatin1String("car_sales_one_per_car")));
        QVERIFY(!execute(*m_database, "UPDATE car_sales SET voided_at = now(), voided_by = 'x' WHERE id = " + sale)
                     .isEmpty()); // no reason
        QVERIFY(!execute(*m_database, "UPDATE car_sales SET price = 1 WHERE id = " + sale).isEmpty());
        QVERIFY(!execute(*m_database, "UPDATE car_sales SET price = -1, voided_at = now(), voided_by = 'x', "
                                      "void_reason = 'x' WHERE id = " +
                                          sale)
                     .isEmpty());
        exec("UPDATE car_sales SET voided_at = now(), voided_by = 'x', void_reason = 'test' WHERE id = " + sale);
        QVERIFY(execute(*m_database, "UPDATE car_sales SET void_reason = 'other' WHERE id = " + sale)
                    .contains(QLatin1String("void")));
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_database;
    qint64 m_buyer = 0;
    int m_cars = 0;
};

QTEST_GUILESS_MAIN(TestSalesService)
#include "tst_salesservice.moc"

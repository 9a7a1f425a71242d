#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "domain/CarValidator.h"
#include "services/DemoDataService.h"
#include "services/FleetService.h"
#include "services/SalesService.h"

#include <QScopeGuard>
#include <QTest>

#include <pqxx/pqxx>

namespace {

CarRecord validRecord(const QString &vin = QStringLiteral("WVWZZZ1KZAW000001"))
{
    const CarInput input = sampleCarInput(vin);
    const CarValidation validation = CarValidator::validate(input);
    if (!validation.isValid())
        qWarning("%s", qPrintable(validation.errors().value(0).message));
    return validation.record;
}

qint64 number(Database &database, const std::string &sql)
{
    return scalar(database, sql).toLongLong();
}

void exec(Database &database, const std::string &sql)
{
    const auto done = database.guard([&](pqxx::connection &connection) {
        pqxx::nontransaction work(connection);
        work.exec(sql);
    });
    QVERIFY2(done, qPrintable(done ? QString() : done.error().oneLine()));
}

// Every row of `query`, read page by page in the given direction with keyset requests.
QList<qint64> pagedIds(Database &database, const CarQuery &query, int pageSize)
{
    QList<qint64> ids;
    PageRequest request;
    request.limit = pageSize;
    for (;;) {
        const auto page = FleetService::page(database, query, request);
        if (!page) {
            qWarning("%s", qPrintable(page.error().oneLine()));
            return {};
        }
        for (const CarRow &row : page->rows)
            ids << row.id;
        if (page->rows.size() < pageSize)
            return ids;
        request.from = PageRequest::From::After;
        request.key = page->keys.constLast();
    }
}

} // namespace

class TestFleetService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<TestDatabase>(QStringLiteral("fleet"));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        m_database = m_db->openMigrated();
        QVERIFY(m_database);
        DemoDataOptions options;
        options.cars = 2500;
        QVERIFY(DemoDataService::generate(*m_database, options));
    }

    void cleanupTestCase()
    {
        m_database.reset();
        m_db.reset();
    }

    void createWritesCarPriceAndEventTogether()
    {
        const qint64 events = number(*m_database, "SELECT count(*) FROM outbox_events WHERE topic = 'car.created'");
        const auto created = FleetService::create(*m_database, validRecord());
        QVERIFY2(created, qPrintable(created ? QString() : created.error().oneLine()));
        QVERIFY(created->row.stockNumber.startsWith(QLatin1Char('A'))); // numbered by the database
        QCOMPARE(created->row.listPriceCents, 1'890'000);
        QCOMPARE(created->row.version, 1);
        QCOMPARE(created->priceHistory.size(), 1);
        QCOMPARE(number(*m_database, "SELECT count(*) FROM outbox_events WHERE topic = 'car.created'"), events + 1);
        QCOMPARE(scalar(*m_database, "SELECT payload->>'vin' FROM outbox_events WHERE topic = 'car.created' "
                                     "ORDER BY id DESC LIMIT 1"),
                 QStringLiteral("WVWZZZ1KZAW000001"));

        // The same VIN again is refused with the stock number that has it.
        const auto again = FleetService::create(*m_database, validRecord());
        QVERIFY(!again);
        QCOMPARE(again.error().code, Error::Code::Duplicate);
        QVERIFY(again.error().message.contains(created->row.stockNumber));
    }

    void updateKeepsPriceHistoryAndWritesEvents()
    {
        const auto created = FleetService::create(*m_database, validRecord(QStringLiteral("WVWZZZ1KZAW000002")));
        QVERIFY(created);
        CarRecord changed = validRecord(QStringLiteral("WVWZZZ1KZAW000002"));
        changed.listPrice = QStringLiteral("17500.00");
        changed.colour = QStringLiteral("Blue");
        const auto updated = FleetService::update(*m_database, created->row.id, changed, created->row.version);
        QVERIFY2(updated, qPrintable(updated ? QString() : updated.error().oneLine()));
        QCOMPARE(updated->row.version, 2);
        QCOMPARE(updated->row.colour, QStringLiteral("Blue"));
        QCOMPARE(updated->priceHistory.size(), 2);
        QCOMPARE(updated->priceHistory.last().oldPriceCents.value_or(-1), 1'890'000);
        QCOMPARE(updated->priceHistory.last().newPriceCents, 1'750'000);

        const std::string key = "'car:" + std::to_string(created->row.id) + "'";
        QCOMPARE(scalar(*m_database, "SELECT string_agg(topic, ',' ORDER BY id) FROM outbox_events "
                                     "WHERE aggregate_key = " +
                                         key),
                 QStringLiteral("car.created,car.updated,car.price_changed"));
        QCOMPARE(scalar(*m_database, "SELECT payload->'changes'->'colour'->>1 FROM outbox_events "
                                     "WHERE topic = 'car.updated' AND aggregate_key = " +
                                         key),
                 QStringLiteral("Blue"));

        // Saving the same values again changes nothing: no version, no event.
        const auto same = FleetService::update(*m_database, created->row.id, changed, updated->row.version);
        QVERIFY(same);
        QCOMPARE(same->row.version, 2);
        QCOMPARE(number(*m_database, "SELECT count(*) FROM outbox_events WHERE aggregate_key = " + key), 3);
    }

    void concurrentEditIsRefusedWithWhoAndWhen()
    {
        const auto created = FleetService::create(*m_database, validRecord(QStringLiteral("WVWZZZ1KZAW000003")));
        QVERIFY(created);
        const int opened = created->row.version;
        CarRecord first = validRecord(QStringLiteral("WVWZZZ1KZAW000003"));
        first.mileageKm = 24000;
        QVERIFY(FleetService::update(*m_database, created->row.id, first, opened));

        CarRecord second = validRecord(QStringLiteral("WVWZZZ1KZAW000003"));
        second.notes = QStringLiteral("Scratch on the left door");
        const auto refused = FleetService::update(*m_database, created->row.id, second, opened);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::Stale);
        QVERIFY2(refused.error().message.contains(scalar(*m_database, "SELECT current_user")),
                 qPrintable(refused.error().message));
        QCOMPARE(number(*m_database, "SELECT mileage_km FROM cars WHERE id = " + std::to_string(created->row.id)),
                 24000);

        // Overwrite: the user chose to keep their own version.
        const auto overwritten = FleetService::update(*m_database, created->row.id, second, std::nullopt);
        QVERIFY(overwritten);
        QCOMPARE(overwritten->notes, QStringLiteral("Scratch on the left door"));
        QCOMPARE(overwritten->row.mileageKm, 23000);
    }

    void aFailingEventLeavesTheCarUnchanged()
    {
        const auto created = FleetService::create(*m_database, validRecord(QStringLiteral("WVWZZZ1KZAW000004")));
        QVERIFY(created);
        exec(*m_database, "CREATE FUNCTION refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                          "RAISE EXCEPTION 'outbox refused'; END $$; "
                          "CREATE TRIGGER refuse_event BEFORE INSERT ON outbox_events FOR EACH ROW "
                          "WHEN (NEW.topic = 'car.updated') EXECUTE FUNCTION refuse_event()");
        CarRecord changed = validRecord(QStringLiteral("WVWZZZ1KZAW000004"));
        changed.colour = QStringLiteral("Red");
        const auto updated = FleetService::update(*m_database, created->row.id, changed, created->row.version);
        exec(*m_database, "DROP TRIGGER refuse_event ON outbox_events; DROP FUNCTION refuse_event()");
        QVERIFY(!updated);
        QCOMPARE(scalar(*m_database,
                        "SELECT colour || '/' || version FROM cars WHERE id = " + std::to_string(created->row.id)),
                 QStringLiteral("/1"));
    }

    void removeDeletesANewCarAndRetiresOneWithHistory()
    {
        const auto fresh = FleetService::create(*m_database, validRecord(QStringLiteral("WVWZZZ1KZAW000005")));
        QVERIFY(fresh);
        const auto deleted = FleetService::remove(*m_database, fresh->row.id, fresh->row.version);
        QVERIFY(deleted);
        QCOMPARE(*deleted, FleetService::RemoveOutcome::Deleted);
        QCOMPARE(number(*m_database, "SELECT count(*) FROM cars WHERE id = " + std::to_string(fresh->row.id)), 0);
        QCOMPARE(number(*m_database, "SELECT count(*) FROM outbox_events WHERE topic = 'car.deleted' AND "
                                     "aggregate_key = 'car:" +
                                         std::to_string(fresh->row.id) + "'"),
                 1);

        const auto priced = FleetService::create(*m_database, validRecord(QStringLiteral("WVWZZZ1KZAW000006")));
        QVERIFY(priced);
        CarRecord cheaper = validRecord(QStringLiteral("WVWZZZ1KZAW000006"));
        cheaper.listPrice = QStringLiteral("18000.00");
        const auto updated = FleetService::update(*m_database, priced->row.id, cheaper, priced->row.version);
        QVERIFY(updated);
        const auto retired = FleetService::remove(*m_database, priced->row.id, updated->row.version);
        QVERIFY(retired);
        QCOMPARE(*retired, FleetService::RemoveOutcome::Retired);
        QCOMPARE(scalar(*m_database, "SELECT status FROM cars WHERE id = " + std::to_string(priced->row.id)),
                 QStringLiteral("retired"));
    }

    void detailsOfSeveralCarsComeInTheOrderAsked()
    {
        const auto first = FleetService::create(*m_database, validRecord(QStringLiteral("WVWZZZ1KZAW000071")));
        const auto second = FleetService::create(*m_database, validRecord(QStringLiteral("WVWZZZ1KZAW000072")));
        QVERIFY(first && second);
        const auto cars = FleetService::details(*m_database, QList<qint64>{second->row.id, first->row.id});
        QVERIFY2(cars, qPrintable(cars ? QString() : cars.error().oneLine()));
        QCOMPARE(cars->size(), 2);
        QCOMPARE(cars->at(0).row.id, second->row.id);
        QCOMPARE(cars->at(1).row.id, first->row.id);

        // A car that is gone fails the whole comparison with its reason, not a shorter list.
        const auto missing = FleetService::details(*m_database, QList<qint64>{first->row.id, -1});
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, Error::Code::NotFound);
    }

    void bulkActionsChangeOnlyWhatDiffersWithOneEventEach()
    {
        const auto ids = FleetService::ids(*m_database, CarQuery{});
        QVERIFY(ids && ids->size() > 10);
        const QList<qint64> chosen = ids->mid(0, 3);
        const std::string list =
            "(" + std::to_string(chosen[0]) + "," + std::to_string(chosen[1]) + "," + std::to_string(chosen[2]) + ")";
        exec(*m_database,
             "UPDATE cars SET status = 'in_service', sold_on = NULL WHERE id = " + std::to_string(chosen[0]));
        const qint64 eventsBefore = number(*m_database, "SELECT count(*) FROM outbox_events");

        const auto status = FleetService::setStatus(*m_database, chosen, QStringLiteral("in_service"));
        QVERIFY2(status, qPrintable(status ? QString() : status.error().oneLine()));
        QCOMPARE(*status, 2);
        QCOMPARE(number(*m_database, "SELECT count(*) FROM cars WHERE status = 'in_service' AND id IN " + list), 3);
        QCOMPARE(number(*m_database, "SELECT count(*) FROM outbox_events"), eventsBefore + 2);

        const QString code = scalar(*m_database, "SELECT code FROM branches ORDER BY code DESC LIMIT 1");
        const auto moved = FleetService::setLocation(*m_database, chosen, code);
        QVERIFY2(moved, qPrintable(moved ? QString() : moved.error().oneLine()));
        QCOMPARE(number(*m_database, "SELECT count(*) FROM cars c JOIN branches b ON b.id = c.branch_id WHERE "
                                     "b.code = '" +
                                         code.toStdString() + "' AND c.id IN " + list),
                 3);
        QVERIFY(!FleetService::setLocation(*m_database, chosen, QStringLiteral("NOWHERE")));

        const qint64 before = number(*m_database, "SELECT sum(list_price)::bigint FROM cars WHERE id IN " + list);
        const qint64 history = number(*m_database, "SELECT count(*) FROM car_price_history WHERE car_id IN " + list);
        const std::string priceEvents = "SELECT count(*) FROM outbox_events WHERE topic = 'car.price_changed' AND "
                                        "aggregate_key IN (SELECT 'car:' || id FROM cars WHERE id IN " +
                                        list + ")";
        const qint64 priceEventsBefore = number(*m_database, priceEvents);
        PriceAdjustment tenPercentOff;
        tenPercentOff.kind = PriceAdjustment::Kind::Percent;
        tenPercentOff.percent = -10;
        const auto repriced = FleetService::adjustPrice(*m_database, chosen, tenPercentOff);
        QVERIFY2(repriced, qPrintable(repriced ? QString() : repriced.error().oneLine()));
        QCOMPARE(*repriced, 3);
        const qint64 after = number(*m_database, "SELECT sum(list_price)::bigint FROM cars WHERE id IN " + list);
        QVERIFY(std::abs(after - before * 9 / 10) <= 3); // each price rounded to whole units
        QCOMPARE(number(*m_database, "SELECT count(*) FROM car_price_history WHERE car_id IN " + list), history + 3);
        QCOMPARE(number(*m_database, priceEvents), priceEventsBefore + 3);
    }

    void keysetPagesCoverEveryRowOnceInEveryOrder_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        for (CarColumn column : {CarColumn::UpdatedAt, CarColumn::StockNumber, CarColumn::Make, CarColumn::ListPrice,
                                 CarColumn::Location, CarColumn::Cost, CarColumn::SoldOn, CarColumn::Seats}) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                QTest::addRow("%s %s", qPrintable(CarQuery::columnKey(column)),
                              order == Qt::AscendingOrder ? "asc" : "desc")
                    << int(column) << int(order);
            }
        }
    }

    void keysetPagesCoverEveryRowOnceInEveryOrder()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        CarQuery query;
        query.sortColumn = static_cast<CarColumn>(column);
        query.sortOrder = static_cast<Qt::SortOrder>(order);
        query.filter.fuelTypes = {QStringLiteral("diesel"), QStringLiteral("petrol")};

        if (query.sortColumn == CarColumn::Location) // cars without a branch come first: some are needed
            QVERIFY(number(*m_database, "SELECT count(*) FROM cars WHERE branch_id IS NULL "
                                        "AND fuel_type IN ('diesel', 'petrol')") > 0);
        const auto all = FleetService::ids(*m_database, query);
        QVERIFY(all);
        const qint64 expected =
            number(*m_database, "SELECT count(*) FROM cars WHERE fuel_type IN ('diesel', 'petrol')");
        QCOMPARE(all->size(), expected);
        QCOMPARE(*FleetService::count(*m_database, query), expected);
        QCOMPARE(pagedIds(*m_database, query, 97), *all);

        // A car's position is its row in that order (where a new car lands in the table); a car the
        // filter leaves out has none.
        for (const qsizetype row : {qsizetype(0), qsizetype(1), all->size() / 3, all->size() / 2, all->size() - 1}) {
            const auto position = FleetService::position(*m_database, query, all->at(row));
            QVERIFY2(position, qPrintable(position ? QString() : position.error().oneLine()));
            QCOMPARE(*position, std::optional<qint64>(row));
        }
        const qint64 electric = number(*m_database, "SELECT min(id) FROM cars WHERE fuel_type = 'electric'");
        QVERIFY(electric > 0);
        QCOMPARE(*FleetService::position(*m_database, query, electric), std::nullopt);
        QCOMPARE(*FleetService::position(*m_database, query, 0), std::nullopt);

        // A jump from an anchor lands on the same rows as reading from the start.
        const auto anchors = FleetService::anchors(*m_database, query, 200);
        QVERIFY(anchors);
        QCOMPARE(anchors->size(), (all->size() + 199) / 200);
        PageRequest jump;
        jump.from = PageRequest::From::At;
        jump.key = anchors->at(3);
        jump.offset = 50;
        jump.limit = 20;
        const auto jumped = FleetService::page(*m_database, query, jump);
        QVERIFY(jumped);
        QCOMPARE(jumped->rows.size(), 20);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(jumped->rows.at(i).id, all->at(3 * 200 + 50 + i));

        // Backwards from a key gives the rows just before it, in the query's order.
        const auto around = FleetService::page(*m_database, query, jump);
        PageRequest back;
        back.from = PageRequest::From::Before;
        back.key = around->keys.constFirst();
        back.limit = 10;
        const auto before = FleetService::page(*m_database, query, back);
        QVERIFY(before);
        QCOMPARE(before->rows.size(), 10);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(before->rows.at(i).id, all->at(3 * 200 + 40 + i));
    }

    void filtersNarrowTheFleet()
    {
        CarQuery query;
        const QString vin = scalar(*m_database, "SELECT vin FROM cars ORDER BY id LIMIT 1 OFFSET 17");
        query.filter.text = vin.right(6).toLower();
        const auto byVin = FleetService::page(*m_database, query, {});
        QVERIFY(byVin);
        QVERIFY(!byVin->rows.isEmpty());
        QVERIFY(std::any_of(byVin->rows.begin(), byVin->rows.end(), [&](const CarRow &row) { return row.vin == vin; }));

        query.filter = {};
        query.filter.makes = {
            scalar(*m_database, "SELECT make FROM cars GROUP BY make ORDER BY count(*) DESC LIMIT 1")};
        query.filter.yearFrom = 2015;
        query.filter.priceTo = 30000;
        query.filter.mileageTo = 80000;
        query.filter.statuses = {QStringLiteral("available")};
        query.filter.locations = {scalar(*m_database, "SELECT code FROM branches ORDER BY code LIMIT 1")};
        const std::string where = "make = '" + query.filter.makes.first().toStdString() +
                                  "' AND model_year >= 2015 AND list_price <= 30000 AND mileage_km <= 80000 AND "
                                  "status = 'available' AND branch_id = (SELECT id FROM branches WHERE code = '" +
                                  query.filter.locations.first().toStdString() + "')";
        const qint64 expected = number(*m_database, "SELECT count(*) FROM cars WHERE " + where);
        QVERIFY(expected > 0);
        QCOMPARE(*FleetService::count(*m_database, query), expected);

        // Characters that mean something to LIKE are searched for literally.
        query.filter = {};
        query.filter.text = QStringLiteral("%_");
        QCOMPARE(*FleetService::count(*m_database, query), 0);
    }

    // The rental fleet (cars.for_rent): saved, read back, changed with its event, and a filter of its own.
    void rentalFleetIsKeptAndFiltered()
    {
        CarRecord record = validRecord(QStringLiteral("WVWZZZ1KZAW000009"));
        record.forRent = true;
        const auto created = FleetService::create(*m_database, record);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().oneLine()));
        QVERIFY(created->row.forRent);
        const auto read = FleetService::details(*m_database, created->row.id);
        QVERIFY(read && read->row.forRent);

        record.forRent = false;
        const auto updated = FleetService::update(*m_database, created->row.id, record, created->row.version);
        QVERIFY(updated);
        QVERIFY(!updated->row.forRent);
        QCOMPARE(scalar(*m_database, "SELECT payload->'changes'->'for_rent'->>0 || '>' || "
                                     "(payload->'changes'->'for_rent'->>1) FROM outbox_events "
                                     "WHERE topic = 'car.updated' AND aggregate_key = 'car:" +
                                         std::to_string(created->row.id) + "'"),
                 QStringLiteral("true>false"));

        CarQuery query;
        const qint64 fleet = number(*m_database, "SELECT count(*) FROM cars WHERE for_rent");
        const qint64 stock = number(*m_database, "SELECT count(*) FROM cars WHERE NOT for_rent");
        QVERIFY(fleet > 0 && stock > 0);
        query.filter.forRent = true;
        QCOMPARE(*FleetService::count(*m_database, query), fleet);
        QCOMPARE(query.filter.conditionCount(), 1);
        const auto page = FleetService::page(*m_database, query, {});
        QVERIFY(page && !page->rows.isEmpty());
        QVERIFY(std::all_of(page->rows.begin(), page->rows.end(), [](const CarRow &row) { return row.forRent; }));
        query.filter.forRent = false;
        QCOMPARE(*FleetService::count(*m_database, query), stock);
        QCOMPARE(CarFilter::fromJson(query.filter.toJson()), query.filter);
        query.filter.forRent.reset();
        QCOMPARE(*FleetService::count(*m_database, query), fleet + stock);

        // The column sorts like any other: every row once, the rental fleet last in ascending order.
        query.sortColumn = CarColumn::ForRent;
        query.sortOrder = Qt::AscendingOrder;
        const QList<qint64> ids = pagedIds(*m_database, query, 700);
        QCOMPARE(ids.size(), fleet + stock);
        const auto last = FleetService::rows(*m_database, {ids.last()});
        QVERIFY(last && last->size() == 1 && last->first().forRent);
    }

    void similarCarsAreAvailableNearAndExplained()
    {
        const qint64 id =
            number(*m_database, "SELECT c.id FROM cars c WHERE status = 'available' AND "
                                "(SELECT count(*) FROM cars o WHERE o.make = c.make AND o.model = c.model "
                                "AND o.status = 'available') > 12 ORDER BY id LIMIT 1");
        QVERIFY(id > 0);
        const auto similar = FleetService::similar(*m_database, id);
        QVERIFY2(similar, qPrintable(similar ? QString() : similar.error().oneLine()));
        QCOMPARE(similar->size(), 10);
        const QString model = scalar(*m_database, "SELECT model FROM cars WHERE id = " + std::to_string(id));
        for (int i = 0; i < similar->size(); ++i) {
            const SimilarCar &car = similar->at(i);
            QVERIFY(car.row.id != id);
            QCOMPARE(car.row.status, QStringLiteral("available"));
            QVERIFY(!car.reason.isEmpty());
            if (i > 0)
                QVERIFY(car.distance >= similar->at(i - 1).distance);
        }
        QCOMPARE(similar->first().row.model, model);
        QVERIFY2(similar->first().reason.startsWith(QStringLiteral("same model")), qPrintable(similar->first().reason));
    }

    // Price, mileage and age weigh in the ranking: the top matches of a dear car and of a cheap
    // car, and of cars at every price between, are in the car's price band; cars in the band come before
    // the others; the reasons say the price as it is.
    void similarCarsAreInThePriceBand()
    {
        // The two cars, a dear Cayenne and a cheap old Accord, with cars in and out of their bands.
        const std::vector<std::string> added = {
            "('WP1ZZZ9YZNDA00001', 'Porsche', 'Cayenne', 2022, 'suv', 'petrol', 'awd', 118800, 21000)",
            "('WP1ZZZ9YZNDA00002', 'Porsche', 'Cayenne', 2016, 'suv', 'diesel', 'awd', 48700, 98000)",
            "('WP1ZZZ9YZNDA00003', 'Porsche', 'Cayenne', 2012, 'suv', 'petrol', 'awd', 16600, 171000)",
            "('WBAZZZ9YZNDA00004', 'BMW', 'X5', 2023, 'suv', 'plug_in_hybrid', 'awd', 109900, 8000)",
            "('W1NZZZ9YZNDA00005', 'Mercedes-Benz', 'G-Class', 2021, 'suv', 'petrol', '4wd', 134500, 30000)",
            "('SALZZZ9YZNDA00006', 'Land Rover', 'Range Rover', 2022, 'suv', 'diesel', '4wd', 124000, 26000)",
            "('WP0ZZZ9YZNDA00007', 'Porsche', '911', 2021, 'coupe', 'petrol', 'rwd', 128000, 15000)",
            "('WP0ZZZ9YZNDA00008', 'Porsche', 'Taycan', 2022, 'sedan', 'electric', 'awd', 96000, 20000)",
            "('1HGCM82633A004352', 'Honda', 'Accord', 2003, 'sedan', 'petrol', 'fwd', 4500, 231000)",
            "('JTDZZZ9YZ5DA00010', 'Toyota', 'Corolla', 2005, 'sedan', 'petrol', 'fwd', 4200, 198000)",
            "('WVWZZZ9YZ6DA00011', 'Volkswagen', 'Polo', 2006, 'hatchback', 'petrol', 'fwd', 3900, 176000)",
            "('WF0ZZZ9YZ7DA00012', 'Ford', 'Focus', 2007, 'estate', 'diesel', 'fwd', 5200, 240000)",
            "('W0LZZZ9YZ6DA00013', 'Opel', 'Astra', 2006, 'sedan', 'petrol', 'fwd', 4800, 205000)",
            "('TMBZZZ9YZ8DA00014', 'Skoda', 'Octavia', 2008, 'estate', 'diesel', 'fwd', 5100, 260000)",
            "('SHHZZZ9YZ4DA00015', 'Honda', 'Civic', 2004, 'hatchback', 'petrol', 'fwd', 8900, 150000)"};
        std::string values;
        for (const std::string &car : added)
            values += (values.empty() ? "" : ", ") + car;
        exec(*m_database, "INSERT INTO cars (vin, make, model, model_year, body_type, fuel_type, drive, list_price, "
                          "mileage_km, transmission, condition) SELECT *, 'automatic', 'used' FROM (VALUES " +
                              values + ") v");
        const auto removed = qScopeGuard([this] {
            exec(*m_database, "DELETE FROM cars WHERE vin ~ '^[A-Z0-9]{3}ZZZ9YZ' OR vin = '1HGCM82633A004352'");
        });
        const std::string band = std::to_string(FleetService::SimilarPriceBand);
        const auto inBand = [&](const QString &id) {
            return number(*m_database, "SELECT count(*) FROM cars o, cars c WHERE c.id = " + id.toStdString() +
                                           " AND o.status = 'available' AND o.id <> c.id AND "
                                           "abs(o.list_price - c.list_price) <= c.list_price * " +
                                           band);
        };
        // Those two, and cars at every price: the dearest and the cheapest available cars and every fifth of
        // the range between.
        const QStringList ids =
            scalar(*m_database,
                   "SELECT string_agg(id::text, ',') FROM (SELECT id, ntile(5) OVER (ORDER BY list_price, id) AS part, "
                   "row_number() OVER (PARTITION BY 1 ORDER BY list_price, id) AS n, count(*) OVER () AS total "
                   "FROM cars WHERE status = 'available') t WHERE n IN (1, total) OR n % (total / 5) = 0 OR id IN "
                   "(SELECT id FROM cars WHERE vin IN ('WP1ZZZ9YZNDA00001', '1HGCM82633A004352'))")
                .split(QLatin1Char(','));
        QVERIFY2(ids.size() >= 8, qPrintable(ids.join(QLatin1Char(','))));
        for (const QString &text : ids) {
            const qint64 id = text.toLongLong();
            const auto me = FleetService::rows(*m_database, {id});
            QVERIFY(me && me->size() == 1);
            const qint64 price = me->constFirst().listPriceCents;
            const auto similar = FleetService::similar(*m_database, id);
            QVERIFY2(similar, qPrintable(similar ? QString() : similar.error().oneLine()));
            QCOMPARE(similar->size(), 10);
            const auto within = [&](const SimilarCar &car) {
                return std::abs(car.row.listPriceCents - price) <= price * FleetService::SimilarPriceBand;
            };
            const QString what = QStringLiteral("car #%1 at %2: %3 at %4 (%5)");
            const qint64 top = std::min<qint64>(5, inBand(text));
            if (text == scalar(*m_database, "SELECT id FROM cars WHERE vin = '1HGCM82633A004352'") ||
                text == scalar(*m_database, "SELECT id FROM cars WHERE vin = 'WP1ZZZ9YZNDA00001'"))
                QVERIFY(top == 5);
            for (int i = 0; i < top; ++i) {
                const SimilarCar &car = similar->at(i);
                QVERIFY2(within(car), qPrintable(what.arg(id)
                                                     .arg(price / 100)
                                                     .arg(car.row.id)
                                                     .arg(car.row.listPriceCents / 100)
                                                     .arg(car.reason)));
            }
            for (int i = 1; i < similar->size(); ++i)
                QVERIFY2(within(similar->at(i - 1)) || !within(similar->at(i)), qPrintable(QString::number(id)));
            // The price in the reason is the car's, to the percent.
            for (const SimilarCar &car : *similar) {
                const double change = 100.0 * double(car.row.listPriceCents - price) / double(price);
                const long percent = std::lround(std::abs(change));
                const QString expected =
                    car.row.listPriceCents == price ? QStringLiteral("same price")
                    : percent == 0                  ? QStringLiteral("under 1%")
                                   : QStringLiteral("%1% %2").arg(percent).arg(change < 0 ? QStringLiteral("cheaper")
                                                                                          : QStringLiteral("dearer"));
                QVERIFY2(car.reason.contains(expected), qPrintable(car.reason + QStringLiteral(" / ") + expected));
            }
        }
    }

    // Issue 14: cars whose body type, fuel type, transmission, drive or condition are not stated (NULL) are
    // found by the "not stated" filter value, keep their place in every order and have similar cars.
    void notStatedValuesAreFilteredSortedAndCompared()
    {
        exec(*m_database, "UPDATE cars SET fuel_type = NULL, body_type = NULL, condition = NULL WHERE id % 7 = 0; "
                          "UPDATE cars SET transmission = NULL, drive = NULL WHERE id % 11 = 0");
        const qint64 noFuel = number(*m_database, "SELECT count(*) FROM cars WHERE fuel_type IS NULL");
        QVERIFY(noFuel > 300);

        CarQuery query;
        query.filter.fuelTypes = {CarFilter::notStated()};
        QCOMPARE(*FleetService::count(*m_database, query), noFuel);
        query.filter.fuelTypes << QStringLiteral("diesel");
        QCOMPARE(*FleetService::count(*m_database, query),
                 number(*m_database, "SELECT count(*) FROM cars WHERE fuel_type IS NULL OR fuel_type = 'diesel'"));
        query.filter = {};
        query.filter.conditions = {CarFilter::notStated()};
        query.filter.transmissions = {CarFilter::notStated()};
        QCOMPARE(*FleetService::count(*m_database, query),
                 number(*m_database, "SELECT count(*) FROM cars WHERE condition IS NULL AND transmission IS NULL"));
        query.filter.bodyTypes = {QStringLiteral("suv")};
        QCOMPARE(*FleetService::count(*m_database, query), 0);
        // Saved as such.
        CarFilter saved;
        saved.fuelTypes = {CarFilter::notStated(), QStringLiteral("petrol")};
        QCOMPARE(CarFilter::fromJson(saved.toJson()), saved);

        const qint64 total = number(*m_database, "SELECT count(*) FROM cars");
        for (const CarColumn column : {CarColumn::FuelType, CarColumn::BodyType, CarColumn::Transmission,
                                       CarColumn::Drive, CarColumn::Condition}) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                CarQuery sorted;
                sorted.sortColumn = column;
                sorted.sortOrder = order;
                const auto all = FleetService::ids(*m_database, sorted);
                QVERIFY(all);
                QCOMPARE(all->size(), total);
                QCOMPARE(pagedIds(*m_database, sorted, 211), *all);
            }
        }

        const qint64 id = number(*m_database, "SELECT id FROM cars WHERE fuel_type IS NULL AND status = 'available' "
                                              "ORDER BY id LIMIT 1");
        const auto rows = FleetService::rows(*m_database, {id});
        QVERIFY(rows && rows->size() == 1);
        QVERIFY(rows->first().fuelType.isEmpty() && rows->first().bodyType.isEmpty() &&
                rows->first().condition.isEmpty());
        const auto similar = FleetService::similar(*m_database, id);
        QVERIFY2(similar, qPrintable(similar ? QString() : similar.error().oneLine()));
        QVERIFY(!similar->isEmpty());
        for (const SimilarCar &car : *similar) {
            QVERIFY2(!car.reason.contains(QStringLiteral(", ,")) && !car.reason.endsWith(QStringLiteral(", ")) &&
                         !car.reason.contains(QStringLiteral("same body type")),
                     qPrintable(car.reason));
        }
    }

    void savedFiltersRoundTrip()
    {
        CarFilter filter;
        filter.text = QStringLiteral("golf");
        filter.fuelTypes = {QStringLiteral("diesel")};
        filter.priceTo = 20000;
        filter.seats = {5, 7};
        const auto saved = FleetService::saveFilter(*m_database, QStringLiteral("  Cheap   diesels "), filter);
        QVERIFY(saved);
        QCOMPARE(saved->name, QStringLiteral("Cheap diesels"));
        filter.priceTo = 25000;
        QVERIFY(FleetService::saveFilter(*m_database, QStringLiteral("Cheap diesels"), filter)); // replaces
        const auto filters = FleetService::savedFilters(*m_database);
        QVERIFY(filters);
        QCOMPARE(filters->size(), 1);
        QCOMPARE(filters->first().filter, filter);
        QVERIFY(!FleetService::saveFilter(*m_database, QStringLiteral("   "), filter));
        QVERIFY(FleetService::deleteFilter(*m_database, saved->id));
        QCOMPARE(FleetService::savedFilters(*m_database)->size(), 0);
    }

    // A save (the editor's create and update) cannot make a car sold either: only its sale does; and a car with a
    // sale stays sold unless retired. A car sold before sales were recorded keeps "sold" when edited.
    void saveCannotMakeASoldCarWithoutItsSale()
    {
        CarRecord record = validRecord(QStringLiteral("WVWZZZ1KZAW000091"));
        record.status = QStringLiteral("sold");
        const auto created = FleetService::create(*m_database, record);
        QVERIFY(!created);
        QCOMPARE(created.error().code, Error::Code::InvalidInput);
        QCOMPARE(created.error().message, FleetService::sellInsteadText());
        QCOMPARE(number(*m_database, "SELECT count(*) FROM cars WHERE vin = 'WVWZZZ1KZAW000091'"), 0);

        record.status = QStringLiteral("available");
        const auto car = FleetService::create(*m_database, record);
        QVERIFY2(car, qPrintable(car ? QString() : car.error().oneLine()));
        const qint64 id = car->row.id;
        record.status = QStringLiteral("sold");
        const auto toSold = FleetService::update(*m_database, id, record, car->row.version);
        QVERIFY(!toSold);
        QCOMPARE(toSold.error().message, FleetService::sellInsteadText());
        QCOMPARE(scalar(*m_database, "SELECT status FROM cars WHERE id = " + std::to_string(id)),
                 QStringLiteral("available"));

        // Sold with its sale: an edit keeps it sold; back to available is refused, retired is not.
        SaleRequest sale;
        sale.carId = id;
        sale.soldOn = QDate::currentDate();
        sale.priceCents = 1500000;
        const auto recorded = SalesService::sell(*m_database, sale);
        QVERIFY2(recorded, qPrintable(recorded ? QString() : recorded.error().oneLine()));
        record.notes = QStringLiteral("Collected on Friday");
        const auto edited = FleetService::update(*m_database, id, record, std::nullopt);
        QVERIFY2(edited, qPrintable(edited ? QString() : edited.error().oneLine()));
        QCOMPARE(edited->row.status, QStringLiteral("sold"));
        record.status = QStringLiteral("available");
        const auto back = FleetService::update(*m_database, id, record, std::nullopt);
        QVERIFY(!back);
        QVERIFY2(back.error().message.contains(QStringLiteral("Void sale")), qPrintable(back.error().message));
        record.status = QStringLiteral("retired");
        QVERIFY(FleetService::update(*m_database, id, record, std::nullopt));

        // A car sold without a sale (before sales were recorded) may be edited and stay sold, or leave "sold".
        exec(*m_database, "DELETE FROM car_sales WHERE car_id = " + std::to_string(id) +
                              "; UPDATE cars SET status = 'sold' WHERE id = " + std::to_string(id));
        record.status = QStringLiteral("sold");
        QVERIFY(FleetService::update(*m_database, id, record, std::nullopt));
        record.status = QStringLiteral("available");
        QVERIFY(FleetService::update(*m_database, id, record, std::nullopt));
        QVERIFY(FleetService::remove(*m_database, id, std::nullopt));
    }

    // "Change status › Sold" would make a sold car without a sale: refused, pointing at Sell…; and a car with a
    // sale goes back into stock only by voiding the sale (retiring it keeps the sale). Near the end: the cars it
    // changes come first in the default order (last changed first).
    void bulkStatusSoldIsRefusedForASaleOfItsOwn()
    {
        const auto ids = FleetService::ids(*m_database, CarQuery{});
        QVERIFY(ids && ids->size() > 10);
        const QList<qint64> chosen = ids->mid(4, 2);
        const std::string list = "(" + std::to_string(chosen[0]) + "," + std::to_string(chosen[1]) + ")";
        exec(*m_database, "UPDATE cars SET status = 'available', sold_on = NULL WHERE id IN " + list);
        const qint64 eventsBefore = number(*m_database, "SELECT count(*) FROM outbox_events");

        const auto sold = FleetService::setStatus(*m_database, chosen, QStringLiteral("sold"));
        QVERIFY(!sold);
        QCOMPARE(sold.error().code, Error::Code::InvalidInput);
        QVERIFY2(sold.error().message.contains(QStringLiteral("Sell…")), qPrintable(sold.error().message));
        QCOMPARE(sold.error().message, FleetService::sellInsteadText());
        QVERIFY(!FleetService::setStatus(*m_database, CarSelection::matching(CarFilter{}), QStringLiteral("sold")));
        QCOMPARE(number(*m_database, "SELECT count(*) FROM cars WHERE status = 'sold' AND id IN " + list), 0);
        QCOMPARE(number(*m_database, "SELECT count(*) FROM outbox_events"), eventsBefore);

        SaleRequest sale;
        sale.carId = chosen[0];
        sale.soldOn = QDate::currentDate();
        sale.priceCents = 1234500;
        const auto recorded = SalesService::sell(*m_database, sale);
        QVERIFY2(recorded, qPrintable(recorded ? QString() : recorded.error().oneLine()));
        const std::string stockNumber =
            scalar(*m_database, "SELECT stock_number FROM cars WHERE id = " + std::to_string(chosen[0])).toStdString();
        const auto back = FleetService::setStatus(*m_database, chosen, QStringLiteral("available"));
        QVERIFY(!back);
        QVERIFY2(back.error().message.contains(QString::fromStdString(stockNumber)) &&
                     back.error().message.contains(QStringLiteral("Void sale")),
                 qPrintable(back.error().message));
        QCOMPARE(number(*m_database, "SELECT count(*) FROM cars WHERE status = 'sold' AND id IN " + list), 1);
        // Retiring keeps the sale; voiding the sale puts the car back.
        const auto retired = FleetService::setStatus(*m_database, {chosen[0]}, QStringLiteral("retired"));
        QVERIFY2(retired, qPrintable(retired ? QString() : retired.error().oneLine()));
        QCOMPARE(*retired, 1);
        exec(*m_database, "UPDATE cars SET status = 'sold' WHERE id = " + std::to_string(chosen[0]));
        QVERIFY(SalesService::voidSale(*m_database, recorded->id, QStringLiteral("Test")));
        QCOMPARE(FleetService::setStatus(*m_database, chosen, QStringLiteral("in_service")).value_or(-1), 2);
    }

    // "Every car the filter matches" (the whole table selected) is worked out by the database in the
    // statement that changes them: every matching car changes, with its event, and no other. Last, as it
    // changes statuses and locations the tests above read.
    void bulkActionsOnAFilterChangeEveryMatchingCarAndNoOther()
    {
        const QString make = scalar(*m_database, "SELECT make FROM cars GROUP BY make HAVING count(*) >= 2 "
                                                 "ORDER BY count(*) DESC, make LIMIT 1");
        QVERIFY(!make.isEmpty());
        // Every car in stock again: the demo data's sales go too (a car with a sale stays sold).
        exec(*m_database, "DELETE FROM car_sales; UPDATE cars SET status = 'available', sold_on = NULL");
        CarFilter filter; // several conditions, so that their parameters follow the action's own
        filter.text = make;
        filter.makes = {make};
        filter.statuses = {QStringLiteral("available")};
        const std::string matching = "make = '" + make.toStdString() + "'";
        const qint64 expected = number(*m_database, "SELECT count(*) FROM cars WHERE " + matching);
        QVERIFY(expected >= 2 && expected < number(*m_database, "SELECT count(*) FROM cars"));
        const std::string others = "SELECT md5(string_agg(id || status || coalesce(branch_id, 0) || list_price, ',' "
                                   "ORDER BY id)) FROM cars WHERE NOT (" +
                                   matching + ")";
        const QString othersBefore = scalar(*m_database, others);
        const qint64 eventsBefore = number(*m_database, "SELECT count(*) FROM outbox_events");

        const auto status =
            FleetService::setStatus(*m_database, CarSelection::matching(filter), QStringLiteral("in_service"));
        QVERIFY2(status, qPrintable(status ? QString() : status.error().oneLine()));
        QCOMPARE(*status, expected);
        QCOMPARE(number(*m_database, "SELECT count(*) FROM cars WHERE status = 'in_service'"), expected);
        QCOMPARE(number(*m_database, "SELECT count(*) FROM outbox_events"), eventsBefore + expected);

        // The same filter now matches nothing (the cars are in service): nothing changes.
        const auto none =
            FleetService::setStatus(*m_database, CarSelection::matching(filter), QStringLiteral("retired"));
        QVERIFY(none);
        QCOMPARE(*none, 0);

        filter.statuses = {QStringLiteral("in_service")};
        const QString code = scalar(*m_database, "SELECT code FROM branches ORDER BY code LIMIT 1");
        exec(*m_database, "UPDATE cars SET branch_id = (SELECT id FROM branches WHERE code <> '" + code.toStdString() +
                              "' ORDER BY code LIMIT 1) WHERE " + matching);
        const auto moved = FleetService::setLocation(*m_database, CarSelection::matching(filter), code);
        QVERIFY2(moved, qPrintable(moved ? QString() : moved.error().oneLine()));
        QCOMPARE(*moved, expected);

        const qint64 before = number(*m_database, "SELECT sum(list_price)::bigint FROM cars WHERE " + matching);
        PriceAdjustment raise;
        raise.amountCents = 100'00;
        const auto repriced = FleetService::adjustPrice(*m_database, CarSelection::matching(filter), raise);
        QVERIFY2(repriced, qPrintable(repriced ? QString() : repriced.error().oneLine()));
        QCOMPARE(*repriced, expected);
        QCOMPARE(number(*m_database, "SELECT sum(list_price)::bigint FROM cars WHERE " + matching),
                 before + 100 * expected);
        QCOMPARE(scalar(*m_database, others), othersBefore);
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Database> m_database;
};

QTEST_GUILESS_MAIN(TestFleetService)
#include "tst_fleetservice.moc"

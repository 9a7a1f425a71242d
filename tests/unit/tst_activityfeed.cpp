#include "events/ActivityFeed.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

namespace {

// A UTC time of a payload as the lines show it: in local time.
QString local(const char *utc)
{
    return QLocale().toString(QDateTime::fromString(QLatin1String(utc), Qt::ISODate).toLocalTime(),
                              QLocale::ShortFormat);
}

QJsonObject merged(QJsonObject object, const QJsonObject &more)
{
    for (auto it = more.begin(); it != more.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

} // namespace

class TestActivityFeed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    // A sentence for every event the program publishes: what was done, to which car, booking or
    // customer, payments named as payments with their amount in the database's currency, one line per
    // edit listing every field it changed; never the topic and key as the event carries them.
    void readableLines_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<QString>("expected");
        const QJsonObject car{{QStringLiteral("id"), 41},
                              {QStringLiteral("stock_number"), QStringLiteral("A1234")},
                              {QStringLiteral("vin"), QStringLiteral("WVWZZZ1KZAW000001")},
                              {QStringLiteral("make"), QStringLiteral("Volkswagen")},
                              {QStringLiteral("model"), QStringLiteral("Golf")}};
        // As BookingService writes them (bookingPayload and what each action adds).
        const QJsonObject booking{{QStringLiteral("id"), 3633},
                                  {QStringLiteral("car_id"), 41},
                                  {QStringLiteral("stock_number"), QStringLiteral("A1234")},
                                  {QStringLiteral("customer"), QStringLiteral("Jane Doe")}};
        const auto changes = [](const QJsonObject &columns) {
            return QJsonObject{{QStringLiteral("changes"), columns}};
        };
        const auto pair = [](const QJsonValue &before, const QJsonValue &after) { return QJsonArray{before, after}; };

        QTest::newRow("car created") << "car.created" << car << "anna added stock #A1234 (Volkswagen Golf)";
        QTest::newRow("car edited: price only")
            << "car.updated" << merged(car, changes({{QStringLiteral("list_price"), pair(18900.0, 17500.5)}}))
            << "anna changed stock #A1234 (Volkswagen Golf): List price €18,900 → €17,500.50";
        QTest::newRow("car edited: several fields, one line")
            << "car.updated"
            << merged(
                   car,
                   changes(
                       {{QStringLiteral("list_price"), pair(18900, 17500)},
                        {QStringLiteral("colour"), pair(QStringLiteral("Red"), QStringLiteral("Blue"))},
                        {QStringLiteral("mileage_km"), pair(12000, 12500)},
                        {QStringLiteral("status"), pair(QStringLiteral("available"), QStringLiteral("in_service"))},
                        {QStringLiteral("fuel_type"), pair(QStringLiteral("petrol"), QStringLiteral("plug_in_hybrid"))},
                        {QStringLiteral("notes"), pair(QStringLiteral("a"), QStringLiteral("b"))},
                        {QStringLiteral("branch_id"), pair(1, 2)}}))
            << "anna changed stock #A1234 (Volkswagen Golf): Location; Colour Red → Blue; Fuel type Petrol → "
               "Plug-in hybrid; List price €18,900 → €17,500; Mileage (km) 12,000 → 12,500; Notes; Status "
               "Available → In service";
        QTest::newRow("car moved into the rental fleet")
            << "car.updated" << merged(car, changes({{QStringLiteral("for_rent"), pair(false, true)}}))
            << "anna changed stock #A1234 (Volkswagen Golf): In the rental fleet no → yes";
        QTest::newRow("car price changed (earlier lines)")
            << "car.price_changed"
            << merged(car, {{QStringLiteral("old_price"), QStringLiteral("18900.00")},
                            {QStringLiteral("new_price"), QStringLiteral("17500.50")}})
            << "anna changed the price of stock #A1234 (Volkswagen Golf) from €18,900 to €17,500.50";
        QTest::newRow("car deleted") << "car.deleted" << car << "anna deleted stock #A1234 (Volkswagen Golf)";
        // As SalesService writes them (the car's payload and the sale).
        const QJsonObject sale = merged(car, {{QStringLiteral("sale_id"), 12},
                                              {QStringLiteral("sold_on"), QStringLiteral("2026-11-30")},
                                              {QStringLiteral("price_cents"), 1750050},
                                              {QStringLiteral("salesperson"), QStringLiteral("tom")}});
        const QString soldOn = QLocale().toString(QDate(2026, 11, 30), QLocale::ShortFormat);
        QTest::newRow("car sold")
            << "car.sold" << sale
            << QStringLiteral("anna sold stock #A1234 (Volkswagen Golf) for €17,500.50 on %1 (salesperson: tom)")
                   .arg(soldOn);
        QTest::newRow("car sold by the salesperson")
            << "car.sold" << merged(sale, {{QStringLiteral("salesperson"), QStringLiteral("anna")}})
            << QStringLiteral("anna sold stock #A1234 (Volkswagen Golf) for €17,500.50 on %1").arg(soldOn);
        QTest::newRow("sale voided")
            << "car.sale_voided" << merged(sale, {{QStringLiteral("reason"), QStringLiteral("Entered twice")}})
            << QStringLiteral(
                   "anna voided the sale of stock #A1234 (Volkswagen Golf) (€17,500.50 on %1): Entered twice")
                   .arg(soldOn);

        QTest::newRow("booking made")
            << "booking.created"
            << QJsonObject{{QStringLiteral("id"), 3633},
                           {QStringLiteral("car_id"), 41},
                           {QStringLiteral("stock_number"), QStringLiteral("A1234")},
                           {QStringLiteral("customer_id"), 7},
                           {QStringLiteral("pickup_at"), QStringLiteral("2026-06-10T08:00:00Z")},
                           {QStringLiteral("return_at"), QStringLiteral("2026-06-12T07:30:00Z")},
                           {QStringLiteral("total"), QStringLiteral("196.00")}}
            << QStringLiteral("anna booked stock #A1234 from %1 to %2: booking #3633, total €196")
                   .arg(local("2026-06-10T08:00:00Z"), local("2026-06-12T07:30:00Z"));
        QTest::newRow("booking moved")
            << "booking.changed"
            << merged(booking, {{QStringLiteral("pickup_at"), QStringLiteral("2026-06-11T08:00:00Z")},
                                {QStringLiteral("return_at"), QStringLiteral("2026-06-13T08:00:00Z")},
                                {QStringLiteral("total"), QStringLiteral("210.50")}})
            << QStringLiteral("anna moved booking #3633 (Jane Doe) to stock #A1234, from %1 to %2, total €210.50")
                   .arg(local("2026-06-11T08:00:00Z"), local("2026-06-13T08:00:00Z"));
        const auto paid = [&](const char *kind, const char *method) {
            return merged(booking, {{QStringLiteral("payment"), QLatin1String(kind)},
                                    {QStringLiteral("amount"), QStringLiteral("120.00")},
                                    {QStringLiteral("method"), QLatin1String(method)}});
        };
        QTest::newRow("payment") << "booking.changed" << paid("payment", "card")
                                 << "anna took a payment of €120 by card for booking #3633 (Jane Doe)";
        QTest::newRow("refund") << "booking.changed" << paid("refund", "transfer")
                                << "anna refunded €120 by bank transfer for booking #3633 (Jane Doe)";
        QTest::newRow("deposit") << "booking.changed" << paid("deposit", "cash")
                                 << "anna took a deposit of €120 in cash for booking #3633 (Jane Doe)";
        QTest::newRow("deposit returned") << "booking.changed" << paid("deposit_return", "card")
                                          << "anna returned a deposit of €120 by card for booking #3633 (Jane Doe)";
        QTest::newRow("cancelled") << "booking.cancelled" << merged(booking, {{QStringLiteral("no_show"), false}})
                                   << "anna cancelled booking #3633 (Jane Doe) for stock #A1234";
        QTest::newRow("no-show") << "booking.cancelled" << merged(booking, {{QStringLiteral("no_show"), true}})
                                 << "anna marked booking #3633 (Jane Doe) for stock #A1234 as a no-show";
        QTest::newRow("picked up")
            << "booking.picked_up"
            << merged(booking, {{QStringLiteral("mileage_km"), 12345}, {QStringLiteral("fuel_pct"), 100}})
            << "anna handed stock #A1234 over for booking #3633 (Jane Doe) at 12,345 km, fuel 100%";
        QTest::newRow("returned")
            << "booking.returned"
            << merged(booking, {{QStringLiteral("mileage_km"), 13200},
                                {QStringLiteral("fuel_pct"), 80},
                                {QStringLiteral("extra_days"), 1},
                                {QStringLiteral("extra_km"), 120},
                                {QStringLiteral("total"), QStringLiteral("266.00")}})
            << "anna took back stock #A1234 of booking #3633 (Jane Doe) at 13,200 km, fuel 80%, 1 day(s) late, 120 km "
               "over the allowance; total €266";
        QTest::newRow("returned on time")
            << "booking.returned"
            << merged(booking, {{QStringLiteral("mileage_km"), 13200},
                                {QStringLiteral("fuel_pct"), 80},
                                {QStringLiteral("extra_days"), 0},
                                {QStringLiteral("extra_km"), 0},
                                {QStringLiteral("total"), QStringLiteral("196.00")}})
            << "anna took back stock #A1234 of booking #3633 (Jane Doe) at 13,200 km, fuel 80%; total €196";
        const QJsonObject reminder{{QStringLiteral("id"), 3633},
                                   {QStringLiteral("stock_number"), QStringLiteral("A1234")},
                                   {QStringLiteral("at"), QStringLiteral("2026-06-10T08:00:00.000Z")}};
        QTest::newRow("pick-up reminder")
            << "booking.pickup_reminder" << reminder
            << QStringLiteral("Reminder: stock #A1234 is to be picked up at %1 (booking #3633)")
                   .arg(local("2026-06-10T08:00:00Z"));
        QTest::newRow("return reminder") << "booking.return_reminder" << reminder
                                         << QStringLiteral("Reminder: stock #A1234 is due back at %1 (booking #3633)")
                                                .arg(local("2026-06-10T08:00:00Z"));

        const QJsonObject customer{{QStringLiteral("id"), 7},
                                   {QStringLiteral("full_name"), QStringLiteral("Jane Doe")},
                                   {QStringLiteral("email"), QStringLiteral("jane@example.com")}};
        QTest::newRow("customer added") << "customer.created" << customer << "anna added the customer Jane Doe";
        QTest::newRow("customer added twice")
            << "customer.created" << merged(customer, {{QStringLiteral("possible_duplicate_of"), QJsonArray{3, 5}}})
            << "anna added the customer Jane Doe, who may be a duplicate of #3 and #5";
        QTest::newRow("customer changed")
            << "customer.updated"
            << merged(customer,
                      changes({{QStringLiteral("phone"), pair(QString(), QStringLiteral("+49 171"))},
                               {QStringLiteral("licence_expiry"), pair(QString(), QStringLiteral("2030-01-01"))}}))
            << "anna changed the customer Jane Doe: Licence expiry, Phone";

        QTest::newRow("vin requested") << "vin.requested"
                                       << QJsonObject{{QStringLiteral("id"), 7},
                                                      {QStringLiteral("vin"), QStringLiteral("1HGCM82633A004352")}}
                                       << "anna asked for a VIN report of 1HGCM82633A004352";
        QTest::newRow("vin retried") << "vin.requested"
                                     << QJsonObject{{QStringLiteral("vin"), QStringLiteral("1HGCM82633A004352")},
                                                    {QStringLiteral("retry"), true}}
                                     << "anna asked again for a VIN report of 1HGCM82633A004352";
        QTest::newRow("demo data") << "demo.generated"
                                   << QJsonObject{{QStringLiteral("cars"), 5000},
                                                  {QStringLiteral("branches"), 4},
                                                  {QStringLiteral("seed"), QStringLiteral("1")}}
                                   << "anna generated demo data: 5,000 cars in 4 branches";
        QTest::newRow("replayed") << "system.dead_letter_replayed"
                                  << QJsonObject{{QStringLiteral("event_id"), 77},
                                                 {QStringLiteral("topic"), QStringLiteral("booking.pickup_reminder")}}
                                  << "anna replayed the failed event #77 (a pick-up reminder)";
        QTest::newRow("discarded") << "system.dead_letter_discarded"
                                   << QJsonObject{{QStringLiteral("event_id"), 78},
                                                  {QStringLiteral("topic"), QStringLiteral("car.created")}}
                                   << "anna discarded the failed event #78 (a car added)";
        QTest::newRow("a topic of a newer version")
            << "booking.upgraded" << QJsonObject{}
            << "anna recorded an event of a kind this version does not know (“booking.upgraded”)";
    }

    void readableLines()
    {
        QFETCH(QString, topic);
        QFETCH(QJsonObject, payload);
        QFETCH(QString, expected);
        const QString line = ActivityFeed::summary(QStringLiteral("anna"), topic, payload, QStringLiteral("EUR"));
        QCOMPARE(line, expected);
        // Never the event's raw form: a key ("booking:3633:pickup:…") or a known topic.
        QVERIFY2(!line.contains(QRegularExpression(QStringLiteral("\\b[a-z]+:\\d"))), qPrintable(line));
        if (QTest::currentDataTag() != QByteArray("a topic of a newer version"))
            QVERIFY2(!line.contains(topic), qPrintable(line));
    }

    // Hostile or broken payloads read as sentences, without a crash: missing members, text where numbers
    // belong, names with placeholders in them.
    void oddPayloads()
    {
        const QJsonObject odd{{QStringLiteral("customer"), QStringLiteral("%1 %2 Mallory")},
                              {QStringLiteral("stock_number"), QStringLiteral("%3")},
                              {QStringLiteral("amount"), QStringLiteral("lots")},
                              {QStringLiteral("payment"), QStringLiteral("payment")},
                              {QStringLiteral("changes"), QStringLiteral("everything")},
                              {QStringLiteral("total"), 1e300}};
        for (const char *topic :
             {"car.created", "car.updated", "car.price_changed", "booking.created", "booking.changed",
              "booking.picked_up", "booking.returned", "customer.updated", "system.dead_letter_replayed"}) {
            const QString line =
                ActivityFeed::summary(QStringLiteral("%2"), QLatin1String(topic), odd, QStringLiteral("EUR"));
            QVERIFY2(!line.isEmpty(), topic);
        }
        QCOMPARE(ActivityFeed::summary(QStringLiteral("anna"), QStringLiteral("booking.changed"), odd,
                                       QStringLiteral("EUR")),
                 QStringLiteral("anna took a payment of lots for booking #0 (%1 %2 Mallory)"));
        QCOMPARE(
            ActivityFeed::summary(QStringLiteral("anna"), QStringLiteral("car.updated"), {}, QStringLiteral("EUR")),
            QStringLiteral("anna changed stock #"));
    }

    // The kinds the panel offers are the ones the database's activity_kind() gives (see tst_activity).
    void kinds()
    {
        QStringList keys;
        for (const ActivityFeed::Kind &kind : ActivityFeed::kinds()) {
            keys << kind.key;
            QVERIFY(!kind.label.isEmpty());
        }
        QCOMPARE(keys, (QStringList{QStringLiteral("car"), QStringLiteral("booking"), QStringLiteral("handover"),
                                    QStringLiteral("payment"), QStringLiteral("reminder"), QStringLiteral("customer"),
                                    QStringLiteral("vin"), QStringLiteral("system")}));
    }
};

QTEST_APPLESS_MAIN(TestActivityFeed)
#include "tst_activityfeed.moc"

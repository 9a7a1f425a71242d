#include "events/ActivityFeed.h"

#include <QJsonObject>
#include <QLocale>
#include <QTest>

class TestActivityFeed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void readableLines_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<QString>("expected");
        const QJsonObject car{{QStringLiteral("stock_number"), QStringLiteral("A1234")},
                              {QStringLiteral("make"), QStringLiteral("Volkswagen")},
                              {QStringLiteral("model"), QStringLiteral("Golf")}};
        QJsonObject price = car;
        price.insert(QStringLiteral("old_price"), QStringLiteral("18900.00"));
        price.insert(QStringLiteral("new_price"), QStringLiteral("17500.50"));
        QJsonObject updated = car;
        updated.insert(QStringLiteral("changes"), QJsonObject{{QStringLiteral("colour"), QStringLiteral("Red")},
                                                              {QStringLiteral("mileage_km"), 12000}});
        QTest::newRow("price") << "car.price_changed" << price
                               << "anna changed the price of stock #A1234 from 18,900 to 17,500.50";
        QTest::newRow("created") << "car.created" << car << "anna added Volkswagen Golf, stock #A1234";
        QTest::newRow("updated") << "car.updated" << updated << "anna changed colour and mileage km of stock #A1234";
        QTest::newRow("replayed") << "system.dead_letter_replayed"
                                  << QJsonObject{{QStringLiteral("event_id"), 77},
                                                 {QStringLiteral("topic"), QStringLiteral("car.created")}}
                                  << "anna replayed the failed event #77 (car.created)";
        QTest::newRow("vin requested") << "vin.requested"
                                       << QJsonObject{{QStringLiteral("id"), 7},
                                                      {QStringLiteral("vin"), QStringLiteral("1HGCM82633A004352")}}
                                       << "anna asked for a VIN report of 1HGCM82633A004352";
        QTest::newRow("vin retried") << "vin.requested"
                                     << QJsonObject{{QStringLiteral("vin"), QStringLiteral("1HGCM82633A004352")},
                                                    {QStringLiteral("retry"), true}}
                                     << "anna asked again for a VIN report of 1HGCM82633A004352";
        QTest::newRow("unknown") << "booking.created" << QJsonObject{} << "anna: booking.created (car:1)";
    }

    void readableLines()
    {
        QFETCH(QString, topic);
        QFETCH(QJsonObject, payload);
        QFETCH(QString, expected);
        QCOMPARE(ActivityFeed::summary(QStringLiteral("anna"), topic, QStringLiteral("car:1"), payload), expected);
    }
};

QTEST_APPLESS_MAIN(TestActivityFeed)
#include "tst_activityfeed.moc"

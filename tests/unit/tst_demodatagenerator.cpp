#include "demo/DemoDataGenerator.h"
#include "domain/Vin.h"
#include "domain/VinDecoder.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTimeZone>

namespace {

const QDate kToday(2025, 3, 14);

const QStringList kBodyTypes = {QStringLiteral("sedan"), QStringLiteral("hatchback"), QStringLiteral("estate"),
                                QStringLiteral("suv"),   QStringLiteral("coupe"),     QStringLiteral("convertible"),
                                QStringLiteral("mpv"),   QStringLiteral("pickup"),    QStringLiteral("van"),
                                QStringLiteral("other")};
const QStringList kFuelTypes = {
    QStringLiteral("petrol"),   QStringLiteral("diesel"), QStringLiteral("hybrid"), QStringLiteral("plug_in_hybrid"),
    QStringLiteral("electric"), QStringLiteral("lpg"),    QStringLiteral("cng"),    QStringLiteral("hydrogen")};
const QStringList kTransmissions = {QStringLiteral("manual"), QStringLiteral("automatic")};
const QStringList kDrives = {QStringLiteral("fwd"), QStringLiteral("rwd"), QStringLiteral("awd"),
                             QStringLiteral("4wd")};
const QStringList kConditions = {QStringLiteral("new"), QStringLiteral("used"), QStringLiteral("demo"),
                                 QStringLiteral("certified")};
const QStringList kStatuses = {QStringLiteral("available"), QStringLiteral("reserved"),   QStringLiteral("rented"),
                               QStringLiteral("sold"),      QStringLiteral("in_service"), QStringLiteral("retired")};

qint64 cents(const QString &decimal)
{
    return QString(decimal).remove(QLatin1Char('.')).toLongLong();
}

// Everything wrong with one car, as text for the failure message; empty when it is fine.
QStringList problems(const DemoCar &car, QDate today, qsizetype branchCount)
{
    static const QRegularExpression stockPattern(QStringLiteral("^[A-Z0-9][A-Z0-9-]{0,19}$"));
    static const QRegularExpression vinPattern(QStringLiteral("^[A-HJ-NPR-Z0-9]{17}$"));
    static const QRegularExpression moneyPattern(QStringLiteral("^[0-9]+\\.[0-9]{2}$"));
    QStringList found;
    const auto expect = [&found](bool ok, const QString &what) {
        if (!ok)
            found << what;
    };

    expect(stockPattern.match(car.stockNumber).hasMatch(), QStringLiteral("stock number ") + car.stockNumber);
    expect(vinPattern.match(car.vin).hasMatch(), QStringLiteral("VIN pattern ") + car.vin);
    const Vin::Check check = Vin::check(car.vin);
    expect(check.valid && check.errors.isEmpty(), QStringLiteral("VIN errors ") + check.errors.join(QLatin1Char(' ')));
    expect(check.warnings.isEmpty(), QStringLiteral("VIN warnings ") + check.warnings.join(QLatin1Char(' ')));
    expect(check.normalised == car.vin, QStringLiteral("VIN not normalised"));
    if (car.vin.size() == 17)
        expect(car.vin.at(9) == Vin::modelYearCodeFor(car.modelYear), QStringLiteral("model-year code in VIN"));
    if (check.valid) // the decoder reads the car's own model year back (position 7 picks the cycle)
        expect(VinDecoder::decode(car.vin, today).modelYear == car.modelYear,
               QStringLiteral("decoded model year of ") + car.vin);

    expect(!car.make.trimmed().isEmpty() && !car.model.trimmed().isEmpty(), QStringLiteral("make/model empty"));
    expect(!car.trimLevel.isEmpty(), QStringLiteral("trim empty"));
    expect(car.modelYear >= 1900 && car.modelYear <= today.year() + 1,
           QStringLiteral("model year ") + QString::number(car.modelYear));
    expect(kBodyTypes.contains(car.bodyType), QStringLiteral("body ") + car.bodyType);
    expect(kFuelTypes.contains(car.fuelType), QStringLiteral("fuel ") + car.fuelType);
    expect(kTransmissions.contains(car.transmission), QStringLiteral("transmission ") + car.transmission);
    expect(kDrives.contains(car.drive), QStringLiteral("drive ") + car.drive);
    expect(kConditions.contains(car.condition), QStringLiteral("condition ") + car.condition);
    expect(kStatuses.contains(car.status), QStringLiteral("status ") + car.status);
    expect(!car.colour.isEmpty(), QStringLiteral("colour empty"));
    expect(car.seats >= 1 && car.seats <= 60, QStringLiteral("seats"));
    expect(car.doors >= 0 && car.doors <= 9, QStringLiteral("doors"));
    expect(car.powerKw > 0 && car.powerKw <= 2000, QStringLiteral("power"));
    expect(car.mileageKm >= 0, QStringLiteral("mileage"));
    expect(car.branchIndex >= 0 && car.branchIndex < branchCount, QStringLiteral("branch index"));
    if (car.fuelType == QLatin1String("electric") || car.fuelType == QLatin1String("hybrid") ||
        car.fuelType == QLatin1String("plug_in_hybrid"))
        expect(car.transmission == QLatin1String("automatic"), QStringLiteral("manual ") + car.fuelType);
    if (car.condition == QLatin1String("new")) {
        expect(car.mileageKm >= 5 && car.mileageKm <= 50, QStringLiteral("new car mileage"));
        expect(car.modelYear >= today.year(), QStringLiteral("new car model year"));
    }

    expect(moneyPattern.match(car.listPrice).hasMatch(), QStringLiteral("list price ") + car.listPrice);
    expect(moneyPattern.match(car.cost).hasMatch(), QStringLiteral("cost ") + car.cost);
    const qint64 list = cents(car.listPrice);
    const qint64 cost = cents(car.cost);
    expect(list > 0, QStringLiteral("list price zero"));
    expect(list % 1000 == 0, QStringLiteral("list price not rounded to 10: ") + car.listPrice);
    expect(cost >= 0 && cost <= list, QStringLiteral("cost above list price"));
    expect(cost >= list * 74 / 100 && cost <= list * 92 / 100,
           QStringLiteral("cost ") + car.cost + QStringLiteral(" for ") + car.listPrice);

    expect(car.acquiredOn.isValid() && car.listedOn.isValid(), QStringLiteral("dates missing"));
    // Stock within the last 18 months; sales over two years, the slowest after 240 days.
    const QDate earliest =
        car.status == QLatin1String("sold") ? today.addDays(-DemoDataGenerator::SalesDays - 240) : today.addMonths(-18);
    expect(car.acquiredOn >= earliest && car.acquiredOn <= today,
           QStringLiteral("acquired ") + car.acquiredOn.toString(Qt::ISODate));
    expect(car.listedOn >= car.acquiredOn && car.listedOn <= today, QStringLiteral("listed before acquired"));
    if (car.status == QLatin1String("sold")) {
        expect(car.soldOn.isValid() && car.soldOn >= car.listedOn && car.soldOn <= today &&
                   car.soldOn > today.addDays(-DemoDataGenerator::SalesDays),
               QStringLiteral("sold on ") + car.soldOn.toString(Qt::ISODate));
        expect(moneyPattern.match(car.salePrice).hasMatch() && cents(car.salePrice) <= list,
               QStringLiteral("sale price ") + car.salePrice);
        expect(!car.salesperson.isEmpty(), QStringLiteral("no salesperson"));
        expect(!car.forRent, QStringLiteral("sold car in the rental fleet"));
    } else {
        expect(car.soldOn.isNull() && car.salePrice.isEmpty(), QStringLiteral("sold date on an unsold car"));
    }
    if (car.status == QLatin1String("rented"))
        expect(car.forRent, QStringLiteral("rented car not in the rental fleet"));
    expect(QSet<QString>(car.features.begin(), car.features.end()).size() == car.features.size(),
           QStringLiteral("duplicate features"));
    return found;
}

QString describe(const DemoCar &car)
{
    return car.stockNumber + QLatin1Char(' ') + car.vin + QLatin1Char(' ') + car.make + QLatin1Char(' ') + car.model +
           QLatin1Char(' ') + QString::number(car.modelYear);
}

} // namespace

class TestDemoDataGenerator : public QObject
{
    Q_OBJECT

private slots:
    void hasFourBranches()
    {
        static const QRegularExpression codePattern(QStringLiteral("^[A-Z0-9]{2,8}$"));
        const QList<DemoBranch> branches = DemoDataGenerator(1, kToday).branches();
        QCOMPARE(branches.size(), 4);
        QSet<QString> codes;
        for (const DemoBranch &branch : branches) {
            QVERIFY2(codePattern.match(branch.code).hasMatch(), qPrintable(branch.code));
            QVERIFY(!branch.name.trimmed().isEmpty());
            QVERIFY(!branch.address.isEmpty());
            QVERIFY(!branch.phone.isEmpty());
            QVERIFY2(QTimeZone(branch.timeZone.toUtf8()).isValid(), qPrintable(branch.timeZone));
            codes.insert(branch.code);
        }
        QCOMPARE(codes.size(), 4);
        QCOMPARE(DemoDataGenerator(99, kToday).branches(), branches);
    }

    void sameSeedAndIndexGiveTheSameCar()
    {
        const DemoDataGenerator first(42, kToday);
        const DemoDataGenerator second(42, kToday);
        for (const qint64 index : {qint64(0), qint64(1), qint64(17), qint64(999'999), qint64(9'999'999)}) {
            const DemoCar car = first.car(index);
            QCOMPARE(second.car(index), car);
            QCOMPARE(first.car(index), car);
            QCOMPARE(car.stockNumber, QStringLiteral("A") + QString::number(100000 + index));
        }
        // Order does not matter: generating other cars first changes nothing.
        const DemoCar alone = second.car(500);
        for (qint64 i = 0; i < 500; ++i)
            first.car(i);
        QCOMPARE(first.car(500), alone);
    }

    void differentSeedsDiffer()
    {
        const DemoDataGenerator one(1, kToday);
        const DemoDataGenerator two(2, kToday);
        int sameVin = 0;
        int sameModel = 0;
        for (qint64 i = 0; i < 200; ++i) {
            const DemoCar a = one.car(i);
            const DemoCar b = two.car(i);
            QCOMPARE(a.stockNumber, b.stockNumber);
            sameVin += a.vin == b.vin ? 1 : 0;
            sameModel += (a.make == b.make && a.model == b.model) ? 1 : 0;
        }
        QCOMPARE(sameVin, 0);
        QVERIFY2(sameModel < 40, qPrintable(QString::number(sameModel)));
    }

    void fleetIsValidAndUnique_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<QDate>("today");
        QTest::newRow("seed 1, spring") << quint64(1) << kToday;
        QTest::newRow("seed 2^63, autumn (next model year on sale)") << (quint64(1) << 63) << QDate(2024, 9, 30);
    }
    void fleetIsValidAndUnique()
    {
        QFETCH(quint64, seed);
        QFETCH(QDate, today);
        const DemoDataGenerator generator(seed, today);
        const qsizetype branchCount = generator.branches().size();
        constexpr qint64 count = 20'000;

        QSet<QString> vins;
        QSet<QString> stockNumbers;
        QHash<QString, int> statuses;
        QHash<QString, int> conditions;
        QSet<QString> makes;
        QSet<int> branchesUsed;
        int lastTenYears = 0;
        int nextModelYear = 0;
        double newPriceSum = 0;
        int newCount = 0;
        double oldPriceSum = 0;
        int oldCount = 0;
        double oldMileageSum = 0;
        for (qint64 i = 0; i < count; ++i) {
            const DemoCar car = generator.car(i);
            const QStringList found = problems(car, today, branchCount);
            if (!found.isEmpty())
                QFAIL(qPrintable(describe(car) + QStringLiteral(": ") + found.join(QStringLiteral("; "))));
            vins.insert(car.vin);
            stockNumbers.insert(car.stockNumber);
            ++statuses[car.status];
            ++conditions[car.condition];
            makes.insert(car.make);
            branchesUsed.insert(car.branchIndex);
            lastTenYears += car.modelYear >= today.year() - 10 ? 1 : 0;
            nextModelYear += car.modelYear == today.year() + 1 ? 1 : 0;
            if (car.condition == QLatin1String("new")) {
                newPriceSum += cents(car.listPrice);
                ++newCount;
            } else if (car.modelYear <= today.year() - 8) {
                oldPriceSum += cents(car.listPrice);
                oldMileageSum += car.mileageKm;
                ++oldCount;
            }
        }
        QCOMPARE(vins.size(), count);
        QCOMPARE(stockNumbers.size(), count);

        // Realism, loosely: a broad range of makes, mostly recent cars, mostly available, new cars
        // dearer than eight-year-old ones, which have driven far.
        QVERIFY2(makes.size() >= 25, qPrintable(QString::number(makes.size())));
        QCOMPARE(branchesUsed.size(), branchCount);
        QCOMPARE(statuses.size(), kStatuses.size());
        QCOMPARE(conditions.size(), kConditions.size());
        QVERIFY(statuses.value(QStringLiteral("available")) > count / 2);
        QVERIFY(statuses.value(QStringLiteral("retired")) < count / 20);
        QVERIFY(lastTenYears > count * 85 / 100);
        QVERIFY(conditions.value(QStringLiteral("new")) > count / 20);
        QVERIFY(conditions.value(QStringLiteral("used")) > count / 2);
        if (today.month() >= 7)
            QVERIFY(nextModelYear > 0);
        else
            QCOMPARE(nextModelYear, 0);
        QVERIFY(newCount > 0 && oldCount > 0);
        QVERIFY(oldPriceSum / oldCount < 0.6 * newPriceSum / newCount);
        QVERIFY(oldMileageSum / oldCount > 80'000);
    }

    void vinsStayUniqueBeyondAMillion()
    {
        // Positions 11-17 (plant and serial) encode the index; sample 10 million indexes sparsely,
        // plus the neighbours of every million, where a naive encoding would wrap.
        const DemoDataGenerator generator(7, kToday);
        QSet<QString> serials;
        qint64 sampled = 0;
        const auto add = [&](qint64 index) {
            const QString vin = generator.car(index).vin;
            serials.insert(vin.mid(10));
            ++sampled;
        };
        for (qint64 index = 0; index < 10'000'000; index += 97)
            add(index);
        for (qint64 million = 1; million <= 10; ++million) {
            add(million * 1'000'000 - 1);
            add(million * 1'000'000 + 1);
        }
        QCOMPARE(serials.size(), sampled);
    }

    void worksWithTheCurrentDate()
    {
        const DemoDataGenerator generator(3);
        QCOMPARE(generator.today(), QDate::currentDate());
        for (qint64 i = 0; i < 500; ++i) {
            const DemoCar car = generator.car(i);
            const QStringList found = problems(car, QDate::currentDate(), 4);
            QVERIFY2(found.isEmpty(),
                     qPrintable(describe(car) + QStringLiteral(": ") + found.join(QStringLiteral("; "))));
        }
    }
};

QTEST_GUILESS_MAIN(TestDemoDataGenerator)
#include "tst_demodatagenerator.moc"

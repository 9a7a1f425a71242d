#include "TestSupport.h"
#include "domain/Money.h"
#include "ui/fleet/CarDetailPanel.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

namespace {

// A car whose price was set `daysAgo` days ago (oldest first) to each of `cents`.
CarDetails carWithPrices(const QList<int> &daysAgo, const QList<qint64> &cents)
{
    CarDetails car;
    car.row.id = 7;
    car.row.stockNumber = QStringLiteral("A1007");
    car.row.make = QStringLiteral("Volkswagen");
    car.row.model = QStringLiteral("Golf");
    car.row.modelYear = 2021;
    car.row.status = QStringLiteral("available");
    car.row.listPriceCents = cents.constLast();
    car.row.updatedAt = QDateTime::currentDateTime();
    for (qsizetype i = 0; i < cents.size(); ++i) {
        CarPricePoint point;
        point.oldPriceCents = i > 0 ? std::optional(cents.at(i - 1)) : std::nullopt;
        point.newPriceCents = cents.at(i);
        point.changedAt = QDateTime::currentDateTime().addDays(-daysAgo.at(i)).addSecs(-3600);
        car.priceHistory << point;
    }
    return car;
}

QCategoryAxis *axis(QChart *chart, Qt::Orientation orientation)
{
    const QList<QAbstractAxis *> axes = chart->axes(orientation);
    return axes.size() == 1 ? qobject_cast<QCategoryAxis *>(axes.constFirst()) : nullptr;
}

// 1, 2, 2.5 or 5 times a power of ten, in whole units.
bool isRound(qint64 cents)
{
    if (cents <= 0 || cents % 100 != 0)
        return false;
    qint64 units = cents / 100;
    while (units % 10 == 0)
        units /= 10;
    return units == 1 || units == 2 || units == 5 || units == 25;
}

} // namespace

class TestCarDetailPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { useTestSettings(QStringLiteral("tst_cardetailpanel")); }
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    // The price history is a step line held until now, with round amounts in the locale's currency format
    // on one axis and distinct dates on the other.
    void priceHistoryChart_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QList<int>>("daysAgo");
        QTest::addColumn<QList<qint64>>("cents");
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        const QLocale de(QLocale::German, QLocale::Germany);
        for (const QLocale &locale : {en, de}) {
            const auto row = [&](const char *name) -> QTestData & {
                return QTest::addRow("%s %s", qPrintable(locale.name()), name);
            };
            row("three drops") << locale << QList<int>{100, 40, 5} << QList<qint64>{2'199'000, 2'049'000, 1'999'000};
            row("one price") << locale << QList<int>{3} << QList<qint64>{6'739'000};
            row("cents apart") << locale << QList<int>{20, 10} << QList<qint64>{1'999'000, 1'999'050};
            row("all today") << locale << QList<int>{0, 0} << QList<qint64>{1'500'000, 1'450'000};
            row("years") << locale << QList<int>{1500, 700, 30, 2}
                         << QList<qint64>{9'900'000, 12'500'000, 8'990'000, 350'000};
            row("cheap") << locale << QList<int>{9, 8, 7, 6, 5}
                         << QList<qint64>{90'000, 85'000, 80'000, 85'000, 79'900};
        }
    }

    void priceHistoryChart()
    {
        QFETCH(QLocale, locale);
        QFETCH(QList<int>, daysAgo);
        QFETCH(QList<qint64>, cents);
        QLocale::setDefault(locale);
        CarDetailPanel panel;
        panel.setCurrency(QStringLiteral("EUR"));
        panel.resize(380, 900);
        panel.show();
        const CarDetails car = carWithPrices(daysAgo, cents);
        panel.showDetails(car);
        auto *view = panel.findChild<QChartView *>();
        QVERIFY(view);
        QChart *chart = view->chart();
        QCOMPARE(chart->series().size(), 1);
        auto *series = qobject_cast<QLineSeries *>(chart->series().constFirst());
        QVERIFY(series);

        // A step line: each change starts at the old price, the last price goes on to now.
        const QList<QPointF> points = series->points();
        QCOMPARE(points.size(), 2 * cents.size());
        for (qsizetype i = 0; i < cents.size(); ++i) {
            const double at = double(car.priceHistory.at(i).changedAt.toMSecsSinceEpoch());
            const QPointF set = points.at(2 * i);
            QCOMPARE(set.x(), at);
            QCOMPARE(qRound64(set.y() * 100), cents.at(i));
            if (i > 0) {
                QCOMPARE(points.at(2 * i - 1).x(), at);
                QCOMPARE(qRound64(points.at(2 * i - 1).y() * 100), cents.at(i - 1));
            }
        }
        QCOMPARE(qRound64(points.constLast().y() * 100), cents.constLast());
        QVERIFY(points.constLast().x() >= double(QDateTime::currentMSecsSinceEpoch() - 60'000));

        // Money: round amounts, written as every amount is, covering every price.
        QCategoryAxis *money = axis(chart, Qt::Vertical);
        QVERIFY(money);
        const QStringList moneyLabels = money->categoriesLabels();
        QVERIFY2(moneyLabels.size() >= 2 && moneyLabels.size() <= 4, qPrintable(moneyLabels.join(QLatin1Char('|'))));
        QList<qint64> ticks;
        for (const QString &label : moneyLabels) {
            const qint64 tick = qRound64(money->endValue(label) * 100);
            QCOMPARE(label, Money::format(tick, QStringLiteral("EUR"), locale));
            ticks << tick;
        }
        const qint64 step = ticks.at(1) - ticks.at(0);
        QVERIFY2(isRound(step), qPrintable(moneyLabels.join(QLatin1Char('|'))));
        for (qsizetype i = 0; i < ticks.size(); ++i)
            QCOMPARE(ticks.at(i) % step, 0);
        for (qsizetype i = 1; i < ticks.size(); ++i)
            QCOMPARE(ticks.at(i) - ticks.at(i - 1), step);
        QVERIFY(ticks.constFirst() <= *std::min_element(cents.begin(), cents.end()));
        QVERIFY(ticks.constLast() >= *std::max_element(cents.begin(), cents.end()));
        QCOMPARE(money->min() * 100, double(ticks.constFirst()));
        QCOMPARE(money->max() * 100, double(ticks.constLast()));

        // Dates: each tick a local midnight inside the axis, labelled with its own date, no label twice.
        QCategoryAxis *time = axis(chart, Qt::Horizontal);
        QVERIFY(time);
        const QStringList dateLabels = time->categoriesLabels();
        QVERIFY(!dateLabels.isEmpty() && dateLabels.size() <= 3);
        QCOMPARE(QSet<QString>(dateLabels.begin(), dateLabels.end()).size(), dateLabels.size());
        for (const QString &label : dateLabels) {
            const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(time->endValue(label)));
            QCOMPARE(at.time(), QTime(0, 0));
            QCOMPARE(label, locale.toString(at.date(), QLocale::ShortFormat));
            QVERIFY(time->endValue(label) >= time->min() && time->endValue(label) <= time->max());
        }
        QVERIFY(time->min() <= points.constFirst().x());
        QVERIFY(time->max() >= points.constLast().x());
        saveScreenshot(&panel,
                       QStringLiteral("price-history-") +
                           QString::fromUtf8(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
    }

    // The panel writes amounts as every window does: the subtitle, the similar cars.
    void amountsAreWrittenOneWay()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        CarDetailPanel panel;
        panel.setCurrency(QStringLiteral("EUR"));
        const CarDetails car = carWithPrices({10}, {6'739'000});
        panel.showDetails(car);
        SimilarCar similar;
        similar.row = car.row;
        similar.row.id = 8;
        similar.row.listPriceCents = 11'100;
        similar.reason = QStringLiteral("same model");
        panel.showSimilar({similar});
        const QString price = Money::format(6'739'000, QStringLiteral("EUR"));
        QCOMPARE(price, QStringLiteral("67.390\u00a0€"));
        bool inSubtitle = false;
        for (const QLabel *label : panel.findChildren<QLabel *>())
            inSubtitle = inSubtitle || label->text().contains(price);
        QVERIFY(inSubtitle);
        auto *list = panel.findChild<QListWidget *>();
        QVERIFY(list->item(0)->text().contains(Money::format(11'100, QStringLiteral("EUR"))));
    }

    // The Sale part: Sell… for a car in stock, a sold car's sale (price, buyer, salesperson, gross) with Void
    // sale…, and nothing to do for a retired car.
    void saleOfTheCar()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        CarDetailPanel panel;
        panel.setCurrency(QStringLiteral("EUR"));
        auto *line = panel.findChild<QLabel *>(QStringLiteral("carSale"));
        auto *sell = panel.findChild<QPushButton *>(QStringLiteral("sellCar"));
        auto *voidSale = panel.findChild<QPushButton *>(QStringLiteral("voidCarSale"));
        QVERIFY(line && sell && voidSale);
        CarDetails car = carWithPrices({10}, {1'990'000});
        car.row.status = QStringLiteral("available");
        panel.showDetails(car);
        QCOMPARE(line->text(), QStringLiteral("Not sold."));
        QVERIFY(!sell->isHidden() && voidSale->isHidden());

        car.row.status = QStringLiteral("sold");
        panel.showDetails(car);
        QVERIFY(sell->isHidden() && voidSale->isHidden());
        Sale sale;
        sale.id = 77;
        sale.carId = car.row.id;
        sale.soldOn = QDate(2026, 11, 20);
        sale.priceCents = 1'850'000;
        sale.costCents = 1'500'000;
        sale.buyerName = QStringLiteral("Jonas Weber");
        sale.salesperson = QStringLiteral("maria");
        panel.showSale(sale);
        const QString euros = QStringLiteral("EUR");
        QCOMPARE(line->text(), QStringLiteral("Sold on %1 for %2 by maria. Buyer: Jonas Weber. Gross %3.")
                                   .arg(QLocale().toString(QDate(2026, 11, 20), QLocale::ShortFormat),
                                        Money::format(1'850'000, euros), Money::format(350'000, euros)));
        QVERIFY(!voidSale->isHidden());
        QSignalSpy voidAsked(&panel, &CarDetailPanel::voidSaleRequested);
        voidSale->click();
        QCOMPARE(voidAsked.size(), 1);
        QCOMPARE(voidAsked.first().first().toLongLong(), 77);

        car.row.status = QStringLiteral("retired");
        panel.showDetails(car);
        QCOMPARE(line->text(), QStringLiteral("Retired: not for sale."));
        QVERIFY(sell->isHidden() && voidSale->isHidden());
    }
};

QTEST_MAIN(TestCarDetailPanel)
#include "tst_cardetailpanel.moc"

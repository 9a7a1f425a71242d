#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/Database.h"
#include "db/DatabaseThread.h"
#include "services/FleetService.h"
#include "services/SalesService.h"
#include "ui/fleet/SellCarDialog.h"

#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

// Fleet › Sell…: the dialog's defaults, a sale with a buyer found by a search, and a refusal shown as a
// sentence.
class TestSellCarDialog : public QObject
{
    Q_OBJECT

    // Reads on the database thread: the GUI thread runs no SQL, in tests too.
    QString query(const std::string &sql) { return scalarOn(*m_thread, sql); }

    // An available car of the demo fleet that has no sale yet.
    CarRow availableCar()
    {
        const qint64 id = query("SELECT id FROM cars WHERE status = 'available' AND NOT EXISTS "
                                "(SELECT FROM car_sales s WHERE s.car_id = cars.id) ORDER BY id LIMIT 1")
                              .toLongLong();
        const auto rows = runJob(*m_thread, [id](Database &db) { return FleetService::rows(db, {id}); });
        return rows && rows->size() == 1 ? rows->first() : CarRow();
    }

private slots:
    void initTestCase()
    {
        useTestSettings(QStringLiteral("tst_sellcardialog"));
        const QString error = openDemoDatabase(m_db, m_thread, QStringLiteral("sellcar"), 60);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString inserted = runJob(*m_thread, [](Database &db) -> Result<QString> {
                                     return execute(db, "INSERT INTO customers (full_name, email) VALUES "
                                                        "('Quentin Buyer', 'quentin@example.com')");
                                 }).value_or(QStringLiteral("not run"));
        QVERIFY2(inserted.isEmpty(), qPrintable(inserted));
    }

    void cleanupTestCase()
    {
        m_thread.reset();
        m_db.reset();
    }

    void sellsWithTheBuyerFound()
    {
        const CarRow car = availableCar();
        QVERIFY(car.id > 0);
        SellCarDialog dialog(m_thread.get(), car, QStringLiteral("EUR"), QStringLiteral("maria"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        // Today, the list price and the connected user by default; no date after today can be chosen.
        QCOMPARE(dialog.dateEdit()->date(), QDate::currentDate());
        QCOMPARE(dialog.dateEdit()->maximumDate(), QDate::currentDate());
        QCOMPARE(dialog.request().priceCents, car.listPriceCents);
        QCOMPARE(dialog.request().salesperson, QStringLiteral("maria"));
        QCOMPARE(dialog.request().buyerId, std::nullopt);

        QSignalSpy listed(&dialog, &SellCarDialog::customersListed);
        QTest::keyClicks(dialog.buyerSearch(), QStringLiteral("quentin"));
        QTRY_VERIFY(dialog.buyerList()->count() == 2 &&
                    dialog.buyerList()->item(1)->text().startsWith(QStringLiteral("Quentin Buyer")));
        dialog.buyerList()->setCurrentRow(1);
        dialog.priceBox()->setValue(12345.67);
        dialog.dateEdit()->setDate(QDate::currentDate().addDays(-3));
        QTest::keyClicks(dialog.noteEdit(), QStringLiteral("part exchange"));
        saveScreenshot(&dialog, QStringLiteral("sellcar"));

        QSignalSpy sold(&dialog, &SellCarDialog::sold);
        dialog.sellButton()->click();
        QVERIFY(sold.wait(10'000));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const Sale sale = sold.first().first().value<Sale>();
        QCOMPARE(sale.carId, car.id);
        const std::string carId = std::to_string(car.id);
        QCOMPARE(
            query("SELECT c.status || ' ' || s.price || ' ' || cu.full_name || ' ' || s.salesperson || ' ' || "
                  "s.note || ' ' || (s.sold_on = current_date - 3) FROM car_sales s JOIN cars c ON c.id = s.car_id "
                  "JOIN customers cu ON cu.id = s.buyer_id WHERE s.car_id = " +
                  carId),
            QStringLiteral("sold 12345.67 Quentin Buyer maria part exchange true"));

        // Selling it again is refused with the service's sentence, and the dialog stays open.
        const auto rows = runJob(*m_thread, [id = car.id](Database &db) { return FleetService::rows(db, {id}); });
        QVERIFY(rows && rows->size() == 1);
        SellCarDialog again(m_thread.get(), rows->first(), QStringLiteral("EUR"), QString());
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        again.sellButton()->click();
        QTRY_VERIFY(!again.messageText().isEmpty());
        QVERIFY2(again.messageText().contains(QStringLiteral("void that sale first")), qPrintable(again.messageText()));
        QVERIFY(again.isVisible());
        QCOMPARE(query("SELECT count(*) FROM car_sales WHERE car_id = " + carId), QStringLiteral("1"));
    }

    void noBuyerAndTheConnectedUser()
    {
        const CarRow car = availableCar();
        QVERIFY(car.id > 0);
        SellCarDialog dialog(m_thread.get(), car, QStringLiteral("EUR"), QString());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_VERIFY(dialog.buyerList()->count() >= 1);
        QCOMPARE(dialog.buyerList()->currentRow(), 0); // "No buyer recorded"
        QSignalSpy sold(&dialog, &SellCarDialog::sold);
        dialog.sellButton()->click();
        QVERIFY(sold.wait(10'000));
        QCOMPARE(
            query("SELECT (buyer_id IS NULL) || ' ' || (salesperson = current_user) FROM car_sales WHERE car_id = " +
                  std::to_string(car.id)),
            QStringLiteral("true true"));
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DatabaseThread> m_thread;
};

QTEST_MAIN(TestSellCarDialog)
#include "tst_sellcardialog.moc"

#include "TestSupport.h"
#include "models/CarTableModel.h"
#include "ui/fleet/CarCompareDialog.h"

#include <QAbstractTextDocumentLayout>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

namespace {

// The first page of the printout on an A4 landscape page (96 dpi, 12 mm margins).
void printoutScreenshot(const QString &html, const QString &name)
{
    if (screenshotDir().isEmpty())
        return;
    const QSize page(1123, 794);
    const int margin = 45;
    QTextDocument document;
    QFont font = document.defaultFont();
    font.setPointSizeF(9);
    document.setDefaultFont(font);
    document.setHtml(html);
    document.setPageSize(QSizeF(page.width() - 2 * margin, page.height() - 2 * margin));
    QImage image(page, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.translate(margin, margin);
    document.drawContents(&painter, QRectF(QPointF(0, 0), document.pageSize()));
    painter.end();
    image.save(QDir(screenshotDir()).filePath(name + QStringLiteral(".png")));
}

CarDetails car(const QString &stock, const QString &vin, qint64 mileageKm, qint64 priceCents,
               const QStringList &features)
{
    CarDetails details;
    CarRow &row = details.row;
    row.id = stock.mid(1).toLongLong();
    row.stockNumber = stock;
    row.vin = vin;
    row.make = QStringLiteral("Volkswagen");
    row.model = QStringLiteral("Golf");
    row.trim = QStringLiteral("Life");
    row.modelYear = 2021;
    row.bodyType = QStringLiteral("hatchback");
    row.fuelType = QStringLiteral("petrol");
    row.transmission = QStringLiteral("manual");
    row.drive = QStringLiteral("fwd");
    row.colour = QStringLiteral("Blue");
    row.seats = 5;
    row.doors = 5;
    row.powerKw = 85;
    row.mileageKm = mileageKm;
    row.condition = QStringLiteral("used");
    row.status = QStringLiteral("available");
    row.location = QStringLiteral("BER1");
    row.listPriceCents = priceCents;
    row.acquiredOn = QDate(2024, 3, 1);
    row.listedOn = QDate(2024, 3, 4);
    row.updatedAt = QDateTime(QDate(2024, 3, 4), QTime(9, 30));
    row.updatedBy = QStringLiteral("anna");
    row.version = 1;
    details.features = features;
    return details;
}

QList<CarDetails> threeGolfs()
{
    return {car(QStringLiteral("A1001"), QStringLiteral("WVWZZZ1KZAW000001"), 23'000, 1'890'000,
                {QStringLiteral("Heated seats"), QStringLiteral("Tow bar")}),
            car(QStringLiteral("A1002"), QStringLiteral("WVWZZZ1KZAW000002"), 41'500, 1'890'000,
                {QStringLiteral("tow bar"), QStringLiteral("Heated seats")}),
            car(QStringLiteral("A1003"), QStringLiteral("WVWZZZ1KZAW000003"), 8'900, 2'149'050,
                {QStringLiteral("Heated seats"), QStringLiteral("Tow bar")})};
}

} // namespace

class TestCarCompareDialog : public QObject
{
    Q_OBJECT

private slots:
    void highlightsExactlyTheDifferingRows()
    {
        CarCompareDialog dialog(threeGolfs());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.isValid());
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("comparisonTable"));
        QVERIFY(table);
        QCOMPARE(table->columnCount(), 3);
        QCOMPARE(table->rowCount(), int(CarColumn::Count) + 1); // every table column, then the features
        QVERIFY(table->horizontalHeaderItem(0)->text().contains(QStringLiteral("A1001")));
        QVERIFY(table->horizontalHeaderItem(0)->text().contains(QStringLiteral("Volkswagen Golf")));

        // The features are the same in another order and letter case.
        const QStringList differing = {
            CarTableModel::columnLabel(CarColumn::StockNumber), CarTableModel::columnLabel(CarColumn::Vin),
            CarTableModel::columnLabel(CarColumn::MileageKm), CarTableModel::columnLabel(CarColumn::ListPrice)};
        QStringList highlighted;
        for (int row = 0; row < table->rowCount(); ++row) {
            const QString label = table->verticalHeaderItem(row)->text();
            const bool differs = differing.contains(label);
            for (int column = 0; column < table->columnCount(); ++column) {
                const QTableWidgetItem *item = table->item(row, column);
                QCOMPARE(item->font().bold(), differs);
                QCOMPARE(item->background().style() != Qt::NoBrush, differs);
                QCOMPARE(item->data(Qt::AccessibleDescriptionRole).toString() == QStringLiteral("differs"), differs);
            }
            if (table->item(row, 0)->font().bold())
                highlighted << label;
        }
        QCOMPARE(highlighted, differing);
        const int price = int(CarColumn::ListPrice);
        QCOMPARE(table->item(price, 2)->text(), QLocale().toCurrencyString(21490.50, QStringLiteral("€"), 2));
        QCOMPARE(table->item(int(CarColumn::Cost), 0)->text(), QStringLiteral("—"));
        saveScreenshot(&dialog, QStringLiteral("carcompare"));
    }

    void onlyDifferencesHidesEqualRows()
    {
        CarCompareDialog dialog(threeGolfs());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("comparisonTable"));
        auto *only = dialog.findChild<QCheckBox *>(QStringLiteral("onlyDifferences"));
        QVERIFY(only);
        only->click();
        QVERIFY(dialog.showsOnlyDifferences());
        QStringList visible;
        for (int row = 0; row < table->rowCount(); ++row) {
            QCOMPARE(table->isRowHidden(row), !table->item(row, 0)->font().bold());
            if (!table->isRowHidden(row))
                visible << table->verticalHeaderItem(row)->text();
        }
        QCOMPARE(visible.size(), 4);
        const QString html = dialog.html();
        QVERIFY(html.contains(CarTableModel::columnLabel(CarColumn::MileageKm)));
        QVERIFY(!html.contains(CarTableModel::columnLabel(CarColumn::Colour)));
        saveScreenshot(&dialog, QStringLiteral("carcompare-differences"));

        only->click();
        for (int row = 0; row < table->rowCount(); ++row)
            QVERIFY(!table->isRowHidden(row));
        QVERIFY(dialog.html().contains(CarTableModel::columnLabel(CarColumn::Colour)));
    }

    void savesAPdf()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CarCompareDialog dialog(threeGolfs());
        const QString path = dir.filePath(QStringLiteral("comparison.pdf"));
        QVERIFY(CarCompareDialog::writePdf(dialog.html(), path));
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.size() > 1000);
        QCOMPARE(pdf.read(4), QByteArray("%PDF"));
        QVERIFY(
            !CarCompareDialog::writePdf(dialog.html(), dir.filePath(QStringLiteral("missing-folder/comparison.pdf"))));
        printoutScreenshot(dialog.html(), QStringLiteral("carcompare-printout"));
    }

    void refusesTooFewOrTooManyCars()
    {
        QTest::ignoreMessage(QtWarningMsg, "CarCompareDialog: 1 cars given, 2 to 4 expected");
        CarCompareDialog one({threeGolfs().constFirst()});
        QVERIFY(!one.isValid());
        auto *message = one.findChild<QLabel *>(QStringLiteral("invalidCount"));
        QVERIFY(message);
        QVERIFY2(message->text().contains(QStringLiteral("2 to 4")), qPrintable(message->text()));

        QTest::ignoreMessage(QtWarningMsg, "CarCompareDialog: 5 cars given, 2 to 4 expected");
        QList<CarDetails> five = threeGolfs() + threeGolfs().mid(0, 2);
        CarCompareDialog tooMany(five);
        QVERIFY(!tooMany.isValid());
        for (QPushButton *button : tooMany.findChildren<QPushButton *>()) {
            if (button->text().contains(QStringLiteral("PDF")) || button->text().contains(QStringLiteral("Print")))
                QVERIFY(!button->isEnabled());
        }
    }
};

QTEST_MAIN(TestCarCompareDialog)
#include "tst_carcomparedialog.moc"

#include "domain/RentalPapers.h"
#include "papers/RentalPaperDocument.h"

#include <QDir>
#include <QFile>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

namespace {

// The papers are read back with poppler's pdftotext and pdfinfo: what a person would see, not what we wrote.
QString toolPath(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

// The tool's standard output, or nothing (and a warning) when it fails.
QString runTool(const QString &name, const QStringList &arguments)
{
    QProcess process;
    process.start(toolPath(name), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning().noquote() << name << arguments << "failed:" << process.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The text of the PDF (of pages `first` to `last`, 0: all) as laid out, in compatibility form: the ligatures
// the fonts draw ("ﬁ") as their letters, no-break spaces as spaces.
QString pdfText(const QString &path, int first = 0, int last = 0)
{
    QStringList arguments{QStringLiteral("-layout")};
    if (first > 0)
        arguments << QStringLiteral("-f") << QString::number(first);
    if (last > 0)
        arguments << QStringLiteral("-l") << QString::number(last);
    arguments << path << QStringLiteral("-");
    return runTool(QStringLiteral("pdftotext"), arguments).normalized(QString::NormalizationForm_KC);
}

int pdfPages(const QString &path)
{
    static const QRegularExpression pages(QStringLiteral("^Pages:\\s+(\\d+)"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = pages.match(runTool(QStringLiteral("pdfinfo"), {path}));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

// Signature lines: runs of underscores (a match starts at the first of its run).
int signatureLines(const QString &text)
{
    static const QRegularExpression run(QStringLiteral("(?<!_)_{20,}"));
    return int(text.count(run));
}

// The line of `text` that holds `needle` (empty when none).
QString lineWith(const QString &text, const QString &needle)
{
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.contains(needle))
            return line;
    }
    return {};
}

// Utc times, so that a paper that forgot the branch's zone shows the wrong hour.
QDateTime utc(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc());
}

QuoteFormat format(const QString &locale)
{
    return {QStringLiteral("EUR"), QLocale(locale)};
}

PaperBranch branch()
{
    return {QStringLiteral("BER"), QStringLiteral("Forecourt Rentals Berlin Mitte"),
            QStringLiteral("Friedrichstraße 123\n10117 Berlin"), QStringLiteral("+49 30 1234567"),
            QTimeZone("Europe/Berlin")};
}

PaperCustomer customer()
{
    return {QStringLiteral("Anna Schmidt"),    QStringLiteral("Lindenallee 5\n14050 Berlin"),
            QStringLiteral("+49 151 2345678"), QStringLiteral("anna.schmidt@example.org"),
            QStringLiteral("B072RRE2I55"),     QDate(2031, 5, 31)};
}

PaperCar car()
{
    return {QStringLiteral("B-1042"), QStringLiteral("2021 Volkswagen Golf 1.5 TSI"),
            QStringLiteral("WVWZZZCDZMW012345"), QStringLiteral("Compact")};
}

QuoteLine line(const QString &text, int quantity, qint64 unitCents, const QLatin1String kind = QuoteLine::kRental)
{
    return {text, quantity, unitCents, quantity * unitCents, kind};
}

BookingPayment payment(qint64 id, const QString &kind, qint64 cents, const QString &method, const QDateTime &at,
                       const QString &note = {})
{
    return {id, kind, cents, method, note, QStringLiteral("Jonas Weber"), at};
}

// Every paper here is about booking 4711 of Anna Schmidt at the Berlin branch.
template <typename Paper> Paper aboutTheBooking(const QString &locale)
{
    Paper paper;
    paper.bookingId = 4711;
    paper.branch = branch();
    paper.customer = customer();
    paper.car = car();
    paper.format = format(locale);
    return paper;
}

AgreementPaper agreement(const QString &locale = QStringLiteral("en_GB"))
{
    auto paper = aboutTheBooking<AgreementPaper>(locale);
    paper.pickupAt = utc(2026, 7, 1, 8);  // 10:00 in Berlin (summer time)
    paper.returnAt = utc(2026, 7, 8, 16); // 18:00 in Berlin
    paper.mileageOutKm = 12345;
    paper.fuelOutEighths = 6;
    paper.kmPerDay = 200;
    paper.extraKmCents = 25;
    paper.quoteLines = {line(QStringLiteral("Rental, Summer 2026 — 1 week × €289"), 1, 28900),
                        line(QStringLiteral("Child seat — 7 days × €6"), 7, 600, QuoteLine::kExtra),
                        line(QStringLiteral("Desk price: loyal customer"), 1, -2500, QuoteLine::kOverride)};
    paper.quotedTotalCents = 28900 + 4200 - 2500;
    paper.depositCents = 30000;
    paper.termsText = QStringLiteral(
        "1. Use of the car. The car may be driven by the renter and by additional drivers named on this\n"
        "agreement only. It must not leave the European Union without the branch's written consent.\n"
        "\n"
        "2. Fuel. The car is handed over with the fuel shown above and must be returned with as much; each missing "
        "eighth is charged at the branch's refuelling price.\n"
        "  \n"
        "3. Damage. The renter reports any accident or damage at once. A <script>alert(1)</script> is text here.");
    paper.staffName = QStringLiteral("Jonas Weber");
    return paper;
}

// A settled rental: 66,325 cents gross with 19 % VAT included, paid 400 at booking, the deposit of 300 taken at
// pick-up, 263.25 of it captured for the rest, 36.75 released.
InvoicePaper invoice(const QString &locale = QStringLiteral("en_GB"))
{
    auto paper = aboutTheBooking<InvoicePaper>(locale);
    paper.number = QStringLiteral("BER-2026-000042");
    paper.issuedOn = QDate(2026, 7, 8);
    paper.pickupAt = utc(2026, 7, 1, 8);
    paper.returnAt = utc(2026, 7, 10, 7, 30);
    paper.mileageOutKm = 12345;
    paper.mileageInKm = 14690;
    paper.fuelOutEighths = 6;
    paper.fuelInEighths = 4;
    paper.lines = {line(QStringLiteral("Rental, Summer 2026 — 1 week × €289"), 1, 28900),
                   line(QStringLiteral("Late return, Summer 2026 — 2 days × €49"), 2, 4900, QuoteLine::kLate),
                   line(QStringLiteral("Child seat — 9 days × €6"), 9, 600, QuoteLine::kExtra),
                   line(QStringLiteral("Extra kilometres — 145 km × €0.25"), 145, 25, QuoteLine::kKm),
                   line(QStringLiteral("Fuel — 2 eighths missing × €18"), 2, 1800, QuoteLine::kFuel),
                   line(QStringLiteral("Damage: scratch on the rear bumper, left"), 1, 15000, QuoteLine::kDamage)};
    paper.grossCents = 66325;
    paper.taxCents = 10590;
    paper.netCents = 55735;
    paper.vatBasisPoints = 1900;
    paper.pricesIncludeVat = true;
    paper.payments = {
        payment(1, QStringLiteral("payment"), 40000, QStringLiteral("card"), utc(2026, 6, 20, 12, 15)),
        payment(2, QStringLiteral("deposit"), 30000, QStringLiteral("card"), utc(2026, 7, 1, 8, 5)),
        payment(3, QStringLiteral("payment"), 26325, QStringLiteral("deposit"), utc(2026, 7, 10, 7, 40),
                QStringLiteral("Captured from the deposit")),
        payment(4, QStringLiteral("deposit_return"), 3675, QStringLiteral("card"), utc(2026, 7, 10, 7, 40)),
    };
    paper.depositHeldCents = 30000;
    paper.depositCapturedCents = 26325;
    paper.depositReleasedCents = 3675;
    paper.balanceCents = 0;
    return paper;
}

ReceiptPaper receipt(const QString &locale = QStringLiteral("en_GB"))
{
    auto paper = aboutTheBooking<ReceiptPaper>(locale);
    paper.payment = payment(17, QStringLiteral("payment"), 40000, QStringLiteral("cash"), utc(2026, 6, 20, 12, 15),
                            QStringLiteral("Paid at the counter"));
    paper.balanceAfterCents = 33100 - 40000;
    return paper;
}

} // namespace

class TestRentalPapers : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    template <typename Paper> QString write(const Paper &paper, const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QString error = QStringLiteral("stale");
        if (!RentalPaperDocument::writePdf(paper, path, &error) || !error.isEmpty()) {
            qWarning().noquote() << "writePdf failed:" << error;
            return {};
        }
        return path;
    }

private slots:
    void initTestCase()
    {
        // Not a skip: without poppler these tests would prove nothing, and a skipped suite looks green.
        for (const QString &tool : {QStringLiteral("pdftotext"), QStringLiteral("pdfinfo")}) {
            QVERIFY2(!toolPath(tool).isEmpty(),
                     qPrintable(QStringLiteral("%1 is not installed, and the papers are checked with it: install "
                                               "poppler-utils (packaging/install-deps.sh, or apt-get install "
                                               "poppler-utils) and run the test again.")
                                    .arg(tool)));
        }
        QVERIFY(m_dir.isValid());
        // FORECOURT_PAPERS_KEEP=1: the PDFs the tests wrote stay, to be looked at.
        if (qEnvironmentVariableIsSet("FORECOURT_PAPERS_KEEP")) {
            m_dir.setAutoRemove(false);
            qInfo().noquote() << "The papers stay in" << m_dir.path();
        }
    }

    void agreementSaysWhatWasAgreed()
    {
        const QString path = write(agreement(), QStringLiteral("agreement.pdf"));
        QVERIFY(!path.isEmpty());
        const QString text = pdfText(path);
        QVERIFY(!text.isEmpty());
        for (const QString &expected :
             {// The branch as letterhead, the customer with the licence, the car.
              QStringLiteral("Forecourt Rentals Berlin Mitte"), QStringLiteral("Friedrichstraße 123"),
              QStringLiteral("10117 Berlin"), QStringLiteral("+49 30 1234567"), QStringLiteral("Anna Schmidt"),
              QStringLiteral("Lindenallee 5"), QStringLiteral("B072RRE2I55"), QStringLiteral("Valid until 31/05/2031"),
              QStringLiteral("B-1042"), QStringLiteral("2021 Volkswagen Golf 1.5 TSI"),
              QStringLiteral("WVWZZZCDZMW012345"), QStringLiteral("Compact"), QStringLiteral("4711"),
              // The period in Berlin's time, the readings out and the allowance.
              QStringLiteral("01/07/2026 10:00"), QStringLiteral("08/07/2026 18:00"), QStringLiteral("12,345 km"),
              QStringLiteral("6/8"), QStringLiteral("200 km per day"),
              // The quote, its total and the deposit.
              QStringLiteral("Rental, Summer 2026 — 1 week × €289"), QStringLiteral("€289.00"),
              QStringLiteral("€42.00"), QStringLiteral("(€25.00)"), QStringLiteral("€306.00"),
              QStringLiteral("€300.00"),
              // The terms as written, and the signatures.
              QStringLiteral("A <script>alert(1)</script> is text here."), QStringLiteral("Jonas Weber"),
              QStringLiteral("Date: 01/07/2026")}) {
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" missing in:\n") + text));
        }
        QVERIFY(lineWith(text, QStringLiteral("Total")).contains(QStringLiteral("€306.00")));
        QVERIFY(lineWith(text, QStringLiteral("Each further km")).contains(QStringLiteral("€0.25")));
        QVERIFY(lineWith(text, QStringLiteral("Deposit")).contains(QStringLiteral("€300.00")));
        // Each paragraph of the terms starts its own line; a line break inside one stays.
        QVERIFY(lineWith(text, QStringLiteral("2. Fuel.")).trimmed().startsWith(QStringLiteral("2. Fuel.")));
        QVERIFY(lineWith(text, QStringLiteral("3. Damage.")).trimmed().startsWith(QStringLiteral("3. Damage.")));
        QVERIFY(lineWith(text, QStringLiteral("agreement only.")).trimmed().startsWith(QStringLiteral("agreement")));
        // Two signature lines: the customer's and the staff's.
        QCOMPARE(signatureLines(text), 2);
        QVERIFY(!text.contains(QStringLiteral("COPY")));
        QCOMPARE(pdfPages(path), 1);
    }

    void agreementWithoutReadingsSaysSo()
    {
        AgreementPaper paper = agreement();
        paper.mileageOutKm.reset();
        paper.fuelOutEighths.reset();
        paper.kmPerDay.reset();
        paper.customer.licenceExpiry = QDate(2026, 7, 5); // runs out during the rental
        const QString text = pdfText(write(paper, QStringLiteral("agreement-bare.pdf")));
        QVERIFY(lineWith(text, QStringLiteral("Mileage out")).contains(QStringLiteral("not recorded")));
        QVERIFY(lineWith(text, QStringLiteral("Fuel out")).contains(QStringLiteral("not recorded")));
        QVERIFY(lineWith(text, QStringLiteral("Km allowance")).contains(QStringLiteral("Unlimited")));
        QVERIFY(text.contains(QStringLiteral("Valid until 05/07/2026 (expired)")));
        QVERIFY(!text.contains(QStringLiteral("Each further km")));
    }

    void invoiceInGerman()
    {
        InvoicePaper paper = invoice(QStringLiteral("de_DE"));
        paper.lines = {line(QStringLiteral("Miete, Sommer 2026 — 1 Woche"), 1, 100000),
                       line(QStringLiteral("Kindersitz — 7 Tage"), 7, 600, QuoteLine::kExtra),
                       line(QStringLiteral("Mehrkilometer"), 8, 2407, QuoteLine::kKm)};
        paper.grossCents = 100000 + 4200 + 19256; // 1.234,56 €, 19 % of it included
        paper.taxCents = 19711;
        paper.netCents = 123456 - 19711;
        paper.payments = {
            payment(1, QStringLiteral("payment"), 100000, QStringLiteral("transfer"), utc(2026, 6, 20, 12, 15))};
        paper.depositHeldCents = paper.depositCapturedCents = paper.depositReleasedCents = 0;
        paper.balanceCents = 23456;
        const QString path = write(paper, QStringLiteral("invoice-de.pdf"));
        const QString text = pdfText(path);
        for (const QString &expected : {QStringLiteral("BER-2026-000042"),
                                        QStringLiteral("08.07.2026"),
                                        QStringLiteral("VAT 19 %"),
                                        QStringLiteral("1.234,56 €"),
                                        QStringLiteral("197,11 €"),
                                        QStringLiteral("1.037,45 €"),
                                        QStringLiteral("1.000,00 €"),
                                        QStringLiteral("6,00 €"),
                                        QStringLiteral("42,00 €"),
                                        QStringLiteral("Prices include VAT."),
                                        QStringLiteral("Bank transfer"),
                                        QStringLiteral("20.06.2026 14:15"),
                                        QStringLiteral("01.07.2026 10:00"),
                                        QStringLiteral("10.07.2026 09:30"),
                                        QStringLiteral("12.345 km"),
                                        QStringLiteral("14.690 km"),
                                        QStringLiteral("2.345 km"),
                                        QStringLiteral("6/8 → 4/8"),
                                        QStringLiteral("Balance due 234,56 €"),
                                        QStringLiteral("No deposit was taken.")}) {
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" missing in:\n") + text));
        }
        QVERIFY(lineWith(text, QStringLiteral("Total")).contains(QStringLiteral("1.234,56 €")));
        QVERIFY(lineWith(text, QStringLiteral("VAT 19 %")).contains(QStringLiteral("197,11 €")));
        QVERIFY(lineWith(text, QStringLiteral("Net")).contains(QStringLiteral("1.037,45 €")));
        QVERIFY(!text.contains(QStringLiteral("COPY")));
    }

    void invoiceTotalsAndBalance_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<bool>("included");
        QTest::addColumn<int>("basisPoints");
        QTest::addColumn<qint64>("balance");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("absent");
        QTest::newRow("included, paid") << QStringLiteral("en_GB") << true << 1900 << qint64(0)
                                        << QStringList{QStringLiteral("VAT 19 % included"),
                                                       QStringLiteral("Prices include VAT."),
                                                       QStringLiteral("Paid in full")}
                                        << QStringList{QStringLiteral("Balance due"), QStringLiteral("To refund")};
        QTest::newRow("excluded, owed") << QStringLiteral("en_GB") << false << 750 << qint64(1234)
                                        << QStringList{QStringLiteral("VAT 7.5 %"),
                                                       QStringLiteral("Prices exclude VAT."),
                                                       QStringLiteral("Balance due €12.34")}
                                        << QStringList{QStringLiteral("Paid in full"), QStringLiteral("included")};
        QTest::newRow("German, to refund")
            << QStringLiteral("de_DE") << false << 750 << qint64(-5075)
            << QStringList{QStringLiteral("VAT 7,5 %"), QStringLiteral("To refund 50,75 €")}
            << QStringList{QStringLiteral("Paid in full"), QStringLiteral("Balance due")};
    }
    void invoiceTotalsAndBalance()
    {
        QFETCH(QString, locale);
        QFETCH(bool, included);
        QFETCH(int, basisPoints);
        QFETCH(qint64, balance);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, absent);
        InvoicePaper paper = invoice(locale);
        paper.pricesIncludeVat = included;
        paper.vatBasisPoints = basisPoints;
        paper.balanceCents = balance;
        const QString text = pdfText(write(paper, QStringLiteral("invoice-totals.pdf")));
        QVERIFY(!text.isEmpty());
        for (const QString &value : expected)
            QVERIFY2(text.contains(value), qPrintable(value + QStringLiteral(" missing in:\n") + text));
        for (const QString &value : absent)
            QVERIFY2(!text.contains(value), qPrintable(value + QStringLiteral(" found in:\n") + text));
    }

    void invoicePaymentsAndDeposit()
    {
        const QString text = pdfText(write(invoice(), QStringLiteral("invoice.pdf")));
        const QString deposit = lineWith(text, QStringLiteral("Deposit taken"));
        QVERIFY2(deposit.contains(QStringLiteral("01/07/2026 10:05")) && deposit.contains(QStringLiteral("Card")) &&
                     deposit.contains(QStringLiteral("€300.00")),
                 qPrintable(deposit));
        const QString returned = lineWith(text, QStringLiteral("Deposit returned"));
        QVERIFY2(returned.contains(QStringLiteral("€36.75")), qPrintable(returned));
        QVERIFY(lineWith(text, QStringLiteral("Captured from the deposit")).size() > 0);
        // Held, captured, released: the row under those headings.
        const QStringList lines = text.split(QLatin1Char('\n'));
        const qsizetype heading = lines.indexOf(lineWith(text, QStringLiteral("Captured for the bill")));
        QVERIFY(heading > 0 && heading + 1 < lines.size());
        QVERIFY(lineWith(text, QStringLiteral("Captured for the bill")).contains(QStringLiteral("Released")));
        static const QRegularExpression row(QStringLiteral("€300\\.00\\s+€263\\.25\\s+€36\\.75"));
        QVERIFY2(lines.at(heading + 1).contains(row), qPrintable(lines.at(heading + 1)));
        const QString km = lineWith(text, QStringLiteral("Extra kilometres"));
        QVERIFY2(km.contains(QStringLiteral("145")) && km.contains(QStringLiteral("€0.25")) &&
                     km.contains(QStringLiteral("€36.25")),
                 qPrintable(km));
        QVERIFY(lineWith(text, QStringLiteral("Total")).contains(QStringLiteral("€663.25")));
        QVERIFY(text.contains(QStringLiteral("Paid in full")));
        QVERIFY(!text.contains(QStringLiteral("COPY")));
    }

    void reissuedInvoiceSaysCopy()
    {
        InvoicePaper paper = invoice();
        paper.copy = true;
        const QString path = write(paper, QStringLiteral("invoice-copy.pdf"));
        const QString text = pdfText(path);
        // Big at the top and in the footer; the number and the amounts are the original's.
        QVERIFY2(text.count(QStringLiteral("COPY")) >= 2, qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("BER-2026-000042")));
        QVERIFY(lineWith(text, QStringLiteral("Total")).contains(QStringLiteral("€663.25")));
        const QString original = pdfText(write(invoice(), QStringLiteral("invoice-original.pdf")));
        QVERIFY(!original.contains(QStringLiteral("COPY")));
        QVERIFY(!original.contains(QStringLiteral("copy"), Qt::CaseInsensitive));
    }

    void hostileValuesPrintAsWritten()
    {
        const QString name = QStringLiteral("<b>&amp;</b>");
        InvoicePaper paper = invoice();
        paper.customer.name = name;
        paper.customer.address = QStringLiteral("</td></tr></table><h1>Street</h1>");
        paper.branch.name = QStringLiteral("Cars & <i>Co</i>");
        paper.car.description = QStringLiteral("<img src=\"x\">Golf");
        paper.lines.first().text = QStringLiteral("<tr><td>Rental</td>");
        paper.payments.first().note = QStringLiteral("<!-- note");
        const QString text = pdfText(write(paper, QStringLiteral("invoice-hostile.pdf")));
        for (const QString &expected : {name, QStringLiteral("</td></tr></table><h1>Street</h1>"),
                                        QStringLiteral("Cars & <i>Co</i>"), QStringLiteral("<img src=\"x\">Golf"),
                                        QStringLiteral("<tr><td>Rental</td>"), QStringLiteral("<!-- note")}) {
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" missing in:\n") + text));
        }
        // The layout held: the lines, the totals and the balance after them are all there, in their places.
        QVERIFY(lineWith(text, QStringLiteral("<tr><td>Rental</td>")).contains(QStringLiteral("€289.00")));
        QVERIFY(lineWith(text, QStringLiteral("Total")).contains(QStringLiteral("€663.25")));
        QVERIFY(text.contains(QStringLiteral("Deposit returned")));
        QVERIFY(text.contains(QStringLiteral("Paid in full")));

        AgreementPaper agreementPaper = agreement();
        agreementPaper.customer.name = name;
        agreementPaper.staffName = QStringLiteral("<u>staff</u>");
        const QString agreementText = pdfText(write(agreementPaper, QStringLiteral("agreement-hostile.pdf")));
        QVERIFY(agreementText.contains(name));
        QVERIFY(agreementText.contains(QStringLiteral("<u>staff</u>")));

        ReceiptPaper receiptPaper = receipt();
        receiptPaper.customer.name = name;
        receiptPaper.payment.takenBy = QStringLiteral("<script>x</script>");
        const QString receiptText = pdfText(write(receiptPaper, QStringLiteral("receipt-hostile.pdf")));
        QVERIFY(receiptText.contains(name));
        QVERIFY(receiptText.contains(QStringLiteral("<script>x</script>")));
    }

    void longInvoiceRunsOntoMorePages()
    {
        InvoicePaper paper = invoice();
        paper.lines.clear();
        qint64 total = 0;
        for (int i = 1; i <= 60; ++i) {
            paper.lines.append(
                line(QStringLiteral("Damage item %1: a scratch to polish").arg(i), 1, 1000 + i, QuoteLine::kDamage));
            total += 1000 + i;
        }
        paper.grossCents = total;
        const QString path = write(paper, QStringLiteral("invoice-long.pdf"));
        const int pages = pdfPages(path);
        QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
        const QString all = pdfText(path);
        for (int i = 1; i <= 60; ++i)
            QVERIFY2(all.contains(QStringLiteral("Damage item %1:").arg(i)), qPrintable(QString::number(i)));
        QVERIFY(lineWith(all, QStringLiteral("Total")).contains(QStringLiteral("€618.30")));
        QVERIFY(all.contains(QStringLiteral("Page 1 of %1").arg(pages)));
        // The later page goes on with the lines, under the table's header again.
        const QString later = pdfText(path, 2, 2);
        QVERIFY(later.contains(QStringLiteral("Damage item 60:")));
        QVERIFY(later.contains(QStringLiteral("Unit price")));
        QVERIFY(later.contains(QStringLiteral("Page 2 of %1").arg(pages)));
        QVERIFY(!pdfText(path, 1, 1).contains(QStringLiteral("Damage item 60:")));
    }

    // Long terms run onto more pages, and the signatures (their heading, sentence, lines and dates) stay
    // together after the last clause, however many clauses there are.
    void longTermsRunOntoMorePages()
    {
        // A clause takes two lines, a closing remark one: together they move the end of the terms down the
        // page in steps smaller than the signatures.
        for (int step = 0; step < 30; ++step) {
            const int clauses = 36 + step / 2;
            AgreementPaper paper = agreement();
            QStringList paragraphs;
            for (int i = 1; i <= clauses; ++i) {
                paragraphs << QStringLiteral("%1. Clause number %1: the renter keeps the car clean, locked and "
                                             "within the agreed area, and returns it on time to the branch.")
                                  .arg(i);
            }
            if (step % 2 == 1)
                paragraphs << QStringLiteral("Signed in two copies.");
            paper.termsText = paragraphs.join(QStringLiteral("\n\n"));
            const QString path = write(paper, QStringLiteral("agreement-long-%1.pdf").arg(step));
            const int pages = pdfPages(path);
            QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
            int signaturePage = 0;
            for (int page = 1; page <= pages; ++page) {
                const QString text = pdfText(path, page, page);
                if (!text.contains(QStringLiteral("Signatures")))
                    continue;
                QVERIFY2(signaturePage == 0, qPrintable(QString::number(clauses)));
                signaturePage = page;
                QVERIFY2(signatureLines(text) == 2 && text.count(QStringLiteral("Date: 01/07/2026")) == 2,
                         qPrintable(QStringLiteral("%1 clauses, page %2:\n%3").arg(clauses).arg(page).arg(text)));
            }
            QVERIFY2(signaturePage > 0, qPrintable(QString::number(clauses)));
            const QString all = pdfText(path);
            QVERIFY(all.indexOf(QStringLiteral("%1. Clause number %1:").arg(clauses)) <
                    all.indexOf(QStringLiteral("Signatures")));
        }
    }

    void receiptForAPayment()
    {
        const QString path = write(receipt(), QStringLiteral("receipt.pdf"));
        const QString text = pdfText(path);
        for (const QString &expected :
             {QStringLiteral("Receipt"), QStringLiteral("Forecourt Rentals Berlin Mitte"), QStringLiteral("No. 17"),
              QStringLiteral("Payment: €400.00"), QStringLiteral("Cash"), QStringLiteral("20/06/2026 14:15"),
              QStringLiteral("Jonas Weber"), QStringLiteral("4711"), QStringLiteral("Paid at the counter"),
              QStringLiteral("Anna Schmidt"), QStringLiteral("B-1042"), QStringLiteral("To refund €69.00")}) {
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" missing in:\n") + text));
        }
        QCOMPARE(pdfPages(path), 1);

        ReceiptPaper refund = receipt(QStringLiteral("de_DE"));
        refund.payment = payment(18, QStringLiteral("refund"), 6900, QStringLiteral("card"), utc(2026, 7, 10, 7, 45));
        refund.balanceAfterCents = 0;
        const QString refundText = pdfText(write(refund, QStringLiteral("receipt-refund.pdf")));
        for (const QString &expected : {QStringLiteral("Refund: 69,00 €"), QStringLiteral("Card"),
                                        QStringLiteral("10.07.2026 09:45"), QStringLiteral("Paid in full")}) {
            QVERIFY2(refundText.contains(expected),
                     qPrintable(expected + QStringLiteral(" missing in:\n") + refundText));
        }
        // The C locale's short time has seconds; a paper's times do not.
        const QString plain = pdfText(write(receipt(QStringLiteral("C")), QStringLiteral("receipt-c.pdf")));
        QVERIFY2(plain.contains(QStringLiteral("14:15")) && !plain.contains(QStringLiteral("14:15:00")),
                 qPrintable(plain));
    }

    // The window prints a filled document on a QPrinter; a QPdfWriter stands in for it here.
    void printsAFilledDocumentOnAPagedDevice()
    {
        QTextDocument document;
        RentalPaperDocument::fill(document, receipt());
        const QString html = document.toHtml();
        const QString path = m_dir.filePath(QStringLiteral("printed.pdf"));
        {
            QPdfWriter writer(path);
            RentalPaperDocument::print(document, writer);
        }
        QVERIFY(pdfText(path).contains(QStringLiteral("Payment: €400.00")));
        QCOMPARE(document.toHtml(), html); // the caller's document is left as it was
    }

    void writePdfToAnUnwritablePlace()
    {
        const QString path = m_dir.filePath(QStringLiteral("no/such/folder/invoice.pdf"));
        QString error;
        QVERIFY(!RentalPaperDocument::writePdf(invoice(), path, &error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }

    // FORECOURT_PAPERS_PDF_DIR=<folder>: writes each paper there with realistic data, to look at.
    void writeForLooking()
    {
        const QString look = qEnvironmentVariable("FORECOURT_PAPERS_PDF_DIR");
        if (look.isEmpty())
            return;
        QVERIFY(QDir().mkpath(look));
        QVERIFY(RentalPaperDocument::writePdf(agreement(), look + QStringLiteral("/agreement.pdf")));
        QVERIFY(RentalPaperDocument::writePdf(invoice(), look + QStringLiteral("/invoice.pdf")));
        InvoicePaper copy = invoice();
        copy.copy = true;
        QVERIFY(RentalPaperDocument::writePdf(copy, look + QStringLiteral("/invoice-copy.pdf")));
        QVERIFY(RentalPaperDocument::writePdf(receipt(), look + QStringLiteral("/receipt.pdf")));
        QVERIFY(
            RentalPaperDocument::writePdf(invoice(QStringLiteral("de_DE")), look + QStringLiteral("/invoice-de.pdf")));
    }
};

QTEST_MAIN(TestRentalPapers)
#include "tst_rentalpapers.moc"

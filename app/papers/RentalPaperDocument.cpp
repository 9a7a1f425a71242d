#include "RentalPaperDocument.h"

#include "PagedDocument.h"
#include "domain/Money.h"

#include <QDir>
#include <QLocale>
#include <QRegularExpression>
#include <QStringBuilder>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextOption>

#include <cstdlib>
#include <memory>
#include <utility>

namespace {

const QString kInk = QStringLiteral("#1f3b63");
const QString kMuted = QStringLiteral("#5f6368");
const QString kBad = QStringLiteral("#b3261e");
const QString kGood = QStringLiteral("#1e7b34");
const QString kRule = QStringLiteral("#c4cad3");
const QString kShade = QStringLiteral("#e6ebf2");

// Room a section heading keeps below it on its page (layout pixels): a heading never ends a page.
constexpr double kKeepAfterHeading = 110;

// Every value goes through here: a name such as "<b>&amp;</b>" prints as written. Line breaks are kept.
QString text(const QString &value)
{
    QString html = value.toHtmlEscaped();
    html.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    return html.replace(QLatin1Char('\n'), QLatin1String("<br>"));
}

QString bold(const QString &html)
{
    return QLatin1String("<b>") % html % QLatin1String("</b>");
}

QString inColour(const QString &colour, const QString &html)
{
    return QStringLiteral("<span style=\"color:%1;\">").arg(colour) % html % QLatin1String("</span>");
}

QString para(const QString &html, const QString &style = {})
{
    return QStringLiteral("<p style=\"margin-top:0px; margin-bottom:3px; %1\">").arg(style) % html %
           QLatin1String("</p>");
}

// The anchor that marks the heading of the last section (the signatures): it goes to the next page with
// everything after it unless all of that fits on this one.
const QString kKeepToEnd = QStringLiteral("forecourt-keep-to-end");

// A section heading; it never ends a page (see RentalPaperDocument::print).
QString sectionHeading(const QString &title, bool keepToEnd = false)
{
    const QString html = keepToEnd
                             ? QStringLiteral("<a name=\"%1\">").arg(kKeepToEnd) % text(title) % QLatin1String("</a>")
                             : text(title);
    return QStringLiteral("<h2 style=\"color:%1; font-size:11pt; margin-top:14px; margin-bottom:4px;\">").arg(kInk) %
           html % QLatin1String("</h2>");
}

// A ruled table: a shaded header row (repeated on every page the table runs onto), then the rows. A column
// of amounts is right-aligned.
struct Column
{
    QString title;
    int percent = 0;
    bool right = false;
};

QString cell(const QString &html, bool right, const QString &attributes = {})
{
    return QStringLiteral("<td valign=\"top\"%1%2>")
               .arg(right ? QStringLiteral(" align=\"right\"") : QString(), attributes) %
           html % QLatin1String("</td>");
}

QString ruledTable(const QList<Column> &columns, const QList<QStringList> &rows, const QStringList &footerRows = {})
{
    QString html = QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
                                  "style=\"border-collapse:collapse; border-color:%1; border-style:solid;\">"
                                  "<thead><tr>")
                       .arg(kRule);
    for (const Column &column : columns) {
        html += QStringLiteral("<th width=\"%1%\" bgcolor=\"%2\" align=\"%3\">")
                    .arg(column.percent)
                    .arg(kShade, column.right ? QStringLiteral("right") : QStringLiteral("left")) %
                text(column.title) % QLatin1String("</th>");
    }
    html += QLatin1String("</tr></thead>");
    for (const QStringList &row : rows) {
        html += QLatin1String("<tr>");
        for (qsizetype i = 0; i < row.size(); ++i)
            html += cell(row.at(i), i < columns.size() && columns.at(i).right);
        html += QLatin1String("</tr>");
    }
    for (const QString &row : footerRows)
        html += row;
    return html % QLatin1String("</table>");
}

// Label and value pairs, two pairs to a row, no rules: the details of a rental.
QString detailTable(const QList<std::pair<QString, QString>> &pairs)
{
    QString html =
        QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" style=\"margin-bottom:10px;\">");
    for (qsizetype i = 0; i < pairs.size(); i += 2) {
        html += QLatin1String("<tr>");
        for (qsizetype j = i; j < i + 2; ++j) {
            const bool present = j < pairs.size();
            html += QStringLiteral("<td width=\"17%\" valign=\"top\">") %
                    (present ? inColour(kMuted, text(pairs.at(j).first)) : QString()) %
                    QStringLiteral("</td><td width=\"33%\" valign=\"top\">") %
                    (present ? pairs.at(j).second : QString()) % QLatin1String("</td>");
        }
        html += QLatin1String("</tr>");
    }
    return html % QLatin1String("</table>");
}

// The paper's locale writes its numbers, dates and money.
class Writer
{
public:
    Writer(const QuoteFormat &format, const QTimeZone &zone)
        : m_format(format)
        , m_zone(zone)
    {}

    const QLocale &locale() const { return m_format.locale; }

    QString money(qint64 cents) const
    {
        return Money::format(cents, m_format.currency, m_format.locale, Money::Cents::Always);
    }

    QString date(QDate day) const { return PagedDocument::shortDate(locale(), day); }

    // The branch's wall-clock time.
    QString dateTime(const QDateTime &moment) const
    {
        if (!moment.isValid())
            return {};
        const QDateTime local = m_zone.isValid() ? moment.toTimeZone(m_zone) : moment.toLocalTime();
        return date(local.date()) % QLatin1Char(' ') % PagedDocument::shortTime(locale(), local.time());
    }

    QDate day(const QDateTime &moment) const
    {
        if (!moment.isValid())
            return {};
        return (m_zone.isValid() ? moment.toTimeZone(m_zone) : moment.toLocalTime()).date();
    }

    QString km(qint64 value) const { return RentalPaperDocument::tr("%1 km").arg(locale().toString(value)); }

    QString fuel(std::optional<int> eighths) const
    {
        return eighths ? RentalPaperDocument::tr("%1/8").arg(locale().toString(*eighths)) : QString();
    }

    // 1900 basis points: "19"; 750: "7,5" in German.
    QString percent(int basisPoints) const
    {
        QString number = locale().toString(basisPoints / 100);
        if (const int fraction = std::abs(basisPoints % 100); fraction != 0) {
            QString digits = QString::number(fraction).rightJustified(2, QLatin1Char('0'));
            while (digits.endsWith(QLatin1Char('0')))
                digits.chop(1);
            number += locale().decimalPoint() % digits;
        }
        return number;
    }

private:
    QuoteFormat m_format;
    QTimeZone m_zone;
};

QString notRecorded()
{
    return inColour(kMuted, text(RentalPaperDocument::tr("not recorded")));
}

QString orNotRecorded(const QString &value)
{
    return value.isEmpty() ? notRecorded() : text(value);
}

QString paymentKindText(const QString &kind)
{
    if (kind == QLatin1String("payment"))
        return RentalPaperDocument::tr("Payment");
    if (kind == QLatin1String("refund"))
        return RentalPaperDocument::tr("Refund");
    if (kind == QLatin1String("deposit"))
        return RentalPaperDocument::tr("Deposit taken");
    if (kind == QLatin1String("deposit_return"))
        return RentalPaperDocument::tr("Deposit returned");
    if (kind == QLatin1String("deposit_capture"))
        return RentalPaperDocument::tr("Deposit captured");
    return kind;
}

QString paymentMethodText(const QString &method)
{
    if (method == QLatin1String("card"))
        return RentalPaperDocument::tr("Card");
    if (method == QLatin1String("cash"))
        return RentalPaperDocument::tr("Cash");
    if (method == QLatin1String("transfer"))
        return RentalPaperDocument::tr("Bank transfer");
    if (method == QLatin1String("deposit"))
        return RentalPaperDocument::tr("From the deposit");
    return method;
}

// "Balance due €12.00", "To refund €5.00" or "Paid in full", coloured.
QString balanceHtml(const Writer &writer, qint64 cents)
{
    if (cents > 0)
        return inColour(kBad, bold(text(RentalPaperDocument::tr("Balance due %1").arg(writer.money(cents)))));
    if (cents < 0)
        return inColour(kInk, bold(text(RentalPaperDocument::tr("To refund %1").arg(writer.money(-cents)))));
    return inColour(kGood, bold(text(RentalPaperDocument::tr("Paid in full"))));
}

// The branch as letterhead on the left; the paper's name and its numbers on the right.
QString letterhead(const PaperBranch &branch, const QString &title, const QStringList &facts)
{
    QString left = para(text(branch.name), QStringLiteral("font-size:15pt; font-weight:bold; color:%1;").arg(kInk));
    if (!branch.address.isEmpty())
        left += para(text(branch.address));
    if (!branch.phone.isEmpty())
        left += para(text(RentalPaperDocument::tr("Phone %1").arg(branch.phone)));
    QString right = QStringLiteral("<p align=\"right\" style=\"font-size:20pt; font-weight:bold; margin-top:0px; "
                                   "margin-bottom:2px;\">") %
                    text(title) % QLatin1String("</p>");
    for (const QString &fact : facts)
        right += QStringLiteral("<p align=\"right\" style=\"margin-top:0px; margin-bottom:1px;\">") % fact %
                 QLatin1String("</p>");
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"margin-bottom:6px;\"><tr>"
                          "<td width=\"55%\" valign=\"top\">") %
           left % QStringLiteral("</td><td width=\"45%\" valign=\"top\">") % right %
           QStringLiteral("</td></tr></table><hr>");
}

// The customer's lines: name, address, phone and email, and on the agreement the driving licence.
QString customerHtml(const Writer &writer, const PaperCustomer &customer, bool licence, QDate onDay = {})
{
    QString html = para(bold(text(customer.name)));
    if (!customer.address.isEmpty())
        html += para(text(customer.address));
    QStringList contact;
    for (const QString &value : {customer.phone, customer.email}) {
        if (!value.isEmpty())
            contact << text(value);
    }
    if (!contact.isEmpty())
        html += para(contact.join(QStringLiteral(" · ")));
    if (licence) {
        html += para(inColour(kMuted, text(RentalPaperDocument::tr("Driving licence"))) % QLatin1Char(' ') %
                     orNotRecorded(customer.licenceNumber));
        if (customer.licenceExpiry.isValid()) {
            const QString expiry = writer.date(customer.licenceExpiry);
            if (onDay.isValid() && customer.licenceExpiry < onDay)
                html +=
                    para(inColour(kBad, bold(text(RentalPaperDocument::tr("Valid until %1 (expired)").arg(expiry)))));
            else
                html += para(inColour(kMuted, text(RentalPaperDocument::tr("Valid until"))) % QLatin1Char(' ') %
                             text(expiry));
        }
    }
    return html;
}

QString carHtml(const PaperCar &car)
{
    QString html = para(bold(text(car.description)));
    const QList<std::pair<QString, QString>> facts = {{RentalPaperDocument::tr("Stock number"), car.stockNumber},
                                                      {RentalPaperDocument::tr("VIN"), car.vin},
                                                      {RentalPaperDocument::tr("Class"), car.vehicleClass}};
    for (const auto &[label, value] : facts) {
        if (!value.isEmpty())
            html += para(inColour(kMuted, text(label)) % QLatin1Char(' ') % text(value));
    }
    return html;
}

// Two boxes side by side: who rents, and what.
QString partiesTable(const QString &leftTitle, const QString &leftHtml, const QString &rightTitle,
                     const QString &rightHtml)
{
    return ruledTable({{leftTitle, 50, false}, {rightTitle, 50, false}}, QList<QStringList>{{leftHtml, rightHtml}});
}

// The lines of a quote or a bill, with the rows below them (totals).
QString linesTable(const Writer &writer, const QList<QuoteLine> &lines, const QStringList &footerRows)
{
    QList<QStringList> rows;
    for (const QuoteLine &line : lines) {
        rows.append({text(line.text), text(writer.locale().toString(line.quantity)), text(writer.money(line.unitCents)),
                     text(writer.money(line.amountCents))});
    }
    if (rows.isEmpty())
        rows.append({inColour(kMuted, text(RentalPaperDocument::tr("No lines."))), {}, {}, {}});
    return ruledTable({{RentalPaperDocument::tr("Description"), 58, false},
                       {RentalPaperDocument::tr("Quantity"), 10, true},
                       {RentalPaperDocument::tr("Unit price"), 16, true},
                       {RentalPaperDocument::tr("Amount"), 16, true}},
                      rows, footerRows);
}

// A row under the lines: its label across the first three columns, the amount in the last.
QString totalRow(const QString &label, const QString &amount, bool strong = false)
{
    const QString shade = strong ? QStringLiteral(" bgcolor=\"%1\"").arg(kShade) : QString();
    const QString labelHtml = strong ? bold(text(label)) : text(label);
    const QString amountHtml = strong ? bold(text(amount)) : text(amount);
    return QLatin1String("<tr>") % cell(labelHtml, true, QStringLiteral(" colspan=\"3\"") % shade) %
           cell(amountHtml, true, shade) % QLatin1String("</tr>");
}

// The terms as written: a blank line starts a paragraph, a line break stays one.
QString termsHtml(const QString &terms)
{
    QString html;
    static const QRegularExpression blankLine(QStringLiteral("\\n[ \\t]*\\n"));
    QString normalised = terms;
    normalised.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    for (const QString &paragraph : normalised.split(blankLine, Qt::SkipEmptyParts)) {
        const QString trimmed = paragraph.trimmed();
        if (!trimmed.isEmpty())
            html += para(text(trimmed), QStringLiteral("font-size:8pt; margin-bottom:5px;"));
    }
    return html;
}

QString htmlPage(const QString &title, const QString &body)
{
    return QStringLiteral("<html><head><meta charset=\"utf-8\"><title>") % text(title) %
           QStringLiteral("</title></head><body style=\"font-size:9pt;\">") % body % QStringLiteral("</body></html>");
}

void setContents(QTextDocument &document, const QString &title, const QString &body)
{
    // A long word (a VIN, a hostile name without spaces) breaks where it must instead of running off the page.
    QTextOption option = document.defaultTextOption();
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    document.setDefaultTextOption(option);
    document.setHtml(htmlPage(title, body));
    document.setMetaInformation(QTextDocument::DocumentTitle, title);
}

bool keepsToEnd(const QTextBlock &block)
{
    for (QTextBlock::iterator it = block.begin(); !it.atEnd(); ++it) {
        if (it.fragment().charFormat().anchorNames().contains(kKeepToEnd))
            return true;
    }
    return false;
}

} // namespace

void RentalPaperDocument::fill(QTextDocument &document, const AgreementPaper &paper)
{
    const Writer writer(paper.format, paper.branch.zone);
    const QString title = tr("Rental agreement – booking #%1").arg(paper.bookingId);

    QString html =
        letterhead(paper.branch, tr("Rental agreement"),
                   {text(tr("Booking #%1").arg(paper.bookingId)),
                    text(tr("%1 to %2").arg(writer.dateTime(paper.pickupAt), writer.dateTime(paper.returnAt)))});

    html += partiesTable(tr("Customer"), customerHtml(writer, paper.customer, true, writer.day(paper.returnAt)),
                         tr("Car"), carHtml(paper.car));

    html += sectionHeading(tr("Rental"));
    QList<std::pair<QString, QString>> details = {
        {tr("Pick-up"), text(writer.dateTime(paper.pickupAt))},
        {tr("Return"), text(writer.dateTime(paper.returnAt))},
        {tr("Mileage out"), paper.mileageOutKm ? text(writer.km(*paper.mileageOutKm)) : notRecorded()},
        {tr("Fuel out"), paper.fuelOutEighths ? text(writer.fuel(paper.fuelOutEighths)) : notRecorded()},
        {tr("Km allowance"), text(paper.kmPerDay ? tr("%1 per day").arg(writer.km(*paper.kmPerDay)) : tr("Unlimited"))},
    };
    if (paper.kmPerDay && paper.extraKmCents > 0)
        details.append({tr("Each further km"), text(writer.money(paper.extraKmCents))});
    details.append({tr("Deposit"), text(paper.depositCents > 0 ? writer.money(paper.depositCents) : tr("None"))});
    html += detailTable(details);

    html += sectionHeading(tr("Price"));
    html += linesTable(writer, paper.quoteLines, {totalRow(tr("Total"), writer.money(paper.quotedTotalCents), true)});

    if (!paper.termsText.trimmed().isEmpty()) {
        html += sectionHeading(tr("Terms and conditions"));
        html += termsHtml(paper.termsText);
    }

    html += sectionHeading(tr("Signatures"), true);
    html += para(text(tr("By signing, the customer accepts the terms above and confirms the car's readings at "
                         "pick-up.")));
    const QString signDate = text(tr("Date: %1").arg(writer.date(writer.day(paper.pickupAt))));
    const auto signature = [&](const QString &who, const QString &name) -> QString {
        return QStringLiteral("<p style=\"margin-top:48px; margin-bottom:0px;\">") % QString(34, QLatin1Char('_')) %
               QLatin1String("</p>") % para(bold(text(who))) % para(name.isEmpty() ? QString() : text(name)) %
               para(signDate);
    };
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr><td width=\"50%\">") %
            signature(tr("Customer"), paper.customer.name) % QStringLiteral("</td><td width=\"50%\">") %
            signature(tr("For %1").arg(paper.branch.name), paper.staffName) % QStringLiteral("</td></tr></table>");

    setContents(document, title, html);
}

void RentalPaperDocument::fill(QTextDocument &document, const InvoicePaper &paper)
{
    const Writer writer(paper.format, paper.branch.zone);
    const QString copyWord = tr("COPY");
    const QString title =
        paper.copy ? tr("Invoice %1 – %2").arg(paper.number, copyWord) : tr("Invoice %1").arg(paper.number);

    QString html = letterhead(paper.branch, tr("Invoice"),
                              {QString(QStringLiteral("<span style=\"font-size:14pt; font-weight:bold;\">") %
                                       text(tr("No. %1").arg(paper.number)) % QLatin1String("</span>")),
                               QString(QStringLiteral("<span style=\"font-size:12pt;\">") %
                                       text(tr("Date %1").arg(writer.date(paper.issuedOn))) % QLatin1String("</span>")),
                               text(tr("Booking #%1").arg(paper.bookingId))});
    if (paper.copy) {
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"6\" bgcolor=\"%1\" "
                               "style=\"margin-bottom:8px;\"><tr><td>")
                    .arg(kBad) %
                para(text(copyWord), QStringLiteral("color:white; font-size:18pt; font-weight:bold;")) %
                para(text(tr("A copy of invoice %1. The original keeps its number and its amounts.").arg(paper.number)),
                     QStringLiteral("color:white;")) %
                QStringLiteral("</td></tr></table>");
    }

    QString rental = carHtml(paper.car);
    const auto readings = [&](const QString &label, const QString &out, const QString &in) {
        rental += para(
            inColour(kMuted, text(label)) % QLatin1Char(' ') %
            text(tr("%1 → %2").arg(out.isEmpty() ? tr("not recorded") : out, in.isEmpty() ? tr("not recorded") : in)));
    };
    rental += para(inColour(kMuted, text(tr("Picked up"))) % QLatin1Char(' ') % text(writer.dateTime(paper.pickupAt)));
    rental += para(inColour(kMuted, text(tr("Returned"))) % QLatin1Char(' ') % text(writer.dateTime(paper.returnAt)));
    if (paper.mileageOutKm || paper.mileageInKm) {
        readings(tr("Mileage"), paper.mileageOutKm ? writer.km(*paper.mileageOutKm) : QString(),
                 paper.mileageInKm ? writer.km(*paper.mileageInKm) : QString());
        if (paper.mileageOutKm && paper.mileageInKm && *paper.mileageInKm >= *paper.mileageOutKm)
            rental += para(inColour(kMuted, text(tr("Driven"))) % QLatin1Char(' ') %
                           text(writer.km(qint64(*paper.mileageInKm) - *paper.mileageOutKm)));
    }
    if (paper.fuelOutEighths || paper.fuelInEighths)
        readings(tr("Fuel"), writer.fuel(paper.fuelOutEighths), writer.fuel(paper.fuelInEighths));
    html += partiesTable(tr("Bill to"), customerHtml(writer, paper.customer, false), tr("Rental"), rental);

    html += sectionHeading(tr("Charges"));
    const QString vat = tr("VAT %1 %").arg(writer.percent(paper.vatBasisPoints));
    QStringList totals;
    if (paper.pricesIncludeVat) {
        totals << totalRow(tr("Total"), writer.money(paper.grossCents), true)
               << totalRow(tr("Net"), writer.money(paper.netCents))
               << totalRow(tr("%1 included").arg(vat), writer.money(paper.taxCents));
    } else {
        totals << totalRow(tr("Net"), writer.money(paper.netCents)) << totalRow(vat, writer.money(paper.taxCents))
               << totalRow(tr("Total"), writer.money(paper.grossCents), true);
    }
    html += linesTable(writer, paper.lines, totals);
    html += para(inColour(kMuted, text(paper.pricesIncludeVat ? tr("Prices include VAT.") : tr("Prices exclude VAT."))),
                 QStringLiteral("margin-top:3px;"));

    html += sectionHeading(tr("Payments"));
    if (paper.payments.isEmpty()) {
        html += para(inColour(kMuted, text(tr("No payments recorded."))));
    } else {
        QList<QStringList> rows;
        for (const BookingPayment &payment : paper.payments) {
            QString what = text(paymentKindText(payment.kind));
            if (!payment.note.isEmpty())
                what += QLatin1String("<br>") % inColour(kMuted, text(payment.note));
            rows.append({text(writer.dateTime(payment.takenAt)), what, text(paymentMethodText(payment.method)),
                         text(writer.money(payment.cents))});
        }
        html += ruledTable(
            {{tr("Date"), 22, false}, {tr("What"), 40, false}, {tr("Method"), 20, false}, {tr("Amount"), 18, true}},
            rows);
    }

    html += sectionHeading(tr("Deposit"));
    if (paper.depositHeldCents == 0 && paper.depositCapturedCents == 0 && paper.depositReleasedCents == 0) {
        html += para(inColour(kMuted, text(tr("No deposit was taken."))));
    } else {
        html += ruledTable({{tr("Held"), 34, true},
                            {tr("Captured for the bill"), 33, true},
                            {tr("Released to the customer"), 33, true}},
                           QList<QStringList>{{text(writer.money(paper.depositHeldCents)),
                                               text(writer.money(paper.depositCapturedCents)),
                                               text(writer.money(paper.depositReleasedCents))}});
    }

    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"8\" bgcolor=\"%1\" "
                           "style=\"margin-top:14px;\"><tr><td align=\"right\">")
                .arg(kShade) %
            para(balanceHtml(writer, paper.balanceCents), QStringLiteral("font-size:14pt;")) %
            QStringLiteral("</td></tr></table>");

    setContents(document, title, html);
}

void RentalPaperDocument::fill(QTextDocument &document, const ReceiptPaper &paper)
{
    const Writer writer(paper.format, paper.branch.zone);
    const BookingPayment &payment = paper.payment;
    const QString title = tr("Receipt %1 – booking #%2").arg(payment.id).arg(paper.bookingId);

    QString html = letterhead(paper.branch, tr("Receipt"),
                              {text(tr("No. %1").arg(payment.id)), text(tr("Booking #%1").arg(paper.bookingId)),
                               text(writer.dateTime(payment.takenAt))});

    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"10\" bgcolor=\"%1\" "
                           "style=\"margin-top:6px; margin-bottom:6px;\"><tr><td>")
                .arg(kShade) %
            para(bold(text(tr("%1: %2").arg(paymentKindText(payment.kind), writer.money(payment.cents)))),
                 QStringLiteral("font-size:16pt;")) %
            QStringLiteral("</td></tr></table>");

    html += detailTable({{tr("What"), text(paymentKindText(payment.kind))},
                         {tr("Amount"), text(writer.money(payment.cents))},
                         {tr("Method"), orNotRecorded(paymentMethodText(payment.method))},
                         {tr("Date"), text(writer.dateTime(payment.takenAt))},
                         {tr("Taken by"), orNotRecorded(payment.takenBy)},
                         {tr("Booking"), text(tr("#%1").arg(paper.bookingId))}});
    if (!payment.note.isEmpty())
        html += para(inColour(kMuted, text(tr("Note"))) % QLatin1Char(' ') % text(payment.note),
                     QStringLiteral("margin-top:4px;"));

    html += QStringLiteral("<p style=\"margin-top:8px;\"></p>");
    html += partiesTable(tr("Customer"), customerHtml(writer, paper.customer, false), tr("Car"), carHtml(paper.car));

    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"8\" bgcolor=\"%1\" "
                           "style=\"margin-top:14px;\"><tr><td align=\"right\">")
                .arg(kShade) %
            para(inColour(kMuted, text(tr("The booking after this payment:"))) % QLatin1Char(' ') %
                     balanceHtml(writer, paper.balanceAfterCents),
                 QStringLiteral("font-size:12pt;")) %
            QStringLiteral("</td></tr></table>");

    setContents(document, title, html);
}

void RentalPaperDocument::print(QTextDocument &document, QPagedPaintDevice &device)
{
    // A copy is laid out for the pages: the caller's document (a preview's) stays as it is.
    const std::unique_ptr<QTextDocument> paper(document.clone());
    const QString title = document.metaInformation(QTextDocument::DocumentTitle);
    PagedDocument::print(
        *paper, device,
        [&](int page, int pages) {
            return PagedDocument::Footer{title, tr("Page %1 of %2").arg(page + 1).arg(pages)};
        },
        [](const QTextBlock &block) {
            if (keepsToEnd(block))
                return PagedDocument::keepToEnd;
            return block.blockFormat().headingLevel() >= 2 ? kKeepAfterHeading : 0.0;
        });
}

template <typename Paper> bool RentalPaperDocument::writePdf(const Paper &paper, const QString &path, QString *error)
{
    QTextDocument document;
    fill(document, paper);
    const QString title = document.metaInformation(QTextDocument::DocumentTitle);
    QString why;
    const bool written = PagedDocument::writePdf(
        path, title, [&](QPagedPaintDevice &device) { print(document, device); }, &why);
    if (error)
        *error =
            written ? QString() : tr("%1 could not be saved as %2: %3").arg(title, QDir::toNativeSeparators(path), why);
    return written;
}

template bool RentalPaperDocument::writePdf(const AgreementPaper &, const QString &, QString *);
template bool RentalPaperDocument::writePdf(const InvoicePaper &, const QString &, QString *);
template bool RentalPaperDocument::writePdf(const ReceiptPaper &, const QString &, QString *);

#include "VinReportDocument.h"

#include "papers/PagedDocument.h"

#include <QDir>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QStringBuilder>
#include <QTextBlock>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace {

const QString kBad = QStringLiteral("#b3261e");
const QString kWarn = QStringLiteral("#a15c00");
const QString kGood = QStringLiteral("#1e7b34");
const QString kMuted = QStringLiteral("#5f6368");
const QString kHeaderBackground = QStringLiteral("#e6ebf2");
const QString kBadBackground = QStringLiteral("#fbe4e2");
const QUrl kChartUrl(QStringLiteral("forecourt-report:odometer-chart.png"));

// The chart's size in the page (layout pixels at 96 dpi: A4 less 15 mm margins is 680 wide) and the
// factor it is drawn larger by, so that it stays sharp in print.
constexpr int kChartWidth = 660;
constexpr int kChartHeight = 250;
constexpr int kChartOversampling = 3;

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString coloured(const QString &colour, const QString &html, bool bold = false)
{
    const QString span = QStringLiteral("<span style=\"color:%1;\">%2</span>").arg(colour, html);
    return bold ? QStringLiteral("<b>") % span % QStringLiteral("</b>") : span;
}

// Short dates with a four-digit year ("M/d/yy" becomes "M/d/yyyy").
QString dateText(const QLocale &locale, QDate date)
{
    return PagedDocument::shortDate(locale, date);
}

QString dateTimeText(const QLocale &locale, const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    const QDateTime local = dateTime.toLocalTime();
    return dateText(locale, local.date()) % QLatin1Char(' ') % locale.toString(local.time(), QLocale::ShortFormat);
}

// A table with a header row; `rowBackgrounds` colours whole rows (empty: none).
QString table(const QStringList &headers, const QList<QStringList> &rows, const QStringList &rowBackgrounds = {},
              const QList<int> &widths = {})
{
    QString html = QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
                                  "style=\"border-collapse: collapse; border-color: #c4cad3; border-style: solid; "
                                  "margin-bottom: 6px;\">"
                                  "<thead><tr>");
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QString width = i < widths.size() ? QStringLiteral(" width=\"%1%\"").arg(widths.at(i)) : QString();
        html += QStringLiteral("<th align=\"left\" bgcolor=\"%1\"%2>").arg(kHeaderBackground, width) % headers.at(i) %
                QStringLiteral("</th>");
    }
    html += QStringLiteral("</tr></thead>");
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QString background = r < rowBackgrounds.size() && !rowBackgrounds.at(r).isEmpty()
                                       ? QStringLiteral(" bgcolor=\"%1\"").arg(rowBackgrounds.at(r))
                                       : QString();
        html += QStringLiteral("<tr%1>").arg(background);
        for (const QString &cell : rows.at(r))
            html += QStringLiteral("<td valign=\"top\">") % cell % QStringLiteral("</td>");
        html += QStringLiteral("</tr>");
    }
    return html % QStringLiteral("</table>");
}

QString heading(const QString &text)
{
    return QStringLiteral("<h2 style=\"color:#1f3b63; font-size:12pt; margin-top:12px; margin-bottom:0px;\">") %
           escaped(text) % QStringLiteral("</h2>");
}

QString subheading(const QString &text)
{
    return QStringLiteral("<h3 style=\"font-size:10pt; margin-top:8px; margin-bottom:4px;\">") % escaped(text) %
           QStringLiteral("</h3>");
}

QString sourceLine(const QString &text)
{
    return QStringLiteral("<p style=\"color:%1; font-size:8pt; margin-top:0px; margin-bottom:6px;\">").arg(kMuted) %
           escaped(text) % QStringLiteral("</p>");
}

QString paragraph(const QString &html)
{
    return QStringLiteral("<p style=\"margin-top:2px; margin-bottom:4px;\">") % html % QStringLiteral("</p>");
}

// A "nice" axis step (1, 2 or 5 times a power of ten) that cuts `range` into about `parts` pieces.
double niceStep(double range, int parts)
{
    const double raw = range / std::max(parts, 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (factor * magnitude >= raw)
            return factor * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

// Texts for the codes a history uses; an unknown code is shown as given.
namespace {

QString titleKindText(const QString &kind)
{
    if (kind == QLatin1String("title"))
        return VinReportDocument::tr("Title issued");
    if (kind == QLatin1String("registration"))
        return VinReportDocument::tr("Registered");
    if (kind == QLatin1String("transfer"))
        return VinReportDocument::tr("Ownership transferred");
    if (kind == QLatin1String("brand"))
        return VinReportDocument::tr("Title branded");
    return kind;
}

QString brandText(const QString &brand)
{
    if (brand == QLatin1String("salvage"))
        return VinReportDocument::tr("Salvage");
    if (brand == QLatin1String("rebuilt"))
        return VinReportDocument::tr("Rebuilt");
    if (brand == QLatin1String("flood"))
        return VinReportDocument::tr("Flood damage");
    if (brand == QLatin1String("junk"))
        return VinReportDocument::tr("Junk");
    if (brand == QLatin1String("lemon"))
        return VinReportDocument::tr("Lemon");
    return brand;
}

QString severityText(const QString &severity)
{
    if (severity == QLatin1String("minor"))
        return VinReportDocument::tr("Minor");
    if (severity == QLatin1String("moderate"))
        return VinReportDocument::tr("Moderate");
    if (severity == QLatin1String("severe"))
        return VinReportDocument::tr("Severe");
    return severity;
}

QString areaText(const QString &area)
{
    if (area == QLatin1String("front"))
        return VinReportDocument::tr("Front");
    if (area == QLatin1String("rear"))
        return VinReportDocument::tr("Rear");
    if (area == QLatin1String("left side"))
        return VinReportDocument::tr("Left side");
    if (area == QLatin1String("right side"))
        return VinReportDocument::tr("Right side");
    if (area == QLatin1String("front left"))
        return VinReportDocument::tr("Front left");
    if (area == QLatin1String("front right"))
        return VinReportDocument::tr("Front right");
    if (area == QLatin1String("rear left"))
        return VinReportDocument::tr("Rear left");
    if (area == QLatin1String("rear right"))
        return VinReportDocument::tr("Rear right");
    return area;
}

QString ownerTypeText(const QString &type)
{
    if (type == QLatin1String("personal"))
        return VinReportDocument::tr("Personal");
    if (type == QLatin1String("lease"))
        return VinReportDocument::tr("Lease");
    if (type == QLatin1String("rental"))
        return VinReportDocument::tr("Rental");
    if (type == QLatin1String("fleet"))
        return VinReportDocument::tr("Fleet");
    if (type == QLatin1String("commercial"))
        return VinReportDocument::tr("Commercial");
    return type;
}

QString readingSourceText(const QString &source)
{
    if (source == QLatin1String("title"))
        return VinReportDocument::tr("Title");
    if (source == QLatin1String("inspection"))
        return VinReportDocument::tr("Inspection");
    if (source == QLatin1String("service"))
        return VinReportDocument::tr("Service");
    if (source == QLatin1String("sale"))
        return VinReportDocument::tr("Sale");
    return source;
}

} // namespace

QImage VinReportDocument::odometerChart(const VinReport &report, QSize size)
{
    QImage image(size.expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);

    const double unit = std::clamp(std::min(image.height() / 20.0, image.width() / 36.0), 8.0, 60.0); // font px
    QFont font = painter.font();
    font.setPixelSize(int(unit));
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const QLocale locale;

    QList<VinHistory::OdometerReading> readings = report.history.odometerReadings();
    readings.removeIf([](const VinHistory::OdometerReading &reading) { return !reading.date.isValid(); });
    if (readings.isEmpty()) {
        painter.setPen(QColor(0x5f, 0x63, 0x68));
        painter.drawText(image.rect(), Qt::AlignCenter, tr("No odometer readings."));
        return image;
    }
    const QList<int> rollbacks = VinReport::rollbackIndexes(readings);

    // Value axis: 0 to a round number above the highest reading.
    int highest = 0;
    for (const VinHistory::OdometerReading &reading : readings)
        highest = std::max(highest, reading.km);
    const double kmStep = niceStep(std::max(highest, 1000), 5);
    const double kmTop = std::max(1.0, std::ceil(highest * 1.05 / kmStep)) * kmStep;

    // Time axis: whole years around the readings.
    const int firstYear = readings.constFirst().date.year();
    int lastYear = firstYear;
    for (const VinHistory::OdometerReading &reading : readings)
        lastYear = std::max(lastYear, reading.date.year());
    const double start = double(QDate(firstYear, 1, 1).toJulianDay());
    const double end = double(QDate(lastYear + 1, 1, 1).toJulianDay());

    const QString kmCaption = tr("km");
    double labelWidth = metrics.horizontalAdvance(kmCaption);
    for (double km = 0; km <= kmTop + 0.5; km += kmStep)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(locale.toString(qint64(km))));
    const QRectF plot(labelWidth + unit, 2.2 * unit, image.width() - labelWidth - 2.2 * unit,
                      image.height() - 4.4 * unit);
    if (plot.width() < 10 || plot.height() < 10)
        return image;
    const auto xOf = [&](QDate date) {
        return plot.left() + (double(date.toJulianDay()) - start) / (end - start) * plot.width();
    };
    const auto yOf = [&](double km) { return plot.bottom() - km / kmTop * plot.height(); };

    // Grid and value labels.
    const QColor gridColour(0xe3, 0xe6, 0xea);
    const QColor axisColour(0x60, 0x66, 0x70);
    for (double km = 0; km <= kmTop + 0.5; km += kmStep) {
        const double y = yOf(km);
        painter.setPen(QPen(gridColour, std::max(1.0, unit / 12)));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(axisColour);
        painter.drawText(QRectF(0, y - unit, plot.left() - unit / 2, 2 * unit), Qt::AlignRight | Qt::AlignVCenter,
                         locale.toString(qint64(km)));
    }
    painter.drawText(QRectF(0, 0, plot.left() - unit / 2, 1.6 * unit), Qt::AlignRight | Qt::AlignVCenter, kmCaption);

    // A tick at the start of every year; a label and a grid line at every `yearStep`th, thinned out so
    // that the labels never touch.
    const double yearWidth = plot.width() / std::max(1, lastYear + 1 - firstYear);
    const double yearLabel = metrics.horizontalAdvance(QString::number(lastYear)) * 1.5;
    int yearStep = 1;
    for (const int step : {1, 2, 5, 10, 20, 50}) {
        yearStep = step;
        if (yearWidth * step >= yearLabel)
            break;
    }
    for (int year = firstYear; year <= lastYear + 1; ++year) {
        const double x = xOf(QDate(year, 1, 1));
        const bool labelled = (year - firstYear) % yearStep == 0;
        if (labelled) {
            painter.setPen(QPen(gridColour, std::max(1.0, unit / 12)));
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        }
        painter.setPen(QPen(axisColour, std::max(1.0, unit / 10)));
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + unit / (labelled ? 2.5 : 4)));
        const QRectF label(x - yearLabel / 2, plot.bottom() + unit / 2, yearLabel, 1.4 * unit);
        if (labelled && label.right() <= image.width())
            painter.drawText(label, Qt::AlignHCenter | Qt::AlignTop, QString::number(year));
    }
    painter.setPen(QPen(axisColour, std::max(1.0, unit / 10)));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());

    // The readings.
    const QColor lineColour(0x1f, 0x5f, 0xa8);
    const QColor rollbackColour(0xb3, 0x26, 0x1e);
    QPolygonF line;
    for (const VinHistory::OdometerReading &reading : readings)
        line.append(QPointF(xOf(reading.date), yOf(reading.km)));
    painter.setPen(QPen(lineColour, std::max(1.5, unit / 6), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPolyline(line);
    const double radius = std::max(2.0, unit / 4);
    painter.setPen(Qt::NoPen);
    painter.setBrush(lineColour);
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (!rollbacks.contains(int(i)))
            painter.drawEllipse(line.at(i), radius, radius);
    }
    if (rollbacks.isEmpty())
        return image;

    QFont bold = font;
    bold.setBold(true);
    painter.setFont(bold);
    const QFontMetricsF boldMetrics(bold);
    const QString label = tr("Rollback suspected");
    const double labelAdvance = boldMetrics.horizontalAdvance(label);
    for (const int index : rollbacks) {
        const QPointF point = line.at(index);
        painter.setPen(QPen(Qt::white, std::max(1.0, unit / 8)));
        painter.setBrush(rollbackColour);
        painter.drawEllipse(point, radius * 1.8, radius * 1.8);
    }
    // One label, for the first suspected rollback: above the line where there is room (with a leader down
    // to the point), else below the point.
    const QPointF first = line.at(rollbacks.constFirst());
    const double boxWidth = labelAdvance + unit / 2;
    const double boxHeight = unit * 1.4;
    const double left = std::clamp(first.x() - boxWidth / 2, plot.left() + unit / 4, plot.right() - boxWidth);
    const auto lineYAt = [&](double x) {
        if (x <= line.constFirst().x())
            return line.constFirst().y();
        for (qsizetype i = 1; i < line.size(); ++i) {
            const QPointF a = line.at(i - 1);
            const QPointF b = line.at(i);
            if (x <= b.x())
                return b.x() - a.x() < 1e-9 ? std::min(a.y(), b.y())
                                            : a.y() + (b.y() - a.y()) * (x - a.x()) / (b.x() - a.x());
        }
        return line.constLast().y();
    };
    double topmost = std::min({first.y(), lineYAt(left - unit), lineYAt(left + boxWidth + unit)});
    for (const QPointF &point : std::as_const(line)) {
        if (point.x() >= left - unit && point.x() <= left + boxWidth + unit)
            topmost = std::min(topmost, point.y());
    }
    QRectF box(left, topmost - radius * 2 - unit / 2 - boxHeight, boxWidth, boxHeight);
    if (box.top() < plot.top()) {
        box.moveTop(first.y() + radius * 2 + unit / 4);
        if (box.bottom() > plot.bottom())
            box.moveTop(plot.top());
    }
    painter.setPen(QPen(rollbackColour, std::max(1.0, unit / 10)));
    if (box.bottom() < first.y())
        painter.drawLine(QPointF(first.x(), box.bottom()), QPointF(first.x(), first.y() - radius * 1.8));
    painter.setBrush(QColor(255, 255, 255, 230));
    painter.drawRect(box);
    painter.drawText(box, Qt::AlignCenter, label);
    return image;
}

void VinReportDocument::fill(QTextDocument &document, const VinReport &report)
{
    const QLocale locale;
    const VinReport::Flags flags = report.flags();
    const VinHistory &history = report.history;
    const VinDecoding &decoding = report.decoding;
    const QString vin = report.vin.isEmpty() ? decoding.vin : report.vin;
    const QString none = paragraph(escaped(tr("None reported.")));
    const auto kmText = [&](int km) { return tr("%1 km").arg(locale.toString(km)); };
    // The day the report speaks for: how long the current owner has had the car is counted up to it.
    const QDate reportDate = report.createdAt.isValid()           ? report.createdAt.toLocalTime().date()
                             : report.history.fetchedAt.isValid() ? report.history.fetchedAt.toLocalTime().date()
                                                                  : QDate::currentDate();

    const QString historySource =
        history.fetchedAt.isValid()
            ? tr("Source: %1, fetched %2.").arg(history.provider, dateTimeText(locale, history.fetchedAt))
            : tr("Source: %1.").arg(history.provider);

    // The vehicle in one line: model year, make, model.
    QString year;
    if (decoding.modelYear)
        year = QString::number(*decoding.modelYear);
    else if (report.spec)
        year = report.spec->value(QStringLiteral("Model year"));
    QString make = report.spec ? report.spec->value(QStringLiteral("Make")) : QString();
    if (make.isEmpty())
        make = decoding.manufacturer;
    const QString model = report.spec ? report.spec->value(QStringLiteral("Model")) : QString();
    QStringList vehicle;
    for (const QString &part : {year, make, model}) {
        if (!part.isEmpty())
            vehicle << part;
    }

    QString html = QStringLiteral("<html><head><meta charset=\"utf-8\"><title>") %
                   escaped(tr("VIN report %1").arg(vin)) %
                   QStringLiteral("</title></head><body style=\"font-size:9pt;\">");

    html += QStringLiteral("<h1 style=\"font-size:20pt; margin-bottom:0px;\">") %
            escaped(tr("VIN report %1").arg(vin)) % QStringLiteral("</h1>");
    html += QStringLiteral("<p style=\"font-size:13pt; margin-top:2px; margin-bottom:0px;\">") %
            escaped(vehicle.isEmpty() ? tr("Vehicle not identified") : vehicle.join(QLatin1Char(' '))) %
            QStringLiteral("</p>");
    if (report.createdAt.isValid())
        html += sourceLine(tr("Report created %1.").arg(dateTimeText(locale, report.createdAt)));

    if (history.simulated) {
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"8\" bgcolor=\"%1\" "
                               "style=\"margin-top:8px; margin-bottom:4px;\"><tr><td>")
                    .arg(kBad) %
                QStringLiteral("<p style=\"color:white; font-size:14pt; font-weight:bold; margin:0px;\">") %
                escaped(tr("SIMULATED SAMPLE HISTORY – not a real vehicle history")) %
                QStringLiteral("</p><p style=\"color:white; margin:0px;\">") %
                escaped(tr("The history in this report was made up from the VIN for demonstrations and training. "
                           "Do not use it to judge a real vehicle.")) %
                QStringLiteral("</p></td></tr></table>");
    }

    // Summary.
    {
        html += heading(tr("Summary"));
        html += sourceLine(historySource);
        QList<QStringList> rows;
        const auto row = [&](const QString &label, const QString &valueHtml) {
            rows.append({QStringLiteral("<b>") % escaped(label) % QStringLiteral("</b>"), valueHtml});
        };
        QStringList brands;
        for (const QString &brand : flags.titleBrands)
            brands << brandText(brand);
        row(tr("Title brands"), brands.isEmpty() ? coloured(kGood, escaped(tr("No title brands reported")))
                                                 : coloured(kBad, escaped(brands.join(QStringLiteral(", "))), true));
        if (flags.accidents == 0) {
            row(tr("Accidents"), coloured(kGood, escaped(tr("No accidents reported"))));
        } else {
            // Numbers as a count after a label, which reads right for one and for many without plurals.
            const QString text = flags.severeAccidents > 0 ? tr("Reported: %1, of them severe: %2")
                                                                 .arg(locale.toString(flags.accidents),
                                                                      locale.toString(flags.severeAccidents))
                                                           : tr("Reported: %1").arg(locale.toString(flags.accidents));
            row(tr("Accidents"), coloured(flags.severeAccidents > 0 ? kBad : kWarn, escaped(text), true));
        }
        row(tr("Odometer"),
            flags.rollbackSuspected
                ? coloured(kBad, escaped(tr("Rollback suspected: a reading is lower than an earlier one")), true)
                : coloured(kGood, escaped(tr("No odometer rollback reported"))));
        row(tr("Theft"), flags.stolen ? coloured(kBad, escaped(tr("Reported stolen and not recovered")), true)
                                      : coloured(kGood, escaped(tr("No theft reported"))));
        row(tr("Owners"),
            flags.owners == 0 ? escaped(tr("No owners reported")) : escaped(locale.toString(flags.owners)));
        if (!history.recallsProvided)
            row(tr("Open recalls"), coloured(kMuted, escaped(tr("No recall information"))));
        else if (flags.openRecalls > 0)
            row(tr("Open recalls"),
                coloured(kBad, escaped(tr("Open: %1").arg(locale.toString(flags.openRecalls))), true));
        else
            row(tr("Open recalls"), coloured(kGood, escaped(tr("No open recalls reported"))));
        if (!flags.lastReading)
            row(tr("Last odometer reading"), escaped(tr("No odometer readings reported")));
        else if (flags.lastReading->date.isValid())
            row(tr("Last odometer reading"),
                escaped(tr("%1 on %2 (%3)")
                            .arg(kmText(flags.lastReading->km), dateText(locale, flags.lastReading->date),
                                 readingSourceText(flags.lastReading->source))));
        else
            row(tr("Last odometer reading"), escaped(tr("%1 (no date reported)").arg(kmText(flags.lastReading->km))));
        if (flags.fleetMileageBelowReported()) {
            const VinHistory::OdometerReading &highest = *flags.highestReading;
            const QString reported =
                highest.date.isValid() ? tr("%1 reported on %2").arg(kmText(highest.km), dateText(locale, highest.date))
                                       : tr("%1 reported").arg(kmText(highest.km));
            row(tr("Fleet mileage"),
                coloured(kBad,
                         escaped(tr("%1 recorded in the fleet, below the %2. Check the car's odometer: correct the "
                                    "fleet's mileage, or look into a rollback.")
                                     .arg(kmText(*flags.fleetMileageKm), reported)),
                         true));
        } else if (flags.fleetMileageKm) {
            row(tr("Fleet mileage"),
                escaped(
                    tr("%1 recorded in the fleet, not below any reported reading").arg(kmText(*flags.fleetMileageKm))));
        }
        html += table({escaped(tr("Check")), escaped(tr("Result"))}, rows, {}, {28, 72});
    }

    // Vehicle specification: decoded offline, then vPIC.
    {
        html += heading(tr("Vehicle specification"));
        html += subheading(tr("Decoded from the VIN"));
        html += sourceLine(report.createdAt.isValid()
                               ? tr("Decoded offline by Forecourt on %1.").arg(dateTimeText(locale, report.createdAt))
                               : tr("Decoded offline by Forecourt."));
        const QString unknown = coloured(kMuted, escaped(tr("unknown")));
        const auto orUnknown = [&](const QString &text) { return text.isEmpty() ? unknown : escaped(text); };
        QString modelYear;
        if (decoding.modelYear) {
            modelYear = QString::number(*decoding.modelYear);
        } else if (!decoding.modelYearCandidates.isEmpty()) {
            QStringList years;
            for (const int candidate : decoding.modelYearCandidates)
                years << QString::number(candidate);
            modelYear = tr("one of %1").arg(years.join(QStringLiteral(", ")));
        }
        QString checkDigit;
        if (decoding.actualCheckDigit.isNull())
            checkDigit = unknown;
        else if (decoding.checkDigitValid)
            checkDigit = coloured(kGood, escaped(tr("%1 (correct)").arg(decoding.actualCheckDigit)));
        else if (decoding.checkDigitRequired)
            checkDigit =
                coloured(kBad,
                         escaped(tr("%1 (wrong: %2 expected)")
                                     .arg(QString(decoding.actualCheckDigit), QString(decoding.expectedCheckDigit))),
                         true);
        else
            checkDigit = escaped(tr("%1 (not used by this manufacturer)").arg(decoding.actualCheckDigit));
        const QList<std::pair<QString, QString>> decoded = {
            {tr("WMI"), orUnknown(decoding.wmi)},
            {tr("Manufacturer"), orUnknown(decoding.manufacturer)},
            {tr("Country"), orUnknown(decoding.country)},
            {tr("Region"), orUnknown(decoding.region)},
            {tr("Model year"), orUnknown(modelYear)},
            {tr("Plant code"), decoding.plantCode.isNull() ? unknown : escaped(QString(decoding.plantCode))},
            {tr("Serial number"), orUnknown(decoding.serial)},
            {tr("Check digit"), checkDigit},
        };
        QList<QStringList> rows;
        for (qsizetype i = 0; i < decoded.size(); i += 2) {
            QStringList cells{QStringLiteral("<b>") % escaped(decoded.at(i).first) % QStringLiteral("</b>"),
                              decoded.at(i).second};
            if (i + 1 < decoded.size())
                cells << QStringLiteral("<b>") % escaped(decoded.at(i + 1).first) % QStringLiteral("</b>")
                      << decoded.at(i + 1).second;
            rows.append(cells);
        }
        html += table({escaped(tr("Field")), escaped(tr("Value")), escaped(tr("Field")), escaped(tr("Value"))}, rows,
                      {}, {18, 32, 18, 32});
        for (const QString &problem : decoding.errors)
            html += paragraph(coloured(kBad, escaped(problem)));
        for (const QString &warning : decoding.warnings)
            html += paragraph(coloured(kWarn, escaped(warning)));

        html += subheading(tr("NHTSA vPIC"));
        if (!report.spec) {
            html +=
                paragraph(coloured(kMuted, escaped(report.specNote.isEmpty() ? tr("No specification from NHTSA vPIC.")
                                                                             : report.specNote)));
        } else {
            const QString source = report.specSource.isEmpty() ? tr("NHTSA vPIC") : report.specSource;
            html +=
                sourceLine(report.specFetchedAt.isValid()
                               ? tr("Source: %1, fetched %2.").arg(source, dateTimeText(locale, report.specFetchedAt))
                               : tr("Source: %1.").arg(source));
            if (!report.spec->hasData()) {
                html += paragraph(coloured(kMuted, escaped(tr("NHTSA vPIC has no data for this VIN."))));
            } else {
                QList<QStringList> specRows;
                const auto &fields = report.spec->fields;
                for (qsizetype i = 0; i < fields.size(); i += 2) {
                    QStringList cells{QStringLiteral("<b>") % escaped(fields.at(i).first) % QStringLiteral("</b>"),
                                      escaped(fields.at(i).second)};
                    if (i + 1 < fields.size())
                        cells << QStringLiteral("<b>") % escaped(fields.at(i + 1).first) % QStringLiteral("</b>")
                              << escaped(fields.at(i + 1).second);
                    else
                        cells << QString() << QString();
                    specRows.append(cells);
                }
                html += table({escaped(tr("Field")), escaped(tr("Value")), escaped(tr("Field")), escaped(tr("Value"))},
                              specRows, {}, {18, 32, 18, 32});
            }
            for (const QString &warning : report.spec->warnings)
                html += paragraph(coloured(kWarn, escaped(warning)));
            if (!report.specNote.isEmpty())
                html += paragraph(coloured(kMuted, escaped(report.specNote)));
        }
    }

    // Title and registration.
    {
        html += heading(tr("Title and registration"));
        html += sourceLine(historySource);
        if (history.titleEvents.isEmpty()) {
            html += none;
        } else {
            QList<QStringList> rows;
            QStringList backgrounds;
            for (const VinHistory::TitleEvent &event : history.titleEvents) {
                const bool branded = !event.brand.isEmpty();
                rows.append({escaped(dateText(locale, event.date)), escaped(titleKindText(event.kind)),
                             escaped(event.region),
                             event.odometerKm >= 0 ? escaped(kmText(event.odometerKm)) : QString(),
                             branded ? coloured(kBad, escaped(brandText(event.brand)), true) : QString()});
                backgrounds << (branded ? kBadBackground : QString());
            }
            html += table({escaped(tr("Date")), escaped(tr("Event")), escaped(tr("Region")), escaped(tr("Odometer")),
                           escaped(tr("Title brand"))},
                          rows, backgrounds, {15, 25, 30, 15, 15});
        }
        if (history.stolen)
            html += paragraph(coloured(kBad, escaped(tr("The vehicle is reported stolen and not recovered.")), true));
    }

    // Accidents and damage.
    {
        html += heading(tr("Accidents and damage"));
        html += sourceLine(historySource);
        if (history.accidents.isEmpty()) {
            html += none;
        } else {
            QList<QStringList> rows;
            for (const VinHistory::Accident &accident : history.accidents) {
                const QString severity = escaped(severityText(accident.severity));
                rows.append({escaped(dateText(locale, accident.date)),
                             accident.severity == QLatin1String("severe")     ? coloured(kBad, severity, true)
                             : accident.severity == QLatin1String("moderate") ? coloured(kWarn, severity, true)
                                                                              : severity,
                             escaped(areaText(accident.area)),
                             accident.airbagsDeployed ? coloured(kBad, escaped(tr("Deployed"))) : escaped(tr("No")),
                             escaped(accident.description)});
            }
            html += table({escaped(tr("Date")), escaped(tr("Severity")), escaped(tr("Area")), escaped(tr("Air bags")),
                           escaped(tr("Description"))},
                          rows, {}, {13, 11, 12, 10, 54});
        }
    }

    // Odometer.
    {
        html += heading(tr("Odometer"));
        html += sourceLine(historySource);
        const QList<VinHistory::OdometerReading> readings = history.odometerReadings();
        if (readings.isEmpty()) {
            html += none;
        } else {
            const QList<int> rollbacks = VinReport::rollbackIndexes(readings);
            if (readings.size() >= 2) {
                document.addResource(QTextDocument::ImageResource, kChartUrl,
                                     odometerChart(report, QSize(kChartWidth, kChartHeight) * kChartOversampling));
                html += QStringLiteral("<p style=\"margin-top:4px; margin-bottom:6px;\"><img src=\"%1\" width=\"%2\" "
                                       "height=\"%3\"></p>")
                            .arg(kChartUrl.toString())
                            .arg(kChartWidth)
                            .arg(kChartHeight);
            }
            QList<QStringList> rows;
            QStringList backgrounds;
            int highest = 0;
            for (qsizetype i = 0; i < readings.size(); ++i) {
                const VinHistory::OdometerReading &reading = readings.at(i);
                const bool rollback = rollbacks.contains(int(i));
                rows.append(
                    {reading.date.isValid() ? escaped(dateText(locale, reading.date))
                                            : coloured(kMuted, escaped(tr("no date"))),
                     rollback ? coloured(kBad, escaped(kmText(reading.km)), true) : escaped(kmText(reading.km)),
                     escaped(readingSourceText(reading.source)),
                     rollback
                         ? coloured(kBad,
                                    escaped(tr("Rollback suspected: lower than the earlier %1").arg(kmText(highest))))
                         : QString()});
                backgrounds << (rollback ? kBadBackground : QString());
                if (reading.date.isValid())
                    highest = std::max(highest, reading.km);
            }
            html += table({escaped(tr("Date")), escaped(tr("Reading")), escaped(tr("Source")), escaped(tr("Note"))},
                          rows, backgrounds, {15, 17, 18, 50});
        }
    }

    // Owners.
    {
        html += heading(tr("Owners"));
        html += sourceLine(historySource);
        if (history.owners.isEmpty()) {
            html += none;
        } else {
            QList<QStringList> rows;
            for (const VinHistory::Owner &owner : history.owners) {
                const QDate to = owner.to.isValid() ? owner.to : reportDate;
                const qint64 days = owner.from.isValid() ? owner.from.daysTo(to) : -1;
                const QString length =
                    days >= 0 ? tr("%1 years").arg(locale.toString(double(days) / 365.25, 'f', 1)) : QString();
                rows.append({escaped(locale.toString(owner.number)), escaped(ownerTypeText(owner.type)),
                             escaped(owner.region), escaped(dateText(locale, owner.from)),
                             owner.to.isValid() ? escaped(dateText(locale, owner.to))
                                                : coloured(kMuted, escaped(tr("current owner"))),
                             escaped(length)});
            }
            html += table({escaped(tr("Owner")), escaped(tr("Type")), escaped(tr("Region")), escaped(tr("From")),
                           escaped(tr("To")), escaped(tr("Length"))},
                          rows, {}, {8, 14, 32, 15, 16, 15});
        }
    }

    // Service records.
    {
        html += heading(tr("Service records"));
        html += sourceLine(historySource);
        if (history.service.isEmpty()) {
            html += none;
        } else {
            QList<QStringList> rows;
            for (const VinHistory::ServiceRecord &record : history.service) {
                rows.append({escaped(dateText(locale, record.date)),
                             record.odometerKm >= 0 ? escaped(kmText(record.odometerKm)) : QString(),
                             escaped(record.description), escaped(record.shop)});
            }
            html += table({escaped(tr("Date")), escaped(tr("Odometer")), escaped(tr("Work done")), escaped(tr("Shop"))},
                          rows, {}, {13, 13, 46, 28});
        }
    }

    // Recalls.
    {
        html += heading(tr("Recalls"));
        html += sourceLine(historySource);
        if (!history.recallsProvided) {
            html += paragraph(coloured(kMuted, escaped(tr("The provider gives no recall information."))));
        } else if (history.recalls.isEmpty()) {
            html += none;
        } else {
            QList<QStringList> rows;
            QStringList backgrounds;
            for (const VinHistory::Recall &recall : history.recalls) {
                rows.append({escaped(recall.campaign), escaped(dateText(locale, recall.date)),
                             escaped(recall.component), escaped(recall.summary),
                             recall.open ? coloured(kBad, escaped(tr("Open")), true)
                                         : coloured(kGood, escaped(tr("Repaired")))});
                backgrounds << (recall.open ? kBadBackground : QString());
            }
            html += table({escaped(tr("Campaign")), escaped(tr("Date")), escaped(tr("Component")),
                           escaped(tr("Summary")), escaped(tr("Status"))},
                          rows, backgrounds, {13, 13, 17, 45, 12});
        }
    }

    if (history.simulated) {
        html += paragraph(coloured(kBad, escaped(tr("SIMULATED SAMPLE HISTORY – not a real vehicle history")), true));
    }
    html += QStringLiteral("</body></html>");

    document.setMetaInformation(QTextDocument::DocumentTitle, tr("VIN report %1").arg(vin));
    document.setHtml(html);
}

void VinReportDocument::print(const VinReport &report, QPagedPaintDevice &device)
{
    // The page size and orientation stay as the device has them (a QPdfWriter starts A4 portrait); margins,
    // layout at 96 dpi and the footer band are PagedDocument's.
    QTextDocument document;
    fill(document, report);
    const QString vin = report.vin.isEmpty() ? report.decoding.vin : report.vin;
    const auto footer = [&report, &vin](int page, int pages) {
        PagedDocument::Footer text;
        text.right = tr("VIN %1 — page %2 of %3").arg(vin).arg(page + 1).arg(pages);
        if (report.history.simulated) {
            text.left = tr("SIMULATED SAMPLE HISTORY – not a real vehicle history");
            text.leftColour = QColor(0xb3, 0x26, 0x1e);
        } else if (!report.history.provider.isEmpty()) {
            text.left = tr("History: %1").arg(report.history.provider);
        }
        return text;
    };
    // A heading is kept with the start of what follows it: one that would end a page starts the next one.
    const auto keepAfter = [](const QTextBlock &block) {
        const int level = block.blockFormat().headingLevel();
        return level < 2 ? 0.0 : level == 2 ? 110.0 : 80.0;
    };
    PagedDocument::print(document, device, footer, keepAfter);
}

bool VinReportDocument::writePdf(const VinReport &report, const QString &path, QString *error)
{
    const QString vin = report.vin.isEmpty() ? report.decoding.vin : report.vin;
    QString why;
    if (PagedDocument::writePdf(
            path, tr("VIN report %1").arg(vin), [&report](QPagedPaintDevice &device) { print(report, device); },
            &why)) {
        if (error)
            error->clear();
        return true;
    }
    if (error)
        *error = tr("The report could not be written to %1: %2").arg(QDir::toNativeSeparators(path), why);
    return false;
}

#include "PagedDocument.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <cmath>

namespace {

constexpr double kFooterMm = 9; // the band at the bottom of each page that holds the footer
constexpr double kLayoutDpi = 96;

// A block that would leave less than it keeps below it on its page starts the next one.
void keepBlocksWithText(QTextDocument &document, double pageHeight, const PagedDocument::KeepAfter &keepAfter)
{
    QAbstractTextDocumentLayout *layout = document.documentLayout();
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const double keep = keepAfter ? keepAfter(block) : 0;
        if (keep <= 0)
            continue;
        const QRectF rect = layout->blockBoundingRect(block);
        const double pageEnd = (std::floor(rect.top() / pageHeight) + 1) * pageHeight;
        const double documentEnd = layout->blockBoundingRect(document.lastBlock()).bottom();
        const double keepUntil = std::min(rect.bottom() + keep, documentEnd);
        if (pageEnd < keepUntil && keepUntil - rect.top() < pageHeight) {
            QTextBlockFormat format;
            format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            QTextCursor(block).mergeBlockFormat(format);
        }
    }
}

} // namespace

void PagedDocument::print(QTextDocument &document, QPagedPaintDevice &device, const FooterOf &footer,
                          const KeepAfter &keepAfter)
{
    device.setPageMargins(QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter);

    QImage layoutDevice(1, 1, QImage::Format_ARGB32_Premultiplied);
    layoutDevice.setDotsPerMeterX(qRound(kLayoutDpi / 0.0254));
    layoutDevice.setDotsPerMeterY(qRound(kLayoutDpi / 0.0254));
    QAbstractTextDocumentLayout *layout = document.documentLayout();
    QPaintDevice *const screenDevice = layout->paintDevice();
    layout->setPaintDevice(&layoutDevice);
    document.setDocumentMargin(0);

    QPainter painter;
    if (painter.begin(&device)) {
        const double scale = double(device.logicalDpiY()) / kLayoutDpi;
        const double pageWidth = device.width();
        const double footerHeight = kFooterMm / 25.4 * device.logicalDpiY();
        const double bodyHeight = device.height() - footerHeight;
        const QSizeF pageSize(pageWidth / scale, bodyHeight / scale);
        document.setPageSize(pageSize); // lays the document out again, on the layout device
        keepBlocksWithText(document, pageSize.height(), keepAfter);

        QFont footerFont = document.defaultFont();
        footerFont.setPointSizeF(7.5);
        const int pages = document.pageCount();
        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                device.newPage();
            painter.save();
            painter.scale(scale, scale);
            const QRectF clip(QPointF(0, page * pageSize.height()), pageSize);
            painter.translate(0, -clip.top());
            document.drawContents(&painter, clip);
            painter.restore();

            const Footer text = footer ? footer(page, pages) : Footer();
            painter.save();
            painter.setFont(QFont(footerFont, &device));
            const QRectF band(0, bodyHeight + footerHeight * 0.35, pageWidth, footerHeight * 0.65);
            painter.setPen(QPen(QColor(0xc4, 0xca, 0xd3), std::max(1.0, scale / 2)));
            painter.drawLine(band.topLeft(), band.topRight());
            painter.setPen(QColor(0x5f, 0x63, 0x68));
            painter.drawText(band, Qt::AlignRight | Qt::AlignVCenter, text.right);
            painter.setPen(text.leftColour);
            painter.drawText(band, Qt::AlignLeft | Qt::AlignVCenter, text.left);
            painter.restore();
        }
        painter.end();
    }
    // The layout device ends with this call: the document goes back to the one it had.
    layout->setPaintDevice(screenDevice);
}

bool PagedDocument::writePdf(const QString &path, const QString &title,
                             const std::function<void(QPagedPaintDevice &device)> &print, QString *why)
{
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(300);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Forecourt"));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm),
                                         QPageLayout::Millimeter));
        print(writer);
    }

    QString failure;
    QSaveFile file(path);
    if (pdf.isEmpty())
        failure = tr("the PDF could not be made.");
    else if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size() || !file.commit())
        failure = file.errorString();
    if (why)
        *why = failure;
    return failure.isEmpty();
}

QString PagedDocument::shortDate(const QLocale &locale, QDate date)
{
    if (!date.isValid())
        return {};
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return locale.toString(date, format);
}

QString PagedDocument::shortTime(const QLocale &locale, QTime time)
{
    if (!time.isValid())
        return {};
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QLatin1String(":ss"));
    format.remove(QLatin1String(".ss"));
    return locale.toString(time, format);
}

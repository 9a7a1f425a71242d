#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QString>
#include <QTime>

#include <functional>

class QPagedPaintDevice;
class QTextBlock;
class QTextDocument;

// How Forecourt prints a QTextDocument (papers, reports): 15 mm margins on the device's pages (a QPdfWriter
// here starts A4 portrait), the document laid out at 96 dpi whatever the screen or printer (the same line breaks
// everywhere; A4 less the margins is 680 layout pixels wide), a heading never last on its page, and a footer
// band on every page with a rule and two texts. QtGui only, so the CLI can print too.
class PagedDocument
{
    Q_DECLARE_TR_FUNCTIONS(PagedDocument)

public:
    static constexpr double kMarginMm = 15;

    // The footer of one page: a text on the left (in its colour) and one on the right.
    struct Footer
    {
        QString left;
        QString right;
        QColor leftColour = QColor(0x5f, 0x63, 0x68);
    };
    // How far below a block (layout pixels) must stay on its page with it: 0 for most blocks, a heading's
    // room for its first lines, or keepToEnd for all that follows.
    static constexpr double keepToEnd = 1e12;
    using KeepAfter = std::function<double(const QTextBlock &block)>;
    using FooterOf = std::function<Footer(int page, int pages)>; // page from 0

    // Lays `document` out for `device` and draws it page by page with its footers. The document is laid out on
    // a 96-dpi device for the time of the call (pass a copy when its layout matters elsewhere); a block that
    // `keepAfter` keeps with what follows starts a new page when that would not fit on its own, unless it would
    // not fit on any page.
    static void print(QTextDocument &document, QPagedPaintDevice &device, const FooterOf &footer,
                      const KeepAfter &keepAfter);

    // Writes the PDF that `print` draws on an A4 QPdfWriter (300 dpi, `title` in its properties) to `path`, in
    // one go: a failed write leaves no half-written file. False with `why` (the system's words) when it fails.
    static bool writePdf(const QString &path, const QString &title,
                         const std::function<void(QPagedPaintDevice &device)> &print, QString *why);

    // A short date with a four-digit year ("M/d/yy" becomes "M/d/yyyy"); empty for an invalid date.
    static QString shortDate(const QLocale &locale, QDate date);
    // A short time without seconds (the C locale's "HH:mm:ss" becomes "HH:mm"); empty for an invalid time.
    static QString shortTime(const QLocale &locale, QTime time);
};

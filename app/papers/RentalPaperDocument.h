#pragma once

#include "domain/RentalPapers.h"

#include <QCoreApplication>
#include <QString>

class QPagedPaintDevice;
class QTextDocument;

// The rental desk's papers laid out for print and PDF (A4 portrait), in the locale of their QuoteFormat:
// the agreement with its signature lines, the invoice (net, tax, gross, payments, deposit, balance; "Copy"
// when reissued) and a payment's receipt. QtGui only (no widgets), so the CLI can write them too.
class RentalPaperDocument
{
    Q_DECLARE_TR_FUNCTIONS(RentalPaperDocument)

public:
    static void fill(QTextDocument &document, const AgreementPaper &paper);
    static void fill(QTextDocument &document, const InvoicePaper &paper);
    static void fill(QTextDocument &document, const ReceiptPaper &paper);

    // Prints `document` (filled above) on `device` (a QPdfWriter or a QPrinter): a copy of it, laid out for the
    // pages (PagedDocument), so a preview's document can be passed as it is. Every page's footer names the paper
    // (the document's title, "… – COPY" on a reissued invoice) and says "Page n of m".
    static void print(QTextDocument &document, QPagedPaintDevice &device);
    // Writes a PDF file (A4); false (and `error` set to a sentence) when the file cannot be written. Defined for
    // AgreementPaper, InvoicePaper and ReceiptPaper.
    template <typename Paper> static bool writePdf(const Paper &paper, const QString &path, QString *error = nullptr);
};

#pragma once

#include "Error.h"
#include "domain/RentalPapers.h"

#include <QDialog>

#include <functional>
#include <variant>

class Database;
class DatabaseThread;
class QLabel;
class QPushButton;
class QTextBrowser;

// One of the rental desk's papers, as the customer gets it: the rental agreement, the invoice (a copy once
// it was issued before) or a payment's receipt. The paper is gathered on the database thread
// (RentalDeskService), shown as it prints, and can be printed (Print…) or written as a PDF (Export PDF…, in
// the folder used last) without the window waiting on the disk.
class RentalPaperDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RentalPaperDialog(DatabaseThread *database, QWidget *parent = nullptr);

    void showAgreement(qint64 bookingId);
    void showInvoice(qint64 bookingId);
    void showReceipt(qint64 paymentId);

    // Writes the paper shown to `path` (off the GUI thread); pdfWritten() tells how it went.
    void exportPdf(const QString &path);
    // The file name offered for the paper shown: "Invoice HQ-2026-000042.pdf".
    QString suggestedFileName() const;
    bool isLoaded() const { return m_paper.index() != 0; }
    // The paper's number, for an invoice ("HQ-2026-000042"); empty for the other papers.
    QString invoiceNumber() const;
    bool isCopy() const;
    QTextBrowser *browser() const { return m_browser; }
    QString statusText() const;

signals:
    // The paper is in and shown, or could not be had (`error` says why).
    void loaded(const QString &error);
    void pdfWritten(const QString &path, const QString &error);

private:
    template <typename Paper> void load(const QString &title, std::function<Result<Paper>(Database &)> fetch);
    void chooseAndExport();
    void print();

    DatabaseThread *m_database = nullptr;
    std::variant<std::monostate, AgreementPaper, InvoicePaper, ReceiptPaper> m_paper;
    QTextBrowser *m_browser = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_pdf = nullptr;
    QPushButton *m_print = nullptr;
};

#include "RentalPaperDialog.h"

#include "Async.h"
#include "UserSettings.h"
#include "db/DatabaseThread.h"
#include "papers/RentalPaperDocument.h"
#include "services/RentalDeskService.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace {

// The folder the desk last wrote a rental paper to (this desk's settings, next to the VIN reports' one).
const SettingValue<QString> rentalPapersPdfFolder{"rentalPapers/pdfFolder"};

// A file name without the characters no file system takes.
QString fileSafe(QString name)
{
    static const QString forbidden = QStringLiteral("/\\:*?\"<>|");
    for (QChar &c : name) {
        if (forbidden.contains(c) || c.unicode() < 32)
            c = QLatin1Char('-');
    }
    return name;
}

} // namespace

RentalPaperDialog::RentalPaperDialog(DatabaseThread *database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_browser(new QTextBrowser(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("rentalPaperDialog"));
    setWindowTitle(tr("Paper"));
    m_browser->setObjectName(QStringLiteral("paperBrowser"));
    m_browser->setAccessibleName(tr("Paper"));
    m_browser->setOpenLinks(false);
    m_browser->setPlaceholderText(tr("Loading the paper…"));
    m_status->setObjectName(QStringLiteral("paperStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_print = buttons->addButton(tr("&Print…"), QDialogButtonBox::ActionRole);
    m_print->setObjectName(QStringLiteral("printPaper"));
    m_pdf = buttons->addButton(tr("&Export PDF…"), QDialogButtonBox::ActionRole);
    m_pdf->setObjectName(QStringLiteral("exportPaperPdf"));
    m_print->setEnabled(false);
    m_pdf->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_pdf, &QPushButton::clicked, this, &RentalPaperDialog::chooseAndExport);
    connect(m_print, &QPushButton::clicked, this, &RentalPaperDialog::print);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(820, 600); // fits a 1024x700 screen with its title bar; the page scrolls
}

template <typename Paper>
void RentalPaperDialog::load(const QString &title, std::function<Result<Paper>(Database &)> fetch)
{
    setWindowTitle(title);
    m_paper = std::monostate{};
    m_print->setEnabled(false);
    m_pdf->setEnabled(false);
    m_browser->clear();
    m_browser->setPlaceholderText(tr("Loading the paper…"));
    m_status->clear();
    whenFinished(m_database->submit(std::move(fetch)), this, [this](const Result<Paper> &paper) {
        if (!paper) {
            m_browser->setPlaceholderText(QString());
            m_status->setText(paper.error().message);
            emit loaded(paper.error().message);
            return;
        }
        m_paper = *paper;
        RentalPaperDocument::fill(*m_browser->document(), *paper);
        m_print->setEnabled(true);
        m_pdf->setEnabled(true);
        m_pdf->setFocus();
        emit loaded({});
    });
}

void RentalPaperDialog::showAgreement(qint64 bookingId)
{
    const QLocale locale;
    load<AgreementPaper>(tr("Rental agreement · booking #%1").arg(bookingId), [bookingId, locale](Database &db) {
        return RentalDeskService::agreement(db, bookingId, locale);
    });
}

void RentalPaperDialog::showInvoice(qint64 bookingId)
{
    const QLocale locale;
    load<InvoicePaper>(tr("Invoice · booking #%1").arg(bookingId),
                       [bookingId, locale](Database &db) { return RentalDeskService::invoice(db, bookingId, locale); });
}

void RentalPaperDialog::showReceipt(qint64 paymentId)
{
    const QLocale locale;
    load<ReceiptPaper>(tr("Receipt"),
                       [paymentId, locale](Database &db) { return RentalDeskService::receipt(db, paymentId, locale); });
}

QString RentalPaperDialog::invoiceNumber() const
{
    const auto *invoice = std::get_if<InvoicePaper>(&m_paper);
    return invoice ? invoice->number : QString();
}

bool RentalPaperDialog::isCopy() const
{
    const auto *invoice = std::get_if<InvoicePaper>(&m_paper);
    return invoice && invoice->copy;
}

QString RentalPaperDialog::statusText() const
{
    return m_status->text();
}

QString RentalPaperDialog::suggestedFileName() const
{
    QString name;
    if (const auto *agreement = std::get_if<AgreementPaper>(&m_paper))
        name = tr("Rental agreement %1").arg(agreement->bookingId);
    else if (const auto *invoice = std::get_if<InvoicePaper>(&m_paper))
        name = invoice->copy ? tr("Invoice %1 (copy)").arg(invoice->number) : tr("Invoice %1").arg(invoice->number);
    else if (const auto *receipt = std::get_if<ReceiptPaper>(&m_paper))
        name = tr("Receipt %1-%2").arg(receipt->bookingId).arg(receipt->payment.id);
    return fileSafe(name) + QStringLiteral(".pdf");
}

void RentalPaperDialog::chooseAndExport()
{
    QString folder = rentalPapersPdfFolder.value();
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export %1").arg(windowTitle()), QDir(folder).filePath(suggestedFileName()), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    rentalPapersPdfFolder.setValue(QFileInfo(path).absolutePath());
    exportPdf(path);
}

void RentalPaperDialog::exportPdf(const QString &path)
{
    if (!isLoaded())
        return;
    m_status->setText(tr("Writing %1…").arg(QDir::toNativeSeparators(path)));
    m_pdf->setEnabled(false);
    const auto paper = m_paper;
    whenFinished(QtConcurrent::run([paper, path] {
                     QString error;
                     std::visit(
                         [&](const auto &one) {
                             using Paper = std::decay_t<decltype(one)>;
                             if constexpr (!std::is_same_v<Paper, std::monostate>)
                                 RentalPaperDocument::writePdf(one, path, &error);
                         },
                         paper);
                     return error;
                 }),
                 this, [this, path](const QString &error) {
                     m_pdf->setEnabled(true);
                     m_status->setText(error.isEmpty() ? tr("Saved %1.").arg(QDir::toNativeSeparators(path)) : error);
                     emit pdfWritten(path, error);
                 });
}

void RentalPaperDialog::print()
{
    if (!isLoaded())
        return;
    auto *printer = new QPrinter(QPrinter::HighResolution);
    printer->setDocName(windowTitle());
    auto *dialog = new QPrintDialog(printer, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, printer](int result) {
        if (result == QDialog::Accepted) {
            QTextDocument document;
            std::visit(
                [&](const auto &one) {
                    using Paper = std::decay_t<decltype(one)>;
                    if constexpr (!std::is_same_v<Paper, std::monostate>)
                        RentalPaperDocument::fill(document, one);
                },
                m_paper);
            RentalPaperDocument::print(document, *printer);
            m_status->setText(
                tr("Sent to %1.")
                    .arg(printer->printerName().isEmpty() ? printer->outputFileName() : printer->printerName()));
        }
        delete printer;
    });
    dialog->open();
}

#include "VinReportDialog.h"

#include "Async.h"
#include "UserSettings.h"
#include "db/DatabaseThread.h"
#include "services/VinReportService.h"
#include "vin/VinReportDocument.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent>

VinReportDialog::VinReportDialog(DatabaseThread *database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_browser(new QTextBrowser(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("VIN report"));
    setObjectName(QStringLiteral("vinReportDialog"));
    m_browser->setObjectName(QStringLiteral("reportBrowser"));
    m_browser->setAccessibleName(tr("Report"));
    m_browser->setOpenLinks(false);
    m_browser->setPlaceholderText(tr("Loading the report…"));
    m_status->setObjectName(QStringLiteral("reportStatus"));
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_pdf = buttons->addButton(tr("Export &PDF…"), QDialogButtonBox::ActionRole);
    m_pdf->setObjectName(QStringLiteral("exportPdf"));
    m_print = buttons->addButton(tr("&Print…"), QDialogButtonBox::ActionRole);
    m_print->setObjectName(QStringLiteral("print"));
    m_pdf->setEnabled(false);
    m_print->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_pdf, &QPushButton::clicked, this, [this] {
        QString folder = UserSettings::vinReportsPdfFolder.value();
        if (folder.isEmpty())
            folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export VIN report"), QDir(folder).filePath(QStringLiteral("VIN report %1.pdf").arg(m_report.vin)),
            tr("PDF files (*.pdf)"));
        if (path.isEmpty())
            return;
        UserSettings::vinReportsPdfFolder.setValue(QFileInfo(path).absolutePath());
        exportPdf(path);
    });
    connect(m_print, &QPushButton::clicked, this, &VinReportDialog::print);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(820, 600); // fits a 1024x700 screen with its title bar; the page scrolls
}

void VinReportDialog::showReport(qint64 reportId)
{
    whenFinished(m_database->submit([reportId](Database &db) { return VinReportService::report(db, reportId); }), this,
                 [this](const Result<VinReport> &report) {
                     if (!report) {
                         m_browser->setPlaceholderText(report.error().message);
                         return;
                     }
                     setReport(*report);
                 });
}

void VinReportDialog::setReport(const VinReport &report)
{
    m_report = report;
    m_loaded = true;
    setWindowTitle(tr("VIN report %1").arg(report.vin));
    VinReportDocument::fill(*m_browser->document(), report);
    m_pdf->setEnabled(true);
    m_print->setEnabled(true);
}

void VinReportDialog::exportPdf(const QString &path)
{
    m_status->setText(tr("Writing %1…").arg(QDir::toNativeSeparators(path)));
    m_pdf->setEnabled(false);
    const VinReport report = m_report;
    whenFinished(QtConcurrent::run([report, path] {
                     QString error;
                     VinReportDocument::writePdf(report, path, &error);
                     return error;
                 }),
                 this, [this, path](const QString &error) {
                     m_pdf->setEnabled(true);
                     m_status->setText(error.isEmpty() ? tr("Saved %1.").arg(QDir::toNativeSeparators(path)) : error);
                     emit pdfWritten(path, error);
                 });
}

void VinReportDialog::print()
{
    auto *printer = new QPrinter(QPrinter::HighResolution);
    printer->setDocName(tr("VIN report %1").arg(m_report.vin));
    auto *dialog = new QPrintDialog(printer, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, printer](int result) {
        if (result == QDialog::Accepted) {
            VinReportDocument::print(m_report, *printer);
            m_status->setText(
                tr("Sent to %1.")
                    .arg(printer->printerName().isEmpty() ? printer->outputFileName() : printer->printerName()));
        }
        delete printer;
    });
    dialog->open();
}

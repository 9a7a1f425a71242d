#pragma once

#include "vin/VinReport.h"

#include <QDialog>

class DatabaseThread;
class QLabel;
class QPushButton;
class QTextBrowser;

// One stored VIN report, laid out as it prints (VinReportDocument), with Export PDF… and Print….
class VinReportDialog : public QDialog
{
    Q_OBJECT

public:
    VinReportDialog(DatabaseThread *database, QWidget *parent = nullptr);

    // Loads report `reportId` on the database thread and shows it.
    void showReport(qint64 reportId);
    void setReport(const VinReport &report);
    bool hasReport() const { return m_loaded; }
    QTextBrowser *browser() const { return m_browser; }

    // Writes the PDF off the GUI thread; the dialog says where it went or why it could not.
    void exportPdf(const QString &path);

signals:
    void pdfWritten(const QString &path, const QString &error);

private:
    void print();

    DatabaseThread *m_database;
    VinReport m_report;
    bool m_loaded = false;
    QTextBrowser *m_browser;
    QLabel *m_status;
    QPushButton *m_pdf;
    QPushButton *m_print;
};

#pragma once

#include "VinReport.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>

class QPagedPaintDevice;
class QTextDocument;

// A VIN report laid out for reading, printing and PDF: a summary with its flags, the vehicle
// specification (decoded plus vPIC), title and registration events, accidents and damage, odometer
// readings as a chart with suspected rollbacks marked, owners, service records and open recalls. Each
// section names its source and when it was fetched; a simulated history says so on every page.
// QtGui only (no widgets), so the CLI and the worker can write PDFs too.
class VinReportDocument
{
    Q_DECLARE_TR_FUNCTIONS(VinReportDocument)

public:
    // The report as one HTML page (the chart as an embedded image resource of `document`).
    static void fill(QTextDocument &document, const VinReport &report);
    // The odometer chart alone: readings over time, suspected rollbacks in red.
    static QImage odometerChart(const VinReport &report, QSize size);
    // Writes the report to `device` (a QPdfWriter or a QPrinter), A4 portrait unless set otherwise.
    static void print(const VinReport &report, QPagedPaintDevice &device);
    // Writes a PDF file; false (and `error` set) when the file cannot be written.
    static bool writePdf(const VinReport &report, const QString &path, QString *error = nullptr);
};

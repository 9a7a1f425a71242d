#include "FleetTransfer.h"

#include "Async.h"
#include "CarImportWizard.h"
#include "FleetPage.h"
#include "db/DatabaseThread.h"
#include "models/CarTableModel.h"
#include "services/CarExportService.h"
#include "services/CarImportHistory.h"

#include <QFileDialog>
#include <QLocale>
#include <QMessageBox>
#include <QSaveFile>

// The Fleet section's sentences keep the page's translation context (FleetPage::tr).

FleetTransfer::FleetTransfer(DatabaseThread *database, FleetPage *page)
    : QObject(page)
    , m_database(database)
    , m_page(page)
{}

void FleetTransfer::importCars()
{
    auto *wizard = new CarImportWizard(m_page->session().profile(), m_page);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &CarImportWizard::imported, this, [this](const CarImportSummary &summary) {
        emit statusMessage(
            FleetPage::tr("Import %4 done: %1 cars added, %2 updated, %3 unchanged. Undo import takes it back.")
                .arg(QLocale().toString(summary.inserted), QLocale().toString(summary.updated),
                     QLocale().toString(summary.unchanged))
                .arg(summary.importId));
        emit carsChanged();
    });
    wizard->open();
}

// Finds the newest import, asks, then takes it back; all of it on the database thread, in one transaction.
void FleetTransfer::undoImport()
{
    whenFinished(
        m_database->submit([](Database &db) { return CarImportHistory::latest(db); }), this,
        [this](const Result<std::optional<CarImportRecord>> &latest) {
            if (!latest) {
                emit failed(latest.error());
                return;
            }
            if (!*latest) {
                QMessageBox::information(m_page, FleetPage::tr("Undo import"),
                                         FleetPage::tr("There is no import to undo: every import so far has "
                                                       "been undone, or none has added or changed cars."));
                return;
            }
            const CarImportRecord import = **latest;
            QMessageBox question(QMessageBox::Question, FleetPage::tr("Undo import"),
                                 FleetPage::tr("Undo the import of %1?").arg(CarImportHistory::describe(import)),
                                 QMessageBox::Yes | QMessageBox::Cancel, m_page);
            question.setObjectName(QStringLiteral("undoImportQuestion"));
            question.setInformativeText(
                FleetPage::tr("The cars it added are deleted and the values it overwrote are put back. Cars "
                              "that were booked or changed since stay as they are; you get a list of them."));
            question.setDefaultButton(QMessageBox::Cancel);
            if (question.exec() != QMessageBox::Yes)
                return;
            emit statusMessage(FleetPage::tr("Undoing the import of %1…").arg(CarImportHistory::describe(import)));
            const qint64 id = import.id;
            whenFinished(m_database->submit([id](Database &db) { return CarImportHistory::undo(db, id); }), this,
                         [this](const Result<CarImportUndoResult> &undone) {
                             if (!undone) {
                                 emit failed(undone.error());
                                 return;
                             }
                             showUndoResult(*undone);
                             emit carsChanged();
                         });
        });
}

void FleetTransfer::showUndoResult(const CarImportUndoResult &undone)
{
    const QString summary = CarImportHistory::describe(undone);
    emit statusMessage(FleetPage::tr("Import undone: %1").arg(summary));
    QMessageBox box(
        undone.keptCount > 0 ? QMessageBox::Warning : QMessageBox::Information, FleetPage::tr("Undo import"),
        FleetPage::tr("The import of %1 is undone. %2").arg(CarImportHistory::describe(undone.import), summary),
        QMessageBox::Ok, m_page);
    box.setObjectName(QStringLiteral("undoImportResult"));
    if (undone.keptCount > 0) {
        QStringList lines;
        for (const CarImportUndoKept &car : undone.kept)
            lines << car.message;
        if (undone.keptCount > undone.kept.size())
            lines << FleetPage::tr("… and %1 more.").arg(QLocale().toString(undone.keptCount - undone.kept.size()));
        box.setInformativeText(FleetPage::tr("Some cars were left as they are; see the details for each and why."));
        box.setDetailedText(lines.join(QLatin1Char('\n')));
    }
    box.exec();
}

void FleetTransfer::exportView()
{
    const QString path = QFileDialog::getSaveFileName(m_page, FleetPage::tr("Export view"), FleetPage::tr("cars.csv"),
                                                      FleetPage::tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    const CarQuery query = m_page->model()->query();
    const int rows = m_page->model()->rowCount();
    emit statusMessage(FleetPage::tr("Exporting %1 car(s)…", nullptr, rows).arg(QLocale().toString(rows)));
    // The file is written on the database thread as the rows stream in; it replaces the old file only
    // when complete.
    whenFinished(m_database->submit([query, path](Database &db) -> Result<qint64> {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return std::unexpected(Error{Error::Code::InvalidInput,
                                         FleetPage::tr("%1 cannot be written: %2").arg(path, file.errorString())});
        auto written = CarExportService::exportCars(db, query, file);
        if (written && !file.commit())
            return std::unexpected(Error{Error::Code::InvalidInput,
                                         FleetPage::tr("%1 cannot be written: %2").arg(path, file.errorString())});
        return written;
    }),
                 this, [this, path](const Result<qint64> &written) {
                     if (!written) {
                         emit failed(written.error());
                         return;
                     }
                     emit statusMessage(FleetPage::tr("%1 car(s) exported to %2.", nullptr, int(*written))
                                            .arg(QLocale().toString(*written), path));
                 });
}

#pragma once

#include "Error.h"

#include <QObject>

class DatabaseThread;
class FleetPage;
struct CarImportUndoResult;

// Cars in and out of the fleet in bulk: Import… (the import wizard, on a connection of its own), Undo
// import (the newest import taken back in one transaction) and Export view… (the table's cars, as filtered
// and sorted, to a CSV file written on the database thread).
class FleetTransfer : public QObject
{
    Q_OBJECT

public:
    // An import opens its own connection to the page's session's server; the export writes the page's view.
    FleetTransfer(DatabaseThread *database, FleetPage *page);

    void importCars();
    void undoImport();
    void exportView();

signals:
    void statusMessage(const QString &message);
    void failed(const Error &error);
    void carsChanged(); // an import or its undo added, changed or removed cars

private:
    void showUndoResult(const CarImportUndoResult &undone);

    DatabaseThread *m_database;
    FleetPage *m_page;
};

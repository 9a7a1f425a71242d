#pragma once

#include "Error.h"
#include "domain/CarSelection.h"
#include "services/FleetService.h"

#include <QObject>

#include <functional>

class Database;
class DatabaseThread;
class FleetPage;
class QMenu;

// The changes to the selected cars (every car the filter matches when every row is selected): the
// status, the location, the price. Each is one service call, one statement in one transaction with
// an event per changed car; more than one car is changed only after a question.
class FleetBulkActions : public QObject
{
    Q_OBJECT

public:
    FleetBulkActions(DatabaseThread *database, FleetPage *page);

    QMenu *statusMenu() const { return m_statusMenu; }
    QMenu *locationMenu() const { return m_locationMenu; }
    // The locations to move to and the currency of a price change by an amount.
    void setVocabulary(const FleetVocabulary &vocabulary);
    // Asks by how much, then changes the prices.
    void changePrice();

signals:
    void statusMessage(const QString &message);
    void failed(const Error &error);
    void changed(); // cars changed: the table reads them again

private:
    using Change = std::function<Result<int>(Database &, const CarSelection &)>;
    void setStatus(const QString &status);
    void moveTo(const QString &code);
    void run(const QString &description, const Change &change);

    DatabaseThread *m_database;
    FleetPage *m_page;
    QMenu *m_statusMenu;
    QMenu *m_locationMenu;
    QString m_currency;
};

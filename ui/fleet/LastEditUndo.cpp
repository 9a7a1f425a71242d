#include "LastEditUndo.h"

#include "Async.h"
#include "CarEditorDialog.h"
#include "FleetPage.h"
#include "db/DatabaseThread.h"
#include "domain/CarValidator.h"
#include "services/FleetService.h"

#include <QAction>

// The Fleet section's sentences keep the page's translation context (FleetPage::tr).

LastEditUndo::LastEditUndo(DatabaseThread *database, QWidget *page)
    : QObject(page)
    , m_database(database)
    , m_action(new QAction(FleetPage::tr("&Undo last edit"), page))
{
    m_action->setShortcut(QKeySequence::Undo);
    m_action->setEnabled(false);
    connect(m_action, &QAction::triggered, this, &LastEditUndo::undo);
}

void LastEditUndo::remember(const CarDetails &before, const CarDetails &after)
{
    m_before = before;
    m_versionAfter = after.row.version;
    m_action->setEnabled(true);
    m_action->setText(FleetPage::tr("&Undo last edit (stock #%1)").arg(after.row.stockNumber));
}

void LastEditUndo::undo()
{
    if (!m_before)
        return;
    const CarValidation validation = CarValidator::validate(CarEditorDialog::inputFrom(*m_before));
    const qint64 id = m_before->row.id;
    const int version = m_versionAfter;
    const CarRecord record = validation.record;
    const QString stock = m_before->row.stockNumber;
    // Against the version the edit made: if someone changed the car since, the undo is refused.
    whenFinished(m_database->submit(
                     [id, record, version](Database &db) { return FleetService::update(db, id, record, version); }),
                 this, [this, stock](const Result<CarDetails> &restored) {
                     if (!restored) {
                         emit failed(restored.error());
                         return;
                     }
                     m_before.reset();
                     m_action->setEnabled(false);
                     m_action->setText(FleetPage::tr("&Undo last edit"));
                     emit statusMessage(FleetPage::tr("The last edit of stock #%1 was undone.").arg(stock));
                     emit undone(restored->row.id);
                 });
}

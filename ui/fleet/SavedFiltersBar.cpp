#include "SavedFiltersBar.h"

#include "Async.h"
#include "FleetPage.h"
#include "db/DatabaseThread.h"
#include "models/CarTableModel.h"

#include <QAction>
#include <QComboBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>

// The Fleet section's sentences keep the page's translation context (FleetPage::tr).

SavedFiltersBar::SavedFiltersBar(DatabaseThread *database, CarTableModel *model, std::function<CarFilter()> shown,
                                 QWidget *page)
    : QObject(page)
    , m_database(database)
    , m_model(model)
    , m_shown(std::move(shown))
    , m_page(page)
    , m_box(new QComboBox(page))
    , m_save(new QAction(FleetPage::tr("&Save filter…"), page))
    , m_delete(new QAction(FleetPage::tr("Delete saved &filter"), page))
    , m_alert(new QAction(FleetPage::tr("&Alert me about new matches and price drops"), page))
{
    m_box->setAccessibleName(FleetPage::tr("Saved filters"));
    m_box->setMinimumContentsLength(16);
    m_box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_box, &QComboBox::activated, this, &SavedFiltersBar::choose);

    connect(m_save, &QAction::triggered, this, &SavedFiltersBar::save);
    connect(m_delete, &QAction::triggered, this, &SavedFiltersBar::remove);
    m_alert->setCheckable(true);
    m_alert->setEnabled(false);
    m_alert->setToolTip(
        FleetPage::tr("A notification when a new car or a lower price matches the chosen saved filter."));
    connect(m_alert, &QAction::toggled, this, &SavedFiltersBar::setAlert);
}

void SavedFiltersBar::load(const QString &select)
{
    whenFinished(m_database->submit([](Database &db) { return FleetService::savedFilters(db); }), this,
                 [this, select](const Result<QList<SavedFilter>> &filters) {
                     if (!filters) {
                         emit failed(filters.error());
                         return;
                     }
                     m_saved = *filters;
                     const QSignalBlocker blocker(m_box);
                     m_box->clear();
                     m_box->addItem(m_saved.isEmpty() ? FleetPage::tr("No saved filters")
                                                      : FleetPage::tr("Saved filters…"));
                     for (const SavedFilter &filter : m_saved)
                         m_box->addItem(filter.name, filter.id);
                     const int index = m_box->findText(select);
                     m_box->setCurrentIndex(std::max(index, 0));
                     if (index > 0)
                         m_named = m_shown();
                     updateAlertAction();
                 });
}

void SavedFiltersBar::keepNaming(const CarFilter &filter)
{
    m_named = filter;
}

void SavedFiltersBar::noteShown(const CarFilter &filter)
{
    if (m_box->currentIndex() > 0 && filter != m_named) {
        m_box->setCurrentIndex(0);
        updateAlertAction();
    }
}

void SavedFiltersBar::choose(int index)
{
    updateAlertAction();
    if (index <= 0 || index > m_saved.size())
        return;
    emit chosen(m_saved.at(index - 1).filter);
}

void SavedFiltersBar::updateAlertAction()
{
    const int index = m_box->currentIndex();
    const bool chosen = index > 0 && index <= m_saved.size();
    const QSignalBlocker blocker(m_alert);
    m_alert->setEnabled(chosen);
    m_alert->setChecked(chosen && m_saved.at(index - 1).alert);
}

void SavedFiltersBar::setAlert(bool alert)
{
    const int index = m_box->currentIndex();
    if (index <= 0 || index > m_saved.size())
        return;
    const qint64 id = m_saved.at(index - 1).id;
    const QString name = m_saved.at(index - 1).name;
    whenFinished(
        m_database->submit([id, alert](Database &db) { return FleetService::setFilterAlert(db, id, alert); }), this,
        [this, name, alert](const Result<void> &done) {
            if (!done) {
                emit failed(done.error());
                load(name);
                return;
            }
            emit statusMessage(
                alert ? FleetPage::tr("You will be notified of new cars and price drops matching \"%1\".").arg(name)
                      : FleetPage::tr("Alerts for \"%1\" are off.").arg(name));
            load(name);
        });
}

void SavedFiltersBar::save()
{
    const CarFilter filter = m_model->query().filter;
    if (filter.isEmpty()) {
        QMessageBox::information(m_page, FleetPage::tr("Save filter"),
                                 FleetPage::tr("Set a search or a filter first; then save it to use it again."));
        return;
    }
    bool ok = false;
    const QString name =
        QInputDialog::getText(m_page, FleetPage::tr("Save filter"), FleetPage::tr("Name of the filter:"),
                              QLineEdit::Normal, m_box->currentIndex() > 0 ? m_box->currentText() : QString(), &ok);
    if (!ok)
        return;
    whenFinished(
        m_database->submit([name, filter](Database &db) { return FleetService::saveFilter(db, name, filter); }), this,
        [this](const Result<SavedFilter> &saved) {
            if (!saved) {
                emit failed(saved.error());
                return;
            }
            emit statusMessage(FleetPage::tr("Filter \"%1\" saved.").arg(saved->name));
            load(saved->name);
        });
}

void SavedFiltersBar::remove()
{
    const int index = m_box->currentIndex();
    if (index <= 0) {
        QMessageBox::information(m_page, FleetPage::tr("Delete saved filter"),
                                 FleetPage::tr("Choose a saved filter first."));
        return;
    }
    const QString name = m_box->currentText();
    if (QMessageBox::question(m_page, FleetPage::tr("Delete saved filter"),
                              FleetPage::tr("Delete the saved filter \"%1\"?").arg(name)) != QMessageBox::Yes)
        return;
    const qint64 id = m_box->currentData().toLongLong();
    whenFinished(m_database->submit([id](Database &db) { return FleetService::deleteFilter(db, id); }), this,
                 [this, name](const Result<void> &deleted) {
                     if (!deleted) {
                         emit failed(deleted.error());
                         return;
                     }
                     emit statusMessage(FleetPage::tr("Filter \"%1\" deleted.").arg(name));
                     load();
                 });
}

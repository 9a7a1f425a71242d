#include "FleetActions.h"

#include "FleetPage.h"

#include <QAction>
#include <QMenu>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>

#include <optional>

// The Fleet section's sentences keep the page's translation context (FleetPage::tr), so their
// translations stay where they were.

FleetActions::FleetActions(QWidget *page, QToolBar *toolbar)
    : QObject(page)
    , m_page(page)
    , m_toolbar(toolbar)
    , m_menu(new QMenu(FleetPage::tr("F&leet"), page))
    , m_contextMenu(new QMenu(page))
{}

QAction *FleetActions::newAction(const QString &text, const QKeySequence &shortcut)
{
    auto *action = new QAction(text, m_page);
    action->setShortcut(shortcut);
    return action;
}

QAction *FleetActions::add(QAction *action, Group group, int show)
{
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_page->addAction(action);
    m_entries.append({action, group, show});
    return action;
}

void FleetActions::build()
{
    const auto add = [](QMenu *menu, const Entry &entry, std::optional<Group> &previous) {
        if (previous && *previous != entry.group)
            menu->addSeparator();
        previous = entry.group;
        menu->addAction(entry.action);
    };
    auto *selectedCars = new QMenu(m_page);
    auto *savedFilter = new QMenu(m_page);
    std::optional<Group> inMenu;
    std::optional<Group> inContext;
    std::optional<Group> inSelectedCars;
    std::optional<Group> inSavedFilter;
    QList<QAction *> buttons;
    for (const Entry &entry : std::as_const(m_entries)) {
        add(m_menu, entry, inMenu);
        if (entry.show & InContextMenu)
            add(m_contextMenu, entry, inContext);
        if (!(entry.show & OnToolbar))
            continue;
        if (entry.group == Group::SelectedCars)
            add(selectedCars, entry, inSelectedCars);
        else if (entry.group == Group::SavedFilter)
            add(savedFilter, entry, inSavedFilter);
        else
            buttons << entry.action;
    }

    const auto menuButton = [this](const QString &text, const QString &name, QMenu *menu) {
        auto *button = new QToolButton(m_page);
        button->setText(text);
        button->setAccessibleName(name);
        button->setPopupMode(QToolButton::InstantPopup);
        button->setMenu(menu);
        m_toolbar->addWidget(button);
    };
    menuButton(FleetPage::tr("Filter ▾"), FleetPage::tr("Saved filter actions"), savedFilter);
    m_toolbar->addSeparator();
    m_toolbar->addActions(buttons);
    menuButton(FleetPage::tr("&Selected cars"), FleetPage::tr("Actions on the selected cars"), selectedCars);
}

void FleetActions::attachContextMenu(QTableView *table)
{
    const auto popup = [this, table](const QPoint &viewportPosition) {
        m_contextMenu->popup(table->viewport()->mapToGlobal(viewportPosition));
    };
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table, &QWidget::customContextMenuRequested, this,
            [table, popup](const QPoint &position) { popup(table->viewport()->mapFrom(table, position)); });
    // The keyboard's way to it, at the current row.
    auto *contextKey = new QAction(FleetPage::tr("Context menu"), table);
    contextKey->setShortcuts({QKeySequence(Qt::Key_Menu), QKeySequence(Qt::SHIFT | Qt::Key_F10)});
    contextKey->setShortcutContext(Qt::WidgetShortcut);
    table->addAction(contextKey);
    connect(contextKey, &QAction::triggered, this, [table, popup] {
        const QRect cell = table->visualRect(table->currentIndex());
        popup(cell.isValid() && table->viewport()->rect().intersects(cell)
                  ? QPoint(std::max(cell.left(), 0) + 8, cell.bottom())
                  : table->viewport()->rect().center());
    });
}

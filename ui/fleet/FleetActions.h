#pragma once

#include <QAction>
#include <QKeySequence>
#include <QList>
#include <QObject>

class QMenu;
class QPoint;
class QTableView;
class QToolBar;
class QWidget;

// The Fleet page's actions in one list, from which the toolbar, the Fleet menu of the menu bar and the
// table's context menu are built, a separator between groups. Every shortcut works anywhere on the page.
class FleetActions : public QObject
{
    Q_OBJECT

public:
    // The groups: a separator between them in the menus; the selected cars' and the saved filter's
    // actions sit under a toolbar button of their own.
    enum class Group { Cars, CurrentCar, SelectedCars, SavedFilter, View };
    enum Show {
        MenuOnly = 0x0,     // only in the Fleet menu (and by its shortcut)
        OnToolbar = 0x1,    // also on the toolbar (or under the group's toolbar button)
        InContextMenu = 0x2 // also in the table's context menu
    };

    // The shortcuts and the menus belong to `page`; the buttons go on `toolbar`.
    FleetActions(QWidget *page, QToolBar *toolbar);

    // Adds `action` to the list, in menu order; `show` is Show flags.
    QAction *add(QAction *action, Group group, int show);
    template <typename Receiver, typename Slot>
    QAction *add(const QString &text, const QKeySequence &shortcut, Group group, int show, const Receiver *receiver,
                 Slot slot)
    {
        QAction *action = newAction(text, shortcut);
        connect(action, &QAction::triggered, receiver, slot);
        return add(action, group, show);
    }

    // Once every action is in the list: the Fleet menu, the context menu and the toolbar's buttons.
    void build();
    // The table's context menu opens on a right click, and by the Menu key or Shift+F10 at the current row.
    void attachContextMenu(QTableView *table);

    QMenu *menu() const { return m_menu; }
    QMenu *contextMenu() const { return m_contextMenu; }

private:
    struct Entry
    {
        QAction *action;
        Group group;
        int show; // Show flags
    };

    QAction *newAction(const QString &text, const QKeySequence &shortcut);

    QWidget *m_page;
    QToolBar *m_toolbar;
    QMenu *m_menu;
    QMenu *m_contextMenu;
    QList<Entry> m_entries;
};

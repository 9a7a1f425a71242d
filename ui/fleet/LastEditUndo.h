#pragma once

#include "Error.h"
#include "domain/CarRow.h"

#include <QObject>

#include <optional>

class DatabaseThread;
class QAction;
class QWidget;

// Undo last edit: the car as it was before the last edit saved in this window, put back against the
// version that edit gave it, so it is refused when someone changed the car since.
class LastEditUndo : public QObject
{
    Q_OBJECT

public:
    LastEditUndo(DatabaseThread *database, QWidget *page);

    // Off until an edit is remembered; it names the car.
    QAction *action() const { return m_action; }
    // An edit turned the car `before` into `after`.
    void remember(const CarDetails &before, const CarDetails &after);
    void undo();

signals:
    void undone(qint64 carId);
    void statusMessage(const QString &message);
    void failed(const Error &error);

private:
    DatabaseThread *m_database;
    QAction *m_action;
    std::optional<CarDetails> m_before;
    int m_versionAfter = 0;
};

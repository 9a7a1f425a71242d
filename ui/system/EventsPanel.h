#pragma once

#include "services/EventService.h"

#include <QWidget>

class DatabaseThread;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTimer;

// System › Events: the queue (depth, the oldest due event's wait, handled and failed in the last
// minute), the workers that are alive, and the dead letters with their payload and errors, to replay
// or discard. Refreshes every two seconds while it is shown.
class EventsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit EventsPanel(DatabaseThread *database, QWidget *parent = nullptr);

    void refresh();
    QTableWidget *deadLetterTable() const { return m_deadLetters; }
    // The workers alive (HealthService::isAlive): a worker that stopped beating is not listed.
    QTableWidget *workerTable() const { return m_workers; }
    // The queue, the throughput and whether a worker is alive, as the panel says them.
    QString statusText() const;

signals:
    void statusMessage(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showStatus(const EventQueue::Status &status);
    void showDeadLetters(const QList<DeadLetter> &letters);
    void showSelectedLetter();
    void changeSelected(bool replay);

    DatabaseThread *m_database;
    QLabel *m_queue;
    QLabel *m_throughput;
    QLabel *m_workersLabel;
    QTableWidget *m_workers;
    QTableWidget *m_deadLetters;
    QPlainTextEdit *m_letterDetail;
    QPushButton *m_replay;
    QPushButton *m_discard;
    QTimer *m_timer;
    QList<DeadLetter> m_letters;
    bool m_reading = false;
};

// System › Activity: who did what, newest first, as sentences; a search over who did it and what it was
// about (stock numbers, VINs, names), and a filter by kind. Both are answered by the database.
class ActivityPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ActivityPanel(DatabaseThread *database, QWidget *parent = nullptr);
    void refresh();
    QTableWidget *table() const { return m_table; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *kindBox() const { return m_kind; }

signals:
    void loaded(); // the lines for the current search and kind are shown

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showEntries(const ActivityFilter &filter, const Result<QList<ActivityEntry>> &entries);
    ActivityFilter filter() const;

    DatabaseThread *m_database;
    QLineEdit *m_search;
    QComboBox *m_kind;
    QTimer *m_typing; // a search starts once typing pauses
    QTableWidget *m_table;
    QLabel *m_empty;
    bool m_reading = false;
    bool m_readAgain = false; // the search or the kind changed while a read was out
};

#include "EventsPanel.h"

#include "Async.h"
#include "db/DatabaseThread.h"
#include "events/ActivityFeed.h"
#include "services/HealthService.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace {

constexpr int kRefreshMs = 2000;

QTableWidget *makeTable(const QStringList &headers, const QString &accessibleName, QWidget *parent)
{
    auto *table = new QTableWidget(parent);
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setAccessibleName(accessibleName);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setWordWrap(false);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QString ago(qint64 seconds)
{
    if (seconds < 60)
        return EventsPanel::tr("%n s ago", nullptr, int(seconds));
    if (seconds < 3600)
        return EventsPanel::tr("%n min ago", nullptr, int(seconds / 60));
    return EventsPanel::tr("%n h ago", nullptr, int(seconds / 3600));
}

} // namespace

EventsPanel::EventsPanel(DatabaseThread *database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_queue(new QLabel(this))
    , m_throughput(new QLabel(this))
    , m_workersLabel(new QLabel(tr("Workers alive:"), this))
    , m_workers(
          makeTable({tr("Worker"), tr("Host"), tr("Process"), tr("Version"), tr("Last seen")}, tr("Workers"), this))
    , m_deadLetters(makeTable({tr("Event"), tr("Topic"), tr("Key"), tr("Attempts"), tr("Failed at"), tr("Last error")},
                              tr("Failed events"), this))
    , m_letterDetail(new QPlainTextEdit(this))
    , m_replay(new QPushButton(tr("&Replay"), this))
    , m_discard(new QPushButton(tr("&Discard…"), this))
    , m_timer(new QTimer(this))
{
    m_queue->setObjectName(QStringLiteral("queueStatus"));
    m_queue->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_throughput->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_letterDetail->setReadOnly(true);
    m_letterDetail->setAccessibleName(tr("Payload and errors of the failed event"));
    m_letterDetail->setPlaceholderText(tr("Select a failed event to see its payload and every attempt's error."));
    m_replay->setToolTip(tr("Queue the event again; the workers handle it as new."));
    m_discard->setToolTip(tr("Remove the event for good; the activity feed records who did it."));
    m_replay->setEnabled(false);
    m_discard->setEnabled(false);

    auto *lettersLabel = new QLabel(tr("Failed events (dead letters):"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_replay);
    buttons->addWidget(m_discard);

    auto *letters = new QWidget(this);
    auto *lettersLayout = new QVBoxLayout(letters);
    lettersLayout->setContentsMargins(0, 0, 0, 0);
    lettersLayout->addWidget(lettersLabel);
    auto *splitter = new QSplitter(Qt::Horizontal, letters);
    splitter->addWidget(m_deadLetters);
    splitter->addWidget(m_letterDetail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    lettersLayout->addWidget(splitter, 1);
    lettersLayout->addLayout(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_queue);
    layout->addWidget(m_throughput);
    layout->addWidget(m_workersLabel);
    layout->addWidget(m_workers, 1);
    layout->addWidget(letters, 2);

    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &EventsPanel::refresh);
    connect(m_deadLetters, &QTableWidget::itemSelectionChanged, this, &EventsPanel::showSelectedLetter);
    connect(m_replay, &QPushButton::clicked, this, [this] { changeSelected(true); });
    connect(m_discard, &QPushButton::clicked, this, [this] { changeSelected(false); });
    m_queue->setText(tr("Reading the queue…"));
}

void EventsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_timer->start();
}

void EventsPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
}

QString EventsPanel::statusText() const
{
    return m_queue->text() + QLatin1Char('\n') + m_throughput->text() + QLatin1Char('\n') + m_workersLabel->text();
}

void EventsPanel::refresh()
{
    if (m_reading)
        return; // the last read is still out: a slow server is not asked twice
    m_reading = true;
    whenFinished(m_database->submit([](Database &db) -> Result<std::pair<EventQueue::Status, QList<DeadLetter>>> {
        auto status = EventService::status(db);
        if (!status)
            return std::unexpected(status.error());
        auto letters = EventService::deadLetters(db);
        if (!letters)
            return std::unexpected(letters.error());
        return std::pair{*status, *letters};
    }),
                 this, [this](const Result<std::pair<EventQueue::Status, QList<DeadLetter>>> &read) {
                     m_reading = false;
                     if (!read) {
                         m_queue->setText(read.error().message);
                         return;
                     }
                     showStatus(read->first);
                     showDeadLetters(read->second);
                 });
}

void EventsPanel::showStatus(const EventQueue::Status &status)
{
    const QLocale locale;
    m_queue->setText(status.due == 0 ? tr("Queue: %1 event(s) waiting, none due.").arg(locale.toString(status.pending))
                                     : tr("Queue: %1 event(s) waiting, %2 due; the oldest due for %3 s.")
                                           .arg(locale.toString(status.pending), locale.toString(status.due))
                                           .arg(status.oldestDueSeconds));
    m_throughput->setText(tr("Handled per minute (the last full minute): %1 · failed attempts: %2 · failed events: %3")
                              .arg(locale.toString(status.handledLastMinute), locale.toString(status.failedLastMinute),
                                   locale.toString(status.deadLetters)));
    // Alive by HealthService's one rule, the one `forecourt health` applies: a worker that crashed stays in
    // the heartbeats until the others forget it, but it is not alive.
    QList<EventQueue::WorkerStatus> alive;
    std::copy_if(status.workers.cbegin(), status.workers.cend(), std::back_inserter(alive), &HealthService::isAlive);
    m_workersLabel->setText(alive.isEmpty() ? tr("Workers alive: none. Events wait until a Forecourt window or "
                                                 "\"forecourt worker\" runs.")
                                            : tr("Workers alive:"));
    m_workers->setRowCount(int(alive.size()));
    for (int row = 0; row < alive.size(); ++row) {
        const EventQueue::WorkerStatus &worker = alive.at(row);
        m_workers->setItem(row, 0, new QTableWidgetItem(worker.id));
        m_workers->setItem(row, 1, new QTableWidgetItem(worker.host));
        m_workers->setItem(row, 2, new QTableWidgetItem(QString::number(worker.pid)));
        m_workers->setItem(row, 3, new QTableWidgetItem(worker.version));
        m_workers->setItem(row, 4, new QTableWidgetItem(ago(worker.secondsSinceSeen)));
    }
    m_workers->resizeColumnsToContents();
}

void EventsPanel::showDeadLetters(const QList<DeadLetter> &letters)
{
    const qint64 selected = m_deadLetters->currentRow() >= 0 && m_deadLetters->currentRow() < m_letters.size()
                                ? m_letters.at(m_deadLetters->currentRow()).id
                                : 0;
    m_letters = letters;
    const QSignalBlocker blocker(m_deadLetters);
    m_deadLetters->setRowCount(int(letters.size()));
    int selectRow = -1;
    for (int row = 0; row < letters.size(); ++row) {
        const DeadLetter &letter = letters.at(row);
        const QString lastError = letter.errors.isEmpty()
                                      ? QString()
                                      : letter.errors.last().toObject().value(QStringLiteral("error")).toString();
        m_deadLetters->setItem(row, 0, new QTableWidgetItem(QString::number(letter.id)));
        m_deadLetters->setItem(row, 1, new QTableWidgetItem(letter.topic));
        m_deadLetters->setItem(row, 2, new QTableWidgetItem(letter.key));
        m_deadLetters->setItem(row, 3, new QTableWidgetItem(QString::number(letter.attempts)));
        m_deadLetters->setItem(row, 4, new QTableWidgetItem(QLocale().toString(letter.failedAt, QLocale::ShortFormat)));
        m_deadLetters->setItem(row, 5, new QTableWidgetItem(lastError));
        if (letter.id == selected)
            selectRow = row;
    }
    m_deadLetters->resizeColumnsToContents();
    if (selectRow >= 0)
        m_deadLetters->selectRow(selectRow);
    else
        m_deadLetters->clearSelection();
    showSelectedLetter();
}

void EventsPanel::showSelectedLetter()
{
    const int row = m_deadLetters->selectionModel()->hasSelection() ? m_deadLetters->currentRow() : -1;
    const bool chosen = row >= 0 && row < m_letters.size();
    m_replay->setEnabled(chosen);
    m_discard->setEnabled(chosen);
    if (!chosen) {
        m_letterDetail->clear();
        return;
    }
    const DeadLetter &letter = m_letters.at(row);
    QString text = tr("Payload:") + QLatin1Char('\n') +
                   QString::fromUtf8(QJsonDocument(letter.payload).toJson(QJsonDocument::Indented)) +
                   QLatin1Char('\n') + tr("Attempts:") + QLatin1Char('\n');
    for (const QJsonValue &attempt : letter.errors) {
        const QJsonObject object = attempt.toObject();
        text +=
            tr("%1. %2 (%3): %4")
                .arg(object.value(QStringLiteral("attempt")).toInt())
                .arg(object.value(QStringLiteral("at")).toString(), object.value(QStringLiteral("worker")).toString(),
                     object.value(QStringLiteral("error")).toString()) +
            QLatin1Char('\n');
    }
    m_letterDetail->setPlainText(text);
}

void EventsPanel::changeSelected(bool replay)
{
    const int row = m_deadLetters->currentRow();
    if (row < 0 || row >= m_letters.size())
        return;
    const DeadLetter letter = m_letters.at(row);
    const QString question =
        replay
            ? tr("Replay the failed event #%1 (%2)? The workers will handle it again.").arg(letter.id).arg(letter.topic)
            : tr("Discard the failed event #%1 (%2) for good? Its effect will never happen.")
                  .arg(letter.id)
                  .arg(letter.topic);
    if (QMessageBox::question(this, replay ? tr("Replay event") : tr("Discard event"), question) != QMessageBox::Yes)
        return;
    const qint64 id = letter.id;
    whenFinished(m_database->submit([id, replay](Database &db) {
        return replay ? EventService::replay(db, id) : EventService::discard(db, id);
    }),
                 this, [this, id, replay](const Result<void> &done) {
                     if (!done)
                         QMessageBox::warning(this, tr("Failed events"), done.error().message);
                     else
                         emit statusMessage(replay ? tr("Event #%1 queued again.").arg(id)
                                                   : tr("Event #%1 discarded.").arg(id));
                     refresh();
                 });
}

ActivityPanel::ActivityPanel(DatabaseThread *database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_search(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_typing(new QTimer(this))
    , m_table(makeTable({tr("When"), tr("What")}, tr("Activity"), this))
    , m_empty(new QLabel(this))
{
    m_search->setObjectName(QStringLiteral("activitySearch"));
    m_search->setAccessibleName(tr("Search the activity"));
    m_search->setPlaceholderText(tr("Search: who, stock number, VIN, customer, make…"));
    m_search->setClearButtonEnabled(true);
    m_kind->setObjectName(QStringLiteral("activityKind"));
    m_kind->setAccessibleName(tr("Kind of activity"));
    m_kind->addItem(tr("All kinds"), QString());
    for (const ActivityFeed::Kind &kind : ActivityFeed::kinds())
        m_kind->addItem(kind.label, kind.key);
    m_empty->setObjectName(QStringLiteral("activityMessage"));
    m_empty->setWordWrap(true);
    m_empty->hide();
    m_table->setObjectName(QStringLiteral("activityTable"));
    m_typing->setSingleShot(true);
    m_typing->setInterval(300);

    auto *searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_search);
    auto *kindLabel = new QLabel(tr("&Kind:"), this);
    kindLabel->setBuddy(m_kind);
    auto *refresh = new QPushButton(tr("Re&fresh"), this);
    connect(refresh, &QPushButton::clicked, this, &ActivityPanel::refresh);
    connect(m_search, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, &ActivityPanel::refresh);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ActivityPanel::refresh);

    m_search->setMaximumWidth(m_search->fontMetrics().averageCharWidth() * 70); // not across a wide screen
    auto *bar = new QHBoxLayout;
    bar->addWidget(searchLabel);
    bar->addWidget(m_search, 1);
    bar->addStretch();
    bar->addWidget(kindLabel);
    bar->addWidget(m_kind);
    bar->addWidget(refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_empty);
    layout->addWidget(m_table, 1);
}

void ActivityPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

ActivityFilter ActivityPanel::filter() const
{
    return {m_kind->currentData().toString(), m_search->text().trimmed()};
}

void ActivityPanel::refresh()
{
    m_typing->stop();
    if (m_reading) {
        m_readAgain = true; // a slow server is not asked twice at once; the newest filter follows
        return;
    }
    m_reading = true;
    const ActivityFilter wanted = filter();
    whenFinished(m_database->submit([wanted](Database &db) { return EventService::activity(db, wanted); }), this,
                 [this, wanted](const Result<QList<ActivityEntry>> &entries) {
                     m_reading = false;
                     if (m_readAgain) {
                         m_readAgain = false;
                         refresh();
                         return;
                     }
                     showEntries(wanted, entries);
                 });
}

void ActivityPanel::showEntries(const ActivityFilter &filter, const Result<QList<ActivityEntry>> &entries)
{
    if (!entries) {
        m_empty->setText(entries.error().message);
        m_empty->show();
        return;
    }
    if (entries->isEmpty())
        m_empty->setText(filter.text.isEmpty() && filter.kind.isEmpty()
                             ? tr("Nothing has happened yet. Changes to cars, bookings, customers and VIN reports "
                                  "show here.")
                             : tr("Nothing matches the search and the kind chosen. Change the search words or "
                                  "choose All kinds."));
    m_empty->setVisible(entries->isEmpty());
    m_table->setRowCount(int(entries->size()));
    for (int row = 0; row < entries->size(); ++row) {
        const ActivityEntry &entry = entries->at(row);
        m_table->setItem(row, 0, new QTableWidgetItem(QLocale().toString(entry.at, QLocale::ShortFormat)));
        auto *what = new QTableWidgetItem(ActivityFeed::summary(entry));
        what->setToolTip(what->text()); // a long line is cut at the window's edge
        m_table->setItem(row, 1, what);
    }
    m_table->resizeColumnToContents(0);
    emit loaded();
}

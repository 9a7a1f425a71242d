#pragma once

#include <QObject>
#include <QTimer>

class DatabaseThread;

// Watches the connection of a DatabaseThread with a light query: every few seconds while healthy, and
// with growing pauses while it is lost (each attempt reconnects, restarting the local server if needed).
class ConnectionMonitor : public QObject
{
    Q_OBJECT

public:
    enum class State { Unknown, Healthy, Lost };
    Q_ENUM(State)

    explicit ConnectionMonitor(DatabaseThread *database, QObject *parent = nullptr);

    void start();
    void stop();
    State state() const { return m_state; }

public slots:
    void checkNow();

signals:
    void stateChanged(ConnectionMonitor::State state, const QString &message);
    // The connection works again after it was lost.
    void reconnected();

private:
    void handleResult(bool ok, const QString &message);

    DatabaseThread *m_database;
    QTimer m_timer;
    State m_state = State::Unknown;
    int m_failures = 0;
    bool m_checking = false;
    quint64 m_generation = 0;
};

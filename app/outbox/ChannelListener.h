#pragma once

#include <QStringList>

#include <pqxx/connection>

#include <memory>
#include <string>

// LISTENs on one channel on a connection that may be replaced (Database reconnects): attach() to the
// current connection before waiting, detach() before a lost connection is dropped.
class ChannelListener
{
public:
    explicit ChannelListener(std::string channel);
    ~ChannelListener();
    ChannelListener(const ChannelListener &) = delete;
    ChannelListener &operator=(const ChannelListener &) = delete;

    void attach(pqxx::connection &connection);
    void detach();
    // Waits up to `ms` (in 100 ms slices, until `stop()` says so) for a notification; true when any
    // arrived. The payloads collect until take().
    template <typename Stop> bool wait(pqxx::connection &connection, int ms, Stop stop)
    {
        const auto before = m_payloads.size();
        for (int waited = 0; waited < ms && m_payloads.size() == before && !stop(); waited += 100)
            connection.await_notification(0, 100 * 1000);
        return m_payloads.size() > before;
    }
    QStringList take();

private:
    class Receiver;
    std::string m_channel;
    std::unique_ptr<Receiver> m_receiver;
    pqxx::connection *m_connection = nullptr;
    QStringList m_payloads;
};

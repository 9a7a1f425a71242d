#include "ChannelListener.h"

#include <pqxx/notification>

class ChannelListener::Receiver : public pqxx::notification_receiver
{
public:
    Receiver(pqxx::connection_base &connection, const std::string &channel, QStringList &payloads)
        : pqxx::notification_receiver(connection, channel)
        , m_payloads(payloads)
    {}
    void operator()(const std::string &payload, int) override { m_payloads.append(QString::fromStdString(payload)); }

private:
    QStringList &m_payloads;
};

ChannelListener::ChannelListener(std::string channel)
    : m_channel(std::move(channel))
{}

ChannelListener::~ChannelListener() = default;

void ChannelListener::attach(pqxx::connection &connection)
{
    if (&connection == m_connection && m_receiver)
        return;
    m_receiver.reset();
    m_receiver = std::make_unique<Receiver>(connection, m_channel, m_payloads);
    m_connection = &connection;
}

void ChannelListener::detach()
{
    m_receiver.reset();
    m_connection = nullptr;
}

QStringList ChannelListener::take()
{
    return std::exchange(m_payloads, {});
}

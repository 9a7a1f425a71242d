#include "ConnectionMonitor.h"

#include "Async.h"
#include "DatabaseThread.h"
#include "Logging.h"

#include <pqxx/pqxx>

#include <array>

namespace {
constexpr int kHealthyIntervalMs = 5000;
constexpr std::array kRetryDelaysMs = {1000, 2000, 5000, 10000, 30000};
} // namespace

ConnectionMonitor::ConnectionMonitor(DatabaseThread *database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionMonitor::checkNow);
}

void ConnectionMonitor::start()
{
    m_timer.start(kHealthyIntervalMs);
}

void ConnectionMonitor::stop()
{
    m_timer.stop();
    ++m_generation; // a check still under way reports to nobody
    m_checking = false;
    m_failures = 0;
    m_state = State::Unknown;
}

void ConnectionMonitor::checkNow()
{
    if (m_checking)
        return;
    m_checking = true;
    const quint64 generation = m_generation;
    whenFinished(m_database->submit([](Database &db) {
        return db.guard([](pqxx::connection &c) {
            pqxx::nontransaction work(c);
            work.exec("SELECT 1");
        });
    }),
                 this, [this, generation](const Result<void> &result) {
                     if (generation != m_generation)
                         return;
                     m_checking = false;
                     handleResult(result.has_value(), result ? QString() : result.error().message);
                 });
}

void ConnectionMonitor::handleResult(bool ok, const QString &message)
{
    const State previous = m_state;
    if (ok) {
        m_failures = 0;
        m_state = State::Healthy;
        m_timer.start(kHealthyIntervalMs);
    } else {
        m_state = State::Lost;
        const int delay = kRetryDelaysMs[std::min<size_t>(static_cast<size_t>(m_failures), kRetryDelaysMs.size() - 1)];
        ++m_failures;
        m_timer.start(delay);
        qCWarning(lcDb) << "connection check failed:" << message << "- retrying in" << delay << "ms";
    }
    if (previous != m_state || !ok)
        emit stateChanged(m_state, message);
    if (previous == State::Lost && m_state == State::Healthy)
        emit reconnected();
}

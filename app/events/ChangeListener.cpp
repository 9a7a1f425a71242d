#include "ChangeListener.h"

#include "Logging.h"
#include "db/Database.h"
#include "outbox/ChannelListener.h"
#include "outbox/Outbox.h"

#include <pqxx/pqxx>

ChangeListener::ChangeListener(const ConnectionProfile &profile, QObject *parent)
    : QThread(parent)
    , m_profile(profile)
{
    setObjectName(QStringLiteral("ChangeListener"));
}

ChangeListener::~ChangeListener()
{
    requestInterruption();
    wait();
}

void ChangeListener::run()
{
    std::unique_ptr<Database> database;
    ChannelListener changes(Outbox::ChangeChannel);
    const auto stopping = [this] { return isInterruptionRequested(); };
    while (!isInterruptionRequested()) {
        if (!database) {
            auto opened = Database::open(m_profile);
            if (!opened) {
                msleep(1000);
                continue;
            }
            database = std::move(*opened);
        }
        if (!database->isConnected())
            changes.detach(); // before connection() replaces the lost connection
        try {
            pqxx::connection &connection = database->connection();
            changes.attach(connection);
            if (changes.wait(connection, 1000, stopping)) {
                QStringList keys = changes.take();
                keys.removeDuplicates();
                emit changed(keys);
            }
        } catch (const std::exception &exception) {
            qCInfo(lcDb) << "change listener:" << exception.what();
            changes.detach();
            database->dropConnection();
            msleep(500);
        }
    }
    changes.detach();
}

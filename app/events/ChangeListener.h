#pragma once

#include "db/ConnectionProfile.h"

#include <QStringList>
#include <QThread>

// Tells an open Forecourt what other desks changed: a QThread with its own connection that LISTENs on
// Outbox::ChangeChannel and emits the keys ("car:42", "car:*") that changed, a few at a time. Reconnects
// on its own when the connection is lost.
class ChangeListener : public QThread
{
    Q_OBJECT

public:
    explicit ChangeListener(const ConnectionProfile &profile, QObject *parent = nullptr);
    ~ChangeListener() override; // stops and waits

signals:
    // From the listener's thread; each key once.
    void changed(const QStringList &keys);

protected:
    void run() override;

private:
    ConnectionProfile m_profile;
};

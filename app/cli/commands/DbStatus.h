#pragma once

#include "cli/Command.h"

struct ServerInfo;
class QJsonObject;

namespace Commands {

// `forecourt db status`: where the data lives, the server and the schema version.
class DbStatus : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    DbStatus();

protected:
    int execute(const QStringList &operands) override;

private:
    static QJsonObject toJson(const ServerInfo &info);
};

} // namespace Commands

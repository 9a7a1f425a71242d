#pragma once

#include "cli/Command.h"

#include <functional>

struct VinRequestRow;
class QJsonObject;

namespace Commands {

// What the `forecourt vin` commands share: reading VINs from stdin, and showing VIN report requests.
class VinCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    // `vin request` asks for its VINs in one batch, and `--wait` follows that many.
    static constexpr qsizetype kMostVinsPerRequest = 100'000;

protected:
    using Command::Command;

    // Calls `take` with each VIN on stdin, one a line (blank lines skipped), as soon as its line has
    // arrived, holding no more than one line; stops early when `take` returns false. Ok, or the exit code
    // of the error already printed.
    static int forEachStdinVin(const std::function<bool(const QString &vin)> &take);

    // The requests as a JSON array with --json, else one line each: id, VIN, status and what came of it.
    void showRequests(const QList<VinRequestRow> &rows) const;

private:
    static void printRequest(const VinRequestRow &row);
    static QJsonObject toJson(const VinRequestRow &row);
};

} // namespace Commands

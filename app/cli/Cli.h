#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <span>

class Command;

// `forecourt <command>`: the administration commands. Each returns the process exit code:
// 0 success, 1 failure (one line on stderr says why), 2 wrong usage, 3 `server status` of a stopped server.
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    // One line of the command table: what `forecourt --help` lists and run() dispatches to.
    struct Entry
    {
        const char *name;    // the command's words, "db status"
        const char *summary; // its line in `forecourt --help` (translated in the context "Cli")
        std::unique_ptr<Command> (*create)();
        // At most this many command words may follow the name (kAnyOperands: the command checks them);
        // more are refused with `tooMany`, whose %1 is the name.
        int maxOperands;
        const char *tooMany;
    };
    static constexpr int kAnyOperands = -1;

    static std::span<const Entry> commands();
    // The options that take a value, of every command: what follows one is not a command word.
    static QStringList optionsWithValue();

    // True when the arguments ask for a command (or --help/--version) rather than the GUI.
    static bool wantsCli(const QStringList &arguments);
    // True when the command lays out text (a PDF): it needs a QGuiApplication.
    static bool needsFonts(const QStringList &arguments);
    static int run(const QStringList &arguments);
};

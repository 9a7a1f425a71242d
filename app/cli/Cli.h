#pragma once

#include <QCoreApplication>
#include <QStringList>

// `forecourt <command>`: the administration commands. Each returns the process exit code:
// 0 success, 1 failure (one line on stderr says why), 2 wrong usage, 3 `server status` of a stopped server.
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    // True when the arguments ask for a command (or --help/--version) rather than the GUI.
    static bool wantsCli(const QStringList &arguments);
    // True when the command lays out text (a PDF): it needs a QGuiApplication.
    static bool needsFonts(const QStringList &arguments);
    static int run(const QStringList &arguments);
};

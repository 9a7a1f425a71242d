#pragma once

#include "Error.h"
#include "cli/TerminalStream.h"
#include "db/ConnectionProfile.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <memory>

class Database;

// One `forecourt <command>` (after KeePassXC's cli/Command): its options, its help and what it does. run()
// parses the command line with the options every command has (--help, --data-dir, --server and, where the
// command prints a result, --json) and the command's own, prints the help or a usage error, and otherwise
// calls execute(). Cli's table names every command.
//
// The commands' strings keep the translation context "Cli" (Q_DECLARE_TR_FUNCTIONS(Cli) in each class),
// so their translations stay where they were before the commands had classes of their own.
class Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    // The process's exit code.
    enum ExitCode : int { Ok = 0, Failed = 1, Usage = 2, NotRunning = 3 };
    // Problems shown on stderr; the rest are counted.
    static constexpr int kShownProblems = 20;

    virtual ~Command();
    Command(const Command &) = delete;
    Command &operator=(const Command &) = delete;

    // `arguments`: the whole command line, the program first; `operands`: the command words after the
    // command's name (a file, VINs, ids). Returns the exit code.
    int run(const QStringList &arguments, const QStringList &operands);

    // Every option the command takes, the common ones included.
    QList<QCommandLineOption> options() const;
    // The options every command takes, which also work before the command's name.
    static QCommandLineOption dataDirOption();
    static QCommandLineOption serverOption();

    // The standard output and error: every command writes through these, which show data's control
    // characters escaped.
    static TerminalStream &out();
    static TerminalStream &err();
    // "forecourt: " and the error on stderr; returns Failed.
    static int failWith(const Error &error);
    // "forecourt: " and `message` on stderr, with where to find the commands; returns Usage.
    static int usageError(const QString &message);
    // A whole number from `min` to `max`, or the usage error that names the option and the range. Every
    // numeric option goes through here, so none can overflow what it is stored in.
    static Result<qint64> wholeNumber(const QString &option, const QString &text, qint64 min, qint64 max);

protected:
    enum class Json { Taken, NotTaken };
    // `synopsis`: how the command is written ("import cars FILE.csv"); `description`: what it does, the
    // first paragraph of its help; `json`: whether it takes --json.
    Command(const QString &synopsis, const QString &description, Json json);
    // The command's own options (in its constructor).
    void addOptions(const QList<QCommandLineOption> &options) { m_ownOptions << options; }

    // Runs the command once its options are parsed; returns the exit code.
    virtual int execute(const QStringList &operands) = 0;

    const QCommandLineParser &parser() const { return m_parser; }
    bool isSet(const QCommandLineOption &option) const { return m_parser.isSet(option); }
    QString value(const QCommandLineOption &option) const { return m_parser.value(option); }
    // The option's value as a whole number from `min` to `max` (see the static wholeNumber()).
    Result<qint64> wholeNumber(const QCommandLineOption &option, qint64 min, qint64 max) const;
    bool json() const { return m_withJson && m_parser.isSet(m_json); }
    bool serverGiven() const { return m_parser.isSet(m_server); }
    QString dataDir() const { return m_parser.value(m_dataDir); }
    // Where the data lives: --server, PG* variables or the local server (ConnectionProfile::resolve()).
    ConnectionProfile profile() const;
    // The database of profile(), migrated first when `migrate` (a command that writes needs the current
    // schema; one that only reads shows what is there).
    Result<std::unique_ptr<Database>> openDatabase(bool migrate) const;

private:
    QString m_synopsis;
    QString m_description;
    QList<QCommandLineOption> m_ownOptions;
    bool m_withJson = true;
    QCommandLineOption m_dataDir;
    QCommandLineOption m_server;
    QCommandLineOption m_json;
    QCommandLineParser m_parser;
};

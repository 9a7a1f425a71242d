#include "Cli.h"

#include "AppInfo.h"
#include "cli/Command.h"
#include "cli/TerminalStream.h"
#include "cli/commands/DbMigrate.h"
#include "cli/commands/DbStatus.h"
#include "cli/commands/DemoData.h"
#include "cli/commands/ExportCars.h"
#include "cli/commands/Health.h"
#include "cli/commands/ImportCars.h"
#include "cli/commands/ImportUndo.h"
#include "cli/commands/Invoice.h"
#include "cli/commands/Quote.h"
#include "cli/commands/ServerStart.h"
#include "cli/commands/ServerStatus.h"
#include "cli/commands/ServerStop.h"
#include "cli/commands/Stats.h"
#include "cli/commands/VinDecode.h"
#include "cli/commands/VinReport.h"
#include "cli/commands/VinRequest.h"
#include "cli/commands/VinRequests.h"
#include "cli/commands/VinRetry.h"
#include "cli/commands/Worker.h"

#include <QCommandLineParser>

#include <algorithm>

namespace {

template <typename C> std::unique_ptr<Command> make()
{
    return std::make_unique<C>();
}

// The usual ways of refusing words after a command's name.
const char *const kNoFurtherArguments = QT_TRANSLATE_NOOP("Cli", "\"%1\" takes no further arguments.");
const char *const kOptionsOnly = QT_TRANSLATE_NOOP("Cli", "\"%1\" takes no arguments besides its options.");
constexpr int kAny = Cli::kAnyOperands;

// Every command, in the order `forecourt --help` lists them.
const Cli::Entry kCommands[] = {
    {"db status", QT_TRANSLATE_NOOP("Cli", "where the data lives, server and schema version"), make<Commands::DbStatus>,
     0, kNoFurtherArguments},
    {"db migrate", QT_TRANSLATE_NOOP("Cli", "apply pending schema migrations"), make<Commands::DbMigrate>, 0,
     kNoFurtherArguments},
    {"server start", QT_TRANSLATE_NOOP("Cli", "start the local PostgreSQL server and keep it running"),
     make<Commands::ServerStart>, 0, kNoFurtherArguments},
    {"server stop", QT_TRANSLATE_NOOP("Cli", "stop the local server"), make<Commands::ServerStop>, 0,
     kNoFurtherArguments},
    {"server status", QT_TRANSLATE_NOOP("Cli", "show the local server (--json includes its connection URI)"),
     make<Commands::ServerStatus>, 0, kNoFurtherArguments},
    {"demo-data", QT_TRANSLATE_NOOP("Cli", "fill the database with realistic demo data"), make<Commands::DemoData>, 0,
     kOptionsOnly},
    {"import cars", QT_TRANSLATE_NOOP("Cli", "import cars from a CSV file (import cars FILE.csv)"),
     make<Commands::ImportCars>, 1, QT_TRANSLATE_NOOP("Cli", "\"%1\" takes one file.")},
    {"import undo", QT_TRANSLATE_NOOP("Cli", "take back the last import (or import undo ID)"),
     make<Commands::ImportUndo>, kAny, nullptr},
    {"export cars", QT_TRANSLATE_NOOP("Cli", "write the cars, filtered, to CSV"), make<Commands::ExportCars>, 0,
     kOptionsOnly},
    {"worker", QT_TRANSLATE_NOOP("Cli", "handle the queued events without a window, until SIGTERM"),
     make<Commands::Worker>, 0, kOptionsOnly},
    {"health", QT_TRANSLATE_NOOP("Cli", "check the database, the schema, the workers and the queue"),
     make<Commands::Health>, 0, kOptionsOnly},
    {"stats", QT_TRANSLATE_NOOP("Cli", "a dashboard's figures: stats stock|rentals|sales|vin|operations"),
     make<Commands::Stats>, 1,
     QT_TRANSLATE_NOOP("Cli", "\"%1\" takes one dashboard: stock, rentals, sales, vin or operations.")},
    {"quote", QT_TRANSLATE_NOOP("Cli", "the price the rental desk would quote for a car and a period"),
     make<Commands::Quote>, 0, kOptionsOnly},
    {"invoice",
     QT_TRANSLATE_NOOP("Cli", "write a completed booking's invoice as a PDF (invoice BOOKING_ID --pdf FILE)"),
     make<Commands::Invoice>, 1, QT_TRANSLATE_NOOP("Cli", "\"%1\" takes one booking id.")},
    {"vin decode", QT_TRANSLATE_NOOP("Cli", "decode VINs offline: manufacturer, country, model year, check digit"),
     make<Commands::VinDecode>, kAny, nullptr},
    {"vin request", QT_TRANSLATE_NOOP("Cli", "ask for VIN reports (made by the worker); --wait to wait for them"),
     make<Commands::VinRequest>, kAny, nullptr},
    {"vin requests", QT_TRANSLATE_NOOP("Cli", "list the VIN report requests"), make<Commands::VinRequests>, 0,
     kOptionsOnly},
    {"vin report", QT_TRANSLATE_NOOP("Cli", "show a VIN's newest report, or write it as a PDF (--pdf FILE)"),
     make<Commands::VinReport>, 1, QT_TRANSLATE_NOOP("Cli", "\"%1\" takes one VIN.")},
    {"vin retry", QT_TRANSLATE_NOOP("Cli", "queue failed VIN report requests again"), make<Commands::VinRetry>, kAny,
     nullptr},
};

// The first words of the commands of two words, and what a word after them that names no command gets.
struct CommandGroup
{
    const char *name;
    const char *unknown;           // its %1 is the word (empty when none followed)
    const char *missing = nullptr; // instead of `unknown` when no word followed
    const char *helpOf = nullptr;  // the command whose help "<group> --help" shows (else the list of commands)
};
const CommandGroup kGroups[] = {
    {"db", QT_TRANSLATE_NOOP("Cli", "Unknown db command \"%1\": use \"db status\" or \"db migrate\".")},
    {"server", QT_TRANSLATE_NOOP("Cli", "Unknown server command \"%1\": use start, stop or status."), nullptr,
     "server status"},
    {"import", QT_TRANSLATE_NOOP("Cli", "Unknown import command \"%1\": use \"import cars\" or \"import undo\".")},
    {"export", QT_TRANSLATE_NOOP("Cli", "Unknown export command \"%1\": use \"export cars\".")},
    {"vin",
     QT_TRANSLATE_NOOP("Cli", "Unknown vin command \"%1\": use \"vin decode\", \"vin request\", \"vin requests\", "
                              "\"vin report\" or \"vin retry\"."),
     QT_TRANSLATE_NOOP("Cli", "\"vin\" needs a command: use \"vin decode\", \"vin request\", \"vin requests\", "
                              "\"vin report\" or \"vin retry\".")},
};

// What every option that takes a value is called, on every command: the word after one is its value.
const QStringList kOptionsWithValue = {QStringLiteral("--data-dir"),
                                       QStringLiteral("--server"),
                                       QStringLiteral("--cars"),
                                       QStringLiteral("--seed"),
                                       QStringLiteral("--mode"),
                                       QStringLiteral("--errors"),
                                       QStringLiteral("--default"),
                                       QStringLiteral("-o"),
                                       QStringLiteral("--output"),
                                       QStringLiteral("--search"),
                                       QStringLiteral("--make"),
                                       QStringLiteral("--model"),
                                       QStringLiteral("--year-from"),
                                       QStringLiteral("--year-to"),
                                       QStringLiteral("--price-from"),
                                       QStringLiteral("--price-to"),
                                       QStringLiteral("--mileage-from"),
                                       QStringLiteral("--mileage-to"),
                                       QStringLiteral("--fuel"),
                                       QStringLiteral("--transmission"),
                                       QStringLiteral("--body"),
                                       QStringLiteral("--colour"),
                                       QStringLiteral("--seats"),
                                       QStringLiteral("--condition"),
                                       QStringLiteral("--status"),
                                       QStringLiteral("--location"),
                                       QStringLiteral("--for-rent"),
                                       QStringLiteral("--sort"),
                                       QStringLiteral("--lease-seconds"),
                                       QStringLiteral("--max-attempts"),
                                       QStringLiteral("--max-lag-seconds"),
                                       QStringLiteral("--timeout-seconds"),
                                       QStringLiteral("--limit"),
                                       QStringLiteral("--pdf"),
                                       QStringLiteral("--from"),
                                       QStringLiteral("--to"),
                                       QStringLiteral("--branch"),
                                       QStringLiteral("--reports-server"),
                                       QStringLiteral("--car"),
                                       QStringLiteral("--extra")};

// Log lines (the worker logs to stderr) carry data too.
QtMessageHandler defaultMessageHandler = nullptr;
void escapingMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    defaultMessageHandler(type, context, TerminalStream::escaped(message));
}

// The command words: the arguments that are neither options nor option values.
QStringList commandWords(const QStringList &arguments)
{
    QStringList words;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument.startsWith(QLatin1Char('-'))) {
            if (kOptionsWithValue.contains(argument))
                ++i; // its value follows
            continue;
        }
        words << argument;
    }
    return words;
}

QStringList wordsOf(const char *name)
{
    return QString::fromLatin1(name).split(QLatin1Char(' '));
}

// The command whose name the words begin with.
const Cli::Entry *commandFor(const QStringList &words)
{
    const auto entries = Cli::commands();
    const auto found = std::find_if(entries.begin(), entries.end(), [&](const Cli::Entry &entry) {
        const QStringList name = wordsOf(entry.name);
        return words.size() >= name.size() && words.first(name.size()) == name;
    });
    return found == entries.end() ? nullptr : &*found;
}

int runCommand(const Cli::Entry &entry, const QStringList &arguments, const QStringList &operands)
{
    if (entry.maxOperands != Cli::kAnyOperands && operands.size() > entry.maxOperands)
        return Command::usageError(Cli::tr(entry.tooMany).arg(QString::fromLatin1(entry.name)));
    return entry.create()->run(arguments, operands);
}

int topLevel(const QStringList &arguments)
{
    qsizetype width = 0;
    for (const Cli::Entry &entry : Cli::commands())
        width = std::max(width, qsizetype(qstrlen(entry.name)));
    QString description = Cli::tr("Forecourt: administration for car dealerships and rental desks.\n"
                                  "Without a command it opens the window.\n\n"
                                  "Commands (each has --help):");
    for (const Cli::Entry &entry : Cli::commands())
        description +=
            QStringLiteral("\n  ") + QString::fromLatin1(entry.name).leftJustified(width + 3) + Cli::tr(entry.summary);

    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(Command::dataDirOption());
    parser.addOption(Command::serverOption());
    parser.addPositionalArgument(QStringLiteral("command"), Cli::tr("The command to run."),
                                 QStringLiteral("[command]"));
    if (!parser.parse(arguments))
        return Command::usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("version"))) {
        Command::out() << "forecourt " << AppInfo::version() << Qt::endl;
        return Command::Ok;
    }
    Command::out().writeLines(parser.helpText());
    return Command::Ok;
}

} // namespace

std::span<const Cli::Entry> Cli::commands()
{
    return kCommands;
}

QStringList Cli::optionsWithValue()
{
    return kOptionsWithValue;
}

bool Cli::wantsCli(const QStringList &arguments)
{
    for (const QString &argument : arguments.mid(1)) {
        if (argument == QLatin1String("-h") || argument == QLatin1String("--help") || argument == QLatin1String("-v") ||
            argument == QLatin1String("--version") || argument == QLatin1String("--help-all"))
            return true;
    }
    return !commandWords(arguments).isEmpty();
}

bool Cli::needsFonts(const QStringList &arguments)
{
    return arguments.contains(QStringLiteral("--pdf"));
}

int Cli::run(const QStringList &arguments)
{
    if (!defaultMessageHandler)
        defaultMessageHandler = qInstallMessageHandler(escapingMessageHandler);
    const QStringList words = commandWords(arguments);
    if (words.isEmpty())
        return topLevel(arguments);
    if (const Entry *entry = commandFor(words))
        return runCommand(*entry, arguments, words.mid(wordsOf(entry->name).size()));

    const auto group = std::find_if(std::begin(kGroups), std::end(kGroups), [&](const CommandGroup &candidate) {
        return words.first() == QLatin1String(candidate.name);
    });
    if (group == std::end(kGroups))
        return Command::usageError(tr("Unknown command \"%1\".").arg(words.first()));
    const QString word = words.value(1);
    if (word.isEmpty() && arguments.contains(QStringLiteral("--help")))
        return group->helpOf ? runCommand(*commandFor(wordsOf(group->helpOf)), arguments, {}) : topLevel(arguments);
    if (word.isEmpty() && group->missing)
        return Command::usageError(tr(group->missing));
    return Command::usageError(tr(group->unknown).arg(word));
}

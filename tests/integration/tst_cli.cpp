#include "TestDatabase.h"
#include "TestSupport.h"
#include "cli/Cli.h"
#include "cli/Command.h"
#include "cli/commands/Stats.h"
#include "db/Database.h"
#include "services/DashboardService.h"
#include "services/SalesService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

#include <pqxx/pqxx>

namespace {

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort(); // closed again when probe goes: nothing listens there
}

void expectOneLineFailure(const ForecourtRun &run, int exitCode, const QString &needle)
{
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.startsWith(QStringLiteral("forecourt: ")), qPrintable(run.err));
    QVERIFY2(run.err.contains(needle), qPrintable(run.err));
}

// Where `text` holds a character that a terminal would act on rather than show (a line end aside): C0
// controls, DEL, C1 controls, bidirectional controls, the line and paragraph separators; empty if nowhere.
QString terminalControlIn(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if ((c < 0x20 && c != u'\n') || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
            (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029)
            return QStringLiteral("U+%1 at %2 of: %3")
                .arg(int(c), 4, 16, QLatin1Char('0'))
                .arg(i)
                .arg(text.toHtmlEscaped());
    }
    return {};
}

#define VERIFY_NO_TERMINAL_CONTROLS(text)                                                                              \
    QVERIFY2(terminalControlIn(text).isEmpty(), qPrintable(terminalControlIn(text)))

// A server nobody answers: a command that gets past its options fails with exit code 1, not 2.
QString unreachableServer()
{
    return QStringLiteral("host=127.0.0.1 port=%1 connect_timeout=2").arg(freePort());
}

// Reads the process's standard output until `done` holds for what has arrived, for up to 20 s.
bool waitForOutput(QProcess &process, QByteArray &arrived, const std::function<bool(const QByteArray &)> &done)
{
    return QTest::qWaitFor(
        [&] {
            process.waitForReadyRead(50);
            arrived += process.readAllStandardOutput();
            return done(arrived);
        },
        20'000);
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void versionAndHelp()
    {
        const ForecourtRun version = runForecourt({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("forecourt 0.")));

        const ForecourtRun help = runForecourt({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *command :
             {"db status", "db migrate", "server start", "server stop", "server status", "demo-data", "vin decode"})
            QVERIFY2(help.out.contains(QString::fromLatin1(command)), command);

        const QList<QStringList> commands = {{QStringLiteral("db"), QStringLiteral("status")},
                                             {QStringLiteral("db"), QStringLiteral("migrate")},
                                             {QStringLiteral("server"), QStringLiteral("status")},
                                             {QStringLiteral("demo-data")}};
        for (const QStringList &command : commands) {
            const ForecourtRun commandHelp = runForecourt(command + QStringList{QStringLiteral("--help")});
            QCOMPARE(commandHelp.exitCode, 0);
            QVERIFY2(commandHelp.out.contains(QStringLiteral("--data-dir")),
                     qPrintable(command.join(QLatin1Char(' '))));
        }
    }

    void usageErrorsExitWithTwo()
    {
        expectOneLineFailure(runForecourt({QStringLiteral("frobnicate")}), 2, QStringLiteral("Unknown command"));
        expectOneLineFailure(runForecourt({QStringLiteral("db"), QStringLiteral("explode")}), 2,
                             QStringLiteral("db status"));
        expectOneLineFailure(
            runForecourt({QStringLiteral("demo-data"), QStringLiteral("--cars"), QStringLiteral("lots")}), 2,
            QStringLiteral("whole number"));
        expectOneLineFailure(runForecourt({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--bogus")}),
                             2, QStringLiteral("bogus"));
    }

    // Every command of the table answers --help with exit code 0 and its own help, and `forecourt --help`
    // lists each with its line.
    void everyCommandAnswersHelp()
    {
        const ForecourtRun help = runForecourt({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const Cli::Entry &entry : Cli::commands()) {
            const QString name = QString::fromLatin1(entry.name);
            const QRegularExpression line(QStringLiteral("\\n  %1 +%2\\n")
                                              .arg(QRegularExpression::escape(name),
                                                   QRegularExpression::escape(QString::fromUtf8(entry.summary))));
            QVERIFY2(help.out.contains(line), qPrintable(name + QStringLiteral(" in:\n") + help.out));

            const ForecourtRun commandHelp =
                runForecourt(name.split(QLatin1Char(' ')) + QStringList{QStringLiteral("--help")});
            QVERIFY2(commandHelp.exitCode == 0 && commandHelp.err.isEmpty(), qPrintable(name + commandHelp.err));
            QVERIFY2(commandHelp.out.startsWith(QStringLiteral("Usage: ")) &&
                         commandHelp.out.contains(QStringLiteral("--data-dir <folder>")) &&
                         commandHelp.out.contains(name.section(QLatin1Char(' '), 0, 0)),
                     qPrintable(name + QStringLiteral(": ") + commandHelp.out));
        }
        // A group's own --help: the list of commands, or the help the server commands share.
        QVERIFY(runForecourt({QStringLiteral("vin"), QStringLiteral("--help")})
                    .out.contains(QStringLiteral("Commands (each has --help)")));
        QVERIFY(runForecourt({QStringLiteral("server"), QStringLiteral("--help")})
                    .out.contains(QStringLiteral("server start|stop|status")));
    }

    // Words that name no command are refused with exit code 2 whatever follows them, --help too, and so are
    // words beyond what a command takes.
    void unknownCommandsAndExtraWordsExitWithTwo()
    {
        const QString nonsense = QStringLiteral("nonsense");
        for (const char *group : {"db", "server", "import", "export", "vin"}) {
            const QString expected = QStringLiteral("Unknown %1 command \"nonsense\"").arg(QLatin1String(group));
            expectOneLineFailure(runForecourt({QString::fromLatin1(group), nonsense}), 2, expected);
            expectOneLineFailure(runForecourt({QString::fromLatin1(group), nonsense, QStringLiteral("--help")}), 2,
                                 expected);
        }
        expectOneLineFailure(runForecourt({nonsense, QStringLiteral("--help")}), 2, QStringLiteral("Unknown command"));
        expectOneLineFailure(runForecourt({QStringLiteral("vin")}), 2, QStringLiteral("\"vin\" needs a command"));

        for (const Cli::Entry &entry : Cli::commands()) {
            if (entry.maxOperands == Cli::kAnyOperands)
                continue;
            const QString name = QString::fromLatin1(entry.name);
            QStringList words = name.split(QLatin1Char(' '));
            for (int i = 0; i <= entry.maxOperands; ++i)
                words << QStringLiteral("x%1").arg(i);
            expectOneLineFailure(runForecourt(words), 2, QStringLiteral("\"%1\" takes").arg(name));
        }
        expectOneLineFailure(
            runForecourt({QStringLiteral("import"), QStringLiteral("undo"), QStringLiteral("1"), QStringLiteral("2")}),
            2, QStringLiteral("takes one import number"));
    }

    // The value of an option is never taken for a command word: every option of every command that takes a
    // value is one Cli knows.
    void everyOptionWithAValueIsKnown()
    {
        const QStringList known = Cli::optionsWithValue();
        for (const Cli::Entry &entry : Cli::commands()) {
            const std::unique_ptr<Command> command = entry.create();
            for (const QCommandLineOption &option : command->options()) {
                if (option.valueName().isEmpty())
                    continue;
                for (const QString &name : option.names()) {
                    const QString written = (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
                    QVERIFY2(known.contains(written),
                             qPrintable(QString::fromLatin1(entry.name) + QLatin1Char(' ') + written));
                }
            }
        }
    }

    void vinDecode()
    {
        const QString vin = QStringLiteral("vin");
        const QString decode = QStringLiteral("decode");
        const QString json = QStringLiteral("--json");

        // VINs as arguments: one JSON object per VIN, exit code 0 when all are valid.
        ForecourtRun run = runForecourt(
            {vin, decode, json, QStringLiteral("1hgcm8-2633a-004352"), QStringLiteral("JH4KA7561PC008269")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        QJsonArray decoded = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(decoded.size(), 2);
        const QJsonObject honda = decoded.at(0).toObject();
        QCOMPARE(honda.value(QStringLiteral("vin")).toString(), QStringLiteral("1HGCM82633A004352"));
        QCOMPARE(honda.value(QStringLiteral("valid")).toBool(), true);
        QCOMPARE(honda.value(QStringLiteral("errors")).toArray().size(), 0);
        QCOMPARE(honda.value(QStringLiteral("warnings")).toArray().size(), 0);
        QCOMPARE(honda.value(QStringLiteral("wmi")).toString(), QStringLiteral("1HG"));
        QCOMPARE(honda.value(QStringLiteral("manufacturer")).toString(), QStringLiteral("Honda"));
        QCOMPARE(honda.value(QStringLiteral("country")).toString(), QStringLiteral("United States"));
        QCOMPARE(honda.value(QStringLiteral("region")).toString(), QStringLiteral("North America"));
        QCOMPARE(honda.value(QStringLiteral("model_year")).toInt(), 2003);
        QCOMPARE(honda.value(QStringLiteral("model_year_candidates")).toArray(), QJsonArray{2003});
        QCOMPARE(honda.value(QStringLiteral("check_digit")).toObject(),
                 (QJsonObject{{QStringLiteral("expected"), QStringLiteral("3")},
                              {QStringLiteral("actual"), QStringLiteral("3")},
                              {QStringLiteral("valid"), true},
                              {QStringLiteral("required"), true}}));
        QCOMPARE(honda.value(QStringLiteral("plant_code")).toString(), QStringLiteral("A"));
        QCOMPARE(honda.value(QStringLiteral("serial")).toString(), QStringLiteral("004352"));
        QCOMPARE(decoded.at(1).toObject().value(QStringLiteral("manufacturer")).toString(), QStringLiteral("Acura"));

        // VINs on stdin, one a line, blank lines skipped; any invalid one makes the exit code 1.
        run = runForecourt({vin, decode, json}, QProcessEnvironment::systemEnvironment(),
                           "WVWZZZ1KZAW000001\n\n  not a vin  \r\n1HGCM82643A004352\n");
        expectOneLineFailure(run, 1, QStringLiteral("2 of 3"));
        decoded = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(decoded.size(), 3);
        const QJsonObject golf = decoded.at(0).toObject();
        QCOMPARE(golf.value(QStringLiteral("valid")).toBool(), true);
        QCOMPARE(golf.value(QStringLiteral("manufacturer")).toString(), QStringLiteral("Volkswagen"));
        QCOMPARE(golf.value(QStringLiteral("warnings")).toArray().size(), 1); // no check digit
        QCOMPARE(golf.value(QStringLiteral("model_year_candidates")).toArray(), (QJsonArray{1980, 2010}));
        QCOMPARE(golf.value(QStringLiteral("model_year")).toInt(), 2010);
        const QJsonObject garbage = decoded.at(1).toObject();
        QCOMPARE(garbage.value(QStringLiteral("input")).toString(), QStringLiteral("not a vin"));
        QCOMPARE(garbage.value(QStringLiteral("valid")).toBool(true), false);
        QVERIFY(!garbage.value(QStringLiteral("errors")).toArray().isEmpty());
        QVERIFY(garbage.value(QStringLiteral("model_year")).isNull());
        QVERIFY(garbage.value(QStringLiteral("wmi")).isNull());
        const QJsonObject mistyped = decoded.at(2).toObject();
        QCOMPARE(mistyped.value(QStringLiteral("valid")).toBool(true), false);
        QCOMPARE(mistyped.value(QStringLiteral("manufacturer")).toString(), QStringLiteral("Honda"));
        QCOMPARE(mistyped.value(QStringLiteral("check_digit")).toObject().value(QStringLiteral("expected")).toString(),
                 QStringLiteral("3"));

        // Without --json: one readable block per VIN.
        run = runForecourt({vin, decode, QStringLiteral("1M8GDM9AXKP042788"), QStringLiteral("VF9SC2C28CM795123")});
        QCOMPARE(run.exitCode, 0);
        for (const char *expected : {"VIN 1M8GDM9AXKP042788 (valid)", "Manufacturer: unknown (WMI 1M8)",
                                     "Country: United States, North America", "Model year: 1989",
                                     "Check digit: X, correct", "Serial: 042788", "Manufacturer: Bugatti (WMI VF9795)"})
            QVERIFY2(run.out.contains(QString::fromLatin1(expected)), qPrintable(run.out));
        run = runForecourt({vin, decode, QStringLiteral("hello")});
        expectOneLineFailure(run, 1, QStringLiteral("1 of 1"));
        QVERIFY2(run.out.contains(QStringLiteral("(not valid)")) && run.out.contains(QStringLiteral("Error: ")),
                 qPrintable(run.out));

        expectOneLineFailure(runForecourt({vin, decode}), 2, QStringLiteral("no VINs"));
        expectOneLineFailure(runForecourt({vin, QStringLiteral("explode")}), 2, QStringLiteral("vin decode"));
        run = runForecourt({vin, decode, QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("--json")));
    }

    // Text from data reaches the terminal only escaped: ESC sequences (here one that retitles the window
    // and one that clears the screen), BEL, DEL, a C1 CSI and a right-to-left override, in the VINs read
    // from stdin, in arguments, in file names and in a CSV file's header and values. JSON carries the
    // same characters as \u escapes, so the values read back unchanged.
    void controlCharactersFromDataAreShownEscaped()
    {
        const QByteArray hostile = "ab\x1b]0;owned\x07\x1b[2J\x7f\xc2\x9b"
                                   "31m\xe2\x80\xae"
                                   "evil";
        const QString vin = QStringLiteral("vin");
        const QString decode = QStringLiteral("decode");

        ForecourtRun run = runForecourt({vin, decode}, QProcessEnvironment::systemEnvironment(), hostile + "\n");
        expectOneLineFailure(run, 1, QStringLiteral("1 of 1"));
        VERIFY_NO_TERMINAL_CONTROLS(run.out);
        VERIFY_NO_TERMINAL_CONTROLS(run.err);
        QVERIFY2(run.out.contains(QStringLiteral("AB\\x1B]0;OWNED\\x07\\x1B[2J\\x7F\\u009B31M\\u202EEVIL")),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("is \"\\x1B\"")), qPrintable(run.out)); // in the reasons too

        run = runForecourt({vin, decode, QStringLiteral("--json")}, QProcessEnvironment::systemEnvironment(),
                           hostile + "\n");
        QCOMPARE(run.exitCode, 1);
        VERIFY_NO_TERMINAL_CONTROLS(run.out);
        const QJsonArray decoded = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(decoded.size(), 1);
        QCOMPARE(decoded.at(0).toObject().value(QStringLiteral("input")).toString(), QString::fromUtf8(hostile));

        // Arguments and file names in errors.
        run = runForecourt({QString::fromUtf8(hostile)});
        expectOneLineFailure(run, 2, QStringLiteral("Unknown command"));
        VERIFY_NO_TERMINAL_CONTROLS(run.err);
        run = runForecourt({vin, decode, QString::fromUtf8(hostile)});
        QCOMPARE(run.exitCode, 1);
        VERIFY_NO_TERMINAL_CONTROLS(run.out);
        QTemporaryDir dir;
        run = runForecourt({QStringLiteral("import"), QStringLiteral("cars"),
                            dir.filePath(QString::fromUtf8(hostile) + QStringLiteral(".csv")),
                            QStringLiteral("--server"), unreachableServer()});
        expectOneLineFailure(run, 1, QStringLiteral("could not be opened"));
        VERIFY_NO_TERMINAL_CONTROLS(run.err);

        // A CSV file's header and values in the import's report.
        TestDatabase db(QStringLiteral("cli_escapes"));
        QVERIFY(db.isValid());
        QFile csv(dir.filePath(QStringLiteral("cars.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("vin,make,model,model_year,fuel_type,list_price," + hostile + "\n" + "WVWZZZ1KZAW000001,VW," +
                  hostile + ",2019," + hostile + ",12000,x\n");
        csv.close();
        run = runForecourt({QStringLiteral("import"), QStringLiteral("cars"), csv.fileName(),
                            QStringLiteral("--dry-run"), QStringLiteral("--server"), db.conninfo()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Columns ignored")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("\\x1B")), qPrintable(run.err));
        VERIFY_NO_TERMINAL_CONTROLS(run.out);
        VERIFY_NO_TERMINAL_CONTROLS(run.err);
    }

    // vin decode holds one line at a time: each VIN is printed as soon as its line has arrived (before
    // stdin ends), and input without a line end within a few KB ends with a clear error instead of
    // filling memory: /dev/zero, and a long line after good ones (whose JSON array is still closed).
    void vinDecodeStreamsItsInput()
    {
        for (const bool json : {false, true}) {
            QProcess process;
            QStringList arguments = {QStringLiteral("vin"), QStringLiteral("decode")};
            if (json)
                arguments << QStringLiteral("--json");
            process.start(forecourtBinary(), arguments);
            QVERIFY(process.waitForStarted());
            process.write("1hgcm82633a004352\n");
            QByteArray arrived;
            QVERIFY2(waitForOutput(process, arrived, [](const QByteArray &out) { return out.contains("004352"); }),
                     arrived.constData());
            process.write("JH4KA7561PC008269\n");
            QVERIFY(waitForOutput(process, arrived, [](const QByteArray &out) { return out.contains("008269"); }));
            process.closeWriteChannel();
            QVERIFY(process.waitForFinished(20'000));
            QCOMPARE(process.exitCode(), 0);
            arrived += process.readAllStandardOutput();
            if (json)
                QCOMPARE(QJsonDocument::fromJson(arrived).array().size(), 2);
        }

        for (const bool json : {false, true}) {
            QProcess endless;
            endless.setStandardInputFile(QStringLiteral("/dev/zero"));
            endless.start(forecourtBinary(),
                          json ? QStringList{QStringLiteral("vin"), QStringLiteral("decode"), QStringLiteral("--json")}
                               : QStringList{QStringLiteral("vin"), QStringLiteral("decode")});
            const bool finished = endless.waitForFinished(20'000);
            if (!finished)
                endless.kill();
            QVERIFY2(finished, "vin decode < /dev/zero did not end");
            QCOMPARE(endless.exitCode(), 1);
            const QString error = QString::fromUtf8(endless.readAllStandardError());
            QVERIFY2(error.startsWith(QStringLiteral("forecourt: Line 1 of stdin is longer than 4096 bytes")),
                     qPrintable(error));
            QVERIFY(endless.readAllStandardOutput().isEmpty());
        }

        const QByteArray longLine = "1HGCM82633A004352\n" + QByteArray(8 * 1024 * 1024, 'A');
        ForecourtRun run = runForecourt({QStringLiteral("vin"), QStringLiteral("decode"), QStringLiteral("--json")},
                                        QProcessEnvironment::systemEnvironment(), longLine);
        expectOneLineFailure(run, 1, QStringLiteral("Line 2 of stdin is longer than 4096 bytes"));
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).array().size(), 1);
    }

    // Every numeric option of every command is checked against its range before anything runs, with a
    // usage error that names the option and the range; --lease-seconds 4294968 used to overflow into a
    // lease of 0.7 s and run.
    void numericOptionsAreBounded()
    {
        struct Case
        {
            QStringList arguments;
            QString expected;
        };
        const auto words = [](const char *text) { return QString::fromLatin1(text).split(QLatin1Char(' ')); };
        const QList<Case> cases = {
            {words("worker --lease-seconds 4294968"),
             QStringLiteral("--lease-seconds needs a whole number from 1 to 3600")},
            {words("worker --lease-seconds 0"), QStringLiteral("--lease-seconds needs a whole number from 1 to 3600")},
            {words("worker --max-attempts 2147483648"),
             QStringLiteral("--max-attempts needs a whole number from 1 to 100")},
            {words("demo-data --cars 99999999999"), QStringLiteral("--cars needs a whole number from 0 to 10000000")},
            {words("demo-data --seed -1"),
             QStringLiteral("--seed needs a whole number from 0 to 18446744073709551615")},
            {words("export cars --year-from 65536"), QStringLiteral("--year-from needs a whole number from 0 to 9999")},
            {words("export cars --price-to 99999999999999999999"),
             QStringLiteral("--price-to needs a whole number from 0 to 9999999999")},
            {words("export cars --mileage-to 2147483648"),
             QStringLiteral("--mileage-to needs a whole number from 0 to 2147483647")},
            {words("export cars --seats 4,0"), QStringLiteral("--seats needs a whole number from 1 to 60")},
            {words("health --max-lag-seconds -1"),
             QStringLiteral("--max-lag-seconds needs a whole number from 0 to 604800")},
            {words("vin request --timeout-seconds 4294968 1HGCM82633A004352"),
             QStringLiteral("--timeout-seconds needs a whole number from 1 to 86400")},
            {words("vin requests --limit 2147483648"), QStringLiteral("--limit needs a whole number from 1 to 100000")},
            {words("vin retry 0"), QStringLiteral("\"0\" is not a request id")},
        };
        for (const Case &test : cases) {
            const ForecourtRun run =
                runForecourt(test.arguments + QStringList{QStringLiteral("--server"), unreachableServer()});
            QVERIFY2(run.exitCode == 2 && run.err.startsWith(QStringLiteral("forecourt: ") + test.expected),
                     qPrintable(test.arguments.join(QLatin1Char(' ')) + QStringLiteral(" -> ") +
                                QString::number(run.exitCode) + QLatin1Char(' ') + run.err));
        }
        // The bounds themselves are accepted (the command then fails at the unreachable server).
        QCOMPARE(
            runForecourt(words("export cars --year-from 9999 --seats 60 --server") << unreachableServer()).exitCode, 1);
    }

    void statusMigrateAndDemoDataOnAServer()
    {
        TestDatabase db(QStringLiteral("cli_server"));
        QVERIFY(db.isValid());
        const QStringList server = {QStringLiteral("--server"), db.conninfo()};

        ForecourtRun status = runForecourt(
            QStringList{QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--json")} + server);
        QCOMPARE(status.exitCode, 0);
        QCOMPARE(status.json().value(QStringLiteral("schema_version")).toInt(), 0);
        QVERIFY(status.json().value(QStringLiteral("pending_migrations")).toArray().size() >= 3);
        QCOMPARE(status.json().value(QStringLiteral("location")).toString(), QStringLiteral("server"));

        const ForecourtRun migrate =
            runForecourt(QStringList{QStringLiteral("db"), QStringLiteral("migrate")} + server);
        QCOMPARE(migrate.exitCode, 0);
        QVERIFY(migrate.out.contains(QStringLiteral("0001_base_schema.sql")));
        const ForecourtRun again = runForecourt(QStringList{QStringLiteral("db"), QStringLiteral("migrate")} + server);
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains(QStringLiteral("up to date")));

        const ForecourtRun demo = runForecourt(QStringList{QStringLiteral("demo-data"), QStringLiteral("--cars"),
                                                           QStringLiteral("40"), QStringLiteral("--json")} +
                                               server);
        QCOMPARE(demo.exitCode, 0);
        QCOMPARE(demo.json().value(QStringLiteral("cars")).toInt(), 40);
        expectOneLineFailure(runForecourt(QStringList{QStringLiteral("demo-data")} + server), 1,
                             QStringLiteral("--replace"));

        status = runForecourt(QStringList{QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--json")} +
                              server);
        QVERIFY(status.json().value(QStringLiteral("schema_current")).toBool());
        QCOMPARE(status.json().value(QStringLiteral("counts")).toObject().value(QStringLiteral("cars")).toInt(), 40);
    }

    // `stats`: the JSON the issue names, the same figures DashboardService gives in this process, the CSV
    // holding the same numbers, and its refusals.
    void statsGivesTheServicesFigures()
    {
        TestDatabase db(QStringLiteral("cli_stats"));
        QVERIFY(db.isValid());
        const QStringList server = {QStringLiteral("--server"), db.conninfo()};
        QCOMPARE(runForecourt(QStringList{QStringLiteral("demo-data"), QStringLiteral("--cars"), QStringLiteral("60")} +
                              server)
                     .exitCode,
                 0);
        const std::unique_ptr<Database> database = db.openMigrated();
        QVERIFY(database);
        // Two sales this month, so that the sales dashboard has numbers of its own.
        const QDate today = QDate::currentDate();
        for (const QString &id : scalar(*database, "SELECT string_agg(id::text, ',') FROM (SELECT id FROM cars "
                                                   "WHERE status NOT IN ('sold', 'retired') ORDER BY id LIMIT 2) c")
                                     .split(QLatin1Char(','))) {
            SaleRequest sale;
            sale.carId = id.toLongLong();
            sale.soldOn = today;
            sale.priceCents = 1234550;
            const auto sold = SalesService::sell(*database, sale);
            QVERIFY2(sold, qPrintable(sold ? QString() : sold.error().oneLine()));
        }
        const QString branch = scalar(*database, "SELECT code FROM branches ORDER BY code LIMIT 1");
        QVERIFY(!branch.isEmpty());

        const QDate from = today.addDays(-20);
        for (const QString &dashboard :
             {QStringLiteral("stock"), QStringLiteral("rentals"), QStringLiteral("sales"), QStringLiteral("vin")}) {
            for (const QString &code : {QString(), branch}) {
                QStringList arguments = {QStringLiteral("stats"),  dashboard,
                                         QStringLiteral("--from"), from.toString(Qt::ISODate),
                                         QStringLiteral("--to"),   today.toString(Qt::ISODate),
                                         QStringLiteral("--json")};
                if (!code.isEmpty())
                    arguments << QStringLiteral("--branch") << code;
                const ForecourtRun run = runForecourt(arguments + server);
                QVERIFY2(run.exitCode == 0, qPrintable(run.err));
                const QJsonObject json = run.json();
                QCOMPARE(json.keys(),
                         (QStringList{QStringLiteral("branch"), QStringLiteral("dashboard"), QStringLiteral("from"),
                                      QStringLiteral("series"), QStringLiteral("tiles"), QStringLiteral("to")}));
                QCOMPARE(json.value(QStringLiteral("dashboard")).toString(), dashboard);
                QCOMPARE(json.value(QStringLiteral("from")).toString(), from.toString(Qt::ISODate));
                QCOMPARE(json.value(QStringLiteral("to")).toString(), today.toString(Qt::ISODate));
                QCOMPARE(json.value(QStringLiteral("branch")).isNull(), code.isEmpty());

                const auto figures =
                    DashboardService::figuresWithLists(*database, dashboard, DashboardQuery{from, today, code, {}});
                QVERIFY2(figures, qPrintable(figures ? QString() : figures.error().oneLine()));
                QCOMPARE(json, figures->toJson());
            }
        }

        // The names the issue promises.
        const auto jsonOf = [&](const QString &dashboard) {
            return runForecourt(QStringList{QStringLiteral("stats"), dashboard, QStringLiteral("--json")} + server)
                .json();
        };
        const QJsonObject stock = jsonOf(QStringLiteral("stock"));
        const QJsonObject stockTiles = stock.value(QStringLiteral("tiles")).toObject();
        for (const char *tile :
             {"in_stock", "stock_value_list", "stock_value_cost", "avg_days_in_stock", "over_90_days"})
            QVERIFY2(stockTiles.value(QLatin1String(tile)).isDouble(), tile);
        QCOMPARE(stockTiles.value(QStringLiteral("in_stock")).toInt(),
                 scalar(*database, "SELECT count(*) FROM cars WHERE status NOT IN ('sold', 'retired')").toInt());
        QStringList agingKeys;
        for (const QJsonValue &point :
             stock.value(QStringLiteral("series")).toObject().value(QStringLiteral("aging")).toArray())
            agingKeys << point.toObject().value(QStringLiteral("key")).toString();
        QCOMPARE(agingKeys, (QStringList{QStringLiteral("0-15"), QStringLiteral("16-30"), QStringLiteral("31-45"),
                                         QStringLiteral("46-60"), QStringLiteral("61-90"), QStringLiteral("90+")}));
        QVERIFY(stock.value(QStringLiteral("series")).toObject().value(QStringLiteral("by_make")).isArray());
        // The period's most popular models and makes: the two sales recorded above are among them.
        for (const char *series :
             {"top_models_by_bookings", "top_models_by_sales", "top_makes_by_bookings", "top_makes_by_sales"})
            QVERIFY2(stock.value(QStringLiteral("series")).toObject().value(QLatin1String(series)).isArray(), series);
        double soldModels = 0;
        for (const QJsonValue &point :
             stock.value(QStringLiteral("series")).toObject().value(QStringLiteral("top_models_by_sales")).toArray())
            soldModels += point.toObject().value(QStringLiteral("value")).toDouble();
        QVERIFY(soldModels >= 2);

        const QJsonObject rentals = jsonOf(QStringLiteral("rentals"));
        for (const char *tile : {"utilisation", "revenue", "revpac", "adr", "cancellation_rate", "avg_rental_days",
                                 "idle_cars", "overdue_rentals"})
            QVERIFY2(rentals.value(QStringLiteral("tiles")).toObject().value(QLatin1String(tile)).isDouble(), tile);
        QCOMPARE(
            rentals.value(QStringLiteral("tiles")).toObject().value(QStringLiteral("utilisation_target")).toDouble(),
            DashboardService::DefaultUtilisationTarget);
        // Revenue by day over the default 30 days.
        const QJsonArray revenue =
            rentals.value(QStringLiteral("series")).toObject().value(QStringLiteral("revenue_over_time")).toArray();
        QCOMPARE(revenue.size(), Commands::Stats::kDefaultDays);
        QCOMPARE(revenue.last().toObject().value(QStringLiteral("key")).toString(), today.toString(Qt::ISODate));
        const QJsonArray days =
            rentals.value(QStringLiteral("series")).toObject().value(QStringLiteral("utilisation_by_day")).toArray();
        QCOMPARE(days.size(), Commands::Stats::kDefaultDays); // the default period: the last 30 days
        QCOMPARE(days.last().toObject().value(QStringLiteral("key")).toString(), today.toString(Qt::ISODate));
        for (const QJsonValue &day : days) {
            const double value = day.toObject().value(QStringLiteral("value")).toDouble();
            QVERIFY(value >= 0 && value <= 1);
        }

        const QJsonObject sales = jsonOf(QStringLiteral("sales"));
        const QJsonObject salesTiles = sales.value(QStringLiteral("tiles")).toObject();
        for (const char *tile : {"units", "avg_days_to_sell", "gross_per_deal", "gross_total", "sold_within_30_days",
                                 "sold_within_30_days_target"})
            QVERIFY2(salesTiles.value(QLatin1String(tile)).isDouble(), tile);
        QCOMPARE(salesTiles.value(QStringLiteral("sold_within_30_days_target")).toDouble(),
                 DashboardService::DefaultSoldWithin30DaysTarget);
        QVERIFY(salesTiles.value(QStringLiteral("units")).toInt() >= 2);
        const QJsonArray months =
            sales.value(QStringLiteral("series")).toObject().value(QStringLiteral("units_by_month")).toArray();
        QVERIFY(!months.isEmpty());
        QCOMPARE(months.last().toObject().value(QStringLiteral("key")).toString(), today.toString(u"yyyy-MM"));
        QVERIFY(jsonOf(QStringLiteral("operations"))
                    .value(QStringLiteral("tiles"))
                    .toObject()
                    .contains(QStringLiteral("workers_alive")));

        // The CSV: a row per tile and per point, money as a plain decimal; the same numbers as the JSON.
        const ForecourtRun csv = runForecourt(
            QStringList{QStringLiteral("stats"), QStringLiteral("sales"), QStringLiteral("--csv")} + server);
        QCOMPARE(csv.exitCode, 0);
        const QStringList lines = csv.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("kind,name,key,value"));
        int tileRows = 0;
        for (const QString &line : lines.mid(1)) {
            const QStringList fields = line.split(QLatin1Char(','));
            if (fields.first() != QLatin1String("tile"))
                continue;
            ++tileRows;
            QCOMPARE(fields.size(), 4);
            QCOMPARE(fields.at(3).toDouble(), salesTiles.value(fields.at(1)).toDouble());
        }
        QCOMPARE(tileRows, salesTiles.size());
        QVERIFY(lines.contains(QStringLiteral("tile,gross_total,,") +
                               QString::number(salesTiles.value(QStringLiteral("gross_total")).toDouble(), 'f', 2)));

        // Refusals: a usage error (2) for what is wrong on the command line, 1 for an unknown branch.
        const QStringList stats = {QStringLiteral("stats")};
        expectOneLineFailure(runForecourt(stats + server), 2, QStringLiteral("needs a dashboard"));
        expectOneLineFailure(runForecourt(stats + QStringList{QStringLiteral("fleet")} + server), 2,
                             QStringLiteral("needs a dashboard"));
        expectOneLineFailure(
            runForecourt(stats +
                         QStringList{QStringLiteral("stock"), QStringLiteral("--from"), QStringLiteral("31.03.2026")} +
                         server),
            2, QStringLiteral("YYYY-MM-DD"));
        expectOneLineFailure(
            runForecourt(stats +
                         QStringList{QStringLiteral("stock"), QStringLiteral("--from"), QStringLiteral("2026-03-02"),
                                     QStringLiteral("--to"), QStringLiteral("2026-03-01")} +
                         server),
            2, QStringLiteral("before --from"));
        expectOneLineFailure(
            runForecourt(stats +
                         QStringList{QStringLiteral("stock"), QStringLiteral("--json"), QStringLiteral("--csv")} +
                         server),
            2, QStringLiteral("--json and --csv"));
        expectOneLineFailure(
            runForecourt(stats +
                         QStringList{QStringLiteral("stock"), QStringLiteral("--branch"), QStringLiteral("NOPE")} +
                         server),
            1, QStringLiteral("There is no branch NOPE"));
        expectOneLineFailure(
            runForecourt(
                stats + QStringList{QStringLiteral("rentals"), QStringLiteral("--from"), QStringLiteral("2020-01-01")} +
                server),
            1, QStringLiteral("at most three years"));
    }

    void connectionFailuresHaveTheirOwnMessages()
    {
        const QString status = QStringLiteral("status");
        expectOneLineFailure(runForecourt({QStringLiteral("db"), status, QStringLiteral("--server"),
                                           QStringLiteral("host=no-such-host.invalid connect_timeout=5")}),
                             1, QStringLiteral("could not be found"));
        expectOneLineFailure(runForecourt({QStringLiteral("db"), status, QStringLiteral("--server"),
                                           QStringLiteral("host=127.0.0.1 port=%1 connect_timeout=5").arg(freePort())}),
                             1, QStringLiteral("No PostgreSQL server answers"));
        expectOneLineFailure(
            runForecourt({QStringLiteral("db"), status, QStringLiteral("--server"), QStringLiteral("host='broken")}), 1,
            QStringLiteral("not valid"));
    }

    void refusedPasswordIsNamed()
    {
        // A local server that also listens on TCP, where password authentication applies.
        QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/tst_cli-XXXXXX"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FORECOURT_PG_LISTEN"), QStringLiteral("127.0.0.1"));
        const ForecourtRun started = runForecourt({QStringLiteral("server"), QStringLiteral("start"),
                                                   QStringLiteral("--json"), QStringLiteral("--data-dir"), dir.path()},
                                                  env);
        QCOMPARE(started.exitCode, 0);
        const QJsonObject server = started.json();
        {
            pqxx::connection c(server.value(QStringLiteral("conninfo")).toString().toStdString());
            pqxx::nontransaction work(c);
            work.exec("CREATE ROLE anna LOGIN PASSWORD 'right-password'");
        }
        const QString conninfo = QStringLiteral("host=127.0.0.1 port=%1 user=anna password=wrong dbname=forecourt")
                                     .arg(server.value(QStringLiteral("port")).toInt());
        const ForecourtRun refused =
            runForecourt({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--server"), conninfo});
        QCOMPARE(
            runForecourt({QStringLiteral("server"), QStringLiteral("stop"), QStringLiteral("--data-dir"), dir.path()})
                .exitCode,
            0);
        expectOneLineFailure(refused, 1, QStringLiteral("refused the user name or password"));
    }

    void serverStatusGivesAUsableUri()
    {
        const ForecourtRun status =
            runForecourt({QStringLiteral("server"), QStringLiteral("status"), QStringLiteral("--json"),
                          QStringLiteral("--data-dir"), TestDatabase::fixtureDataDir()});
        QCOMPARE(status.exitCode, 0);
        QVERIFY(status.json().value(QStringLiteral("running")).toBool());
        const QString uri = status.json().value(QStringLiteral("uri")).toString();
        QVERIFY(uri.startsWith(QStringLiteral("postgresql://")));
        pqxx::connection c(uri.toStdString()); // what psql would open
        pqxx::nontransaction work(c);
        QCOMPARE(QString::fromStdString(work.exec1("SELECT current_database()")[0].c_str()),
                 QStringLiteral("forecourt"));
    }

    void dbStatusOnAnEmptyFolderStartsTheServer()
    {
        QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/tst_cli-XXXXXX"));
        const ForecourtRun status =
            runForecourt({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--data-dir"), dir.path()});
        QCOMPARE(status.exitCode, 0);
        QVERIFY2(status.out.contains(QStringLiteral("Schema version: 0 of")), qPrintable(status.out));
        QVERIFY(status.out.contains(QStringLiteral("forecourt db migrate")));
        // It was the only user, so the server stopped again: `server status` says so with exit code 3.
        const ForecourtRun after = runForecourt(
            {QStringLiteral("server"), QStringLiteral("status"), QStringLiteral("--data-dir"), dir.path()});
        QCOMPARE(after.exitCode, 3);
        QVERIFY(after.out.contains(QStringLiteral("Stopped")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

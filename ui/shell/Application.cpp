#include "Application.h"

#include "AppInfo.h"
#include "MainWindow.h"
#include "TerminationSignals.h"
#include "Translations.h"
#include "db/ConnectionProfile.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

namespace Application {

int runGui(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(AppInfo::organisation());
    QApplication::setApplicationName(AppInfo::name());
    QApplication::setApplicationDisplayName(AppInfo::name());
    QApplication::setApplicationVersion(AppInfo::version());
    QApplication::setDesktopFileName(QStringLiteral("forecourt"));

    Translations::install();
    TerminationSignals::quitEventLoop();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("Application", "Forecourt"));
    QCommandLineOption dataDir(QStringLiteral("data-dir"), QApplication::translate("Application", "Local data folder."),
                               QStringLiteral("folder"));
    QCommandLineOption server(QStringLiteral("server"), QApplication::translate("Application", "PostgreSQL server."),
                              QStringLiteral("conninfo"));
    QCommandLineOption reportsServer(
        QStringLiteral("reports-server"),
        QApplication::translate("Application", "PostgreSQL server the dashboards read from (a read replica)."),
        QStringLiteral("conninfo"));
    parser.addOption(dataDir);
    parser.addOption(server);
    parser.addOption(reportsServer);
    parser.process(app);

    // The command line and PG* variables win over the connection saved in the settings; the saved Reports
    // server goes with the saved connection.
    ConnectionProfile profile;
    std::optional<ConnectionProfile> reports;
    QSettings settings;
    if (parser.isSet(dataDir) || parser.isSet(server) || ConnectionProfile::environmentNamesServer() ||
        !qEnvironmentVariableIsEmpty("FORECOURT_DATA_DIR")) {
        profile = ConnectionProfile::resolve(parser.value(server), parser.value(dataDir));
    } else {
        profile = ConnectionProfile::load(settings);
        reports = ConnectionProfile::loadReports(settings);
    }
    if (parser.isSet(reportsServer))
        reports = ConnectionProfile::server(parser.value(reportsServer));

    MainWindow window(profile);
    window.setReportsServer(reports);
    window.show();
    return QApplication::exec();
}

} // namespace Application

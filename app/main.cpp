#include "AppInfo.h"
#include "TerminationSignals.h"
#include "Translations.h"
#include "cli/Cli.h"
#include "ui/shell/Application.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>

#include <memory>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    // QT_LOGGING_RULES still wins over these defaults.
    QLoggingCategory::setFilterRules(QStringLiteral("forecourt.*.debug=false"));
    if (Cli::wantsCli(arguments)) {
        // stderr is for the one-line reason of a failure; progress notes stay quiet.
        QLoggingCategory::setFilterRules(QStringLiteral("forecourt.*.debug=false\nforecourt.*.info=false"));
        // Writing a PDF (vin report --pdf) needs fonts, so a GUI application without a window.
        if (Cli::needsFonts(arguments) && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        std::unique_ptr<QCoreApplication> app = Cli::needsFonts(arguments)
                                                    ? std::make_unique<QGuiApplication>(argc, argv)
                                                    : std::make_unique<QCoreApplication>(argc, argv);
        app->setProperty("forecourtCommandLine", true);
        QCoreApplication::setOrganizationName(AppInfo::organisation());
        QCoreApplication::setApplicationName(AppInfo::name());
        QCoreApplication::setApplicationVersion(AppInfo::version());
        Translations::install();
        TerminationSignals::recordInterruption();
        return Cli::run(QCoreApplication::arguments());
    }
    return Application::runGui(argc, argv);
}

#include "AppInfo.h"
#include "TerminationSignals.h"
#include "Translations.h"
#include "cli/Cli.h"
#include "ui/Application.h"

#include <QCoreApplication>
#include <QLoggingCategory>

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
        QCoreApplication app(argc, argv);
        QCoreApplication::setOrganizationName(AppInfo::organisation());
        QCoreApplication::setApplicationName(AppInfo::name());
        QCoreApplication::setApplicationVersion(AppInfo::version());
        Translations::install();
        TerminationSignals::recordInterruption();
        return Cli::run(QCoreApplication::arguments());
    }
    return Application::runGui(argc, argv);
}

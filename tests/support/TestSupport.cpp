#include "TestSupport.h"

#include "TestDatabase.h"
#include "services/DemoDataService.h"
#include "services/SessionService.h"
#include "services/SystemService.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QWidget>

QJsonObject ForecourtRun::json() const
{
    return QJsonDocument::fromJson(out.toUtf8()).object();
}

ForecourtRun runForecourt(const QStringList &arguments, const QProcessEnvironment &environment,
                          const QByteArray &standardInput)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(forecourtBinary(), arguments);
    process.write(standardInput);
    process.closeWriteChannel();
    ForecourtRun run;
    if (!process.waitForFinished(120'000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString scalarOn(DatabaseThread &thread, const std::string &sql)
{
    return *runJob(thread, [sql](Database &db) { return Result<QString>(scalar(db, sql)); });
}

Session loadSession(DatabaseThread &thread)
{
    const Result<Session> session = runJob(thread, [](Database &db) { return SessionService::load(db); });
    if (!session) {
        qWarning("The session could not be loaded: %s", qPrintable(session.error().oneLine()));
        return {};
    }
    return *session;
}

Result<void> openWithDemoData(DatabaseThread &thread, const TestDatabase &database, qint64 cars)
{
    auto opened = thread.open(database.profile());
    opened.waitForFinished();
    if (!opened.result())
        return opened.result();
    return runJob(thread, [cars](Database &db) -> Result<void> {
        if (auto migrated = SystemService::migrate(db); !migrated)
            return std::unexpected(migrated.error());
        DemoDataOptions options;
        options.cars = cars;
        if (auto demo = DemoDataService::generate(db, options); !demo)
            return std::unexpected(demo.error());
        return {};
    });
}

CarInput sampleCarInput(const QString &vin)
{
    CarInput input;
    input.vin = vin;
    input.make = QStringLiteral("Volkswagen");
    input.model = QStringLiteral("Golf");
    input.modelYear = QStringLiteral("2021");
    input.bodyType = QStringLiteral("hatchback");
    input.fuelType = QStringLiteral("petrol");
    input.transmission = QStringLiteral("manual");
    input.drive = QStringLiteral("fwd");
    input.mileageKm = QStringLiteral("23000");
    input.listPrice = QStringLiteral("18900");
    return input;
}

QString screenshotDir()
{
    return qEnvironmentVariable("FORECOURT_SCREENSHOT_DIR");
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    if (screenshotDir().isEmpty())
        return;
    QCoreApplication::sendPostedEvents(); // pending layout requests: messages that just appeared
    widget->grab().save(QDir(screenshotDir()).filePath(name + QStringLiteral(".png")));
}

QMessageBox *visibleMessageBox(const QString &objectName)
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        auto *box = qobject_cast<QMessageBox *>(widget);
        if (box && box->isVisible() && (objectName.isEmpty() || box->objectName() == objectName))
            return box;
    }
    return nullptr;
}

void clickWhenShown(const QString &boxName, const QString &button)
{
    auto *timer = new QTimer;
    QObject::connect(timer, &QTimer::timeout, timer, [timer, boxName, button] {
        if (QMessageBox *box = visibleMessageBox(boxName)) {
            for (QAbstractButton *candidate : box->buttons()) {
                if (candidate->text() == button) {
                    timer->deleteLater();
                    candidate->click();
                    return;
                }
            }
        }
    });
    timer->start(20);
}

QString openDemoDatabase(std::unique_ptr<TestDatabase> &database, std::unique_ptr<DatabaseThread> &thread,
                         const QString &label, qint64 cars)
{
    database = std::make_unique<TestDatabase>(label);
    if (!database->isValid())
        return database->error();
    thread = std::make_unique<DatabaseThread>();
    const auto filled = openWithDemoData(*thread, *database, cars);
    return filled ? QString() : filled.error().oneLine();
}

void useTestSettings(const QString &application)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ForecourtTest"));
    QCoreApplication::setApplicationName(application);
    QSettings().clear();
}

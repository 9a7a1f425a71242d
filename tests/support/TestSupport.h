#pragma once

#include "Error.h"
#include "Session.h"
#include "db/DatabaseThread.h"
#include "domain/CarValidator.h"

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStringList>

#include <memory>

class QMessageBox;
class QWidget;
class TestDatabase;

// One run of the forecourt executable under test.
struct ForecourtRun
{
    int exitCode = -1; // -1: it crashed or did not finish within two minutes
    QString out;
    QString err;

    QJsonObject json() const;
};

// Runs the forecourt binary; `standardInput` is written to its stdin, which is then closed.
ForecourtRun runForecourt(const QStringList &arguments,
                          const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                          const QByteArray &standardInput = {});

// Runs `job` on `thread` and waits for its result. For tests: it blocks the calling thread.
template <typename F> auto runJob(DatabaseThread &thread, F job)
{
    auto future = thread.submit(std::move(job));
    future.waitForFinished();
    return future.result();
}

// scalar() (TestDatabase.h) on the database thread: the GUI thread never runs SQL, not even in a test.
QString scalarOn(DatabaseThread &thread, const std::string &sql);

// The session of `thread`'s open database, loaded as the window loads it (SessionService::load); a
// session that is not connected (and a warning) when that fails.
Session loadSession(DatabaseThread &thread);

// Opens `database` on `thread`, migrates it and adds `cars` demo cars.
Result<void> openWithDemoData(DatabaseThread &thread, const TestDatabase &database, qint64 cars);
// Creates the test database `label` and a database thread, then openWithDemoData(). Empty when all went
// well, else the reason.
QString openDemoDatabase(std::unique_ptr<TestDatabase> &database, std::unique_ptr<DatabaseThread> &thread,
                         const QString &label, qint64 cars);

// QSettings and the standard paths of a GUI test: test mode, under the test's name, emptied.
void useTestSettings(const QString &application);

// A valid car as typed into the editor: a 2021 Volkswagen Golf with the given VIN.
CarInput sampleCarInput(const QString &vin);

// Where GUI tests save screenshots to look at: FORECOURT_SCREENSHOT_DIR, or empty (no screenshots).
QString screenshotDir();
// Saves `widget` as <name>.png in screenshotDir(), after pending layout work; nothing without the dir.
void saveScreenshot(QWidget *widget, const QString &name);

// The visible message box with that object name (any visible one for an empty name), or null.
QMessageBox *visibleMessageBox(const QString &objectName);
// Clicks the button with text `button` of the message box `boxName` as soon as it shows (for boxes
// that run their own event loop, such as QMessageBox::question).
void clickWhenShown(const QString &boxName, const QString &button);

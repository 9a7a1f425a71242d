#include "TestDatabase.h"
#include "TestSupport.h"
#include "db/LocalServer.h"
#include "models/CarTableModel.h"
#include "services/FleetService.h"
#include "ui/bookings/BookingDialog.h"
#include "ui/bookings/BookingsPage.h"
#include "ui/customers/CustomersPage.h"
#include "ui/dashboards/DashboardsSection.h"
#include "ui/fleet/FleetPage.h"
#include "ui/shell/ConnectionDialog.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/StartupPage.h"
#include "ui/system/SystemPage.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <pqxx/pqxx>

namespace {

// Lets the Fleet section finish its first reads. Killing the connection while they run makes one of
// them meet the failure and reconnect quietly, before the monitor's own check could see it.
void waitForFleetReads(MainWindow &window)
{
    QTRY_VERIFY_WITH_TIMEOUT(!window.section<FleetPage>()->model()->isCounting(), 10'000);
    QTest::qWait(800);
}

// A section of the test's own: it counts its activations and keeps the links it was asked to open.
class ProbeSection : public Section
{
    Q_OBJECT

public:
    ProbeSection(const QString &title, SectionLink::Kind opens, QWidget *parent)
        : Section(parent)
        , m_title(title)
        , m_opens(opens)
    {}

    QString title() const override { return m_title; }
    QString summary() const override { return QStringLiteral("The probe %1.").arg(m_title); }
    QIcon icon() const override { return style()->standardIcon(QStyle::SP_FileIcon); }
    bool opens(SectionLink::Kind kind) const override { return kind == m_opens; }
    void open(const SectionLink &link) override { opened << link.id; }

    int activations = 0;
    QList<qint64> opened;

protected:
    void activated() override { ++activations; }

private:
    QString m_title;
    SectionLink::Kind m_opens;
};

SectionFactory probe(const QString &title, SectionLink::Kind opens)
{
    return [title, opens](const SectionContext &, QWidget *parent) { return new ProbeSection(title, opens, parent); };
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { useTestSettings(QStringLiteral("tst_mainwindow")); }

    void opensAndEverySectionIsReachable()
    {
        TestDatabase db(QStringLiteral("gui_sections"));
        QVERIFY(db.isValid());
        MainWindow window(db.profile());
        QSignalSpy ready(&window, &MainWindow::ready);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(ready.wait(60'000));

        QVERIFY2(window.locationStatusText().contains(QStringLiteral("PostgreSQL 1")),
                 qPrintable(window.locationStatusText()));
        QVERIFY(window.connectionStatusText().contains(QStringLiteral("Connected")));
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("sectionPages"));
        QVERIFY(pages);

        // By keyboard shortcut: Ctrl+1 … Ctrl+6.
        const QList<Section *> sections = window.sections();
        QCOMPARE(sections.size(), standardSections().size());
        QCOMPARE(sections.size(), 6);
        QCOMPARE(sections.at(4), window.section<DashboardsSection>());
        for (int section = int(sections.size()) - 1; section >= 0; --section) {
            QTest::keyClick(&window, Qt::Key(Qt::Key_1 + section), Qt::ControlModifier);
            QCOMPARE(window.currentSection(), sections.at(section));
            QCOMPARE(pages->currentIndex(), section);
            QVERIFY(pages->currentWidget()->isVisible());
        }
        // By the arrow keys in the section list, and by mouse.
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        navigation->setFocus();
        QTest::keyClick(navigation, Qt::Key_Down);
        QCOMPARE(window.currentSection(), window.section<BookingsPage>());
        auto *system = window.section<SystemPage>();
        const QRect systemItem = navigation->visualItemRect(navigation->item(int(sections.indexOf(system))));
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, systemItem.center());
        QCOMPARE(window.currentSection(), system);

        // The System section shows the schema of this database.
        QVERIFY(system->fieldText(QStringLiteral("schema")).contains(QStringLiteral("current")));
        QVERIFY(system->fieldText(QStringLiteral("database")).contains(db.name()));
        QVERIFY(system->isVisible());
        saveScreenshot(&window, QStringLiteral("system"));
    }

    // The window is built from its list of sections: the section list, the Go menu and Ctrl+1…Ctrl+N follow
    // it, whatever sections it holds; each section gets the session once connected (again after a
    // reconnection), and links and status messages go where they belong.
    void sectionsFollowTheirList()
    {
        TestDatabase db(QStringLiteral("gui_sectionlist"));
        QVERIFY(db.isValid());
        const QList<SectionFactory> list = {
            probe(QStringLiteral("Alpha"), SectionLink::Kind::Car),
            [](const SectionContext &context, QWidget *parent) { return new DashboardsSection(context, parent); },
            probe(QStringLiteral("Beta"), SectionLink::Kind::Booking),
        };
        MainWindow window(db.profile(), list);
        QSignalSpy ready(&window, &MainWindow::ready);
        window.show();
        QVERIFY(ready.wait(60'000));

        const QList<Section *> sections = window.sections();
        QCOMPARE(sections.size(), list.size());
        auto *alpha = qobject_cast<ProbeSection *>(sections.at(0));
        auto *beta = qobject_cast<ProbeSection *>(sections.at(2));
        QVERIFY(alpha && beta);
        QCOMPARE(window.section<DashboardsSection>(), sections.at(1));
        const QStringList titles = {QStringLiteral("Alpha"), QStringLiteral("Dashboards"), QStringLiteral("Beta")};
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QCOMPARE(navigation->count(), titles.size());
        QMenu *go = nullptr;
        for (QAction *action : window.menuBar()->actions()) {
            if (action->menu() && action->text() == QStringLiteral("&Go"))
                go = action->menu();
        }
        QVERIFY(go);
        const QList<QAction *> goActions = go->actions();
        for (int i = 0; i < titles.size(); ++i) {
            QCOMPARE(navigation->item(i)->text(), titles.at(i));
            QVERIFY2(navigation->item(i)->toolTip().endsWith(QStringLiteral("(Ctrl+%1)").arg(i + 1)),
                     qPrintable(navigation->item(i)->toolTip()));
            QCOMPARE(goActions.at(i)->text(), titles.at(i));
            QCOMPARE(goActions.at(i)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        }
        QVERIFY(goActions.at(titles.size())->isSeparator()); // then Refresh: no fourth section

        for (int i = int(sections.size()) - 1; i >= 0; --i) {
            QTest::keyClick(&window, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            QCOMPARE(window.currentSection(), sections.at(i));
            QVERIFY(sections.at(i)->isVisible());
        }
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier); // beyond the list: nothing happens
        QCOMPARE(window.currentSection(), sections.at(0));

        // Every section has the session: the role the server says this connection acts as.
        DatabaseThread server;
        QVERIFY(server.open(db.profile()).result());
        const QString role = scalarOn(server, "SELECT current_user");
        QVERIFY(!role.isEmpty());
        QCOMPARE(window.session().roleName(), role);
        for (Section *section : sections) {
            QCOMPARE(section->session().roleName(), role);
            QVERIFY(section->session().may(Session::Permission::EditCars));
        }
        QCOMPARE(alpha->activations, 1);
        QCOMPARE(beta->activations, 1);

        // A link goes to the section that opens its kind, shown first.
        window.open({SectionLink::Kind::Booking, 42});
        QCOMPARE(window.currentSection(), beta);
        QCOMPARE(beta->opened, QList<qint64>{42});
        emit beta->linkRequested({SectionLink::Kind::Car, 7});
        QCOMPARE(window.currentSection(), alpha);
        QCOMPARE(alpha->opened, QList<qint64>{7});
        QVERIFY(beta->opened == QList<qint64>{42});
        emit beta->statusMessage(QStringLiteral("Beta says hello."));
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Beta says hello."));

        // Connected again: activated again, with the session.
        window.retryConnection();
        QVERIFY(ready.wait(60'000));
        QCOMPARE(alpha->activations, 2);
        QCOMPARE(alpha->session().roleName(), role);
    }

    // Another desk changes a car and adds one: this window's Fleet table shows both within a second,
    // without a refresh, and the table stays where it was.
    void showsOtherDesksChangesWithinASecond()
    {
        TestDatabase db(QStringLiteral("gui_live"));
        QVERIFY(db.isValid());
        DatabaseThread otherDesk;
        const auto filled = openWithDemoData(otherDesk, db, 30);
        QVERIFY2(filled, qPrintable(filled ? QString() : filled.error().oneLine()));
        MainWindow window(db.profile());
        QSignalSpy ready(&window, &MainWindow::ready);
        window.show();
        QVERIFY(ready.wait(30'000));
        window.showSection(window.section<FleetPage>()); // the table in view: it reads again what it shows
        waitForFleetReads(window);
        CarTableModel *model = window.section<FleetPage>()->model();
        QCOMPARE(model->rowCount(), 30);
        const QModelIndex status = model->index(3, int(CarColumn::Status)); // any car
        const qint64 id = status.data(CarTableModel::IdRole).toLongLong();
        // A sold car (with its sale) changes only by being retired.
        const QString oldStatus = status.data(CarTableModel::SortValueRole).toString();
        const QString newStatus = oldStatus == QLatin1String("sold")         ? QStringLiteral("retired")
                                  : oldStatus == QLatin1String("in_service") ? QStringLiteral("available")
                                                                             : QStringLiteral("in_service");

        QTableView *table = window.section<FleetPage>()->table();
        table->setCurrentIndex(status);

        QElapsedTimer timer;
        timer.start();
        const auto changed = runJob(otherDesk, [id, newStatus](Database &database) {
            return FleetService::setStatus(database, {id}, newStatus);
        });
        QCOMPARE(changed.value_or(0), 1);
        // The car is found where the table's order puts it now, with its new status.
        const auto statusOf = [model, id] {
            const int row = model->rowOfId(id);
            const QModelIndex index = model->index(std::max(row, 0), int(CarColumn::Status));
            (void)index.data(); // as the view's paint would: a row read before the change is read again
            return row >= 0 ? index.data(CarTableModel::SortValueRole).toString() : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(), newStatus, 1000);
        qInfo("status change shown after %lld ms", timer.elapsed());
        // The list is newest change first: the car moved to the top, and it is still the current one.
        QTRY_COMPARE(table->currentIndex().data(CarTableModel::IdRole).toLongLong(), id);
        QCOMPARE(table->currentIndex().row(), model->rowOfId(id));

        timer.restart();
        const auto created = runJob(otherDesk, [](Database &database) {
            return FleetService::create(
                database, CarValidator::validate(sampleCarInput(QStringLiteral("WVWZZZ1KZMW000017"))).record);
        });
        QVERIFY2(created, qPrintable(created ? QString() : created.error().oneLine()));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 31, 1000);
        qInfo("new car counted after %lld ms", timer.elapsed());
    }

    // The Fleet menu is in the menu bar while the Fleet section shows, opens with Alt; Book on a car
    // starts a booking of it in the Bookings section.
    void fleetMenuAndBookingACarFromTheFleet()
    {
        TestDatabase db(QStringLiteral("gui_fleetmenu"));
        QVERIFY(db.isValid());
        {
            DatabaseThread filler;
            const auto filled = openWithDemoData(filler, db, 20);
            QVERIFY2(filled, qPrintable(filled ? QString() : filled.error().oneLine()));
        }
        MainWindow window(db.profile());
        QSignalSpy ready(&window, &MainWindow::ready);
        window.show();
        QVERIFY(ready.wait(30'000));
        window.showSection(window.section<FleetPage>());
        waitForFleetReads(window);
        QMenu *fleetMenu = window.section<FleetPage>()->menu();
        QVERIFY(window.menuBar()->actions().contains(fleetMenu->menuAction()));
        QVERIFY(fleetMenu->menuAction()->isVisible());
        QVERIFY(fleetMenu->isEnabled());
        window.showSection(window.section<CustomersPage>());
        QVERIFY(!fleetMenu->menuAction()->isVisible());
        window.showSection(window.section<FleetPage>());
        QVERIFY(fleetMenu->menuAction()->isVisible());

        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        const QString title = fleetMenu->title();
        const QChar mnemonic = title.at(title.indexOf(QLatin1Char('&')) + 1).toUpper();
        QTest::keyClick(window.section<FleetPage>()->table(), Qt::Key(mnemonic.unicode()), Qt::AltModifier);
        QTRY_COMPARE(QApplication::activePopupWidget(), fleetMenu);
        fleetMenu->close();

        FleetPage *fleet = window.section<FleetPage>();
        fleet->table()->setCurrentIndex(fleet->model()->index(2, 0));
        const qint64 car = fleet->model()->index(2, 0).data(CarTableModel::IdRole).toLongLong();
        QAction *book = nullptr;
        for (QAction *action : fleetMenu->actions()) {
            if (action->text() == QStringLiteral("&Book…"))
                book = action;
        }
        QVERIFY(book);
        book->trigger();
        QCOMPARE(window.currentSection(), window.section<BookingsPage>());
        BookingDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.section<BookingsPage>()->findChild<BookingDialog *>()) && dialog->isVisible());
        QTRY_VERIFY(dialog->carList()->currentItem() &&
                    dialog->carList()->currentItem()->data(Qt::UserRole).toLongLong() == car);
        dialog->close();
    }

    void remembersGeometryAndSection()
    {
        TestDatabase db(QStringLiteral("gui_geometry"));
        QVERIFY(db.isValid());
        {
            MainWindow window(db.profile());
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(987, 654);
            window.showSection(window.section<CustomersPage>());
            window.close();
        }
        MainWindow reopened(db.profile());
        reopened.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reopened));
        QCOMPARE(reopened.currentSection(), reopened.section<CustomersPage>());
        QCOMPARE(reopened.size(), QSize(987, 654));
    }

    void unreachableServerShowsWhatToDo()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        MainWindow window(
            ConnectionProfile::server(QStringLiteral("host=127.0.0.1 port=%1 connect_timeout=5").arg(port)));
        QSignalSpy failed(&window, &MainWindow::startupFailed);
        window.show();
        QVERIFY(failed.wait(30'000));
        auto *startup = window.findChild<StartupPage *>();
        QVERIFY(startup->isVisible());
        QVERIFY(startup->showsError());
        QVERIFY2(startup->message().contains(QStringLiteral("No PostgreSQL server answers")),
                 qPrintable(startup->message()));
        QVERIFY(!window.isReady());
        QVERIFY(window.connectionStatusText().contains(QStringLiteral("Not connected")));
        saveScreenshot(&window, QStringLiteral("startup-error"));
    }

    void localServerIsRestartedAfterItDies()
    {
        QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/tst_mainwindow-XXXXXX"));
        MainWindow window(ConnectionProfile::local(dir.path()));
        QSignalSpy ready(&window, &MainWindow::ready);
        window.show();
        QVERIFY(ready.wait(60'000));
        QVERIFY2(window.locationStatusText().startsWith(QStringLiteral("Local server")),
                 qPrintable(window.locationStatusText()));
        waitForFleetReads(window);

        LocalServer server(dir.path());
        const qint64 postmaster = server.status().pid;
        QVERIFY(postmaster > 0);
        ::kill(static_cast<pid_t>(postmaster), SIGKILL);
        window.connectionMonitor()->checkNow();
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionStatusText().contains(QStringLiteral("Connection lost")), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionStatusText().contains(QStringLiteral("Connected")), 30'000);
        QVERIFY(server.status().running);
        QVERIFY(server.status().pid != postmaster);
    }

    void connectionDialogRoundTripsAProfile()
    {
        const ConnectionProfile server = ConnectionProfile::server(
            QStringLiteral("host=db.dealer.example port=6432 dbname=fleet user=anna sslmode=require"));
        ConnectionDialog dialog(server);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        saveScreenshot(&dialog, QStringLiteral("connection-dialog"));
        const ConnectionProfile::Fields fields = dialog.profile().effectiveFields();
        QCOMPARE(fields.host, QStringLiteral("db.dealer.example"));
        QCOMPARE(fields.port, 6432);
        QCOMPARE(fields.database, QStringLiteral("fleet"));
        QCOMPARE(fields.user, QStringLiteral("anna"));
        QCOMPARE(fields.sslMode, QStringLiteral("require"));

        // A URI typed in wins over the fields; choosing Local gives the local server.
        const QList<QLineEdit *> edits = dialog.findChildren<QLineEdit *>();
        auto uri = std::find_if(edits.begin(), edits.end(),
                                [](QLineEdit *e) { return e->accessibleName() == QStringLiteral("Or URI"); });
        QVERIFY(uri != edits.end());
        (*uri)->setText(QStringLiteral("postgresql://bob@other.example/stock"));
        QCOMPARE(dialog.profile().effectiveFields().host, QStringLiteral("other.example"));
        auto *local = dialog.findChildren<QRadioButton *>().first();
        local->setChecked(true);
        QVERIFY(dialog.profile().isLocal());
    }

    // The Reports server tab: "Same as the main connection" by default (nothing); a server typed in is
    // the dialog's Reports server, with the password typed in for the session.
    void connectionDialogKeepsTheReportsServer()
    {
        const ConnectionProfile main = ConnectionProfile::server(QStringLiteral("host=db.dealer.example dbname=fleet"));
        {
            ConnectionDialog dialog(main);
            QVERIFY(!dialog.reportsProfile());
        }
        const ConnectionProfile replica = ConnectionProfile::server(
            QStringLiteral("host=replica.dealer.example port=5433 dbname=fleet user=manager"));
        ConnectionDialog dialog(main, replica);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("connectionTabs"));
        QVERIFY(tabs);
        tabs->setCurrentIndex(1);
        saveScreenshot(&dialog, QStringLiteral("connection-dialog-reports"));
        QVERIFY(dialog.reportsProfile());
        QCOMPARE(dialog.reportsProfile()->effectiveFields().host, QStringLiteral("replica.dealer.example"));
        QCOMPARE(dialog.reportsProfile()->effectiveFields().port, 5433);
        QCOMPARE(dialog.reportsProfile()->effectiveFields().user, QStringLiteral("manager"));
        QCOMPARE(dialog.profile().effectiveFields().host, QStringLiteral("db.dealer.example"));
        const QList<QLineEdit *> edits = dialog.findChildren<QLineEdit *>();
        auto password = std::find_if(edits.begin(), edits.end(), [](QLineEdit *e) {
            return e->accessibleName() == QStringLiteral("Reports server: Password");
        });
        QVERIFY(password != edits.end());
        (*password)->setText(QStringLiteral("s3cret"));
        QCOMPARE(dialog.reportsProfile()->password(), QStringLiteral("s3cret"));
        QVERIFY(!dialog.profile().hasPassword());
        auto *same = dialog.findChild<QCheckBox *>(QStringLiteral("reportsSame"));
        QVERIFY(same);
        same->setChecked(true);
        QVERIFY(!dialog.reportsProfile());
    }

    void lostConnectionIsShownAndRecovered()
    {
        TestDatabase db(QStringLiteral("gui_lost"));
        QVERIFY(db.isValid());
        MainWindow window(db.profile());
        QSignalSpy ready(&window, &MainWindow::ready);
        window.show();
        QVERIFY(ready.wait(60'000));

        waitForFleetReads(window);
        QSignalSpy states(window.connectionMonitor(), &ConnectionMonitor::stateChanged);
        {
            pqxx::connection admin(db.conninfo().toStdString());
            pqxx::nontransaction work(admin);
            work.exec_params("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                             "WHERE datname = $1 AND pid <> pg_backend_pid()",
                             db.name().toStdString());
        }
        window.connectionMonitor()->checkNow();
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionStatusText().contains(QStringLiteral("Connection lost")), 10'000);
        // The window stays responsive and the monitor reconnects by itself.
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionStatusText().contains(QStringLiteral("Connected")), 15'000);
        QVERIFY(window.isReady());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

// The desk's settings file: every value reads back as the type it was written with, what was never
// saved (or cannot be read as its type) is the default, and the keys stay those earlier versions wrote.
#include "UserSettings.h"
#include "db/ConnectionProfile.h"

#include <QTemporaryDir>
#include <QTest>

class TestUserSettings : public QObject
{
    Q_OBJECT

    // A settings file of the test's own, as the program's settings are (INI on Linux).
    std::unique_ptr<QSettings> openFile() const
    {
        return std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("forecourt.conf")), QSettings::IniFormat);
    }

private slots:
    void init() { openFile()->clear(); }

    // Written, synced to the file, read back by a new QSettings on that file: the same value and type.
    void aTypedValueRoundTrips()
    {
        const SettingValue<QByteArray> bytes("test/bytes");
        const SettingValue<int> number("test/number", 7);
        const SettingValue<bool> flag("test/flag", false);
        const SettingValue<QString> text("test/text");
        // Bytes that are not text (a header state): a NUL, bytes that are not UTF-8, an '=' and a newline.
        const QByteArray state = QByteArray::fromHex("000000ff00fe3d0a0d5b5d40");
        const QString folder = QStringLiteral("/home/zoë/Fahrzeuge [2024]/=é\u202E");
        {
            auto settings = openFile();
            bytes.setValue(*settings, state);
            number.setValue(*settings, -42);
            flag.setValue(*settings, true);
            text.setValue(*settings, folder);
        }
        auto settings = openFile();
        QCOMPARE(bytes.value(*settings), state);
        QCOMPARE(number.value(*settings), -42);
        QCOMPARE(flag.value(*settings), true);
        QCOMPARE(text.value(*settings), folder);

        flag.setValue(*settings, false); // false is saved, not taken for "nothing saved"
        QCOMPARE(openFile()->value(flag.key()).isValid(), true);
        QCOMPARE(flag.value(*openFile()), false);
        number.remove(*settings);
        QCOMPARE(number.value(*openFile()), 7);
    }

    // Nothing saved: the default. Saved but not readable as the type (a hand-edited file): the default,
    // never a 0 or an empty value made up from it.
    void missingOrUnreadableIsTheDefault()
    {
        const SettingValue<int> number("test/number", 3);
        const SettingValue<bool> flag("test/flag", true);
        const SettingValue<QString> kind("test/kind", QStringLiteral("local"));
        auto settings = openFile();
        QCOMPARE(number.value(*settings), 3);
        QCOMPARE(flag.value(*settings), true);
        QCOMPARE(kind.value(*settings), QStringLiteral("local"));
        QCOMPARE(UserSettings::windowGeometry.value(*settings), QByteArray());
        QCOMPARE(UserSettings::fleetHeaderVersion.value(*settings), 1);
        QCOMPARE(UserSettings::fleetFiltersVisible.value(*settings), false);

        QFile file(settings->fileName());
        settings.reset();
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[test]\nnumber=three\n");
        file.close();
        QCOMPARE(number.value(*openFile()), 3);
    }

    // What an earlier version saved under its literal key is what the typed value reads.
    void valuesSavedByEarlierVersionsAreRead()
    {
        {
            auto settings = openFile();
            settings->setValue(QStringLiteral("window/section"), 3);
            settings->setValue(QStringLiteral("fleet/filtersVisible"), true);
            settings->setValue(QStringLiteral("bookings/zoom"), 0);
            settings->setValue(QStringLiteral("vinReports/pdfFolder"), QStringLiteral("/srv/reports"));
        }
        auto settings = openFile();
        QCOMPARE(UserSettings::windowSection.value(*settings), 3);
        QCOMPARE(UserSettings::fleetFiltersVisible.value(*settings), true);
        QCOMPARE(UserSettings::bookingsZoom.value(*settings), 0);
        QCOMPARE(UserSettings::vinReportsPdfFolder.value(*settings), QStringLiteral("/srv/reports"));
    }

    // The keys are the ones users' files hold: a renamed key would lose their layout silently.
    void theKeysStayThoseUsersHaveSaved_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("saved");
        const auto row = [](const QString &key, const char *saved) { QTest::newRow(saved) << key << saved; };
        row(UserSettings::windowGeometry.key(), "window/geometry");
        row(UserSettings::windowState.key(), "window/state");
        row(UserSettings::windowSection.key(), "window/section");
        row(UserSettings::connectionKind.key(), "connection/kind");
        row(UserSettings::connectionDataDir.key(), "connection/dataDir");
        row(UserSettings::connectionConninfo.key(), "connection/conninfo");
        row(UserSettings::fleetHeader.key(), "fleet/header");
        row(UserSettings::fleetHeaderVersion.key(), "fleet/headerVersion");
        row(UserSettings::fleetSplitter.key(), "fleet/splitter");
        row(UserSettings::fleetFiltersVisible.key(), "fleet/filtersVisible");
        row(UserSettings::carEditorGeometry.key(), "CarEditorDialog/geometry");
        row(UserSettings::carImportGeometry.key(), "CarImportWizard/geometry");
        row(UserSettings::carImportDirectory.key(), "CarImportWizard/directory");
        row(UserSettings::bookingsZoom.key(), "bookings/zoom");
        row(UserSettings::bookingsTab.key(), "bookings/tab");
        row(UserSettings::bookingsListHeader.key(), "bookings/listHeader");
        row(UserSettings::customersHeader.key(), "customers/header");
        row(UserSettings::customersSplitter.key(), "customers/splitter");
        row(UserSettings::customerEditorGeometry.key(), "CustomerEditorDialog/geometry");
        row(UserSettings::vinReportsHeader.key(), "vinReports/header");
        row(UserSettings::vinReportsPdfFolder.key(), "vinReports/pdfFolder");
    }
    void theKeysStayThoseUsersHaveSaved()
    {
        QFETCH(QString, key);
        QFETCH(QString, saved);
        QCOMPARE(key, saved);
    }

    // The connection goes through the same keys, and a file an earlier version wrote opens the same server.
    void theConnectionIsSavedUnderItsKeys()
    {
        {
            auto settings = openFile();
            ConnectionProfile::server(QStringLiteral("host=db.dealer.example user=anna password=secret"))
                .save(*settings);
        }
        auto settings = openFile();
        QCOMPARE(settings->value(QStringLiteral("connection/kind")).toString(), QStringLiteral("server"));
        QVERIFY(settings->value(QStringLiteral("connection/conninfo")).toString().contains(QStringLiteral("anna")));
        QVERIFY(!settings->value(QStringLiteral("connection/conninfo")).toString().contains(QStringLiteral("secret")));

        settings->clear();
        settings->setValue(QStringLiteral("connection/kind"), QStringLiteral("local"));
        settings->setValue(QStringLiteral("connection/dataDir"), QStringLiteral("/srv/forecourt"));
        const ConnectionProfile local = ConnectionProfile::load(*settings);
        QVERIFY(local.isLocal());
        QCOMPARE(local.dataDir(), QStringLiteral("/srv/forecourt"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestUserSettings)
#include "tst_usersettings.moc"

#pragma once

#include <QByteArray>
#include <QDate>
#include <QSettings>
#include <QString>
#include <QVariant>

// One value of this desk's settings file (QSettings: window layouts, the last folders, the connection),
// not the database's `settings` table: its key, its type and what it is when nothing (or something
// unreadable) was saved. Every key Forecourt stores is one of the UserSettings below, so the keys live
// in one place and a value is always read back as the type it was written with.
template <typename T> class SettingValue
{
public:
    explicit SettingValue(const char *key, T defaultValue = T())
        : m_key(QString::fromLatin1(key))
        , m_default(std::move(defaultValue))
    {}

    QString key() const { return m_key; }
    const T &defaultValue() const { return m_default; }

    // The saved value, or the default when none was saved or the saved one is not a T (a settings file
    // edited by hand, a key an older version wrote with another type).
    T value(const QSettings &settings) const
    {
        QVariant stored = settings.value(m_key);
        if (!stored.isValid() || !stored.convert(QMetaType::fromType<T>()))
            return m_default;
        return stored.value<T>();
    }
    T value() const { return value(QSettings()); }

    void setValue(QSettings &settings, const T &value) const { settings.setValue(m_key, QVariant::fromValue(value)); }
    void setValue(const T &value) const
    {
        QSettings settings;
        setValue(settings, value);
    }

    void remove(QSettings &settings) const { settings.remove(m_key); }
    void remove() const
    {
        QSettings settings;
        remove(settings);
    }

private:
    QString m_key;
    T m_default;
};

// The keys are those earlier versions wrote, so a desk's saved layout survives an update.
namespace UserSettings {

// The main window.
inline const SettingValue<QByteArray> windowGeometry{"window/geometry"};
inline const SettingValue<QByteArray> windowState{"window/state"};
// The section shown, by its place in the section list.
inline const SettingValue<int> windowSection{"window/section", 0};

// The connection chosen in the window ("local" or "server"); never a password.
inline const SettingValue<QString> connectionKind{"connection/kind", QStringLiteral("local")};
inline const SettingValue<QString> connectionDataDir{"connection/dataDir"};
inline const SettingValue<QString> connectionConninfo{"connection/conninfo"};
// The Reports server the dashboards read from (a libpq key=value string without its password, which is in
// the keychain); empty: the same as the main connection.
inline const SettingValue<QString> reportsConninfo{"connection/reportsConninfo"};
// Whether the Reports server's password was given and so is in the keychain (else it is not asked for).
inline const SettingValue<bool> reportsPasswordSaved{"connection/reportsPasswordSaved", false};

// Fleet: the table's columns, their order and sort; the version of the default column order it was
// saved with (see FleetLayout); the split between table and car panel; whether the filters show.
inline const SettingValue<QByteArray> fleetHeader{"fleet/header"};
inline const SettingValue<int> fleetHeaderVersion{"fleet/headerVersion", 1};
inline const SettingValue<QByteArray> fleetSplitter{"fleet/splitter"};
inline const SettingValue<bool> fleetFiltersVisible{"fleet/filtersVisible", false};
inline const SettingValue<QByteArray> carEditorGeometry{"CarEditorDialog/geometry"};
inline const SettingValue<QByteArray> carImportGeometry{"CarImportWizard/geometry"};
// The folder the last imported file was in.
inline const SettingValue<QString> carImportDirectory{"CarImportWizard/directory"};

// Bookings: the timeline's zoom (BookingTimeline::Zoom, Month by default), the tab shown, the list's columns.
inline const SettingValue<int> bookingsZoom{"bookings/zoom", 2};
inline const SettingValue<int> bookingsTab{"bookings/tab", 0};
inline const SettingValue<QByteArray> bookingsListHeader{"bookings/listHeader"};

// Customers.
inline const SettingValue<QByteArray> customersHeader{"customers/header"};
inline const SettingValue<QByteArray> customersSplitter{"customers/splitter"};
inline const SettingValue<QByteArray> customerEditorGeometry{"CustomerEditorDialog/geometry"};

// VIN reports: the requests' columns; the folder the last PDF went to (empty: the documents folder).
inline const SettingValue<QByteArray> vinReportsHeader{"vinReports/header"};
inline const SettingValue<QString> vinReportsPdfFolder{"vinReports/pdfFolder"};

// Dashboards: the period (DashboardPeriod::Preset; Last 30 days by default) and a custom one's days, the
// branch (its code; empty: all), whether the tiles compare with the previous period, the page shown and
// whether it shows the table instead of the charts.
inline const SettingValue<int> dashboardsPeriod{"dashboards/period", 1};
inline const SettingValue<QDate> dashboardsFrom{"dashboards/from"};
inline const SettingValue<QDate> dashboardsTo{"dashboards/to"};
inline const SettingValue<QString> dashboardsBranch{"dashboards/branch"};
inline const SettingValue<bool> dashboardsCompare{"dashboards/compare", false};
inline const SettingValue<int> dashboardsPage{"dashboards/page", 0};
inline const SettingValue<bool> dashboardsTable{"dashboards/table", false};

} // namespace UserSettings

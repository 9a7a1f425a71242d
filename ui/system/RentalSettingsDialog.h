#pragma once

#include "services/FleetService.h"
#include "services/RentalDeskService.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

class DatabaseThread;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

// System › Rental rates and settings…: for the defaults or one branch, the rental settings (kilometres,
// fuel, grace, cleaning, early return, VAT, deposit, terms), the rate card of each vehicle class (base rates
// and seasons) and the extras (read-only). Read and written with RentalDeskService on the database thread;
// a refusal is shown next to what is wrong and keeps every edit. A branch without its own settings shows
// the defaults until it is saved.
class RentalSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // The columns of the seasons table.
    enum SeasonColumn { NameColumn, FirstColumn, LastColumn, DailyColumn, WeeklyColumn, MonthlyColumn, ColumnCount };

    explicit RentalSettingsDialog(DatabaseThread *database, QWidget *parent = nullptr);

    // Whether the chosen branch's settings and cards have been read.
    bool isLoaded() const { return m_loaded; }
    // Chooses the defaults (nothing) or a branch, and reads what it has (asks first when edits would be lost).
    void chooseBranch(std::optional<qint64> branchId);
    std::optional<qint64> branchId() const { return m_branchId; }
    // Shows the card of a vehicle class ("ECON").
    void chooseClass(const QString &code);

    // What the form holds now.
    RentalSettings settings() const;
    RateCard card(const QString &code) const;
    bool hasChanges() const;

    QString messageText() const;
    QString scopeText() const;
    QString settingsErrorText() const;
    QString cardErrorText() const;
    QTableWidget *seasonsTable() const { return m_seasons; }
    QPushButton *saveButton() const { return m_save; }

    // Close: asks first when there are changes that are not saved.
    void reject() override;

    // Adds a season row (name, dates, the base rates as a start) to the card shown.
    void addSeason();

signals:
    // The chosen branch's settings and cards were read.
    void loaded();
    // Something was written (the dialog stays open with what is now stored).
    void saved();

private:
    struct BranchData
    {
        RentalSettings settings;
        QHash<QString, RateCard> cards; // classes without a card are absent
    };
    struct SaveOutcome
    {
        bool settingsSaved = false;
        QStringList cardsSaved;
        std::optional<Error> error;
        QString failedClass; // empty: the settings failed (when error is set)
    };

    void buildSettingsTab(QWidget *tab);
    void buildCardsTab(QWidget *tab);
    void buildExtrasTab(QWidget *tab);
    void loadBranch();
    void showBranch(const BranchData &data);
    void showSettings(const RentalSettings &settings);
    void showCard(const QString &code);
    void cardEdited();
    void updateState();
    void save();
    void finishSave(const SaveOutcome &outcome);
    RateCard cardFromEditors() const;
    void selectRefusedSeason(const RateCard &card);
    QString money(qint64 cents) const;

    DatabaseThread *m_database;
    QString m_currency = QStringLiteral("EUR");
    QList<Branch> m_branches;
    QList<VehicleClass> m_classes;
    std::optional<qint64> m_branchId;
    bool m_loaded = false;
    bool m_updating = false;
    bool m_saving = false;
    int m_loadGeneration = 0;

    RentalSettings m_savedSettings;
    bool m_ownSettings = false;
    QHash<QString, RateCard> m_savedCards;  // as stored (classes without a card are absent)
    QHash<QString, RateCard> m_editedCards; // as edited (every class shown once)
    QString m_currentClass;

    QComboBox *m_branch;
    QLabel *m_scope;
    QTabWidget *m_tabs;
    // Settings.
    QSpinBox *m_kmPerDay = nullptr;
    QCheckBox *m_unlimitedKm = nullptr;
    QDoubleSpinBox *m_extraKm = nullptr;
    QComboBox *m_fuelCharging = nullptr;
    QDoubleSpinBox *m_fuelLitre = nullptr;
    QDoubleSpinBox *m_refuelEighth = nullptr;
    QSpinBox *m_grace = nullptr;
    QDoubleSpinBox *m_cleaning = nullptr;
    QComboBox *m_earlyReturn = nullptr;
    QCheckBox *m_includeVat = nullptr;
    QDoubleSpinBox *m_vatRate = nullptr;
    QCheckBox *m_depositRequired = nullptr;
    QDoubleSpinBox *m_defaultDeposit = nullptr;
    QPlainTextEdit *m_terms = nullptr;
    QLabel *m_settingsError = nullptr;
    // Rate cards.
    QListWidget *m_classList = nullptr;
    QLabel *m_cardNote = nullptr;
    QDoubleSpinBox *m_daily = nullptr;
    QDoubleSpinBox *m_weekly = nullptr;
    QDoubleSpinBox *m_monthly = nullptr;
    QTableWidget *m_seasons = nullptr;
    QPushButton *m_addSeason = nullptr;
    QPushButton *m_removeSeason = nullptr;
    QLabel *m_cardError = nullptr;
    // Extras.
    QTableWidget *m_extras = nullptr;

    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    QPushButton *m_save;
};

#pragma once

#include "ui/common/IssueStyle.h"

#include "Error.h"
#include "domain/CarRow.h"
#include "domain/CarValidator.h"
#include "services/FleetService.h"

#include <QDialog>
#include <QFuture>
#include <QMap>
#include <QPointer>

#include <optional>
#include <utility>

class DatabaseThread;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;

// The car editor, for a new car and for an existing one. Every change is checked with CarValidator and
// the findings are shown under the fields; Save stays disabled while there are errors. Saving runs
// FleetService::create or ::update on the database thread; an edit is saved against the version it was
// opened at, and a conflict with someone else's save offers to reload theirs or overwrite it.
class CarEditorDialog : public QDialog
{
    Q_OBJECT

public:
    // A new car.
    explicit CarEditorDialog(DatabaseThread *database, QWidget *parent = nullptr);
    // Edits `car`.
    CarEditorDialog(DatabaseThread *database, const CarDetails &car, QWidget *parent = nullptr);
    // Edits the car of `row`; its details are fetched first (the form waits for them).
    CarEditorDialog(DatabaseThread *database, const CarRow &row, QWidget *parent = nullptr);

    bool isNewCar() const { return m_carId == 0; }
    // The car as it was before the last save (for undo): as opened, reloaded, or as it was overwritten.
    CarDetails original() const { return m_original; }
    // What the last successful save wrote.
    CarRecord savedRecord() const { return m_savedRecord; }

    // The form's texts, and the form filled from them (showing every finding, also of untouched fields).
    CarInput input() const;
    void setInput(const CarInput &input);
    const CarValidation &validation() const { return m_validation; }
    bool isModified() const;
    bool isBusy() const { return m_busy; }
    // The text in the message area at the top ("" when it is hidden).
    QString messageText() const;

    // The texts the editor shows for `car`; validating them gives back the car's record.
    static CarInput inputFrom(const CarDetails &car);

    void reject() override; // asks before discarding changes
    void done(int result) override;

signals:
    void saved(const CarDetails &car);
    // Sell… was chosen for car `carId` (the editor has closed): a sale makes a car sold, not its status.
    void sellRequested(qint64 carId);

private:
    using FieldWidgets = IssueStyle::FieldWidgets;

    void buildForm();
    void addField(QGridLayout *grid, CarField field, QWidget *input);
    void fill(const CarInput &input);
    void fillCombos();
    void updateModels();
    void normaliseVin();
    void fieldEdited(CarField field);
    // A valid VIN names the make and the model year (offline): they fill the fields still empty.
    void fillFromVin();
    void revalidate();
    // A new car's rental class follows its body and list price (FleetService::vehicleClassFor) until one is chosen.
    bool classPreset() const;
    void presetVehicleClass();
    void showFieldIssues(CarField field, const QList<CarIssue> &issues);
    void updateSummary();
    void trySave();
    void save(bool overwrite);
    void saveFinished(const CarRecord &record, const Result<CarDetails> &result,
                      const std::optional<CarDetails> &overwritten = std::nullopt);
    void showConflict(const Error &error);
    void reload(qint64 id);
    void setDetails(const CarDetails &car);
    // "Sold" is a choice only for a car that is sold already; Sell… is offered for a car that may be sold.
    void updateSoldChoice();
    void setBusy(bool busy, const QString &status = {});
    void showMessage(const QString &text, bool isError);
    void hideMessage();

    DatabaseThread *m_database;
    qint64 m_carId = 0;
    CarDetails m_original;
    CarRecord m_savedRecord;
    FleetVocabulary m_vocabulary;
    CarInput m_baseline; // the form as loaded: isModified() compares against it
    CarValidation m_validation;
    QList<CarField> m_touched; // fields whose errors are shown; those of the others are only summed up
    bool m_showAll = false;    // every error is shown (after Save was tried, or for a loaded car)
    bool m_filling = false;    // the form is being filled by code, not typed in
    bool m_busy = false;
    bool m_loaded = true; // false while the car of a CarRow is being fetched, or could not be
    QPointer<QWidget> m_focusBeforeBusy;

    QMap<CarField, FieldWidgets> m_fields;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_messageArea = nullptr;
    QLabel *m_messageIcon = nullptr;
    QLabel *m_messageText = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_save = nullptr;
    QLineEdit *m_vin = nullptr;
    QComboBox *m_make = nullptr;
    QComboBox *m_model = nullptr;
    QComboBox *m_colour = nullptr;
    QComboBox *m_location = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_vehicleClass = nullptr;
    bool m_classChosen = false;                             // the class was chosen (or loaded), not preset
    std::optional<std::pair<QString, QString>> m_presetFor; // body type and list price of the last preset asked
    int m_presetRequest = 0;
    QPushButton *m_sell = nullptr;
    QList<QLineEdit *> m_amounts; // list price and cost: their placeholder is an amount in the currency
};

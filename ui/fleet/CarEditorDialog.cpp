#include "CarEditorDialog.h"

#include "Async.h"
#include "UserSettings.h"
#include "db/DatabaseThread.h"
#include "domain/CarVocabulary.h"
#include "domain/Money.h"
#include "domain/Vin.h"
#include "domain/VinDecoder.h"
#include "ui/common/IssueStyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QShortcut>
#include <QStandardItemModel>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace {

constexpr int kIconSize = IssueStyle::IconSize;

// An amount the validator reads back exactly: no group separators, the locale's decimal separator
// when it is one the validator knows, two decimals only when there are cents.
QString amountText(qint64 cents)
{
    const int decimals = cents % 100 == 0 ? 0 : 2;
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    const QString text = locale.toString(double(cents) / 100.0, 'f', decimals);
    return CarValidator::parseMoney(text) ? text : QString::number(double(cents) / 100.0, 'f', decimals);
}

QString numberText(const std::optional<int> &value)
{
    return value ? QString::number(*value) : QString();
}

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString textOf(const QWidget *input)
{
    if (const auto *edit = qobject_cast<const QLineEdit *>(input))
        return edit->text();
    if (const auto *combo = qobject_cast<const QComboBox *>(input))
        return combo->isEditable() ? combo->currentText() : combo->currentData().toString();
    if (const auto *text = qobject_cast<const QPlainTextEdit *>(input))
        return text->toPlainText();
    if (const auto *box = qobject_cast<const QCheckBox *>(input)) // yes, or empty for no (as a new car has it)
        return box->isChecked() ? QStringLiteral("yes") : QString();
    return {};
}

void setTextOf(QWidget *input, CarField field, const QString &text)
{
    if (auto *edit = qobject_cast<QLineEdit *>(input)) {
        edit->setText(text);
    } else if (auto *combo = qobject_cast<QComboBox *>(input)) {
        if (combo->isEditable()) {
            combo->setCurrentIndex(combo->findText(text, Qt::MatchFixedString));
            combo->setEditText(text);
            return;
        }
        // Non-editable combos hold keys; a label or synonym is turned into its key, anything else is
        // added as it is, so that the validation can name it.
        QString key = text;
        if (const auto kind = CarValidator::vocabularyOf(field))
            key = CarVocabulary::normalise(*kind, text).value_or(text);
        int index = combo->findData(key);
        if (index < 0 && !key.isEmpty()) {
            combo->addItem(key, key);
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(index);
    } else if (auto *plain = qobject_cast<QPlainTextEdit *>(input)) {
        plain->setPlainText(text);
    } else if (auto *box = qobject_cast<QCheckBox *>(input)) {
        box->setChecked(CarValidator::parseYesNo(text).value_or(false));
    }
}

bool sameInput(const CarInput &a, const CarInput &b)
{
    const QList<CarField> fields = CarValidator::fields();
    return std::all_of(fields.begin(), fields.end(), [&](CarField field) { return a.value(field) == b.value(field); });
}

QComboBox *editableCombo(QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    // A popup suggests without changing what was typed (inline completion would append to it).
    combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    return combo;
}

// The terms of a list; for a list whose value may be unknown, "Not stated" (an empty key) comes first and
// is the choice of a new car.
QComboBox *vocabularyCombo(CarVocabulary::Kind kind, const QString &placeholder, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    if (CarVocabulary::mayBeNotStated(kind))
        combo->addItem(CarVocabulary::notStatedLabel(), QString());
    for (const CarVocabulary::Term &term : CarVocabulary::terms(kind))
        combo->addItem(term.label, term.key);
    combo->setPlaceholderText(placeholder);
    combo->setCurrentIndex(CarVocabulary::mayBeNotStated(kind) ? 0 : -1);
    return combo;
}

} // namespace

// Calls `handler(result)` on the GUI thread when `future` is done, unless the dialog is gone by then.
// The context of then() is the database thread object, not the dialog: Qt 6.4 asserts when the context
// dies before the future finishes, and a dialog may close while its job runs.
CarEditorDialog::CarEditorDialog(DatabaseThread *database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
{
    setObjectName(QStringLiteral("carEditorDialog"));
    setWindowTitle(tr("New car"));
    buildForm();

    CarInput fresh;
    fresh.status = QStringLiteral("available");
    fill(fresh);
    m_baseline = input();

    whenFinished(m_database->submit([](Database &db) { return FleetService::vocabulary(db); }), this,
                 [this](const Result<FleetVocabulary> &vocabulary) {
                     if (!vocabulary) {
                         showMessage(vocabulary.error().message, true);
                         return;
                     }
                     m_vocabulary = *vocabulary;
                     fillCombos();
                 });

    // Wide enough that the messages under the fields wrap to a few lines, tall enough for the whole form.
    const QSize content = m_scroll->widget()->sizeHint();
    QSize size(std::max(content.width() + 2 * style()->pixelMetric(QStyle::PM_ScrollBarExtent),
                        fontMetrics().averageCharWidth() * 150),
               content.height() + 4 * m_save->sizeHint().height() + 8 * fontMetrics().lineSpacing());
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableSize() * 0.9);
    resize(size);
    restoreGeometry(UserSettings::carEditorGeometry.value());
}

CarEditorDialog::CarEditorDialog(DatabaseThread *database, const CarDetails &car, QWidget *parent)
    : CarEditorDialog(database, parent)
{
    setDetails(car);
}

CarEditorDialog::CarEditorDialog(DatabaseThread *database, const CarRow &row, QWidget *parent)
    : CarEditorDialog(database, parent)
{
    // Show what the row knows while the rest comes; the form stays disabled until it is there.
    CarDetails partial;
    partial.row = row;
    m_carId = row.id;
    m_original = partial;
    updateSoldChoice();
    m_loaded = false;
    m_showAll = true;
    setWindowTitle(tr("Edit stock #%1").arg(row.stockNumber));
    fill(inputFrom(partial));
    m_baseline = input();
    reload(row.id);
}

void CarEditorDialog::buildForm()
{
    m_messageArea = new QFrame(this);
    m_messageArea->setObjectName(QStringLiteral("messageArea"));
    m_messageIcon = new QLabel(m_messageArea);
    m_messageIcon->setAlignment(Qt::AlignTop);
    m_messageText = new QLabel(m_messageArea);
    m_messageText->setObjectName(QStringLiteral("messageText"));
    m_messageText->setWordWrap(true);
    m_messageText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *messageLayout = new QHBoxLayout(m_messageArea);
    messageLayout->setContentsMargins(8, 6, 8, 6);
    messageLayout->addWidget(m_messageIcon);
    messageLayout->addWidget(m_messageText, 1);
    m_messageArea->hide();

    auto *content = new QWidget;
    const auto group = [content](const QString &title) {
        auto *box = new QGroupBox(title, content);
        auto *grid = new QGridLayout(box);
        grid->setColumnStretch(1, 1);
        grid->setVerticalSpacing(4);
        return std::pair(box, grid);
    };
    const auto lineEdit = [content](const QString &placeholder = {}) {
        auto *edit = new QLineEdit(content);
        edit->setPlaceholderText(placeholder);
        return edit;
    };

    // Identity
    auto [identityBox, identity] = group(tr("Identity"));
    addField(identity, CarField::StockNumber, lineEdit(tr("Automatic when empty")));
    m_vin = lineEdit(tr("17 characters"));
    m_vin->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(m_vin, &QLineEdit::textEdited, this, &CarEditorDialog::normaliseVin);
    addField(identity, CarField::Vin, m_vin);
    m_make = editableCombo(content);
    addField(identity, CarField::Make, m_make);
    m_model = editableCombo(content);
    addField(identity, CarField::Model, m_model);
    addField(identity, CarField::Trim, lineEdit());
    addField(identity, CarField::ModelYear, lineEdit(tr("For example %1").arg(QDate::currentDate().year())));

    // Specification
    auto [specificationBox, specification] = group(tr("Specification"));
    addField(specification, CarField::BodyType, vocabularyCombo(CarVocabulary::Kind::BodyType, {}, content));
    addField(specification, CarField::FuelType, vocabularyCombo(CarVocabulary::Kind::FuelType, {}, content));
    addField(specification, CarField::Transmission, vocabularyCombo(CarVocabulary::Kind::Transmission, {}, content));
    addField(specification, CarField::Drive, vocabularyCombo(CarVocabulary::Kind::Drive, {}, content));
    m_colour = editableCombo(content);
    addField(specification, CarField::Colour, m_colour);
    addField(specification, CarField::Seats, lineEdit());
    addField(specification, CarField::Doors, lineEdit());
    addField(specification, CarField::PowerKw, lineEdit());

    // Stock
    auto [stockBox, stock] = group(tr("Stock"));
    addField(stock, CarField::Condition, vocabularyCombo(CarVocabulary::Kind::Condition, {}, content));
    m_status = vocabularyCombo(
        CarVocabulary::Kind::Status,
        tr("%1 (default)").arg(CarVocabulary::label(CarVocabulary::Kind::Status, QStringLiteral("available"))),
        content);
    addField(stock, CarField::Status, m_status);
    // A car becomes sold with its sale: Sell… records it (SellCarDialog), "Sold" is not a status to choose here.
    m_sell = new QPushButton(tr("Sell…"), content);
    m_sell->setObjectName(QStringLiteral("sellFromEditor"));
    m_sell->setAccessibleName(tr("Sell this car"));
    m_sell->setToolTip(tr("Closes the editor and records the car's sale (date, price, buyer, salesperson); the car "
                          "becomes sold with it."));
    connect(m_sell, &QPushButton::clicked, this, [this] {
        const qint64 id = m_carId;
        reject(); // asks before discarding changes
        if (isHidden())
            emit sellRequested(id);
    });
    stock->addWidget(m_sell, stock->rowCount(), 1, Qt::AlignLeft); // under the status (and its message)
    updateSoldChoice();
    m_location = new QComboBox(content);
    m_location->addItem(tr("No location"), QString());
    addField(stock, CarField::Location, m_location);
    auto *forRent = new QCheckBox(tr("Rented out, not for sale"), content);
    forRent->setToolTip(tr("Cars in the rental fleet count in the rental dashboards; the others are stock for sale."));
    addField(stock, CarField::ForRent, forRent);
    m_vehicleClass = new QComboBox(content);
    m_vehicleClass->setToolTip(tr("The class whose rate card prices the car at the rental desk. A new car gets the "
                                  "class of its body and list price unless another is chosen."));
    m_vehicleClass->addItem(tr("None"), QStringLiteral("none"));
    addField(stock, CarField::VehicleClass, m_vehicleClass);
    addField(stock, CarField::MileageKm, lineEdit(QStringLiteral("0")));
    for (const CarField field : {CarField::ListPrice, CarField::Cost}) {
        m_amounts << lineEdit(tr("Amount"));
        addField(stock, field, m_amounts.constLast());
    }
    const QString datePlaceholder = tr("YYYY-MM-DD or DD.MM.YYYY");
    for (const CarField field : {CarField::AcquiredOn, CarField::ListedOn, CarField::SoldOn})
        addField(stock, field, lineEdit(datePlaceholder));

    // Features and notes
    auto [moreBox, more] = group(tr("Features and notes"));
    auto *features = new QPlainTextEdit(content);
    features->setPlaceholderText(tr("One per line, for example:\nHeated seats\nTow bar"));
    features->setTabChangesFocus(true);
    addField(more, CarField::Features, features);
    auto *notes = new QPlainTextEdit(content);
    notes->setTabChangesFocus(true);
    addField(more, CarField::Notes, notes);
    for (QPlainTextEdit *edit : {features, notes})
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 4 + 2 * edit->frameWidth() + 8);

    // Line the inputs of all groups up.
    int labelWidth = 0;
    for (QGridLayout *grid : {identity, specification, stock, more})
        for (int row = 0; row < grid->rowCount(); ++row)
            if (const QLayoutItem *item = grid->itemAtPosition(row, 0))
                labelWidth = std::max(labelWidth, item->sizeHint().width());
    for (QGridLayout *grid : {identity, specification, stock, more})
        grid->setColumnMinimumWidth(0, labelWidth);

    auto *left = new QVBoxLayout;
    left->addWidget(identityBox);
    left->addWidget(specificationBox);
    left->addStretch();
    auto *right = new QVBoxLayout;
    right->addWidget(stockBox);
    right->addWidget(moreBox);
    right->addStretch();
    auto *columns = new QHBoxLayout(content);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setText(tr("&Save"));
    m_save->setToolTip(
        tr("Save the car (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    connect(buttons, &QDialogButtonBox::accepted, this, &CarEditorDialog::trySave);
    connect(buttons, &QDialogButtonBox::rejected, this, &CarEditorDialog::reject);
    connect(new QShortcut(QKeySequence::Save, this), &QShortcut::activated, this, &CarEditorDialog::trySave);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messageArea);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(bottom);

    // Reading order: down the left column, then down the right one, then the buttons.
    static const QList<CarField> order = {
        CarField::StockNumber, CarField::Vin,      CarField::Make,       CarField::Model,        CarField::Trim,
        CarField::ModelYear,   CarField::BodyType, CarField::FuelType,   CarField::Transmission, CarField::Drive,
        CarField::Colour,      CarField::Seats,    CarField::Doors,      CarField::PowerKw,      CarField::Condition,
        CarField::Status,      CarField::Location, CarField::ForRent,    CarField::VehicleClass, CarField::MileageKm,
        CarField::ListPrice,   CarField::Cost,     CarField::AcquiredOn, CarField::ListedOn,     CarField::SoldOn,
        CarField::Features,    CarField::Notes};
    QWidget *previous = nullptr;
    for (const CarField field : order) {
        QWidget *next = m_fields.value(field).input;
        if (previous)
            setTabOrder(previous, next);
        previous = next;
    }
    setTabOrder(previous, m_save);
    setTabOrder(m_save, buttons->button(QDialogButtonBox::Cancel));
}

void CarEditorDialog::addField(QGridLayout *grid, CarField field, QWidget *input)
{
    const int row = grid->count() == 0 ? 0 : grid->rowCount();
    const QString name = CarValidator::fieldLabel(field);
    auto *label = new QLabel(tr("%1:").arg(name), input->parentWidget());
    label->setBuddy(input);
    input->setAccessibleName(name);
    const bool multiLine = qobject_cast<QPlainTextEdit *>(input) != nullptr;
    grid->addWidget(label, row, 0, (multiLine ? Qt::AlignTop : Qt::AlignVCenter) | Qt::AlignLeft);
    grid->addWidget(input, row, 1);

    FieldWidgets widgets;
    widgets.input = input;
    widgets.messageBox = new QWidget(input->parentWidget());
    widgets.icon = new QLabel(widgets.messageBox);
    widgets.icon->setFixedSize(kIconSize, kIconSize);
    widgets.message = new QLabel(widgets.messageBox);
    widgets.message->setObjectName(CarValidator::fieldKey(field) + QStringLiteral("Message"));
    widgets.message->setWordWrap(true);
    widgets.message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *messageLayout = new QHBoxLayout(widgets.messageBox);
    messageLayout->setContentsMargins(0, 0, 0, 4);
    messageLayout->setSpacing(4);
    messageLayout->addWidget(widgets.icon, 0, Qt::AlignTop);
    messageLayout->addWidget(widgets.message, 1);
    widgets.messageBox->hide();
    grid->addWidget(widgets.messageBox, row + 1, 1);
    m_fields.insert(field, widgets);

    const auto edited = [this, field] { fieldEdited(field); };
    if (auto *edit = qobject_cast<QLineEdit *>(input))
        connect(edit, &QLineEdit::textChanged, this, edited);
    else if (auto *combo = qobject_cast<QComboBox *>(input); combo && combo->isEditable())
        connect(combo, &QComboBox::editTextChanged, this, edited);
    else if (combo)
        connect(combo, &QComboBox::currentIndexChanged, this, edited);
    else if (auto *plain = qobject_cast<QPlainTextEdit *>(input))
        connect(plain, &QPlainTextEdit::textChanged, this, edited);
    else if (auto *box = qobject_cast<QCheckBox *>(input))
        connect(box, &QCheckBox::toggled, this, edited);
}

CarInput CarEditorDialog::input() const
{
    CarInput result;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        result.setValue(it.key(), textOf(it->input));
    // The class shown for a new car is the preset: not given, so the save applies the same rule to what it saves.
    if (classPreset())
        result.vehicleClass.clear();
    return result;
}

void CarEditorDialog::setInput(const CarInput &input)
{
    m_showAll = true;
    fill(input);
}

void CarEditorDialog::fill(const CarInput &input)
{
    const bool filling = std::exchange(m_filling, true);
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        setTextOf(it->input, it.key(), input.value(it.key()));
    m_classChosen = !input.vehicleClass.trimmed().isEmpty();
    m_presetFor.reset(); // the combo lost what was preset
    updateModels();
    m_filling = filling;
    revalidate();
}

bool CarEditorDialog::isModified() const
{
    return !sameInput(input(), m_baseline);
}

QString CarEditorDialog::messageText() const
{
    return m_messageArea->isHidden() ? QString() : m_messageText->text();
}

CarInput CarEditorDialog::inputFrom(const CarDetails &car)
{
    const CarRow &row = car.row;
    CarInput input;
    input.stockNumber = row.stockNumber;
    input.vin = row.vin;
    input.make = row.make;
    input.model = row.model;
    input.trim = row.trim;
    input.modelYear = row.modelYear > 0 ? QString::number(row.modelYear) : QString();
    input.bodyType = row.bodyType;
    input.fuelType = row.fuelType;
    input.transmission = row.transmission;
    input.drive = row.drive;
    input.colour = row.colour;
    input.seats = numberText(row.seats);
    input.doors = numberText(row.doors);
    input.powerKw = numberText(row.powerKw);
    input.mileageKm = QString::number(row.mileageKm);
    input.condition = row.condition;
    input.status = row.status;
    input.location = row.location;
    input.listPrice = amountText(row.listPriceCents);
    input.cost = row.costCents ? amountText(*row.costCents) : QString();
    input.acquiredOn = dateText(row.acquiredOn);
    input.listedOn = dateText(row.listedOn);
    input.soldOn = dateText(row.soldOn);
    input.features = car.features.join(QLatin1Char('\n'));
    input.notes = car.notes;
    input.forRent = row.forRent ? QStringLiteral("yes") : QString();
    input.vehicleClass = row.vehicleClass.isEmpty() ? QStringLiteral("none") : row.vehicleClass;
    return input;
}

void CarEditorDialog::fillCombos()
{
    const CarInput current = input();
    const bool filling = std::exchange(m_filling, true);
    m_make->clear();
    m_make->addItems(m_vocabulary.modelsByMake.keys());
    m_colour->clear();
    m_colour->addItems(m_vocabulary.colours);
    m_location->clear();
    m_location->addItem(tr("No location"), QString());
    for (const Branch &branch : std::as_const(m_vocabulary.branches))
        m_location->addItem(tr("%1 – %2").arg(branch.code, branch.name), branch.code);
    m_vehicleClass->clear();
    m_vehicleClass->addItem(tr("None"), QStringLiteral("none"));
    for (const auto &[code, name] : std::as_const(m_vocabulary.vehicleClasses)) {
        m_vehicleClass->addItem(name, code);
        m_vehicleClass->setItemData(m_vehicleClass->count() - 1, code, Qt::ToolTipRole);
    }
    for (QLineEdit *amount : std::as_const(m_amounts))
        amount->setPlaceholderText(tr("For example %1").arg(Money::format(1'890'000, m_vocabulary.currency)));
    m_filling = filling;
    fill(current);
}

void CarEditorDialog::updateModels()
{
    const QString make = m_make->currentText().simplified();
    QStringList models;
    for (auto it = m_vocabulary.modelsByMake.cbegin(); it != m_vocabulary.modelsByMake.cend(); ++it) {
        if (it.key().compare(make, Qt::CaseInsensitive) == 0)
            models = it.value();
    }
    QStringList shown;
    for (int i = 0; i < m_model->count(); ++i)
        shown << m_model->itemText(i);
    if (shown == models)
        return;
    const QString text = m_model->currentText();
    const bool filling = std::exchange(m_filling, true);
    m_model->clear();
    m_model->addItems(models);
    setTextOf(m_model, CarField::Model, text);
    m_filling = filling;
}

void CarEditorDialog::normaliseVin()
{
    const QString text = m_vin->text();
    const QString normalised = Vin::normalise(text);
    if (normalised == text)
        return;
    const int cursor = int(Vin::normalise(text.left(m_vin->cursorPosition())).size());
    m_vin->setText(normalised);
    m_vin->setCursorPosition(cursor);
}

void CarEditorDialog::fieldEdited(CarField field)
{
    if (m_filling)
        return;
    if (!m_touched.contains(field))
        m_touched << field;
    if (field == CarField::VehicleClass)
        m_classChosen = true;
    if (field == CarField::Make)
        updateModels();
    if (field == CarField::Vin)
        fillFromVin();
    revalidate();
}

void CarEditorDialog::fillFromVin()
{
    const VinDecoding decoding = VinDecoder::decode(m_vin->text());
    if (!decoding.valid)
        return;
    if (m_make->currentText().trimmed().isEmpty() && !decoding.manufacturer.isEmpty()) {
        QString make = decoding.manufacturer;
        for (auto it = m_vocabulary.modelsByMake.cbegin(); it != m_vocabulary.modelsByMake.cend(); ++it) {
            if (it.key().compare(make, Qt::CaseInsensitive) == 0)
                make = it.key(); // the fleet's spelling of it
        }
        setTextOf(m_make, CarField::Make, make);
    }
    auto *year = qobject_cast<QLineEdit *>(m_fields.value(CarField::ModelYear).input);
    if (year && year->text().trimmed().isEmpty() && decoding.modelYear)
        year->setText(QString::number(*decoding.modelYear));
}

void CarEditorDialog::revalidate()
{
    if (m_filling)
        return;
    CarValidationOptions options;
    options.currency = m_vocabulary.currency;
    options.vehicleClasses = m_vocabulary.vehicleClasses;
    m_validation = CarValidator::validate(input(), options);
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        // Errors of untouched fields (mostly: not filled in yet) are only summed up below the form.
        QList<CarIssue> issues = m_validation.issuesFor(it.key());
        if (!m_showAll && !m_touched.contains(it.key()))
            issues.removeIf([](const CarIssue &issue) { return issue.severity == CarIssue::Severity::Error; });
        showFieldIssues(it.key(), issues);
    }
    updateSummary();
    presetVehicleClass();
}

bool CarEditorDialog::classPreset() const
{
    return isNewCar() && !m_classChosen;
}

void CarEditorDialog::presetVehicleClass()
{
    if (!classPreset() || m_vocabulary.vehicleClasses.isEmpty())
        return;
    const std::pair<QString, QString> wanted{m_validation.record.bodyType, m_validation.record.listPrice};
    if (m_presetFor == wanted)
        return;
    m_presetFor = wanted;
    const int request = ++m_presetRequest;
    whenFinished(m_database->submit(
                     [wanted](Database &db) { return FleetService::vehicleClassFor(db, wanted.first, wanted.second); }),
                 this, [this, request](const Result<QString> &code) {
                     // A later edit asked again, or a class was chosen meanwhile.
                     if (request != m_presetRequest || !classPreset() || !code)
                         return;
                     const bool filling = std::exchange(m_filling, true);
                     m_vehicleClass->setCurrentIndex(
                         m_vehicleClass->findData(code->isEmpty() ? QStringLiteral("none") : *code));
                     m_filling = filling;
                 });
}

void CarEditorDialog::showFieldIssues(CarField field, const QList<CarIssue> &issues)
{
    QStringList messages;
    for (const CarIssue &issue : issues)
        messages << issue.message;
    IssueStyle::showMessages(m_fields[field], messages,
                             std::any_of(issues.begin(), issues.end(), [](const CarIssue &issue) {
                                 return issue.severity == CarIssue::Severity::Error;
                             }));
}

void CarEditorDialog::updateSummary()
{
    const QList<CarIssue> errors = m_validation.errors();
    m_save->setEnabled(!m_busy && m_loaded && errors.isEmpty());
    QStringList fields;
    for (const CarIssue &issue : errors) {
        const QString name = CarValidator::fieldLabel(issue.field);
        if (!fields.contains(name))
            fields << name;
    }
    m_summary->setText(IssueStyle::summary(fields, int(m_validation.warnings().size())));
}

void CarEditorDialog::trySave()
{
    if (m_busy || !m_loaded)
        return;
    if (!m_validation.isValid()) {
        // Show every finding, also of fields not touched yet, and go to the first one.
        m_showAll = true;
        revalidate();
        if (const QList<CarIssue> errors = m_validation.errors(); !errors.isEmpty()) {
            QWidget *input = m_fields.value(errors.constFirst().field).input;
            m_scroll->ensureWidgetVisible(input);
            input->setFocus(Qt::OtherFocusReason);
        }
        return;
    }
    save(false);
}

void CarEditorDialog::save(bool overwrite)
{
    const CarRecord record = m_validation.record;
    const qint64 id = m_carId;
    setBusy(true, tr("Saving…"));
    if (isNewCar()) {
        whenFinished(m_database->submit([record](Database &db) { return FleetService::create(db, record); }), this,
                     [this, record](const Result<CarDetails> &result) { saveFinished(record, result); });
    } else if (!overwrite) {
        const int version = m_original.row.version;
        whenFinished(m_database->submit(
                         [id, record, version](Database &db) { return FleetService::update(db, id, record, version); }),
                     this, [this, record](const Result<CarDetails> &result) { saveFinished(record, result); });
    } else {
        // Read what gets overwritten first: that is what an undo has to bring back.
        using Overwrite = Result<std::pair<CarDetails, CarDetails>>;
        whenFinished(m_database->submit([id, record](Database &db) -> Overwrite {
            const auto before = FleetService::details(db, id);
            if (!before)
                return std::unexpected(before.error());
            const auto after = FleetService::update(db, id, record, std::nullopt);
            if (!after)
                return std::unexpected(after.error());
            return std::pair(*before, *after);
        }),
                     this, [this, record](const Overwrite &result) {
                         if (result)
                             saveFinished(record, result->second, result->first);
                         else
                             saveFinished(record, std::unexpected(result.error()));
                     });
    }
}

void CarEditorDialog::saveFinished(const CarRecord &record, const Result<CarDetails> &result,
                                   const std::optional<CarDetails> &overwritten)
{
    setBusy(false);
    if (!result) {
        if (result.error().code == Error::Code::Stale)
            showConflict(result.error());
        else
            showMessage(result.error().message, true);
        return;
    }
    if (overwritten)
        m_original = *overwritten;
    m_savedRecord = record;
    emit saved(*result);
    if (isVisible()) // not closed while the save was under way
        QDialog::accept();
}

void CarEditorDialog::showConflict(const Error &error)
{
    showMessage(error.message, true); // stays when the choice is Cancel
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Changed by someone else"), error.message,
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("conflictBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Reload their version to see what they changed (what you typed here is discarded), "
                               "or overwrite their version with yours."));
    QPushButton *reloadButton = box->addButton(tr("&Reload their version"), QMessageBox::AcceptRole);
    reloadButton->setObjectName(QStringLiteral("reloadButton"));
    QPushButton *overwriteButton = box->addButton(tr("&Overwrite with mine"), QMessageBox::DestructiveRole);
    overwriteButton->setObjectName(QStringLiteral("overwriteButton"));
    QPushButton *cancelButton = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancelButton);
    box->setEscapeButton(cancelButton);
    connect(box, &QMessageBox::buttonClicked, this, [this, reloadButton, overwriteButton](QAbstractButton *button) {
        if (button == reloadButton)
            reload(m_carId);
        else if (button == overwriteButton)
            save(true);
    });
    box->open();
}

void CarEditorDialog::reload(qint64 id)
{
    setBusy(true, tr("Loading the car…"));
    whenFinished(m_database->submit([id](Database &db) { return FleetService::details(db, id); }), this,
                 [this](const Result<CarDetails> &car) {
                     setBusy(false);
                     if (car)
                         setDetails(*car);
                     else
                         showMessage(car.error().message, true);
                 });
}

void CarEditorDialog::updateSoldChoice()
{
    const bool sold = m_carId != 0 && m_original.row.status == QLatin1String("sold");
    // "Sold" stays in the list (a sold car shows it) but is chosen only by a car that is sold already.
    if (auto *items = qobject_cast<QStandardItemModel *>(m_status->model())) {
        if (QStandardItem *item = items->item(m_status->findData(QStringLiteral("sold")))) {
            item->setEnabled(sold);
            item->setToolTip(sold ? QString() : FleetService::sellInsteadText());
        }
    }
    m_status->setToolTip(sold ? QString() : FleetService::sellInsteadText());
    m_sell->setVisible(m_carId != 0 && !sold && m_original.row.status != QLatin1String("retired"));
}

void CarEditorDialog::setDetails(const CarDetails &car)
{
    m_original = car;
    m_carId = car.row.id;
    updateSoldChoice();
    m_loaded = true;
    m_showAll = true;
    setWindowTitle(tr("Edit stock #%1").arg(car.row.stockNumber));
    fill(inputFrom(car));
    m_baseline = input();
    setBusy(false);
}

void CarEditorDialog::setBusy(bool busy, const QString &status)
{
    if (busy && !m_busy)
        m_focusBeforeBusy = focusWidget();
    m_busy = busy;
    m_scroll->widget()->setEnabled(!busy && m_loaded);
    if (busy) {
        setCursor(Qt::BusyCursor);
        showMessage(status, false);
    } else {
        unsetCursor();
        hideMessage();
        if (m_focusBeforeBusy && m_focusBeforeBusy->isEnabled())
            m_focusBeforeBusy->setFocus(Qt::OtherFocusReason);
    }
    updateSummary();
}

void CarEditorDialog::showMessage(const QString &text, bool isError)
{
    m_messageArea->setStyleSheet(IssueStyle::messageAreaStyleSheet(palette(), isError, m_messageArea->objectName()));
    const QStyle::StandardPixmap icon = isError ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxInformation;
    m_messageIcon->setPixmap(style()->standardIcon(icon).pixmap(kIconSize, kIconSize));
    m_messageIcon->setAccessibleName(isError ? tr("Error") : tr("Information"));
    m_messageText->setText(text);
    m_messageArea->show();
}

void CarEditorDialog::hideMessage()
{
    m_messageArea->hide();
    m_messageText->clear();
}

void CarEditorDialog::reject()
{
    if (!m_busy && m_loaded && isModified()) {
        QMessageBox box(QMessageBox::Question, tr("Discard changes?"),
                        isNewCar() ? tr("Discard this new car?")
                                   : tr("Discard your changes to stock #%1?").arg(m_original.row.stockNumber),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("discardBox"));
        QPushButton *discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
        QPushButton *keep = box.addButton(tr("&Keep editing"), QMessageBox::RejectRole);
        box.setDefaultButton(keep);
        box.setEscapeButton(keep);
        box.exec();
        if (box.clickedButton() != discard)
            return;
    }
    QDialog::reject();
}

void CarEditorDialog::done(int result)
{
    UserSettings::carEditorGeometry.setValue(saveGeometry());
    QDialog::done(result);
}

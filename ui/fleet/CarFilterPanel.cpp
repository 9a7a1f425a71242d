#include "CarFilterPanel.h"

#include "domain/CarVocabulary.h"
#include "services/FleetService.h"
#include "ui/common/ChoiceButton.h"
#include "ui/common/MoneyBox.h"

#include <QComboBox>
#include <QDate>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>

namespace {

std::optional<int> valueOf(const QSpinBox *box)
{
    return box->value() == box->minimum() ? std::nullopt : std::optional<int>(box->value());
}

void setValue(QSpinBox *box, const std::optional<qint64> &value)
{
    box->setValue(value ? int(std::clamp<qint64>(*value, box->minimum(), box->maximum())) : box->minimum());
}

} // namespace

CarFilterPanel::CarFilterPanel(QWidget *parent)
    : QWidget(parent)
    , m_makes(new ChoiceButton(tr("Make"), this))
    , m_models(new ChoiceButton(tr("Model"), this))
    , m_fuel(new ChoiceButton(tr("Fuel"), this))
    , m_transmission(new ChoiceButton(tr("Gearbox"), this))
    , m_body(new ChoiceButton(tr("Body"), this))
    , m_colour(new ChoiceButton(tr("Colour"), this))
    , m_seats(new ChoiceButton(tr("Seats"), this))
    , m_condition(new ChoiceButton(tr("Condition"), this))
    , m_status(new ChoiceButton(tr("Status"), this))
    , m_location(new ChoiceButton(tr("Location"), this))
    , m_fleet(new QComboBox(this))
    , m_debounce(new QTimer(this))
{
    // Item data: the filter's for_rent (invalid: any).
    m_fleet->addItem(tr("Rental fleet and stock"), QVariant());
    m_fleet->addItem(tr("Rental fleet"), true);
    m_fleet->addItem(tr("Stock for sale"), false);
    m_fleet->setAccessibleName(tr("Rental fleet or stock for sale"));
    m_fleet->setToolTip(tr("The cars of the rental fleet, the stock for sale, or both"));
    connect(m_fleet, &QComboBox::currentIndexChanged, this, &CarFilterPanel::changed);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(350);
    connect(m_debounce, &QTimer::timeout, this, &CarFilterPanel::changed);

    const int nextYear = QDate::currentDate().year() + 1;
    m_yearFrom = rangeBox(nextYear, 1, QString(), tr("Model year from"));
    m_yearTo = rangeBox(nextYear, 1, QString(), tr("Model year to"));
    for (QSpinBox *year : {m_yearFrom, m_yearTo}) {
        year->setMinimum(1899);
        year->setValue(1899);
        year->setGroupSeparatorShown(false);
    }
    m_priceFrom = rangeBox(10'000'000, 500, QString(), tr("Price from"));
    m_priceTo = rangeBox(10'000'000, 500, QString(), tr("Price to"));
    m_mileageFrom = rangeBox(2'000'000, 5000, tr(" km"), tr("Mileage from"));
    m_mileageTo = rangeBox(2'000'000, 5000, tr(" km"), tr("Mileage to"));

    for (const CarVocabulary::Kind kind :
         {CarVocabulary::Kind::FuelType, CarVocabulary::Kind::Transmission, CarVocabulary::Kind::BodyType,
          CarVocabulary::Kind::Condition, CarVocabulary::Kind::Status}) {
        ChoiceButton *button = kind == CarVocabulary::Kind::FuelType       ? m_fuel
                               : kind == CarVocabulary::Kind::Transmission ? m_transmission
                               : kind == CarVocabulary::Kind::BodyType     ? m_body
                               : kind == CarVocabulary::Kind::Condition    ? m_condition
                                                                           : m_status;
        QStringList keys = CarVocabulary::keys(kind);
        QStringList labels = CarVocabulary::labels(kind);
        if (CarVocabulary::mayBeNotStated(kind)) { // the cars an import left without one
            keys << CarFilter::notStated();
            labels << CarVocabulary::notStatedLabel();
        }
        button->setChoices(keys, labels);
    }
    QStringList seats;
    for (int count : {2, 4, 5, 7, 8, 9})
        seats << QString::number(count);
    m_seats->setChoices(seats, seats);

    for (ChoiceButton *button :
         {m_makes, m_models, m_fuel, m_transmission, m_body, m_colour, m_seats, m_condition, m_status, m_location})
        connect(button, &ChoiceButton::changed, this, &CarFilterPanel::changed);
    connect(m_makes, &ChoiceButton::changed, this, &CarFilterPanel::updateModels);

    auto *clearButton = new QPushButton(tr("Clear filters"), this);
    connect(clearButton, &QPushButton::clicked, this, [this] {
        clear();
        emit changed();
    });

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->setHorizontalSpacing(8);
    const auto range = [this](const QString &label, QSpinBox *from, QSpinBox *to) {
        auto *row = new QWidget(this);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto *title = new QLabel(label, row);
        title->setBuddy(from);
        rowLayout->addWidget(title);
        rowLayout->addWidget(from, 1);
        rowLayout->addWidget(new QLabel(QStringLiteral("–"), row));
        rowLayout->addWidget(to, 1);
        return row;
    };
    int column = 0;
    for (QWidget *widget :
         {static_cast<QWidget *>(m_makes), static_cast<QWidget *>(m_models), static_cast<QWidget *>(m_fuel),
          static_cast<QWidget *>(m_transmission), static_cast<QWidget *>(m_body), static_cast<QWidget *>(m_colour)})
        layout->addWidget(widget, 0, column++);
    column = 0;
    for (QWidget *widget :
         {static_cast<QWidget *>(m_seats), static_cast<QWidget *>(m_condition), static_cast<QWidget *>(m_status),
          static_cast<QWidget *>(m_location), static_cast<QWidget *>(m_fleet)})
        layout->addWidget(widget, 1, column++);
    layout->addWidget(clearButton, 1, 5, Qt::AlignRight);
    layout->addWidget(range(tr("&Year"), m_yearFrom, m_yearTo), 2, 0, 1, 2);
    layout->addWidget(range(tr("&Price"), m_priceFrom, m_priceTo), 2, 2, 1, 2);
    layout->addWidget(range(tr("M&ileage"), m_mileageFrom, m_mileageTo), 2, 4, 1, 2);
    for (int i = 0; i < 6; ++i)
        layout->setColumnStretch(i, 1);
}

QSpinBox *CarFilterPanel::rangeBox(int maximum, int step, const QString &suffix, const QString &accessibleName)
{
    auto *box = new QSpinBox(this);
    box->setRange(0, maximum);
    box->setSingleStep(step);
    box->setSpecialValueText(tr("Any"));
    box->setSuffix(suffix);
    box->setGroupSeparatorShown(true);
    box->setAccessibleName(accessibleName);
    box->setKeyboardTracking(false);
    connect(box, &QSpinBox::valueChanged, m_debounce, qOverload<>(&QTimer::start));
    return box;
}

void CarFilterPanel::setVocabulary(const FleetVocabulary &vocabulary)
{
    m_modelsByMake = vocabulary.modelsByMake;
    const QStringList makes = vocabulary.modelsByMake.keys();
    m_makes->setChoices(makes, makes);
    m_colour->setChoices(vocabulary.colours, vocabulary.colours);
    QStringList codes;
    QStringList names;
    for (const Branch &branch : vocabulary.branches) {
        codes << branch.code;
        names << tr("%1 (%2)").arg(branch.name, branch.code);
    }
    m_location->setChoices(codes, names);
    for (QSpinBox *price : {m_priceFrom, m_priceTo})
        showCurrency(price, vocabulary.currency);
    updateModels();
}

void CarFilterPanel::updateModels()
{
    QStringList models;
    const QStringList makes = m_makes->chosen();
    for (auto it = m_modelsByMake.cbegin(); it != m_modelsByMake.cend(); ++it) {
        if (makes.isEmpty() || makes.contains(it.key()))
            models << it.value();
    }
    models.removeDuplicates();
    models.sort(Qt::CaseInsensitive);
    m_models->setChoices(models, models);
    // Models of makes no longer chosen drop out of the filter.
    QStringList still;
    for (const QString &model : m_models->chosen()) {
        if (models.contains(model))
            still << model;
    }
    m_models->setChosen(still);
}

CarFilter CarFilterPanel::apply(CarFilter filter) const
{
    filter.makes = m_makes->chosen();
    filter.models = m_models->chosen();
    filter.fuelTypes = m_fuel->chosen();
    filter.transmissions = m_transmission->chosen();
    filter.bodyTypes = m_body->chosen();
    filter.colours = m_colour->chosen();
    filter.seats.clear();
    for (const QString &seats : m_seats->chosen())
        filter.seats << seats.toInt();
    filter.conditions = m_condition->chosen();
    filter.statuses = m_status->chosen();
    filter.locations = m_location->chosen();
    filter.yearFrom = valueOf(m_yearFrom);
    filter.yearTo = valueOf(m_yearTo);
    filter.priceFrom = valueOf(m_priceFrom);
    filter.priceTo = valueOf(m_priceTo);
    filter.mileageFrom = valueOf(m_mileageFrom);
    filter.mileageTo = valueOf(m_mileageTo);
    const QVariant fleet = m_fleet->currentData();
    filter.forRent = fleet.isValid() ? std::optional<bool>(fleet.toBool()) : std::nullopt;
    return filter;
}

void CarFilterPanel::show(const CarFilter &filter)
{
    const QSignalBlocker blocker(m_debounce);
    m_makes->setChosen(filter.makes);
    updateModels();
    m_models->setChosen(filter.models);
    m_fuel->setChosen(filter.fuelTypes);
    m_transmission->setChosen(filter.transmissions);
    m_body->setChosen(filter.bodyTypes);
    m_colour->setChosen(filter.colours);
    QStringList seats;
    for (int count : filter.seats)
        seats << QString::number(count);
    m_seats->setChosen(seats);
    m_condition->setChosen(filter.conditions);
    m_status->setChosen(filter.statuses);
    m_location->setChosen(filter.locations);
    setValue(m_yearFrom, filter.yearFrom);
    setValue(m_yearTo, filter.yearTo);
    setValue(m_priceFrom, filter.priceFrom);
    setValue(m_priceTo, filter.priceTo);
    setValue(m_mileageFrom, filter.mileageFrom);
    setValue(m_mileageTo, filter.mileageTo);
    {
        const QSignalBlocker quiet(m_fleet);
        m_fleet->setCurrentIndex(!filter.forRent ? 0 : *filter.forRent ? 1 : 2);
    }
    m_debounce->stop();
}

void CarFilterPanel::clear()
{
    show(CarFilter());
}

#include "ui/system/RentalSettingsDialog.h"

#include "Async.h"
#include "db/DatabaseThread.h"
#include "domain/Money.h"
#include "ui/common/MoneyBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

constexpr double kMaxAmount = 999'999.99;

QDoubleSpinBox *moneyBox(const QString &name, const QString &objectName, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setObjectName(objectName);
    box->setRange(0, kMaxAmount);
    box->setDecimals(2);
    box->setGroupSeparatorShown(true);
    box->setAccessibleName(name);
    return box;
}

qint64 centsOf(const QDoubleSpinBox *box)
{
    return qRound64(box->value() * 100);
}

// An optional rate: zero shows as "none" and means none.
std::optional<qint64> optionalCentsOf(const QDoubleSpinBox *box)
{
    const qint64 cents = centsOf(box);
    return cents > 0 ? std::optional<qint64>(cents) : std::nullopt;
}

void setCents(QDoubleSpinBox *box, std::optional<qint64> cents)
{
    box->setValue(cents ? double(*cents) / 100 : 0.0);
}

bool sameSettings(const RentalSettings &a, const RentalSettings &b)
{
    return a.kmPerDay == b.kmPerDay && a.extraKmCents == b.extraKmCents && a.fuelCharging == b.fuelCharging &&
           a.fuelLitreCents == b.fuelLitreCents && a.refuelEighthCents == b.refuelEighthCents &&
           a.graceMinutes == b.graceMinutes && a.cleaningCents == b.cleaningCents && a.earlyReturn == b.earlyReturn &&
           a.pricesIncludeVat == b.pricesIncludeVat && a.vatBasisPoints == b.vatBasisPoints &&
           a.depositRequired == b.depositRequired && a.defaultDepositCents == b.defaultDepositCents &&
           a.termsText == b.termsText;
}

bool sameCard(const RateCard &a, const RateCard &b)
{
    if (!(a.base == b.base) || a.seasons.size() != b.seasons.size())
        return false;
    for (int i = 0; i < a.seasons.size(); ++i) {
        const Season &x = a.seasons[i];
        const Season &y = b.seasons[i];
        if (x.name != y.name || x.first != y.first || x.last != y.last || !(x.rates == y.rates))
            return false;
    }
    return true;
}

// The money columns of the seasons table: cents in the edit role (nothing: no rate), shown in the
// currency, edited in a spin box with the currency around it.
class MoneyDelegate : public QStyledItemDelegate
{
public:
    MoneyDelegate(const QString &currency, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_currency(currency)
    {}

    QString displayText(const QVariant &value, const QLocale &locale) const override
    {
        if (!value.isValid() || value.isNull())
            return QStringLiteral("—");
        return Money::format(value.toLongLong(), m_currency, locale, Money::Cents::Always);
    }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const override
    {
        auto *box = new QDoubleSpinBox(parent);
        box->setFrame(false);
        box->setRange(0, kMaxAmount);
        box->setDecimals(2);
        box->setGroupSeparatorShown(true);
        showCurrency(box, m_currency);
        if (index.column() != RentalSettingsDialog::DailyColumn)
            box->setSpecialValueText(QStringLiteral("—"));
        return box;
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        const QVariant value = index.data(Qt::EditRole);
        static_cast<QDoubleSpinBox *>(editor)->setValue(value.isValid() ? double(value.toLongLong()) / 100 : 0.0);
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        auto *box = static_cast<QDoubleSpinBox *>(editor);
        box->interpretText();
        const qint64 cents = centsOf(box);
        const bool none = cents == 0 && index.column() != RentalSettingsDialog::DailyColumn;
        model->setData(index, none ? QVariant() : QVariant::fromValue<qlonglong>(cents), Qt::EditRole);
    }

private:
    QString m_currency;
};

QTableWidgetItem *centsItem(std::optional<qint64> cents)
{
    auto *item = new QTableWidgetItem;
    if (cents)
        item->setData(Qt::EditRole, QVariant::fromValue<qlonglong>(*cents));
    return item;
}

std::optional<qint64> centsOfItem(const QTableWidgetItem *item)
{
    if (!item)
        return std::nullopt;
    const QVariant value = item->data(Qt::EditRole);
    if (!value.isValid() || value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

void markError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

RentalSettingsDialog::RentalSettingsDialog(DatabaseThread *database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_branch(new QComboBox(this))
    , m_scope(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this))
    , m_save(m_buttons->button(QDialogButtonBox::Save))
{
    setWindowTitle(tr("Rental rates and settings"));
    setObjectName(QStringLiteral("rentalSettingsDialog"));
    m_branch->setObjectName(QStringLiteral("rentalSettingsBranch"));
    m_branch->setAccessibleName(tr("Branch"));
    m_branch->addItem(tr("All branches (default)"));
    m_branch->setEnabled(false);
    m_scope->setObjectName(QStringLiteral("rentalSettingsScope"));
    m_scope->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("rentalSettingsMessage"));
    m_message->setWordWrap(true);
    m_save->setEnabled(false);

    auto *branchLabel = new QLabel(tr("&Branch:"), this);
    branchLabel->setBuddy(m_branch);
    auto *top = new QHBoxLayout;
    top->addWidget(branchLabel);
    top->addWidget(m_branch);
    top->addWidget(m_scope, 1);

    auto *settingsTab = new QWidget(m_tabs);
    auto *cardsTab = new QWidget(m_tabs);
    auto *extrasTab = new QWidget(m_tabs);
    buildSettingsTab(settingsTab);
    buildCardsTab(cardsTab);
    buildExtrasTab(extrasTab);
    m_tabs->setObjectName(QStringLiteral("rentalSettingsTabs"));
    m_tabs->addTab(settingsTab, tr("&Settings"));
    m_tabs->addTab(cardsTab, tr("&Rate cards"));
    m_tabs->addTab(extrasTab, tr("E&xtras"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &RentalSettingsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_branch, &QComboBox::activated, this, [this](int index) {
        const std::optional<qint64> wanted =
            index > 0 ? std::optional<qint64>(m_branch->itemData(index).toLongLong()) : std::nullopt;
        if (wanted != m_branchId)
            chooseBranch(wanted);
    });

    m_message->setText(tr("Reading the rental settings…"));
    struct Start
    {
        FleetVocabulary vocabulary;
        QList<VehicleClass> classes;
        QList<ExtraOffer> extras;
    };
    whenFinished(
        m_database->submit([](Database &db) -> Result<Start> {
            Start start;
            auto vocabulary = FleetService::vocabulary(db);
            if (!vocabulary)
                return std::unexpected(vocabulary.error());
            auto classes = RentalDeskService::vehicleClasses(db);
            if (!classes)
                return std::unexpected(classes.error());
            auto extras = RentalDeskService::extras(db);
            if (!extras)
                return std::unexpected(extras.error());
            return Start{*vocabulary, *classes, *extras};
        }),
        this, [this](const Result<Start> &start) {
            if (!start) {
                m_message->setText(
                    tr("The rental settings could not be read: %1 Close and try again.").arg(start.error().message));
                return;
            }
            m_currency = start->vocabulary.currency.isEmpty() ? m_currency : start->vocabulary.currency;
            m_branches = start->vocabulary.branches;
            for (const Branch &branch : std::as_const(m_branches))
                m_branch->addItem(tr("%1 — %2").arg(branch.code, branch.name), branch.id);
            m_classes = start->classes;
            for (const VehicleClass &vehicleClass : std::as_const(m_classes)) {
                auto *item = new QListWidgetItem(vehicleClass.name, m_classList);
                item->setData(Qt::UserRole, vehicleClass.code);
            }
            for (QDoubleSpinBox *box : findChildren<QDoubleSpinBox *>())
                if (box != m_vatRate)
                    showCurrency(box, m_currency);
            m_seasons->setItemDelegateForColumn(DailyColumn, new MoneyDelegate(m_currency, m_seasons));
            m_seasons->setItemDelegateForColumn(WeeklyColumn, new MoneyDelegate(m_currency, m_seasons));
            m_seasons->setItemDelegateForColumn(MonthlyColumn, new MoneyDelegate(m_currency, m_seasons));
            m_extras->setRowCount(int(start->extras.size()));
            for (int row = 0; row < start->extras.size(); ++row) {
                const ExtraOffer &extra = start->extras[row];
                m_extras->setItem(row, 0, new QTableWidgetItem(extra.name));
                auto *price = new QTableWidgetItem(money(extra.cents));
                price->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_extras->setItem(row, 1, price);
                m_extras->setItem(row, 2, new QTableWidgetItem(extra.perDay ? tr("per day") : tr("per rental")));
            }
            m_extras->resizeColumnsToContents();
            loadBranch();
        });
}

void RentalSettingsDialog::buildSettingsTab(QWidget *tab)
{
    const auto countBox = [tab](const QString &name, const QString &objectName, int maximum, const QString &suffix) {
        auto *box = new QSpinBox(tab);
        box->setObjectName(objectName);
        box->setRange(0, maximum);
        box->setSuffix(suffix);
        box->setAccessibleName(name);
        return box;
    };
    m_kmPerDay = countBox(tr("Kilometres included per day"), QStringLiteral("kmPerDay"), 100'000, tr(" km"));
    m_kmPerDay->setMinimum(1);
    m_unlimitedKm = new QCheckBox(tr("&Unlimited"), tab);
    m_unlimitedKm->setObjectName(QStringLiteral("unlimitedKm"));
    m_extraKm = moneyBox(tr("Price per extra kilometre"), QStringLiteral("extraKmPrice"), tab);
    m_fuelCharging = new QComboBox(tab);
    m_fuelCharging->setObjectName(QStringLiteral("fuelCharging"));
    m_fuelCharging->setAccessibleName(tr("Fuel charged"));
    m_fuelCharging->addItem(tr("Per missing eighth of the tank"), int(SettlementInput::FuelCharging::PerEighth));
    m_fuelCharging->addItem(tr("Per litre missing"), int(SettlementInput::FuelCharging::PerLitre));
    m_refuelEighth = moneyBox(tr("Refuelling charge per missing eighth"), QStringLiteral("refuelEighthPrice"), tab);
    m_fuelLitre = moneyBox(tr("Fuel price per litre"), QStringLiteral("fuelLitrePrice"), tab);
    m_grace = countBox(tr("Grace for a late return"), QStringLiteral("graceMinutes"), 1439, tr(" min"));
    m_cleaning = moneyBox(tr("Cleaning charge"), QStringLiteral("cleaningPrice"), tab);
    m_earlyReturn = new QComboBox(tab);
    m_earlyReturn->setObjectName(QStringLiteral("earlyReturn"));
    m_earlyReturn->setAccessibleName(tr("Early return"));
    m_earlyReturn->addItem(tr("Keep the booked total"), int(SettlementInput::EarlyReturn::KeepBookedTotal));
    m_earlyReturn->addItem(tr("Charge the days used"), int(SettlementInput::EarlyReturn::ChargeUsedDays));
    m_includeVat = new QCheckBox(tr("Prices &include VAT"), tab);
    m_includeVat->setObjectName(QStringLiteral("pricesIncludeVat"));
    m_vatRate = new QDoubleSpinBox(tab);
    m_vatRate->setObjectName(QStringLiteral("vatRate"));
    m_vatRate->setRange(0, 100);
    m_vatRate->setDecimals(2);
    m_vatRate->setSuffix(tr(" %"));
    m_vatRate->setAccessibleName(tr("VAT rate"));
    m_depositRequired = new QCheckBox(tr("A deposit is &required at pick-up"), tab);
    m_depositRequired->setObjectName(QStringLiteral("depositRequired"));
    m_defaultDeposit = moneyBox(tr("Default deposit"), QStringLiteral("defaultDeposit"), tab);
    m_terms = new QPlainTextEdit(tab);
    m_terms->setObjectName(QStringLiteral("termsText"));
    m_terms->setAccessibleName(tr("Terms printed on the rental agreement"));
    m_terms->setTabChangesFocus(true);
    m_terms->setMinimumHeight(60);
    m_settingsError = new QLabel(tab);
    m_settingsError->setObjectName(QStringLiteral("settingsError"));
    m_settingsError->setWordWrap(true);
    m_settingsError->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_settingsError->hide();

    auto *km = new QHBoxLayout;
    km->addWidget(m_kmPerDay);
    km->addWidget(m_unlimitedKm);
    km->addStretch();
    auto *vat = new QHBoxLayout;
    vat->addWidget(m_vatRate);
    vat->addWidget(m_includeVat);
    vat->addStretch();
    auto *deposit = new QHBoxLayout;
    deposit->addWidget(m_defaultDeposit);
    deposit->addWidget(m_depositRequired);
    deposit->addStretch();

    // Two columns: the kilometres, fuel and return on the left, money rules and the terms on the right.
    auto *left = new QFormLayout;
    left->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    // A row whose field is a layout: its label names the first box of it (QFormLayout cannot).
    const auto labelFor = [tab](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, tab);
        label->setBuddy(buddy);
        return label;
    };
    left->addRow(labelFor(tr("&Kilometres per day:"), m_kmPerDay), km);
    left->addRow(tr("Price per e&xtra km:"), m_extraKm);
    left->addRow(tr("&Fuel charged:"), m_fuelCharging);
    left->addRow(tr("Charge per &eighth:"), m_refuelEighth);
    left->addRow(tr("Price per &litre:"), m_fuelLitre);
    left->addRow(tr("&Grace for late return:"), m_grace);
    left->addRow(tr("&Cleaning charge:"), m_cleaning);
    left->addRow(tr("Early re&turn:"), m_earlyReturn);
    left->addRow(labelFor(tr("&VAT rate:"), m_vatRate), vat);
    left->addRow(labelFor(tr("Default &deposit:"), m_defaultDeposit), deposit);
    auto *termsLabel = new QLabel(tr("Ter&ms on the agreement:"), tab);
    termsLabel->setBuddy(m_terms);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(left);
    layout->addWidget(termsLabel);
    layout->addWidget(m_terms, 1);
    layout->addWidget(m_settingsError);

    const auto edited = [this] {
        if (m_updating)
            return;
        markError(m_settingsError, {});
        updateState();
    };
    connect(m_unlimitedKm, &QCheckBox::toggled, this, [this, edited](bool unlimited) {
        m_kmPerDay->setEnabled(!unlimited);
        m_extraKm->setEnabled(!unlimited);
        edited();
    });
    connect(m_fuelCharging, &QComboBox::currentIndexChanged, this, [this, edited] {
        const bool perLitre = m_fuelCharging->currentData().toInt() == int(SettlementInput::FuelCharging::PerLitre);
        m_fuelLitre->setEnabled(perLitre);
        m_refuelEighth->setEnabled(!perLitre);
        edited();
    });
    for (QSpinBox *box : {m_kmPerDay, m_grace})
        connect(box, &QSpinBox::valueChanged, this, edited);
    for (QDoubleSpinBox *box : {m_extraKm, m_fuelLitre, m_refuelEighth, m_cleaning, m_vatRate, m_defaultDeposit})
        connect(box, &QDoubleSpinBox::valueChanged, this, edited);
    for (QCheckBox *box : {m_includeVat, m_depositRequired})
        connect(box, &QCheckBox::toggled, this, edited);
    connect(m_earlyReturn, &QComboBox::currentIndexChanged, this, edited);
    connect(m_terms, &QPlainTextEdit::textChanged, this, edited);
}

void RentalSettingsDialog::buildCardsTab(QWidget *tab)
{
    m_classList = new QListWidget(tab);
    m_classList->setObjectName(QStringLiteral("vehicleClassList"));
    m_classList->setAccessibleName(tr("Vehicle classes"));
    m_classList->setMaximumWidth(170);
    m_cardNote = new QLabel(tab);
    m_cardNote->setObjectName(QStringLiteral("cardNote"));
    m_cardNote->setWordWrap(true);
    m_daily = moneyBox(tr("Daily rate"), QStringLiteral("dailyRate"), tab);
    m_weekly = moneyBox(tr("Weekly rate"), QStringLiteral("weeklyRate"), tab);
    m_monthly = moneyBox(tr("Monthly rate"), QStringLiteral("monthlyRate"), tab);
    m_weekly->setSpecialValueText(tr("none"));
    m_monthly->setSpecialValueText(tr("none"));
    m_weekly->setToolTip(tr("7 rental days; used wherever it makes the rental cheaper. Zero: no weekly rate."));
    m_monthly->setToolTip(tr("30 rental days; used wherever it makes the rental cheaper. Zero: no monthly rate."));

    m_seasons = new QTableWidget(0, ColumnCount, tab);
    m_seasons->setObjectName(QStringLiteral("seasonsTable"));
    m_seasons->setAccessibleName(tr("Seasons"));
    m_seasons->setHorizontalHeaderLabels(
        {tr("Season"), tr("First day"), tr("Last day"), tr("Daily"), tr("Weekly"), tr("Monthly")});
    m_seasons->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_seasons->verticalHeader()->hide();
    m_seasons->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_seasons->setTabKeyNavigation(false);
    m_seasons->setWordWrap(false);
    m_addSeason = new QPushButton(tr("&Add season"), tab);
    m_addSeason->setObjectName(QStringLiteral("addSeason"));
    m_removeSeason = new QPushButton(tr("Remo&ve season"), tab);
    m_removeSeason->setObjectName(QStringLiteral("removeSeason"));
    m_cardError = new QLabel(tab);
    m_cardError->setObjectName(QStringLiteral("cardError"));
    m_cardError->setWordWrap(true);
    m_cardError->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_cardError->hide();

    auto *rates = new QHBoxLayout;
    const auto addRate = [&](const QString &label, QDoubleSpinBox *box) {
        auto *text = new QLabel(label, tab);
        text->setBuddy(box);
        rates->addWidget(text);
        rates->addWidget(box);
    };
    addRate(tr("Dail&y:"), m_daily);
    addRate(tr("&Weekly:"), m_weekly);
    addRate(tr("Mo&nthly:"), m_monthly);
    rates->addStretch();
    auto *seasonButtons = new QHBoxLayout;
    seasonButtons->addWidget(m_addSeason);
    seasonButtons->addWidget(m_removeSeason);
    seasonButtons->addStretch();
    auto *seasonsLabel = new QLabel(tr("Seas&ons (their own rates on their dates, in the branch's dates):"), tab);
    seasonsLabel->setBuddy(m_seasons);
    seasonsLabel->setWordWrap(true);

    auto *card = new QVBoxLayout;
    card->addWidget(m_cardNote);
    card->addLayout(rates);
    card->addWidget(seasonsLabel);
    card->addWidget(m_seasons, 1);
    card->addLayout(seasonButtons);
    card->addWidget(m_cardError);
    auto *classesLabel = new QLabel(tr("C&lass:"), tab);
    classesLabel->setBuddy(m_classList);
    auto *classes = new QVBoxLayout;
    classes->addWidget(classesLabel);
    classes->addWidget(m_classList, 1);
    auto *layout = new QHBoxLayout(tab);
    layout->addLayout(classes);
    layout->addLayout(card, 1);

    connect(m_classList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (QListWidgetItem *item = m_classList->item(row))
            showCard(item->data(Qt::UserRole).toString());
    });
    for (QDoubleSpinBox *box : {m_daily, m_weekly, m_monthly})
        connect(box, &QDoubleSpinBox::valueChanged, this, &RentalSettingsDialog::cardEdited);
    connect(m_seasons, &QTableWidget::itemChanged, this, &RentalSettingsDialog::cardEdited);
    connect(m_addSeason, &QPushButton::clicked, this, &RentalSettingsDialog::addSeason);
    connect(m_removeSeason, &QPushButton::clicked, this, [this] {
        const int row = m_seasons->currentRow();
        if (row < 0)
            return;
        m_seasons->removeRow(row);
        cardEdited();
    });
}

void RentalSettingsDialog::buildExtrasTab(QWidget *tab)
{
    m_extras = new QTableWidget(0, 3, tab);
    m_extras->setObjectName(QStringLiteral("extrasTable"));
    m_extras->setAccessibleName(tr("Extras"));
    m_extras->setHorizontalHeaderLabels({tr("Extra"), tr("Price"), tr("Charged")});
    m_extras->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_extras->verticalHeader()->hide();
    m_extras->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_extras->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *note = new QLabel(tr("The extras a booking can carry, for every branch. They are shown here only; they "
                               "cannot be changed in this window yet."),
                            tab);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(note);
    layout->addWidget(m_extras, 1);
}

void RentalSettingsDialog::reject()
{
    if (hasChanges() && !m_saving) {
        const auto answer =
            QMessageBox::question(this, tr("Discard changes?"),
                                  tr("The changes to these settings and rate cards are not saved. Discard them?"),
                                  QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    QDialog::reject();
}

QString RentalSettingsDialog::money(qint64 cents) const
{
    return Money::format(cents, m_currency, QLocale(), Money::Cents::Always);
}

void RentalSettingsDialog::chooseBranch(std::optional<qint64> branchId)
{
    if (hasChanges() && !m_saving) {
        const auto answer = QMessageBox::question(
            this, tr("Discard changes?"),
            tr("The changes to these settings and rate cards are not saved. Discard them and show another branch?"),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            const int index = m_branchId ? m_branch->findData(*m_branchId) : 0;
            m_branch->setCurrentIndex(qMax(0, index));
            return;
        }
    }
    m_branchId = branchId;
    const int index = branchId ? m_branch->findData(*branchId) : 0;
    m_branch->setCurrentIndex(qMax(0, index));
    loadBranch();
}

void RentalSettingsDialog::loadBranch()
{
    m_loaded = false;
    const int generation = ++m_loadGeneration;
    m_branch->setEnabled(false);
    m_tabs->setEnabled(false);
    m_save->setEnabled(false);
    m_message->setText(tr("Reading the rental settings…"));
    const std::optional<qint64> branchId = m_branchId;
    QStringList codes;
    for (const VehicleClass &vehicleClass : std::as_const(m_classes))
        codes << vehicleClass.code;
    whenFinished(m_database->submit([branchId, codes](Database &db) -> Result<BranchData> {
        BranchData data;
        auto settings = RentalDeskService::settings(db, branchId);
        if (!settings)
            return std::unexpected(settings.error());
        data.settings = *settings;
        for (const QString &code : codes) {
            auto card = RentalDeskService::rateCard(db, code, branchId);
            if (card)
                data.cards.insert(code, *card);
            else if (card.error().code != Error::Code::NotFound)
                return std::unexpected(card.error());
        }
        return data;
    }),
                 this, [this, generation](const Result<BranchData> &data) {
                     if (generation != m_loadGeneration)
                         return;
                     m_branch->setEnabled(true);
                     if (!data) {
                         m_message->setText(tr("The rental settings could not be read: %1 Choose the branch again "
                                               "to retry.")
                                                .arg(data.error().message));
                         return;
                     }
                     showBranch(*data);
                     m_tabs->setEnabled(true);
                     m_loaded = true;
                     m_message->clear();
                     updateState();
                     emit loaded();
                 });
}

void RentalSettingsDialog::showBranch(const BranchData &data)
{
    m_savedSettings = data.settings;
    m_ownSettings = data.settings.branchId == m_branchId;
    m_savedCards = data.cards;
    m_editedCards.clear();
    showSettings(data.settings);
    markError(m_settingsError, {});
    markError(m_cardError, {});
    const QString current = m_currentClass;
    m_currentClass.clear();
    if (m_classList->count() > 0) {
        chooseClass(current.isEmpty() ? m_classList->item(0)->data(Qt::UserRole).toString() : current);
        if (m_currentClass.isEmpty())
            m_classList->setCurrentRow(0);
    }
}

void RentalSettingsDialog::showSettings(const RentalSettings &settings)
{
    m_updating = true;
    m_unlimitedKm->setChecked(!settings.kmPerDay.has_value());
    m_kmPerDay->setValue(settings.kmPerDay.value_or(300));
    m_kmPerDay->setEnabled(settings.kmPerDay.has_value());
    m_extraKm->setEnabled(settings.kmPerDay.has_value());
    setCents(m_extraKm, settings.extraKmCents);
    m_fuelCharging->setCurrentIndex(m_fuelCharging->findData(int(settings.fuelCharging)));
    const bool perLitre = settings.fuelCharging == SettlementInput::FuelCharging::PerLitre;
    m_fuelLitre->setEnabled(perLitre);
    m_refuelEighth->setEnabled(!perLitre);
    setCents(m_fuelLitre, settings.fuelLitreCents);
    setCents(m_refuelEighth, settings.refuelEighthCents);
    m_grace->setValue(settings.graceMinutes);
    setCents(m_cleaning, settings.cleaningCents);
    m_earlyReturn->setCurrentIndex(m_earlyReturn->findData(int(settings.earlyReturn)));
    m_includeVat->setChecked(settings.pricesIncludeVat);
    m_vatRate->setValue(double(settings.vatBasisPoints) / 100);
    m_depositRequired->setChecked(settings.depositRequired);
    setCents(m_defaultDeposit, settings.defaultDepositCents);
    m_terms->setPlainText(settings.termsText);
    m_updating = false;
}

void RentalSettingsDialog::chooseClass(const QString &code)
{
    for (int row = 0; row < m_classList->count(); ++row) {
        if (m_classList->item(row)->data(Qt::UserRole).toString() == code) {
            if (m_classList->currentRow() == row)
                showCard(code);
            else
                m_classList->setCurrentRow(row);
            return;
        }
    }
}

void RentalSettingsDialog::showCard(const QString &code)
{
    m_currentClass = code;
    const RateCard card = this->card(code);
    m_updating = true;
    setCents(m_daily, card.base.dailyCents);
    setCents(m_weekly, card.base.weeklyCents);
    setCents(m_monthly, card.base.monthlyCents);
    m_seasons->setRowCount(0);
    m_seasons->setRowCount(int(card.seasons.size()));
    for (int row = 0; row < card.seasons.size(); ++row) {
        const Season &season = card.seasons[row];
        m_seasons->setItem(row, NameColumn, new QTableWidgetItem(season.name));
        auto *first = new QTableWidgetItem;
        first->setData(Qt::EditRole, season.first);
        m_seasons->setItem(row, FirstColumn, first);
        auto *last = new QTableWidgetItem;
        last->setData(Qt::EditRole, season.last);
        m_seasons->setItem(row, LastColumn, last);
        m_seasons->setItem(row, DailyColumn, centsItem(season.rates.dailyCents));
        m_seasons->setItem(row, WeeklyColumn, centsItem(season.rates.weeklyCents));
        m_seasons->setItem(row, MonthlyColumn, centsItem(season.rates.monthlyCents));
    }
    m_seasons->resizeColumnsToContents();
    m_seasons->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_updating = false;
    markError(m_cardError, {});
    updateState();
}

RateCard RentalSettingsDialog::cardFromEditors() const
{
    RateCard card;
    card.vehicleClass = m_currentClass;
    card.base.dailyCents = centsOf(m_daily);
    card.base.weeklyCents = optionalCentsOf(m_weekly);
    card.base.monthlyCents = optionalCentsOf(m_monthly);
    for (int row = 0; row < m_seasons->rowCount(); ++row) {
        Season season;
        const QTableWidgetItem *name = m_seasons->item(row, NameColumn);
        season.name = name ? name->text().trimmed() : QString();
        if (const QTableWidgetItem *first = m_seasons->item(row, FirstColumn))
            season.first = first->data(Qt::EditRole).toDate();
        if (const QTableWidgetItem *last = m_seasons->item(row, LastColumn))
            season.last = last->data(Qt::EditRole).toDate();
        season.rates.dailyCents = centsOfItem(m_seasons->item(row, DailyColumn)).value_or(0);
        season.rates.weeklyCents = centsOfItem(m_seasons->item(row, WeeklyColumn));
        season.rates.monthlyCents = centsOfItem(m_seasons->item(row, MonthlyColumn));
        card.seasons << season;
    }
    return card;
}

void RentalSettingsDialog::cardEdited()
{
    if (m_updating || m_currentClass.isEmpty())
        return;
    m_editedCards.insert(m_currentClass, cardFromEditors());
    for (int column = FirstColumn; column < ColumnCount; ++column)
        m_seasons->resizeColumnToContents(column);
    markError(m_cardError, {});
    updateState();
}

void RentalSettingsDialog::addSeason()
{
    const RateCard card = this->card(m_currentClass);
    QDate first = QDate::currentDate();
    for (const Season &season : card.seasons)
        first = qMax(first, season.last.addDays(1));
    m_updating = true;
    const int row = m_seasons->rowCount();
    m_seasons->insertRow(row);
    m_seasons->setItem(row, NameColumn, new QTableWidgetItem(tr("Season %1").arg(row + 1)));
    auto *firstItem = new QTableWidgetItem;
    firstItem->setData(Qt::EditRole, first);
    m_seasons->setItem(row, FirstColumn, firstItem);
    auto *lastItem = new QTableWidgetItem;
    lastItem->setData(Qt::EditRole, first.addMonths(1).addDays(-1));
    m_seasons->setItem(row, LastColumn, lastItem);
    m_seasons->setItem(row, DailyColumn, centsItem(card.base.dailyCents));
    m_seasons->setItem(row, WeeklyColumn, centsItem(card.base.weeklyCents));
    m_seasons->setItem(row, MonthlyColumn, centsItem(card.base.monthlyCents));
    m_updating = false;
    m_seasons->setCurrentCell(row, NameColumn);
    m_seasons->setFocus();
    cardEdited();
}

void RentalSettingsDialog::selectRefusedSeason(const RateCard &card)
{
    // The first season the rules refuse: no dates, the last before the first, or sharing dates with one before.
    for (int i = 0; i < card.seasons.size(); ++i) {
        const Season &season = card.seasons[i];
        bool refused = !season.first.isValid() || !season.last.isValid() || season.last < season.first;
        for (int j = 0; j < i && !refused; ++j)
            refused = season.first <= card.seasons[j].last && card.seasons[j].first <= season.last;
        if (refused) {
            m_seasons->setCurrentCell(i, FirstColumn);
            m_seasons->setFocus();
            return;
        }
    }
}

RentalSettings RentalSettingsDialog::settings() const
{
    RentalSettings settings;
    settings.branchId = m_branchId;
    settings.kmPerDay = m_unlimitedKm->isChecked() ? std::nullopt : std::optional<int>(m_kmPerDay->value());
    settings.extraKmCents = centsOf(m_extraKm);
    settings.fuelCharging = SettlementInput::FuelCharging(m_fuelCharging->currentData().toInt());
    settings.fuelLitreCents = centsOf(m_fuelLitre);
    settings.refuelEighthCents = centsOf(m_refuelEighth);
    settings.graceMinutes = m_grace->value();
    settings.cleaningCents = centsOf(m_cleaning);
    settings.earlyReturn = SettlementInput::EarlyReturn(m_earlyReturn->currentData().toInt());
    settings.pricesIncludeVat = m_includeVat->isChecked();
    settings.vatBasisPoints = int(qRound64(m_vatRate->value() * 100));
    settings.depositRequired = m_depositRequired->isChecked();
    settings.defaultDepositCents = centsOf(m_defaultDeposit);
    settings.termsText = m_terms->toPlainText();
    return settings;
}

RateCard RentalSettingsDialog::card(const QString &code) const
{
    if (const auto edited = m_editedCards.constFind(code); edited != m_editedCards.constEnd())
        return *edited;
    if (const auto saved = m_savedCards.constFind(code); saved != m_savedCards.constEnd())
        return *saved;
    RateCard card;
    card.vehicleClass = code;
    return card;
}

bool RentalSettingsDialog::hasChanges() const
{
    if (!m_loaded)
        return false;
    if (!sameSettings(settings(), m_savedSettings))
        return true;
    for (auto it = m_editedCards.constBegin(); it != m_editedCards.constEnd(); ++it) {
        const auto saved = m_savedCards.constFind(it.key());
        if (saved == m_savedCards.constEnd() || !sameCard(*saved, *it))
            return true;
    }
    return false;
}

void RentalSettingsDialog::updateState()
{
    if (!m_loaded)
        return;
    const bool changed = hasChanges();
    m_save->setEnabled(changed && !m_saving);
    if (!m_branchId)
        m_scope->setText(tr("The defaults: every branch without its own settings uses them."));
    else if (m_ownSettings)
        m_scope->setText(tr("This branch has its own settings."));
    else
        m_scope->setText(tr("Uses the default settings until saved for this branch."));
    if (!m_currentClass.isEmpty()) {
        const bool stored = m_savedCards.contains(m_currentClass);
        m_cardNote->setText(stored ? QString()
                                   : tr("This class has no rate card yet: a car of it is priced by the booking's "
                                        "own rates. Saving gives it this card."));
        m_cardNote->setVisible(!stored);
    }
}

QString RentalSettingsDialog::messageText() const
{
    return m_message->text();
}

QString RentalSettingsDialog::scopeText() const
{
    return m_scope->text();
}

QString RentalSettingsDialog::settingsErrorText() const
{
    return m_settingsError->text();
}

QString RentalSettingsDialog::cardErrorText() const
{
    return m_cardError->text();
}

void RentalSettingsDialog::save()
{
    if (!m_loaded || m_saving)
        return;
    const RentalSettings wantedSettings = settings();
    const bool settingsChanged = !sameSettings(wantedSettings, m_savedSettings);
    QList<RateCard> cards;
    for (const VehicleClass &vehicleClass : std::as_const(m_classes)) {
        const auto edited = m_editedCards.constFind(vehicleClass.code);
        if (edited == m_editedCards.constEnd())
            continue;
        const auto saved = m_savedCards.constFind(vehicleClass.code);
        if (saved != m_savedCards.constEnd() && sameCard(*saved, *edited))
            continue;
        // The service's rules, before anything is written: a refused card writes nothing else either.
        if (const auto valid = RateCardPricing::validate(*edited); !valid) {
            m_tabs->setCurrentIndex(1);
            chooseClass(vehicleClass.code);
            markError(m_cardError, valid.error().message);
            selectRefusedSeason(*edited);
            m_message->setText(tr("Nothing was saved: the card of %1 needs a correction.").arg(vehicleClass.name));
            return;
        }
        cards << *edited;
    }
    if (!settingsChanged && cards.isEmpty())
        return;

    m_saving = true;
    m_save->setEnabled(false);
    m_message->setText(tr("Saving…"));
    const std::optional<qint64> branchId = m_branchId;
    whenFinished(m_database->submit([wantedSettings, settingsChanged, cards, branchId](Database &db) {
        SaveOutcome outcome;
        if (settingsChanged) {
            if (const auto written = RentalDeskService::saveSettings(db, wantedSettings); !written) {
                outcome.error = written.error();
                return Result<SaveOutcome>(outcome);
            }
            outcome.settingsSaved = true;
        }
        for (const RateCard &card : cards) {
            if (const auto written = RentalDeskService::saveRateCard(db, card, branchId); !written) {
                outcome.error = written.error();
                outcome.failedClass = card.vehicleClass;
                break;
            }
            outcome.cardsSaved << card.vehicleClass;
        }
        return Result<SaveOutcome>(outcome);
    }),
                 this, [this, wantedSettings, cards](const Result<SaveOutcome> &outcome) {
                     m_saving = false;
                     if (!outcome) {
                         m_message->setText(tr("Nothing was saved: %1").arg(outcome.error().message));
                         updateState();
                         return;
                     }
                     // What was written is now the stored state; what was not stays edited.
                     if (outcome->settingsSaved) {
                         m_savedSettings = wantedSettings;
                         m_ownSettings = true;
                     }
                     for (const RateCard &card : cards)
                         if (outcome->cardsSaved.contains(card.vehicleClass))
                             m_savedCards.insert(card.vehicleClass, card);
                     finishSave(*outcome);
                 });
}

void RentalSettingsDialog::finishSave(const SaveOutcome &outcome)
{
    const bool wrote = outcome.settingsSaved || !outcome.cardsSaved.isEmpty();
    if (outcome.error) {
        if (outcome.failedClass.isEmpty()) {
            m_tabs->setCurrentIndex(0);
            markError(m_settingsError, outcome.error->message);
            m_message->setText(tr("The settings were not saved; your changes are still here."));
        } else {
            m_tabs->setCurrentIndex(1);
            chooseClass(outcome.failedClass);
            markError(m_cardError, outcome.error->message);
            m_message->setText(wrote ? tr("Saved in part: the card shown was refused; your changes to it are still "
                                          "here.")
                                     : tr("The card shown was refused; your changes to it are still here."));
        }
    } else {
        m_message->setText(tr("Saved."));
    }
    updateState();
    if (wrote)
        emit saved();
}

#include "CarDetailPanel.h"

#include "models/VinRequestListModel.h"

#include "domain/CarVocabulary.h"
#include "domain/Money.h"
#include "models/CarTableModel.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QFormLayout>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {

// About `target` round amounts (1, 2, 2.5 or 5 times a power of ten, whole units) from at or below
// `lowest` to at or above `highest`, in cents. A single price gets some room on both sides.
QList<qint64> moneyTicks(qint64 lowest, qint64 highest, int target)
{
    if (highest <= lowest) {
        const qint64 room = std::max<qint64>(100, qAbs(lowest) / 20);
        lowest -= room;
        highest += room;
    }
    const double raw = double(highest - lowest) / std::max(target - 1, 1);
    const qint64 step = [raw] {
        for (qint64 magnitude = 100;; magnitude *= 10) { // from one whole unit up
            for (const qint64 factor : {10, 20, 25, 50}) {
                if (factor == 25 && magnitude == 100)
                    continue; // 2.50 would need cents
                if (magnitude * factor / 10 >= raw)
                    return magnitude * factor / 10;
            }
        }
    }();
    const auto floorTo = [step](qint64 value) { return (value >= 0 ? value : value - step + 1) / step * step; };
    QList<qint64> ticks;
    for (qint64 tick = floorTo(lowest); ticks.isEmpty() || ticks.constLast() < highest; tick += step)
        ticks << tick;
    return ticks;
}

// At most `target` dates from `first` to `last` a whole number of days, weeks, months or years apart
// (so no two are the same date, and none repeats a label).
QList<QDate> dateTicks(const QDate &first, const QDate &last, int target)
{
    const auto ticks = [&](int days, int months) {
        QList<QDate> dates;
        QDate date = first;
        if (months > 0 && date.day() != 1)
            date = QDate(date.year(), date.month(), 1).addMonths(1);
        for (; date <= last; date = months > 0 ? date.addMonths(months) : date.addDays(days))
            dates << date;
        return dates;
    };
    for (const int days : {1, 2, 3, 7, 14}) {
        if (const QList<QDate> dates = ticks(days, 0); dates.size() <= target)
            return dates;
    }
    for (int months : {1, 2, 3, 6, 12, 24, 60, 120}) {
        if (const QList<QDate> dates = ticks(0, months); dates.size() <= target || months == 120)
            return dates;
    }
    return {};
}

} // namespace

CarDetailPanel::CarDetailPanel(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_fields(new QFormLayout)
    , m_chart(new QChartView(this))
    , m_similar(new QListWidget(this))
    , m_vinReport(new QLabel(this))
    , m_requestVinReport(new QPushButton(tr("Request VIN &report"), this))
    , m_openVinReport(new QPushButton(tr("Open re&port"), this))
    , m_sale(new QLabel(this))
    , m_sell(new QPushButton(tr("&Sell…"), this))
    , m_voidSale(new QPushButton(tr("&Void sale…"), this))
{
    setAccessibleName(tr("Car details"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setEnabled(false);
    m_stack->addWidget(m_message);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true); // "Ford Mustang Mach-E 2026" beside the Edit button
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *edit = new QPushButton(tr("&Edit…"), content);
    connect(edit, &QPushButton::clicked, this, &CarDetailPanel::editRequested);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(edit);
    layout->addLayout(header);
    layout->addWidget(m_subtitle);
    m_fields->setLabelAlignment(Qt::AlignRight);
    m_fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_fields);

    layout->addWidget(new QLabel(tr("<b>Sale</b>"), content));
    m_sale->setObjectName(QStringLiteral("carSale"));
    m_sale->setWordWrap(true);
    m_sale->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sell->setObjectName(QStringLiteral("sellCar"));
    m_sell->setToolTip(tr("Record the sale of this car"));
    m_voidSale->setObjectName(QStringLiteral("voidCarSale"));
    m_voidSale->setToolTip(tr("The sale was a mistake: keep it as a record, marked void, and give the car back "
                              "its status"));
    connect(m_sell, &QPushButton::clicked, this, [this] { emit sellRequested(m_carId); });
    connect(m_voidSale, &QPushButton::clicked, this, [this] { emit voidSaleRequested(m_saleId); });
    auto *saleButtons = new QHBoxLayout;
    saleButtons->addWidget(m_sell);
    saleButtons->addWidget(m_voidSale);
    saleButtons->addStretch();
    layout->addWidget(m_sale);
    layout->addLayout(saleButtons);

    auto *priceTitle = new QLabel(tr("<b>Price history</b>"), content);
    layout->addWidget(priceTitle);
    m_chart->setMinimumHeight(170);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setAccessibleName(tr("Price history chart"));
    layout->addWidget(m_chart);

    layout->addWidget(new QLabel(tr("<b>VIN report</b>"), content));
    m_vinReport->setObjectName(QStringLiteral("carVinReport"));
    m_vinReport->setWordWrap(true);
    m_requestVinReport->setObjectName(QStringLiteral("requestCarVinReport"));
    m_requestVinReport->setToolTip(tr("Decode the VIN and fetch the car's history in the background"));
    m_openVinReport->setObjectName(QStringLiteral("openCarVinReport"));
    // Not disabled while a request is on its way: a disabled button hands its focus on, and the scroll area
    // would jump to wherever the focus lands.
    connect(m_requestVinReport, &QPushButton::clicked, this, [this] {
        if (m_vinReportPending)
            return;
        m_vinReportPending = true;
        m_requestVinReport->setText(tr("Requested…"));
        emit vinReportRequested(m_carId);
    });
    connect(m_openVinReport, &QPushButton::clicked, this, [this] { emit vinReportOpened(m_vinReportId); });
    auto *vinButtons = new QHBoxLayout;
    vinButtons->addWidget(m_requestVinReport);
    vinButtons->addWidget(m_openVinReport);
    vinButtons->addStretch();
    layout->addWidget(m_vinReport);
    layout->addLayout(vinButtons);

    auto *similarTitle = new QLabel(tr("<b>Similar cars in stock</b>"), content);
    layout->addWidget(similarTitle);
    m_similar->setAccessibleName(tr("Similar cars"));
    m_similar->setMinimumHeight(120);
    m_similar->setToolTip(tr("Double-click or press Enter to show the car."));
    connect(m_similar, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit similarCarActivated(item->data(Qt::UserRole).toLongLong()); });
    layout->addWidget(m_similar);
    layout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // long values wrap instead
    m_stack->addWidget(scroll);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);
    showMessage(tr("Select a car to see its details."));
}

void CarDetailPanel::showVinReport(const std::optional<VinRequestRow> &request)
{
    m_vinReportId = request ? request->reportId : 0;
    m_openVinReport->setVisible(m_vinReportId > 0);
    m_vinReportPending = request && request->status == QLatin1String("pending");
    m_requestVinReport->setText(m_vinReportPending ? tr("Requested…")
                                : request          ? tr("Request again")
                                                   : tr("Request VIN &report"));
    if (!request) {
        m_vinReport->setText(tr("No report of this VIN yet."));
        return;
    }
    const QString when =
        QLocale().toString((request->finishedAt.isValid() ? request->finishedAt : request->requestedAt).toLocalTime(),
                           QLocale::ShortFormat);
    if (request->status == QLatin1String("done"))
        m_vinReport->setText(tr("%1 (%2)").arg(VinRequestListModel::findings(*request), when));
    else
        m_vinReport->setText(tr("%1 (%2)").arg(VinRequestListModel::statusText(*request), when));
}

void CarDetailPanel::showSale(const std::optional<Sale> &sale)
{
    m_saleId = sale ? sale->id : 0;
    m_voidSale->setVisible(m_saleId > 0);
    if (!sale) {
        m_sale->setText(tr("Sold; the sale was not recorded in Forecourt."));
        return;
    }
    const QString date = QLocale().toString(sale->soldOn, QLocale::ShortFormat);
    QString text = tr("Sold on %1 for %2 by %3.").arg(date, money(sale->priceCents), sale->salesperson);
    text += QLatin1Char(' ') +
            (sale->buyerName.isEmpty() ? tr("No buyer recorded.") : tr("Buyer: %1.").arg(sale->buyerName));
    if (sale->costCents)
        text += QLatin1Char(' ') + tr("Gross %1.").arg(money(sale->priceCents - *sale->costCents));
    if (!sale->note.isEmpty())
        text += QLatin1Char(' ') + tr("Note: %1").arg(sale->note);
    m_sale->setText(text);
}

QString CarDetailPanel::money(qint64 cents) const
{
    return Money::format(cents, m_currency);
}

void CarDetailPanel::showMessage(const QString &message)
{
    m_carId = 0;
    m_message->setText(message);
    m_stack->setCurrentIndex(0);
}

void CarDetailPanel::showDetails(const CarDetails &details)
{
    const CarRow &car = details.row;
    const QLocale locale;
    if (car.id != m_carId) { // the VIN report line follows (FleetPage loads it)
        m_vinReport->setText(tr("Loading…"));
        m_openVinReport->hide();
    }
    // A sold car's sale follows too (FleetPage reads it); the others can be sold unless retired.
    const bool sold = car.status == QLatin1String("sold");
    const bool retired = car.status == QLatin1String("retired");
    m_sell->setVisible(!sold && !retired);
    if (!sold) {
        m_saleId = 0;
        m_voidSale->hide();
        m_sale->setText(retired ? tr("Retired: not for sale.") : tr("Not sold."));
    } else if (car.id != m_carId) {
        m_saleId = 0;
        m_voidSale->hide();
        m_sale->setText(tr("Loading…"));
    }
    m_carId = car.id;
    m_title->setText(tr("%1 %2 %3").arg(car.make, car.model).arg(car.modelYear));
    m_subtitle->setText(tr("Stock #%1 · %2 · %3")
                            .arg(car.stockNumber, money(car.listPriceCents),
                                 CarVocabulary::label(CarVocabulary::Kind::Status, car.status)));

    while (m_fields->rowCount() > 0)
        m_fields->removeRow(0);
    const auto add = [this](const QString &title, const QString &value) {
        auto *label = new QLabel(value.isEmpty() ? QStringLiteral("—") : value);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        m_fields->addRow(title + QLatin1Char(':'), label);
    };
    for (const CarColumn column :
         {CarColumn::Vin, CarColumn::Trim, CarColumn::BodyType, CarColumn::FuelType, CarColumn::Transmission,
          CarColumn::Drive, CarColumn::Colour, CarColumn::Seats, CarColumn::Doors, CarColumn::PowerKw,
          CarColumn::MileageKm, CarColumn::Condition, CarColumn::Location, CarColumn::ForRent, CarColumn::Cost,
          CarColumn::AcquiredOn, CarColumn::ListedOn, CarColumn::SoldOn})
        add(CarTableModel::columnLabel(column), CarTableModel::displayText(car, column, m_currency));
    add(tr("Features"), details.features.join(QStringLiteral(", ")));
    add(tr("Notes"), details.notes);
    add(tr("Bookings"), details.bookingCount == 0 ? tr("None") : locale.toString(details.bookingCount));
    add(tr("Changed"), tr("%1 by %2 (version %3)")
                           .arg(locale.toString(car.updatedAt.toLocalTime(), QLocale::ShortFormat), car.updatedBy)
                           .arg(car.version));

    showPriceHistory(details);
    m_similar->clear();
    m_similar->addItem(tr("Looking for similar cars…"));
    m_stack->setCurrentIndex(1);
}

void CarDetailPanel::showPriceHistory(const CarDetails &details)
{
    auto *chart = new QChart;
    chart->legend()->hide();
    // Room on the right for half a date: the last date label sits on its tick.
    const int halfDate =
        m_chart->fontMetrics().horizontalAdvance(QLocale().toString(QDate(2000, 12, 31), QLocale::ShortFormat)) / 2;
    chart->setMargins(QMargins(2, 2, halfDate + 2, 2));
    chart->setBackgroundRoundness(0);
    const QList<CarPricePoint> &history = details.priceHistory;
    if (!history.isEmpty()) {
        // A step line: each price holds until the next change, the last one until now.
        auto *series = new QLineSeries(chart);
        qint64 lowest = history.constFirst().newPriceCents;
        qint64 highest = lowest;
        QList<int> changes; // the points where a price was set: only they get a marker
        for (qsizetype i = 0; i < history.size(); ++i) {
            const double at = double(history.at(i).changedAt.toMSecsSinceEpoch());
            if (i > 0)
                series->append(at, double(history.at(i - 1).newPriceCents) / 100.0);
            changes << int(series->count());
            series->append(at, double(history.at(i).newPriceCents) / 100.0);
            lowest = std::min(lowest, history.at(i).newPriceCents);
            highest = std::max(highest, history.at(i).newPriceCents);
        }
        const QDateTime first = history.constFirst().changedAt.toLocalTime();
        const QDateTime end = std::max(QDateTime::currentDateTime(), history.constLast().changedAt.addSecs(3600));
        series->append(double(end.toMSecsSinceEpoch()), double(history.constLast().newPriceCents) / 100.0);
        series->setPointsVisible(false);
        for (const int point : std::as_const(changes))
            series->setPointConfiguration(point, QXYSeries::PointConfiguration::Visibility, true);
        chart->addSeries(series);

        // Both axes carry labels of their own: money in the locale's currency format at round amounts,
        // and one label per date (a value axis would write "20000" and repeat a date at every tick).
        const QLocale locale;
        auto *time = new QCategoryAxis(chart);
        time->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        const QDateTime startOfFirstDay(first.date(), QTime(0, 0));
        time->setRange(double(startOfFirstDay.toMSecsSinceEpoch()), double(end.toMSecsSinceEpoch()));
        time->setStartValue(double(startOfFirstDay.toMSecsSinceEpoch()));
        for (const QDate &day : dateTicks(first.date(), end.toLocalTime().date(), 3))
            time->append(locale.toString(day, QLocale::ShortFormat),
                         double(QDateTime(day, QTime(0, 0)).toMSecsSinceEpoch()));
        auto *price = new QCategoryAxis(chart);
        price->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        const QList<qint64> amounts = moneyTicks(lowest, highest, 3);
        price->setRange(double(amounts.constFirst()) / 100.0, double(amounts.constLast()) / 100.0);
        price->setStartValue(double(amounts.constFirst()) / 100.0);
        for (const qint64 amount : amounts)
            price->append(money(amount), double(amount) / 100.0);
        chart->addAxis(time, Qt::AlignBottom);
        chart->addAxis(price, Qt::AlignLeft);
        series->attachAxis(time);
        series->attachAxis(price);
    }
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;

    QStringList spoken;
    for (const CarPricePoint &point : history)
        spoken << tr("%1 on %2")
                      .arg(money(point.newPriceCents),
                           QLocale().toString(point.changedAt.toLocalTime().date(), QLocale::ShortFormat));
    m_chart->setAccessibleDescription(spoken.join(QStringLiteral("; ")));
    m_chart->setToolTip(spoken.join(QLatin1Char('\n')));
}

void CarDetailPanel::showSimilar(const QList<SimilarCar> &similar)
{
    m_similar->clear();
    if (similar.isEmpty()) {
        m_similar->addItem(tr("No similar car is available."));
        return;
    }
    for (const SimilarCar &car : similar) {
        auto *item = new QListWidgetItem(tr("#%1 · %2 %3 %4 · %5 — %6")
                                             .arg(car.row.stockNumber, car.row.make, car.row.model)
                                             .arg(car.row.modelYear)
                                             .arg(money(car.row.listPriceCents), car.reason),
                                         m_similar);
        item->setData(Qt::UserRole, car.row.id);
        item->setToolTip(item->text()); // the reasons may run past the panel's edge
    }
}

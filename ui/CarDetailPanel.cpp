#include "CarDetailPanel.h"

#include "models/VinRequestListModel.h"

#include "domain/CarVocabulary.h"
#include "models/CarTableModel.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QFormLayout>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QValueAxis>

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

    auto *priceTitle = new QLabel(tr("<b>Price history</b>"), content);
    layout->addWidget(priceTitle);
    m_chart->setMinimumHeight(150);
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

QString CarDetailPanel::money(qint64 cents) const
{
    return CarTableModel::money(cents, m_currency);
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
          CarColumn::MileageKm, CarColumn::Condition, CarColumn::Location, CarColumn::Cost, CarColumn::AcquiredOn,
          CarColumn::ListedOn, CarColumn::SoldOn})
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
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    auto *series = new QLineSeries(chart);
    series->setPointsVisible(true);
    qint64 lowest = std::numeric_limits<qint64>::max();
    qint64 highest = 0;
    for (const CarPricePoint &point : details.priceHistory) {
        series->append(double(point.changedAt.toMSecsSinceEpoch()), double(point.newPriceCents) / 100.0);
        lowest = std::min(lowest, point.newPriceCents);
        highest = std::max(highest, point.newPriceCents);
    }
    // A single price is a flat line up to today.
    if (details.priceHistory.size() == 1)
        series->append(double(QDateTime::currentMSecsSinceEpoch()),
                       double(details.priceHistory.first().newPriceCents) / 100.0);
    chart->addSeries(series);
    auto *time = new QDateTimeAxis(chart);
    time->setFormat(QLocale().dateFormat(QLocale::ShortFormat));
    time->setTickCount(3);
    auto *price = new QValueAxis(chart);
    price->setLabelFormat(QStringLiteral("%.0f"));
    if (!details.priceHistory.isEmpty()) {
        const double margin = std::max(100.0, double(highest - lowest) / 100.0 * 0.15);
        price->setRange(double(lowest) / 100.0 - margin, double(highest) / 100.0 + margin);
    }
    price->setTickCount(3);
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(price, Qt::AlignLeft);
    series->attachAxis(time);
    series->attachAxis(price);
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;

    QStringList spoken;
    for (const CarPricePoint &point : details.priceHistory)
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

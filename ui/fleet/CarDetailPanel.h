#pragma once

#include "domain/CarRow.h"
#include "services/FleetService.h"
#include "services/SalesService.h"
#include "services/VinReportService.h"

#include <QWidget>

class QChartView;
class QFormLayout;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

// The right-hand panel of the Fleet section: every field of the selected car, its price history as a
// small chart, its sale (Sell… or Void sale…), its VIN report, and the similar cars in stock.
class CarDetailPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CarDetailPanel(QWidget *parent = nullptr);

    void setCurrency(const QString &isoCode) { m_currency = isoCode; }
    void showDetails(const CarDetails &details);
    void showSimilar(const QList<SimilarCar> &similar);
    // The newest VIN report request of the car's VIN, or none yet.
    void showVinReport(const std::optional<VinRequestRow> &request);
    // The sale that counts for the shown car, once a sold car's sale is read (none: not recorded).
    void showSale(const std::optional<Sale> &sale);
    void showMessage(const QString &message); // "Select a car…", a load error
    qint64 carId() const { return m_carId; }

signals:
    void similarCarActivated(qint64 id);
    void editRequested();
    void vinReportRequested(qint64 carId);
    void vinReportOpened(qint64 reportId);
    void sellRequested(qint64 carId);
    void voidSaleRequested(qint64 saleId);

private:
    QString money(qint64 cents) const;
    void showPriceHistory(const CarDetails &details);

    QString m_currency = QStringLiteral("EUR");
    qint64 m_carId = 0;
    QStackedWidget *m_stack;
    QLabel *m_message;
    QLabel *m_title;
    QLabel *m_subtitle;
    QFormLayout *m_fields;
    QChartView *m_chart;
    QListWidget *m_similar;
    QLabel *m_vinReport;
    QPushButton *m_requestVinReport;
    QPushButton *m_openVinReport;
    qint64 m_vinReportId = 0;
    bool m_vinReportPending = false;
    QLabel *m_sale;
    QPushButton *m_sell;
    QPushButton *m_voidSale;
    qint64 m_saleId = 0;
};

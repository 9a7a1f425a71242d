#pragma once

#include "HistoryProvider.h"

#include <QCoreApplication>
#include <QDate>

// Sample histories for demos and training, as no free history source exists: made from the VIN alone
// (the same VIN always gives the same history), plausible for the model year (owners, yearly odometer
// readings, services, now and then an accident, a title brand, a rollback or a theft), and labelled as
// simulated everywhere they are shown.
class SimulatedHistoryProvider : public HistoryProvider
{
    Q_DECLARE_TR_FUNCTIONS(SimulatedHistoryProvider)

public:
    // `today` ends the history (tests pin it).
    explicit SimulatedHistoryProvider(QDate today = QDate::currentDate());
    QString name() const override;
    Result<VinHistory> history(const VinDecoding &decoding) override;

private:
    QDate m_today;
};

#include "services/RentalDeskService.h"

#include "db/Database.h"

namespace {

Error notReady()
{
    return Error(Error::Code::Unknown, RentalDeskService::tr("The rental desk is not ready yet."));
}

} // namespace

Result<QList<VehicleClass>> RentalDeskService::vehicleClasses(Database &)
{
    return std::unexpected(notReady());
}

Result<RateCard> RentalDeskService::rateCard(Database &, const QString &, std::optional<qint64>)
{
    return std::unexpected(notReady());
}

Result<void> RentalDeskService::saveRateCard(Database &, const RateCard &, std::optional<qint64>)
{
    return std::unexpected(notReady());
}

Result<QList<ExtraOffer>> RentalDeskService::extras(Database &)
{
    return std::unexpected(notReady());
}

Result<RentalSettings> RentalDeskService::settings(Database &, std::optional<qint64>)
{
    return std::unexpected(notReady());
}

Result<void> RentalDeskService::saveSettings(Database &, const RentalSettings &)
{
    return std::unexpected(notReady());
}

Result<RentalDeskService::Quote> RentalDeskService::quote(Database &, qint64, const QDateTime &, const QDateTime &,
                                                          const QStringList &)
{
    return std::unexpected(notReady());
}

Result<QHash<qint64, RateSet>> RentalDeskService::rates(Database &, const QList<qint64> &)
{
    return std::unexpected(notReady());
}

Result<DeskWarnings> RentalDeskService::pickUpWarnings(Database &, qint64)
{
    return std::unexpected(notReady());
}

Result<SettlementBill> RentalDeskService::previewReturn(Database &, const ReturnEntry &)
{
    return std::unexpected(notReady());
}

Result<SettledReturn> RentalDeskService::settleReturn(Database &, const ReturnEntry &)
{
    return std::unexpected(notReady());
}

Result<AgreementPaper> RentalDeskService::agreement(Database &, qint64, const QLocale &)
{
    return std::unexpected(notReady());
}

Result<InvoicePaper> RentalDeskService::invoice(Database &, qint64, const QLocale &)
{
    return std::unexpected(notReady());
}

Result<ReceiptPaper> RentalDeskService::receipt(Database &, qint64, const QLocale &)
{
    return std::unexpected(notReady());
}

Result<DeskCar> RentalDeskService::car(Database &, const QString &)
{
    return std::unexpected(notReady());
}

std::optional<CarTerms> RentalDeskService::carTerms(pqxx::transaction_base &, qint64)
{
    return std::nullopt;
}

RentalSettings RentalDeskService::settingsIn(pqxx::transaction_base &, std::optional<qint64>)
{
    return {};
}

Result<KeptQuote> RentalDeskService::priceFromCard(const CarTerms &, const QDateTime &, const QDateTime &,
                                                   const QTimeZone &, const QList<RentalExtra> &, std::optional<qint64>,
                                                   const QString &)
{
    return std::unexpected(notReady());
}

Result<KeptQuote> RentalDeskService::requote(const QByteArray &, const QDateTime &, const QDateTime &,
                                             const QList<RentalExtra> &)
{
    return std::unexpected(notReady());
}

qint64 RentalDeskService::depositHeld(pqxx::transaction_base &, qint64)
{
    return 0;
}

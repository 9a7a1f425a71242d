#pragma once

#include "domain/BookingPayment.h"
#include "domain/RateCard.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

// What the rental desk's papers say, gathered by RentalDeskService from one booking and laid out by
// RentalPaperDocument. Plain values: a paper is rendered from these alone (no database), so the CLI, the
// window and the tests print the same thing. Amounts in cents of `format.currency`.

struct PaperBranch
{
    QString code;
    QString name;
    QString address;
    QString phone;
    QTimeZone zone; // times on the paper are the branch's local times
};

struct PaperCustomer
{
    QString name;
    QString address;
    QString phone;
    QString email;
    QString licenceNumber;
    QDate licenceExpiry; // invalid: not recorded
};

struct PaperCar
{
    QString stockNumber;
    QString description; // "2021 Volkswagen Golf"
    QString vin;
    QString vehicleClass; // its display name, "Compact"
};

// The rental agreement, printed at pick-up for the customer to sign.
struct AgreementPaper
{
    qint64 bookingId = 0;
    PaperBranch branch;
    PaperCustomer customer;
    PaperCar car;
    QDateTime pickupAt;
    QDateTime returnAt;
    std::optional<int> mileageOutKm; // the readings at pick-up, once taken
    std::optional<int> fuelOutEighths;
    std::optional<int> kmPerDay; // allowance per day; nothing: unlimited
    qint64 extraKmCents = 0;
    QList<QuoteLine> quoteLines; // as quoted at booking, the desk's override line included
    qint64 quotedTotalCents = 0;
    qint64 depositCents = 0; // the deposit asked for
    QString termsText;       // the branch's terms (a setting), printed as written
    QString staffName;
    QuoteFormat format; // currency and the desk's locale
};

// The invoice, issued when the return is settled. Reissued, it keeps its number and says "Copy".
struct InvoicePaper
{
    QString number; // "HQ-2026-000042": branch code, year, gap-free sequence
    bool copy = false;
    QDate issuedOn;
    qint64 bookingId = 0;
    PaperBranch branch;
    PaperCustomer customer;
    PaperCar car;
    QDateTime pickupAt;
    QDateTime returnAt; // the actual return
    std::optional<int> mileageOutKm;
    std::optional<int> mileageInKm;
    std::optional<int> fuelOutEighths;
    std::optional<int> fuelInEighths;
    QList<QuoteLine> lines;
    qint64 netCents = 0;
    qint64 taxCents = 0;
    qint64 grossCents = 0;
    int vatBasisPoints = 0; // 1900 = 19 %
    bool pricesIncludeVat = true;
    QList<BookingPayment> payments; // every payment, refund and deposit movement, oldest first
    qint64 depositHeldCents = 0;
    qint64 depositCapturedCents = 0;
    qint64 depositReleasedCents = 0;
    qint64 balanceCents = 0; // above zero the customer owes; below zero is owed
    QuoteFormat format;
};

// A receipt for one payment (or refund, deposit, deposit return or capture).
struct ReceiptPaper
{
    qint64 bookingId = 0;
    PaperBranch branch;
    PaperCustomer customer;
    PaperCar car;
    BookingPayment payment;
    qint64 balanceAfterCents = 0; // the booking's balance once this payment is counted
    QuoteFormat format;
};

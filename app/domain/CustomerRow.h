#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

// One customer as the Customers table shows it.
struct CustomerRow
{
    qint64 id = 0;
    QString fullName;
    QString email;
    QString phone;
    QDate dateOfBirth;
    QString licenceNumber;
    QDate licenceExpiry;
    bool possibleDuplicate = false; // another customer has the same email (any letter case) or licence number
    QDateTime updatedAt;
    int version = 0;

    bool operator==(const CustomerRow &other) const = default;
};

// Everything about one customer: the editor and the detail panel.
struct CustomerDetails
{
    CustomerRow row;
    QString address;
    QString notes;
    QString createdBy;
    QDateTime createdAt;
    QString updatedBy;
};

// Another customer with the same email or licence number as one being saved.
struct CustomerMatch
{
    qint64 id = 0;
    QString fullName;
    bool sameEmail = false;
    bool sameLicence = false;

    bool operator==(const CustomerMatch &other) const = default;
};

// One booking in a customer's list. Money in cents.
struct CustomerBooking
{
    qint64 id = 0;
    QString stockNumber;
    QString make;
    QString model;
    QDateTime pickup;
    QDateTime returned;
    QString status; // reserved, active, completed, cancelled, no_show
    qint64 totalCents = 0;
    qint64 balanceCents = 0; // owed by the customer when positive
};

// What a customer owes over all bookings (booking_balances), and the deposits held for them.
struct CustomerBalance
{
    qint64 balanceCents = 0;
    qint64 depositHeldCents = 0;
    QString currency; // ISO 4217: the database's, in which every amount is
};

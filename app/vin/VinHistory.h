#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

// A vehicle's history as a history provider reports it. Distances in kilometres.
struct VinHistory
{
    struct TitleEvent
    {
        QDate date;
        QString kind;        // "title", "registration", "transfer", "brand"
        QString region;      // state or country where it happened
        QString brand;       // a title brand ("salvage", "rebuilt", "flood", "junk", "lemon"), or empty
        int odometerKm = -1; // -1: not recorded
    };
    struct Accident
    {
        QDate date;
        QString severity; // "minor", "moderate", "severe"
        QString area;     // "front", "rear", "left side", ...
        bool airbagsDeployed = false;
        QString description;
    };
    struct OdometerReading
    {
        QDate date;     // null: the provider gave none
        int km = -1;    // -1: not given
        QString source; // "inspection", "service", "title", "sale", ...
    };
    struct Owner
    {
        int number = 0; // 1 for the first owner
        QDate from;
        QDate to;     // null: current owner
        QString type; // "personal", "lease", "rental", "fleet", "commercial"
        QString region;
    };
    struct ServiceRecord
    {
        QDate date;
        int odometerKm = -1;
        QString description;
        QString shop;
    };
    struct Recall
    {
        QString campaign;
        QDate date;
        QString component;
        QString summary;
        bool open = true; // not yet repaired
    };

    QString provider;       // the source's name, as the report shows it
    bool simulated = false; // sample data: every page of the report says so
    QDateTime fetchedAt;
    bool stolen = false; // reported stolen and not recovered
    QList<TitleEvent> titleEvents;
    QList<Accident> accidents;
    QList<OdometerReading> odometer; // as the provider sent them: not necessarily in date order
    QList<Owner> owners;
    QList<ServiceRecord> service;
    QList<Recall> recalls;
    bool recallsProvided = false; // false: the provider says nothing about recalls

    // Every odometer figure the history gives: its readings, its service records' and its title events'
    // (source "service" and "title" for the last two). Those with a date come first, oldest first, and on
    // one day the lowest first (an odometer never goes back within a day); those without a date follow.
    // A figure given twice for one day (a sale's reading and its title transfer) is kept once; figures
    // not given (below zero) are left out.
    QList<OdometerReading> odometerReadings() const;

    QJsonObject toJson() const;
    // Unknown or missing members read as empty; never throws.
    static VinHistory fromJson(const QJsonObject &object);
};

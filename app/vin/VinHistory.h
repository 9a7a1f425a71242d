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
        QDate date;
        int km = 0;
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
    QList<OdometerReading> odometer; // oldest first
    QList<Owner> owners;
    QList<ServiceRecord> service;
    QList<Recall> recalls;
    bool recallsProvided = false; // false: the provider says nothing about recalls

    QJsonObject toJson() const;
    // Unknown or missing members read as empty; never throws.
    static VinHistory fromJson(const QJsonObject &object);
};

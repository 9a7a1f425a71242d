#pragma once

#include "cli/Command.h"

struct CarImportSummary;
class QJsonObject;

namespace Commands {

// `forecourt import cars FILE.csv`: imports cars from a CSV file in one transaction.
class ImportCars : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    ImportCars();

protected:
    int execute(const QStringList &operands) override;

private:
    static QJsonObject toJson(const CarImportSummary &summary, bool dryRun);

    const QCommandLineOption m_mode{QStringLiteral("mode"),
                                    tr("insert: every row is a new car, a VIN already in the fleet is refused "
                                       "(default); upsert: a row whose VIN is in the fleet updates that car."),
                                    QStringLiteral("insert|upsert"), QStringLiteral("insert")};
    const QCommandLineOption m_dryRun{QStringLiteral("dry-run"),
                                      tr("Check every row, also against the database, and write nothing.")};
    const QCommandLineOption m_skipInvalid{QStringLiteral("skip-invalid"),
                                           tr("Import the valid rows even when others are refused.")};
    const QCommandLineOption m_errors{QStringLiteral("errors"),
                                      tr("Write every problem found to this CSV file (line, column, value, message, "
                                         "severity)."),
                                      tr("file")};
    const QCommandLineOption m_defaults{
        QStringLiteral("default"),
        tr("A value for a field the file leaves empty or has no column for, such as condition=used or "
           "fuel_type=petrol (repeatable). Fields the file leaves empty are otherwise not stated; a missing make or "
           "model year is taken from the VIN where it can be."),
        tr("field=value")};
};

} // namespace Commands

#pragma once

#include "domain/CarValidator.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Which car field each column of a CSV file holds.
struct CarColumnMapping
{
    // A column whose field an earlier column already maps; it is ignored.
    struct Duplicate
    {
        int column = 0;      // 0-based
        int firstColumn = 0; // the column that maps the field
        CarField field = CarField::StockNumber;

        bool operator==(const Duplicate &other) const = default;
    };

    QList<std::optional<CarField>> columnField; // one per column; nothing: the column is ignored
    QList<Duplicate> duplicates;

    // The column that holds `field`, or -1.
    int columnOf(CarField field) const;
    // The required fields (CarCsvColumns::requiredFields()) that no column maps, in field order.
    QList<CarField> missingRequired() const;
};

// The names CSV files use for the car fields. The export writes headerFor() (the database column names,
// "location" for the branch code), which fieldForHeader() reads back, so an export re-imports as it is.
class CarCsvColumns
{
public:
    // The field a column name stands for: letter case, spaces, punctuation ('_', '-', '.', '(', ...) and
    // German umlauts (ä = ae) do not matter. English and German names and those of the listing portals:
    // "Stock #", "FIN", "Marke", "Baujahr", "Leistung (kW)", "Kilometerstand", "Verkaufspreis", "Odometer",
    // "Asking price", ...; a unit in brackets is ignored when the whole name is not known ("Price (EUR)").
    static std::optional<CarField> fieldForHeader(const QString &header);
    // The export's name for a field: "stock_number", "model_year", "trim_level", "location".
    static QString headerFor(CarField field);
    // headerFor() of every field, in the editor's order: the export's header row.
    static QStringList exportHeader();
    // The fields an import cannot do without a column for: VIN, model and list price. The make and the model
    // year are required too, but without a column the import takes them from each VIN where it can
    // (CarValidationOptions::fillFromVin); a row it cannot fill is refused.
    static QList<CarField> requiredFields();

    // Maps each column by fieldForHeader(); when two columns map the same field, the first one wins and the
    // later one is listed in `duplicates`.
    static CarColumnMapping guess(const QStringList &header);
};

#include "ExportCars.h"

#include "TerminationSignals.h"
#include "db/Database.h"
#include "domain/CarFilter.h"
#include "domain/CarValidator.h"
#include "io/CarCsvColumns.h"
#include "services/CarExportService.h"
#include "services/CarQuery.h"

#include <QFile>
#include <QSaveFile>

#include <climits>
#include <cstdio>
#include <limits>
#include <unistd.h>

namespace Commands {

namespace {

// The seats and list prices a car may have (the CHECK on cars.seats, the type of cars.list_price).
constexpr qint64 kMostSeats = 60;
constexpr qint64 kMostListPrice = 9'999'999'999;

// Values of a repeatable option, each of which may also be a comma-separated list.
QStringList listValues(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    QStringList values;
    for (const QString &value : parser.values(option)) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!part.trimmed().isEmpty())
                values << part.trimmed();
        }
    }
    return values;
}

} // namespace

ExportCars::ExportCars()
    : Command(QStringLiteral("export cars"),
              tr("Writes the cars that match the filters to CSV (UTF-8, with the column names that \"import "
                 "cars\" reads back)."),
              Json::NotTaken)
{
    addOptions({m_output, m_sort, m_descending});
    for (const FilterOption &filter : m_filters)
        addOptions({filter.option});
}

QList<ExportCars::FilterOption> ExportCars::filterOptions()
{
    const auto text = [](const char *name, const QString &description, const QString &valueName) {
        return FilterOption{QCommandLineOption(QString::fromLatin1(name), description, valueName), std::nullopt};
    };
    const auto vocabulary = [](const char *name, CarVocabulary::Kind kind) {
        QStringList values = CarVocabulary::keys(kind);
        if (CarVocabulary::mayBeNotStated(kind))
            values << CarFilter::notStated(); // and the other words for it: unknown, n/a, -
        return FilterOption{
            QCommandLineOption(QString::fromLatin1(name),
                               tr("Only cars of this %1 (repeatable, or comma-separated): %2.")
                                   .arg(CarVocabulary::kindLabel(kind), values.join(QStringLiteral(", "))),
                               CarVocabulary::kindKey(kind)),
            kind};
    };
    return {
        text("search", tr("Only cars whose stock number, VIN, make or model contain every word."), tr("text")),
        text("make", tr("Only these makes (repeatable, or comma-separated)."), tr("make")),
        text("model", tr("Only these models (repeatable, or comma-separated)."), tr("model")),
        text("year-from", tr("Only cars of this model year or newer."), tr("year")),
        text("year-to", tr("Only cars of this model year or older."), tr("year")),
        text("price-from", tr("Only cars with a list price of at least this (whole currency units)."), tr("amount")),
        text("price-to", tr("Only cars with a list price of at most this."), tr("amount")),
        text("mileage-from", tr("Only cars with at least this mileage (km)."), tr("km")),
        text("mileage-to", tr("Only cars with at most this mileage (km)."), tr("km")),
        vocabulary("fuel", CarVocabulary::Kind::FuelType),
        vocabulary("transmission", CarVocabulary::Kind::Transmission),
        vocabulary("body", CarVocabulary::Kind::BodyType),
        text("colour", tr("Only these colours (repeatable, or comma-separated)."), tr("colour")),
        text("seats", tr("Only cars with this many seats (repeatable, or comma-separated)."), tr("n")),
        vocabulary("condition", CarVocabulary::Kind::Condition),
        vocabulary("status", CarVocabulary::Kind::Status),
        text("location", tr("Only cars at these locations: branch codes (repeatable, or comma-separated)."),
             tr("code")),
        text("for-rent", tr("Only the rental fleet (yes) or only the stock for sale (no)."), tr("yes|no")),
    };
}

Result<CarQuery> ExportCars::query() const
{
    CarQuery query;
    CarFilter &filter = query.filter;
    const auto invalid = [](const QString &message) {
        return std::unexpected(Error{Error::Code::InvalidInput, message});
    };
    for (const FilterOption &filterOption : m_filters) {
        const QString name = filterOption.option.names().constFirst();
        if (!isSet(filterOption.option))
            continue;
        const QString value = this->value(filterOption.option).trimmed();
        if (filterOption.kind) {
            QStringList keys;
            for (const QString &item : listValues(parser(), filterOption.option)) {
                if (CarVocabulary::mayBeNotStated(*filterOption.kind) && CarVocabulary::meansNotStated(item)) {
                    keys << CarFilter::notStated();
                    continue;
                }
                const std::optional<QString> key = CarVocabulary::normalise(*filterOption.kind, item);
                if (!key)
                    return invalid(tr("Unknown %1 \"%2\" for --%3. Use one of: %4.")
                                       .arg(CarVocabulary::kindLabel(*filterOption.kind), item, name,
                                            CarVocabulary::acceptedValues(*filterOption.kind)));
                keys << *key;
            }
            QStringList *target = nullptr;
            switch (*filterOption.kind) {
            case CarVocabulary::Kind::FuelType:
                target = &filter.fuelTypes;
                break;
            case CarVocabulary::Kind::Transmission:
                target = &filter.transmissions;
                break;
            case CarVocabulary::Kind::BodyType:
                target = &filter.bodyTypes;
                break;
            case CarVocabulary::Kind::Condition:
                target = &filter.conditions;
                break;
            case CarVocabulary::Kind::Status:
                target = &filter.statuses;
                break;
            case CarVocabulary::Kind::Drive:
                break;
            }
            if (target)
                *target = keys;
        } else if (name == QLatin1String("search")) {
            filter.text = value;
        } else if (name == QLatin1String("make")) {
            filter.makes = listValues(parser(), filterOption.option);
        } else if (name == QLatin1String("model")) {
            filter.models = listValues(parser(), filterOption.option);
        } else if (name == QLatin1String("colour")) {
            filter.colours = listValues(parser(), filterOption.option);
        } else if (name == QLatin1String("location")) {
            for (const QString &code : listValues(parser(), filterOption.option))
                filter.locations << code.toUpper();
        } else if (name == QLatin1String("for-rent")) {
            const std::optional<bool> forRent = value.isEmpty() ? std::nullopt : CarValidator::parseYesNo(value);
            if (!forRent)
                return invalid(
                    tr("--for-rent takes yes (the rental fleet) or no (the stock for sale), not \"%1\".").arg(value));
            filter.forRent = forRent;
        } else if (name == QLatin1String("seats")) {
            for (const QString &item : listValues(parser(), filterOption.option)) {
                const auto seats = wholeNumber(QStringLiteral("--seats"), item, 1, kMostSeats);
                if (!seats)
                    return std::unexpected(seats.error());
                filter.seats << int(*seats);
            }
        } else {
            // The bounds of the columns' types (model_year smallint, list_price numeric(12, 2), mileage_km
            // integer): a value beyond them would fail in SQL rather than match nothing.
            const bool year = name.startsWith(QLatin1String("year"));
            const bool price = name.startsWith(QLatin1String("price"));
            const auto number = wholeNumber(QStringLiteral("--") + name, value, 0,
                                            year    ? 9999
                                            : price ? kMostListPrice
                                                    : std::numeric_limits<int>::max());
            if (!number)
                return std::unexpected(number.error());
            if (name == QLatin1String("year-from"))
                filter.yearFrom = int(*number);
            else if (name == QLatin1String("year-to"))
                filter.yearTo = int(*number);
            else if (name == QLatin1String("price-from"))
                filter.priceFrom = *number;
            else if (name == QLatin1String("price-to"))
                filter.priceTo = *number;
            else if (name == QLatin1String("mileage-from"))
                filter.mileageFrom = *number;
            else if (name == QLatin1String("mileage-to"))
                filter.mileageTo = *number;
        }
    }
    return query;
}

int ExportCars::execute(const QStringList &)
{
    Result<CarQuery> query = this->query();
    if (!query)
        return usageError(query.error().message);
    const std::optional<CarColumn> column = CarQuery::columnForKey(value(m_sort));
    if (!column)
        return usageError(tr("Unknown --sort column \"%1\". Use one of: %2, updated_at, updated_by.")
                              .arg(value(m_sort), CarCsvColumns::exportHeader().join(QStringLiteral(", "))));
    query->sortColumn = *column;
    query->sortOrder = isSet(m_descending) ? Qt::DescendingOrder : Qt::AscendingOrder;

    auto database = openDatabase(false);
    if (!database)
        return failWith(database.error());
    const bool toFile = isSet(m_output);
    QSaveFile saveFile(value(m_output));
    QFile standardOutput;
    QIODevice *device = &saveFile;
    if (toFile) {
        if (!saveFile.open(QIODevice::WriteOnly))
            return failWith(
                {Error::Code::InvalidInput,
                 tr("The file %1 could not be written: %2.").arg(saveFile.fileName(), saveFile.errorString())});
    } else {
        out().flush();
        if (!standardOutput.open(stdout, QIODevice::WriteOnly))
            return failWith({Error::Code::Unknown, tr("The standard output could not be written.")});
        device = &standardOutput;
    }
    const bool showProgress = toFile && isatty(fileno(stderr));
    const auto exported = CarExportService::exportCars(**database, *query, *device, [&](qint64 done, qint64 total) {
        if (showProgress)
            err() << "\r" << tr("%1 of %2 cars").arg(done).arg(total) << Qt::flush;
        return !TerminationSignals::interrupted(); // Ctrl+C cancels; no file is left behind
    });
    if (showProgress)
        err() << "\r" << Qt::endl;
    if (!exported)
        return failWith(exported.error());
    if (toFile) {
        if (!saveFile.commit())
            return failWith(
                {Error::Code::Unknown,
                 tr("The file %1 could not be written: %2.").arg(saveFile.fileName(), saveFile.errorString())});
        out() << tr("Exported %n car(s) to %1.", nullptr, static_cast<int>(std::min<qint64>(*exported, INT_MAX)))
                     .arg(saveFile.fileName())
              << Qt::endl;
    }
    return Ok;
}

} // namespace Commands

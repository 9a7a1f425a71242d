#pragma once

#include "cli/Command.h"
#include "domain/CarVocabulary.h"

#include <optional>

struct CarQuery;

namespace Commands {

// `forecourt export cars`: writes the cars that match the filters to CSV.
class ExportCars : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    ExportCars();

protected:
    int execute(const QStringList &operands) override;

private:
    // A filter option; `kind` for those whose values are from a vocabulary (fuel types, statuses, ...).
    struct FilterOption
    {
        QCommandLineOption option;
        std::optional<CarVocabulary::Kind> kind;
    };
    static QList<FilterOption> filterOptions();
    // The filter the options ask for, or a usage error's message.
    Result<CarQuery> query() const;

    const QList<FilterOption> m_filters = filterOptions();
    const QCommandLineOption m_output{{QStringLiteral("o"), QStringLiteral("output")},
                                      tr("Write to this file instead of the standard output."),
                                      tr("file")};
    const QCommandLineOption m_sort{
        QStringLiteral("sort"),
        tr("Sort by this column (default stock_number): a column of the export, or updated_at."), tr("column"),
        QStringLiteral("stock_number")};
    const QCommandLineOption m_descending{QStringLiteral("desc"), tr("Sort in descending order.")};
};

} // namespace Commands

#include "Invoice.h"

#include "db/Database.h"
#include "papers/RentalPaperDocument.h"
#include "services/RentalDeskService.h"

#include <QLocale>

namespace Commands {

Invoice::Invoice()
    : Command(QStringLiteral("invoice BOOKING_ID --pdf FILE"),
              tr("Writes the invoice of a completed booking as a PDF file, in the language and formats of this "
                 "system's locale. The invoice keeps its number; every print after the first says \"Copy\"."),
              Json::NotTaken)
{
    addOptions({m_pdf});
}

int Invoice::execute(const QStringList &operands)
{
    const auto id = wholeNumber(QStringLiteral("BOOKING_ID"), operands.value(0), 1, std::numeric_limits<qint64>::max());
    if (!id)
        return usageError(id.error().message);
    if (!isSet(m_pdf) || value(m_pdf).trimmed().isEmpty())
        return usageError(tr("\"invoice\" needs --pdf FILE: where to write the invoice."));
    auto database = openDatabase(true);
    if (!database)
        return failWith(database.error());
    const auto invoice = RentalDeskService::invoice(**database, *id, QLocale());
    if (!invoice)
        return failWith(invoice.error());
    QString error;
    if (!RentalPaperDocument::writePdf(*invoice, value(m_pdf), &error))
        return failWith(Error{Error::Code::Unknown, error});
    out() << (invoice->copy ? tr("Wrote invoice %1 (copy) to %2.") : tr("Wrote invoice %1 to %2."))
                 .arg(invoice->number, value(m_pdf))
          << Qt::endl;
    return Ok;
}

} // namespace Commands

#include "VinDecode.h"

#include "TerminationSignals.h"
#include "cli/JsonOutput.h"
#include "domain/VinDecoder.h"

#include <QDate>

#include <algorithm>
#include <climits>

namespace Commands {

VinDecode::VinDecode()
    : VinCommand(QStringLiteral("vin decode [VIN...]"),
                 tr("Decodes VINs offline: the manufacturer, country and region from the WMI, the model year, "
                    "plant, serial number and check digit. Give the VINs as arguments, or one a line on stdin. "
                    "Exit code 1 when any VIN is not valid."),
                 Json::Taken)
{}

int VinDecode::execute(const QStringList &vins)
{
    // Each VIN is printed as soon as it is decoded: memory stays flat however many come in.
    const QDate today = QDate::currentDate();
    JsonOutput::ArrayPrinter array;
    qint64 decoded = 0;
    qint64 invalid = 0;
    const auto decode = [&](const QString &vin) {
        const VinDecoding decoding = VinDecoder::decode(vin, today);
        if (!decoding.valid)
            ++invalid;
        if (json()) {
            array.add(decoding.toJson());
        } else {
            if (decoded > 0)
                out() << Qt::endl;
            printDecoding(decoding);
        }
        ++decoded;
        return !TerminationSignals::interrupted();
    };
    int code = Ok;
    if (vins.isEmpty()) {
        code = forEachStdinVin(decode);
    } else {
        for (const QString &vin : vins) {
            if (!decode(vin))
                break;
        }
    }
    if (json())
        array.close(); // valid JSON also after an error or Ctrl+C
    out().flush();
    if (code != Ok)
        return code;
    if (TerminationSignals::interrupted())
        return failWith(Error{Error::Code::Unknown, tr("Interrupted after decoding %1 VINs.").arg(decoded)});
    if (invalid == 0)
        return Ok;
    err() << "forecourt: "
          << tr("%1 of %n VIN(s) not valid.", nullptr, int(std::min<qint64>(decoded, INT_MAX))).arg(invalid)
          << Qt::endl;
    return Failed;
}

void VinDecode::printDecoding(const VinDecoding &decoding)
{
    const QString shownVin = decoding.vin.isEmpty() ? QStringLiteral("\"%1\"").arg(decoding.input) : decoding.vin;
    out() << (decoding.valid ? tr("VIN %1 (valid)") : tr("VIN %1 (not valid)")).arg(shownVin) << Qt::endl;
    if (!decoding.wmi.isEmpty()) {
        out() << "  "
              << tr("Manufacturer: %1 (WMI %2)")
                     .arg(decoding.manufacturer.isEmpty() ? tr("unknown") : decoding.manufacturer, decoding.wmi)
              << Qt::endl;
        if (!decoding.country.isEmpty() || !decoding.region.isEmpty())
            out() << "  "
                  << tr("Country: %1")
                         .arg(decoding.country.isEmpty() ? decoding.region
                              : decoding.region.isEmpty()
                                  ? decoding.country
                                  : QStringLiteral("%1, %2").arg(decoding.country, decoding.region))
                  << Qt::endl;
        QString year = tr("unknown");
        if (decoding.modelYear) {
            QStringList others;
            for (const int candidate : decoding.modelYearCandidates) {
                if (candidate != *decoding.modelYear)
                    others << QString::number(candidate);
            }
            year = others.isEmpty() ? QString::number(*decoding.modelYear)
                                    : tr("%1 (or %2)").arg(*decoding.modelYear).arg(others.join(tr(" or ")));
        }
        out() << "  " << tr("Model year: %1").arg(year) << Qt::endl;
        out() << "  " << tr("Plant: %1").arg(decoding.plantCode) << Qt::endl;
        out() << "  " << tr("Serial: %1").arg(decoding.serial) << Qt::endl;
        out() << "  "
              << (decoding.checkDigitValid ? tr("Check digit: %1, correct").arg(decoding.actualCheckDigit)
                                           : tr("Check digit: %1, where %2 would be correct")
                                                 .arg(decoding.actualCheckDigit, decoding.expectedCheckDigit))
              << Qt::endl;
    }
    for (const QString &warning : decoding.warnings)
        out() << "  " << tr("Warning: %1").arg(warning) << Qt::endl;
    for (const QString &error : decoding.errors)
        out() << "  " << tr("Error: %1").arg(error) << Qt::endl;
}

} // namespace Commands

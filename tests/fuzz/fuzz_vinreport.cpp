// A stored VIN report's JSON on any bytes (vin_reports.report, which any client with access to the table
// can write, and a history provider's answer, which is the same history JSON), under the sanitizers:
// VinReport::fromJson, then what every list and the report window compute from it. Besides not crashing:
// - reading is idempotent: the JSON of what was read reads back to the same JSON;
// - the odometer figures are in the promised order (dated ones first, oldest first, on one day the lowest
//   first), none below zero; the flags' highest reading is the highest; rollbacks point at real readings.

#include "FuzzSupport.h"

#include "vin/VinReport.h"

#include <QJsonDocument>
#include <QJsonObject>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(bytesOf(data, size));
    VinReport report = VinReport::fromJson(document.object());
    // The fleet's mileage is read with the report, never stored in it: take one from the input.
    if (size >= 4)
        report.fleetMileageKm = int(data[0] | (data[1] << 8) | (data[2] << 16) | (std::uint32_t(data[3]) << 24));

    const QList<VinHistory::OdometerReading> readings = report.history.odometerReadings();
    for (qsizetype i = 0; i < readings.size(); ++i) {
        const VinHistory::OdometerReading &reading = readings.at(i);
        FUZZ_CHECK(reading.km >= 0);
        if (i == 0)
            continue;
        const VinHistory::OdometerReading &before = readings.at(i - 1);
        if (!reading.date.isValid())
            continue;
        FUZZ_CHECK(before.date.isValid());
        FUZZ_CHECK(before.date < reading.date || (before.date == reading.date && before.km <= reading.km));
    }
    for (int index : VinReport::rollbackIndexes(readings)) {
        FUZZ_CHECK(index > 0 && index < readings.size());
        FUZZ_CHECK(readings.at(index).date.isValid());
    }

    const VinReport::Flags flags = report.flags();
    FUZZ_CHECK(flags.highestReading.has_value() == !readings.isEmpty());
    for (const VinHistory::OdometerReading &reading : readings)
        FUZZ_CHECK(reading.km <= flags.highestReading->km);
    FUZZ_CHECK(flags.accidents >= flags.severeAccidents && flags.severeAccidents >= 0);
    FUZZ_CHECK(!flags.findings().isEmpty());
    (void)flags.fleetMileageBelowReported();

    const QJsonObject json = report.toJson();
    FUZZ_CHECK(VinReport::fromJson(json).toJson() == json);
    return 0;
}

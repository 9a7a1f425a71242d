// VpicClient::parseBatch on any bytes (what comes back from vPIC, or from whatever answers in its place),
// under the sanitizers. Besides not crashing:
// - an answer that cannot be read says why, one that can says nothing;
// - every field has a label and data ("" and "Not Applicable" are no data), the error codes are
//   distinct, and no more warnings than non-zero codes;
// - a specification's JSON form (kept in stored reports) reads back to the same specification.

#include "FuzzSupport.h"

#include "vin/VpicClient.h"

#include <QJsonObject>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    QString error = QStringLiteral("not cleared");
    const std::optional<QList<VehicleSpec>> specs = VpicClient::parseBatch(bytesOf(data, size), &error);
    if (!specs) {
        FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    FUZZ_CHECK(error.isEmpty());
    for (const VehicleSpec &spec : *specs) {
        qsizetype nonZero = 0;
        for (qsizetype i = 0; i < spec.errorCodes.size(); ++i) {
            FUZZ_CHECK(spec.errorCodes.indexOf(spec.errorCodes.at(i)) == i);
            nonZero += spec.errorCodes.at(i) != 0;
        }
        // A sentence per non-zero code, and one each for AdditionalErrorText and SuggestedVIN.
        FUZZ_CHECK(spec.warnings.size() <= nonZero + 2);
        for (const auto &[label, value] : spec.fields) {
            FUZZ_CHECK(!label.isEmpty());
            FUZZ_CHECK(!value.isEmpty() && value != QLatin1String("Not Applicable"));
            FUZZ_CHECK(!spec.value(label).isEmpty());
            (void)VehicleSpec::displayLabel(label);
        }
        FUZZ_CHECK(spec.hasData() == !spec.fields.isEmpty());

        FUZZ_CHECK(VehicleSpec::fromJson(spec.toJson()) == spec);
    }
    return 0;
}

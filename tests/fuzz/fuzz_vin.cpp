// Vin and VinDecoder on any text (what a clerk types, a file's VIN column, `forecourt vin decode` on
// stdin), under the sanitizers. The bytes are read as UTF-8 and, once more, as raw UTF-16 (which brings
// unpaired surrogates and characters that look like VIN letters). Besides not crashing:
// - check(): valid exactly when there is no error, normalising is idempotent, parse() agrees;
// - a valid VIN has 17 valid characters and checks again as valid;
// - decode() agrees with check(), its model year is one of its candidates, the candidates are in order,
//   and its JSON form reads back to the same JSON (what `vin decode --json` and stored reports keep);
// - the WMI table's lookups take any 3 or 6 characters.

#include "FuzzSupport.h"

#include "domain/Vin.h"
#include "domain/VinDecoder.h"

#include <QJsonObject>

namespace {

void checkText(const QString &input)
{
    const Vin::Check check = Vin::check(input);
    FUZZ_CHECK(check.valid == check.errors.isEmpty());
    FUZZ_CHECK(check.normalised == Vin::normalise(input));
    FUZZ_CHECK(Vin::normalise(check.normalised) == check.normalised);

    const Result<Vin> vin = Vin::parse(input);
    FUZZ_CHECK(vin.has_value() == check.valid);
    if (vin) {
        const QString text = vin->toString();
        FUZZ_CHECK(text == check.normalised);
        FUZZ_CHECK(text.size() == Vin::Length);
        for (const QChar character : text)
            FUZZ_CHECK(Vin::isValidCharacter(character));
        FUZZ_CHECK(Vin::check(text).valid);
        FUZZ_CHECK(vin->wmi().size() == 3);
    } else {
        FUZZ_CHECK(vin.error().code == Error::Code::InvalidInput);
        FUZZ_CHECK(vin.error().message == check.errors.first());
    }
    const QChar expected = Vin::checkDigitFor(check.normalised);
    FUZZ_CHECK(expected == check.expectedCheckDigit);
    FUZZ_CHECK(expected.isNull() || (expected >= u'0' && expected <= u'9') || expected == u'X');

    // A fixed day, so that a crash input replays the same way on any later day.
    const VinDecoding decoding = VinDecoder::decode(input, QDate(2025, 6, 15));
    FUZZ_CHECK(decoding.valid == check.valid);
    FUZZ_CHECK(decoding.vin == check.normalised);
    FUZZ_CHECK(decoding.valid == decoding.errors.isEmpty());
    FUZZ_CHECK(!decoding.modelYear || decoding.modelYearCandidates.contains(*decoding.modelYear));
    FUZZ_CHECK(std::is_sorted(decoding.modelYearCandidates.cbegin(), decoding.modelYearCandidates.cend()));
    FUZZ_CHECK(decoding.checkDigitValid ==
               (!decoding.expectedCheckDigit.isNull() && decoding.actualCheckDigit == decoding.expectedCheckDigit));
    const QJsonObject json = decoding.toJson();
    FUZZ_CHECK(VinDecoding::fromJson(json).toJson() == json);

    const QStringView view(check.normalised);
    if (view.size() >= 3) {
        (void)VinDecoder::lookup(view.left(3));
        (void)VinDecoder::isoOrigin(view.left(3));
    }
    if (view.size() >= 6)
        (void)VinDecoder::lookup(view.left(6));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    checkText(QString::fromUtf8(bytesOf(data, size)));
    checkText(utf16Of(data, size));
    return 0;
}

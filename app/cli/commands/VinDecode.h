#pragma once

#include "VinCommand.h"

struct VinDecoding;

namespace Commands {

// `forecourt vin decode [VIN...]`: decodes VINs offline, from the arguments or stdin.
class VinDecode : public VinCommand
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    VinDecode();

protected:
    int execute(const QStringList &operands) override;

private:
    // One readable block per VIN.
    static void printDecoding(const VinDecoding &decoding);
};

} // namespace Commands

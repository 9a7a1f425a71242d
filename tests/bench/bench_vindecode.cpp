// Offline VIN decoding: VINs per second on one core, target >= 1,000,000/s. Two sets of
// 1,000,000 VINs made before the clock starts: clean North American VINs (nothing to warn about), and
// a mix as a dealer's list has it (European VINs without a check digit, unknown and small-maker WMIs,
// typos, lower case and dashes). Prints the figures; record them in tests/bench/RESULTS.md.
#include "domain/Vin.h"
#include "domain/VinDecoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <ctime>

namespace {

QTextStream out(stdout);
constexpr int kVins = 1'000'000;
constexpr int kRounds = 5;
const QDate kToday(2026, 11, 22);

const char kVinCharacters[] = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

QChar randomCharacter(QRandomGenerator &random)
{
    return QLatin1Char(kVinCharacters[random.bounded(int(sizeof(kVinCharacters) - 1))]);
}

// WMI, random positions 4-8 and 10-17 (a model year code at 10), and the right check digit.
QString makeVin(QRandomGenerator &random, const char *wmi, bool checkDigit)
{
    QString vin = QLatin1String(wmi);
    for (int i = 3; i < Vin::Length; ++i)
        vin += randomCharacter(random);
    vin[9] = Vin::modelYearCodeFor(1990 + random.bounded(36));
    vin[Vin::CheckDigitPosition - 1] = checkDigit ? Vin::checkDigitFor(vin) : QLatin1Char('Z');
    return vin;
}

QStringList cleanSet(QRandomGenerator &random)
{
    static const char *const wmis[] = {"1HG", "1FA", "1G1", "2T1", "3VW", "4T1", "5YJ", "5UX", "JH4", "JTD",
                                       "KMH", "KNA", "1C4", "2HG", "3FA", "5NP", "1N4", "7SA", "JN1", "WBA"};
    QStringList vins;
    vins.reserve(kVins);
    for (int i = 0; i < kVins; ++i)
        vins << makeVin(random, wmis[random.bounded(int(std::size(wmis)))], true);
    return vins;
}

QStringList mixedSet(QRandomGenerator &random)
{
    static const char *const european[] = {"WVW", "WAU", "WBA", "W1K", "VF1", "VF3", "ZFA", "TMB", "YV1", "SAL"};
    static const char *const american[] = {"1HG", "1FA", "5YJ", "JH4", "JTD", "KMH", "3VW", "2T1"};
    static const char *const unknown[] = {"1M8", "WZZ", "LZZ", "9ZZ", "1Z9", "VF9"};
    QStringList vins;
    vins.reserve(kVins);
    for (int i = 0; i < kVins; ++i) {
        const int kind = random.bounded(100);
        if (kind < 45) {
            vins << makeVin(random, american[random.bounded(int(std::size(american)))], true);
        } else if (kind < 85) {
            vins << makeVin(random, european[random.bounded(int(std::size(european)))], false);
        } else if (kind < 90) {
            vins << makeVin(random, unknown[random.bounded(int(std::size(unknown)))], true);
        } else if (kind < 95) {
            // As typed: lower case, with dashes and spaces.
            const QString vin = makeVin(random, american[random.bounded(int(std::size(american)))], true).toLower();
            vins << QStringLiteral(" %1-%2 %3 ").arg(vin.left(3), vin.mid(3, 6), vin.mid(9));
        } else {
            // Typos: an O for a 0, a character missing, a wrong check digit.
            QString vin = makeVin(random, american[random.bounded(int(std::size(american)))], true);
            switch (kind % 3) {
            case 0:
                vin[12] = QLatin1Char('O');
                break;
            case 1:
                vin.chop(1);
                break;
            default:
                vin[Vin::CheckDigitPosition - 1] = vin.at(8) == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
                break;
            }
            vins << vin;
        }
    }
    return vins;
}

// The time this thread has run: on a shared machine, what one core did for it.
double threadSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

struct Run
{
    // VINs per second, by the wall clock and by the thread's CPU time.
    double best = 0;
    double median = 0;
    double cpuBest = 0;
    double cpuMedian = 0;
    qint64 valid = 0;
};

Run measure(const QStringList &vins)
{
    QList<double> rates;
    QList<double> cpuRates;
    qint64 valid = 0;
    qint64 years = 0; // used below, so the work is not optimised away
    for (int round = 0; round < kRounds; ++round) {
        valid = 0;
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadSeconds();
        for (const QString &vin : vins) {
            const VinDecoding decoding = VinDecoder::decode(vin, kToday);
            valid += decoding.valid;
            years += decoding.modelYear.value_or(0);
        }
        cpuRates << double(vins.size()) / (threadSeconds() - cpuStart);
        rates << double(vins.size()) / (double(timer.nsecsElapsed()) / 1e9);
    }
    std::sort(rates.begin(), rates.end());
    std::sort(cpuRates.begin(), cpuRates.end());
    if (years == 0)
        out << "(no model years decoded)" << Qt::endl;
    return {rates.last(), rates.at(rates.size() / 2), cpuRates.last(), cpuRates.at(cpuRates.size() / 2), valid};
}

void report(const char *name, const Run &run)
{
    out << "bench_vindecode: " << name << ": " << kVins << " VINs, " << run.valid << " valid, " << kRounds
        << " rounds: wall clock best " << qint64(run.best) << "/s, median " << qint64(run.median)
        << "/s; thread CPU time best " << qint64(run.cpuBest) << "/s, median " << qint64(run.cpuMedian)
        << "/s (target >= 1,000,000/s: " << (run.cpuMedian >= 1e6 ? "met" : "NOT met") << ")" << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QRandomGenerator random(20261122);
    out << "bench_vindecode: WMI table of " << VinDecoder::tableSize() << " entries" << Qt::endl;
    const QStringList clean = cleanSet(random);
    const QStringList mixed = mixedSet(random);
    report("clean North American VINs", measure(clean));
    report("dealer's mix", measure(mixed));
    return 0;
}

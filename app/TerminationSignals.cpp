#include "TerminationSignals.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
int wakeFds[2] = {-1, -1};
volatile std::sig_atomic_t interruptedFlag = 0;

void install(void (*handler)(int), int flags)
{
    struct sigaction action
    {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags;
    for (int signal : kSignals)
        sigaction(signal, &action, nullptr);
}
} // namespace

namespace TerminationSignals {

void quitEventLoop()
{
    // A signal handler may only do async-signal-safe work: it writes a byte, the event loop reads it.
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, wakeFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(wakeFds[1], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, notifier, [notifier] {
        char byte = 0;
        if (::read(wakeFds[1], &byte, 1) >= 0) {
            notifier->setEnabled(false);
            QCoreApplication::quit();
        }
    });
    install(
        [](int) {
            const char byte = 1;
            [[maybe_unused]] const auto written = ::write(wakeFds[0], &byte, 1);
        },
        SA_RESTART);
}

void recordInterruption()
{
    install([](int) { interruptedFlag = 1; }, SA_RESTART | SA_RESETHAND);
}

bool interrupted()
{
    return interruptedFlag != 0;
}

} // namespace TerminationSignals

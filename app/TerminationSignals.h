#pragma once

// SIGINT, SIGTERM and SIGHUP end Forecourt the normal way, so its local server lease is released (and
// the server stopped when this was the last process using it) instead of being left behind.
namespace TerminationSignals {
// For programs with an event loop (the window): the loop quits and everything unwinds.
void quitEventLoop();
// For commands without one: the first signal is recorded for interrupted(); a second ends the
// process at once.
void recordInterruption();
bool interrupted();
} // namespace TerminationSignals

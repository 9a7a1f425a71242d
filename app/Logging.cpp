#include "Logging.h"

Q_LOGGING_CATEGORY(lcDb, "forecourt.db")
Q_LOGGING_CATEGORY(lcLocalServer, "forecourt.localserver")
Q_LOGGING_CATEGORY(lcMigrations, "forecourt.migrations")
Q_LOGGING_CATEGORY(lcCli, "forecourt.cli")
Q_LOGGING_CATEGORY(lcUi, "forecourt.ui")
Q_LOGGING_CATEGORY(lcWorker, "forecourt.worker")
Q_LOGGING_CATEGORY(lcVin, "forecourt.vin")

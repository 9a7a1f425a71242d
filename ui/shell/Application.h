#pragma once

// The GUI entry point: the QApplication, translations, the window options, the main window.
namespace Application {
int runGui(int argc, char *argv[]);
}

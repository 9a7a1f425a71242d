#pragma once

#include <QList>

#include <functional>

class QWidget;
class Section;
struct SectionContext;

// Builds one section of the window, its page a child of `parent`.
using SectionFactory = std::function<Section *(const SectionContext &context, QWidget *parent)>;

// The window's sections, in the order of the section list, the Go menu and Ctrl+1…Ctrl+N. Adding a
// section is a folder with one class implementing Section, and one line here.
QList<SectionFactory> standardSections();

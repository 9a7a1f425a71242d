#pragma once

#include <QColor>
#include <QPixmap>
#include <QString>
#include <QStringList>

class QLabel;
class QPalette;

class QStyle;
class QWidget;

// How the editors mark validation findings and show their message area: one look for every form.
namespace IssueStyle {

inline constexpr int IconSize = 16;

bool isDark(const QPalette &palette);
// Red for errors, dark amber for warnings, readable on the window colour.
QColor colour(const QPalette &palette, bool error);
QPixmap icon(const QStyle *style, bool error);
// The style sheet of a message area named `objectName`: a pale red box for an error, else a neutral one.
QString messageAreaStyleSheet(const QPalette &palette, bool error, const QString &objectName);

// The widgets of one form field and the message area under it.
struct FieldWidgets
{
    QWidget *input = nullptr;
    QWidget *messageBox = nullptr;
    QLabel *icon = nullptr;
    QLabel *message = nullptr;
};

// Shows `messages` (errors when `error`, else warnings) under the field, also to screen readers; hides
// the area when there are none.
void showMessages(const FieldWidgets &widgets, const QStringList &messages, bool error);
// The line under a form: the fields still to correct, else how many warnings, else empty.
QString summary(const QStringList &fieldsWithErrors, int warnings);

} // namespace IssueStyle

#pragma once

#include <QColor>
#include <QPixmap>
#include <QString>

class QPalette;
class QStyle;

// How the editors mark validation findings and show their message area: one look for every form.
namespace IssueStyle {

inline constexpr int IconSize = 16;

bool isDark(const QPalette &palette);
// Red for errors, dark amber for warnings, readable on the window colour.
QColor colour(const QPalette &palette, bool error);
QPixmap icon(const QStyle *style, bool error);
// The style sheet of a message area named `objectName`: a pale red box for an error, else a neutral one.
QString messageAreaStyleSheet(const QPalette &palette, bool error, const QString &objectName);

} // namespace IssueStyle

#include "IssueStyle.h"

#include <QCoreApplication>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QPalette>
#include <QStringList>
#include <QStyle>

namespace IssueStyle {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor colour(const QPalette &palette, bool error)
{
    const bool dark = isDark(palette);
    if (error)
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1c, 0x1c);
    return dark ? QColor(0xff, 0xd5, 0x4f) : QColor(0x8a, 0x5a, 0x00);
}

QPixmap icon(const QStyle *style, bool error)
{
    return style->standardIcon(error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning)
        .pixmap(IconSize, IconSize);
}

QString messageAreaStyleSheet(const QPalette &palette, bool error, const QString &objectName)
{
    const bool dark = isDark(palette);
    QColor background = palette.color(QPalette::AlternateBase);
    QColor border = palette.color(QPalette::Mid);
    if (error) {
        background = dark ? QColor(0x5c, 0x1f, 0x1f) : QColor(0xfd, 0xec, 0xea);
        border = dark ? QColor(0x8c, 0x3a, 0x3a) : QColor(0xe8, 0xa5, 0xa0);
    }
    return QStringLiteral("#%1 { background: %2; border: 1px solid %3; border-radius: 4px; }")
        .arg(objectName, background.name(), border.name());
}

void showMessages(const FieldWidgets &widgets, const QStringList &messages, bool error)
{
    if (messages.isEmpty()) {
        widgets.messageBox->hide();
        widgets.message->clear();
        widgets.input->setAccessibleDescription(QString());
        return;
    }
    const QString text = messages.join(QLatin1Char('\n'));
    const QString kind = error ? QCoreApplication::translate("IssueStyle", "Error")
                               : QCoreApplication::translate("IssueStyle", "Warning");
    widgets.icon->setPixmap(icon(widgets.icon->style(), error));
    widgets.icon->setAccessibleName(kind);
    widgets.icon->setToolTip(kind);
    QPalette palette = widgets.message->palette();
    palette.setColor(QPalette::WindowText, colour(palette, error));
    widgets.message->setPalette(palette);
    widgets.message->setText(text);
    const QString spoken = QCoreApplication::translate("IssueStyle", "%1: %2").arg(kind, text);
    widgets.message->setAccessibleName(spoken);
    widgets.input->setAccessibleDescription(spoken);
    widgets.messageBox->show();
}

QString summary(const QStringList &fieldsWithErrors, int warnings)
{
    if (!fieldsWithErrors.isEmpty())
        return QCoreApplication::translate("IssueStyle", "To fill in or correct before saving: %1.")
            .arg(QLocale().createSeparatedList(fieldsWithErrors));
    if (warnings > 0)
        return QCoreApplication::translate("IssueStyle", "%n warning(s): check the marked fields; you can save anyway.",
                                           nullptr, warnings);
    return {};
}

} // namespace IssueStyle

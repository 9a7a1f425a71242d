#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Translations {

void install()
{
    auto *app = QCoreApplication::instance();
    auto load = [app](const QLocale &locale, const QString &name, const QString &dir) {
        auto *translator = new QTranslator(app);
        if (translator->load(locale, name, QStringLiteral("_"), dir))
            QCoreApplication::installTranslator(translator);
        else
            delete translator;
    };
    // Installed later means searched first: English plurals, then the user's language.
    load(QLocale(QLocale::English), QStringLiteral("forecourt"), QStringLiteral(":/i18n"));
    load(QLocale(), QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (QLocale().language() != QLocale::English)
        load(QLocale(), QStringLiteral("forecourt"), QStringLiteral(":/i18n"));
}

} // namespace Translations

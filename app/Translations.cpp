#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <algorithm>
#include <atomic>

namespace Translations {

namespace {
std::atomic<int> g_generation{0};
} // namespace

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
    noteChange();
}

int generation()
{
    return g_generation.load(std::memory_order_acquire);
}

void noteChange()
{
    g_generation.fetch_add(1, std::memory_order_acq_rel);
}

Sentence::Sentence(QString translated, int arguments)
    : m_text(std::move(translated))
    , m_arguments(arguments)
{
    // The escapes as QString::arg() finds them: '%', an optional 'L', one or two ASCII digits.
    const QChar *text = m_text.constData();
    const qsizetype size = m_text.size();
    // 0-9 for an ASCII digit, -1 for no digit, -2 for another digit (which arg() might take as one).
    auto digit = [&](qsizetype i) {
        if (i >= size)
            return -1;
        if (text[i] >= u'0' && text[i] <= u'9')
            return text[i].unicode() - u'0';
        return text[i].isDigit() ? -2 : -1;
    };
    QVarLengthArray<bool, 9> seen(arguments, false);
    qsizetype textFrom = 0;
    for (qsizetype i = 0; i < size; ++i) {
        if (text[i] != u'%')
            continue;
        // "%%1" would turn into an escape again when a chain of arg() calls puts a digit there.
        if ((i + 1 < size && (text[i + 1] == u'L' || text[i + 1] == u'%')))
            return;
        int number = digit(i + 1);
        if (number == -1)
            continue; // a plain '%'
        qsizetype end = i + 2;
        const int second = digit(end);
        if (number == -2 || second == -2)
            return;
        if (second >= 0) {
            number = number * 10 + second;
            ++end;
        }
        if (number < 1 || number > arguments)
            return;
        seen[number - 1] = true;
        if (i > textFrom)
            m_pieces.append({textFrom, i - textFrom, -1});
        m_pieces.append({i, 0, number - 1});
        m_textLength += i - textFrom;
        textFrom = end;
        i = end - 1;
    }
    if (size > textFrom)
        m_pieces.append({textFrom, size - textFrom, -1});
    m_textLength += size - textFrom;
    m_plain = std::all_of(seen.begin(), seen.end(), [](bool found) { return found; });
}

QString Sentence::fill(std::initializer_list<QStringView> arguments) const
{
    Q_ASSERT(m_plain);
    Q_ASSERT(qsizetype(arguments.size()) == m_arguments);
    const QStringView *values = arguments.begin();
    qsizetype size = m_textLength;
    for (const Piece &piece : m_pieces) {
        if (piece.argument >= 0)
            size += values[piece.argument].size();
    }
    QString result(size, Qt::Uninitialized);
    QChar *out = result.data();
    const QChar *text = m_text.constData();
    for (const Piece &piece : m_pieces) {
        const QStringView part =
            piece.argument >= 0 ? values[piece.argument] : QStringView(text + piece.from, piece.length);
        out = std::copy(part.begin(), part.end(), out);
    }
    return result;
}

Digits::Digits(int number)
{
    Q_ASSERT(number >= 0);
    do {
        m_digits[--m_first] = char16_t(u'0' + number % 10);
        number /= 10;
    } while (number != 0);
}

} // namespace Translations

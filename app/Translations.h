#pragma once

#include <QString>
#include <QStringView>
#include <QVarLengthArray>

#include <initializer_list>

namespace Translations {
// Installs Qt's and Forecourt's translations for the system locale on the running application. The
// English catalogue is always installed underneath: it carries the plural forms of "%n car(s)".
void install();

// Counts the changes to the installed translations; install() makes one. Text kept from tr() (the VIN
// check's and decoder's sentences, translated once per thread) is current while the generation it was
// translated in is. Code that installs or removes a QTranslator itself calls noteChange() afterwards.
int generation();
void noteChange();

// A translated sentence with the placeholders %1, %2, ... that QString::arg() fills, split once so that
// filling it in is one allocation (arg() parses the text again and allocates for each argument).
class Sentence
{
public:
    Sentence() = default;
    // `translated` is tr()'s result for a sentence that arg() fills with `arguments` values.
    Sentence(QString translated, int arguments);

    const QString &text() const { return m_text; }
    // True when the text's escapes are exactly %1 to %n (each at least once, in any order) with no other
    // escape (%L1, %0, %12, %%1): fill() then gives what the arg() calls would. Anything else, which
    // only a faulty translation has, is for arg() itself.
    bool isPlain() const { return m_plain; }
    // The text with %1 replaced by the first argument, %2 by the second, and so on. Only if isPlain().
    QString fill(std::initializer_list<QStringView> arguments) const;

private:
    struct Piece
    {
        qsizetype from;   // in m_text
        qsizetype length; // 0 for an argument
        int argument;     // 0-based, or -1 for text
    };

    QString m_text;
    QVarLengthArray<Piece, 8> m_pieces;
    qsizetype m_textLength = 0; // the text pieces together
    int m_arguments = 0;
    bool m_plain = false;
};

// A non-negative number's decimal digits as arg(int) writes them (no %L), without an allocation.
class Digits
{
public:
    explicit Digits(int number);
    QStringView view() const { return QStringView(m_digits + m_first, kSize - m_first); }

private:
    static constexpr qsizetype kSize = 12;
    char16_t m_digits[kSize];
    qsizetype m_first = kSize;
};
} // namespace Translations

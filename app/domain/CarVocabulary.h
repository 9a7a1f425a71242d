#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The closed lists of a car: body type, fuel type, transmission, drive, condition and status. Each term
// has the key stored in the database (the CHECK lists of the cars table in 0001_base_schema.sql), a
// label for people (translated), and the other spellings that mean the same: English and German words,
// abbreviations and the category names of the big listing portals.
//
// normalise() maps what someone typed, or what a CSV file holds, to the key:
// - case-insensitive; everything that is not a letter or a digit is ignored (spaces, dashes,
//   underscores, dots, slashes, brackets), umlauts match their "ae/oe/ue" spelling, accents are dropped:
//   "Plug-in", "PLUG_IN" and "plug in" are the same word, so are "Coupé" and "coupe";
// - the key, the English label, the translated label and every synonym are accepted;
// - text made of several names ("CNG/Erdgas", "Autogas (LPG)", "Cabrio/Roadster") is accepted when
//   every part that is a known name means the same term; parts that disagree ("Benzin/Elektro" is
//   petrol and electric) only match when the whole text is itself a synonym (it is: hybrid).
//
// Every kind but the status may be unknown: "not stated", stored as NULL and held here as an empty key.
// meansNotStated() tells what someone wrote for that ("", "-", "n/a", "unknown", "k. A.").
class CarVocabulary
{
    Q_DECLARE_TR_FUNCTIONS(CarVocabulary)

public:
    enum class Kind {
        BodyType,
        FuelType,
        Transmission,
        Drive,
        Condition,
        Status,
    };

    struct Term
    {
        QString key;          // as stored: "plug_in_hybrid"
        QString label;        // translated, for people: "Plug-in hybrid"
        QStringList synonyms; // other accepted spellings, as written in the table (not folded)
    };

    // Every kind, in the order of the car editor.
    static QList<Kind> kinds();

    // The terms of a kind in display order (the order of a combo box); labels are translated.
    static QList<Term> terms(Kind kind);

    // The keys of a kind in display order, exactly as the database's CHECK constraint lists them.
    static QStringList keys(Kind kind);

    // The translated labels of a kind in display order (parallel to keys()).
    static QStringList labels(Kind kind);

    // The translated label of a key ("plug_in_hybrid" -> "Plug-in hybrid"); an empty string for a key
    // that is not in the list.
    static QString label(Kind kind, const QString &key);

    // True when `key` is one of the keys of `kind` (exact, case-sensitive: for values from the database).
    static bool isKey(Kind kind, const QString &key);

    // The key that `input` means, or nothing when it is empty or unknown. See the class comment.
    static std::optional<QString> normalise(Kind kind, const QString &input);

    // True for the kinds a car may leave unknown: all but the status.
    static bool mayBeNotStated(Kind kind);
    // True when `input` says that the value is not known: empty or only punctuation ("", "-", "—", "?"), or
    // a word for it ("n/a", "unknown", "not stated", "unbekannt", "k. A.", "keine Angabe").
    static bool meansNotStated(const QString &input);
    // The translated name of an unknown value for choice lists: "Not stated".
    static QString notStatedLabel();

    // The name of the list itself, lower case, for sentences: "fuel type".
    static QString kindLabel(Kind kind);

    // A stable machine name of the list, the database column: "fuel_type".
    static QString kindKey(Kind kind);

    // The translated labels joined for a message: "Petrol, Diesel, Hybrid, ...".
    static QString acceptedValues(Kind kind);

    // What normalise() compares: case-folded letters and digits only, umlauts as ae/oe/ue, ß as ss,
    // accents dropped. "Plug-in Hybrid" -> "pluginhybrid", "Geländewagen" -> "gelaendewagen".
    static QString fold(const QString &text);
};

#pragma once

#include "domain/CarRow.h"

#include <QDialog>
#include <QList>
#include <QStringList>

class QCheckBox;
class QTableWidget;
class QTextDocument;

// Two to four cars side by side: the fields as rows, the cars as columns, the rows where they differ
// in bold on a highlighted background. Prints (with a preview) and saves as PDF. It shows the cars it
// is given and reads nothing from the database.
class CarCompareDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int MinCars = 2;
    static constexpr int MaxCars = 4;

    // `cars` must hold MinCars to MaxCars cars; with any other number the dialog only says so.
    // `currency` is the database's ISO 4217 code (FleetVocabulary::currency).
    explicit CarCompareDialog(const QList<CarDetails> &cars, const QString &currency = QStringLiteral("EUR"),
                              QWidget *parent = nullptr);

    bool isValid() const { return !m_rows.isEmpty(); }
    bool showsOnlyDifferences() const;
    void setShowOnlyDifferences(bool only);

    // The comparison as the printout shows it (the rows on screen), as HTML.
    QString html() const;
    // Writes the printout as a landscape PDF; false when the file cannot be written. Uses no widget,
    // so savePdf() runs it off the GUI thread.
    static bool writePdf(const QString &html, const QString &path);

    void print();   // with a preview
    void savePdf(); // asks for the file, writes it in the background

private:
    struct Row
    {
        QString label;
        QStringList values; // one per car, as shown
        bool differs = false;
    };

    void updateHiddenRows();
    static void fillDocument(QTextDocument &document, const QString &html);

    QStringList m_headers; // per car: stock number, then make and model
    QList<Row> m_rows;
    QTableWidget *m_table = nullptr;
    QCheckBox *m_onlyDifferences = nullptr;
};

#pragma once

#include <QStringList>
#include <QToolButton>

// A compact multiple choice for a filter bar: "Fuel: Any", "Fuel: Diesel, Petrol", "Fuel: 4 chosen".
// The menu stays open while the user ticks several entries; changed() follows every tick.
class ChoiceButton : public QToolButton
{
    Q_OBJECT

public:
    ChoiceButton(const QString &title, QWidget *parent = nullptr);

    // `values` are what the filter stores, `labels` what people read (parallel lists).
    void setChoices(const QStringList &values, const QStringList &labels);
    QStringList chosen() const;
    void setChosen(const QStringList &values);

signals:
    void changed();

private:
    void updateText();

    QString m_title;
    QMenu *m_menu;
};

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
    // The values ticked, and those chosen that the choices do not list.
    QStringList chosen() const;
    void setChosen(const QStringList &values);

signals:
    void changed();

private:
    void updateText();

    QString m_title;
    QMenu *m_menu;
    // Chosen values that are not among the choices (yet): a filter shown before its vocabulary arrived,
    // or naming a value no list offers. They stay chosen until the choice is changed.
    QStringList m_unlisted;
};

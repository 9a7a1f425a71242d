#pragma once

#include "domain/CarFilter.h"

#include <QWidget>

class ChoiceButton;
class QComboBox;
class QSpinBox;
class QTimer;
struct FleetVocabulary;

// The Fleet filters other than the free text: make, model, ranges of year, price and mileage, and the
// lists (fuel, transmission, body, colour, seats, condition, status, location), and the rental fleet or the
// stock for sale. changed() comes a
// moment after the last edit, so typing a price does not reload the table on every digit.
class CarFilterPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CarFilterPanel(QWidget *parent = nullptr);

    void setVocabulary(const FleetVocabulary &vocabulary);
    // The panel's part of `filter` (the text is not the panel's and is left as it is).
    CarFilter apply(CarFilter filter) const;
    void show(const CarFilter &filter);
    void clear();

signals:
    void changed();

private:
    QSpinBox *rangeBox(int maximum, int step, const QString &suffix, const QString &accessibleName);
    void updateModels();

    ChoiceButton *m_makes;
    ChoiceButton *m_models;
    ChoiceButton *m_fuel;
    ChoiceButton *m_transmission;
    ChoiceButton *m_body;
    ChoiceButton *m_colour;
    ChoiceButton *m_seats;
    ChoiceButton *m_condition;
    ChoiceButton *m_status;
    ChoiceButton *m_location;
    QComboBox *m_fleet; // any car, the rental fleet, or the stock for sale
    QSpinBox *m_yearFrom;
    QSpinBox *m_yearTo;
    QSpinBox *m_priceFrom;
    QSpinBox *m_priceTo;
    QSpinBox *m_mileageFrom;
    QSpinBox *m_mileageTo;
    QTimer *m_debounce;
    QMap<QString, QStringList> m_modelsByMake;
};

#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

// Above a list opened from a dashboard's figure: says which records it shows ("From the dashboard: Days in
// stock: 61–90, Berlin") and offers to clear that filter. Hidden when no such filter is in effect.
class FigureFilterBar : public QFrame
{
    Q_OBJECT

public:
    explicit FigureFilterBar(QWidget *parent = nullptr);

    void showFilter(const QString &title);
    void clear(); // hides the bar (the caller drops the filter)
    QString title() const { return m_title; }

signals:
    // The user asked to see the list without the dashboard's filter.
    void clearRequested();

private:
    QString m_title;
    QLabel *m_label;
    QPushButton *m_clear;
};

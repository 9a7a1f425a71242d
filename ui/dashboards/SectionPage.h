#pragma once

#include <QWidget>

class QLabel;

// A section whose tools arrive in a later version: its purpose and what the database holds for it now.
class SectionPage : public QWidget
{
    Q_OBJECT

public:
    SectionPage(const QString &title, const QString &summary, QWidget *parent = nullptr);
    void setFigure(const QString &figure);
    QString figure() const;

private:
    QLabel *m_figure = nullptr;
};

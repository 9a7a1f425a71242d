#include "ui/common/FigureFilterBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

FigureFilterBar::FigureFilterBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_clear(new QPushButton(tr("Clear this filter"), this))
{
    setObjectName(QStringLiteral("figureFilterBar"));
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::AlternateBase);
    setAutoFillBackground(true);
    m_label->setObjectName(QStringLiteral("figureFilterTitle"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_clear->setObjectName(QStringLiteral("clearFigureFilter"));
    m_clear->setAccessibleName(tr("Clear the dashboard's filter"));
    m_clear->setToolTip(tr("Show the list without the dashboard's filter"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_clear);
    connect(m_clear, &QPushButton::clicked, this, &FigureFilterBar::clearRequested);
    setVisible(false);
}

void FigureFilterBar::showFilter(const QString &title)
{
    m_title = title;
    m_label->setText(tr("From the dashboard: %1").arg(title));
    setAccessibleName(m_label->text());
    setVisible(true);
}

void FigureFilterBar::clear()
{
    m_title.clear();
    m_label->clear();
    setVisible(false);
}

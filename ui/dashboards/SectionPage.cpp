#include "SectionPage.h"

#include <QLabel>
#include <QVBoxLayout>

SectionPage::SectionPage(const QString &title, const QString &summary, QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(title);
    setFocusPolicy(Qt::StrongFocus);
    auto *heading = new QLabel(title, this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    heading->setFont(font);
    auto *summaryLabel = new QLabel(summary, this);
    summaryLabel->setWordWrap(true);
    m_figure = new QLabel(this);
    m_figure->setObjectName(QStringLiteral("sectionFigure"));
    auto *notice = new QLabel(tr("The tools for this section are not in this version of Forecourt yet."), this);
    notice->setWordWrap(true);
    QFont noticeFont = notice->font();
    noticeFont.setItalic(true);
    notice->setFont(noticeFont);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->addWidget(heading);
    layout->addWidget(summaryLabel);
    layout->addSpacing(12);
    layout->addWidget(m_figure);
    layout->addWidget(notice);
    layout->addStretch();
}

void SectionPage::setFigure(const QString &figure)
{
    m_figure->setText(figure);
    m_figure->setVisible(!figure.isEmpty());
}

QString SectionPage::figure() const
{
    return m_figure->text();
}

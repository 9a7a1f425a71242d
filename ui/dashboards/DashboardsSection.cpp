#include "DashboardsSection.h"

#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

DashboardsSection::DashboardsSection(const SectionContext &, QWidget *parent)
    : Section(parent)
{
    setObjectName(QStringLiteral("dashboardsSection"));
    setAccessibleName(title());
    setFocusPolicy(Qt::StrongFocus);
    auto *heading = new QLabel(title(), this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    heading->setFont(font);
    auto *summaryLabel = new QLabel(summary(), this);
    summaryLabel->setWordWrap(true);
    auto *notice = new QLabel(tr("The tools for this section are not in this version of Forecourt yet."), this);
    notice->setObjectName(QStringLiteral("notYetNotice"));
    notice->setWordWrap(true);
    QFont noticeFont = notice->font();
    noticeFont.setItalic(true);
    notice->setFont(noticeFont);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->addWidget(heading);
    layout->addWidget(summaryLabel);
    layout->addSpacing(12);
    layout->addWidget(notice);
    layout->addStretch();
}

QString DashboardsSection::title() const
{
    return tr("Dashboards");
}

QString DashboardsSection::summary() const
{
    return tr("Charts of the fleet, rentals, sales and VIN activity.");
}

QIcon DashboardsSection::icon() const
{
    return style()->standardIcon(QStyle::SP_FileDialogListView);
}

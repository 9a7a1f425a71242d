#pragma once

#include "ui/shell/Section.h"

// The Dashboards section. Its charts arrive in a later version; until then its page says what it is for.
class DashboardsSection : public Section
{
    Q_OBJECT

public:
    explicit DashboardsSection(const SectionContext &context, QWidget *parent = nullptr);

    QString title() const override;
    QString summary() const override;
    QIcon icon() const override;

protected:
    void activated() override {}
};

#include "Section.h"

void Section::activate(const Session &session)
{
    m_session = session;
    activated();
}

void Section::applyChanges(const QStringList &) {}

void Section::showServerInfo(const ServerInfo &, const ConnectionProfile &) {}

bool Section::opens(SectionLink::Kind) const
{
    return false;
}

void Section::open(const SectionLink &) {}

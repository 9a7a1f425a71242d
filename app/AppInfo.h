#pragma once

#include <QString>

namespace AppInfo {
inline QString version()
{
    return QStringLiteral(FORECOURT_VERSION);
}
inline QString organisation()
{
    return QStringLiteral("Forecourt");
}
inline QString name()
{
    return QStringLiteral("Forecourt");
}
} // namespace AppInfo

#include "Error.h"

QString Error::oneLine() const
{
    QString line = message;
    if (!detail.isEmpty() && detail != message)
        line += QStringLiteral(" (") + detail.simplified() + QStringLiteral(")");
    return line;
}

ForecourtException::ForecourtException(Error error)
    : std::runtime_error(error.oneLine().toStdString())
    , m_error(std::move(error))
{}

void fail(Error::Code code, const QString &message, const QString &detail)
{
    throw ForecourtException(Error{code, message, detail});
}

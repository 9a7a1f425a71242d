#include "JsonOutput.h"

#include "cli/Command.h"

#include <QJsonArray>
#include <QJsonDocument>

void JsonOutput::print(const QJsonValue &value)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    Command::out().writeJson(document.toJson(QJsonDocument::Indented));
    Command::out().flush();
}

void JsonOutput::ArrayPrinter::add(const QJsonObject &element)
{
    QByteArray text = QJsonDocument(element).toJson(QJsonDocument::Indented);
    text.chop(1);                 // its line end: a comma or the closing bracket follows
    text.replace("\n", "\n    "); // indented one level (strings in JSON hold no raw line ends)
    Command::out().writeJson((m_opened ? ",\n    " : "[\n    ") + text);
    Command::out().flush();
    m_opened = true;
}

void JsonOutput::ArrayPrinter::close()
{
    if (m_opened)
        Command::out().writeJson("\n]\n");
    Command::out().flush();
    m_opened = false;
}

#pragma once

#include <QJsonObject>
#include <QJsonValue>

// The commands' JSON on the standard output, indented and safe on a terminal (TerminalStream::writeJson()).
class JsonOutput
{
public:
    // An object or an array as one document.
    static void print(const QJsonValue &value);

    // Prints a JSON array one element at a time, each flushed as it comes, so that a long list is never
    // held in memory; the text is the same as print() of the whole array.
    class ArrayPrinter
    {
    public:
        void add(const QJsonObject &element);
        // Closes the array if one was opened.
        void close();

    private:
        bool m_opened = false;
    };
};

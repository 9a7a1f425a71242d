// VehicleSpec's value and JSON form. The vPIC client that fills it lives in VpicClient.cpp.
#include "VpicClient.h"

#include <QJsonArray>

QString VehicleSpec::value(const QString &label) const
{
    for (const auto &[fieldLabel, fieldValue] : fields) {
        if (fieldLabel == label)
            return fieldValue;
    }
    return {};
}

QJsonObject VehicleSpec::toJson() const
{
    QJsonArray codes;
    for (const int code : errorCodes)
        codes.append(code);
    QJsonArray pairs;
    for (const auto &[label, fieldValue] : fields)
        pairs.append(QJsonArray{label, fieldValue});
    return {
        {QStringLiteral("vin"), vin},
        {QStringLiteral("error_codes"), codes},
        {QStringLiteral("error_text"), errorText},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
        {QStringLiteral("fields"), pairs},
    };
}

VehicleSpec VehicleSpec::fromJson(const QJsonObject &object)
{
    VehicleSpec spec;
    spec.vin = object.value(QStringLiteral("vin")).toString();
    for (const QJsonValue code : object.value(QStringLiteral("error_codes")).toArray()) {
        if (code.isDouble())
            spec.errorCodes.append(code.toInt());
    }
    spec.errorText = object.value(QStringLiteral("error_text")).toString();
    for (const QJsonValue warning : object.value(QStringLiteral("warnings")).toArray()) {
        if (warning.isString())
            spec.warnings.append(warning.toString());
    }
    for (const QJsonValue pair : object.value(QStringLiteral("fields")).toArray()) {
        const QJsonArray labelAndValue = pair.toArray();
        if (labelAndValue.size() == 2 && labelAndValue.at(0).isString() && labelAndValue.at(1).isString())
            spec.fields.append({labelAndValue.at(0).toString(), labelAndValue.at(1).toString()});
    }
    return spec;
}

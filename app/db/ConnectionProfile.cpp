#include "ConnectionProfile.h"

#include "LocalServer.h"
#include "UserSettings.h"

#include <libpq-fe.h>

#include <memory>

namespace {
using ConninfoOptions = std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)>;

ConninfoOptions parse(const QString &conninfo, QString *error)
{
    char *message = nullptr;
    PQconninfoOption *options =
        conninfo.isEmpty() ? PQconndefaults() : PQconninfoParse(conninfo.toUtf8().constData(), &message);
    if (message) {
        if (error)
            *error = QString::fromUtf8(message).trimmed();
        PQfreemem(message);
    }
    return ConninfoOptions(options, &PQconninfoFree);
}

QString quoteValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}
} // namespace

ConnectionProfile ConnectionProfile::local(const QString &dataDir)
{
    ConnectionProfile profile;
    profile.m_kind = Kind::Local;
    profile.m_dataDir = dataDir.isEmpty() ? LocalServer::defaultDataDir() : dataDir;
    return profile;
}

ConnectionProfile ConnectionProfile::server(const QString &conninfo)
{
    ConnectionProfile profile;
    profile.m_kind = Kind::Server;
    profile.m_conninfo = conninfo.trimmed();
    return profile;
}

ConnectionProfile ConnectionProfile::server(const Fields &fields)
{
    QList<QPair<QString, QString>> pairs;
    if (!fields.host.isEmpty())
        pairs.append({QStringLiteral("host"), fields.host});
    pairs.append({QStringLiteral("port"), QString::number(fields.port)});
    if (!fields.database.isEmpty())
        pairs.append({QStringLiteral("dbname"), fields.database});
    if (!fields.user.isEmpty())
        pairs.append({QStringLiteral("user"), fields.user});
    if (!fields.password.isEmpty())
        pairs.append({QStringLiteral("password"), fields.password});
    if (!fields.sslMode.isEmpty())
        pairs.append({QStringLiteral("sslmode"), fields.sslMode});
    return server(keywordValue(pairs));
}

bool ConnectionProfile::environmentNamesServer()
{
    for (const char *name : {"PGHOST", "PGHOSTADDR", "PGSERVICE", "PGDATABASE", "PGPORT"}) {
        if (!qEnvironmentVariableIsEmpty(name))
            return true;
    }
    return false;
}

ConnectionProfile ConnectionProfile::resolve(const QString &serverOption, const QString &dataDirOption)
{
    if (!serverOption.isEmpty())
        return server(serverOption);
    if (dataDirOption.isEmpty() && environmentNamesServer())
        return server(QString());
    return local(dataDirOption);
}

QString ConnectionProfile::keywordValue(const QList<QPair<QString, QString>> &pairs)
{
    QStringList parts;
    for (const auto &[key, value] : pairs)
        parts << key + QLatin1Char('=') + quoteValue(value);
    return parts.join(QLatin1Char(' '));
}

QString ConnectionProfile::withConnectionDefaults(const QString &conninfo)
{
    static const QList<QPair<const char *, const char *>> defaults = {
        {"connect_timeout", "10"},        {"keepalives", "1"},       {"keepalives_idle", "30"},
        {"keepalives_interval", "10"},    {"keepalives_count", "3"}, {"tcp_user_timeout", "30000"},
        {"application_name", "forecourt"}};
    const ConninfoOptions options = parse(conninfo, nullptr);
    if (!options)
        return conninfo; // invalid: let libpq report it
    QList<QPair<QString, QString>> pairs;
    for (PQconninfoOption *option = options.get(); option->keyword; ++option) {
        const bool given = option->val && *option->val;
        const bool fromEnvironment = option->envvar && !qEnvironmentVariableIsEmpty(option->envvar);
        if (given) {
            pairs.append({QString::fromUtf8(option->keyword), QString::fromUtf8(option->val)});
            continue;
        }
        for (const auto &[keyword, value] : defaults) {
            if (qstrcmp(keyword, option->keyword) == 0 && !fromEnvironment)
                pairs.append({QString::fromLatin1(keyword), QString::fromLatin1(value)});
        }
    }
    return keywordValue(pairs);
}

Result<void> ConnectionProfile::validate() const
{
    if (m_kind == Kind::Local)
        return {};
    QString error;
    if (!parse(m_conninfo, &error))
        return std::unexpected(Error{Error::Code::InvalidInput,
                                     tr("The connection string is not valid. Use a URI such as "
                                        "postgresql://user@host:5432/forecourt or key=value pairs such as "
                                        "\"host=db.example.com dbname=forecourt\"."),
                                     error});
    return {};
}

ConnectionProfile::Fields ConnectionProfile::effectiveFields() const
{
    Fields fields;
    if (m_kind == Kind::Local) {
        fields.host = m_dataDir;
        fields.database = LocalServer::databaseName();
        fields.user = LocalServer::userName();
        fields.port = 0;
        fields.sslMode.clear();
        return fields;
    }
    const ConninfoOptions options = parse(m_conninfo, nullptr);
    const ConninfoOptions defaults = parse(QString(), nullptr);
    auto value = [&](const char *keyword) -> QString {
        for (const ConninfoOptions *set : {&options, &defaults}) {
            if (!*set)
                continue;
            for (PQconninfoOption *option = set->get(); option->keyword; ++option) {
                if (qstrcmp(option->keyword, keyword) == 0 && option->val && *option->val)
                    return QString::fromUtf8(option->val);
            }
        }
        return {};
    };
    fields.host = value("host");
    if (fields.host.isEmpty())
        fields.host = value("hostaddr");
    fields.port = value("port").toInt();
    fields.database = value("dbname");
    fields.user = value("user");
    fields.sslMode = value("sslmode");
    if (fields.database.isEmpty())
        fields.database = fields.user;
    return fields;
}

QString ConnectionProfile::describe() const
{
    if (m_kind == Kind::Local)
        return tr("Local server (%1)").arg(m_dataDir);
    const Fields fields = effectiveFields();
    const QString host = fields.host.isEmpty() ? tr("local socket") : fields.host;
    return tr("%1:%2, database %3").arg(host).arg(fields.port > 0 ? fields.port : 5432).arg(fields.database);
}

QString ConnectionProfile::redactedConninfo() const
{
    const ConninfoOptions options = parse(m_conninfo, nullptr);
    if (!options)
        return tr("(invalid connection string)");
    QList<QPair<QString, QString>> pairs;
    for (PQconninfoOption *option = options.get(); option->keyword; ++option) {
        if (!option->val || !*option->val)
            continue;
        const QString keyword = QString::fromUtf8(option->keyword);
        pairs.append(
            {keyword, keyword == QLatin1String("password") ? QStringLiteral("****") : QString::fromUtf8(option->val)});
    }
    return keywordValue(pairs);
}

QList<QPair<QString, QString>> ConnectionProfile::pairs(bool withoutPassword) const
{
    QList<QPair<QString, QString>> result;
    const ConninfoOptions options = parse(m_conninfo, nullptr);
    for (PQconninfoOption *option = options ? options.get() : nullptr; option && option->keyword; ++option) {
        if (option->val && *option->val && !(withoutPassword && qstrcmp(option->keyword, "password") == 0))
            result.append({QString::fromUtf8(option->keyword), QString::fromUtf8(option->val)});
    }
    return result;
}

ConnectionProfile ConnectionProfile::withPassword(const QString &password) const
{
    if (m_kind != Kind::Server || password.isEmpty())
        return *this;
    QList<QPair<QString, QString>> withIt = pairs(true);
    withIt.append({QStringLiteral("password"), password});
    return server(keywordValue(withIt));
}

QString ConnectionProfile::password() const
{
    if (m_kind != Kind::Server)
        return {};
    for (const auto &[key, value] : pairs(false))
        if (key == QLatin1String("password"))
            return value;
    return {};
}

ConnectionProfile ConnectionProfile::readOnly() const
{
    if (m_kind != Kind::Server)
        return *this;
    static const QString setting = QStringLiteral("-c default_transaction_read_only=on");
    QList<QPair<QString, QString>> all = pairs(false);
    bool hadOptions = false;
    for (auto &[key, value] : all) {
        if (key == QLatin1String("options")) {
            hadOptions = true;
            if (!value.contains(setting))
                value += QLatin1Char(' ') + setting;
        }
    }
    if (!hadOptions)
        all.append({QStringLiteral("options"), setting});
    return server(keywordValue(all));
}

void ConnectionProfile::save(QSettings &settings) const
{
    UserSettings::connectionKind.setValue(settings,
                                          m_kind == Kind::Local ? QStringLiteral("local") : QStringLiteral("server"));
    UserSettings::connectionDataDir.setValue(settings, m_dataDir);
    // The password never goes to the settings file.
    UserSettings::connectionConninfo.setValue(settings, m_kind == Kind::Server ? keywordValue(pairs(true)) : QString());
}

void ConnectionProfile::saveReports(QSettings &settings, const std::optional<ConnectionProfile> &reports)
{
    if (!reports || reports->isLocal())
        UserSettings::reportsConninfo.remove(settings);
    else
        UserSettings::reportsConninfo.setValue(settings, keywordValue(reports->pairs(true)));
}

std::optional<ConnectionProfile> ConnectionProfile::loadReports(QSettings &settings)
{
    const QString conninfo = UserSettings::reportsConninfo.value(settings).trimmed();
    if (conninfo.isEmpty())
        return std::nullopt;
    return server(conninfo);
}

ConnectionProfile ConnectionProfile::load(QSettings &settings)
{
    const bool isServer = UserSettings::connectionKind.value(settings) == QLatin1String("server");
    const QString dataDir = UserSettings::connectionDataDir.value(settings);
    const QString conninfo = UserSettings::connectionConninfo.value(settings);
    return isServer ? server(conninfo) : local(dataDir);
}

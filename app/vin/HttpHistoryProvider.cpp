#include "HttpHistoryProvider.h"

#include "HttpCall.h"
#include "SecretStore.h"
#include "domain/VinDecoder.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QUrlQuery>

HttpHistoryProvider::HttpHistoryProvider(QUrl url, std::shared_ptr<SecretStore> secrets, int timeoutMs)
    : m_url(std::move(url))
    , m_secrets(std::move(secrets))
    , m_timeoutMs(timeoutMs)
{}

HttpHistoryProvider::~HttpHistoryProvider() = default;

QString HttpHistoryProvider::name() const
{
    return m_url.host();
}

Result<VinHistory> HttpHistoryProvider::history(const VinDecoding &decoding)
{
    if (!m_url.isValid() || m_url.scheme().isEmpty())
        return std::unexpected(
            Error{Error::Code::InvalidInput,
                  tr("The history service's address is not set. Set it in Settings › VIN reports.")});
    if (!m_apiKey) {
        const Result<QString> key = m_secrets ? m_secrets->read(SecretStore::vinHistoryApiKey()) : QString();
        if (!key)
            return std::unexpected(key.error());
        m_apiKey = *key;
    }
    if (m_apiKey->isEmpty())
        return std::unexpected(Error{Error::Code::InvalidInput,
                                     tr("No API key for %1 is in this computer's keychain. Enter it in Settings › VIN "
                                        "reports.")
                                         .arg(name())});
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();

    QUrl url = m_url;
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("vin"), decoding.vin);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Authorization", "Bearer " + m_apiKey->toUtf8());
    const HttpReply reply = HttpCall::send(*m_network, request, {}, m_timeoutMs);

    if (reply.status == 404) {
        VinHistory nothing;
        nothing.provider = name();
        nothing.fetchedAt = QDateTime::currentDateTimeUtc();
        return nothing;
    }
    if (reply.status == 401 || reply.status == 403) {
        m_apiKey.reset(); // read again next time: it may have been corrected meanwhile
        return std::unexpected(Error{Error::Code::Permission,
                                     tr("%1 refused the API key (HTTP %2). Check the key in Settings › VIN reports.")
                                         .arg(name())
                                         .arg(reply.status)});
    }
    if (!reply.error.isEmpty())
        return std::unexpected(Error{Error::Code::ServerUnreachable, reply.error});
    if (!reply.ok())
        return std::unexpected(
            Error{Error::Code::ServerUnreachable, tr("%1 answered HTTP %2.").arg(name()).arg(reply.status)});
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(reply.body, &parseError);
    if (!document.isObject())
        return std::unexpected(Error{Error::Code::Unknown,
                                     tr("%1's answer could not be read (%2).").arg(name(), parseError.errorString())});
    VinHistory history = VinHistory::fromJson(document.object());
    if (history.provider.isEmpty())
        history.provider = name();
    history.simulated = false; // a paid service's history is never labelled sample data
    history.fetchedAt = QDateTime::currentDateTimeUtc();
    return history;
}

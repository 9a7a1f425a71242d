#pragma once

#include "HistoryProvider.h"

#include <QCoreApplication>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class SecretStore;

// A commercial history service over HTTP: GET `url` with the query `vin=<VIN>` and the API key as a
// bearer token; the answer is a history in Forecourt's JSON form (VinHistory::toJson). The key is read
// from the keychain for each batch and is never written to a log or an error message. 404: the service
// knows nothing of the VIN (an empty history). Thread-affine like VpicClient.
class HttpHistoryProvider : public HistoryProvider
{
    Q_DECLARE_TR_FUNCTIONS(HttpHistoryProvider)

public:
    HttpHistoryProvider(QUrl url, std::shared_ptr<SecretStore> secrets, int timeoutMs = 15000);
    ~HttpHistoryProvider() override;

    QString name() const override;
    Result<VinHistory> history(const VinDecoding &decoding) override;

private:
    QUrl m_url;
    std::shared_ptr<SecretStore> m_secrets;
    int m_timeoutMs;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::optional<QString> m_apiKey; // read once, at the first history()
};

#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
struct Error;

// Shown while Forecourt connects and migrates (a progress bar and what is happening), or when that
// failed (what went wrong, what to do, and buttons to retry or change the connection).
class StartupPage : public QWidget
{
    Q_OBJECT

public:
    explicit StartupPage(QWidget *parent = nullptr);

    void setBusy(const QString &message);
    void setProgress(const QString &message, int done, int total);
    void setError(const Error &error, bool offerLocalServer);

    QString message() const;
    bool showsError() const;

signals:
    void retryRequested();
    void settingsRequested();
    void useLocalRequested();

private:
    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_detail = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_settings = nullptr;
    QPushButton *m_useLocal = nullptr;
};

#pragma once

#include "services/VinReportService.h"

#include "ui/shell/Section.h"

class CurrentRowKeeper;
class DatabaseThread;
class FigureFilterBar;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;
class VinRequestListModel;

// The VIN reports section: ask for reports (one VIN, many pasted, or a CSV file's VIN column), the
// requests with their status, findings and errors, filters, Open report, Export PDF and Retry for failed
// ones. The worker's progress shows as it happens (other desks' requests too).
class VinReportsPage : public Section
{
    Q_OBJECT

public:
    explicit VinReportsPage(const SectionContext &context, QWidget *parent = nullptr);
    ~VinReportsPage() override;

    QString title() const override;
    QString summary() const override;
    QIcon icon() const override;
    void applyChanges(const QStringList &keys) override;
    // A VIN request: selected, its report opened.
    // Or the requests a dashboard's figure counts (VinRequests): the list filtered to them, named above it.
    bool opens(SectionLink::Kind kind) const override
    {
        return kind == SectionLink::Kind::VinRequest || kind == SectionLink::Kind::VinRequests;
    }
    void open(const SectionLink &link) override;
    // Shows exactly the requests of `filter`, named `title` above the list, until cleared or until the
    // status or "Only mine" changes (the search narrows it).
    void showFigureFilter(const VinRequestFilter &filter, const QString &title);
    FigureFilterBar *figureFilterBar() const { return m_figureBar; }
    // Shows the request (selecting it) and opens its report when it has one.
    void openRequest(qint64 requestId);

    // Asks for reports of the VINs in `text` (as pasted), or of a CSV file's VIN column.
    void requestFromText(const QString &text);
    void requestFromCsv(const QString &path);
    void openReport(qint64 reportId);

    VinRequestListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPlainTextEdit *vinInput() const { return m_input; }
    QLabel *messageLabel() const { return m_message; }
    bool isLoading() const { return m_loading; }

signals:
    void loaded();

protected:
    void activated() override;

private:
    void reload();
    void countPending(qint64 count);
    void finishLoading();
    void selectWhenLoaded();
    void request(const QStringList &vins);
    void retrySelected();
    void updateActions();
    QList<VinRequestRow> selectedRequests() const;
    void openSettings();
    void dropFigureFilter();

    DatabaseThread *m_database;
    bool m_active = false;
    bool m_loading = false;      // until the list's rows and counts are in
    int m_countingPending = 0;   // counts of the list's pending requests on their way
    qint64 m_openWhenLoaded = 0; // openRequest()'s request, until it is selected
    int m_openRow = -1;          // its row, once asked for
    QPlainTextEdit *m_input;
    QCheckBox *m_fresh;
    QPushButton *m_request;
    QLabel *m_message;
    QLineEdit *m_search;
    QComboBox *m_status;
    QCheckBox *m_mine;
    QLabel *m_count;
    QTableView *m_view;
    VinRequestListModel *m_model;
    CurrentRowKeeper *m_keepCurrent;
    QPushButton *m_open;
    QPushButton *m_retry;
    QTimer *m_reloadTimer;
    FigureFilterBar *m_figureBar;
    std::optional<VinRequestFilter> m_figureFilter; // a dashboard's figure's requests, while shown
};

#pragma once

#include "db/ConnectionProfile.h"
#include "services/CarImportService.h"

#include <QMap>
#include <QWizard>

#include <memory>

class DatabaseThread;
class QButtonGroup;
class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

// The GUI form of `forecourt import cars`: choose a CSV file and the mode, check and change which field
// each column holds (with the first rows as a preview), then a check of every row (a dry run) and the
// import, both with progress and cancel. The import runs on its own connection, so the Fleet table stays
// usable meanwhile; nothing is written unless the import completes (one transaction).
class CarImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { FilePageId, MappingPageId, RunPageId };

    CarImportWizard(const ConnectionProfile &profile, QWidget *parent = nullptr);
    ~CarImportWizard() override;

    // Shared with the worker thread that runs the import: its progress and the issues found so far.
    struct Progress;

    // Starts on the mapping page with `path` read, as choosing it on the first page would (for tests
    // and drag and drop).
    void openFile(const QString &path);

    void reject() override;

signals:
    // The import completed and wrote to the fleet.
    void imported(const CarImportSummary &summary);

private:
    friend class CarImportFilePage;
    friend class CarImportMappingPage;
    friend class CarImportRunPage;

    ConnectionProfile m_profile;
    QString m_path;
    CarImportPreview m_preview;
    CarColumnMapping m_mapping;
    QMap<CarField, QString> m_defaults; // the mapping page's values for what the file leaves empty
    class CarImportRunPage *m_runPage = nullptr;
};

class CarImportFilePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit CarImportFilePage(CarImportWizard *wizard);
    bool isComplete() const override;
    bool validatePage() override;
    // Reads the file's first rows; with `advance` the wizard goes on to the columns once they are read.
    void readPreview(const QString &path, bool advance = true);
    CarImportOptions::Mode mode() const;
    bool skipInvalid() const;
    QLineEdit *pathField() const { return m_path; }

    // The file a typed or pasted text names: quotes around it, a file:// URL and a leading ~/ are taken
    // off, as file managers and terminals add them.
    static QString pathFrom(const QString &text);

private:
    CarImportWizard *m_wizard;
    QLineEdit *m_path;
    QLabel *m_status;
    QButtonGroup *m_mode;
    QCheckBox *m_skipInvalid;
    class QTimer *m_typing; // a typed or pasted path is read once the typing pauses
    quint64 m_reading = 0;  // generation of the preview being read
    bool m_ready = false;
};

class CarImportMappingPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit CarImportMappingPage(CarImportWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;
    QTableWidget *mappingTable() const { return m_columns; }

    // The value chosen for `field` where the file leaves it empty: the key, or empty (not stated).
    class QComboBox *defaultChoice(CarField field) const;

private:
    void updateMissing();

    CarImportWizard *m_wizard;
    QTableWidget *m_columns;
    QTableWidget *m_rows;
    QLabel *m_missing;
    QLabel *m_fromVin;
    QMap<CarField, class QComboBox *> m_defaultChoices;
};

class CarImportRunPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit CarImportRunPage(CarImportWizard *wizard);
    ~CarImportRunPage() override;
    void initializePage() override;
    void cleanupPage() override;
    bool validatePage() override;
    bool isComplete() const override;
    bool isRunning() const { return m_running; }
    // Stops the running check or import (nothing is written) and calls `then` when it has stopped.
    void cancel(std::function<void()> then);
    QTableWidget *issueTable() const { return m_issues; }
    QLabel *summaryLabel() const { return m_summary; }

private:
    void run(bool dryRun);
    void finished(bool dryRun, const Result<CarImportSummary> &summary);
    void poll();
    void saveIssues();
    bool filePageSkips() const;

    CarImportWizard *m_wizard;
    QLabel *m_summary;
    QProgressBar *m_progressBar;
    QTableWidget *m_issues;
    QPushButton *m_saveIssues;
    std::unique_ptr<DatabaseThread> m_database;
    std::shared_ptr<CarImportWizard::Progress> m_progress;
    QList<CarImportIssue> m_found;
    std::function<void()> m_afterCancel;
    bool m_running = false;
    bool m_checked = false;  // the dry run completed
    bool m_imported = false; // the import completed and wrote
    class QTimer *m_poll;
};

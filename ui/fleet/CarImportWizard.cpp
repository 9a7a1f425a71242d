#include "CarImportWizard.h"

#include "Async.h"
#include "UserSettings.h"
#include "db/DatabaseThread.h"
#include "domain/CarVocabulary.h"
#include "io/CsvWriter.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QStyle>
#include <QTableWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <atomic>
#include <mutex>

namespace {

constexpr int kPreviewRows = 20;
constexpr int kExamples = 3;
// Problems kept for the table and "Save problems…"; the summary counts every one.
constexpr int kKeptIssues = 200000;

QString number(qint64 value)
{
    return QLocale().toString(value);
}

} // namespace

struct CarImportWizard::Progress
{
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    std::atomic<bool> cancel{false};
    std::mutex mutex;
    QList<CarImportIssue> issues; // found since the last poll
    qint64 dropped = 0;           // found beyond kKeptIssues
};

CarImportWizard::CarImportWizard(const ConnectionProfile &profile, QWidget *parent)
    : QWizard(parent)
    , m_profile(profile)
{
    setWindowTitle(tr("Import cars"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, tr("&Import"));
    setPage(FilePageId, new CarImportFilePage(this));
    setPage(MappingPageId, new CarImportMappingPage(this));
    m_runPage = new CarImportRunPage(this);
    setPage(RunPageId, m_runPage);
    resize(860, 600);
    restoreGeometry(UserSettings::carImportGeometry.value());
}

CarImportWizard::~CarImportWizard()
{
    UserSettings::carImportGeometry.setValue(saveGeometry());
}

void CarImportWizard::openFile(const QString &path)
{
    static_cast<CarImportFilePage *>(page(FilePageId))->readPreview(path);
}

void CarImportWizard::reject()
{
    if (m_runPage->isRunning()) {
        m_runPage->cancel([this] { QWizard::reject(); });
        return;
    }
    QWizard::reject();
}

// --- Choose the file and the mode ---

CarImportFilePage::CarImportFilePage(CarImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_path(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_mode(new QButtonGroup(this))
    , m_skipInvalid(new QCheckBox(tr("Import the valid rows even when others are refused"), this))
    , m_typing(new QTimer(this))
{
    setTitle(tr("Choose a CSV file"));
    setSubTitle(tr("UTF-8 with a header row; comma, semicolon or tab between the values."));

    auto *browse = new QPushButton(tr("&Browse…"), this);
    m_path->setAccessibleName(tr("CSV file"));
    m_path->setPlaceholderText(tr("Path of the CSV file"));
    m_status->setObjectName(QStringLiteral("fileStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *insert = new QRadioButton(tr("&Add new cars: a VIN already in the fleet is refused"), this);
    auto *upsert = new QRadioButton(tr("Add new cars and &update the cars whose VIN is in the fleet"), this);
    m_mode->addButton(insert, int(CarImportOptions::Mode::Insert));
    m_mode->addButton(upsert, int(CarImportOptions::Mode::Upsert));
    insert->setChecked(true);
    m_skipInvalid->setToolTip(tr("Otherwise a single refused row means nothing is imported."));

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    auto *layout = new QVBoxLayout(this);
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    layout->addWidget(fileLabel);
    layout->addLayout(fileRow);
    layout->addWidget(m_status);
    layout->addSpacing(12);
    layout->addWidget(insert);
    layout->addWidget(upsert);
    layout->addSpacing(6);
    layout->addWidget(m_skipInvalid);
    layout->addStretch(1);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Import cars"), UserSettings::carImportDirectory.value(),
                                         tr("CSV files (*.csv *.txt);;All files (*)"));
        if (path.isEmpty())
            return;
        UserSettings::carImportDirectory.setValue(QFileInfo(path).absolutePath());
        m_path->setText(path);
        readPreview(path);
    });
    // A typed or pasted path is read as soon as the typing pauses (Next then enables), not only when the
    // field loses the focus: the disabled Next button never takes it. Return reads it at once and goes on.
    m_typing->setSingleShot(true);
    m_typing->setInterval(400);
    connect(m_typing, &QTimer::timeout, this, [this] { readPreview(pathFrom(m_path->text()), false); });
    connect(m_path, &QLineEdit::textEdited, this, [this] {
        m_ready = false;
        emit completeChanged();
        m_typing->start();
    });
    // When the file is read already, Return is the dialog's: its default button, Next.
    connect(m_path, &QLineEdit::returnPressed, this, [this] {
        m_typing->stop();
        if (!m_ready || pathFrom(m_path->text()) != m_wizard->m_path)
            readPreview(pathFrom(m_path->text()));
    });
}

QString CarImportFilePage::pathFrom(const QString &text)
{
    QString path = text.trimmed();
    for (const QChar quote : {QLatin1Char('"'), QLatin1Char('\'')}) {
        if (path.size() >= 2 && path.front() == quote && path.back() == quote)
            path = path.mid(1, path.size() - 2);
    }
    if (path.startsWith(QLatin1String("file:"), Qt::CaseInsensitive)) {
        const QUrl url(path);
        if (url.isLocalFile())
            path = url.toLocalFile();
    }
    if (path == QLatin1String("~") || path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    return path;
}

// The header and the first rows are read off the GUI thread: the file may be on a slow share.
void CarImportFilePage::readPreview(const QString &path, bool advance)
{
    if (pathFrom(m_path->text()) != path)
        m_path->setText(path);
    m_ready = false;
    emit completeChanged();
    if (path.trimmed().isEmpty()) {
        m_status->clear();
        return;
    }
    m_status->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    const quint64 generation = ++m_reading;
    whenFinished(
        QtConcurrent::run([path]() -> Result<CarImportPreview> {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return std::unexpected(
                    Error{Error::Code::InvalidInput, tr("%1 cannot be opened: %2").arg(path, file.errorString())});
            return CarImportService::preview(file, kPreviewRows);
        }),
        this, [this, path, generation, advance](const Result<CarImportPreview> &preview) {
            if (generation != m_reading)
                return;
            if (!preview) {
                m_status->setText(preview.error().message);
                return;
            }
            m_wizard->m_path = path;
            m_wizard->m_preview = *preview;
            m_wizard->m_mapping = preview->mapping;
            m_status->setText(tr("%1 columns; the next page shows what each one holds.").arg(preview->header.size()));
            m_ready = true;
            emit completeChanged();
            if (advance && wizard()->currentId() == CarImportWizard::FilePageId)
                wizard()->next();
        });
}

bool CarImportFilePage::isComplete() const
{
    return m_ready;
}

bool CarImportFilePage::validatePage()
{
    return m_ready && pathFrom(m_path->text()) == m_wizard->m_path;
}

CarImportOptions::Mode CarImportFilePage::mode() const
{
    return CarImportOptions::Mode(m_mode->checkedId());
}

bool CarImportFilePage::skipInvalid() const
{
    return m_skipInvalid->isChecked();
}

// --- Which field each column holds ---

CarImportMappingPage::CarImportMappingPage(CarImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_columns(new QTableWidget(this))
    , m_rows(new QTableWidget(this))
    , m_missing(new QLabel(this))
    , m_fromVin(new QLabel(this))
{
    setTitle(tr("Check the columns"));
    setSubTitle(tr("Choose the car field each column of the file holds. Columns set to \"Not imported\" are "
                   "left out."));
    m_columns->setColumnCount(3);
    m_columns->setHorizontalHeaderLabels({tr("Column in the file"), tr("First values"), tr("Car field")});
    m_columns->setAccessibleName(tr("Columns"));
    m_columns->verticalHeader()->hide();
    m_columns->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_columns->setSelectionMode(QAbstractItemView::NoSelection);
    m_columns->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_rows->setAccessibleName(tr("First rows of the file"));
    m_rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rows->setWordWrap(false);
    m_missing->setWordWrap(true);
    m_fromVin->setWordWrap(true);
    m_fromVin->setObjectName(QStringLiteral("fromVin"));

    // A value for every car whose file leaves a closed-list field empty (or has no column for it).
    auto *defaults = new QGroupBox(tr("Where the file leaves a value empty"), this);
    auto *defaultsLayout = new QGridLayout(defaults);
    int cell = 0;
    for (const CarField field :
         {CarField::Condition, CarField::FuelType, CarField::Transmission, CarField::BodyType, CarField::Drive}) {
        const CarVocabulary::Kind kind = *CarValidator::vocabularyOf(field);
        auto *choice = new QComboBox(defaults);
        choice->addItem(CarVocabulary::notStatedLabel(), QString());
        for (const CarVocabulary::Term &term : CarVocabulary::terms(kind))
            choice->addItem(tr("All %1").arg(term.label), term.key);
        choice->setAccessibleName(tr("%1 where the file has none").arg(CarValidator::fieldLabel(field)));
        connect(choice, &QComboBox::currentIndexChanged, this, [this, field, choice] {
            const QString key = choice->currentData().toString();
            if (key.isEmpty())
                m_wizard->m_defaults.remove(field);
            else
                m_wizard->m_defaults.insert(field, key);
        });
        auto *label = new QLabel(CarValidator::fieldLabel(field) + QLatin1Char(':'), defaults);
        label->setBuddy(choice);
        defaultsLayout->addWidget(label, cell / 3, (cell % 3) * 2);
        defaultsLayout->addWidget(choice, cell / 3, (cell % 3) * 2 + 1);
        defaultsLayout->setColumnStretch((cell % 3) * 2 + 1, 1);
        m_defaultChoices.insert(field, choice);
        ++cell;
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_columns, 3);
    layout->addWidget(m_missing);
    layout->addWidget(m_fromVin);
    layout->addWidget(defaults);
    auto *rowsLabel = new QLabel(tr("First rows:"), this);
    layout->addWidget(rowsLabel);
    layout->addWidget(m_rows, 2);
}

void CarImportMappingPage::initializePage()
{
    const CarImportPreview &preview = m_wizard->m_preview;
    CarColumnMapping &mapping = m_wizard->m_mapping;
    const QList<CarField> fields = CarValidator::fields();

    m_columns->setRowCount(int(preview.header.size()));
    for (int column = 0; column < preview.header.size(); ++column) {
        m_columns->setItem(column, 0, new QTableWidgetItem(preview.header.at(column)));
        QStringList examples;
        for (const CsvRecord &record : preview.rows) {
            if (column < record.fields.size() && !record.fields.at(column).isEmpty())
                examples << record.fields.at(column);
            if (examples.size() == kExamples)
                break;
        }
        auto *example = new QTableWidgetItem(examples.join(QStringLiteral(" · ")));
        example->setToolTip(examples.join(QLatin1Char('\n')));
        m_columns->setItem(column, 1, example);

        auto *choice = new QComboBox(m_columns);
        choice->setAccessibleName(tr("Car field for %1").arg(preview.header.at(column)));
        choice->addItem(tr("Not imported"));
        for (CarField field : fields)
            choice->addItem(CarValidator::fieldLabel(field), int(field));
        const std::optional<CarField> field = mapping.columnField.value(column);
        choice->setCurrentIndex(field ? choice->findData(int(*field)) : 0);
        // One column per field: choosing a field another column holds takes it from that column.
        connect(choice, &QComboBox::currentIndexChanged, this, [this, column, choice] {
            CarColumnMapping &mapping = m_wizard->m_mapping;
            const QVariant data = choice->currentData();
            std::optional<CarField> chosen;
            if (data.isValid())
                chosen = CarField(data.toInt());
            if (chosen) {
                if (const int other = mapping.columnOf(*chosen); other >= 0 && other != column) {
                    mapping.columnField[other].reset();
                    auto *otherChoice = static_cast<QComboBox *>(m_columns->cellWidget(other, 2));
                    const QSignalBlocker blocker(otherChoice);
                    otherChoice->setCurrentIndex(0);
                }
            }
            mapping.columnField[column] = chosen;
            mapping.duplicates.clear();
            updateMissing();
        });
        m_columns->setCellWidget(column, 2, choice);
    }
    m_columns->resizeColumnToContents(0);
    m_columns->resizeColumnToContents(2);

    m_rows->clear();
    m_rows->setColumnCount(int(preview.header.size()));
    m_rows->setHorizontalHeaderLabels(preview.header);
    m_rows->setRowCount(int(preview.rows.size()));
    QStringList lines;
    for (int row = 0; row < preview.rows.size(); ++row) {
        const CsvRecord &record = preview.rows.at(row);
        lines << QString::number(record.line);
        for (int column = 0; column < record.fields.size() && column < preview.header.size(); ++column)
            m_rows->setItem(row, column, new QTableWidgetItem(record.fields.at(column)));
    }
    m_rows->setVerticalHeaderLabels(lines); // the file's line numbers, as the problems name them
    m_rows->resizeColumnsToContents();
    updateMissing();
}

void CarImportMappingPage::updateMissing()
{
    const CarColumnMapping &mapping = m_wizard->m_mapping;
    const QList<CarField> missing = mapping.missingRequired();
    QStringList names;
    for (CarField field : missing)
        names << CarValidator::fieldLabel(field);
    m_missing->setText(missing.isEmpty()
                           ? QString()
                           : tr("<b>No column holds %1.</b> Choose the column for each, or add it to the file.")
                                 .arg(QLocale().createSeparatedList(names)));
    m_missing->setVisible(!missing.isEmpty());
    // The make and the model year come from the VINs when no column holds them.
    const bool noMake = mapping.columnOf(CarField::Make) < 0;
    const bool noYear = mapping.columnOf(CarField::ModelYear) < 0;
    const QString fromVinNote = tr("The check lists every row where that was done, and refuses a row whose VIN "
                                   "does not tell.");
    if (noMake && noYear)
        m_fromVin->setText(tr("No column holds the make and model year: both are taken from each car's VIN.") +
                           QLatin1Char(' ') + fromVinNote);
    else if (noMake)
        m_fromVin->setText(tr("No column holds the make: it is taken from each car's VIN.") + QLatin1Char(' ') +
                           fromVinNote);
    else if (noYear)
        m_fromVin->setText(tr("No column holds the model year: it is read from each car's VIN.") + QLatin1Char(' ') +
                           fromVinNote);
    m_fromVin->setVisible(noMake || noYear);
    emit completeChanged();
}

QComboBox *CarImportMappingPage::defaultChoice(CarField field) const
{
    return m_defaultChoices.value(field);
}

bool CarImportMappingPage::isComplete() const
{
    return m_wizard->m_mapping.missingRequired().isEmpty();
}

// --- Check and import ---

CarImportRunPage::CarImportRunPage(CarImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_summary(new QLabel(this))
    , m_progressBar(new QProgressBar(this))
    , m_issues(new QTableWidget(this))
    , m_saveIssues(new QPushButton(tr("&Save problems as CSV…"), this))
    , m_poll(new QTimer(this))
{
    setTitle(tr("Check and import"));
    setSubTitle(tr("Every row is checked first; nothing is written until you choose Import."));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progressBar->setAccessibleName(tr("Progress"));
    m_issues->setColumnCount(4);
    m_issues->setHorizontalHeaderLabels({tr("Line"), tr("Column"), tr("Value"), tr("Problem")});
    m_issues->setAccessibleName(tr("Problems found"));
    m_issues->verticalHeader()->hide();
    m_issues->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_issues->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_issues->setWordWrap(false);
    m_issues->horizontalHeader()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_issues, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_saveIssues);
    layout->addLayout(buttons);

    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, &CarImportRunPage::poll);
    connect(m_saveIssues, &QPushButton::clicked, this, &CarImportRunPage::saveIssues);
}

CarImportRunPage::~CarImportRunPage() = default;

void CarImportRunPage::initializePage()
{
    m_checked = false;
    m_imported = false;
    run(true);
}

void CarImportRunPage::cleanupPage()
{
    if (m_running)
        cancel({});
}

bool CarImportRunPage::isComplete() const
{
    return m_checked && !m_running;
}

bool CarImportRunPage::validatePage()
{
    if (m_imported)
        return true;
    if (m_checked && !m_running)
        run(false);
    return false;
}

void CarImportRunPage::cancel(std::function<void()> then)
{
    m_progress->cancel = true;
    m_afterCancel = std::move(then);
    m_summary->setText(tr("Cancelling…"));
}

void CarImportRunPage::run(bool dryRun)
{
    const auto *filePage = static_cast<CarImportFilePage *>(wizard()->page(CarImportWizard::FilePageId));
    if (!m_database) {
        m_database = std::make_unique<DatabaseThread>();
        m_database->open(m_wizard->m_profile); // the import queues behind the open
    }
    auto progress = std::make_shared<CarImportWizard::Progress>();
    m_progress = progress;
    m_found.clear();
    m_issues->setRowCount(0);
    m_saveIssues->setEnabled(false);
    m_running = true;
    emit completeChanged();

    CarImportOptions options;
    options.mode = filePage->mode();
    options.skipInvalid = filePage->skipInvalid();
    options.dryRun = dryRun;
    options.mapping = m_wizard->m_mapping;
    options.delimiter = m_wizard->m_preview.delimiter;
    options.defaults = m_wizard->m_defaults;
    options.fileName = m_wizard->m_path;
    options.onIssue = [progress](const CarImportIssue &issue) {
        const std::lock_guard lock(progress->mutex);
        if (progress->issues.size() < kKeptIssues)
            progress->issues.append(issue);
        else
            ++progress->dropped;
    };
    m_summary->setText(dryRun ? tr("Checking every row…") : tr("Importing…"));
    m_progressBar->setRange(0, 1000);
    m_progressBar->setValue(0);
    m_poll->start();

    const QString path = m_wizard->m_path;
    whenFinished(m_database->submit([path, options, progress](Database &db) -> Result<CarImportSummary> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return std::unexpected(
                Error{Error::Code::InvalidInput, tr("%1 cannot be opened: %2").arg(path, file.errorString())});
        return CarImportService::importCars(db, file, options, [progress](qint64 done, qint64 total) {
            progress->done = done;
            progress->total = total;
            return !progress->cancel;
        });
    }),
                 this, [this, dryRun](const Result<CarImportSummary> &summary) { finished(dryRun, summary); });
}

void CarImportRunPage::poll()
{
    QList<CarImportIssue> issues;
    {
        const std::lock_guard lock(m_progress->mutex);
        issues.swap(m_progress->issues);
    }
    const qint64 total = m_progress->total;
    const qint64 done = m_progress->done;
    if (m_running && total > 0 && done < total) {
        m_progressBar->setRange(0, 1000);
        m_progressBar->setValue(int(done * 1000 / total));
    } else if (m_running && total > 0) {
        m_progressBar->setRange(0, 0); // read; the checks against the fleet and the merge give no progress
        if (!m_progress->cancel)
            m_summary->setText(tr("Checking against the fleet…"));
    }
    if (issues.isEmpty())
        return;
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    m_issues->setUpdatesEnabled(false);
    int row = m_issues->rowCount();
    m_issues->setRowCount(row + int(issues.size()));
    for (const CarImportIssue &issue : std::as_const(issues)) {
        const bool warning = issue.severity == CarIssue::Severity::Warning;
        auto *line = new QTableWidgetItem(warning ? warningIcon : errorIcon, QString::number(issue.line));
        line->setToolTip(warning ? tr("Warning: the row is imported") : tr("Error: the row is refused"));
        m_issues->setItem(row, 0, line);
        m_issues->setItem(row, 1, new QTableWidgetItem(issue.column));
        m_issues->setItem(row, 2, new QTableWidgetItem(issue.value));
        auto *message = new QTableWidgetItem(issue.message);
        message->setToolTip(issue.message);
        m_issues->setItem(row, 3, message);
        ++row;
    }
    m_issues->setUpdatesEnabled(true);
    m_found.append(issues);
    m_saveIssues->setEnabled(true);
}

void CarImportRunPage::finished(bool dryRun, const Result<CarImportSummary> &summary)
{
    m_running = false;
    poll();
    m_poll->stop();
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(summary ? 1 : 0);
    const bool cancelled = m_progress->cancel;
    if (summary && summary->written)
        emit m_wizard->imported(*summary); // even when a cancel came too late to stop it

    if (!summary) {
        m_summary->setText(cancelled ? tr("Cancelled: nothing was imported.") : summary.error().message);
    } else {
        const QString counts =
            tr("%1 to add, %2 to update, %3 unchanged")
                .arg(number(summary->inserted), number(summary->updated), number(summary->unchanged));
        QString text;
        if (summary->refused == 0) {
            text = dryRun ? tr("All %1 rows are fine: %2.").arg(number(summary->rows), counts)
                          : tr("Imported %1 rows.").arg(number(summary->rows));
        } else if (filePageSkips()) {
            text = tr("%1 of %2 rows are refused (listed below) and will be left out; the others: %3.")
                       .arg(number(summary->refused), number(summary->rows), counts);
        } else {
            text = tr("%1 of %2 rows are refused (listed below), so nothing can be imported. Correct the file, or go "
                      "back and choose to import the valid rows.")
                       .arg(number(summary->refused), number(summary->rows));
        }
        if (summary->makesFromVin + summary->yearsFromVin > 0)
            text += QLatin1Char(' ') + tr("Makes taken from the VINs: %1; model years: %2.")
                                           .arg(number(summary->makesFromVin), number(summary->yearsFromVin));
        if (summary->warnings > 0)
            text += QLatin1Char(' ') + tr("%1 warnings: those rows are imported as they are.").arg(summary->warnings);
        if (!summary->ignoredColumns.isEmpty())
            text += QLatin1Char(' ') + tr("Not imported: %1.").arg(summary->ignoredColumns.join(QStringLiteral(", ")));
        if (m_progress->dropped > 0)
            text += QLatin1Char(' ') + tr("Only the first %1 problems are listed; %2 more were found.")
                                           .arg(number(kKeptIssues), number(m_progress->dropped));
        m_summary->setText(text);
        if (dryRun)
            m_checked = summary->refused == 0 || filePageSkips();
        else
            m_imported = summary->written;
    }
    emit completeChanged();

    if (m_afterCancel) {
        auto then = std::exchange(m_afterCancel, {});
        then();
    } else if (m_imported) {
        wizard()->accept();
    }
}

bool CarImportRunPage::filePageSkips() const
{
    return static_cast<CarImportFilePage *>(wizard()->page(CarImportWizard::FilePageId))->skipInvalid();
}

void CarImportRunPage::saveIssues()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save problems"), tr("import-problems.csv"),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    const QList<CarImportIssue> issues = m_found;
    whenFinished(QtConcurrent::run([path, issues]() -> Result<void> {
                     QSaveFile file(path);
                     if (!file.open(QIODevice::WriteOnly))
                         return std::unexpected(Error{Error::Code::InvalidInput,
                                                      tr("%1 cannot be written: %2").arg(path, file.errorString())});
                     CsvWriter csv(&file);
                     Result<void> written = csv.writeRow(CarImportService::issueCsvHeader());
                     for (qsizetype i = 0; written && i < issues.size(); ++i)
                         written = csv.writeRow(CarImportService::issueCsvRow(issues.at(i)));
                     if (written)
                         written = csv.flush();
                     if (written && !file.commit())
                         return std::unexpected(Error{Error::Code::InvalidInput,
                                                      tr("%1 cannot be written: %2").arg(path, file.errorString())});
                     return written;
                 }),
                 this, [this, path](const Result<void> &saved) {
                     m_summary->setText(saved ? tr("Problems saved to %1.").arg(path) : saved.error().message);
                 });
}

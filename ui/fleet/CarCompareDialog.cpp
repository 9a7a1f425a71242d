#include "CarCompareDialog.h"

#include "Async.h"
#include "domain/CarValidator.h"
#include "domain/CarVocabulary.h"
#include "models/CarTableModel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPdfWriter>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScreen>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTextDocument>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace {

const QString kEmpty = QStringLiteral("—");

QStringList sortedFolded(const QStringList &features)
{
    QStringList folded;
    for (const QString &feature : features)
        folded << feature.trimmed().toCaseFolded();
    folded.sort();
    return folded;
}

// A light tint of the palette's highlight colour over its base colour.
QColor differenceBackground(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor highlight = palette.color(QPalette::Highlight);
    constexpr double tint = 0.18;
    return QColor::fromRgbF(float(base.redF() + (highlight.redF() - base.redF()) * tint),
                            float(base.greenF() + (highlight.greenF() - base.greenF()) * tint),
                            float(base.blueF() + (highlight.blueF() - base.blueF()) * tint));
}

} // namespace

CarCompareDialog::CarCompareDialog(const QList<CarDetails> &cars, const QString &currency, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("carCompareDialog"));
    setWindowTitle(tr("Compare cars"));

    m_onlyDifferences = new QCheckBox(tr("Show only &differences"), this);
    m_onlyDifferences->setObjectName(QStringLiteral("onlyDifferences"));
    auto *legend = new QLabel(tr("Rows in bold on a tinted background differ between the cars."), this);
    legend->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addWidget(m_onlyDifferences);
    top->addSpacing(16);
    top->addWidget(legend, 1);

    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("comparisonTable"));
    m_table->setAccessibleName(tr("Car comparison"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setWordWrap(false); // values are short; the features have a line each
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *print = buttons->addButton(tr("&Print…"), QDialogButtonBox::ActionRole);
    QPushButton *pdf = buttons->addButton(tr("Save as P&DF…"), QDialogButtonBox::ActionRole);
    connect(print, &QPushButton::clicked, this, &CarCompareDialog::print);
    connect(pdf, &QPushButton::clicked, this, &CarCompareDialog::savePdf);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);

    const qsizetype count = cars.size();
    if (count < MinCars || count > MaxCars) {
        qWarning("CarCompareDialog: %lld cars given, %d to %d expected", qlonglong(count), MinCars, MaxCars);
        legend->setText(tr("Choose %1 to %2 cars to compare; %n car(s) were chosen.", nullptr, int(count))
                            .arg(MinCars)
                            .arg(MaxCars));
        legend->setObjectName(QStringLiteral("invalidCount"));
        for (QWidget *widget : {static_cast<QWidget *>(m_table), static_cast<QWidget *>(m_onlyDifferences)})
            widget->hide();
        print->setEnabled(false);
        pdf->setEnabled(false);
        return;
    }

    for (const CarDetails &car : cars)
        m_headers << tr("Stock #%1").arg(car.row.stockNumber) + QLatin1Char('\n') +
                         tr("%1 %2").arg(car.row.make, car.row.model);
    for (int column = 0; column < int(CarColumn::Count); ++column) {
        Row row;
        row.label = CarTableModel::columnLabel(CarColumn(column));
        for (const CarDetails &car : cars)
            row.values << CarTableModel::displayText(car.row, CarColumn(column), currency);
        row.differs = row.values.count(row.values.constFirst()) != row.values.size();
        m_rows << row;
    }
    Row features;
    features.label = CarValidator::fieldLabel(CarField::Features);
    for (const CarDetails &car : cars) {
        features.values << car.features.join(QLatin1Char('\n'));
        // The same features in another order or letter case are the same.
        features.differs = features.differs || sortedFolded(car.features) != sortedFolded(cars.constFirst().features);
    }
    m_rows << features;

    m_table->setColumnCount(int(count));
    m_table->setRowCount(int(m_rows.size()));
    m_table->setHorizontalHeaderLabels(m_headers);
    QFont bold = m_table->font();
    bold.setBold(true);
    const QBrush tint(differenceBackground(m_table->palette()));
    for (int r = 0; r < m_rows.size(); ++r) {
        const Row &row = m_rows.at(r);
        auto *header = new QTableWidgetItem(row.label);
        m_table->setVerticalHeaderItem(r, header);
        for (int c = 0; c < row.values.size(); ++c) {
            const QString value = row.values.at(c);
            auto *item = new QTableWidgetItem(value.isEmpty() ? kEmpty : value);
            item->setData(Qt::AccessibleTextRole, value.isEmpty() ? tr("empty") : value);
            if (row.differs) {
                item->setFont(bold);
                item->setBackground(tint);
                item->setData(Qt::AccessibleDescriptionRole, tr("differs"));
            }
            m_table->setItem(r, c, item);
        }
        if (row.differs) {
            header->setFont(bold);
            header->setData(Qt::AccessibleTextRole, tr("%1 (differs)").arg(row.label));
            header->setToolTip(tr("The cars differ in this field."));
        }
    }
    m_table->verticalHeader()->setMinimumSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->resizeRowsToContents();
    connect(m_onlyDifferences, &QCheckBox::toggled, this, &CarCompareDialog::updateHiddenRows);

    // Every row without scrolling, where the screen allows.
    const QMargins margins = layout->contentsMargins();
    const int width = m_table->verticalHeader()->sizeHint().width() + int(count) * 230 + margins.left() +
                      margins.right() + 2 * m_table->frameWidth();
    const int height = m_table->verticalHeader()->length() + m_table->horizontalHeader()->sizeHint().height() +
                       2 * m_table->frameWidth() + m_onlyDifferences->sizeHint().height() +
                       buttons->sizeHint().height() + 2 * layout->spacing() + margins.top() + margins.bottom();
    QSize size(width, height);
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableSize() * 0.9);
    resize(size);
}

bool CarCompareDialog::showsOnlyDifferences() const
{
    return m_onlyDifferences->isChecked();
}

void CarCompareDialog::setShowOnlyDifferences(bool only)
{
    m_onlyDifferences->setChecked(only);
}

void CarCompareDialog::updateHiddenRows()
{
    for (int r = 0; r < m_rows.size(); ++r)
        m_table->setRowHidden(r, showsOnlyDifferences() && !m_rows.at(r).differs);
}

QString CarCompareDialog::html() const
{
    const auto cell = [](const QString &text) {
        return text.isEmpty() ? kEmpty : text.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"));
    };
    QString html = QStringLiteral("<h3>%1</h3><p>%2</p>")
                       .arg(tr("Car comparison").toHtmlEscaped(),
                            tr("%1. Rows in bold differ between the cars.")
                                .arg(QLocale().toString(QDate::currentDate(), QLocale::LongFormat))
                                .toHtmlEscaped());
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\" "
                           "style=\"border-collapse: collapse; border-color: #999999;\">"
                           "<thead><tr><th bgcolor=\"#e6e6e6\"></th>");
    for (const QString &header : m_headers)
        html += QStringLiteral("<th bgcolor=\"#e6e6e6\" align=\"left\">%1</th>").arg(cell(header));
    html += QStringLiteral("</tr></thead>");
    for (const Row &row : m_rows) {
        if (showsOnlyDifferences() && !row.differs)
            continue;
        const QString background = row.differs ? QStringLiteral(" bgcolor=\"#ebebeb\"") : QString();
        const auto emphasis = [&](const QString &text) {
            return row.differs ? QStringLiteral("<b>%1</b>").arg(text) : text;
        };
        html += QStringLiteral("<tr><td%1>%2</td>").arg(background, emphasis(cell(row.label)));
        for (const QString &value : row.values)
            html += QStringLiteral("<td%1>%2</td>").arg(background, emphasis(cell(value)));
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

void CarCompareDialog::fillDocument(QTextDocument &document, const QString &html)
{
    QFont font = document.defaultFont();
    font.setPointSizeF(9);
    document.setDefaultFont(font);
    document.setHtml(html);
}

bool CarCompareDialog::writePdf(const QString &html, const QString &path)
{
    if (QFile probe(path); !probe.open(QIODevice::WriteOnly))
        return false;
    {
        QPdfWriter writer(path);
        writer.setTitle(tr("Car comparison"));
        writer.setCreator(QCoreApplication::applicationName());
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(12, 12, 12, 12),
                                         QPageLayout::Millimeter));
        QTextDocument document;
        fillDocument(document, html);
        document.print(&writer);
    }
    return QFile(path).size() > 0;
}

void CarCompareDialog::print()
{
    if (!isValid())
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Landscape);
    printer.setDocName(tr("Car comparison"));
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(tr("Print car comparison"));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [this](QPrinter *target) {
        QTextDocument document;
        fillDocument(document, html());
        document.print(target);
    });
    preview.exec();
}

void CarCompareDialog::savePdf()
{
    if (!isValid())
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save comparison as PDF"),
                                     folder + QLatin1Char('/') + tr("car-comparison.pdf"), tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    whenFinished(QtConcurrent::run(&CarCompareDialog::writePdf, html(), path), this, [this, path](bool written) {
        if (!written)
            QMessageBox::warning(this, tr("Not saved"),
                                 tr("The comparison could not be written to %1. Choose a folder you can write to.")
                                     .arg(QDir::toNativeSeparators(path)));
    });
}

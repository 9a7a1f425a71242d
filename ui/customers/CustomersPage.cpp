#include "CustomersPage.h"

#include "Async.h"
#include "CustomerDetailPanel.h"
#include "CustomerEditorDialog.h"
#include "UserSettings.h"
#include "db/DatabaseThread.h"
#include "models/CustomerTableModel.h"
#include "services/CustomerService.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace {

// What the detail panel shows, read in one job.
struct Overview
{
    CustomerDetails details;
    QList<CustomerBooking> bookings;
    CustomerBalance balance;
};

} // namespace

CustomersPage::CustomersPage(const SectionContext &context, QWidget *parent)
    : Section(parent)
    , m_database(context.database)
    , m_model(new CustomerTableModel(context.database, this))
    , m_search(new QLineEdit(this))
    , m_tableStack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_details(new CustomerDetailPanel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_countLabel(new QLabel(this))
    , m_searchDelay(new QTimer(this))
    , m_selectionDelay(new QTimer(this))
{
    m_model->setBackgroundThread(context.longReads); // the count and the anchors
    setObjectName(QStringLiteral("customersPage"));
    setAccessibleName(tr("Customers"));
    m_search->setObjectName(QStringLiteral("customerSearch"));
    m_search->setPlaceholderText(tr("Search name, email, phone or licence number (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search customers"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(340);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &CustomersPage::applySearch);
    connect(m_searchDelay, &QTimer::timeout, this, &CustomersPage::applySearch);
    auto *clearSearch = new QAction(tr("Clear the search"), m_search);
    clearSearch->setShortcut(QKeySequence(Qt::Key_Escape));
    clearSearch->setShortcutContext(Qt::WidgetShortcut);
    connect(clearSearch, &QAction::triggered, m_search, &QLineEdit::clear);
    m_search->addAction(clearSearch);
    auto *toTable = new QAction(tr("Go to the table"), m_search);
    toTable->setShortcut(QKeySequence(Qt::Key_Down));
    toTable->setShortcutContext(Qt::WidgetShortcut);
    connect(toTable, &QAction::triggered, m_table, [this] { m_table->setFocus(Qt::ShortcutFocusReason); });
    m_search->addAction(toTable);

    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("customerTable"));
    m_table->setAccessibleName(tr("Customers"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSortIndicator(int(m_model->query().sortColumn), m_model->query().sortOrder);
    m_table->setSortingEnabled(true); // sorts by the indicator: the model only remembers it until activate()
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setHighlightSections(false);

    m_empty->setObjectName(QStringLiteral("customersEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);
    m_empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tableStack->addWidget(m_table);
    m_tableStack->addWidget(m_empty);

    m_selectionDelay->setSingleShot(true);
    m_selectionDelay->setInterval(120);
    connect(m_selectionDelay, &QTimer::timeout, this, &CustomersPage::showCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, m_selectionDelay,
            qOverload<>(&QTimer::start));
    connect(m_model, &CustomerTableModel::failed, this, &CustomersPage::report);
    connect(m_model, &CustomerTableModel::countChanged, this, &CustomersPage::updateState);
    connect(m_model, &CustomerTableModel::loaded, this, [this] {
        updateState();
        if (m_pendingSelection != 0)
            return; // showCustomer() chooses the row
        if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
            m_table->setCurrentIndex(m_model->index(0, int(CustomerColumn::FullName)));
        else if (m_model->rowCount() == 0)
            m_details->showMessage(tr("No customer to show."));
    });
    connect(m_model, &CustomerTableModel::pageLoaded, this, [this](int first, int last) {
        const QModelIndex current = m_table->currentIndex();
        if (m_pendingSelection != 0) {
            const int row = m_model->rowOfId(m_pendingSelection);
            if (row >= 0) {
                m_pendingSelection = 0;
                m_table->setCurrentIndex(m_model->index(row, int(CustomerColumn::FullName)));
                m_table->scrollTo(m_table->currentIndex());
            }
        } else if (current.isValid() && current.row() >= first && current.row() <= last &&
                   m_details->customerId() == 0) {
            m_selectionDelay->start();
        }
        // After another desk's change the rows may have moved: the customer the clerk had stays current
        // when they are among the rows read again, and the view does not scroll.
        if (m_keepCurrent != 0) {
            const QModelIndex now = m_table->currentIndex(); // the pending selection may have moved it above
            const int row = m_model->rowOfId(m_keepCurrent);
            if (row >= 0 && row != now.row())
                m_table->selectionModel()->setCurrentIndex(m_model->index(row, std::max(0, now.column())),
                                                           QItemSelectionModel::ClearAndSelect |
                                                               QItemSelectionModel::Rows);
            if (row >= 0 || (now.row() >= first && now.row() <= last))
                m_keepCurrent = 0;
        }
    });
    connect(m_table, &QTableView::activated, this, &CustomersPage::editCurrent);
    connect(m_details, &CustomerDetailPanel::editRequested, this, &CustomersPage::editCurrent);
    connect(m_details, &CustomerDetailPanel::bookingActivated, this, [this](qint64 bookingId) {
        emit linkRequested({SectionLink::Kind::Booking, bookingId});
    });

    m_splitter->addWidget(m_tableStack);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_details->setMinimumWidth(360);

    m_countLabel->setObjectName(QStringLiteral("customerCount"));
    m_countLabel->setAccessibleName(tr("Number of customers"));

    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(QStringLiteral("customersToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addWidget(m_search);
    toolbar->addSeparator();
    const auto action = [this](const QString &text, const QKeySequence &shortcut, const QString &tip) {
        auto *created = new QAction(text, this);
        created->setShortcut(shortcut);
        created->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        created->setToolTip(tr("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
        addAction(created);
        return created;
    };
    QAction *newAction = action(tr("&New customer…"), QKeySequence::New, tr("Add a customer"));
    connect(newAction, &QAction::triggered, this, &CustomersPage::newCustomer);
    toolbar->addAction(newAction);
    QAction *editAction = action(tr("&Edit…"), QKeySequence(Qt::Key_F2),
                                 tr("Edit the selected customer; Enter in "
                                    "the table does the same"));
    connect(editAction, &QAction::triggered, this, &CustomersPage::editCurrent);
    toolbar->addAction(editAction);
    QAction *find = action(tr("Find"), QKeySequence::Find, tr("Search the customers"));
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    QAction *refresh = action(tr("&Refresh"), QKeySequence::Refresh, tr("Read the customers again"));
    connect(refresh, &QAction::triggered, m_model, &CustomerTableModel::reload);
    toolbar->addAction(refresh);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->addWidget(toolbar);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_countLabel);
    setFocusProxy(m_table);

    restoreLayout();
    updateState();
}

CustomersPage::~CustomersPage()
{
    saveLayout();
}

QString CustomersPage::title() const
{
    return tr("Customers");
}

QString CustomersPage::summary() const
{
    return tr("The people who rent and buy, with their bookings and balance.");
}

QIcon CustomersPage::icon() const
{
    return style()->standardIcon(QStyle::SP_DirOpenIcon);
}

void CustomersPage::activated()
{
    m_model->reload();
}

void CustomersPage::applyChanges(const QStringList &keys)
{
    const QString shownKey = QStringLiteral("customer:%1").arg(m_details->customerId());
    bool customers = false;
    bool shown = false;
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("customer:"))) {
            customers = true;
            shown = shown || key == shownKey;
        } else if (key.startsWith(QLatin1String("booking:"))) {
            shown = true; // the shown customer's bookings or balance may have changed
        }
    }
    if (customers) {
        // The customer about to become current (one just saved, whose own change this may be) is the one
        // to keep, not the row current before it.
        const QModelIndex current = m_table->currentIndex();
        m_keepCurrent = m_pendingSelection != 0 ? m_pendingSelection
                        : current.isValid()     ? current.data(CustomerTableModel::IdRole).toLongLong()
                                                : 0;
        m_model->refresh();
    }
    if (shown && m_details->customerId() != 0)
        showCurrent();
}

void CustomersPage::applySearch()
{
    m_searchDelay->stop();
    const QString text = m_search->text().simplified();
    if (text == m_model->query().text)
        return;
    m_table->clearSelection();
    m_table->setCurrentIndex({});
    m_details->showMessage(tr("Select a customer to see their details, bookings and balance."));
    m_countLabel->setText(tr("Searching…"));
    m_model->setSearchText(text);
}

// Asks the database for the customer's row in the table's order: the answer comes after any reload
// queued before, so it fits the rows the table then has.
void CustomersPage::showCustomer(qint64 id)
{
    m_pendingSelection = id;
    const CustomerQuery query = m_model->query();
    whenFinished(m_database->submit([query, id](Database &db) { return CustomerService::position(db, query, id); }),
                 this, [this, id, query](const Result<std::optional<qint64>> &position) {
                     if (m_pendingSelection != id)
                         return; // another customer was asked for since
                     if (!position) {
                         m_pendingSelection = 0;
                         report(position.error());
                     } else if (!*position && !query.text.isEmpty()) {
                         m_search->clear(); // the search leaves the customer out: show everybody
                         applySearch();
                         showCustomer(id);
                     } else if (!*position) {
                         m_pendingSelection = 0;
                         emit statusMessage(tr("Customer #%1 is no longer on file.").arg(id));
                     } else if (const int row = m_model->rowOfId(id); row >= 0) {
                         m_pendingSelection = 0;
                         m_table->setCurrentIndex(m_model->index(row, int(CustomerColumn::FullName)));
                         m_table->scrollTo(m_table->currentIndex());
                     } else if (**position < m_model->rowCount()) {
                         // The row's page loads as the view shows it; pageLoaded makes it current.
                         m_table->scrollTo(m_model->index(int(**position), int(CustomerColumn::FullName)),
                                           QAbstractItemView::PositionAtCenter);
                     } else {
                         m_model->requestRow(int(**position)); // beyond the first page until the count is in
                     }
                 });
}

void CustomersPage::showCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    const auto row = current.isValid() ? m_model->rowAt(current.row()) : std::nullopt;
    if (!row) {
        m_details->showMessage(current.isValid() ? tr("Loading…")
                                                 : tr("Select a customer to see their details, bookings and balance."));
        return;
    }
    const quint64 generation = ++m_detailGeneration;
    const qint64 id = row->id;
    whenFinished(m_database->submit([id](Database &db) -> Result<Overview> {
        Overview overview;
        auto details = CustomerService::details(db, id);
        if (!details)
            return std::unexpected(details.error());
        auto bookings = CustomerService::bookings(db, id);
        if (!bookings)
            return std::unexpected(bookings.error());
        auto balance = CustomerService::balance(db, id);
        if (!balance)
            return std::unexpected(balance.error());
        return Overview{*details, *bookings, *balance};
    }),
                 this, [this, generation](const Result<Overview> &overview) {
                     if (generation != m_detailGeneration)
                         return;
                     if (!overview)
                         m_details->showMessage(overview.error().message);
                     else
                         m_details->showCustomer(overview->details, overview->bookings, overview->balance);
                 });
}

void CustomersPage::updateState()
{
    const QLocale locale;
    const int rows = m_model->rowCount();
    const QString search = m_model->query().text;
    if (m_model->isCounting()) {
        m_countLabel->setText(tr("Counting…"));
    } else if (search.isEmpty()) {
        m_countLabel->setText(tr("%1 customer(s)", nullptr, rows).arg(locale.toString(rows)));
    } else {
        m_countLabel->setText(tr("%1 customer(s) match \"%2\"", nullptr, rows).arg(locale.toString(rows), search));
    }
    const bool empty = rows == 0 && !m_model->isCounting();
    if (empty && search.isEmpty()) {
        m_empty->setText(tr("<p><b>No customers yet.</b></p><p>Add the first one with <b>New customer</b> "
                            "(%1).</p>")
                             .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    } else if (empty) {
        m_empty->setText(tr("<p><b>No customer matches \"%1\".</b></p><p>Search by part of a name, email, phone "
                            "or licence number, or clear the search (Esc).</p>")
                             .arg(search.toHtmlEscaped()));
    }
    m_tableStack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_table);
}

QString CustomersPage::emptyText() const
{
    return m_tableStack->currentWidget() == m_empty ? m_empty->text() : QString();
}

CustomerEditorDialog *CustomersPage::newCustomer()
{
    auto *editor = new CustomerEditorDialog(m_database, this);
    openEditor(editor);
    return editor;
}

CustomerEditorDialog *CustomersPage::editCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    const auto row = current.isValid() ? m_model->rowAt(current.row()) : std::nullopt;
    if (!row)
        return nullptr;
    auto *editor = new CustomerEditorDialog(m_database, row->id, this);
    openEditor(editor);
    return editor;
}

void CustomersPage::openEditor(CustomerEditorDialog *editor)
{
    editor->setAttribute(Qt::WA_DeleteOnClose);
    const bool isNew = editor->isNewCustomer();
    connect(editor, &CustomerEditorDialog::saved, this, [this, isNew](const CustomerDetails &customer) {
        emit statusMessage(isNew ? tr("%1 (#%2) added.").arg(customer.row.fullName).arg(customer.row.id)
                                 : tr("%1 (#%2) saved.").arg(customer.row.fullName).arg(customer.row.id));
        m_model->reload();
        showCustomer(customer.row.id);
        if (m_details->customerId() == customer.row.id)
            showCurrent();
    });
    connect(editor, &CustomerEditorDialog::openCustomerRequested, this, [this](qint64 id) {
        showCustomer(id);
        auto *existing = new CustomerEditorDialog(m_database, id, this);
        openEditor(existing);
    });
    editor->open();
}

void CustomersPage::report(const Error &error)
{
    if (error.code == Error::Code::Superseded)
        return;
    emit statusMessage(error.message);
    if (error.code != Error::Code::ConnectionLost)
        QMessageBox::warning(this, tr("Customers"), error.message);
}

void CustomersPage::restoreLayout()
{
    QHeaderView *header = m_table->horizontalHeader();
    if (!header->restoreState(UserSettings::customersHeader.value())) {
        const QFontMetrics metrics = m_table->fontMetrics();
        header->resizeSection(int(CustomerColumn::Id), metrics.horizontalAdvance(QStringLiteral("000000")) + 16);
        header->resizeSection(int(CustomerColumn::FullName),
                              metrics.horizontalAdvance(QStringLiteral("Alexandra Whitfield-Jones")) + 16);
        header->resizeSection(int(CustomerColumn::PossibleDuplicate),
                              metrics.horizontalAdvance(CustomerTableModel::tr("Possible duplicate")) + 16);
        header->resizeSection(int(CustomerColumn::Email),
                              metrics.horizontalAdvance(QStringLiteral("alexandra.whitfield@example.com")) + 16);
        header->resizeSection(int(CustomerColumn::Phone),
                              metrics.horizontalAdvance(QStringLiteral("+44 20 7946 0958")) + 16);
    }
    // The sort order restored with the header is the one to query.
    m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    if (!m_splitter->restoreState(UserSettings::customersSplitter.value()))
        m_splitter->setSizes({700, 460});
}

void CustomersPage::saveLayout() const
{
    UserSettings::customersHeader.setValue(m_table->horizontalHeader()->saveState());
    UserSettings::customersSplitter.setValue(m_splitter->saveState());
}

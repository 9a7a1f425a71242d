#include "BookingsPage.h"

#include "Async.h"
#include "BookingDialog.h"
#include "BookingTimeline.h"
#include "UserSettings.h"
#include "db/DatabaseThread.h"
#include "models/BookingListModel.h"
#include "models/CurrentRowKeeper.h"
#include "services/FleetService.h"
#include "ui/common/ContentColumns.h"
#include "ui/common/FigureFilterBar.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

namespace {
// The timeline shows a quarter from its first day.
constexpr int kTimelineDays = 91;
constexpr int kTimelineCars = 2000;

// The Balance column: a returned booking whose customer still owes money carries an "owed" badge before the
// amount (amber, like the amount), so the desk sees at a glance whom to chase; its tooltip says what to do.
class BalanceOwedDelegate : public QStyledItemDelegate
{
public:
    BalanceOwedDelegate(BookingListModel *model, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_model(model)
    {}

    static QString badgeText() { return BookingsPage::tr("owed"); }

    bool owed(const QModelIndex &index) const
    {
        const auto row = m_model->rowAt(index.row());
        return row && row->status == QLatin1String("completed") && row->balanceCents > 0;
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        if (!owed(index))
            return;
        QFont font = option.font;
        font.setPointSizeF(font.pointSizeF() * 0.85);
        font.setBold(true);
        const QFontMetrics metrics(font);
        const int height = metrics.height() + 2;
        const QRect badge(option.rect.left() + 4, option.rect.center().y() - height / 2 + 1,
                          metrics.horizontalAdvance(badgeText()) + 10, height);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xff, 0xe0, 0xb2));
        painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
        painter->setPen(QColor(0x8a, 0x4b, 0x00));
        painter->setFont(font);
        painter->drawText(badge, Qt::AlignCenter, badgeText());
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        // Every row of the column gets the badge's room, so that the column does not widen as rows load.
        QFont font = option.font;
        font.setPointSizeF(font.pointSizeF() * 0.85);
        font.setBold(true);
        size.rwidth() += QFontMetrics(font).horizontalAdvance(badgeText()) + 18;
        return size;
    }

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override
    {
        if (event->type() == QEvent::ToolTip && owed(index)) {
            QToolTip::showText(event->globalPos(),
                               BookingsPage::tr("Returned with %1 still owed. Open the booking and take the payment "
                                                "with Add payment….")
                                   .arg(index.data().toString()),
                               view);
            return true;
        }
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    }

private:
    BookingListModel *m_model;
};
} // namespace

BookingsPage::BookingsPage(const SectionContext &context, QWidget *parent)
    : Section(parent)
    , m_database(context.database)
{
    setObjectName(QStringLiteral("bookingsPage"));
    auto *layout = new QVBoxLayout(this);

    // The bar over both tabs: search, branch, new booking.
    auto *bar = new QHBoxLayout;
    auto *newButton = new QPushButton(tr("&New booking…"), this);
    newButton->setObjectName(QStringLiteral("newBooking"));
    newButton->setToolTip(tr("Book a car for a customer (Ctrl+N)"));
    auto *newAction = new QAction(this);
    newAction->setShortcut(QKeySequence::New);
    newAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(newAction);
    connect(newAction, &QAction::triggered, this, [this] { newBooking(); });
    connect(newButton, &QPushButton::clicked, this, [this] { newBooking(); });
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("bookingSearch"));
    m_search->setPlaceholderText(tr("Search cars and customers (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search bookings"));
    m_search->setClearButtonEnabled(true);
    auto *findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(findAction);
    connect(findAction, &QAction::triggered, m_search, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    m_branch = new QComboBox(this);
    m_branch->setObjectName(QStringLiteral("bookingBranch"));
    m_branch->setAccessibleName(tr("Branch"));
    m_branch->addItem(tr("All branches"), QString());
    bar->addWidget(newButton);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_branch);
    layout->addLayout(bar);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("bookingTabs"));
    layout->addWidget(m_tabs, 1);

    // Timeline tab.
    auto *timelineTab = new QWidget(m_tabs);
    auto *timelineLayout = new QVBoxLayout(timelineTab);
    auto *timelineBar = new QHBoxLayout;
    m_timelineFrom = new QDateEdit(timelineTab);
    m_timelineFrom->setObjectName(QStringLiteral("timelineFrom"));
    m_timelineFrom->setCalendarPopup(true);
    m_timelineFrom->setAccessibleName(tr("First day of the timeline"));
    m_timelineFrom->setDate(QDate::currentDate());
    auto *earlier = new QToolButton(timelineTab);
    earlier->setText(QStringLiteral("◀"));
    earlier->setToolTip(tr("Four weeks earlier"));
    earlier->setAccessibleName(tr("Four weeks earlier"));
    auto *later = new QToolButton(timelineTab);
    later->setText(QStringLiteral("▶"));
    later->setToolTip(tr("Four weeks later"));
    later->setAccessibleName(tr("Four weeks later"));
    auto *today = new QPushButton(tr("&Today"), timelineTab);
    today->setObjectName(QStringLiteral("timelineToday"));
    today->setToolTip(tr("Show the timeline from today"));
    m_zoom = new QComboBox(timelineTab);
    m_zoom->setObjectName(QStringLiteral("timelineZoom"));
    m_zoom->setAccessibleName(tr("Zoom"));
    m_zoom->addItems({tr("Day"), tr("Week"), tr("Month"), tr("Quarter")});
    m_zoom->setToolTip(tr("How much time the timeline shows across (Ctrl+wheel, + and - zoom too)"));
    m_timelineNote = new QLabel(timelineTab);
    m_timelineNote->setObjectName(QStringLiteral("timelineNote"));
    auto *legend = new QLabel(
        tr("<span style='color:#1565c0'>■</span> Reserved &nbsp; <span style='color:#2e7d32'>■</span> Active &nbsp; "
           "<span style='color:#c62828'>■</span> Overdue &nbsp; <span style='color:#9e9e9e'>■</span> Completed "
           "&nbsp; <span style='color:#a9c4e8'>■</span> Turnaround"),
        timelineTab);
    timelineBar->addWidget(new QLabel(tr("From"), timelineTab));
    timelineBar->addWidget(earlier);
    timelineBar->addWidget(m_timelineFrom);
    timelineBar->addWidget(later);
    timelineBar->addWidget(today);
    timelineBar->addSpacing(12);
    timelineBar->addWidget(new QLabel(tr("Show"), timelineTab));
    timelineBar->addWidget(m_zoom);
    timelineBar->addStretch(1);
    timelineLayout->addLayout(timelineBar);
    m_timeline = new BookingTimeline(timelineTab);
    timelineLayout->addWidget(m_timeline, 1);
    auto *timelineFoot = new QHBoxLayout;
    timelineFoot->addWidget(legend);
    timelineFoot->addWidget(m_timelineNote, 1);
    timelineLayout->addLayout(timelineFoot);
    m_timelineNote->setWordWrap(true);
    m_tabs->addTab(timelineTab, tr("Ti&meline"));

    // List tab.
    auto *listTab = new QWidget(m_tabs);
    auto *listLayout = new QVBoxLayout(listTab);
    auto *listBar = new QHBoxLayout;
    m_listFrom = new QDateEdit(QDate::currentDate().addDays(-7), listTab);
    m_listFrom->setObjectName(QStringLiteral("listFrom"));
    m_listFrom->setCalendarPopup(true);
    m_listFrom->setAccessibleName(tr("Bookings from"));
    m_listTo = new QDateEdit(QDate::currentDate().addDays(30), listTab);
    m_listTo->setObjectName(QStringLiteral("listTo"));
    m_listTo->setCalendarPopup(true);
    m_listTo->setAccessibleName(tr("Bookings to"));
    m_status = new QComboBox(listTab);
    m_status->setObjectName(QStringLiteral("listStatus"));
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("Any status"), QString());
    for (const char *status : {"reserved", "active", "completed", "cancelled", "no_show"})
        m_status->addItem(BookingService::statusLabel(QString::fromLatin1(status)), QString::fromLatin1(status));
    m_overdueOnly = new QCheckBox(tr("&Overdue only"), listTab);
    m_overdueOnly->setObjectName(QStringLiteral("overdueOnly"));
    m_listCount = new QLabel(listTab);
    m_listCount->setObjectName(QStringLiteral("listCount"));
    listBar->addWidget(new QLabel(tr("From"), listTab));
    listBar->addWidget(m_listFrom);
    listBar->addWidget(new QLabel(tr("to"), listTab));
    listBar->addWidget(m_listTo);
    listBar->addWidget(m_status);
    listBar->addWidget(m_overdueOnly);
    listBar->addStretch(1);
    listBar->addWidget(m_listCount);
    listLayout->addLayout(listBar);
    m_figureBar = new FigureFilterBar(listTab);
    listLayout->addWidget(m_figureBar);
    connect(m_figureBar, &FigureFilterBar::clearRequested, this, &BookingsPage::clearFigureFilter);
    m_listModel = new BookingListModel(context.database, this);
    m_listModel->setBackgroundThread(context.longReads); // the count and the anchors
    m_list = new QTableView(listTab);
    m_list->setObjectName(QStringLiteral("bookingList"));
    m_list->setAccessibleName(tr("Bookings"));
    m_list->setModel(m_listModel);
    m_list->setItemDelegateForColumn(BookingListModel::Balance, new BalanceOwedDelegate(m_listModel, m_list));
    // Sorted in SQL (the model only remembers the order until the list is first read).
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(BookingListModel::Pickup, Qt::AscendingOrder);
    m_keepCurrent = new CurrentRowKeeper(m_listModel, m_list->selectionModel());
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_list->setWordWrap(false);
    listLayout->addWidget(m_list, 1);
    m_tabs->addTab(listTab, tr("&List"));

    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(300);
    connect(m_reloadTimer, &QTimer::timeout, this, &BookingsPage::reload);

    const auto schedule = [this] { m_reloadTimer->start(); };
    connect(m_search, &QLineEdit::textChanged, this, schedule);
    // A change of the list's own filters replaces a dashboard's filter.
    const auto listChanged = [this] {
        dropFigureFilter();
        m_reloadTimer->start();
    };
    connect(m_branch, &QComboBox::currentIndexChanged, this, listChanged);
    connect(m_timelineFrom, &QDateEdit::dateChanged, this, schedule);
    connect(m_listFrom, &QDateEdit::dateChanged, this, listChanged);
    connect(m_listTo, &QDateEdit::dateChanged, this, listChanged);
    connect(m_status, &QComboBox::currentIndexChanged, this, listChanged);
    connect(m_overdueOnly, &QCheckBox::toggled, this, listChanged);
    connect(earlier, &QToolButton::clicked, this,
            [this] { m_timelineFrom->setDate(m_timelineFrom->date().addDays(-28)); });
    connect(later, &QToolButton::clicked, this,
            [this] { m_timelineFrom->setDate(m_timelineFrom->date().addDays(28)); });
    connect(today, &QPushButton::clicked, this, [this] {
        m_timelineFrom->setDate(QDate::currentDate());
        m_timeline->scrollToDay(QDate::currentDate()); // when the From day was today already
    });
    connect(m_zoom, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_timeline->setZoom(BookingTimeline::Zoom(index)); });
    connect(m_timeline, &BookingTimeline::zoomChanged, this,
            [this](BookingTimeline::Zoom zoom) { m_zoom->setCurrentIndex(int(zoom)); });
    connect(m_timeline, &BookingTimeline::bookingActivated, this, &BookingsPage::openBooking);
    connect(m_timeline, &BookingTimeline::slotActivated, this, &BookingsPage::newBooking);
    connect(m_list, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const qint64 id = index.data(BookingListModel::IdRole).toLongLong())
            openBooking(id);
    });
    connect(m_listModel, &BookingListModel::countChanged, this, [this](qint64 count) {
        m_listCount->setText(count == 0 ? tr("No bookings in this period match.")
                                        : tr("%n booking(s)", nullptr, int(count)));
    });
    connect(m_listModel, &BookingListModel::settled, this, &BookingsPage::listSettled);
    connect(m_listModel, &BookingListModel::failed, this, [this](const Error &error) {
        m_listCount->setText(error.message);
        listSettled();
    });

    restoreState();
    // Dates, cars and amounts whole, the customer's name taking the room that is left: after the saved
    // header state, whose widths (a stretched Balance in older versions) no longer count.
    ContentColumns::apply(m_list, m_list->horizontalHeader(), BookingListModel::Customer);
}

BookingsPage::~BookingsPage()
{
    saveState();
}

void BookingsPage::restoreState()
{
    const int zoom = UserSettings::bookingsZoom.value();
    m_zoom->setCurrentIndex(zoom >= 0 && zoom < m_zoom->count() ? zoom : UserSettings::bookingsZoom.defaultValue());
    m_timeline->setZoom(BookingTimeline::Zoom(m_zoom->currentIndex()));
    m_tabs->setCurrentIndex(UserSettings::bookingsTab.value());
    m_list->horizontalHeader()->restoreState(UserSettings::bookingsListHeader.value());
}

void BookingsPage::saveState() const
{
    UserSettings::bookingsZoom.setValue(m_zoom->currentIndex());
    UserSettings::bookingsTab.setValue(m_tabs->currentIndex());
    UserSettings::bookingsListHeader.setValue(m_list->horizontalHeader()->saveState());
}

QString BookingsPage::title() const
{
    return tr("Bookings");
}

QString BookingsPage::summary() const
{
    return tr("Reservations and rentals, pick-up and return.");
}

QIcon BookingsPage::icon() const
{
    return style()->standardIcon(QStyle::SP_FileDialogDetailedView);
}

void BookingsPage::activated()
{
    m_active = true;
    whenFinished(m_database->submit([](Database &db) { return FleetService::vocabulary(db); }), this,
                 [this](const Result<FleetVocabulary> &vocabulary) {
                     if (!vocabulary)
                         return;
                     m_currency = vocabulary->currency;
                     m_listModel->setCurrency(m_currency);
                     const QString current = m_branch->currentData().toString();
                     QSignalBlocker blocker(m_branch);
                     while (m_branch->count() > 1)
                         m_branch->removeItem(1);
                     for (const Branch &branch : vocabulary->branches)
                         m_branch->addItem(QStringLiteral("%1 – %2").arg(branch.code, branch.name), branch.code);
                     m_branch->setCurrentIndex(std::max(0, m_branch->findData(current)));
                 });
    reload();
}

void BookingsPage::applyChanges(const QStringList &keys)
{
    if (!m_active)
        return;
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("booking:")) || key.startsWith(QLatin1String("car:"))) {
            m_reloadTimer->start();
            return;
        }
    }
}

bool BookingsPage::opens(SectionLink::Kind kind) const
{
    return kind == SectionLink::Kind::Booking || kind == SectionLink::Kind::NewBooking ||
           kind == SectionLink::Kind::Bookings;
}

void BookingsPage::open(const SectionLink &link)
{
    if (link.kind == SectionLink::Kind::Bookings)
        showFigureFilter(link.bookings, link.title);
    else if (link.kind == SectionLink::Kind::NewBooking)
        newBooking(link.id);
    else
        openBooking(link.id);
}

void BookingsPage::reload()
{
    if (!m_active)
        return;
    loadTimeline();
    loadList();
}

void BookingsPage::loadTimeline()
{
    CarFilter cars;
    cars.text = m_search->text().trimmed();
    if (const QString branch = m_branch->currentData().toString(); !branch.isEmpty())
        cars.locations = {branch};
    const QDateTime from(m_timelineFrom->date(), QTime(0, 0));
    const QDateTime to(m_timelineFrom->date().addDays(kTimelineDays), QTime(0, 0));
    ++m_pendingLoads;
    whenFinished(m_database->submit([cars, from, to](Database &db) {
        return BookingService::timeline(db, cars, from, to, kTimelineCars);
    }),
                 this, [this](const Result<Timeline> &timeline) {
                     --m_pendingLoads;
                     if (!timeline) {
                         m_timelineNote->setText(timeline.error().message);
                         emit statusMessage(timeline.error().message);
                         return;
                     }
                     // A new From day is the first column shown; a reload of the same period (another
                     // desk's change) keeps the view where the desk scrolled it.
                     const bool newPeriod = m_timeline->timeline().from != timeline->from;
                     m_timeline->setTimeline(*timeline);
                     if (newPeriod)
                         m_timeline->scrollToDay(m_timeline->timeline().from.toLocalTime().date());
                     m_timelineNote->setText(
                         timeline->truncated
                             ? tr("Showing the first %1 cars by stock number: search or choose a branch to see others.")
                                   .arg(timeline->cars.size())
                             : QString());
                     if (!isLoading())
                         emit loaded();
                 });
}

void BookingsPage::showFigureFilter(const BookingFilter &filter, const QString &title)
{
    m_figureFilter = filter;
    m_figureBar->showFilter(title);
    // The list's bar shows what it can of it: the days, one status, overdue only.
    const QDate from = filter.pickupFrom.isValid() ? filter.pickupFrom : filter.returnedFrom;
    const QDate to = filter.pickupTo.isValid() ? filter.pickupTo : filter.returnedTo;
    {
        const QSignalBlocker fromBlocker(m_listFrom);
        const QSignalBlocker toBlocker(m_listTo);
        const QSignalBlocker statusBlocker(m_status);
        const QSignalBlocker overdueBlocker(m_overdueOnly);
        const QSignalBlocker branchBlocker(m_branch);
        const QSignalBlocker searchBlocker(m_search);
        if (from.isValid())
            m_listFrom->setDate(from);
        if (to.isValid())
            m_listTo->setDate(to);
        m_status->setCurrentIndex(filter.statuses.size() == 1 ? std::max(0, m_status->findData(filter.statuses.first()))
                                                              : 0);
        m_overdueOnly->setChecked(filter.overdueOnly);
        m_branch->setCurrentIndex(0); // the branch of the pick-up; the figure's is the car's
        m_search->setText(filter.text);
    }
    m_tabs->setCurrentIndex(m_tabs->count() - 1); // the list
    m_reloadTimer->stop();
    reload();
}

void BookingsPage::dropFigureFilter()
{
    m_figureFilter.reset();
    m_figureBar->clear();
}

void BookingsPage::clearFigureFilter()
{
    dropFigureFilter();
    m_reloadTimer->stop();
    reload();
}

BookingFilter BookingsPage::listFilter() const
{
    if (m_figureFilter) {
        BookingFilter filter = *m_figureFilter;
        filter.text = m_search->text().trimmed();
        return filter;
    }
    BookingFilter filter;
    filter.from = QDateTime(m_listFrom->date(), QTime(0, 0));
    filter.to = QDateTime(m_listTo->date().addDays(1), QTime(0, 0));
    filter.text = m_search->text().trimmed();
    filter.location = m_branch->currentData().toString();
    if (const QString status = m_status->currentData().toString(); !status.isEmpty())
        filter.statuses = {status};
    filter.overdueOnly = m_overdueOnly->isChecked();
    return filter;
}

// Every booking that passes the filter, a page at a time: a new filter reads the list from its start, the
// same one (another desk's change) reads the rows in view again where they are.
void BookingsPage::loadList()
{
    const BookingFilter filter = listFilter();
    if (filter.from.isValid() && filter.to <= filter.from) {
        m_listCount->setText(tr("The end of the period is before its start."));
        return;
    }
    BookingQuery query = m_listModel->query();
    query.filter = filter;
    m_listLoading = true;
    m_keepCurrent->remember();
    m_listModel->show(query);
}

void BookingsPage::listSettled()
{
    if (!m_listLoading)
        return;
    m_listLoading = false;
    if (!isLoading())
        emit loaded();
}

void BookingsPage::openBooking(qint64 id)
{
    auto *dialog = new BookingDialog(m_database, m_currency, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BookingDialog::changed, this, [this] { m_reloadTimer->start(); });
    connect(dialog, &BookingDialog::statusMessage, this, &BookingsPage::statusMessage);
    dialog->showBooking(id);
    dialog->open();
}

void BookingsPage::newBooking(qint64 carId, const QDateTime &pickup)
{
    auto *dialog = new BookingDialog(m_database, m_currency, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BookingDialog::changed, this, [this] { m_reloadTimer->start(); });
    connect(dialog, &BookingDialog::statusMessage, this, &BookingsPage::statusMessage);
    dialog->startBooking(carId, pickup.isValid() ? pickup : QDateTime(QDate::currentDate().addDays(1), QTime(10, 0)));
    dialog->open();
}

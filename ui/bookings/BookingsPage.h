#pragma once

#include "services/BookingService.h"

#include "ui/shell/Section.h"

#include <optional>

class BookingListModel;
class BookingTimeline;
class CurrentRowKeeper;
class DatabaseThread;
class FigureFilterBar;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;
class QTimer;

// The Bookings section: the availability timeline (cars × days) and the list of bookings with its
// filters. A click on an empty slot of the timeline, or New booking, starts a booking; a bar or a row
// opens one. Other desks' bookings appear as they are made.
class BookingsPage : public Section
{
    Q_OBJECT

public:
    explicit BookingsPage(const SectionContext &context, QWidget *parent = nullptr);
    ~BookingsPage() override;

    QString title() const override;
    QString summary() const override;
    QIcon icon() const override;
    // Other desks changed these keys: reloads when a booking (or a car) changed.
    void applyChanges(const QStringList &keys) override;
    // A booking (opened), or a new booking of a car.
    bool opens(SectionLink::Kind kind) const override;
    void open(const SectionLink &link) override;
    // Shows exactly the bookings of a dashboard's figure in the list, named `title` above it, until cleared
    // or until one of the list's own filters changes.
    void showFigureFilter(const BookingFilter &filter, const QString &title);
    void clearFigureFilter();
    FigureFilterBar *figureFilterBar() const { return m_figureBar; }
    void openBooking(qint64 id);
    void newBooking(qint64 carId = 0, const QDateTime &pickup = {});

    BookingTimeline *timeline() const { return m_timeline; }
    BookingListModel *listModel() const { return m_listModel; }
    QTableView *listView() const { return m_list; }
    QTabWidget *tabs() const { return m_tabs; }
    // True while a load is on its way.
    bool isLoading() const { return m_pendingLoads > 0 || m_listLoading; }

signals:
    void loaded();

protected:
    // Loads the timeline and the list.
    void activated() override;

private:
    void reload();
    void loadTimeline();
    void loadList();
    void listSettled();
    BookingFilter listFilter() const;
    void dropFigureFilter();
    void restoreState();
    void saveState() const;

    DatabaseThread *m_database = nullptr;
    bool m_active = false;
    int m_pendingLoads = 0;                     // timeline loads
    bool m_listLoading = false;                 // until the list's count and the rows asked for are in
    QString m_currency = QStringLiteral("EUR"); // the database's, once read (FleetVocabulary::currency)
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_branch = nullptr;
    QComboBox *m_zoom = nullptr;
    QDateEdit *m_timelineFrom = nullptr;
    BookingTimeline *m_timeline = nullptr;
    QLabel *m_timelineNote = nullptr;
    QDateEdit *m_listFrom = nullptr;
    QDateEdit *m_listTo = nullptr;
    QComboBox *m_status = nullptr;
    QCheckBox *m_overdueOnly = nullptr;
    QLabel *m_listCount = nullptr;
    QTableView *m_list = nullptr;
    BookingListModel *m_listModel = nullptr;
    CurrentRowKeeper *m_keepCurrent = nullptr;
    QTimer *m_reloadTimer = nullptr; // gathers a burst of changes into one reload
    FigureFilterBar *m_figureBar = nullptr;
    std::optional<BookingFilter> m_figureFilter; // a dashboard's figure's bookings, while shown
};

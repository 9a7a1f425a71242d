#pragma once

#include "services/BookingService.h"

#include <QAbstractScrollArea>
#include <QDate>
#include <QTimeZone>

// The availability timeline: cars as rows, days as columns, bookings as bars coloured by status (the
// turnaround after each return paler). Zooms from a day to a quarter on screen. Clicking an empty slot
// offers a booking of that car from that time; clicking a bar opens the booking. The arrow keys move a
// cursor cell, Enter acts on it. Paints only the rows and days in view, so a thousand cars over a quarter
// scroll smoothly. Times are laid out in the desk's time zone: a day is a column even when the clocks
// change and it has 23 or 25 hours.
class BookingTimeline : public QAbstractScrollArea
{
    Q_OBJECT

public:
    enum class Zoom { Day, Week, Month, Quarter };
    Q_ENUM(Zoom)

    explicit BookingTimeline(QWidget *parent = nullptr);

    void setTimeline(const Timeline &timeline);
    const Timeline &timeline() const { return m_timeline; }
    void setZoom(Zoom zoom);
    Zoom zoom() const { return m_zoom; }
    void setTimeZone(const QTimeZone &zone);
    // Scrolls so that `day` is the first day in view.
    void scrollToDay(QDate day);

    // Layout, for tests and the benchmark: the x of a time and the rectangle of a car's row in the
    // viewport's coordinates.
    double xOf(const QDateTime &time) const;
    QRect rowRect(int carIndex) const;
    // The rectangle of timeline().bars.at(index); empty for an index out of range.
    QRect barRect(int index) const;
    // The top line of the header as it is drawn: a label per month in view (per day close up), each in
    // its own rectangle within the month's columns, the longest of the month's names that fits
    // ("September 2026", "Sep 2026", "Sep", "S"; none when not even that fits), so labels never overlap.
    struct HeaderLabel
    {
        QRect rect;
        QString text;
    };
    QList<HeaderLabel> headerLabels() const;

    static constexpr int RowHeight = 26;
    static constexpr int HeaderHeight = 40;
    static constexpr int LabelWidth = 220;

signals:
    void bookingActivated(qint64 bookingId);
    // An empty slot: a booking of the car from `at` (the hour clicked, or 10:00 of the day when zoomed out).
    void slotActivated(qint64 carId, const QDateTime &at);
    void zoomChanged(BookingTimeline::Zoom zoom);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    double pixelsPerDay() const;
    int dayCount() const;
    QDate firstDay() const;
    int rowAt(int y) const;
    QDateTime timeAt(int x) const;
    const Timeline::Bar *barAt(const QPoint &position) const;
    void activateAt(const QPoint &position);
    void updateScrollBars();
    void ensureCursorVisible();
    QString describe(const Timeline::Bar &bar) const;
    void paintHeader(QPainter &painter, int firstVisibleDay, int lastVisibleDay) const;
    // The first and last day (columns from the first day) at least partly in view.
    std::pair<int, int> visibleDays() const;

    // A bar's times in days since the start of the first day, worked out once per timeline so painting is
    // arithmetic.
    struct BarDays
    {
        double start = 0;
        double end = 0;
        double blockedUntil = 0;
    };
    double daysOf(const QDateTime &time) const;
    void computeDayStarts();

    Timeline m_timeline;
    QList<qint64> m_dayStarts;     // the UTC ms of each local midnight of the period, and the one after it
    QList<BarDays> m_barDays;      // by bar
    QList<QList<int>> m_barsByCar; // indexes into m_timeline.bars, by car, by pick-up time
    Zoom m_zoom = Zoom::Month;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    int m_cursorRow = 0;
    int m_cursorDay = 0;
};

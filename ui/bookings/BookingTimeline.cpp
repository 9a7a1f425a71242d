#include "BookingTimeline.h"

#include "domain/CarVocabulary.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {

QColor statusColour(const Timeline::Bar &bar)
{
    if (bar.overdue)
        return QColor(0xc6, 0x28, 0x28); // red: the car should be back
    if (bar.status == QLatin1String("active"))
        return QColor(0x2e, 0x7d, 0x32); // green: out on rent
    if (bar.status == QLatin1String("reserved"))
        return QColor(0x15, 0x65, 0xc0); // blue: booked
    return QColor(0x9e, 0x9e, 0x9e);     // grey: completed
}

} // namespace

BookingTimeline::BookingTimeline(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("bookingTimeline"));
    setAccessibleName(tr("Availability timeline"));
    setAccessibleDescription(tr("Cars as rows and days as columns. Arrow keys move, Enter opens the booking or "
                                "starts one, plus and minus zoom."));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setViewportMargins(0, 0, 0, 0);
}

void BookingTimeline::setTimeline(const Timeline &timeline)
{
    m_timeline = timeline;
    computeDayStarts();
    m_barDays.clear();
    m_barDays.reserve(m_timeline.bars.size());
    m_barsByCar = QList<QList<int>>(m_timeline.cars.size());
    for (int i = 0; i < m_timeline.bars.size(); ++i) {
        const Timeline::Bar &bar = m_timeline.bars.at(i);
        // An overdue rental holds the car until it is back: its bar runs on to now.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const qint64 late = bar.overdue ? std::max<qint64>(0, bar.returned.msecsTo(now)) : 0;
        m_barDays << BarDays{daysOf(bar.pickup), daysOf(bar.returned.addMSecs(late)),
                             daysOf(bar.blockedUntil.addMSecs(late))};
        if (bar.carIndex >= 0 && bar.carIndex < m_barsByCar.size())
            m_barsByCar[bar.carIndex] << i;
    }
    m_cursorRow = std::clamp(m_cursorRow, 0, std::max(0, int(m_timeline.cars.size()) - 1));
    m_cursorDay = std::clamp(m_cursorDay, 0, std::max(0, dayCount() - 1));
    updateScrollBars();
    viewport()->update();
}

void BookingTimeline::setZoom(Zoom zoom)
{
    if (zoom == m_zoom)
        return;
    // Keep the day at the left edge in place.
    const double leftDay = horizontalScrollBar()->value() / pixelsPerDay();
    m_zoom = zoom;
    updateScrollBars();
    horizontalScrollBar()->setValue(int(std::lround(leftDay * pixelsPerDay())));
    viewport()->update();
    emit zoomChanged(zoom);
}

void BookingTimeline::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    setTimeline(m_timeline);
}

void BookingTimeline::scrollToDay(QDate day)
{
    horizontalScrollBar()->setValue(int(std::lround(firstDay().daysTo(day) * pixelsPerDay())));
}

QDate BookingTimeline::firstDay() const
{
    return m_timeline.from.isValid() ? m_timeline.from.toTimeZone(m_zone).date() : QDate::currentDate();
}

int BookingTimeline::dayCount() const
{
    return std::max(0, int(m_dayStarts.size()) - 1);
}

void BookingTimeline::computeDayStarts()
{
    m_dayStarts.clear();
    if (!m_timeline.from.isValid() || !m_timeline.to.isValid())
        return;
    const QDate first = firstDay();
    const qint64 end = m_timeline.to.toMSecsSinceEpoch();
    for (QDate day = first;; day = day.addDays(1)) {
        // Where the clocks change at midnight, the day starts at the first hour that exists.
        QDateTime midnight(day, QTime(0, 0), m_zone);
        if (!midnight.isValid())
            midnight = QDateTime(day, QTime(1, 0), m_zone);
        const qint64 start = midnight.toMSecsSinceEpoch();
        m_dayStarts << start;
        if (start >= end)
            break;
    }
}

// Whole days from local midnights, and the part of the day by its real length (23 or 25 hours when the
// clocks change), from a table of midnights: painting and hit-testing never convert time zones.
double BookingTimeline::daysOf(const QDateTime &time) const
{
    if (m_dayStarts.size() < 2)
        return 0;
    const qint64 ms = time.toMSecsSinceEpoch();
    constexpr double kDayMs = 86'400'000.0;
    if (ms < m_dayStarts.first())
        return (ms - m_dayStarts.first()) / kDayMs;
    if (ms >= m_dayStarts.last())
        return dayCount() + (ms - m_dayStarts.last()) / kDayMs;
    const auto next = std::upper_bound(m_dayStarts.cbegin(), m_dayStarts.cend(), ms);
    const qint64 start = *(next - 1);
    return double(next - 1 - m_dayStarts.cbegin()) + double(ms - start) / double(*next - start);
}

double BookingTimeline::pixelsPerDay() const
{
    const int width = std::max(200, viewport()->width() - LabelWidth);
    switch (m_zoom) {
    case Zoom::Day:
        return width;
    case Zoom::Week:
        return width / 7.0;
    case Zoom::Month:
        return width / 30.0;
    case Zoom::Quarter:
        return std::max(4.0, width / 91.0);
    }
    return width / 30.0;
}

double BookingTimeline::xOf(const QDateTime &time) const
{
    return LabelWidth + daysOf(time) * pixelsPerDay() - horizontalScrollBar()->value();
}

QRect BookingTimeline::rowRect(int carIndex) const
{
    return QRect(0, HeaderHeight + carIndex * RowHeight - verticalScrollBar()->value(), viewport()->width(), RowHeight);
}

QRect BookingTimeline::barRect(int index) const
{
    if (index < 0 || index >= m_barDays.size())
        return {};
    const Timeline::Bar &bar = m_timeline.bars.at(index);
    const BarDays &days = m_barDays.at(index);
    const double ppd = pixelsPerDay();
    const double offset = LabelWidth - horizontalScrollBar()->value();
    const QRect row = rowRect(bar.carIndex);
    const int left = int(std::floor(offset + days.start * ppd));
    const int right = int(std::ceil(offset + days.end * ppd));
    return QRect(left, row.top() + 4, std::max(2, right - left), RowHeight - 8);
}

int BookingTimeline::rowAt(int y) const
{
    if (y < HeaderHeight)
        return -1;
    const int row = (y - HeaderHeight + verticalScrollBar()->value()) / RowHeight;
    return row < m_timeline.cars.size() ? row : -1;
}

QDateTime BookingTimeline::timeAt(int x) const
{
    const double days = (x - LabelWidth + horizontalScrollBar()->value()) / pixelsPerDay();
    const QDate day = firstDay().addDays(qint64(std::floor(days)));
    if (m_zoom != Zoom::Day && m_zoom != Zoom::Week)
        return QDateTime(day, QTime(10, 0), m_zone);
    const int hour = std::clamp(int((days - std::floor(days)) * 24), 0, 23);
    const QDateTime at(day, QTime(hour, 0), m_zone);
    return at.isValid() ? at : QDateTime(day, QTime(std::min(hour + 1, 23), 0), m_zone); // in the spring-forward gap
}

const Timeline::Bar *BookingTimeline::barAt(const QPoint &position) const
{
    const int row = rowAt(position.y());
    if (row < 0 || position.x() < LabelWidth)
        return nullptr;
    for (const int index : m_barsByCar.at(row)) {
        if (barRect(index).contains(position))
            return &m_timeline.bars.at(index);
    }
    return nullptr;
}

QString BookingTimeline::describe(const Timeline::Bar &bar) const
{
    const QLocale locale;
    const QString format = QStringLiteral("ddd d MMM HH:mm");
    const QString status = bar.overdue ? tr("Overdue") : BookingService::statusLabel(bar.status);
    return tr("Booking #%1 (%2)\n%3\n%4 to %5")
        .arg(bar.bookingId)
        .arg(status, bar.customer, locale.toString(bar.pickup.toTimeZone(m_zone), format),
             locale.toString(bar.returned.toTimeZone(m_zone), format));
}

void BookingTimeline::updateScrollBars()
{
    const int width = viewport()->width() - LabelWidth;
    const int height = viewport()->height() - HeaderHeight;
    horizontalScrollBar()->setRange(0, std::max(0, int(std::ceil(dayCount() * pixelsPerDay())) - width));
    horizontalScrollBar()->setPageStep(std::max(1, width));
    horizontalScrollBar()->setSingleStep(std::max(1, int(pixelsPerDay() / 4)));
    verticalScrollBar()->setRange(0, std::max(0, int(m_timeline.cars.size()) * RowHeight - height));
    verticalScrollBar()->setPageStep(std::max(1, height));
    verticalScrollBar()->setSingleStep(RowHeight);
}

void BookingTimeline::resizeEvent(QResizeEvent *event)
{
    const double leftDay = horizontalScrollBar()->value() / pixelsPerDay();
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    horizontalScrollBar()->setValue(int(std::lround(leftDay * pixelsPerDay())));
}

void BookingTimeline::scrollContentsBy(int, int)
{
    viewport()->update();
}

void BookingTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QPalette palette = this->palette();
    const QRect area = viewport()->rect();
    painter.fillRect(area, palette.base());

    if (m_timeline.cars.isEmpty()) {
        painter.setPen(palette.color(QPalette::PlaceholderText));
        painter.drawText(area.adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap,
                         m_timeline.from.isValid()
                             ? tr("No cars to show. Change the search or the branch, or add cars in Fleet.")
                             : tr("Loading the timeline…"));
        return;
    }

    const double ppd = pixelsPerDay();
    const int scrollX = horizontalScrollBar()->value();
    const auto [firstVisibleDay, lastVisibleDay] = visibleDays();
    const int firstRow = std::max(0, verticalScrollBar()->value() / RowHeight);
    const int lastRow =
        std::min(int(m_timeline.cars.size()) - 1, (verticalScrollBar()->value() + area.height()) / RowHeight);
    const auto dayX = [&](double day) { return LabelWidth + day * ppd - scrollX; };
    const QDate first = firstDay();

    painter.save();
    painter.setClipRect(QRect(LabelWidth, HeaderHeight, area.width() - LabelWidth, area.height() - HeaderHeight));
    // Weekends shaded, a line between days (and hours, close up).
    const QColor weekend = palette.color(QPalette::AlternateBase).darker(104);
    for (int day = firstVisibleDay; day <= lastVisibleDay; ++day) {
        const int x = int(dayX(day));
        if (first.addDays(day).dayOfWeek() >= 6)
            painter.fillRect(QRect(x, HeaderHeight, int(std::ceil(ppd)), area.height()), weekend);
        if (ppd >= 6) {
            painter.setPen(palette.color(QPalette::Mid).lighter(130));
            painter.drawLine(x, HeaderHeight, x, area.height());
        }
        if (ppd >= 24 * 12) {
            painter.setPen(palette.color(QPalette::Midlight));
            for (int hour = 1; hour < 24; ++hour) {
                const int hx = int(dayX(day + hour / 24.0));
                painter.drawLine(hx, HeaderHeight, hx, area.height());
            }
        }
    }
    // Rows: a line under each; the cursor cell.
    painter.setPen(palette.color(QPalette::Midlight));
    for (int row = firstRow; row <= lastRow; ++row) {
        const QRect rect = rowRect(row);
        painter.drawLine(LabelWidth, rect.bottom(), area.width(), rect.bottom());
    }
    if (hasFocus() && m_cursorRow >= firstRow && m_cursorRow <= lastRow) {
        const QRect rect = rowRect(m_cursorRow);
        painter.fillRect(QRect(int(dayX(m_cursorDay)), rect.top(), int(std::ceil(ppd)), RowHeight),
                         palette.color(QPalette::Highlight).lighter(170));
    }
    // Bars: the rental, then the turnaround in a paler shade after it.
    const QFontMetrics metrics(font());
    for (int row = firstRow; row <= lastRow; ++row) {
        for (const int index : m_barsByCar.at(row)) {
            const Timeline::Bar &bar = m_timeline.bars.at(index);
            const BarDays &days = m_barDays.at(index);
            if (dayX(days.blockedUntil) < LabelWidth || dayX(days.start) > area.width())
                continue;
            const QRect rect = barRect(index);
            const QColor colour = statusColour(bar);
            const int bufferEnd = int(std::ceil(dayX(days.blockedUntil)));
            if (bufferEnd > rect.right() + 1)
                painter.fillRect(QRect(rect.right() + 1, rect.top(), bufferEnd - rect.right() - 1, rect.height()),
                                 colour.lighter(175));
            painter.fillRect(rect, colour);
            if (rect.width() > 40) {
                painter.setPen(Qt::white);
                const QRect text = rect.adjusted(4, 0, -4, 0)
                                       .intersected(QRect(LabelWidth + 4, rect.top(), area.width(), rect.height()));
                painter.drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                                 metrics.elidedText(bar.customer, Qt::ElideRight, text.width()));
            }
        }
    }
    // Now.
    const double now = daysOf(QDateTime::currentDateTimeUtc());
    if (now >= 0 && now <= dayCount()) {
        painter.setPen(QPen(QColor(0xd3, 0x2f, 0x2f), 2));
        painter.drawLine(int(dayX(now)), HeaderHeight, int(dayX(now)), area.height());
    }
    painter.restore();

    // The car labels stay at the left while the days scroll.
    painter.fillRect(QRect(0, HeaderHeight, LabelWidth, area.height()), palette.window());
    for (int row = firstRow; row <= lastRow; ++row) {
        const Timeline::Car &car = m_timeline.cars.at(row);
        const QRect rect = rowRect(row).intersected(QRect(0, HeaderHeight, LabelWidth, area.height()));
        if (rect.isEmpty())
            continue;
        painter.setPen(row == m_cursorRow && hasFocus() ? palette.color(QPalette::Highlight)
                                                        : palette.color(QPalette::WindowText));
        const QString label = QStringLiteral("#%1  %2").arg(car.stockNumber, car.name);
        painter.drawText(rect.adjusted(8, 0, -6, 0), Qt::AlignVCenter | Qt::AlignLeft,
                         metrics.elidedText(label, Qt::ElideRight, LabelWidth - 14));
        painter.setPen(palette.color(QPalette::Midlight));
        painter.drawLine(0, rowRect(row).bottom(), LabelWidth, rowRect(row).bottom());
    }
    painter.setPen(palette.color(QPalette::Mid));
    painter.drawLine(LabelWidth - 1, 0, LabelWidth - 1, area.height());

    paintHeader(painter, firstVisibleDay, lastVisibleDay);
}

std::pair<int, int> BookingTimeline::visibleDays() const
{
    const double ppd = pixelsPerDay();
    const int scrollX = horizontalScrollBar()->value();
    return {std::max(0, int(std::floor(scrollX / ppd))),
            std::min(dayCount() - 1, int(std::ceil((scrollX + viewport()->width() - LabelWidth) / ppd)))};
}

QList<BookingTimeline::HeaderLabel> BookingTimeline::headerLabels() const
{
    QList<HeaderLabel> labels;
    const auto [firstVisibleDay, lastVisibleDay] = visibleDays();
    if (firstVisibleDay > lastVisibleDay)
        return labels;
    const QLocale locale;
    const QFontMetrics metrics(font());
    const double ppd = pixelsPerDay();
    const int scrollX = horizontalScrollBar()->value();
    const QDate first = firstDay();
    const bool closeUp = ppd >= 120; // a label per day
    const auto dayX = [&](int day) { return LabelWidth + day * ppd - scrollX; };
    // One span per month (or day) in view, from its first column in view to the end of its last.
    for (int day = firstVisibleDay; day <= lastVisibleDay;) {
        const QDate date = first.addDays(day);
        int last = day;
        if (!closeUp)
            last = std::min(lastVisibleDay, day + date.daysInMonth() - date.day());
        const int left = int(std::max<double>(LabelWidth, dayX(day))) + 4;
        const int right = int(std::min<double>(viewport()->width(), dayX(last + 1))) - 4;
        const QStringList names = closeUp ? QStringList{locale.toString(date, QStringLiteral("dddd d MMMM yyyy")),
                                                        locale.toString(date, QStringLiteral("ddd d MMM yyyy")),
                                                        locale.toString(date, QStringLiteral("ddd d MMM")),
                                                        locale.toString(date, QStringLiteral("d MMM"))}
                                          : QStringList{locale.toString(date, QStringLiteral("MMMM yyyy")),
                                                        locale.toString(date, QStringLiteral("MMM yyyy")),
                                                        locale.monthName(date.month(), QLocale::ShortFormat),
                                                        locale.monthName(date.month(), QLocale::NarrowFormat)};
        for (const QString &name : names) {
            if (metrics.horizontalAdvance(name) <= right - left) {
                labels << HeaderLabel{QRect(left, 0, right - left, HeaderHeight / 2), name};
                break;
            }
        }
        day = last + 1;
    }
    return labels;
}

void BookingTimeline::paintHeader(QPainter &painter, int firstVisibleDay, int lastVisibleDay) const
{
    const QPalette palette = this->palette();
    const QRect area = viewport()->rect();
    painter.fillRect(QRect(0, 0, area.width(), HeaderHeight), palette.window());
    painter.setPen(palette.color(QPalette::Mid));
    painter.drawLine(0, HeaderHeight - 1, area.width(), HeaderHeight - 1);
    painter.setPen(palette.color(QPalette::WindowText));
    painter.drawText(QRect(8, 0, LabelWidth - 14, HeaderHeight), Qt::AlignVCenter | Qt::AlignLeft,
                     tr("%n car(s)", nullptr, int(m_timeline.cars.size())));

    painter.save();
    painter.setClipRect(QRect(LabelWidth, 0, area.width() - LabelWidth, HeaderHeight));
    const QLocale locale;
    const double ppd = pixelsPerDay();
    const int scrollX = horizontalScrollBar()->value();
    const QDate first = firstDay();
    const int half = HeaderHeight / 2;
    // Top line: months, or the dates close up.
    for (const HeaderLabel &label : headerLabels())
        painter.drawText(label.rect, Qt::AlignVCenter | Qt::AlignLeft, label.text);
    for (int day = firstVisibleDay; day <= lastVisibleDay; ++day) {
        const QDate date = first.addDays(day);
        const int x = int(LabelWidth + day * ppd - scrollX);
        // Bottom line: day numbers (weekday names when there is room), or hours on the one-day scale.
        QString bottom;
        if (ppd >= 24 * 12) {
            for (int hour = 0; hour < 24; hour += 2)
                painter.drawText(QRect(int(x + hour * ppd / 24) + 2, half, int(ppd / 12), half),
                                 Qt::AlignVCenter | Qt::AlignLeft, QStringLiteral("%1:00").arg(hour));
            continue;
        }
        if (ppd >= 60)
            bottom = locale.toString(date, QStringLiteral("ddd d"));
        else if (ppd >= 16 || date.dayOfWeek() == 1)
            bottom = QString::number(date.day());
        if (!bottom.isEmpty())
            painter.drawText(QRect(x + 2, half, std::max(int(ppd), 24), half), Qt::AlignVCenter | Qt::AlignLeft,
                             bottom);
    }
    painter.restore();
}

void BookingTimeline::activateAt(const QPoint &position)
{
    if (const Timeline::Bar *bar = barAt(position)) {
        emit bookingActivated(bar->bookingId);
        return;
    }
    const int row = rowAt(position.y());
    if (row >= 0 && position.x() >= LabelWidth)
        emit slotActivated(m_timeline.cars.at(row).id, timeAt(position.x()));
}

void BookingTimeline::mousePressEvent(QMouseEvent *event)
{
    const QPoint position = event->position().toPoint();
    const int row = rowAt(position.y());
    if (row >= 0 && position.x() >= LabelWidth) {
        m_cursorRow = row;
        m_cursorDay =
            std::clamp(int(std::floor((position.x() - LabelWidth + horizontalScrollBar()->value()) / pixelsPerDay())),
                       0, std::max(0, dayCount() - 1));
        viewport()->update();
    }
    if (event->button() == Qt::LeftButton)
        activateAt(position);
    QAbstractScrollArea::mousePressEvent(event);
}

void BookingTimeline::mouseDoubleClickEvent(QMouseEvent *event)
{
    event->accept(); // the first click acted already
}

void BookingTimeline::ensureCursorVisible()
{
    const QRect row = rowRect(m_cursorRow);
    if (row.top() < HeaderHeight)
        verticalScrollBar()->setValue(m_cursorRow * RowHeight);
    else if (row.bottom() > viewport()->height())
        verticalScrollBar()->setValue((m_cursorRow + 1) * RowHeight - (viewport()->height() - HeaderHeight));
    const double left = m_cursorDay * pixelsPerDay();
    const int width = viewport()->width() - LabelWidth;
    if (left < horizontalScrollBar()->value())
        horizontalScrollBar()->setValue(int(left));
    else if (left + pixelsPerDay() > horizontalScrollBar()->value() + width)
        horizontalScrollBar()->setValue(int(left + pixelsPerDay()) - width);
    viewport()->update();
}

void BookingTimeline::keyPressEvent(QKeyEvent *event)
{
    const int rows = int(m_timeline.cars.size());
    const int pageRows = std::max(1, (viewport()->height() - HeaderHeight) / RowHeight - 1);
    switch (event->key()) {
    case Qt::Key_Up:
        m_cursorRow = std::max(0, m_cursorRow - 1);
        break;
    case Qt::Key_Down:
        m_cursorRow = std::min(rows - 1, m_cursorRow + 1);
        break;
    case Qt::Key_PageUp:
        m_cursorRow = std::max(0, m_cursorRow - pageRows);
        break;
    case Qt::Key_PageDown:
        m_cursorRow = std::min(rows - 1, m_cursorRow + pageRows);
        break;
    case Qt::Key_Left:
        m_cursorDay = std::max(0, m_cursorDay - 1);
        break;
    case Qt::Key_Right:
        m_cursorDay = std::min(dayCount() - 1, m_cursorDay + 1);
        break;
    case Qt::Key_Home:
        m_cursorDay =
            std::clamp(int(std::floor(daysOf(QDateTime::currentDateTimeUtc()))), 0, std::max(0, dayCount() - 1));
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        setZoom(Zoom(std::max(0, int(m_zoom) - 1)));
        ensureCursorVisible();
        return;
    case Qt::Key_Minus:
        setZoom(Zoom(std::min(int(Zoom::Quarter), int(m_zoom) + 1)));
        ensureCursorVisible();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        if (rows == 0)
            return;
        // The booking in the cursor cell, else a new one from that day.
        const double dayStart = m_cursorDay;
        for (const int index : m_barsByCar.at(m_cursorRow)) {
            const BarDays &days = m_barDays.at(index);
            if (days.start < dayStart + 1 && days.end > dayStart) {
                emit bookingActivated(m_timeline.bars.at(index).bookingId);
                return;
            }
        }
        emit slotActivated(m_timeline.cars.at(m_cursorRow).id,
                           QDateTime(firstDay().addDays(m_cursorDay), QTime(10, 0), m_zone));
        return;
    }
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    m_cursorRow = std::max(0, m_cursorRow);
    m_cursorDay = std::max(0, m_cursorDay);
    ensureCursorVisible();
}

void BookingTimeline::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int step = event->angleDelta().y() > 0 ? -1 : 1;
        setZoom(Zoom(std::clamp(int(m_zoom) + step, 0, int(Zoom::Quarter))));
        event->accept();
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - event->angleDelta().y());
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

bool BookingTimeline::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const Timeline::Bar *bar = barAt(help->pos())) {
            QToolTip::showText(help->globalPos(), describe(*bar), viewport());
        } else if (const int row = rowAt(help->pos().y()); row >= 0 && help->pos().x() < LabelWidth) {
            const Timeline::Car &car = m_timeline.cars.at(row);
            const QString status = CarVocabulary::label(CarVocabulary::Kind::Status, car.status);
            QToolTip::showText(help->globalPos(),
                               car.location.isEmpty() // no dangling separator for a car without a branch
                                   ? tr("#%1 %2 (%3)").arg(car.stockNumber, car.name, status)
                                   : tr("#%1 %2 (%3, %4)").arg(car.stockNumber, car.name, status, car.location),
                               viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

#include "ChoiceButton.h"

#include <QMenu>

namespace {

// Keeps the menu open when an entry is ticked, so several can be chosen in one go.
class StickyMenu : public QMenu
{
public:
    using QMenu::QMenu;

protected:
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        if (QAction *action = activeAction(); action && action->isCheckable()) {
            action->trigger();
            return;
        }
        QMenu::mouseReleaseEvent(event);
    }
};

} // namespace

ChoiceButton::ChoiceButton(const QString &title, QWidget *parent)
    : QToolButton(parent)
    , m_title(title)
    , m_menu(new StickyMenu(this))
{
    setMenu(m_menu);
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setAccessibleName(title);
    updateText();
}

void ChoiceButton::setChoices(const QStringList &values, const QStringList &labels)
{
    const QStringList previous = chosen();
    m_menu->clear();
    QAction *clear = m_menu->addAction(tr("Any"));
    connect(clear, &QAction::triggered, this, [this] {
        setChosen({});
        emit changed();
    });
    m_menu->addSeparator();
    for (qsizetype i = 0; i < values.size(); ++i) {
        QAction *action = m_menu->addAction(labels.value(i, values.at(i)));
        action->setData(values.at(i));
        action->setCheckable(true);
        action->setChecked(previous.contains(values.at(i)));
        connect(action, &QAction::toggled, this, [this] {
            updateText();
            emit changed();
        });
    }
    m_unlisted.clear();
    for (const QString &value : previous)
        if (!values.contains(value))
            m_unlisted << value;
    setEnabled(!values.isEmpty());
    updateText();
}

QStringList ChoiceButton::chosen() const
{
    QStringList values;
    for (const QAction *action : m_menu->actions()) {
        if (action->isCheckable() && action->isChecked())
            values << action->data().toString();
    }
    return values + m_unlisted;
}

void ChoiceButton::setChosen(const QStringList &values)
{
    m_unlisted = values;
    for (QAction *action : m_menu->actions()) {
        if (!action->isCheckable())
            continue;
        const QSignalBlocker blocker(action);
        action->setChecked(values.contains(action->data().toString()));
        m_unlisted.removeAll(action->data().toString());
    }
    updateText();
}

void ChoiceButton::updateText()
{
    QStringList labels;
    for (const QAction *action : m_menu->actions()) {
        if (action->isCheckable() && action->isChecked())
            labels << action->text();
    }
    labels << m_unlisted;
    QString summary;
    if (labels.isEmpty())
        summary = tr("Any");
    else if (labels.size() <= 2)
        summary = labels.join(QStringLiteral(", "));
    else
        summary = tr("%n chosen", nullptr, int(labels.size()));
    setText(tr("%1: %2").arg(m_title, summary));
    setAccessibleDescription(text());
    QFont bold = font();
    bold.setBold(!labels.isEmpty());
    setFont(bold);
}

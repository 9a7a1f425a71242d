#include "CustomerEditorDialog.h"

#include "Async.h"
#include "UserSettings.h"
#include "db/DatabaseThread.h"
#include "services/CustomerService.h"
#include "ui/common/IssueStyle.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QShortcut>
#include <QStyle>
#include <QVBoxLayout>

#include <utility>

namespace {

QString textOf(const QWidget *input)
{
    if (const auto *edit = qobject_cast<const QLineEdit *>(input))
        return edit->text();
    if (const auto *plain = qobject_cast<const QPlainTextEdit *>(input))
        return plain->toPlainText();
    return {};
}

void setTextOf(QWidget *input, const QString &text)
{
    if (auto *edit = qobject_cast<QLineEdit *>(input))
        edit->setText(text);
    else if (auto *plain = qobject_cast<QPlainTextEdit *>(input))
        plain->setPlainText(text);
}

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace

CustomerEditorDialog::CustomerEditorDialog(DatabaseThread *database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
{
    setObjectName(QStringLiteral("customerEditorDialog"));
    setWindowTitle(tr("New customer"));
    buildForm();
    fill(CustomerInput());
    m_baseline = input();
    resize(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 100),
           sizeHint().height() + 4 * fontMetrics().lineSpacing());
    restoreGeometry(UserSettings::customerEditorGeometry.value());
}

CustomerEditorDialog::CustomerEditorDialog(DatabaseThread *database, qint64 id, QWidget *parent)
    : CustomerEditorDialog(database, parent)
{
    m_customerId = id;
    m_loaded = false;
    m_showAll = true;
    setWindowTitle(tr("Edit customer #%1").arg(id));
    reload();
}

void CustomerEditorDialog::buildForm()
{
    m_messageArea = new QFrame(this);
    m_messageArea->setObjectName(QStringLiteral("messageArea"));
    m_messageIcon = new QLabel(m_messageArea);
    m_messageIcon->setAlignment(Qt::AlignTop);
    m_messageText = new QLabel(m_messageArea);
    m_messageText->setObjectName(QStringLiteral("messageText"));
    m_messageText->setWordWrap(true);
    m_messageText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *messageLayout = new QHBoxLayout(m_messageArea);
    messageLayout->setContentsMargins(8, 6, 8, 6);
    messageLayout->addWidget(m_messageIcon);
    messageLayout->addWidget(m_messageText, 1);
    m_messageArea->hide();

    m_form = new QWidget(this);
    auto *grid = new QGridLayout(m_form);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);
    grid->setVerticalSpacing(4);
    const QString datePlaceholder = tr("YYYY-MM-DD or DD.MM.YYYY");
    for (const CustomerField field : CustomerValidator::fields()) {
        QWidget *input = nullptr;
        if (field == CustomerField::Address || field == CustomerField::Notes) {
            auto *plain = new QPlainTextEdit(m_form);
            plain->setTabChangesFocus(true);
            plain->setFixedHeight(plain->fontMetrics().lineSpacing() * 3 + 2 * plain->frameWidth() + 8);
            connect(plain, &QPlainTextEdit::textChanged, this, [this, field] { fieldEdited(field); });
            input = plain;
        } else {
            auto *edit = new QLineEdit(m_form);
            connect(edit, &QLineEdit::textChanged, this, [this, field] { fieldEdited(field); });
            if (field == CustomerField::DateOfBirth || field == CustomerField::LicenceExpiry)
                edit->setPlaceholderText(datePlaceholder);
            else if (field == CustomerField::FullName)
                edit->setPlaceholderText(tr("Required"));
            else if (field == CustomerField::Email)
                edit->setPlaceholderText(tr("name@example.com"));
            else if (field == CustomerField::Phone)
                edit->setPlaceholderText(CustomerValidator::phoneExample()); // the desk's country
            else if (field == CustomerField::LicenceNumber)
                edit->setPlaceholderText(tr("As printed on the driving licence"));
            input = edit;
        }
        const QString name = CustomerValidator::fieldLabel(field);
        input->setAccessibleName(name);
        input->setObjectName(CustomerValidator::fieldKey(field));
        auto *label = new QLabel(tr("%1:").arg(name), m_form);
        label->setBuddy(input);
        const int row = grid->rowCount();
        const bool multiLine = qobject_cast<QPlainTextEdit *>(input) != nullptr;
        grid->addWidget(label, row, 0, (multiLine ? Qt::AlignTop : Qt::AlignVCenter) | Qt::AlignLeft);
        grid->addWidget(input, row, 1);

        FieldWidgets widgets;
        widgets.input = input;
        widgets.messageBox = new QWidget(m_form);
        widgets.icon = new QLabel(widgets.messageBox);
        widgets.icon->setFixedSize(IssueStyle::IconSize, IssueStyle::IconSize);
        widgets.message = new QLabel(widgets.messageBox);
        widgets.message->setObjectName(CustomerValidator::fieldKey(field) + QStringLiteral("Message"));
        widgets.message->setWordWrap(true);
        widgets.message->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *fieldMessageLayout = new QHBoxLayout(widgets.messageBox);
        fieldMessageLayout->setContentsMargins(0, 0, 0, 4);
        fieldMessageLayout->setSpacing(4);
        fieldMessageLayout->addWidget(widgets.icon, 0, Qt::AlignTop);
        fieldMessageLayout->addWidget(widgets.message, 1);
        widgets.messageBox->hide();
        grid->addWidget(widgets.messageBox, row + 1, 1);
        m_fields.insert(field, widgets);
    }

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setText(tr("&Save"));
    m_save->setToolTip(
        tr("Save the customer (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    connect(buttons, &QDialogButtonBox::accepted, this, &CustomerEditorDialog::trySave);
    connect(buttons, &QDialogButtonBox::rejected, this, &CustomerEditorDialog::reject);
    connect(new QShortcut(QKeySequence::Save, this), &QShortcut::activated, this, &CustomerEditorDialog::trySave);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messageArea);
    layout->addWidget(m_form);
    layout->addStretch(1);
    layout->addLayout(bottom);
}

CustomerInput CustomerEditorDialog::input() const
{
    CustomerInput result;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        result.setValue(it.key(), textOf(it->input));
    return result;
}

void CustomerEditorDialog::setInput(const CustomerInput &input)
{
    m_showAll = true;
    fill(input);
}

void CustomerEditorDialog::fill(const CustomerInput &input)
{
    const bool filling = std::exchange(m_filling, true);
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        setTextOf(it->input, input.value(it.key()));
    m_filling = filling;
    revalidate();
}

bool CustomerEditorDialog::isModified() const
{
    return input() != m_baseline;
}

QString CustomerEditorDialog::messageText() const
{
    return m_messageArea->isHidden() ? QString() : m_messageText->text();
}

QString CustomerEditorDialog::fieldMessage(CustomerField field) const
{
    const FieldWidgets widgets = m_fields.value(field);
    return widgets.messageBox && !widgets.messageBox->isHidden() ? widgets.message->text() : QString();
}

CustomerInput CustomerEditorDialog::inputFrom(const CustomerDetails &customer)
{
    CustomerInput input;
    input.fullName = customer.row.fullName;
    input.email = customer.row.email;
    input.phone = customer.row.phone;
    input.address = customer.address;
    input.dateOfBirth = dateText(customer.row.dateOfBirth);
    input.licenceNumber = customer.row.licenceNumber;
    input.licenceExpiry = dateText(customer.row.licenceExpiry);
    input.notes = customer.notes;
    return input;
}

QString CustomerEditorDialog::duplicateText(const CustomerMatch &match)
{
    const QString who = tr("%1 (#%2)").arg(match.fullName).arg(match.id);
    if (match.sameEmail && match.sameLicence)
        return tr("A customer with this email and licence number already exists: %1.").arg(who);
    if (match.sameLicence)
        return tr("A customer with this licence number already exists: %1.").arg(who);
    return tr("A customer with this email already exists: %1.").arg(who);
}

void CustomerEditorDialog::fieldEdited(CustomerField field)
{
    if (m_filling)
        return;
    if (!m_touched.contains(field))
        m_touched << field;
    revalidate();
}

void CustomerEditorDialog::revalidate()
{
    if (m_filling)
        return;
    m_validation = CustomerValidator::validate(input());
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        // Errors of untouched fields (mostly: not filled in yet) are only summed up below the form.
        QList<CustomerIssue> issues = m_validation.issuesFor(it.key());
        if (!m_showAll && !m_touched.contains(it.key()))
            issues.removeIf(
                [](const CustomerIssue &issue) { return issue.severity == CustomerIssue::Severity::Error; });
        showFieldIssues(it.key(), issues);
    }
    updateSummary();
    growToFit();
}

// Messages that appear under the fields make the form taller: the dialog grows so that none is cut.
void CustomerEditorDialog::growToFit()
{
    layout()->activate();
    int needed = layout()->hasHeightForWidth() ? layout()->heightForWidth(width()) : sizeHint().height();
    if (const QScreen *screen = this->screen())
        needed = std::min(needed, screen->availableSize().height() * 9 / 10);
    if (needed > height())
        resize(width(), needed);
}

void CustomerEditorDialog::showFieldIssues(CustomerField field, const QList<CustomerIssue> &issues)
{
    QStringList messages;
    for (const CustomerIssue &issue : issues)
        messages << issue.message;
    IssueStyle::showMessages(m_fields[field], messages,
                             std::any_of(issues.begin(), issues.end(), [](const CustomerIssue &issue) {
                                 return issue.severity == CustomerIssue::Severity::Error;
                             }));
}

void CustomerEditorDialog::updateSummary()
{
    const QList<CustomerIssue> errors = m_validation.errors();
    m_save->setEnabled(!m_busy && m_loaded && errors.isEmpty());
    QStringList fields;
    for (const CustomerIssue &issue : errors) {
        const QString name = CustomerValidator::fieldLabel(issue.field);
        if (!fields.contains(name))
            fields << name;
    }
    m_summary->setText(IssueStyle::summary(fields, int(m_validation.warnings().size())));
}

void CustomerEditorDialog::trySave()
{
    if (m_busy || !m_loaded)
        return;
    if (!m_validation.isValid()) {
        // Show every finding, also of fields not touched yet, and go to the first one.
        m_showAll = true;
        revalidate();
        if (const QList<CustomerIssue> errors = m_validation.errors(); !errors.isEmpty())
            m_fields.value(errors.constFirst().field).input->setFocus(Qt::OtherFocusReason);
        return;
    }
    save(false, false);
}

void CustomerEditorDialog::save(bool storeDuplicate, bool overwrite)
{
    const CustomerInput typed = input();
    const qint64 id = m_customerId;
    setBusy(true, tr("Saving…"));
    if (isNewCustomer()) {
        whenFinished(m_database->submit([typed, storeDuplicate](Database &db) {
            return CustomerService::create(db, typed, storeDuplicate);
        }),
                     this, [this](const Result<CustomerCreated> &created) {
                         if (!created) {
                             saveFinished(std::unexpected(created.error()));
                         } else if (!created->customer) {
                             setBusy(false);
                             showDuplicates(created->duplicates);
                         } else {
                             saveFinished(*created->customer);
                         }
                     });
        return;
    }
    const std::optional<int> version = overwrite ? std::nullopt : std::optional<int>(m_original.row.version);
    whenFinished(m_database->submit(
                     [id, typed, version](Database &db) { return CustomerService::update(db, id, typed, version); }),
                 this, [this](const Result<CustomerDetails> &result) { saveFinished(result); });
}

void CustomerEditorDialog::saveFinished(const Result<CustomerDetails> &result)
{
    setBusy(false);
    if (!result) {
        if (result.error().code == Error::Code::Stale)
            showConflict(result.error());
        else
            showMessage(result.error().message, true);
        return;
    }
    m_customerId = result->row.id;
    emit saved(*result);
    if (isVisible()) // not closed while the save was under way
        QDialog::accept();
}

void CustomerEditorDialog::showDuplicates(const QList<CustomerMatch> &matches)
{
    if (matches.isEmpty())
        return;
    const CustomerMatch &first = matches.constFirst();
    const QString text = duplicateText(first);
    showMessage(text, false); // stays when the choice is Cancel
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Possible duplicate"),
                                text + QLatin1Char(' ') + tr("Save anyway?"), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("duplicateBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QStringList others;
    for (qsizetype i = 1; i < matches.size(); ++i)
        others << tr("%1 (#%2)").arg(matches.at(i).fullName).arg(matches.at(i).id);
    box->setInformativeText(
        others.isEmpty()
            ? tr("Open the existing customer to check or update their details, or save this one as a separate "
                 "customer.")
            : tr("Also alike: %1. Open the existing customer to check their details, or save this one as a separate "
                 "customer.")
                  .arg(QLocale().createSeparatedList(others)));
    QPushButton *saveButton = box->addButton(tr("&Save anyway"), QMessageBox::AcceptRole);
    saveButton->setObjectName(QStringLiteral("saveAnywayButton"));
    QPushButton *openButton =
        box->addButton(tr("&Open %1 (#%2)").arg(first.fullName).arg(first.id), QMessageBox::ActionRole);
    openButton->setObjectName(QStringLiteral("openExistingButton"));
    QPushButton *cancelButton = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancelButton);
    box->setEscapeButton(cancelButton);
    const qint64 existing = first.id;
    connect(box, &QMessageBox::buttonClicked, this, [this, saveButton, openButton, existing](QAbstractButton *button) {
        if (button == saveButton) {
            save(true, false);
        } else if (button == openButton) {
            emit openCustomerRequested(existing);
            QDialog::reject(); // the clerk chose the existing customer: nothing to ask about
        }
    });
    box->open();
}

void CustomerEditorDialog::showConflict(const Error &error)
{
    showMessage(error.message, true); // stays when the choice is Cancel
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Changed by someone else"), error.message,
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("conflictBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Reload their version to see what they changed (what you typed here is discarded), "
                               "or overwrite their version with yours."));
    QPushButton *reloadButton = box->addButton(tr("&Reload their version"), QMessageBox::AcceptRole);
    reloadButton->setObjectName(QStringLiteral("reloadButton"));
    QPushButton *overwriteButton = box->addButton(tr("&Overwrite with mine"), QMessageBox::DestructiveRole);
    overwriteButton->setObjectName(QStringLiteral("overwriteButton"));
    QPushButton *cancelButton = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancelButton);
    box->setEscapeButton(cancelButton);
    connect(box, &QMessageBox::buttonClicked, this, [this, reloadButton, overwriteButton](QAbstractButton *button) {
        if (button == reloadButton)
            reload();
        else if (button == overwriteButton)
            save(false, true);
    });
    box->open();
}

void CustomerEditorDialog::reload()
{
    setBusy(true, tr("Loading the customer…"));
    const qint64 id = m_customerId;
    whenFinished(m_database->submit([id](Database &db) { return CustomerService::details(db, id); }), this,
                 [this](const Result<CustomerDetails> &customer) {
                     setBusy(false);
                     if (customer)
                         setDetails(*customer);
                     else
                         showMessage(customer.error().message, true);
                 });
}

void CustomerEditorDialog::setDetails(const CustomerDetails &customer)
{
    m_original = customer;
    m_customerId = customer.row.id;
    m_loaded = true;
    m_showAll = true;
    setWindowTitle(tr("Edit %1 (#%2)").arg(customer.row.fullName).arg(customer.row.id));
    fill(inputFrom(customer));
    m_baseline = input();
    setBusy(false);
}

void CustomerEditorDialog::setBusy(bool busy, const QString &status)
{
    if (busy && !m_busy)
        m_focusBeforeBusy = focusWidget();
    m_busy = busy;
    m_form->setEnabled(!busy && m_loaded);
    if (busy) {
        setCursor(Qt::BusyCursor);
        showMessage(status, false);
    } else {
        unsetCursor();
        hideMessage();
        if (m_focusBeforeBusy && m_focusBeforeBusy->isEnabled())
            m_focusBeforeBusy->setFocus(Qt::OtherFocusReason);
    }
    updateSummary();
}

void CustomerEditorDialog::showMessage(const QString &text, bool isError)
{
    m_messageArea->setStyleSheet(IssueStyle::messageAreaStyleSheet(palette(), isError, m_messageArea->objectName()));
    const QStyle::StandardPixmap icon = isError ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxInformation;
    m_messageIcon->setPixmap(style()->standardIcon(icon).pixmap(IssueStyle::IconSize, IssueStyle::IconSize));
    m_messageIcon->setAccessibleName(isError ? tr("Error") : tr("Information"));
    m_messageText->setText(text);
    m_messageArea->show();
}

void CustomerEditorDialog::hideMessage()
{
    m_messageArea->hide();
    m_messageText->clear();
}

void CustomerEditorDialog::reject()
{
    if (!m_busy && m_loaded && isModified()) {
        QMessageBox box(QMessageBox::Question, tr("Discard changes?"),
                        isNewCustomer() ? tr("Discard this new customer?")
                                        : tr("Discard your changes to %1?").arg(m_original.row.fullName),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("discardBox"));
        QPushButton *discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
        QPushButton *keep = box.addButton(tr("&Keep editing"), QMessageBox::RejectRole);
        box.setDefaultButton(keep);
        box.setEscapeButton(keep);
        box.exec();
        if (box.clickedButton() != discard)
            return;
    }
    QDialog::reject();
}

void CustomerEditorDialog::done(int result)
{
    UserSettings::customerEditorGeometry.setValue(saveGeometry());
    QDialog::done(result);
}

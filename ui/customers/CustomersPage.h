#pragma once

#include "Error.h"

#include "ui/shell/Section.h"

class CustomerDetailPanel;
class CustomerEditorDialog;
class CustomerTableModel;
class DatabaseThread;
class QLabel;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;

// The Customers section: the searchable table of customers (any number of them), the detail panel with
// each customer's bookings and balance, and the editor for new and existing customers.
class CustomersPage : public Section
{
    Q_OBJECT

public:
    explicit CustomersPage(const SectionContext &context, QWidget *parent = nullptr);
    ~CustomersPage() override;

    QString title() const override;
    QString summary() const override;
    QIcon icon() const override;
    // Other desks changed these ("customer:42", "booking:7"): the table and the detail panel show it.
    void applyChanges(const QStringList &keys) override;
    // Makes customer `id` current: scrolled to in the table, or found by clearing the search.
    void showCustomer(qint64 id);

    CustomerTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    CustomerDetailPanel *detailPanel() const { return m_details; }
    QLineEdit *searchField() const { return m_search; }
    QString emptyText() const; // the empty state's text ("" while the table shows rows)
    CustomerEditorDialog *newCustomer();
    CustomerEditorDialog *editCurrent(); // null when no customer is current

protected:
    // Loads the first rows.
    void activated() override;

private:
    void applySearch();
    void showCurrent();
    void updateState();
    void openEditor(CustomerEditorDialog *editor);
    void report(const Error &error);
    void restoreLayout();
    void saveLayout() const;

    DatabaseThread *m_database;
    CustomerTableModel *m_model;
    QLineEdit *m_search;
    QStackedWidget *m_tableStack; // the table, or the empty state
    QTableView *m_table;
    QLabel *m_empty;
    CustomerDetailPanel *m_details;
    QSplitter *m_splitter;
    QLabel *m_countLabel;
    QTimer *m_searchDelay;
    QTimer *m_selectionDelay;
    quint64 m_detailGeneration = 0;
    qint64 m_pendingSelection = 0; // a customer to make current once their row is loaded
    qint64 m_keepCurrent = 0;      // the current customer before a refresh: current again after it
};

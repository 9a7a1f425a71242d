#include "TestDatabase.h"
#include "models/MigrationTableModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <pqxx/pqxx>

class TestMigrationModel : public QObject
{
    Q_OBJECT

private slots:
    void showsAppliedThenPendingMigrations()
    {
        TestDatabase db(QStringLiteral("model_migrations"));
        QVERIFY(db.isValid());
        pqxx::connection c(db.conninfo().toStdString());

        // Apply all but the last migration, so the model shows both kinds.
        QList<Migrator::Migration> all = Migrator::builtIn();
        QVERIFY(all.size() >= 2);
        QVERIFY(Migrator(all.mid(0, all.size() - 1)).migrate(c));
        const auto state = Migrator(all).inspect(c);
        QVERIFY(state);

        MigrationTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setState(*state);
        QCOMPARE(model.rowCount(), all.size());
        QCOMPARE(model.columnCount(), int(MigrationTableModel::ColumnCount));
        QCOMPARE(model.index(0, MigrationTableModel::NameColumn).data().toString(), all.first().name);
        QCOMPARE(model.index(0, MigrationTableModel::StatusColumn).data().toString(), QStringLiteral("Applied"));
        QVERIFY(!model.index(0, MigrationTableModel::AppliedAtColumn).data().toString().isEmpty());
        const int last = model.rowCount() - 1;
        QCOMPARE(model.index(last, MigrationTableModel::StatusColumn).data().toString(), QStringLiteral("Pending"));
        QVERIFY(model.index(last, MigrationTableModel::AppliedAtColumn).data().toString().isEmpty());
        QCOMPARE(model.index(last, MigrationTableModel::ChecksumColumn).data().toString(),
                 all.last().checksum().left(12));
        QCOMPARE(model.headerData(MigrationTableModel::VersionColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Version"));

        model.setState({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestMigrationModel)
#include "tst_migrationmodel.moc"

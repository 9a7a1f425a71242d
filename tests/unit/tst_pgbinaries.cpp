#include "db/PgBinaries.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestPgBinaries : public QObject
{
    Q_OBJECT

private slots:
    void missingBinariesNameThePackage()
    {
        QTemporaryDir empty;
        const auto found = PgBinaries::find({empty.path()});
        QVERIFY(!found);
        QCOMPARE(found.error().code, Error::Code::ServerBinariesMissing);
        QVERIFY(found.error().message.contains(QStringLiteral("apt-get install postgresql-15")));
        QVERIFY(found.error().message.contains(QStringLiteral("FORECOURT_PG_BIN")));
        QVERIFY(found.error().detail.contains(empty.path()));
    }

    void findsAFolderWithAllPrograms()
    {
        QTemporaryDir partial;
        QTemporaryDir complete;
        auto touch = [](const QString &path) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        };
        touch(partial.filePath(QStringLiteral("initdb"))); // pg_ctl and postgres missing
        for (const char *name : {"initdb", "pg_ctl", "postgres"})
            touch(complete.filePath(QString::fromLatin1(name)));
        const auto found = PgBinaries::find({partial.path(), complete.path()});
        QVERIFY(found);
        QCOMPARE(found->dir(), complete.path());
        QCOMPARE(found->program(QStringLiteral("pg_ctl")), complete.filePath(QStringLiteral("pg_ctl")));
    }

    void environmentOverrideIsHonouredAlone()
    {
        qputenv("FORECOURT_PG_BIN", "/nonexistent/pg/bin");
        const QStringList dirs = PgBinaries::candidateDirs();
        qunsetenv("FORECOURT_PG_BIN");
        QCOMPARE(dirs, QStringList{QStringLiteral("/nonexistent/pg/bin")});
        QVERIFY(PgBinaries::candidateDirs().size() > 1);
    }
};

QTEST_GUILESS_MAIN(TestPgBinaries)
#include "tst_pgbinaries.moc"

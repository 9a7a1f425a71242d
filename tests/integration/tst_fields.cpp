#include "TestDatabase.h"
#include "db/Fields.h"

#include <QTest>

#include <pqxx/pqxx>

// db/Fields.h, the one reader of result fields, against what PostgreSQL really sends: each reader with a value
// and with NULL (the empty value of its type), and the awkward texts data can hold.
class TestFields : public QObject
{
    Q_OBJECT

    // The first row of `sql`, read in a transaction of its own.
    pqxx::row row(const std::string &sql)
    {
        pqxx::read_transaction work(*m_connection);
        return work.exec1(sql);
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<TestDatabase>(QStringLiteral("fields"));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        m_connection = std::make_unique<pqxx::connection>(m_db->conninfo().toStdString());
    }

    void cleanupTestCase()
    {
        m_connection.reset();
        m_db.reset();
    }

    void text()
    {
        const pqxx::row fields = row("SELECT 'Škoda Octavia – 1,5 l'::text, ''::text, NULL::text, E'a\\tb\\nc'");
        QCOMPARE(textOf(fields[0]), QStringLiteral("Škoda Octavia – 1,5 l"));
        QCOMPARE(textOf(fields[1]), QString());
        QVERIFY(textOf(fields[2]).isNull());
        QCOMPARE(textOf(fields[3]), QStringLiteral("a\tb\nc"));
    }

    void integer()
    {
        const pqxx::row fields = row("SELECT 0, -2147483648, NULL::integer");
        QCOMPARE(intOf(fields[0]), std::optional(0));
        QCOMPARE(intOf(fields[1]), std::optional(std::numeric_limits<int>::min()));
        QCOMPARE(intOf(fields[2]), std::nullopt);
    }

    // Times travel as milliseconds since the epoch; a UTC and a local reading of the same instant.
    void times()
    {
        const pqxx::row fields = row("SELECT (extract(epoch FROM timestamptz '2024-02-29 23:59:59.123+00') * 1000)"
                                     "::bigint, NULL::bigint");
        const QDateTime utc = utcTimeOf(fields[0]);
        QCOMPARE(utc, QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 123), Qt::UTC));
        QCOMPARE(utc.timeSpec(), Qt::UTC);
        const QDateTime local = localTimeOf(fields[0]);
        QCOMPARE(local.timeSpec(), Qt::LocalTime);
        QCOMPARE(local, utc);
        QVERIFY(!utcTimeOf(fields[1]).isValid());
        QVERIFY(!localTimeOf(fields[1]).isValid());
    }

    // ISO dates whatever the session's DateStyle says about the order of day and month.
    void dates()
    {
        pqxx::work work(*m_connection);
        work.exec("SET LOCAL DateStyle = 'ISO, DMY'");
        const pqxx::row fields = work.exec1("SELECT date '2031-12-05', date '0001-01-01', NULL::date");
        QCOMPARE(dateOf(fields[0]), QDate(2031, 12, 5));
        QCOMPARE(dateOf(fields[1]), QDate(1, 1, 1));
        QVERIFY(dateOf(fields[2]).isNull());
    }

    void json()
    {
        const pqxx::row fields =
            row("SELECT '{\"price\": \"17500.50\", \"tags\": [1, 2]}'::jsonb, '[\"a\", {}]'::jsonb, "
                "NULL::jsonb, '\"just text\"'::jsonb");
        const QJsonObject object = jsonObjectOf(fields[0]);
        QCOMPARE(object.value(QStringLiteral("price")).toString(), QStringLiteral("17500.50"));
        QCOMPARE(object.value(QStringLiteral("tags")).toArray().size(), 2);
        QCOMPARE(jsonArrayOf(fields[1]).size(), 2);
        QVERIFY(jsonObjectOf(fields[1]).isEmpty()); // an array is not an object
        QVERIFY(jsonObjectOf(fields[2]).isEmpty());
        QVERIFY(jsonArrayOf(fields[2]).isEmpty());
        QVERIFY(jsonObjectOf(fields[3]).isEmpty());
    }

    // text[] with what PostgreSQL has to quote: commas, quotes, backslashes, braces, spaces; NULL elements are
    // left out.
    void textLists()
    {
        const pqxx::row fields = row(
            "SELECT ARRAY['salvage', 'flood, fire', 'say \"no\"', 'back\\slash', '{braces}', ' ', NULL, 'Ž']::text[], "
            "'{}'::text[], NULL::text[]");
        QCOMPARE(textListOf(fields[0]),
                 (QStringList{QStringLiteral("salvage"), QStringLiteral("flood, fire"), QStringLiteral("say \"no\""),
                              QStringLiteral("back\\slash"), QStringLiteral("{braces}"), QStringLiteral(" "),
                              QStringLiteral("Ž")}));
        QCOMPARE(textListOf(fields[1]), QStringList());
        QCOMPARE(textListOf(fields[2]), QStringList());
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<pqxx::connection> m_connection;
};

QTEST_GUILESS_MAIN(TestFields)
#include "tst_fields.moc"

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Application</name>
    <message>
        <source>Forecourt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Run &quot;forecourt --help&quot; for the commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server&apos;s data folder (default: $FORECOURT_DATA_DIR or %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PostgreSQL server to use instead of the local one: a URI (postgresql://user@host/forecourt) or key=value pairs. PG* variables also work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conninfo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows where the data lives, the server and the schema version. Starts the local server if needed; changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data:           %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:         PostgreSQL %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:       %1 (user %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema version: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with:   psql &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) pending: run &quot;forecourt db migrate&quot;.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cars:           %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies the pending schema migrations, each in its own transaction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying %1 (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema is up to date (version %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema version is now %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop: stop even while Forecourt processes use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manages the local PostgreSQL server. start: create it if needed, start it and keep it running; stop: stop it; status: show it (exit code 3 when it is not running).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;server&quot; manages the local server; --server names another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server is running (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server is stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running, PID %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Used by %n process(es).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped (data in %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not created yet (it will be in %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown server command &quot;%1&quot;: use start, stop or status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many cars (default 250).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seed: the same seed makes the same data (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the fleet, customers and bookings first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do nothing when the fleet already has cars.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fills the database with realistic, deterministic demo data (migrating it first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--cars needs a whole number of cars, such as 250.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed needs a whole number, such as 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 cars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fleet already has %1 cars; no demo data added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 cars in %2 branches (seed %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecourt: administration for car dealerships and rental desks.
Without a command it opens the window.

Commands (each has --help):
  db status       where the data lives, server and schema version
  db migrate      apply pending schema migrations
  server start    start the local PostgreSQL server and keep it running
  server stop     stop the local server
  server status   show the local server (--json includes its connection URI)
  demo-data       fill the database with realistic demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown db command &quot;%1&quot;: use &quot;db status&quot; or &quot;db migrate&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;server %1&quot; takes no further arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;demo-data&quot; takes no arguments besides its options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Local: a private database on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server: the dealership&apos;s PostgreSQL server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>db.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used for this session only; it is not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection URI or key=value string. When filled in, it is used instead of the fields above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SS&amp;L mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or &amp;URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answers; you can connect.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>The connection string is not valid. Use a URI such as postgresql://user@host:5432/forecourt or key=value pairs such as &quot;host=db.example.com dbname=forecourt&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local server (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2, database %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(invalid connection string)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseThread</name>
    <message>
        <source>Not connected to a database yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DbErrors</name>
    <message>
        <source>The server host in %1 could not be found. Check the host name for typing errors and that this computer is on the dealership network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 refused the user name or password. Check them, or ask your administrator for access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 has no such database. Check the database name, or ask your administrator to create it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No PostgreSQL server answers at %1. Check that the server is running and the port is right, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the database was lost. Forecourt reconnects by itself; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was lost while saving, so it is not known whether the change was saved. Reload and check before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A record with the same key already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This overlaps with an existing record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed the same data at the same moment. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your database account is not allowed to do this. Ask your administrator for the right role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused the change because it breaks a rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoDataService</name>
    <message>
        <source>The number of cars must be between 0 and 10,000,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The database already has %n car(s). Use --replace to delete the fleet, customers and bookings and generate new demo data.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; no demo data was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalServer</name>
    <message>
        <source>Forecourt runs as root, so its PostgreSQL server must run as an unprivileged account, but none of %1 exists. Create one or set FORECOURT_PG_ACCOUNT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecourt runs as root, so its PostgreSQL server runs as the account &quot;%1&quot;, which cannot reach the folder %2. Choose a data folder it can reach with --data-dir, for example under /var/lib/forecourt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the data folder %1. Check that you may write there, or choose another one with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the local database in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not move the new cluster into %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Forecourt process holds the lock on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the private socket folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local PostgreSQL server did not start. Its log is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local PostgreSQL server started but is not accepting connections. Its log is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local PostgreSQL server is running but its database could not be prepared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n Forecourt process(es) still use this server (PID %1). Close them first, or stop it anyway with --force.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The local PostgreSQL server did not stop within 30 seconds and was stopped immediately; it will recover at its next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The car inventory: stock, prices, status and location.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reservations and rentals, pick-up and return.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The people who rent and buy, with their bookings and balance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicle history reports requested by VIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts of the fleet, rentals, sales and VIN activity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database, its schema and the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event worker: not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The background event worker is not part of this version yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Forecourt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the local database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the database schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln car(s) in the database</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln booking(s) in the database</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) in the database</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No VIN reports yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database answers normally.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connection lost, retrying in %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>About Forecourt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Forecourt %1&lt;/h3&gt;&lt;p&gt;Administration for car dealerships and rental desks: fleet, bookings, customers, VIN reports and dashboards.&lt;/p&gt;&lt;p&gt;Data: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MigrationTableModel</name>
    <message>
        <source>Applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>%1 is not a readable migration named NNNN_name.sql.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has schema version %1, which is newer than this Forecourt understands (up to %2). Update Forecourt before using this database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 (%2) is applied to this database but missing from this Forecourt. Use the Forecourt version that created the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 was changed after it was applied to this database. Restore its original text and put the change in a new migration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded checksum %1, file checksum %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 could not be applied; the database is unchanged from migration %2 on. Nothing was lost: fix the cause and run the migration again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The PostgreSQL server programs (initdb, pg_ctl, postgres) were not found. Install them with &quot;sudo apt-get install postgresql-15&quot;, set FORECOURT_PG_BIN to their folder, or connect to a PostgreSQL server with --server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looked in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no folders)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>The tools for this section are not in this version of Forecourt yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartupPage</name>
    <message>
        <source>Forecourt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Startup progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the &amp;local server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the local server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SystemPage</name>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host / socket:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the local server&apos;s connection URI, to open it with psql.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local server in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL server (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, user %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 (current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vin</name>
    <message>
        <source>The VIN is empty. Enter all 17 characters, as printed on the registration document or at the bottom of the windscreen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The VIN has only %n character(s), but a VIN always has 17. A character is probably missing; compare it with the vehicle documents.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The VIN has %n character(s), but a VIN always has 17. There is probably an extra character; compare it with the vehicle documents.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Character %1 is the letter I, which never appears in a VIN. It is probably the digit 1 (one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character %1 is the letter %2, which never appears in a VIN. It is probably the digit 0 (zero).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character %1 is &quot;%2&quot;, which cannot appear in a VIN. A VIN has only the letters A to Z (except I, O and Q) and the digits 0 to 9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check digit (character 9) is %1, but the other characters give %2, so one of them is probably mistyped. Compare the VIN with the vehicle documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check digit (character 9) is %1, where %2 would be expected. Many manufacturers outside North America and China do not use a check digit, so this is only a warning: the VIN may well be right, but compare it with the vehicle documents.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

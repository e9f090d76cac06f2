package dev.migrator.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.migrator.api.ConfigurationException;
import dev.migrator.api.Migration;
import dev.migrator.api.spi.Executable;
import dev.migrator.api.spi.ExecutionFailure;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.HistoryStore;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SnapshotStore;
import dev.migrator.api.spi.TargetLock;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.api.spi.TargetSettings;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One run's use of a database. Holds a {@link ClientSession} only where the server has transactions; the lock works
 * through the client, so the engine's heartbeat thread can renew it while this session runs migrations.
 */
final class MongoSession implements TargetSession {
    private static final Logger LOG = LoggerFactory.getLogger(MongoSession.class);
    private static final int COMMAND_NOT_FOUND = 59;

    private final MongoDatabase database;
    private final MongoDatabase admin;
    private final String hosts;
    private final ServerInfo server;
    private final TargetSettings settings;
    private final ClientSession session;
    private final MongoHistory history;
    private final MongoLeaseLock lock;
    private final MigrationRunner runner;
    private String user;

    private MongoSession(MongoDatabase database, MongoDatabase admin, String hosts, ServerInfo server,
                         TargetSettings settings, ClientSession session) {
        this.database = database;
        this.admin = admin;
        this.hosts = hosts;
        this.server = server;
        this.settings = settings;
        this.session = session;
        this.history = new MongoHistory(database, settings.historyTable());
        this.lock = new MongoLeaseLock(database.getCollection(settings.lockTable()), settings.historyTable(),
                settings.clock());
        this.runner = new MigrationRunner(database, session, history, lock);
    }

    static MongoSession open(MongoClient client, String databaseName, String hosts, TargetSettings settings) {
        ServerInfo server;
        ClientSession session;
        try {
            server = ServerInfo.probe(client);
            session = server.transactions() ? client.startSession() : null;
        } catch (MongoException e) {
            // Like a JDBC connection failure: an operator fixes it in the configuration (exit 2 from the CLI).
            throw new ConfigurationException("Could not connect to MongoDB at " + hosts + " (database "
                    + databaseName + "): " + MongoErrors.reason(e) + ". Check the connection string, the "
                    + "credentials and that the server is running", e);
        }
        return new MongoSession(client.getDatabase(databaseName), client.getDatabase("admin"), hosts, server,
                settings, session);
    }

    @Override
    public String describe() {
        return "MongoDB " + server.version() + " " + database.getName() + " at " + hosts + " (" + server.topology()
                + ")";
    }

    @Override
    public String databaseName() {
        return database.getName();
    }

    @Override
    public String user() {
        if (user == null) {
            try {
                Document status = admin.runCommand(new Document("connectionStatus", 1));
                Document auth = status.get("authInfo", new Document());
                List<Document> users = auth.getList("authenticatedUsers", Document.class, List.of());
                user = users.stream().map(u -> u.getString("user")).collect(Collectors.joining(","));
            } catch (MongoCommandException e) {
                if (e.getErrorCode() != COMMAND_NOT_FOUND) {
                    throw userUnknown(e);
                }
                // MongoDB-compatible servers that lack the command cannot say; the history records no user.
                user = "";
            } catch (MongoException e) {
                throw userUnknown(e);
            }
        }
        return user;
    }

    private dev.migrator.api.TargetException userUnknown(MongoException e) {
        return MongoErrors.failure("Could not read the authenticated user of " + describe() + ": "
                + MongoErrors.reason(e), e);
    }

    @Override
    public TargetLock lock() {
        return lock;
    }

    @Override
    public HistoryStore history() {
        return history;
    }

    @Override
    public Executable prepareScript(String scriptName, String text) {
        List<Command> commands = ScriptParser.parse(scriptName, text);
        boolean atomic = server.transactions() && commands.stream().allMatch(Command::transactional);
        return new ScriptExecutable(commands, atomic);
    }

    @Override
    public Executable prepareJava(Migration<?> migration, boolean undo) {
        if (!(migration instanceof MongoMigration m)) {
            throw new ConfigurationException(migration.getClass().getName() + " is not a MongoMigration, so "
                    + describe() + " cannot run it: implement dev.migrator.mongo.MongoMigration");
        }
        return new JavaExecutable(m, undo, server.transactions() && m.transactional());
    }

    @Override
    public void run(Executable executable, HistoryRecord startedRecord, HistoryRecord successRecord)
            throws ExecutionFailure {
        if (!(executable instanceof ScriptExecutable) && !(executable instanceof JavaExecutable)
                || executable.atomic() && session == null) {
            throw new IllegalArgumentException("This executable was not prepared by this MongoDB session");
        }
        runner.run(executable, startedRecord, successRecord);
    }

    @Override
    public void guard(Runnable beforeEachStatement) {
        runner.guard(beforeEachStatement);
    }

    @Override
    public SchemaModel snapshot() {
        return SchemaSnapshots.of(database, Set.of(settings.historyTable(), settings.lockTable(),
                SnapshotStore.TABLE));
    }

    @Override
    public SnapshotStore snapshots() {
        return new MongoSnapshotStore(database, settings.historyTable());
    }

    /** Always empty: a MongoDB script's commands are the elements of a JSON array, with nothing after them. */
    @Override
    public String statementTerminator() {
        return "";
    }

    @Override
    public void close() {
        lock.releaseHeld();
        if (session != null) {
            try {
                session.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the MongoDB session failed; the server ends it by itself", e);
            }
        }
    }
}

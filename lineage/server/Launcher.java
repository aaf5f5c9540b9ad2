// A local Neo4j 5.26 Community server with Bolt, started from the jars Maven Central gives
// (see ../../../shared/notes/neo4j-server.md). Run as a single source file:
//   java -cp "LIB/*[:BROWSER/*]" Launcher.java HOME PORT [PAGECACHE [HTTP_PORT]]
// With HTTP_PORT (> 0) the HTTP connector listens on 127.0.0.1:HTTP_PORT too: the HTTP API, and Neo4j
// Browser at /browser/ when the neo4j-browser jar is on the class path (the caller allows it only with auth).
// The first line of standard input is the password of user "neo4j": auth is on when it is not empty,
// off otherwise (tests). It comes on stdin, not in the environment or the arguments, so that nothing
// reading /proc/<pid>/environ or cmdline (or a query that reaches them) sees it. Prints
// "READY bolt://127.0.0.1:PORT" once Bolt (and HTTP) listen; a SIGTERM shuts the store down cleanly.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;

public class Launcher {
    static final String SAME_PASSWORD = "Neo.ClientError.Statement.ArgumentError";

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Launcher HOME PORT [PAGECACHE_MB]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pagecache = args.length > 2 ? Long.parseLong(args[2]) : 256;
        int httpPort = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        boolean auth = password != null && !password.isEmpty();

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                // what Neo4j Browser is told to connect to (the discovery document at http://127.0.0.1:HTTP_PORT/)
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, httpPort > 0)
                .setConfig(HttpConnector.listen_address, new SocketAddress("127.0.0.1", Math.max(httpPort, 1)))
                .setConfig(HttpConnector.advertised_address, new SocketAddress("127.0.0.1", Math.max(httpPort, 1)))
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                // LOAD CSV may not read the server's files (file:///proc/self/environ, the store, keys).
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecache))
                // Bolt's Netty waits 2 x 5 s for quiet before closing; a local server has nobody to wait for.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
        if (auth) {
            try {
                dbms.database("system").executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
            } catch (QueryExecutionException e) {
                // A second start on the same home with the same password: Neo4j refuses to "change" it to
                // itself ("Old password and new password cannot be the same."), and it is already the one asked.
                if (!SAME_PASSWORD.equals(e.getStatusCode()) || !e.getMessage().contains("cannot be the same")) {
                    throw e;
                }
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }));
        System.out.println("READY bolt://127.0.0.1:" + port + (httpPort > 0 ? " http://127.0.0.1:" + httpPort : ""));
        System.out.flush();
        stopped.await();
    }
}

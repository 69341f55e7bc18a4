package city.yingzao.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A real PostgreSQL 17 server for this test JVM, started on first use, stopped at JVM exit. */
public final class TestPostgres {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    public static synchronized String jdbcUrl() {
        return server().getJdbcUrl(USER, "postgres");
    }

    /** A plain JDBC connection, for tests that look at the tables the way a database administrator would. */
    public static Connection connect() throws SQLException {
        return server().getPostgresDatabase().getConnection();
    }

    /** The first column of the first row of a query, or null when there is no row. */
    public static Object queryValue(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** A {@code select count(*) ...} as a long. */
    public static long count(String sql, Object... parameters) {
        return ((Number) queryValue(sql, parameters)).longValue();
    }

    /**
     * Stops the server (fast shutdown: open connections are cut) for {@code outage}, then starts it
     * again on the same port with the same data, as a failover looks to a service. Blocks until the
     * server accepts connections again.
     */
    public static synchronized void outage(Duration outage) {
        EmbeddedPostgres pg = server();
        try {
            File data = (File) field(pg, "dataDirectory");
            File binaries = (File) field(pg, "pgDir");
            List<String> command = new ArrayList<>();
            Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(
                    Files.readString(data.toPath().resolve("postmaster.opts")));
            // as the embedded server itself starts: in a user namespace, where root is not root
            command.addAll(List.of("unshare", "-U", new File(binaries, "bin/postgres").getPath()));
            while (quoted.find()) {
                command.add(quoted.group(1));
            }
            // pg_ctl refuses to run as root; SIGINT is what its fast shutdown sends the postmaster
            long postmaster = Long.parseLong(Files.readAllLines(data.toPath().resolve("postmaster.pid")).get(0).trim());
            ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow(() -> new IOException("no postmaster " + postmaster));
            run(List.of("kill", "-INT", String.valueOf(postmaster)));
            handle.onExit().get(30, TimeUnit.SECONDS);
            Thread.sleep(outage.toMillis());
            new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(data, "restarted.log"))).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                try (Connection c = connect()) {
                    return;
                } catch (SQLException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("PostgreSQL did not come back", notYet);
                    }
                    Thread.sleep(100);
                }
            }
        } catch (IOException | ReflectiveOperationException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not stop and restart PostgreSQL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Object field(EmbeddedPostgres pg, String name) throws ReflectiveOperationException {
        Field f = EmbeddedPostgres.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(pg);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(command + " failed: " + output);
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }, "test-postgres-stop"));
        }
        return server;
    }
}

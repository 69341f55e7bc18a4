package city.yingzao.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A packaged service ({@code services/<name>/target/quarkus-app/quarkus-run.jar}) as its own JVM. */
final class QuarkusService {

    private final String name;
    private final Path jar;
    private final Path dir;
    private final int port;
    private ManagedProcess process;
    private List<String> startedWith;
    private Map<String, String> extraEnvironment = Map.of();

    QuarkusService(String name, Path jar, Path dir) {
        this.name = name;
        this.jar = jar;
        this.dir = dir;
        this.port = Ports.free();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    private static final String BALLOT_KEY = java.util.Base64.getEncoder().encodeToString(
            new java.security.SecureRandom().generateSeed(32));

    /** Environment the service needs beyond the stack's (the portal: the services' URLs), kept for a restart. */
    QuarkusService with(Map<String, String> environment) {
        this.extraEnvironment = Map.copyOf(environment);
        return this;
    }

    void start(String jdbcUrl, String dbUser, String dbPassword, String kafkaBootstrap, String realmUrl) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the " + name + " service is not packaged: no " + jar
                    + " (build it in the same reactor: ./mvnw verify -pl services/system-tests -am)");
        }
        startedWith = List.of(jdbcUrl, dbUser, dbPassword, kafkaBootstrap, realmUrl);
        Path app = copyOfApp();
        process = ManagedProcess.start(name,
                List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m", "-jar", app.resolve(jar.getFileName()).toString()),
                dir, dir.resolve(name + ".log"),
                environment(Map.of("QUARKUS_HTTP_PORT", Integer.toString(port),
                        "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                        "QUARKUS_DATASOURCE_USERNAME", dbUser,
                        "QUARKUS_DATASOURCE_PASSWORD", dbPassword,
                        "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap,
                        "QUARKUS_OIDC_AUTH_SERVER_URL", realmUrl,
                        "QUARKUS_OIDC_CLIENT_ID", name,
                        "YINGZAO_OUTBOX_BACKOFF_MAX", "2s",
                        // deliberation seals each ballot box's private key with it (D8); a key of this run only
                        "YINGZAO_DELIBERATION_BALLOT_KEY_ENCRYPTION_KEY", BALLOT_KEY,
                        // D9: like the demo, the system test adopts a resolution without waiting a week
                        "YINGZAO_DELIBERATION_PUBLICITY_MINIMUM_DAYS", "0")));
        awaitReady(Duration.ofSeconds(120));
    }

    private Map<String, String> environment(Map<String, String> stack) {
        Map<String, String> all = new java.util.HashMap<>(stack);
        all.putAll(extraEnvironment);
        return all;
    }

    /**
     * The service runs from a copy of its {@code quarkus-app} directory, so that a rebuild of the
     * service while the tests run (another build in the same working tree) cannot pull jars from
     * under the running process.
     */
    private Path copyOfApp() {
        Path source = jar.getParent();
        Path target = dir.resolve("quarkus-app");
        try {
            KafkaBroker.deleteRecursively(target);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : files.toList()) {
                    Path t = target.resolve(source.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(f, t, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
        }
        return target;
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the " + name + " service exited while starting\n" + process.logTail(80));
            }
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the " + name + " service was not ready within " + timeout + " (last: " + last + ")\n"
                + process.logTail(80));
    }

    /** {@code kill -9} of the service's JVM (no shutdown hooks, nothing flushed), then a start as before, until ready. */
    void killAndRestart() {
        if (process != null) {
            process.kill();
            process = null;
        }
        start(startedWith.get(0), startedWith.get(1), startedWith.get(2), startedWith.get(3), startedWith.get(4));
    }

    /** {@code kill -9} of the service's JVM, left down until {@link #restart()}. */
    void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    /** Starts the service again as it was started before (same port, database, broker, realm), until ready. */
    void restart() {
        if (process != null) {
            throw new IllegalStateException(name + " is running");
        }
        start(startedWith.get(0), startedWith.get(1), startedWith.get(2), startedWith.get(3), startedWith.get(4));
    }

    void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
            process = null;
        }
    }

    String logTail(int lines) {
        return process == null ? "(" + name + " not running)" : process.logTail(lines);
    }

    @Override
    public String toString() {
        return name + " " + baseUrl() + " " + process;
    }
}

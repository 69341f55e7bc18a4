package city.yingzao.systemtests;

import city.yingzao.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The whole stack as real processes, once per test JVM: PostgreSQL (embedded, in this JVM), a Kafka
 * broker, Keycloak and the packaged services (each its own process). Every part starts on
 * first use, so a test that needs only Keycloak does not wait for the rest. {@link #close()} (JUnit,
 * at the end of the run) or the shutdown hook stops them all, with their child processes.
 */
public final class SystemUnderTest implements AutoCloseable {

    public static final String DEMO_PASSWORD = "demo";
    public static final String CLI_CLIENT = "yingzao-cli";

    private static SystemUnderTest instance;

    /** Held so that the levels stay set: the Kafka clients of the tests would log every poll at INFO. */
    private static final List<java.util.logging.Logger> QUIET = Stream.of("org.apache.kafka", "io.zonky", "org.postgresql")
            .map(java.util.logging.Logger::getLogger).toList();

    static {
        QUIET.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
    }

    private final Path workDir;
    private final Map<String, Duration> startTimes = new LinkedHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private KeycloakServer keycloak;
    private boolean keycloakReady;
    private long keycloakStartedAt;
    private KafkaBroker kafka;
    private final Map<String, String> jdbcUrls = new ConcurrentHashMap<>();
    private final Map<String, QuarkusService> services = new LinkedHashMap<>();
    private boolean closed;

    private SystemUnderTest() {
        this.workDir = Paths.get(System.getProperty("yingzao.work.dir", "target/system")).toAbsolutePath();
        ManagedProcess.stopLeftovers(workDir); // before anything touches their data directories
    }

    public static synchronized SystemUnderTest get() {
        if (instance == null) {
            instance = new SystemUnderTest();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "system-under-test-stop"));
        }
        return instance;
    }

    /** Starts kc.sh without waiting for it: it is the slowest part, so it boots while the rest starts and tests run. */
    public synchronized void warmUp() {
        startKeycloakAsync();
    }

    /** Keycloak with the realm yingzao, started if it is not running yet. */
    public synchronized String keycloakRealmUrl() {
        startKeycloakAsync();
        if (!keycloakReady) {
            keycloak.awaitReady(Duration.ofSeconds(180));
            keycloakReady = true;
            timed("keycloak (kc.sh start-dev until the realm answers)", keycloakStartedAt);
        }
        return keycloak.realmUrl();
    }

    private void startKeycloakAsync() {
        if (keycloak == null) {
            keycloak = new KeycloakServer(
                    Paths.get(required("yingzao.keycloak.home")),
                    Paths.get(required("yingzao.realm.file")).normalize(),
                    workDir);
            keycloak.start();
            keycloakStartedAt = System.nanoTime();
        }
    }

    /** The Kafka broker process, started (on a freshly formatted data directory) if it is not running yet. */
    public synchronized KafkaBroker kafka() {
        if (kafka == null) {
            long t0 = System.nanoTime();
            kafka = new KafkaBroker(workDir.resolve("kafka"));
            kafka.formatAndStart();
            timed("kafka (format + start)", t0);
        }
        return kafka;
    }

    /** JDBC URL of the database named after a service on the embedded PostgreSQL, created on first use. */
    public synchronized String jdbcUrl(String database) {
        return jdbcUrls.computeIfAbsent(database, db -> {
            long t0 = System.nanoTime();
            String url = TestPostgres.jdbcUrl();
            try (Connection c = TestPostgres.connect(); Statement s = c.createStatement()) {
                boolean exists;
                try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + db + "'")) {
                    exists = rs.next();
                }
                if (!exists) {
                    s.execute("create database " + db);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the database " + db, e);
            }
            timed("postgresql (embedded, database " + db + ")", t0);
            return url.replaceFirst("/postgres(\\?|$)", "/" + db + "$1");
        });
    }

    /** Base URL of the running registry service; starts it (and everything it needs) on first use. */
    public String registryUrl() {
        return serviceUrl("registry");
    }

    /** Base URL of the running deliberation service; starts it (and everything it needs) on first use. */
    public String deliberationUrl() {
        return serviceUrl("deliberation");
    }

    /** Base URL of the running finance service; starts it (and everything it needs) on first use. */
    public String financeUrl() {
        return serviceUrl("finance");
    }

    /**
     * Base URL of a packaged service ({@code services/<name>/target/quarkus-app}), started with its
     * own database on first use, after Keycloak, the broker and PostgreSQL.
     */
    public synchronized String serviceUrl(String name) {
        QuarkusService service = services.get(name);
        if (service == null) {
            long t0 = System.nanoTime();
            startKeycloakAsync(); // the slowest part starts first and boots while the others start
            String jdbc = jdbcUrl(name);
            String bootstrap = kafka().bootstrapServers();
            String realm = keycloakRealmUrl();
            long t1 = System.nanoTime();
            service = new QuarkusService(name, Paths.get(required("yingzao.services.dir"), name, "target", "quarkus-app", "quarkus-run.jar").normalize(),
                    workDir.resolve(name));
            service.start(jdbc, TestPostgres.USER, TestPostgres.PASSWORD, bootstrap, realm);
            services.put(name, service);
            timed(name + " (java -jar quarkus-run.jar until /q/health/ready is UP)", t1);
            timed("stack up to " + name, t0);
            System.out.println("[system-tests] stack: " + keycloak + ", " + kafka + ", " + services.values()
                    + "\n[system-tests] start times: " + startTimes);
        }
        return service.baseUrl();
    }

    /** The six services the portal calls, in the order the demo city loads them. */
    public static final List<String> SERVICES = List.of("registry", "finance", "deliberation", "training", "grants", "evaluation");

    private boolean demoLoaded;

    /**
     * The web portal, started (with every service it calls) on first use. Its sign-in goes through the
     * real Keycloak: the realm's {@code portal} client accepts any localhost redirect port.
     */
    public synchronized String portalUrl() {
        QuarkusService portal = services.get("portal");
        if (portal == null) {
            Map<String, String> urls = new LinkedHashMap<>();
            for (String s : SERVICES) {
                urls.put("YINGZAO_" + s.toUpperCase(java.util.Locale.ROOT) + "_URL", serviceUrl(s));
            }
            long t0 = System.nanoTime();
            String realm = keycloakRealmUrl();
            portal = new QuarkusService("portal", Paths.get(required("yingzao.services.dir"), "portal", "target", "quarkus-app",
                    "quarkus-run.jar").normalize(), workDir.resolve("portal")).with(urls);
            portal.start("", "", "", kafka().bootstrapServers(), realm);
            services.put("portal", portal);
            timed("portal (java -jar quarkus-run.jar until /q/health/ready is UP)", t0);
        }
        return portal.baseUrl();
    }

    /**
     * The demo city of {@code ./yingzao up} (deploy/demo/city.py), loaded once into this stack: the same
     * communities, households, council, projects, grants, certificates and evaluation the README describes,
     * so the browser tests walk the paths a person trying the demo walks.
     */
    public synchronized void demoCity() {
        if (demoLoaded) {
            return;
        }
        // the databases are new in every run: so are the loader's markers
        Path state = workDir.resolve("demo");
        try {
            KafkaBroker.deleteRecursively(state);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> command = new java.util.ArrayList<>(List.of("python3",
                Paths.get(required("yingzao.services.dir"), "..", "deploy", "demo", "city.py").normalize().toString(),
                "--state-dir", state.toString(),
                "--token-url", keycloakRealmUrl() + "/protocol/openid-connect/token",
                "--log", workDir.resolve("demo-load.log").toString()));
        for (String s : SERVICES) {
            command.add("--" + s);
            command.add(serviceUrl(s));
        }
        long t0 = System.nanoTime();
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("demo-load.log").toFile())).start();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("the demo city did not load; see " + workDir.resolve("demo-load.log"));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        timed("demo city (deploy/demo/city.py)", t0);
        demoLoaded = true;
    }

    /** {@code kill -9} of a running service, then its restart (same port, database and broker) until it is ready again. */
    public synchronized void killAndRestart(String name) {
        QuarkusService service = services.get(name);
        if (service == null) {
            throw new IllegalStateException(name + " is not running");
        }
        long t0 = System.nanoTime();
        service.killAndRestart();
        timed(name + " (kill -9 and restart until ready)", t0);
    }

    /** {@code kill -9} of a running service, left down (its port, database and broker kept) until {@link #restart}. */
    public synchronized void kill(String name) {
        QuarkusService service = services.get(name);
        if (service == null) {
            throw new IllegalStateException(name + " is not running");
        }
        service.kill();
    }

    /** Starts a service that {@link #kill} stopped, as it was started before, until it is ready again. */
    public synchronized void restart(String name) {
        QuarkusService service = services.get(name);
        if (service == null) {
            throw new IllegalStateException(name + " was never started");
        }
        long t0 = System.nanoTime();
        service.restart();
        timed(name + " (restart after kill -9 until ready)", t0);
    }

    public synchronized String logTail(String name, int lines) {
        QuarkusService service = services.get(name);
        return service == null ? "(" + name + " not started)" : service.logTail(lines);
    }

    /** An access token of a demo user through the real password grant of the public client yingzao-cli. */
    public String token(String username) {
        return tokens.computeIfAbsent(username, this::passwordGrant);
    }

    private String passwordGrant(String username) {
        String form = "grant_type=password&client_id=" + CLI_CLIENT + "&username=" + enc(username) + "&password=" + enc(DEMO_PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakRealmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("password grant for " + username + " answered " + r.statusCode() + ": " + r.body());
            }
            JsonNode body = json.readTree(r.body());
            return body.get("access_token").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("password grant for " + username + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Duration> startTimes() {
        return Map.copyOf(startTimes);
    }

    /** Stops the services, Keycloak and the broker, in that order; the embedded PostgreSQL stops with the JVM. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long t0 = System.nanoTime();
        services.forEach((name, service) -> stopQuietly(name, service::stop));
        if (keycloak != null) {
            stopQuietly("keycloak", keycloak::stop);
        }
        if (kafka != null) {
            stopQuietly("kafka", kafka::stop);
        }
        System.out.printf("[system-tests] stack stopped in %d ms%n", Duration.ofNanos(System.nanoTime() - t0).toMillis());
    }

    private static void stopQuietly(String what, Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            System.err.println("[system-tests] stopping " + what + " failed: " + e);
        }
    }

    private void timed(String what, long t0) {
        Duration d = Duration.ofNanos(System.nanoTime() - t0);
        startTimes.put(what, d);
        System.out.printf("[system-tests] %s: %.1f s%n", what, d.toMillis() / 1000.0);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run through mvn verify, which sets it)");
        }
        return value;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package city.yingzao.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The real Keycloak distribution ({@code kc.sh start-dev}) with the realm {@code yingzao} imported
 * from {@code deploy/keycloak/realm-yingzao.json}. Its file database under {@code data/h2} is kept
 * between runs (a restart takes 12-18 s instead of 40-55 s) and deleted when the realm file changed.
 */
final class KeycloakServer {

    static final String REALM = "yingzao";

    private final Path home;
    private final Path realmFile;
    private final Path logDir;
    private final int httpPort;
    private final int managementPort;
    private ManagedProcess process;
    private String realmHash;

    KeycloakServer(Path home, Path realmFile, Path logDir) {
        this.home = home;
        this.realmFile = realmFile;
        this.logDir = logDir;
        this.httpPort = Ports.free();
        this.managementPort = Ports.free();
    }

    String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** Starts kc.sh without waiting; {@link #awaitReady} waits. */
    void start() {
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + home
                    + " (the pre-integration-test phase unpacks it: run through mvn verify)");
        }
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalStateException("no realm file at " + realmFile);
        }
        try {
            String hash = sha256(realmFile);
            Path hashFile = home.resolve("data/yingzao-realm.sha256");
            String imported = Files.exists(hashFile) ? Files.readString(hashFile).trim() : "";
            if (!hash.equals(imported)) {
                // the file database keeps the first import: a changed realm needs a fresh one
                KafkaBroker.deleteRecursively(home.resolve("data/h2"));
            }
            Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, home.resolve("data/import/realm-yingzao.json"), StandardCopyOption.REPLACE_EXISTING);
            realmHash = hash; // recorded once Keycloak answered, i.e. the import went through
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = ManagedProcess.start("keycloak", List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                        "--http-port=" + httpPort, "--http-management-port=" + managementPort, "--import-realm"),
                home, logDir.resolve("keycloak.log"),
                Map.of("JAVA_HOME", System.getProperty("java.home"),
                        "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                        "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"));
    }

    /**
     * A changed realm file means a fresh import, which took 175 s and more than 180 s on this
     * 2-core machine at load 30-40 (44 s when quiet): the wait is at least this long.
     */
    static final Duration MINIMUM_READY_TIMEOUT = Duration.ofMinutes(6);

    /** Polls the realm's discovery document until it answers 200 (waiting at least {@link #MINIMUM_READY_TIMEOUT}). */
    void awaitReady(Duration requested) {
        Duration timeout = requested.compareTo(MINIMUM_READY_TIMEOUT) < 0 ? MINIMUM_READY_TIMEOUT : requested;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited while starting\n" + process.logTail(80));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    Files.writeString(home.resolve("data/yingzao-realm.sha256"), realmHash);
                    process.recordDescendants();
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleepQuietly(500);
        }
        throw new IllegalStateException("Keycloak's realm " + REALM + " was not ready within " + timeout + "\n" + process.logTail(80));
    }

    /** Stops kc.sh and the JVM it started (its child), and waits until both are gone. */
    void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Keycloak " + baseUrl() + " " + process;
    }
}

package city.yingzao.benchmarks;

import city.yingzao.testing.TestKafka;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The finance service as it ships (the Quarkus fast-jar built by {@code package}), started in its
 * own JVM against this JVM's embedded PostgreSQL and in-process Kafka, trusting this JVM's token
 * key instead of Keycloak. Nothing of the service is replaced: the benchmark drives it over HTTP.
 */
final class FinanceApp implements AutoCloseable {

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private FinanceApp(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    static FinanceApp start(Path jar, int port, List<String> jvmOptions) throws IOException, InterruptedException {
        FinanceApp app = launch(jar, port, jvmOptions);
        app.awaitHealth("/q/health/ready", Duration.ofMinutes(2));
        return app;
    }

    /** Starts the service and waits until it is live, not until it is ready (its replica may still be loading). */
    static FinanceApp launch(Path jar, int port, List<String> jvmOptions) throws IOException, InterruptedException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first with ./mvnw -B -ntp -pl services/finance package -DskipTests");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.datasource.jdbc.url=" + TestPostgres.jdbcUrl());
        command.add("-Dquarkus.datasource.username=" + TestPostgres.USER);
        command.add("-Dquarkus.datasource.password=" + TestPostgres.PASSWORD);
        command.add("-Dkafka.bootstrap.servers=" + TestKafka.bootstrapServers());
        command.add("-Dquarkus.oidc.public-key=" + TestTokens.publicKeyBase64());
        command.add("-Dquarkus.oidc.token.issuer=" + TestTokens.ISSUER);
        command.add("-Dquarkus.oidc.auth-server-url=");
        command.add("-Dquarkus.oidc.discovery-enabled=false");
        command.add("-jar");
        command.add(jar.toString());
        Path log = Files.createTempFile("finance-bench-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        FinanceApp app = new FinanceApp(process, "http://localhost:" + port, log);
        app.awaitHealth("/q/health/live", Duration.ofMinutes(2));
        return app;
    }

    String url(String path) {
        return baseUrl + path;
    }

    File log() {
        return log.toFile();
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the health endpoint answers 200 (e.g. {@code /q/health/ready}), at most {@code timeout}. */
    void awaitHealth(String path, Duration timeout) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the finance service stopped; see " + log);
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the finance service did not answer 200 on " + path + " within " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}

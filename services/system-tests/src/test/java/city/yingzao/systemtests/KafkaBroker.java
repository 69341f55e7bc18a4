package city.yingzao.systemtests;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real single-node KRaft broker (combined broker + controller) in its own JVM, on fixed ports and
 * a data directory under {@code target/}, so that a test can stop it and start it again with the
 * same address and the same logs.
 */
final class KafkaBroker {

    /** 22 characters of base64url, as {@code kafka-storage random-uuid} prints. */
    private static final String CLUSTER_ID = "eWluZ3phby1zeXN0ZW0tdA";

    private static final String BROKER_LOGGING = String.join("\n",
            "loggers=kafka.request.logger,state.change.logger,org.apache.kafka.clients",
            "logger.level=INFO",
            "logger.handlers=CONSOLE",
            "logger.kafka.request.logger.level=WARN",
            "logger.state.change.logger.level=WARN",
            "logger.org.apache.kafka.clients.level=WARN",
            "handler.CONSOLE=org.jboss.logmanager.handlers.ConsoleHandler",
            "handler.CONSOLE.formatter=PATTERN",
            "handler.CONSOLE.properties=autoFlush",
            "handler.CONSOLE.autoFlush=true",
            "formatter.PATTERN=org.jboss.logmanager.formatters.PatternFormatter",
            "formatter.PATTERN.properties=pattern",
            "formatter.PATTERN.pattern=[%d] %p %s (%c)%e%n",
            "");

    private final Path dir;
    private final int brokerPort;
    private final int controllerPort;
    private final String classPath;
    private ManagedProcess process;

    KafkaBroker(Path dir) {
        this.dir = dir;
        this.brokerPort = Ports.free();
        this.controllerPort = Ports.free();
        // Quarkus's jars would take over the JBoss LogManager configuration (and the broker needs none of them)
        this.classPath = expandedClassPath().stream()
                .filter(e -> !e.contains(File.separator + "io" + File.separator + "quarkus" + File.separator))
                .collect(Collectors.joining(File.pathSeparator));
    }

    String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    /** Formats a fresh data directory (everything of an earlier run is deleted) and starts the broker. */
    void formatAndStart() {
        try {
            deleteRecursively(dir.resolve("data"));
            Files.createDirectories(dir.resolve("data"));
            Files.writeString(dir.resolve("server.properties"), serverProperties());
            Files.writeString(dir.resolve("logging.properties"), BROKER_LOGGING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ManagedProcess.run("kafka-format", List.of(java(), "-cp", classPath, "kafka.tools.StorageTool", "format",
                        "-t", CLUSTER_ID, "-c", dir.resolve("server.properties").toString()),
                dir, dir.resolve("kafka-format.log"), Duration.ofSeconds(60));
        start();
    }

    /** Starts the broker on its data directory as it is and waits until it answers. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is running already");
        }
        process = ManagedProcess.start("kafka", List.of(java(), "-Xms128m", "-Xmx512m",
                        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        // the class path's SLF4J provider is slf4j-jboss-logmanager: configure that, to kafka.log
                        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                        "-Dlogging.configuration=" + dir.resolve("logging.properties").toUri(),
                        "-cp", classPath, "kafka.Kafka", dir.resolve("server.properties").toString()),
                dir, dir.resolve("kafka.log"), Map.of());
        awaitReady(Duration.ofSeconds(90));
    }

    /** Stops the broker (SIGTERM: a controlled shutdown) and waits until its process is gone and its ports are free. */
    synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while ((Ports.listening(brokerPort) || Ports.listening(controllerPort)) && System.nanoTime() < deadline) {
            sleep(100);
        }
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited while starting\n" + process.logTail(60));
            }
            if (Ports.listening(brokerPort)) {
                try (Admin admin = Admin.create(props)) {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // not ready yet
                }
            }
            sleep(200);
        }
        throw new IllegalStateException("the Kafka broker was not ready within " + timeout + "\n" + process.logTail(60));
    }

    private String serverProperties() {
        String data = dir.resolve("data").toAbsolutePath().toString();
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + brokerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + data,
                "metadata.log.dir=" + data,
                "auto.create.topics.enable=true",
                "num.partitions=6",
                "default.replication.factor=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=2",
                "num.io.threads=4",
                "controlled.shutdown.enable=true",
                "");
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * This JVM's class path with manifest-only jars (as Surefire/Failsafe fork with) replaced by the
     * entries of their {@code Class-Path}, so the broker JVM sees the same jars.
     */
    static List<String> expandedClassPath() {
        Set<String> out = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            out.add(entry);
            if (entry.endsWith(".jar") && new File(entry).isFile()) {
                try (JarFile jar = new JarFile(entry)) {
                    Manifest mf = jar.getManifest();
                    String cp = mf == null ? null : mf.getMainAttributes().getValue("Class-Path");
                    if (cp != null && !cp.isBlank()) {
                        out.remove(entry); // the booter jar itself holds only Surefire's classes
                        URL base = new File(entry).toURI().toURL();
                        for (String ref : cp.trim().split("\\s+")) {
                            out.add(Paths.get(new URL(base, ref).toURI()).toString());
                        }
                    }
                } catch (IOException | URISyntaxException e) {
                    throw new IllegalStateException("cannot read the class path entry " + entry, e);
                }
            }
        }
        List<String> result = new ArrayList<>(out);
        if (result.stream().noneMatch(e -> e.contains("kafka_2.13"))) {
            throw new IllegalStateException("kafka_2.13 is not on the test class path: " + result);
        }
        return result;
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Kafka " + bootstrapServers() + " " + process;
    }
}

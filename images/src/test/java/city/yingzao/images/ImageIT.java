package city.yingzao.images;

import city.yingzao.testing.TestTokens;
import city.yingzao.testing.YingzaoTestInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof of issue 15 for one service (property images.proof-service, default registry): its OCI
 * archive from target/images is unpacked into a plain directory, its entrypoint started there as
 * user 185 in a mount namespace (read-only root, tmpfs /tmp, as readOnlyRootFilesystem in the
 * chart) against the test PostgreSQL and Kafka on loopback, and /q/health/ready must answer 200.
 * Also: the image config (user, entrypoint, labels), no setuid files, no shell, each layer's size,
 * and a second build of base and image from scratch giving the same digests. Needs root (mounts).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = System.getProperty("images.proof-service", "registry");
    private static final Path ROOT = Path.of(System.getProperty("images.root", "..")).toAbsolutePath().normalize();
    private static final Path IMAGES = Path.of(System.getProperty("images.dir", "target/images"));
    private static final Path BASE = Path.of(System.getProperty("images.base", "target/base"));
    private static final Path WORK = Path.of(System.getProperty("images.work", "target/proof"));
    private static final String VERSION = System.getProperty("images.version", "0.1.0-SNAPSHOT");

    private static Path rootfs;
    private static HttpServer oidc;
    private static JsonNode manifest;
    private static JsonNode config;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = IMAGES.resolve(SERVICE + ".oci.tar");
        assertThat(archive).as("built by the package phase (BuildImages)").isRegularFile();
        deleteRecursively(WORK);
        Path oci = Files.createDirectories(WORK.resolve("oci"));
        run(List.of("tar", "-xf", archive.toString(), "-C", oci.toString()));
        JsonNode index = JSON.readTree(oci.resolve("index.json").toFile());
        manifest = JSON.readTree(blob(oci, index.get("manifests").get(0).get("digest").asText()).toFile());
        config = JSON.readTree(blob(oci, manifest.get("config").get("digest").asText()).toFile());
        rootfs = Files.createDirectories(WORK.resolve("rootfs"));
        for (JsonNode layer : manifest.get("layers")) {
            assertThat(layer.get("mediaType").asText()).isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
            run(List.of("tar", "--numeric-owner", "-xzf", blob(oci, layer.get("digest").asText()).toString(),
                    "-C", rootfs.toString()));
        }
    }

    @Test
    @Order(1)
    @DisplayName("image config: user 185, the Quarkus entrypoint, the labels; each layer's size")
    void config() {
        JsonNode c = config.get("config");
        assertThat(c.get("User").asText()).isEqualTo("185");
        List<String> entrypoint = new ArrayList<>();
        c.get("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
        assertThat(entrypoint).startsWith(BuildImages.JAVA).endsWith("-jar", "/deployments/quarkus-run.jar");
        assertThat(c.get("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(c.get("Labels").get("city.yingzao.service").asText()).isEqualTo(SERVICE);
        assertThat(c.get("Labels").get("org.opencontainers.image.version").asText()).isEqualTo(VERSION);
        assertThat(c.get("Labels").get("city.yingzao.base.packages").asText()).contains("openjdk-17-jre-headless=");

        List<String> names = new ArrayList<>();
        config.get("history").forEach(h -> names.add(h.has("comment") ? h.get("comment").asText() : "java17-base"));
        long total = 0;
        System.out.printf("image yingzao/%s:%s %s%n", SERVICE, VERSION, digestOf(IMAGES));
        for (int i = 0; i < manifest.get("layers").size(); i++) {
            long size = manifest.get("layers").get(i).get("size").asLong();
            total += size;
            System.out.printf("  layer %d %-12s %,12d bytes (gzip)%n", i, i < names.size() ? names.get(i) : "?", size);
        }
        System.out.printf("  total              %,12d bytes (gzip)%n", total);
        assertThat(manifest.get("layers")).hasSize(5); // base, libs, yingzao-libs, quarkus, app
    }

    @Test
    @Order(2)
    @DisplayName("file system: no setuid or setgid file, no shell, no package manager, Asia/Shanghai and cacerts present")
    void fileSystem() throws IOException {
        List<String> setuid = new ArrayList<>();
        try (Stream<Path> files = Files.walk(rootfs)) {
            files.filter(p -> !Files.isSymbolicLink(p) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
                try {
                    int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                    if ((mode & 06000) != 0) {
                        setuid.add(rootfs.relativize(p).toString());
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        assertThat(setuid).isEmpty();
        for (String absent : List.of("bin/sh", "bin/bash", "bin/dash", "usr/bin/sh", "usr/bin/dpkg", "usr/bin/apt-get")) {
            assertThat(rootfs.resolve(absent)).doesNotExist();
        }
        assertThat(rootfs.resolve("usr/share/zoneinfo/Asia/Shanghai")).isRegularFile();
        assertThat(rootfs.resolve("etc/ssl/certs/java/cacerts")).isRegularFile();
        assertThat(Files.readString(rootfs.resolve("etc/passwd"))).contains("jboss:x:185:185:");
        assertThat(rootfs.resolve("deployments/quarkus-run.jar")).isRegularFile();
    }

    @Test
    @Order(3)
    @DisplayName("the entrypoint started in the unpacked image (user 185, read-only root, tmpfs /tmp) answers 200 on /q/health/ready")
    void startsFromItsOwnFileSystem() throws Exception {
        assertThat(new com.sun.security.auth.module.UnixSystem().getUid())
                .as("the proof mounts a read-only root and /tmp: run as root, or skip with -DskipITs").isZero();
        Map<String, String> env = new LinkedHashMap<>();
        config.get("config").get("Env").forEach(e -> {
            String[] kv = e.asText().split("=", 2);
            env.put(kv[0], kv[1]);
        });
        // PostgreSQL and Kafka of the tests; OIDC from a discovery document served here (the service
        // checks tokens against its JWKS, as against Keycloak in the cluster)
        new YingzaoTestInfrastructure().start().forEach((key, value) -> {
            if (!key.startsWith("quarkus.oidc.")) {
                env.put(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), value);
            }
        });
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", startOidc());
        int port = freePort();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));

        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                String.join("\n",
                        "set -e",
                        "r=\"$1\"; uid=\"$2\"; gid=\"$3\"; wd=\"$4\"; shift 4",
                        "mount --bind \"$r\" \"$r\"",
                        "mount -t tmpfs -o mode=1777,size=256m tmpfs \"$r/tmp\"",
                        "mount -t tmpfs -o mode=755,size=1m tmpfs \"$r/dev\"",
                        "for d in null zero random urandom; do : > \"$r/dev/$d\"; mount --bind \"/dev/$d\" \"$r/dev/$d\"; done",
                        "mount -t proc proc \"$r/proc\"",
                        "mount -o remount,bind,ro \"$r\"",
                        "exec unshare --root=\"$r\" --wd=\"$wd\" --setgid=\"$gid\" --setuid=\"$uid\" -- \"$@\""),
                "sh", rootfs.toAbsolutePath().toString()));
        // the user and working directory the image declares, as a container runtime takes them
        String[] user = config.get("config").get("User").asText().split(":");
        command.add(user[0]);
        command.add(user.length > 1 ? user[1] : user[0]);
        command.add(config.get("config").get("WorkingDir").asText());
        config.get("config").get("Entrypoint").forEach(e -> command.add(e.asText()));
        Path log = WORK.resolve(SERVICE + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            HttpResponse<String> response = null;
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            String output = Files.readString(log);
            assertThat(response).as("no answer from %s; output:%n%s", ready, tail(output)).isNotNull();
            assertThat(response.statusCode()).as("%s%n%s", response.body(), tail(output)).isEqualTo(200);
            assertThat(response.body()).contains("\"UP\"");
            System.out.printf("%s answered %s from its image: %s%n", SERVICE, ready, response.body().replaceAll("\\s+", " "));

            // the JVM really runs as 185, with / mounted read-only
            long pid = process.pid();
            assertThat(Files.readAllLines(Path.of("/proc/" + pid + "/status")))
                    .anyMatch(line -> line.matches("Uid:\\s+185\\s+185\\s+185\\s+185"));
            assertThat(Files.readAllLines(Path.of("/proc/" + pid + "/mountinfo")))
                    .anyMatch(line -> line.split(" ")[4].equals("/") && line.split(" ")[5].matches("(^|.*,)ro(,.*|$)"));
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Order(4)
    @DisplayName("a second build, base from the pinned .debs and image from the same app, gives the same digests")
    void reproducible() throws Exception {
        Path base2 = WORK.resolve("base2");
        run(List.of("bash", ROOT.resolve("deploy/images/build-base.sh").toString(), base2.toString()));
        assertThat(JSON.readTree(base2.resolve("base.json").toFile()).get("oci_manifest_digest").asText())
                .isEqualTo(JSON.readTree(BASE.resolve("base.json").toFile()).get("oci_manifest_digest").asText());
        Path again = WORK.resolve("images2");
        String digest = BuildImages.build(SERVICE, ROOT.resolve("services").resolve(SERVICE).resolve("target/quarkus-app"),
                base2.resolve("yingzao-java17-base.docker.tar"), again, VERSION);
        assertThat(digest).isEqualTo(digestOf(IMAGES));
        System.out.printf("second build: base %s, %s %s (same)%n",
                JSON.readTree(base2.resolve("base.json").toFile()).get("oci_manifest_digest").asText(), SERVICE, digest);
    }

    /** Serves the realm's discovery document and JWKS (the TestTokens key) on loopback; returns the realm URL. */
    private static String startOidc() throws Exception {
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(TestTokens.publicKeyBase64())));
        oidc = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String realm = "http://127.0.0.1:" + oidc.getAddress().getPort() + "/realms/yingzao";
        String discovery = "{\"issuer\":\"" + TestTokens.ISSUER + "\",\"jwks_uri\":\"" + realm
                + "/protocol/openid-connect/certs\",\"token_endpoint\":\"" + realm + "/protocol/openid-connect/token\"}";
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"" + base64url(key.getModulus())
                + "\",\"e\":\"" + base64url(key.getPublicExponent()) + "\"}]}";
        oidc.createContext("/realms/yingzao/.well-known/openid-configuration", exchange -> reply(exchange, discovery));
        oidc.createContext("/realms/yingzao/protocol/openid-connect/certs", exchange -> reply(exchange, jwks));
        oidc.start();
        return realm;
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String base64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (oidc != null) {
            oidc.stop(0);
        }
        // the unpacked file system and the second build are large; the log stays
        deleteRecursively(WORK.resolve("rootfs"));
        deleteRecursively(WORK.resolve("oci"));
        deleteRecursively(WORK.resolve("base2"));
        deleteRecursively(WORK.resolve("images2"));
    }

    private static String digestOf(Path images) {
        try {
            return Files.readString(images.resolve(SERVICE + ".digest")).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path blob(Path oci, String digest) {
        return oci.resolve("blobs").resolve(digest.replace(':', '/'));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("%s%n%s", command, output).isZero();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(p);
            }
        }
    }
}

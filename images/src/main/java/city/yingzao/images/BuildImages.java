package city.yingzao.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds each service's OCI image archive ({@code <out>/<service>.oci.tar}) on the Debian base of
 * deploy/images/build-base.sh with jib-core: no Docker engine, no registry. The layers follow the
 * Quarkus fast-jar layout the Quarkus Jib extension uses: third-party libraries, the project's own
 * libraries, the Quarkus boot files, the application. Every file has Jib's fixed timestamp and the
 * image its fixed creation time, so the same inputs give the same digest.
 *
 * <pre>BuildImages --root DIR --base BASE.docker.tar --out DIR --version V --services a,b,c</pre>
 */
public final class BuildImages {

    public static final String JAVA = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";
    public static final String APP = "/deployments";
    public static final int PORT = 8080;

    private BuildImages() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Path base = Path.of(required(options, "base"));
        Path out = Path.of(required(options, "out"));
        String version = required(options, "version");
        List<String> built = new ArrayList<>();
        for (String service : required(options, "services").split(",")) {
            service = service.trim();
            if (service.isEmpty()) {
                continue;
            }
            Path app = root.resolve("services").resolve(service).resolve("target/quarkus-app");
            if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(app + " has no quarkus-run.jar: package services/" + service + " first");
            }
            String digest = build(service, app, base, out, version);
            built.add(String.format("%-13s %s  %s", service, digest, out.resolve(service + ".oci.tar")));
        }
        System.out.println("Images (name yingzao/<service>:" + version + "):");
        built.forEach(line -> System.out.println("  " + line));
    }

    /** Builds one image archive and returns its manifest digest. */
    public static String build(String service, Path app, Path baseTar, Path out, String version) throws Exception {
        Files.createDirectories(out);
        String baseName = "yingzao/java17-base:local";
        JibContainerBuilder image = Jib.from(TarImage.at(baseTar).named(baseName))
                .setFormat(ImageFormat.OCI)
                .setCreationTime(Instant.EPOCH)
                .setUser("185")
                .setWorkingDirectory(AbsoluteUnixPath.get(APP))
                .setEntrypoint(JAVA,
                        "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError",
                        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                        "-jar", APP + "/quarkus-run.jar")
                .addEnvironmentVariable("QUARKUS_HTTP_PORT", Integer.toString(PORT))
                .addExposedPort(Port.tcp(PORT))
                .setLabels(labels(service, version))
                .setFileEntriesLayers(layers(app));
        Path target = out.resolve(service + ".oci.tar");
        Files.deleteIfExists(target);
        JibContainer container = image.containerize(
                Containerizer.to(TarImage.at(target).named("yingzao/" + service + ":" + version))
                        .setBaseImageLayersCache(out.resolve("jib-cache/base"))
                        .setApplicationLayersCache(out.resolve("jib-cache/app"))
                        .setOfflineMode(true)
                        .setToolName("yingzao-images"));
        String digest = container.getDigest().toString();
        Files.writeString(out.resolve(service + ".digest"), digest + "\n");
        return digest;
    }

    static Map<String, String> labels(String service, String version) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", "yingzao-" + service);
        labels.put("org.opencontainers.image.version", version);
        labels.put("org.opencontainers.image.vendor", "Yingzao");
        labels.put("org.opencontainers.image.base.name", "yingzao/java17-base");
        labels.put("city.yingzao.service", service);
        labels.put("city.yingzao.http-port", Integer.toString(PORT));
        labels.put("city.yingzao.health.ready", "/q/health/ready");
        labels.put("city.yingzao.health.live", "/q/health/live");
        return labels;
    }

    /** Quarkus fast-jar layers, least often changed first. */
    static List<FileEntriesLayer> layers(Path app) throws IOException {
        FileEntriesLayer.Builder libs = FileEntriesLayer.builder().setName("libs");
        FileEntriesLayer.Builder projectLibs = FileEntriesLayer.builder().setName("yingzao-libs");
        FileEntriesLayer.Builder quarkus = FileEntriesLayer.builder().setName("quarkus");
        FileEntriesLayer.Builder application = FileEntriesLayer.builder().setName("app");
        try (Stream<Path> files = Files.walk(app)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                String relative = app.relativize(file).toString().replace('\\', '/');
                AbsoluteUnixPath inImage = AbsoluteUnixPath.get(APP + "/" + relative);
                FilePermissions mode = FilePermissions.DEFAULT_FILE_PERMISSIONS;
                if (relative.startsWith("lib/main/city.yingzao.")) {
                    projectLibs.addEntry(file, inImage, mode);
                } else if (relative.startsWith("lib/")) {
                    libs.addEntry(file, inImage, mode);
                } else if (relative.startsWith("app/")) {
                    application.addEntry(file, inImage, mode);
                } else {
                    quarkus.addEntry(file, inImage, mode); // quarkus/, quarkus-run.jar, quarkus-app-dependencies.txt
                }
            }
        }
        return List.of(libs.build(), projectLibs.build(), quarkus.build(), application.build());
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }
}

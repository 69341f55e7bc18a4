package city.yingzao.charts;

import com.marcnuri.helm.Helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A copy of both charts under {@code target/}, with the umbrella's dependency on
 * yingzao-service packaged there ({@code helm dependency update}). Tests render the copy, so the
 * source tree never gets a {@code charts/yingzao/charts/*.tgz} or a {@code Chart.lock}, and a test
 * may break a template in its own copy to show that validation notices.
 */
final class ChartWorkspace {

    static final String SERVICE_CHART = "yingzao-service";
    static final String UMBRELLA_CHART = "yingzao";

    private static final Path SOURCE = Path.of(System.getProperty("charts.dir", "."));
    private static final Path TARGET = Path.of(System.getProperty("workspace.dir", "target/chart-workspace"));

    private final Path root;

    private ChartWorkspace(Path root) {
        this.root = root;
    }

    /** Copies the charts into {@code target/chart-workspace/<name>} and packages the umbrella's dependencies. */
    static ChartWorkspace copy(String name) {
        Path root = TARGET.resolve(name).toAbsolutePath();
        deleteRecursively(root);
        copyTree(SOURCE.resolve(SERVICE_CHART), root.resolve(SERVICE_CHART));
        copyTree(SOURCE.resolve(UMBRELLA_CHART), root.resolve(UMBRELLA_CHART));
        return new ChartWorkspace(root);
    }

    /** Runs {@code helm dependency update} on the umbrella copy (file://../yingzao-service). */
    ChartWorkspace withDependencies() {
        new Helm(umbrella()).dependency().update().call();
        return this;
    }

    Path serviceChart() {
        return root.resolve(SERVICE_CHART);
    }

    Path umbrella() {
        return root.resolve(UMBRELLA_CHART);
    }

    /** A file of the repository (the realm JSON, for {@code --set-file}). */
    static Path repositoryFile(String relative) {
        return SOURCE.toAbsolutePath().getParent().resolve(relative);
    }

    /** Replaces text in one file of the copy; fails if the text is not there, so a fixture cannot silently stop breaking anything. */
    void replace(Path file, String text, String replacement) {
        try {
            String content = Files.readString(file);
            if (!content.contains(text)) {
                throw new IllegalArgumentException(file + " does not contain: " + text);
            }
            Files.writeString(file, content.replace(text, replacement));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path relative = from.relativize(source);
                // a locally run `helm dependency update` must not leak into the test copy
                if (relative.startsWith("charts") || relative.toString().equals("Chart.lock")) {
                    continue;
                }
                Path destination = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

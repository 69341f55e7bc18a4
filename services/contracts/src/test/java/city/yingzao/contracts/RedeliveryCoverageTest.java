package city.yingzao.contracts;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 4: every event type of {@code docs/events.md} whose consumer is a service of this
 * repository is redelivered (same {@code ce_id} twice) by a test of that consumer's module. Each such
 * test declares the types it covers with {@code @Redelivered(EventType...)} (test-support); this check
 * reads the catalogue's table and the test sources as text, so it needs no service on its classpath.
 *
 * <p>How the consumers cell is read: a consumer marked "planned" is none yet; "… itself" is a producer
 * reacting inside its own transaction (not by consuming); "every service with {@code yingzao-replica}"
 * is the replica module, "… through {@code yingzao-certificates}" the certificates module; any other
 * entry is a module when its first word names a directory of {@code services/}, and is external
 * (dashboards, disclosure mirrors) otherwise.
 */
@DisplayName("Every event type with a named consumer has a redelivery test in that consumer's module")
class RedeliveryCoverageTest {

    static final Path REPO = Path.of("../..");
    static final Path CATALOGUE = REPO.resolve("docs/events.md");
    static final Path SERVICES = REPO.resolve("services");
    static final Pattern ANNOTATION = Pattern.compile("@Redelivered\\s*\\(([^)]*)\\)");
    static final Pattern CONSTANT = Pattern.compile("\\b([A-Z][A-Z0-9_]+)\\b");

    @Test
    @DisplayName("each (ce_type, consuming module) of docs/events.md is declared by a @Redelivered test of that module")
    void everyConsumedTypeIsRedelivered() {
        Map<String, Set<String>> consumers = consumersByCeType();
        Map<String, Set<String>> covered = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        consumers.forEach((ceType, modules) -> {
            for (String module : modules) {
                Set<String> declared = covered.computeIfAbsent(module, RedeliveryCoverageTest::redeliveredIn);
                if (!declared.contains(ceType)) {
                    missing.add(ceType + " -> services/" + module);
                }
            }
        });

        assertThat(missing).as("event types consumed per docs/events.md without a @Redelivered test in the consumer's module")
                .isEmpty();
    }

    @Test
    @DisplayName("the catalogue's table names every event type of EventType once, and some have consumers here")
    void catalogueIsReadWhole() {
        Map<String, Set<String>> consumers = consumersByCeType();

        assertThat(consumers.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(EventType.values()).map(EventType::ceType).toList());
        assertThat(consumers.values().stream().flatMap(Set::stream).collect(Collectors.toSet()))
                .as("consuming modules read from the table").contains("replica", "certificates", "finance", "grants");
    }

    @Test
    @DisplayName("a @Redelivered test names only event types of the contracts")
    void declaredTypesExist() {
        for (String module : modules()) {
            Set<String> known = Arrays.stream(EventType.values()).map(EventType::ceType).collect(Collectors.toSet());
            assertThat(redeliveredIn(module)).as("services/" + module).isSubsetOf(known);
        }
    }

    /** ce_type -> the modules of this repository that consume it, per the table of docs/events.md. */
    static Map<String, Set<String>> consumersByCeType() {
        List<String> lines = read(CATALOGUE).lines().filter(l -> l.startsWith("| `")).toList();
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Set<String> modules = modules();
        for (String line : lines) {
            String[] cells = line.split("\\|");
            // | topic | cleanup | key | ce_type | schema | record | producer | consumers |
            assertThat(cells).as(line).hasSizeGreaterThanOrEqualTo(9);
            String ceType = cells[4].trim().replace("`", "");
            assertThat(out).as("ce_type listed twice: " + ceType).doesNotContainKey(ceType);
            out.put(ceType, consumingModules(cells[8].trim(), modules));
        }
        return out;
    }

    static Set<String> consumingModules(String cell, Set<String> modules) {
        Set<String> found = new LinkedHashSet<>();
        if (cell.contains("yingzao-replica")) {
            found.add("replica");
            return found;
        }
        if (cell.contains("yingzao-certificates")) {
            found.add("certificates");
            return found;
        }
        for (String entry : topLevelEntries(cell)) {
            if (entry.contains("planned") || entry.contains("itself")) {
                continue;
            }
            String first = entry.trim().split("[^A-Za-z-]", 2)[0].toLowerCase();
            if (modules.contains(first)) {
                found.add(first);
            }
        }
        return found;
    }

    /** The cell split at commas outside parentheses. */
    static List<String> topLevelEntries(String cell) {
        List<String> entries = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char ch : cell.toCharArray()) {
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            }
            if (ch == ',' && depth == 0) {
                entries.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        entries.add(current.toString());
        return entries;
    }

    /** The service modules of the repository (directories of services/ with main sources). */
    static Set<String> modules() {
        try (Stream<Path> dirs = Files.list(SERVICES)) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("src/main"))).map(d -> d.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ce_types named by @Redelivered annotations in a module's test sources. */
    static Set<String> redeliveredIn(String module) {
        Path tests = SERVICES.resolve(module).resolve("src/test/java");
        Set<String> types = new TreeSet<>();
        if (!Files.isDirectory(tests)) {
            return types;
        }
        Set<String> names = EnumSet.allOf(EventType.class).stream().map(Enum::name).collect(Collectors.toSet());
        try (Stream<Path> files = Files.walk(tests)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher annotation = ANNOTATION.matcher(read(file));
                while (annotation.find()) {
                    Matcher constant = CONSTANT.matcher(annotation.group(1));
                    while (constant.find()) {
                        if (names.contains(constant.group(1))) {
                            types.add(EventType.valueOf(constant.group(1)).ceType());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

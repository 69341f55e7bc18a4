package city.yingzao.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Command-line options of the benchmarks: {@code --name value} pairs, and where a service's shipped jar is. */
final class Options {

    private Options() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    /** {@code --app}, else the service's fast-jar, looked for from the module and from the repository root. */
    static Path jar(Map<String, String> options, String service) {
        String relative = "services/" + service + "/target/quarkus-app/quarkus-run.jar";
        Path jar = Path.of(options.getOrDefault("--app", "../" + relative));
        return jar.toFile().exists() ? jar : Path.of(options.getOrDefault("--app", relative));
    }
}

package city.yingzao.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The price of a bearer token (issue 9): in ONE run against a running service (./yingzao up, a real
 * Keycloak), the rate of the bare {@code /q/health/live}, the rate of a trivial authenticated GET
 * (default {@code GET /api/settings} with a Keycloak token of {@code city-operator}), the same
 * health endpoint with the token (the authentication path alone, nothing behind it) and their ratios;
 * then, as this machine's own ceiling, how many RS256 verifications one core does per second
 * ({@link java.security.Signature}, a 2048-bit key, the real token's bytes).
 *
 * <p>The load is {@code wrk} (Debian package {@code wrk}), started as a process; phases are
 * interleaved, {@code --rounds} times, and the median of each is printed, so that a machine whose
 * load moves (other builds) moves all of them alike. Prints, asserts nothing.
 *
 * <pre>
 * java -cp benchmarks/target/classes city.yingzao.benchmarks.AuthPathBenchmark \
 *      [--url http://localhost:8081] [--path /api/settings] [--user city-operator] \
 *      [--token-url http://localhost:8180/realms/yingzao/protocol/openid-connect/token] \
 *      [--seconds 10] [--connections 16] [--threads 2] [--rounds 3] [--rs256-seconds 5] [--pid PID]
 * </pre>
 *
 * <p>With {@code --pid} (the service's JVM) it also prints the service's CPU time per request of each
 * phase, read from {@code /proc/PID/stat}: on a machine shared with other builds the rates move with
 * their load, the CPU a request costs much less so.
 */
public final class AuthPathBenchmark {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors:.*");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String url = o.getOrDefault("url", "http://localhost:8081");
        String path = o.getOrDefault("path", "/api/settings");
        String user = o.getOrDefault("user", "city-operator");
        String tokenUrl = o.getOrDefault("token-url", "http://localhost:8180/realms/yingzao/protocol/openid-connect/token");
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "10"));
        int connections = Integer.parseInt(o.getOrDefault("connections", "16"));
        int threads = Integer.parseInt(o.getOrDefault("threads", "2"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        int rs256Seconds = Integer.parseInt(o.getOrDefault("rs256-seconds", "5"));
        long pid = Long.parseLong(o.getOrDefault("pid", "0"));

        String token = token(tokenUrl, user);
        int status = status(url + path, token);
        System.out.printf("auth path benchmark: %s, GET %s as %s (HTTP %d), wrk -t%d -c%d -d%ds, %d rounds%n",
                url, path, user, status, threads, connections, seconds, rounds);
        if (status != 200) {
            throw new IllegalStateException("GET " + path + " with the token answered " + status + ", not 200");
        }
        System.out.printf("load average at start: %s%n", loadAverage());

        Wrk wrk = new Wrk(threads, connections, seconds, pid);
        String bare = url + "/q/health/live";
        wrk.run(bare, null);            // warm-up: JIT, connections
        wrk.run(url + path, token);
        wrk.cpuMicrosPerRequest.clear();

        List<Double> bareRates = new ArrayList<>();
        List<Double> authRates = new ArrayList<>();
        List<Double> healthTokenRates = new ArrayList<>();
        List<Double> bareCpu = new ArrayList<>();
        List<Double> authCpu = new ArrayList<>();
        List<Double> healthTokenCpu = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            double b = wrk.run(bare, null);
            double a = wrk.run(url + path, token);
            double h = wrk.run(bare, token);
            bareRates.add(b);
            authRates.add(a);
            healthTokenRates.add(h);
            bareCpu.add(wrk.cpuMicrosPerRequest.get(0));
            authCpu.add(wrk.cpuMicrosPerRequest.get(1));
            healthTokenCpu.add(wrk.cpuMicrosPerRequest.get(2));
            wrk.cpuMicrosPerRequest.clear();
            System.out.printf("  round %d: bare %,.0f/s, GET %s with token %,.0f/s (%.0f%%), health with token %,.0f/s (%.0f%%)%n",
                    r, b, path, a, 100 * a / b, h, 100 * h / b);
        }
        double bareMedian = median(bareRates);
        double authMedian = median(authRates);
        double healthTokenMedian = median(healthTokenRates);
        double verifications = rs256PerCore(token, rs256Seconds);

        System.out.println();
        String cpuHeader = pid > 0 ? " service CPU µs/request | bare's CPU / this CPU |" : "";
        System.out.printf("| measurement | requests/s | of bare |%s%n|---|---|---|%s%n", cpuHeader, pid > 0 ? "---|---|" : "");
        System.out.printf("| bare GET /q/health/live (no token) | %,.0f | 100%% |%s%n", bareMedian, cpu(pid, bareCpu, bareCpu));
        System.out.printf("| authenticated GET %s (Keycloak token) | %,.0f | **%.0f%%** |%s%n", path, authMedian, 100 * authMedian / bareMedian, cpu(pid, authCpu, bareCpu));
        System.out.printf("| GET /q/health/live with the token (authentication alone) | %,.0f | %.0f%% |%s%n", healthTokenMedian, 100 * healthTokenMedian / bareMedian, cpu(pid, healthTokenCpu, bareCpu));
        System.out.printf("| RS256 verifications, one core, java.security.Signature | %,.0f | (%.0f µs each) |%s%n", verifications, 1e6 / verifications, pid > 0 ? " | |" : "");
        System.out.printf("load average at end: %s%n", loadAverage());
    }

    private static String cpu(long pid, List<Double> these, List<Double> bare) {
        if (pid <= 0) {
            return "";
        }
        double mine = median(these);
        return String.format(" %,.0f | %.0f%% |", mine, 100 * median(bare) / mine);
    }

    /** wrk as a process; the rate it reports, with non-2xx answers and socket errors called out. */
    record Wrk(int threads, int connections, int seconds, long pid, List<Double> cpuMicrosPerRequest) {
        Wrk(int threads, int connections, int seconds, long pid) {
            this(threads, connections, seconds, pid, new ArrayList<>());
        }

        double run(String target, String token) throws IOException, InterruptedException {
            long cpuBefore = cpuTicks(pid);
            List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s"));
            if (token != null) {
                command.addAll(List.of("-H", "Authorization: Bearer " + token));
            }
            command.add(target);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("wrk failed (is the Debian package wrk installed?):\n" + out);
            }
            Matcher non2xx = NON_2XX.matcher(out);
            if (non2xx.find()) {
                throw new IllegalStateException(target + ": " + non2xx.group(1) + " answers were not 2xx (token expired?):\n" + out);
            }
            Matcher errors = ERRORS.matcher(out);
            if (errors.find()) {
                System.out.println("    " + target + ": " + errors.group());
            }
            Matcher rate = RATE.matcher(out);
            Matcher requests = REQUESTS.matcher(out);
            if (!rate.find() || !requests.find()) {
                throw new IllegalStateException("no rate in wrk's output:\n" + out);
            }
            if (pid > 0) {
                // clock ticks of 10 ms (USER_HZ 100 on Linux)
                cpuMicrosPerRequest.add((cpuTicks(pid) - cpuBefore) * 10_000.0 / Long.parseLong(requests.group(1)));
            }
            return Double.parseDouble(rate.group(1));
        }

        /** utime + stime of the process, in clock ticks. */
        static long cpuTicks(long pid) throws IOException {
            if (pid <= 0) {
                return 0;
            }
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
    }

    /** RS256 verifications per second on one thread, over the real token's signing input. */
    static double rs256PerCore(String token, int seconds) throws Exception {
        String[] parts = token.split("\\.");
        byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(input);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        long warmUpEnd = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < warmUpEnd) {
            verify(verifier, keys, input, signature);
        }
        long count = 0;
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        long now;
        do {
            for (int i = 0; i < 100; i++) {
                verify(verifier, keys, input, signature);
            }
            count += 100;
            now = System.nanoTime();
        } while (now < end);
        return count / ((now - start) / 1e9);
    }

    private static void verify(Signature verifier, KeyPair keys, byte[] input, byte[] signature) throws Exception {
        verifier.initVerify(keys.getPublic());
        verifier.update(input);
        if (!verifier.verify(signature)) {
            throw new IllegalStateException("signature did not verify");
        }
    }

    static String token(String tokenUrl, String user) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=yingzao-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=demo";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tokenUrl))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no token from " + tokenUrl + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    static int status(String target, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(target))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String loadAverage() {
        try {
            return Arrays.toString(Arrays.copyOf(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}

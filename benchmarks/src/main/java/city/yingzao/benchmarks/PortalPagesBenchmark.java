package city.yingzao.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The portal's pages (issue 14), against a running portal and the stack behind it (./yingzao up, a real Keycloak): the time
 * a page takes from request to last byte (p50/p95/p99, sequential, after a warm-up) of
 * <ul>
 *   <li>the operator dashboard ({@code /operator}, signed in as {@code --user} through Keycloak's own login form), which asks
 *   the services only for totals and one page of districts, never for the city's communities one by one;</li>
 *   <li>a community's public disclosure ({@code /public/communities/{code}}, anonymous: finance's disclosure and ledger, and
 *   the page's own check of the ledger chain);</li>
 * </ul>
 * beside the machine's own limit measured in the same run: the same portal's {@code /q/health/live} over the same client (what
 * any request costs here with nothing behind it). Then the JavaScript each page loads: the sum of its {@code <script src>}
 * assets, raw and gzipped. It also prints how many communities the registry holds, since the figures are only as large as the
 * city behind them. Prints, asserts nothing.
 *
 * <pre>
 * java -cp benchmarks/target/classes city.yingzao.benchmarks.PortalPagesBenchmark \
 *      [--portal http://localhost:8080] [--registry http://localhost:8081] [--user city-operator] [--password demo] \
 *      [--community 510104021001] [--requests 300] [--warmup 50]
 * </pre>
 */
public final class PortalPagesBenchmark {

    private static final Pattern SCRIPT = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+)\"");
    /** Static imports of an ES module: {@code import"./x.js"} or {@code from"./x.js"}. */
    private static final Pattern IMPORT = Pattern.compile("(?:\\bfrom|\\bimport)\\s*[\"'](\\.{1,2}/[^\"']+\\.js)[\"']");
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"totalItems\"\\s*:\\s*(\\d+)");

    private PortalPagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        String portal = o.getOrDefault("--portal", "http://localhost:8080");
        String registry = o.getOrDefault("--registry", "http://localhost:8081");
        String user = o.getOrDefault("--user", "city-operator");
        String password = o.getOrDefault("--password", "demo");
        String community = o.getOrDefault("--community", "510104021001");
        int requests = Integer.parseInt(o.getOrDefault("--requests", "300"));
        int warmup = Integer.parseInt(o.getOrDefault("--warmup", "50"));

        HttpClient anonymous = client();
        HttpClient operator = client();
        signIn(operator, portal, "/operator", user, password);

        String communities = get(anonymous, registry + "/api/public/communities?size=1").body();
        Matcher total = TOTAL.matcher(communities);
        System.out.printf("communities in the registry: %s%n", total.find() ? total.group(1) : "?");
        System.out.printf("load average at start: %s%n", loadAverage());

        Latencies floor = time(anonymous, portal + "/q/health/live", warmup, requests);
        Latencies dashboard = time(operator, portal + "/operator", warmup, requests);
        Latencies disclosure = time(anonymous, portal + "/public/communities/" + community, warmup, requests);
        Latencies floorAgain = time(anonymous, portal + "/q/health/live", warmup, requests);

        System.out.printf("%nserver time, %d sequential requests after %d warm-up, ms (p50 / p95 / p99)%n", requests, warmup);
        print("machine's floor: portal /q/health/live (before)", floor);
        print("operator dashboard /operator (" + user + ")", dashboard);
        print("public disclosure /public/communities/" + community, disclosure);
        print("machine's floor: portal /q/health/live (after)", floorAgain);

        System.out.printf("%nJavaScript each page loads (sum of its <script src> assets)%n");
        weight(operator, portal, "/operator");
        weight(operator, portal, "/operator/districts/" + o.getOrDefault("--district", "510104"));
        weight(operator, portal, "/operator/communities/" + community);
        weight(anonymous, portal, "/public/communities/" + community);
        weight(anonymous, portal, "/public/communities");
        System.out.printf("load average at end: %s%n", loadAverage());
        System.exit(0);
    }

    static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new Jar())
                .followRedirects(HttpClient.Redirect.ALWAYS).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Through Keycloak's own login form, as a browser does: the portal sends the browser there and back (code flow). */
    static void signIn(HttpClient client, String portal, String path, String user, String password) throws Exception {
        HttpResponse<String> login = get(client, portal + path);
        Matcher action = FORM_ACTION.matcher(login.body());
        if (!action.find()) {
            throw new IllegalStateException("no login form at " + login.uri());
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> back = client.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (back.statusCode() != 200 || !back.uri().toString().startsWith(portal)) {
            throw new IllegalStateException("sign-in of " + user + " ended at " + back.uri() + " with " + back.statusCode());
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Latencies time(HttpClient client, String url, int warmup, int requests) throws Exception {
        for (int i = 0; i < warmup; i++) {
            check(url, get(client, url));
        }
        Latencies latencies = new Latencies(requests);
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = get(client, url);
            latencies.add(System.nanoTime() - start);
            check(url, r);
        }
        return latencies;
    }

    private static void check(String url, HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
    }

    private static void print(String what, Latencies l) {
        System.out.printf("  %-58s %8.2f / %8.2f / %8.2f%n", what, l.percentileMillis(50), l.percentileMillis(95), l.percentileMillis(99));
    }

    private static void weight(HttpClient client, String portal, String path) throws Exception {
        String page = get(client, portal + path).body();
        Set<String> sources = new LinkedHashSet<>();
        Matcher m = SCRIPT.matcher(page);
        while (m.find()) {
            sources.add(m.group(1));
        }
        long raw = 0;
        long gzip = 0;
        // an island is an ES module: the chunks it imports (shared ECharts, Lit) load with it, so they count too
        java.util.Deque<String> queue = new java.util.ArrayDeque<>(sources);
        Set<String> loaded = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            String src = queue.pop();
            if (!loaded.add(src)) {
                continue;
            }
            byte[] body = client.send(HttpRequest.newBuilder(URI.create(src.startsWith("http") ? src : portal + src)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            raw += body.length;
            gzip += gzipped(body);
            Matcher imports = IMPORT.matcher(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            String dir = src.substring(0, src.lastIndexOf('/') + 1);
            while (imports.find()) {
                queue.add(URI.create(dir).resolve(imports.group(1)).toString());
            }
        }
        sources = loaded;
        System.out.printf("  %-48s %2d scripts %9s raw %9s gzip  %s%n", path, sources.size(), kib(raw), kib(gzip), sources);
    }

    /**
     * Cookies per host and port, as a browser keeps them for http://localhost: Keycloak marks its cookies Secure and
     * SameSite=None, which browsers accept on localhost and java.net.CookieManager does not send over http.
     */
    private static final class Jar extends CookieHandler {

        private final Map<String, Map<String, String>> byOrigin = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            Map<String, String> cookies = byOrigin.getOrDefault(uri.getHost() + ":" + uri.getPort(), Map.of());
            if (cookies.isEmpty()) {
                return Map.of();
            }
            StringBuilder header = new StringBuilder();
            cookies.forEach((k, v) -> header.append(header.isEmpty() ? "" : "; ").append(k).append('=').append(v));
            return Map.of("Cookie", List.of(header.toString()));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) {
            Map<String, String> cookies = byOrigin.computeIfAbsent(uri.getHost() + ":" + uri.getPort(),
                    o -> java.util.Collections.synchronizedMap(new LinkedHashMap<>()));
            headers.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("set-cookie")) {
                    for (String v : values) {
                        String pair = v.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            String key = pair.substring(0, eq).trim();
                            String value = pair.substring(eq + 1).trim();
                            boolean expired = v.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
                            if (expired || value.isEmpty()) {
                                cookies.remove(key);
                            } else {
                                cookies.put(key, value);
                            }
                        }
                    }
                }
            });
        }
    }

    private static long gzipped(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(body);
        }
        return out.size();
    }

    private static String kib(long bytes) {
        return String.format("%.1f KiB", bytes / 1024.0);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}

package city.yingzao.benchmarks;

import city.yingzao.testing.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures for issue 4: (a) the allocation run for 4,000 and 40,000 communities (targets: under 2 s
 * and under 10 s), (b) the vote intake (target: at least 5,000 votes per second), with p99 latency,
 * one ballot per request, then (c) paper ballots entered in stacks, many ballots per request.
 * Starts the finance service's shipped jar against embedded PostgreSQL and Kafka, fills the registry
 * replica, and drives the service over HTTP with signed tokens. Prints figures; asserts nothing.
 *
 * <pre>
 * ./mvnw -B -ntp -pl services/finance package -DskipTests
 * ./mvnw -B -ntp -pl benchmarks -am -Pbench compile exec:java [-Dbench.args="--votes 100000 --concurrency 256"]
 * </pre>
 */
public final class FinanceBenchmark {

    private static final String VOTING_COMMUNITY = "BVOTE01";
    private static final String STACK_COMMUNITY = "BVOTE02";

    private FinanceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        Path jar = Options.jar(options, "finance");
        int small = Integer.parseInt(options.getOrDefault("--small", "4000"));
        int large = Integer.parseInt(options.getOrDefault("--large", "40000"));
        int votes = Integer.parseInt(options.getOrDefault("--votes", "60000"));
        int warmup = Integer.parseInt(options.getOrDefault("--warmup", "10000"));
        int concurrency = Integer.parseInt(options.getOrDefault("--concurrency", "128"));
        int port = Integer.parseInt(options.getOrDefault("--port", "18083"));
        int stackVotes = Integer.parseInt(options.getOrDefault("--stack-votes", "100000"));
        int stackSize = Integer.parseInt(options.getOrDefault("--stack-size", "500"));
        int stackConcurrency = Integer.parseInt(options.getOrDefault("--stack-concurrency", "8"));
        boolean allocations = !"false".equals(options.get("--allocation"));

        System.out.printf("machine: %d cores, Java %s; service: %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), jar);
        try (FinanceApp app = FinanceApp.start(jar, port, List.of("-Xmx1g"))) {
            System.out.println("service log: " + app.log());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(10)).build();
            String operator = TestTokens.user("bench-operator").roles("city-operator").sign();

            if (allocations) {
                System.out.println();
                System.out.println("== (a) allocation run (F1-F4): one POST /api/allocations/runs, one transaction ==");
                // warm-up: the service's first run of its life compiles its code paths; measured runs start warm
                Seed.communities(1, 500);
                allocation(client, app, operator, 2100, "warm-up run, 500 communities", 2.0);
                awaitOutboxDrained();
                Seed.communities(501, small);
                allocation(client, app, operator, 2101, small + " communities", 2.0);
                awaitOutboxDrained();
                Seed.communities(small + 1, large);
                allocation(client, app, operator, 2102, large + " communities", 10.0);
                allocation(client, app, operator, 2102, "rerun of the same year (nothing new)", 10.0);
                awaitOutboxDrained();
            }
            if (votes > 0) {
                voteIntake(client, app, votes, warmup, concurrency);
            }
            if (stackVotes > 0) {
                paperStacks(client, app, stackVotes, stackSize, stackConcurrency);
            }
        }
        System.exit(0);
    }

    private static void voteIntake(HttpClient client, FinanceApp app, int votes, int warmup, int concurrency) throws Exception {
        System.out.println();
        System.out.println("== (b) vote intake (F7): paper ballots, one household each, group-committed ==");
        Seed.votingCommunity(VOTING_COMMUNITY, warmup + votes);
        String staff = TestTokens.user("bench-staff").roles("community-staff").communities(VOTING_COMMUNITY).sign();
        String project = id(post(client, app.url("/api/communities/" + VOTING_COMMUNITY + "/projects"), staff, """
                {"fundYear":2102,"title":"bench project","category":"CULTURE_AND_SPORTS","purpose":"bench",
                 "budgetFen":100000,"urgency":"LOW"}"""));
        String round = id(post(client, app.url("/api/communities/" + VOTING_COMMUNITY + "/vote-rounds"), staff,
                "{\"title\":\"bench round\",\"projectIds\":[\"" + project + "\"]}"));
        String ballots = app.url("/api/communities/" + VOTING_COMMUNITY + "/vote-rounds/" + round + "/paper-ballots");
        votes(ballots, staff, project, 1, warmup, concurrency, "warm-up");
        votes(ballots, staff, project, warmup + 1, votes, concurrency, "measured");
        HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(URI.create(app.url("/q/metrics"))).build(),
                HttpResponse.BodyHandlers.ofString());
        double batches = metric(metrics.body(), "yingzao_finance_votes_batch_seconds_count");
        double batchSeconds = metric(metrics.body(), "yingzao_finance_votes_batch_seconds_sum");
        double ballotsInBatches = metric(metrics.body(), "yingzao_finance_votes_batch_size_sum");
        System.out.printf("intake transactions: %,.0f for %,.0f ballots (%.1f per batch, max %.0f), %.1f ms each, %.1f s in all: "
                        + "the database side alone takes %,.0f ballots/s at these batch sizes%n", batches, ballotsInBatches,
                ballotsInBatches / batches, metric(metrics.body(), "yingzao_finance_votes_batch_size_max"),
                batchSeconds * 1000 / batches, batchSeconds, ballotsInBatches / batchSeconds);
        String resident = TestTokens.user("bench-resident").roles("resident").communities("ELSEWHERE").household("H1").sign();
        VoteLoad.Result bare = VoteLoad.run(app.url("/api/ledger/verify"), resident, votes / 2, concurrency, i -> "{}");
        System.out.printf("ceiling of the HTTP + bearer-token path on this machine (signed request refused by role, no work): "
                + "%,.0f requests/s, p99 %.1f ms%n", bare.count() / bare.seconds(), bare.latencies().percentileMillis(99));
        System.out.printf("ballots recorded in the round: %,d; tally of the candidate: %,d%n",
                Seed.count("select ballots from vote_round where id = ?::uuid", round),
                Seed.count("select approvals from vote_tally where round_id = ?::uuid", round));
    }

    /** (c) Paper ballots digitised after a paper count, {@code size} per request through the same intake. */
    private static void paperStacks(HttpClient client, FinanceApp app, int ballots, int size, int concurrency) throws Exception {
        System.out.println();
        System.out.printf("== (c) paper ballots in stacks (F7): POST …/paper-ballots/batch, %d ballots per request ==%n", size);
        int warmupStacks = Math.max(1, 10_000 / size);
        int stacks = ballots / size;
        Seed.votingCommunity(STACK_COMMUNITY, (warmupStacks + stacks) * size);
        String staff = TestTokens.user("bench-staff").roles("community-staff").communities(STACK_COMMUNITY).sign();
        String project = id(post(client, app.url("/api/communities/" + STACK_COMMUNITY + "/projects"), staff, """
                {"fundYear":2102,"title":"bench project","category":"CULTURE_AND_SPORTS","purpose":"bench",
                 "budgetFen":100000,"urgency":"LOW"}"""));
        String round = id(post(client, app.url("/api/communities/" + STACK_COMMUNITY + "/vote-rounds"), staff,
                "{\"title\":\"bench stacks\",\"projectIds\":[\"" + project + "\"]}"));
        String url = app.url("/api/communities/" + STACK_COMMUNITY + "/vote-rounds/" + round + "/paper-ballots/batch");
        stacks(url, staff, project, 1, warmupStacks, size, concurrency, "warm-up");
        stacks(url, staff, project, warmupStacks * size + 1, stacks, size, concurrency, "measured");
        System.out.printf("ballots recorded in the round: %,d of %,d sent; tally of the candidate: %,d%n",
                Seed.count("select ballots from vote_round where id = ?::uuid", round), (warmupStacks + stacks) * size,
                Seed.count("select approvals from vote_tally where round_id = ?::uuid", round));
    }

    private static void stacks(String url, String token, String project, int firstHousehold, int stacks, int size,
            int concurrency, String label) throws Exception {
        String approvals = "\"approvals\":[\"" + project + "\"]}";
        VoteLoad.Result r = VoteLoad.run(url, token, stacks, concurrency, i -> {
            StringBuilder body = new StringBuilder(size * 64).append("{\"sheet\":\"STACK-").append(i).append("\",\"ballots\":[");
            for (int k = 0; k < size; k++) {
                body.append(k == 0 ? "" : ",").append("{\"householdCode\":\"")
                        .append(String.format("H%07d", firstHousehold + i * size + k)).append("\",").append(approvals);
            }
            return body.append("]}").toString();
        });
        double rate = (double) stacks * size / r.seconds();
        System.out.printf("%-9s %,7d ballots in %,d stacks of %d in %5.2f s = %,6.0f votes/s (target >= 5,000: %s); "
                        + "latency per stack p50 %.1f ms, p99 %.1f ms, max %.1f ms; 200: %,d, other: %,d; %d stacks in flight%n",
                label, stacks * size, stacks, size, r.seconds(), rate, rate >= 5000 ? "met" : "MISSED",
                r.latencies().percentileMillis(50), r.latencies().percentileMillis(99), r.latencies().percentileMillis(100),
                r.ok(), r.other(), concurrency);
    }

    private static double metric(String prometheus, String name) {
        return prometheus.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** The kernel's relay publishes the runs' events in the background; the next measurement waits for it to finish. */
    private static void awaitOutboxDrained() throws InterruptedException {
        long start = System.nanoTime();
        while (Seed.count("select count(*) from outbox_message where sent_at is null") > 0) {
            Thread.sleep(200);
        }
        System.out.printf("  (outbox drained to Kafka, %,d events so far, %.1f s after the run)%n",
                Seed.count("select count(*) from outbox_message"), (System.nanoTime() - start) / 1e9);
    }

    private static void allocation(HttpClient client, FinanceApp app, String token, int year, String what, double targetSeconds)
            throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = client.send(request(app.url("/api/allocations/runs"), token, "{\"fundYear\":" + year + "}"),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("allocation run answered " + r.statusCode() + ": " + r.body());
        }
        System.out.printf("%-40s %6.2f s over HTTP (server %s ms), allocated now %s, target < %.0f s: %s%n", what, seconds,
                field(r.body(), "millis"), field(r.body(), "allocatedNow"), targetSeconds,
                seconds < targetSeconds ? "met" : "MISSED");
    }

    private static void votes(String url, String token, String project, int firstHousehold, int count, int concurrency,
            String label) throws Exception {
        VoteLoad.Result r = VoteLoad.run(url, token, count, concurrency, i -> "{\"householdCode\":\""
                + String.format("H%07d", firstHousehold + i) + "\",\"sheet\":\"S-BENCH\",\"approvals\":[\"" + project + "\"]}");
        double rate = r.count() / r.seconds();
        System.out.printf("%-9s %,7d ballots in %5.2f s = %,6.0f votes/s (target >= 5,000: %s); latency p50 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms; 201: %,d, other: %,d; %d in flight%n",
                label, r.count(), r.seconds(), rate, rate >= 5000 ? "met" : "MISSED", r.latencies().percentileMillis(50),
                r.latencies().percentileMillis(99), r.latencies().percentileMillis(100), r.ok(), r.other(), concurrency);
    }

    private static HttpResponse<String> post(HttpClient client, String url, String token, String body) throws Exception {
        HttpResponse<String> r = client.send(request(url, token, body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    private static HttpRequest request(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String id(HttpResponse<String> r) {
        return field(r.body(), "id");
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }
}

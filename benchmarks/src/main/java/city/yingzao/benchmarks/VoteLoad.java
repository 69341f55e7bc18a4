package city.yingzao.benchmarks;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Closed-loop HTTP load with a fixed number of requests in flight, on one Vert.x event loop, so the
 * client takes as little of the machine's two cores as possible from the service it measures.
 */
final class VoteLoad {

    /** What a load run measured: requests answered 200/201 ({@code ok}) or otherwise, latency per request. */
    record Result(int count, double seconds, int ok, int other, Latencies latencies) {
    }

    private VoteLoad() {
    }

    static Result run(String url, String token, int count, int concurrency, IntFunction<String> body) throws InterruptedException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        URI uri = URI.create(url);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false)
                .setDefaultHost(uri.getHost()).setDefaultPort(uri.getPort()), new PoolOptions().setHttp1MaxSize(concurrency));
        Latencies latencies = new Latencies(count);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        long start = System.nanoTime();
        Runnable[] sendNext = new Runnable[1];
        sendNext[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                return;
            }
            long sent = System.nanoTime();
            Buffer payload = Buffer.buffer(body.apply(i));
            client.request(new RequestOptions().setMethod(HttpMethod.POST).setURI(uri.getRawPath())
                            .putHeader("Authorization", "Bearer " + token).putHeader("Content-Type", "application/json"))
                    .compose(request -> request.send(payload))
                    .compose(response -> response.body().map(ignored -> response.statusCode()))
                    .onComplete(outcome -> {
                        latencies.add(System.nanoTime() - sent);
                        if (outcome.succeeded() && (outcome.result() == 200 || outcome.result() == 201)) {
                            ok.incrementAndGet();
                        } else {
                            other.incrementAndGet();
                        }
                        done.countDown();
                        sendNext[0].run();
                    });
        };
        vertx.runOnContext(v -> {
            for (int i = 0; i < concurrency; i++) {
                sendNext[0].run();
            }
        });
        done.await(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        client.close();
        vertx.close();
        return new Result(count, seconds, ok.get(), other.get(), latencies);
    }
}

package city.yingzao.benchmarks;

import java.util.Arrays;

/** Latencies in nanoseconds, reported as percentiles in milliseconds. */
final class Latencies {

    private final long[] nanos;
    private int size;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    synchronized void add(long latencyNanos) {
        nanos[size++] = latencyNanos;
    }

    synchronized int size() {
        return size;
    }

    synchronized double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}

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

    /** Adds unless full (a time-bounded load whose count is not known in advance); false when full. */
    synchronized boolean offer(long latencyNanos) {
        if (size == nanos.length) {
            return false;
        }
        nanos[size++] = latencyNanos;
        return true;
    }

    synchronized int size() {
        return size;
    }

    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}

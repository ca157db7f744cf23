package cn.zhaoshang.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/** Latencies per operation (thread-safe), and their percentiles in milliseconds. */
final class Stats {

    private final Map<String, ConcurrentLinkedQueue<Long>> nanosByOperation = new ConcurrentHashMap<>();

    <T> T time(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            record(operation, System.nanoTime() - start);
        }
    }

    void time(String operation, Runnable call) {
        time(operation, () -> {
            call.run();
            return null;
        });
    }

    void record(String operation, long nanos) {
        nanosByOperation.computeIfAbsent(operation, k -> new ConcurrentLinkedQueue<>()).add(nanos);
    }

    long count(String operation) {
        ConcurrentLinkedQueue<Long> values = nanosByOperation.get(operation);
        return values == null ? 0 : values.size();
    }

    /** operation → {count, p50, p95, p99, max} in ms. */
    Map<String, Map<String, Object>> summary() {
        Map<String, Map<String, Object>> summary = new LinkedHashMap<>();
        nanosByOperation.keySet().stream().sorted().forEach(op -> summary.put(op, percentiles(op)));
        return summary;
    }

    Map<String, Object> percentiles(String operation) {
        long[] sorted = nanosByOperation.getOrDefault(operation, new ConcurrentLinkedQueue<>()).stream()
                .mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("count", sorted.length);
        row.put("p50", ms(at(sorted, 0.50)));
        row.put("p95", ms(at(sorted, 0.95)));
        row.put("p99", ms(at(sorted, 0.99)));
        row.put("max", ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        return row;
    }

    /** Nearest-rank percentile. */
    private static long at(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    static Supplier<Void> of(Runnable runnable) {
        return () -> {
            runnable.run();
            return null;
        };
    }

    @Override
    public String toString() {
        return Arrays.toString(nanosByOperation.keySet().toArray());
    }
}

package cn.zhaoshang.support;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A generator of test inputs from a seeded {@link Random}: the whole run is reproduced by its seed
 * ({@code -Dfuzz.seed=…}, printed with every failure). Small on purpose: the bad-input suite needs choice, mapping
 * and weighting, not shrinking — a refused request is reported with the exact body that was sent.
 */
@FunctionalInterface
public interface Gen<T> {

    T next(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapping) {
        return random -> mapping.apply(next(random));
    }

    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        List<T> list = Arrays.asList(values);
        return random -> list.get(random.nextInt(list.size()));
    }

    static <T> Gen<T> of(List<T> values) {
        List<T> list = List.copyOf(values);
        return random -> list.get(random.nextInt(list.size()));
    }

    /** One of the generators, each equally likely. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
        return random -> generators[random.nextInt(generators.length)].next(random);
    }

    static Gen<Integer> between(int minInclusive, int maxInclusive) {
        return random -> minInclusive + random.nextInt(maxInclusive - minInclusive + 1);
    }

    /** How many tries a property gets: {@code -Dfuzz.tries=N} (default {@code defaultTries}). */
    static int tries(int defaultTries) {
        return Integer.getInteger("fuzz.tries", defaultTries);
    }

    /** The run's seed: {@code -Dfuzz.seed=N} repeats a run, otherwise a new one each time. */
    static long seed() {
        Long fixed = Long.getLong("fuzz.seed");
        return fixed != null ? fixed : new Random().nextLong();
    }
}

package io.firewatch.aws;

import java.util.function.Supplier;

/**
 * A value built on first use and kept for the container's life. A failed build is not kept, so the next
 * invocation tries again (a secret or endpoint that was briefly unavailable).
 */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private volatile T value;

    Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = factory.get();
                    value = v;
                }
            }
        }
        return v;
    }
}

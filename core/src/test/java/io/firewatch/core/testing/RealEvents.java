package io.firewatch.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * The real third-party events of {@code ../shared/real-events}, which live beside the checkout, never in it. A clone
 * with nothing beside it skips their tests with a visible notice; {@code -Dfirewatch.realEvents=required} (what
 * {@code .ci/run} passes) turns a missing folder into a failure, so CI can never skip them silently.
 */
public final class RealEvents {
    public static final String PROPERTY = "firewatch.realEvents";

    private static final Set<String> NOTICES = ConcurrentHashMap.newKeySet();

    /** Whether the real events may be missing. */
    public enum Mode {
        OPTIONAL, REQUIRED;

        /** Reads the property's value; a misspelt value fails rather than quietly meaning "optional". */
        static Mode of(String value) {
            if (value == null || value.isEmpty()) {
                return OPTIONAL;
            }
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + value + ": expected optional or required", e);
            }
        }
    }

    private RealEvents() {
    }

    /** {@code real-events/<sub>}; skips the calling test (or test factory) when it is absent and optional. */
    public static Path folder(String sub) {
        return assumePresent(noticeIfMissing(locate(Fixtures.realEvents(), sub, mode()), sub), sub);
    }

    /** The {@code real-events} folder, or null when it is absent and optional (for tests that only add to it). */
    public static Path rootIfPresent() {
        return noticeIfMissing(locate(Fixtures.realEvents(), null, mode()), null);
    }

    static Mode mode() {
        return Mode.of(System.getProperty(PROPERTY));
    }

    static Path folder(Path root, String sub, Mode mode) {
        return assumePresent(locate(root, sub, mode), sub);
    }

    private static Path assumePresent(Path dir, String sub) {
        Assumptions.assumeTrue(dir != null, () -> describe(sub) + " is not beside the checkout: skipped (optional in a"
                + " plain clone; CI requires it with -D" + PROPERTY + "=required)");
        return dir;
    }

    static Path locate(Path root, String sub, Mode mode) {
        Path dir = root == null ? null : sub == null ? root : root.resolve(sub);
        if (dir != null && Files.isDirectory(dir)) {
            return dir;
        }
        if (mode == Mode.REQUIRED) {
            throw new AssertionError(describe(sub) + " is required (-D" + PROPERTY + "=required) but is not beside the checkout");
        }
        return null;
    }

    private static Path noticeIfMissing(Path dir, String sub) {
        if (dir == null && NOTICES.add(describe(sub))) {
            System.err.println("NOTICE: " + describe(sub) + " is not beside the checkout; the tests of real third-party"
                    + " events that need it are SKIPPED (CI runs them with -D" + PROPERTY + "=required)");
        }
        return dir;
    }

    private static String describe(String sub) {
        return "../shared/real-events" + (sub == null ? "" : "/" + sub);
    }
}

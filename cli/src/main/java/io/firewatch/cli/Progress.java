package io.firewatch.cli;

import java.io.PrintStream;

/** A single self-overwriting progress line on stderr, only when stderr is a terminal and the run takes a while. */
final class Progress {
    private static final long FIRST_AFTER_NANOS = 1_000_000_000L;
    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long last;
    private boolean shown;

    Progress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** {@code records}: records judged so far (alerted, ignored or reported), for the rate. */
    void update(int files, long records, int alerts, int problems) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - start < FIRST_AFTER_NANOS || now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        shown = true;
        long perSecond = records * 1_000_000_000L / Math.max(1, now - start);
        err.printf("\rscanning: %d input%s, %,d records (%,d/s), %d alert%s, %d problem%s ", files, files == 1 ? "" : "s",
                records, perSecond, alerts, alerts == 1 ? "" : "s", problems, problems == 1 ? "" : "s");
        err.flush();
    }

    void clear() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
            shown = false;
        }
    }
}

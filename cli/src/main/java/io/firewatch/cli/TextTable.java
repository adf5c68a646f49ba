package io.firewatch.cli;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.render.AccountAliases;
import io.firewatch.core.render.AlertSummary;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code scan --format text}: one row per alert, never wider than the terminal (80 columns at the least): severity,
 * time (fixed width, UTC), cloud and account, what happened in words, and the resource's meaningful tail. The two
 * free-text columns share what width is left; cut values end with "…".
 */
final class TextTable {
    static final int MIN_WIDTH = 80;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final int SEVERITY = 5;
    private static final int TIME_WIDTH = 16;
    private static final int GAPS = 4;

    private final PrintStream out;
    private final AccountAliases aliases;
    private final int whereWidth;
    private final int what;
    private final int resource;
    private boolean headerPrinted;

    TextTable(PrintStream out, int width, AccountAliases aliases) {
        this.out = out;
        this.aliases = aliases;
        // 16 columns hold "aws 111122223333"; wider terminals give aliases, Azure subscriptions and GCP projects more.
        this.whereWidth = width >= 120 ? 28 : 16;
        int free = Math.max(MIN_WIDTH, width) - SEVERITY - TIME_WIDTH - whereWidth - GAPS - 1;
        this.resource = Math.min(48, Math.max(15, free * 2 / 5));
        this.what = free - resource - 1;
    }

    void print(Alert alert) {
        if (!headerPrinted) {
            row("SEV", "TIME (UTC)", "CLOUD/ACCOUNT", "WHAT HAPPENED", "RESOURCE");
            headerPrinted = true;
        }
        FirewallChange c = alert.change();
        String severity = abbreviation(alert) + (alert.suppressed() ? "*" : "");
        row(severity, c.time() == null ? "-" : TIME.format(c.time()), where(c), AlertSummary.whatHappened(alert),
                AlertSummary.resourceLabel(c.resource()));
    }

    void footer(int suppressed) {
        if (suppressed > 0) {
            out.println("* suppressed by an allow-list (not sent to sinks)");
        }
    }

    private void row(String severity, String time, String where, String happened, String res) {
        out.println(cell(severity, SEVERITY) + " " + cell(time, TIME_WIDTH) + " " + cell(where, whereWidth) + " "
                + cell(happened, what) + " " + tail(res, resource));
    }

    private String where(FirewallChange c) {
        String alias = aliases.of(c.account());
        return c.provider().wire() + " " + (alias != null ? alias : c.account() == null ? "-" : c.account());
    }

    private static String abbreviation(Alert alert) {
        return switch (alert.severity()) {
            case CRITICAL -> "CRIT";
            case HIGH -> "HIGH";
            case MEDIUM -> "MED";
            case LOW -> "LOW";
            case INFO -> "INFO";
        };
    }

    /** At most {@code width} columns, keeping the end of an id (its most distinctive part): "…4e5f67890". */
    static String tail(String text, int width) {
        String s = Terminal.safe(text);
        return s.length() <= width ? s : "…" + s.substring(s.length() - width + 1);
    }

    /** Exactly {@code width} columns: padded, or cut with "…". */
    static String cell(String text, int width) {
        String s = Terminal.safe(text);
        if (s.length() > width) {
            return s.substring(0, width - 1) + "…";
        }
        return s + " ".repeat(width - s.length());
    }
}

package io.firewatch.cli;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.FirewallChange;
import java.io.PrintStream;

/** {@code scan --format text}: one aligned line per alert, for people at a terminal. */
final class TextTable {
    private static final String FORMAT = "%-8s  %-20s  %-5s  %-14s  %-40s  %-30s  %s%n";
    private final PrintStream out;
    private boolean headerPrinted;

    TextTable(PrintStream out) {
        this.out = out;
    }

    void print(Alert alert) {
        if (!headerPrinted) {
            out.printf(FORMAT, "SEVERITY", "TIME", "CLOUD", "ACCOUNT", "OPERATION", "RESOURCE", "WHY");
            headerPrinted = true;
        }
        FirewallChange c = alert.change();
        String severity = alert.severity().wire().toUpperCase(java.util.Locale.ROOT) + (alert.suppressed() ? "*" : "");
        String resource = c.resource().id() != null ? c.resource().id() : c.resource().name();
        String why = alert.reasons().isEmpty() ? "" : alert.reasons().get(0);
        String who = c.actor().principal() == null ? "" : " [by " + c.actor().principal() + "]";
        out.printf(FORMAT, severity, c.time() == null ? "-" : c.time().toString(), c.provider().wire(),
                cell(c.account(), 14), cell(c.operation(), 40), cell(resource, 30), Terminal.safe(why + who));
    }

    void footer(int suppressed) {
        if (suppressed > 0) {
            out.println("* suppressed by an allow-list (not sent to sinks)");
        }
    }

    private static String cell(String text, int width) {
        String s = Terminal.safe(text);
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}

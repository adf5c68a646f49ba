package io.firewatch.core.render;

import io.firewatch.core.alert.Alert;
import java.util.List;

/**
 * The email for an alert: a subject with severity and summary (one line, no control characters, capped), a plain
 * text body and an HTML body with inline styles and no external resources. Event text is HTML-escaped and its links
 * defanged; the only links are ours (the provider console, the audit event).
 */
public final class EmailRenderer {
    /** Long subjects are folded or cut by clients anyway; keep the severity and the start of the summary visible. */
    public static final int MAX_SUBJECT = 200;

    /** The three parts of one message. */
    public record Email(String subject, String text, String html) {
    }

    private static final String FOOTER = "Sent by Firewatch, which watches cloud firewall changes (MITRE ATT&CK T1686.001,"
            + " formerly T1562.007). The alert JSON carries every value in full.";

    private EmailRenderer() {
    }

    public static Email render(Alert alert) {
        return render(alert, AccountAliases.NONE);
    }

    public static Email render(Alert alert, AccountAliases aliases) {
        return new Email(subject(alert, aliases), text(alert, aliases), html(alert, aliases));
    }

    public static String subject(Alert alert) {
        return subject(alert, AccountAliases.NONE);
    }

    public static String subject(Alert alert, AccountAliases aliases) {
        return Text.truncate(Text.oneLine(Text.defang(AlertSummary.subject(alert, aliases))), MAX_SUBJECT);
    }

    public static String text(Alert alert) {
        return text(alert, AccountAliases.NONE);
    }

    public static String text(Alert alert, AccountAliases aliases) {
        Facts.Limits limits = Facts.Limits.EMAIL;
        StringBuilder b = new StringBuilder(2048);
        b.append(Text.defang(AlertSummary.firstLine(alert, aliases))).append("\n\n");
        b.append("Why\n");
        for (String reason : Facts.reasons(alert, limits)) {
            b.append("  - ").append(Text.defang(reason)).append('\n');
        }
        List<NextSteps.Link> links = NextSteps.links(alert);
        java.util.Optional<String> undo = NextSteps.undoCommand(alert);
        if (undo.isPresent() || !links.isEmpty()) {
            b.append("\nWhat to do next\n");
            undo.ifPresent(command -> b.append("  To take the change back, check and run:\n    ").append(command).append('\n'));
            for (NextSteps.Link link : links) {
                b.append("  ").append(link.label()).append(": ").append(link.url()).append('\n');
            }
        }
        b.append('\n');
        List<Facts.Fact> facts = Facts.of(alert, limits);
        int width = facts.stream().mapToInt(f -> f.label().length()).max().orElse(10) + 2;
        for (Facts.Fact f : facts) {
            b.append(f.label()).append(" ".repeat(width - f.label().length())).append(Text.defang(f.value())).append('\n');
        }
        if (alert.suppressed()) {
            b.append("\nAn allow-list matched this change.\n");
        }
        b.append("\n-- \n").append(FOOTER).append('\n');
        return b.toString();
    }

    public static String html(Alert alert) {
        return html(alert, AccountAliases.NONE);
    }

    public static String html(Alert alert, AccountAliases aliases) {
        Facts.Limits limits = Facts.Limits.EMAIL;
        String accent = accent(alert);
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(html(subject(alert, aliases))).append("</title></head>\n")
                .append("<body style=\"margin:0;padding:12px;background:#f4f5f7;font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1f2328;\">\n")
                .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:720px;margin:0 auto;background:#ffffff;border:1px solid #d0d7de;border-collapse:collapse;table-layout:fixed;\">\n")
                .append("<tr><td style=\"padding:12px 16px;background:").append(accent).append(";color:#ffffff;font-size:14px;font-weight:bold;letter-spacing:0.04em;\">")
                .append(html(AlertSummary.title(alert))).append("</td></tr>\n")
                .append("<tr><td style=\"padding:16px;font-size:18px;font-weight:bold;line-height:1.4;overflow-wrap:anywhere;\">")
                .append(breakable(Text.defang(AlertSummary.of(alert, aliases)))).append("</td></tr>\n");
        b.append("<tr><td style=\"padding:0 16px 8px 16px;font-size:14px;\"><div style=\"font-weight:bold;margin-bottom:4px;\">Why</div>")
                .append("<ul style=\"margin:0;padding-left:20px;line-height:1.5;\">");
        for (String reason : Facts.reasons(alert, limits)) {
            b.append("<li style=\"overflow-wrap:anywhere;\">").append(breakable(Text.defang(reason))).append("</li>");
        }
        b.append("</ul></td></tr>\n");
        List<NextSteps.Link> links = NextSteps.links(alert);
        java.util.Optional<String> undo = NextSteps.undoCommand(alert);
        if (undo.isPresent() || !links.isEmpty()) {
            b.append("<tr><td style=\"padding:8px 16px;font-size:14px;\"><div style=\"font-weight:bold;margin-bottom:6px;\">What to do next</div>");
            undo.ifPresent(command -> b
                    .append("<div style=\"margin-bottom:4px;\">To take the change back, check and run:</div>")
                    .append("<pre style=\"margin:0 0 10px 0;padding:8px 10px;background:#f6f8fa;border:1px solid #d0d7de;border-radius:4px;font-family:Consolas,Menlo,monospace;font-size:13px;white-space:pre-wrap;overflow-wrap:anywhere;\">")
                    .append(html(command)).append("</pre>"));
            for (NextSteps.Link link : links) {
                b.append("<a href=\"").append(html(link.url()))
                        .append("\" style=\"display:inline-block;margin:0 8px 8px 0;padding:8px 14px;background:#0969da;color:#ffffff;text-decoration:none;border-radius:4px;font-size:14px;\">")
                        .append(html(link.label())).append("</a>");
            }
            b.append("</td></tr>\n");
        }
        b.append("<tr><td style=\"padding:8px 16px 16px 16px;\"><table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"width:100%;border-collapse:collapse;font-size:13px;table-layout:fixed;\">\n");
        for (Facts.Fact f : Facts.of(alert, limits)) {
            b.append("<tr><th align=\"left\" valign=\"top\" style=\"padding:4px 10px 4px 0;width:110px;color:#57606a;font-weight:normal;border-top:1px solid #eaeef2;\">")
                    .append(html(f.label())).append("</th><td style=\"padding:4px 0;overflow-wrap:anywhere;border-top:1px solid #eaeef2;\">")
                    .append(breakable(Text.defang(f.value()))).append("</td></tr>\n");
        }
        b.append("</table></td></tr>\n");
        if (alert.suppressed()) {
            b.append("<tr><td style=\"padding:0 16px 16px 16px;font-size:13px;color:#57606a;\">An allow-list matched this change.</td></tr>\n");
        }
        b.append("<tr><td style=\"padding:12px 16px;font-size:12px;color:#57606a;border-top:1px solid #d0d7de;\">")
                .append(html(FOOTER)).append("</td></tr>\n</table>\n</body></html>\n");
        return b.toString();
    }

    /** HTML-escaped text with a break opportunity after each / : , and = so ids wrap at their joints on a phone. */
    static String breakable(String value) {
        return html(value).replaceAll("([/:,=])(?=[^\\s])", "$1<wbr>");
    }

    /** Escapes text for HTML element content and double-quoted attribute values. */
    public static String html(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String accent(Alert alert) {
        if (AlertSummary.isTest(alert)) {
            return "#6e40c9";
        }
        return switch (alert.severity()) {
            case CRITICAL -> "#b42318";
            case HIGH -> "#b54708";
            case MEDIUM -> "#175cd3";
            case LOW, INFO -> "#475467";
        };
    }
}

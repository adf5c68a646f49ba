package io.firewatch.core.render;

import io.firewatch.core.alert.Alert;
import java.util.List;

/**
 * The email for an alert: a subject with severity and summary (one line, no control characters, capped), a plain
 * text body and an HTML body with inline styles and no external resources. Event text is HTML-escaped and its links
 * defanged; the only link is ours, to the provider console.
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
        return new Email(subject(alert), text(alert), html(alert));
    }

    public static String subject(Alert alert) {
        String subject = "[Firewatch " + Facts.severityLabel(alert) + "] " + Text.defang(AlertSummary.of(alert));
        return Text.truncate(Text.oneLine(subject), MAX_SUBJECT);
    }

    public static String text(Alert alert) {
        Facts.Limits limits = Facts.Limits.EMAIL;
        StringBuilder b = new StringBuilder(2048);
        b.append(Facts.severityLabel(alert)).append(": ").append(Text.defang(AlertSummary.of(alert))).append("\n\n");
        b.append("Why\n");
        for (String reason : Facts.reasons(alert, limits)) {
            b.append("  - ").append(Text.defang(reason)).append('\n');
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
        ConsoleLinks.of(alert).ifPresent(url -> b.append("\nOpen in the console: ").append(url).append('\n'));
        b.append("\n-- \n").append(FOOTER).append('\n');
        return b.toString();
    }

    public static String html(Alert alert) {
        Facts.Limits limits = Facts.Limits.EMAIL;
        String accent = accent(alert);
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width\"><title>")
                .append(html(subject(alert))).append("</title></head>\n")
                .append("<body style=\"margin:0;padding:16px;background:#f4f5f7;font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1f2328;\">\n")
                .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:720px;margin:0 auto;background:#ffffff;border:1px solid #d0d7de;border-collapse:collapse;\">\n")
                .append("<tr><td style=\"padding:12px 16px;background:").append(accent).append(";color:#ffffff;font-size:14px;font-weight:bold;letter-spacing:0.04em;\">")
                .append(Facts.severityLabel(alert)).append(" &middot; firewall change").append(alert.change().succeeded() ? "" : " attempt")
                .append("</td></tr>\n")
                .append("<tr><td style=\"padding:16px;font-size:18px;font-weight:bold;line-height:1.4;word-break:break-word;\">")
                .append(html(Text.defang(AlertSummary.of(alert)))).append("</td></tr>\n");
        b.append("<tr><td style=\"padding:0 16px 8px 16px;font-size:14px;\"><div style=\"font-weight:bold;margin-bottom:4px;\">Why</div>")
                .append("<ul style=\"margin:0;padding-left:20px;line-height:1.5;\">");
        for (String reason : Facts.reasons(alert, limits)) {
            b.append("<li style=\"word-break:break-word;\">").append(html(Text.defang(reason))).append("</li>");
        }
        b.append("</ul></td></tr>\n");
        b.append("<tr><td style=\"padding:8px 16px 16px 16px;\"><table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"width:100%;border-collapse:collapse;font-size:13px;\">\n");
        for (Facts.Fact f : Facts.of(alert, limits)) {
            b.append("<tr><th align=\"left\" valign=\"top\" style=\"padding:4px 12px 4px 0;width:150px;color:#57606a;font-weight:normal;white-space:nowrap;border-top:1px solid #eaeef2;\">")
                    .append(html(f.label())).append("</th><td style=\"padding:4px 0;font-family:Consolas,Menlo,monospace;word-break:break-all;border-top:1px solid #eaeef2;\">")
                    .append(html(Text.defang(f.value()))).append("</td></tr>\n");
        }
        b.append("</table></td></tr>\n");
        if (alert.suppressed()) {
            b.append("<tr><td style=\"padding:0 16px 16px 16px;font-size:13px;color:#57606a;\">An allow-list matched this change.</td></tr>\n");
        }
        ConsoleLinks.of(alert).ifPresent(url -> b
                .append("<tr><td style=\"padding:0 16px 16px 16px;\"><a href=\"").append(html(url))
                .append("\" style=\"display:inline-block;padding:8px 14px;background:#0969da;color:#ffffff;text-decoration:none;border-radius:4px;font-size:14px;\">")
                .append(html(consoleLabel(alert))).append("</a></td></tr>\n"));
        b.append("<tr><td style=\"padding:12px 16px;font-size:12px;color:#57606a;border-top:1px solid #d0d7de;\">")
                .append(html(FOOTER)).append("</td></tr>\n</table>\n</body></html>\n");
        return b.toString();
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

    private static String consoleLabel(Alert alert) {
        return switch (alert.change().provider()) {
            case AWS -> "Open in the AWS console";
            case AZURE -> "Open in the Azure portal";
            case GCP -> "Open in the Google Cloud console";
        };
    }

    private static String accent(Alert alert) {
        return switch (alert.severity()) {
            case CRITICAL -> "#b42318";
            case HIGH -> "#b54708";
            case MEDIUM -> "#175cd3";
            case LOW, INFO -> "#475467";
        };
    }
}

package io.firewatch.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.Provider;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Teams Workflows message for an alert: an Adaptive Card 1.5 in the attachments envelope that the "When a Teams
 * webhook request is received" trigger expects. Event text is escaped so it cannot add markdown or links, and the
 * whole message stays under Teams' 28 KB limit: long values are cut with a visible marker, and cut harder until the
 * message fits.
 */
public final class TeamsCardRenderer {
    /** Teams rejects messages above about 28 KB. */
    public static final int MAX_BYTES = 28 * 1024;
    static final String SCHEMA_VERSION = "1.5";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Facts.Limits START = new Facts.Limits(400, 12);

    private TeamsCardRenderer() {
    }

    /** The request body to POST to the webhook, compact JSON, at most {@link #MAX_BYTES} bytes of UTF-8. */
    public static String render(Alert alert) {
        Facts.Limits limits = START;
        String json = write(envelope(alert, limits));
        while (bytes(json) > MAX_BYTES && limits.field() > 16) {
            limits = limits.smaller();
            json = write(envelope(alert, limits));
        }
        return json;
    }

    /** Escapes text for an Adaptive Card TextBlock or Fact: one line, links defanged, markdown characters escaped. */
    public static String markdown(String value) {
        if (value == null) {
            return null;
        }
        String v = Text.defang(Text.oneLine(value));
        StringBuilder b = new StringBuilder(v.length() + 16);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ("\\*_[]()#>`~<|{}!".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        // List markers ("- ", "+ ", "1. ") only act at the start of a line, and every value is one line.
        if (b.length() > 1 && (b.charAt(0) == '-' || b.charAt(0) == '+') && b.charAt(1) == ' ') {
            b.insert(0, '\\');
        }
        int digits = 0;
        while (digits < b.length() && Character.isDigit(b.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits + 1 < b.length() && (b.charAt(digits) == '.' || b.charAt(digits) == ')')
                && b.charAt(digits + 1) == ' ') {
            b.insert(digits, '\\');
        }
        return b.toString();
    }

    static ObjectNode envelope(Alert alert, Facts.Limits limits) {
        ObjectNode message = JSON.createObjectNode();
        message.put("type", "message");
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        attachment.set("content", card(alert, limits));
        return message;
    }

    private static ObjectNode card(Alert alert, Facts.Limits limits) {
        ObjectNode card = JSON.createObjectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", SCHEMA_VERSION);
        card.putObject("msteams").put("width", "Full");
        String summary = AlertSummary.of(alert);
        card.put("fallbackText", Facts.severityLabel(alert) + ": " + Text.defang(summary));
        ArrayNode body = card.putArray("body");

        ObjectNode header = body.addObject();
        header.put("type", "Container");
        header.put("style", style(alert));
        header.put("bleed", true);
        ArrayNode headerItems = header.putArray("items");
        ObjectNode title = headerItems.addObject();
        title.put("type", "TextBlock");
        title.put("text", Facts.severityLabel(alert) + " · firewall change" + (alert.change().succeeded() ? "" : " attempt"));
        title.put("weight", "Bolder");
        title.put("size", "Large");
        title.put("color", color(alert));
        title.put("wrap", true);
        ObjectNode summaryBlock = headerItems.addObject();
        summaryBlock.put("type", "TextBlock");
        summaryBlock.put("text", markdown(summary));
        summaryBlock.put("weight", "Bolder");
        summaryBlock.put("wrap", true);

        ObjectNode why = body.addObject();
        why.put("type", "TextBlock");
        why.put("text", "Why");
        why.put("weight", "Bolder");
        why.put("spacing", "Medium");
        List<String> reasons = Facts.reasons(alert, limits);
        for (String reason : reasons) {
            ObjectNode line = body.addObject();
            line.put("type", "TextBlock");
            line.put("text", "• " + markdown(reason));
            line.put("wrap", true);
            line.put("spacing", "Small");
        }

        ObjectNode factSet = body.addObject();
        factSet.put("type", "FactSet");
        factSet.put("spacing", "Medium");
        ArrayNode facts = factSet.putArray("facts");
        for (Facts.Fact f : Facts.of(alert, limits)) {
            ObjectNode fact = facts.addObject();
            fact.put("title", f.label());
            fact.put("value", markdown(f.value()));
        }
        if (alert.suppressed()) {
            ObjectNode note = body.addObject();
            note.put("type", "TextBlock");
            note.put("text", "An allow-list matched this change.");
            note.put("isSubtle", true);
            note.put("wrap", true);
        }

        ConsoleLinks.of(alert).ifPresent(url -> {
            ObjectNode open = card.putArray("actions").addObject();
            open.put("type", "Action.OpenUrl");
            open.put("title", consoleName(alert.change().provider()));
            open.put("url", url);
        });
        return card;
    }

    private static String consoleName(Provider p) {
        return switch (p) {
            case AWS -> "Open in the AWS console";
            case AZURE -> "Open in the Azure portal";
            case GCP -> "Open in the Google Cloud console";
        };
    }

    private static String style(Alert alert) {
        return switch (alert.severity()) {
            case CRITICAL -> "attention";
            case HIGH -> "warning";
            case MEDIUM -> "accent";
            case LOW, INFO -> "emphasis";
        };
    }

    private static String color(Alert alert) {
        return switch (alert.severity()) {
            case CRITICAL -> "Attention";
            case HIGH -> "Warning";
            case MEDIUM -> "Accent";
            case LOW, INFO -> "Default";
        };
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}

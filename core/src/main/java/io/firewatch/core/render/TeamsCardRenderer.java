package io.firewatch.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.alert.Alert;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Teams Workflows message for an alert: an Adaptive Card 1.5 in the attachments envelope that the "When a Teams
 * webhook request is received" trigger expects. Event text goes only into {@code TextRun}s of {@code RichTextBlock}s,
 * which Teams never reads as Markdown, so it cannot add formatting or links and needs no backslash escapes (which
 * Teams mobile shows literally); {@code TextBlock}s hold only Firewatch's own words. Every value wraps. The whole
 * message stays under Teams' 28 KB limit: long values are cut with a visible marker, and cut harder until it fits.
 */
public final class TeamsCardRenderer {
    /** Teams rejects messages above about 28 KB. */
    public static final int MAX_BYTES = 28 * 1024;
    static final String SCHEMA_VERSION = "1.5";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Facts.Limits START = new Facts.Limits(400, 12);
    /** Tokens at least this long get break opportunities (a phone's line holds about 40 characters). */
    private static final int LONG_TOKEN = 24;

    private TeamsCardRenderer() {
    }

    /** The request body to POST to the webhook, compact JSON, at most {@link #MAX_BYTES} bytes of UTF-8. */
    public static String render(Alert alert) {
        return render(alert, AccountAliases.NONE);
    }

    public static String render(Alert alert, AccountAliases aliases) {
        Facts.Limits limits = START;
        String json = write(envelope(alert, aliases, limits));
        while (bytes(json) > MAX_BYTES && limits.field() > 16) {
            limits = limits.smaller();
            json = write(envelope(alert, aliases, limits));
        }
        return json;
    }

    static ObjectNode envelope(Alert alert, AccountAliases aliases, Facts.Limits limits) {
        ObjectNode message = JSON.createObjectNode();
        message.put("type", "message");
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        attachment.set("content", card(alert, aliases, limits));
        return message;
    }

    private static ObjectNode card(Alert alert, AccountAliases aliases, Facts.Limits limits) {
        ObjectNode card = JSON.createObjectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", SCHEMA_VERSION);
        card.putObject("msteams").put("width", "Full");
        String summary = Text.defang(AlertSummary.of(alert, aliases));
        card.put("fallbackText", Text.defang(AlertSummary.firstLine(alert, aliases)));
        ArrayNode body = card.putArray("body");

        ObjectNode header = body.addObject();
        header.put("type", "Container");
        header.put("style", style(alert));
        header.put("bleed", true);
        ArrayNode headerItems = header.putArray("items");
        ours(headerItems, AlertSummary.title(alert)).put("weight", "Bolder").put("size", "Large").put("color", color(alert));
        ((ObjectNode) eventText(headerItems, summary).withArray("inlines").get(0)).put("weight", "Bolder");

        ours(body, "Why").put("weight", "Bolder").put("spacing", "Medium");
        for (String reason : Facts.reasons(alert, limits)) {
            eventText(body, "• " + Text.defang(reason)).put("spacing", "Small");
        }

        java.util.Optional<String> undo = NextSteps.undoCommand(alert);
        List<NextSteps.Link> links = NextSteps.links(alert);
        if (undo.isPresent()) {
            ours(body, "What to do next").put("weight", "Bolder").put("spacing", "Medium");
            ours(body, "To take the change back, check and run:").put("spacing", "Small");
            ObjectNode code = body.addObject();
            code.put("type", "Container");
            code.put("style", "emphasis");
            code.put("spacing", "Small");
            ObjectNode command = eventText(code.putArray("items"), undo.get(), false);
            ((ObjectNode) command.withArray("inlines").get(0)).put("fontType", "Monospace");
        }

        boolean first = true;
        for (Facts.Fact f : Facts.of(alert, limits)) {
            if (f.detail()) {
                continue;
            }
            ObjectNode label = ours(body, f.label());
            label.put("isSubtle", true).put("size", "Small").put("spacing", first ? "Medium" : "Small");
            eventText(body, Text.defang(f.value())).put("spacing", "None");
            first = false;
        }
        if (alert.suppressed()) {
            ours(body, "An allow-list matched this change.").put("isSubtle", true).put("spacing", "Medium");
        }

        ArrayNode actions = card.putArray("actions");
        for (NextSteps.Link link : links) {
            ObjectNode open = actions.addObject();
            open.put("type", "Action.OpenUrl");
            open.put("title", link.label());
            open.put("url", link.url());
        }
        // Details open in place under the facts; in the body's own action set, so the link buttons keep the card's
        // action row to themselves and their titles fit a phone's width.
        ObjectNode detailsSet = body.addObject();
        detailsSet.put("type", "ActionSet");
        detailsSet.put("spacing", "Small");
        ObjectNode details = detailsSet.putArray("actions").addObject();
        details.put("type", "Action.ShowCard");
        details.put("title", "Details");
        ObjectNode inner = details.putObject("card");
        inner.put("type", "AdaptiveCard");
        ArrayNode innerBody = inner.putArray("body");
        for (Facts.Fact f : Facts.of(alert, limits)) {
            if (f.detail()) {
                ours(innerBody, f.label()).put("isSubtle", true).put("size", "Small").put("spacing", "Small");
                eventText(innerBody, Text.defang(f.value())).put("spacing", "None");
            }
        }
        return card;
    }

    /** A TextBlock of Firewatch's own words (no event text: TextBlocks are read as Markdown). */
    private static ObjectNode ours(ArrayNode into, String words) {
        ObjectNode block = into.addObject();
        block.put("type", "TextBlock");
        block.put("text", words);
        block.put("wrap", true);
        return block;
    }

    /** A RichTextBlock holding one plain TextRun: shown as written, never read as Markdown; wraps. */
    private static ObjectNode eventText(ArrayNode into, String text) {
        return eventText(into, text, true);
    }

    /**
     * Like {@link #eventText(ArrayNode, String)}; {@code breakable} lets long tokens (ARNs, paths) wrap after their
     * separators on a phone. Off for the command, which a reader copies whole (it wraps at its spaces).
     */
    private static ObjectNode eventText(ArrayNode into, String text, boolean breakable) {
        ObjectNode block = into.addObject();
        block.put("type", "RichTextBlock");
        ObjectNode run = block.putArray("inlines").addObject();
        run.put("type", "TextRun");
        String line = Text.oneLine(text);
        run.put("text", breakable ? breakLongTokens(line) : line);
        return block;
    }

    /** A zero-width space after each / : , = ; inside tokens too long for a phone's line, where wrapping reads well. */
    static String breakLongTokens(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c);
            run = Character.isWhitespace(c) ? 0 : run + 1;
            if (run >= LONG_TOKEN && "/:,=;".indexOf(c) >= 0 && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
                b.append('\u200b');
            }
        }
        return b.toString();
    }

    private static String style(Alert alert) {
        if (AlertSummary.isTest(alert)) {
            return "emphasis";
        }
        return switch (alert.severity()) {
            case CRITICAL -> "attention";
            case HIGH -> "warning";
            case MEDIUM -> "accent";
            case LOW, INFO -> "emphasis";
        };
    }

    private static String color(Alert alert) {
        if (AlertSummary.isTest(alert)) {
            return "Accent";
        }
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

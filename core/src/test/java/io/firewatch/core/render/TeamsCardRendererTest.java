package io.firewatch.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firewatch.core.alert.Alert;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamsCardRendererTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void wrapsAnAdaptiveCardInTheWorkflowsEnvelope() throws Exception {
        JsonNode message = JSON.readTree(TeamsCardRenderer.render(TestAlerts.sshOpenToWorld()));

        assertThat(message.at("/type").asText()).isEqualTo("message");
        assertThat(message.at("/attachments").size()).isEqualTo(1);
        assertThat(message.at("/attachments/0/contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = message.at("/attachments/0/content");
        assertThat(card.at("/type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.at("/version").asText()).isEqualTo("1.5");
    }

    @Test
    void leadsWithSeverityAndSummaryThenTheFacts() throws Exception {
        JsonNode card = JSON.readTree(TeamsCardRenderer.render(TestAlerts.sshOpenToWorld())).at("/attachments/0/content");

        assertThat(card.at("/body/0/style").asText()).isEqualTo("attention");
        assertThat(card.at("/body/0/items/0/text").asText()).startsWith("CRITICAL");
        assertThat(card.at("/body/0/items/1/text").asText()).isEqualTo(
                "arn:…/alice opened tcp/22 \\(SSH\\) to the internet on security group"
                        + " sg-0123456789abcdef0 in 111122223333 us-east-1");
        List<String> titles = new ArrayList<>();
        JsonNode factSet = null;
        for (JsonNode block : card.at("/body")) {
            if (block.path("type").asText().equals("FactSet")) {
                factSet = block;
            }
        }
        assertThat(factSet).isNotNull();
        factSet.at("/facts").forEach(f -> titles.add(f.path("title").asText()));
        assertThat(titles).containsSubsequence("Severity", "Provider", "Account", "Region", "Resource", "Operation", "Actor",
                "Source IP", "User agent", "Open to the internet", "Rule", "ATT&CK", "Event ID", "Time", "Alert ID");
        assertThat(fact(factSet, "Source IP")).isEqualTo("203.0.113.7");
        assertThat(fact(factSet, "Rule")).isEqualTo("ingress allow tcp/22 \\(SSH\\) from 0.0.0.0/0, ::/0");
        assertThat(fact(factSet, "ATT&CK")).contains("T1686.001").contains("T1562.007");
        assertThat(fact(factSet, "Time")).isEqualTo("2026-11-27T12:00:00Z");
        assertThat(card.at("/actions/0/type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(card.at("/actions/0/url").asText())
                .isEqualTo("https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#SecurityGroup:groupId=sg-0123456789abcdef0");
    }

    @Test
    void hostileTextStaysInertAndTheMessageSmall() throws Exception {
        String rendered = TeamsCardRenderer.render(TestAlerts.hostile());

        assertThat(rendered.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(28 * 1024);
        JsonNode card = JSON.readTree(rendered).at("/attachments/0/content");
        List<String> texts = new ArrayList<>();
        collectDisplayedText(card.path("body"), texts);
        assertThat(texts).isNotEmpty();
        for (String text : texts) {
            assertThat(firstUnescapedMarkdown(text)).as("unescaped markdown in %s", text).isEqualTo(-1);
            assertThat(text).doesNotContain("http://", "https://", "\r", "\n");
        }
        assertThat(String.join("\n", texts)).contains("… \\(truncated\\)").contains("hxxps\\[:\\]//phish.example");
        assertThat(card.at("/actions/0/url").asText()).startsWith("https://us-east-1.console.aws.amazon.com/");
    }

    @Test
    void markdownEscapesEveryActiveCharacter() {
        assertThat(TeamsCardRenderer.markdown("*a* _b_ [c](d) # > `e` <f>")).isEqualTo(
                "\\*a\\* \\_b\\_ \\[c\\]\\(d\\) \\# \\> \\`e\\` \\<f\\>");
        assertThat(TeamsCardRenderer.markdown("- item")).isEqualTo("\\- item");
        assertThat(TeamsCardRenderer.markdown("-1")).isEqualTo("-1");
        assertThat(TeamsCardRenderer.markdown("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(TeamsCardRenderer.markdown("1. item")).isEqualTo("1\\. item");
        assertThat(TeamsCardRenderer.markdown("see https://x.example/a")).isEqualTo("see hxxps\\[:\\]//x.example/a");
        assertThat(TeamsCardRenderer.markdown("a\r\nb\u202Ec")).isEqualTo("a  b\ufffdc");
    }

    @Test
    void colourFollowsSeverity() throws Exception {
        Alert high = TestAlerts.azureDenyDeleted();
        JsonNode card = JSON.readTree(TeamsCardRenderer.render(high)).at("/attachments/0/content");
        assertThat(card.at("/body/0/style").asText()).isEqualTo("warning");
        assertThat(card.at("/body/0/items/0/text").asText()).startsWith("HIGH");
        assertThat(card.at("/actions/0/url").asText()).isEqualTo("https://portal.azure.com/#@/resource"
                + high.change().resource().id());
    }

    private static String fact(JsonNode factSet, String title) {
        for (JsonNode f : factSet.at("/facts")) {
            if (f.path("title").asText().equals(title)) {
                return f.path("value").asText();
            }
        }
        throw new AssertionError("no fact " + title);
    }

    private static void collectDisplayedText(JsonNode node, List<String> out) {
        if (node.isArray()) {
            node.forEach(n -> collectDisplayedText(n, out));
        } else if (node.isObject()) {
            if (node.has("text")) {
                out.add(node.get("text").asText());
            }
            if (node.has("value")) {
                out.add(node.get("value").asText());
            }
            node.forEach(n -> collectDisplayedText(n, out));
        }
    }

    /** Index of the first markdown-active character not escaped by a backslash, or -1. */
    static int firstUnescapedMarkdown(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if ("*_[]()#>`<".indexOf(c) >= 0) {
                return i;
            }
        }
        return -1;
    }
}

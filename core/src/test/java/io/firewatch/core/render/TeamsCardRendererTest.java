package io.firewatch.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firewatch.core.alert.Alert;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    void leadsWithSeverityAndSummaryThenWhatToDoThenTheFacts() throws Exception {
        Alert alert = TestAlerts.sshOpenToWorld();
        JsonNode card = card(TeamsCardRenderer.render(alert, account -> account.equals("111122223333") ? "payments-prod" : null));

        assertThat(card.at("/body/0/style").asText()).isEqualTo("attention");
        assertThat(card.at("/body/0/items/0/text").asText()).isEqualTo("CRITICAL · firewall change");
        assertThat(card.at("/body/0/items/1/type").asText()).isEqualTo("RichTextBlock");
        assertThat(card.at("/body/0/items/1/inlines/0/text").asText()).isEqualTo(
                "Admin/alice opened tcp/22 (SSH) to the internet on security group web-servers (sg-0123456789abcdef0)"
                        + " in account 111122223333 (payments-prod), us-east-1");
        Map<String, String> facts = facts(card.at("/body"));
        assertThat(facts.keySet()).containsExactly("Rule", "Operation", "Time", "Source IP");
        assertThat(facts).containsEntry("Rule", "ingress allow tcp/22 (SSH) from 0.0.0.0/0, ::/0")
                .containsEntry("Time", "2026-11-27 12:00:00 UTC");
        assertThat(texts(card.at("/body"))).contains("aws ec2 revoke-security-group-ingress --region us-east-1"
                + " --group-id sg-0123456789abcdef0 --security-group-rule-ids sgr-0a1b2c3d4e5f60718 sgr-0f1e2d3c4b5a69788");
        assertThat(card.at("/actions/0/url").asText())
                .isEqualTo("https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#SecurityGroup:groupId=sg-0123456789abcdef0");
        assertThat(card.at("/actions/1/url").asText()).isEqualTo("https://us-east-1.console.aws.amazon.com/cloudtrailv2/home"
                + "?region=us-east-1#/events/e2b1c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        JsonNode detailsAction = details(card);
        assertThat(detailsAction.path("type").asText()).isEqualTo("Action.ShowCard");
        Map<String, String> details = facts(detailsAction.at("/card/body"));
        assertThat(details).containsEntry("Actor", "arn:aws:sts::111122223333:assumed-role/Admin/alice")
                .containsEntry("Event ID", "e2b1c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d")
                .containsKeys("User agent", "ATT&CK", "Alert ID");
    }

    @Test
    void noBackslashEscapesAndNoEmptyRows() throws Exception {
        for (Alert alert : List.of(TestAlerts.sshOpenToWorld(), TestAlerts.azureDenyDeleted(), TestAlerts.gcpRefused(),
                TestAlerts.gcpRdpOpened())) {
            String rendered = TeamsCardRenderer.render(alert);
            assertThat(rendered).as("a backslash in %s", alert.id()).doesNotContain("\\\\");
            assertThat(facts(card(rendered).at("/body")).values()).allSatisfy(v -> assertThat(v).isNotBlank().isNotEqualTo("-"));
        }
    }

    @Test
    void carriesTheRuleContextOfTheEvent() throws Exception {
        JsonNode card = card(TeamsCardRenderer.render(TestAlerts.gcpRdpOpened()));
        assertThat(facts(card.at("/body")).get("Rule")).isEqualTo("allow-rdp: ingress allow tcp/3389 (RDP) from 0.0.0.0/0"
                + " for tag:windows (priority 1000, network prod-vpc), described as “temporary: vendor support”");
        assertThat(texts(card.at("/body")))
                .contains("gcloud compute firewall-rules update allow-rdp --disabled --project my-project-123");
        assertThat(card.at("/actions/1/url").asText()).startsWith("https://console.cloud.google.com/logs/query;query=insertId%3D%221g2h3j4k5l6m%22")
                .endsWith("?project=my-project-123");
    }

    @Test
    void hostileTextStaysInertAndTheMessageSmall() throws Exception {
        String rendered = TeamsCardRenderer.render(TestAlerts.hostile());

        assertThat(rendered.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(28 * 1024);
        JsonNode card = card(rendered);
        List<String> markdownTexts = new ArrayList<>();
        List<String> plainRuns = new ArrayList<>();
        collect(card, markdownTexts, plainRuns);
        assertThat(markdownTexts).isNotEmpty();
        for (String text : markdownTexts) {
            assertThat(text).as("Firewatch's own words only in Markdown blocks").doesNotContain("evil", "phish", "*", "[", "<", "`", "_");
        }
        assertThat(plainRuns).isNotEmpty();
        for (String text : plainRuns) {
            assertThat(text).doesNotContain("http://", "https://", "\r", "\n");
        }
        assertThat(String.join("\n", plainRuns)).contains("… (truncated)").contains("hxxps[:]//phish.example");
        assertThat(card.at("/actions/0/url").asText()).startsWith("https://us-east-1.console.aws.amazon.com/");
    }

    @Test
    void colourFollowsSeverityAndADeletedRuleLinksToItsNsg() throws Exception {
        Alert high = TestAlerts.azureDenyDeleted();
        JsonNode card = card(TeamsCardRenderer.render(high));
        assertThat(card.at("/body/0/style").asText()).isEqualTo("warning");
        assertThat(card.at("/body/0/items/0/text").asText()).startsWith("HIGH");
        String nsg = high.change().resource().id().replace("/securityRules/deny-rdp", "");
        assertThat(card.at("/actions/0/url").asText()).isEqualTo("https://portal.azure.com/#@/resource" + nsg);
        assertThat(card.at("/actions/0/title").asText()).isEqualTo("Parent in Azure portal");
        assertThat(card.at("/actions/1/url").asText()).isEqualTo("https://portal.azure.com/#@/resource" + nsg + "/eventlogs");
        assertThat(facts(details(card).at("/card/body"))).containsEntry("Resource ID", high.change().resource().id());
    }

    @Test
    void longTokensGetBreakOpportunitiesShortOnesDoNot() {
        assertThat(TeamsCardRenderer.breakLongTokens("tcp/22 from 0.0.0.0/0")).isEqualTo("tcp/22 from 0.0.0.0/0");
        assertThat(TeamsCardRenderer.breakLongTokens("/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg"))
                .isEqualTo("/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/\u200bresourceGroups/\u200brg");
    }

    @Test
    void aTestAlertSaysSoFirst() throws Exception {
        Alert real = TestAlerts.sshOpenToWorld();
        Alert test = new Alert(AlertSummary.TEST_ID_PREFIX + "x", real.change(), real.severity(), true, real.reasons(), false);
        JsonNode card = card(TeamsCardRenderer.render(test));
        assertThat(card.at("/body/0/items/0/text").asText()).startsWith("TEST");
        assertThat(card.at("/fallbackText").asText()).startsWith("TEST ALERT");
    }

    /** The Details action: a ShowCard in the body's last ActionSet. */
    private static JsonNode details(JsonNode card) {
        JsonNode body = card.at("/body");
        JsonNode set = body.get(body.size() - 1);
        assertThat(set.path("type").asText()).isEqualTo("ActionSet");
        return set.at("/actions/0");
    }

    private static JsonNode card(String rendered) throws Exception {
        return JSON.readTree(rendered).at("/attachments/0/content");
    }

    /** Label → value pairs: a subtle TextBlock label followed by a RichTextBlock value. */
    private static Map<String, String> facts(JsonNode body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < body.size(); i++) {
            JsonNode label = body.get(i);
            JsonNode value = body.get(i + 1);
            if (label.path("isSubtle").asBoolean() && label.path("size").asText().equals("Small")
                    && value.path("type").asText().equals("RichTextBlock")) {
                out.put(label.path("text").asText(), value.at("/inlines/0/text").asText().replace("\u200b", ""));
            }
        }
        return out;
    }

    private static List<String> texts(JsonNode node) {
        List<String> markdown = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        collect(node, markdown, plain);
        plain.addAll(markdown);
        return plain;
    }

    /** Text Teams reads as Markdown (TextBlock text, Fact values) apart from TextRun text, which it shows as written. */
    private static void collect(JsonNode node, List<String> markdown, List<String> plain) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, markdown, plain));
        } else if (node.isObject()) {
            String type = node.path("type").asText();
            if (type.equals("TextRun")) {
                plain.add(node.path("text").asText().replace("\u200b", ""));
            } else if (type.equals("TextBlock") || node.has("title") && node.has("value")) {
                markdown.add(node.has("text") ? node.path("text").asText() : node.path("value").asText());
            }
            node.forEach(n -> collect(n, markdown, plain));
        }
    }
}

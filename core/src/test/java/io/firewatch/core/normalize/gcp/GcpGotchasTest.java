package io.firewatch.core.normalize.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firewatch.core.Firewatch;
import io.firewatch.core.Scan;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.config.FirewatchConfig;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Outcome;
import io.firewatch.core.model.Rule;
import io.firewatch.core.model.Severity;
import io.firewatch.core.testing.Fixtures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The GCP gotchas of research/schemas.md §D, each against a fixture. */
class GcpGotchasTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static FirewallChange change(String fixture) {
        return Fixtures.scanFixture("gcp/" + fixture + ".json").only().change();
    }

    private static JsonNode json(String fixture) throws IOException {
        return MAPPER.readTree(Fixtures.bytes("gcp/" + fixture + ".json"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # fixture                                        | field of the request | access of its rules
            logentry/firewalls-insert-first-and-last         | alloweds             | ALLOW
            logentry/firewalls-patch-disables-deny-rule      | denieds              | DENY
            logentry/firewalls-insert-alpha-implied-source   | allowed              | ALLOW
            logentry/firewalls-update-egress-denied-singular | denied               | DENY
            """)
    void pluralAndSingularProtocolListsAreBothRead(String fixture, String field, Access access) throws IOException {
        JsonNode doc = json(fixture);
        JsonNode payload = (doc.isArray() ? doc.get(0) : doc).path("protoPayload");
        boolean inRequest = payload.path("request").has(field);
        boolean inOriginal = payload.path("resourceOriginalState").has(field);
        assertThat(inRequest || inOriginal).as("the fixture spells the list '%s'", field).isTrue();
        List<Rule> rules = change(fixture).rules();
        assertThat(rules).isNotEmpty().allSatisfy(r -> assertThat(r.access()).isEqualTo(access));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # fixture                                        | priority
            logentry/firewalls-insert-first-and-last         | 1000
            logentry/firewalls-patch-disables-deny-rule      | 100
            logentry/firewalls-insert-alpha-implied-source   | 900
            logentry/firewalls-update-egress-denied-singular | 500
            logentry/network-policy-patch-rule-secure-tags   | 2000
            """)
    void priorityIsReadFromStringOrNumber(String fixture, int priority) {
        assertThat(change(fixture).rules()).isNotEmpty().allSatisfy(r -> assertThat(r.priority()).isEqualTo(priority));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            logentry/firewalls-insert-first-and-last
            logentry/firewalls-patch-opens-ssh
            logentry/firewalls-insert-alpha-implied-source
            logentry/firewalls-insert-console-bare-host
            """)
    void versionPrefixIsKeptInTheOperation(String fixture) throws IOException {
        JsonNode doc = json(fixture);
        JsonNode first = doc.isArray() ? doc.get(0) : doc;
        String method = first.path("protoPayload").path("methodName").asText();
        assertThat(method).matches("^(v1|beta|alpha)\\.compute\\..*");
        assertThat(change(fixture).operation()).isEqualTo(method);
    }

    @Test
    void patchAddingOnlyAWorldSourceToAnSshRuleIsCritical() throws IOException {
        JsonNode request = json("logentry/firewalls-patch-opens-ssh").path("protoPayload").path("request");
        assertThat(request.has("alloweds")).as("the patch names no protocol").isFalse();
        Alert alert = Fixtures.scanFixture("gcp/logentry/firewalls-patch-opens-ssh.json").only();
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        Rule rule = alert.change().rules().get(0);
        assertThat(rule.protocol()).isEqualTo("tcp");
        assertThat(rule.ports().from()).isEqualTo(22);
        assertThat(rule.sources()).containsExactly("0.0.0.0/0");
        assertThat(alert.change().previousRules()).singleElement()
                .satisfies(r -> assertThat(r.sources()).containsExactly("10.20.0.0/16"));
    }

    @Test
    void deleteCarriesNoContentAndIsRatedAsAPossibleDenyRule() {
        Alert alert = Fixtures.scanFixture("gcp/logentry/firewalls-delete.json").only();
        assertThat(alert.change().rulesKnown()).isFalse();
        assertThat(alert.change().rules()).isEmpty();
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.openToWorld()).isNull();
    }

    @Test
    void firstAndLastEntriesOfOneOperationGiveOneAlertInEitherOrder() throws IOException {
        JsonNode entries = json("logentry/firewalls-insert-first-and-last");
        assertThat(entries.get(0).path("operation").path("first").asBoolean()).isTrue();
        assertThat(entries.get(1).path("operation").path("last").asBoolean()).isTrue();
        for (List<JsonNode> order : List.of(List.of(entries.get(0), entries.get(1)), List.of(entries.get(1), entries.get(0)))) {
            Fixtures.Result result = scanDocuments(order);
            Alert alert = result.only();
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.change().rulesKnown()).isTrue();
            assertThat(alert.change().rules()).singleElement().satisfies(r -> assertThat(r.ports().from()).isEqualTo(22));
            assertThat(alert.change().eventId()).isEqualTo(entries.get(0).path("operation").path("id").asText());
        }
    }

    @Test
    void aSuccessfulLastEntryAloneAlertsWithTheIdOfItsOperation() throws IOException {
        JsonNode entries = json("logentry/firewalls-insert-first-and-last");
        Alert last = scanDocuments(List.of(entries.get(1))).only();
        assertThat(last.change().rulesKnown()).isFalse();
        assertThat(last.openToWorld()).as("content unknown is never closed").isNull();
        assertThat(last.severity()).isEqualTo(Severity.HIGH);
        assertThat(last.reasons()).anyMatch(r -> r.contains("completion entry of operation"));
        Alert first = scanDocuments(List.of(entries.get(0))).only();
        assertThat(last.id()).as("separate invocations: one alert id, so downstream dedup keeps one").isEqualTo(first.id());
    }

    @Test
    void anAsyncFailureInTheLastEntryFailsTheChange() throws IOException {
        JsonNode entries = json("logentry/firewalls-insert-async-failure");
        assertThat(entries.get(0).path("protoPayload").has("status")).as("the first entry reports no error").isFalse();
        Alert alert = Fixtures.scanFixture("gcp/logentry/firewalls-insert-async-failure.json").only();
        assertThat(alert.change().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(alert.change().errorCode()).isEqualTo("INVALID_ARGUMENT");
        assertThat(alert.severity()).isEqualTo(Severity.LOW);
        assertThat(alert.change().rules()).as("content from the first entry").isNotEmpty();
    }

    @Test
    void theSameEntryByPubSubAndByEventarcGivesOneAlert() {
        List<String> transports = List.of("pubsub/push-envelope-firewalls-insert.json", "pubsub/cloudevent-message-published.json",
                "pubsub/gen1-pubsub-message.json", "eventarc/audit-log-written-firewalls-insert.json");
        List<String> ids = new ArrayList<>();
        for (String t : transports) {
            ids.add(Fixtures.scanFixture("gcp/" + t).only().id());
        }
        assertThat(ids).as("one id whatever the transport").containsOnly(ids.get(0));
        byte[][] inputs = transports.stream().map(t -> Fixtures.bytes("gcp/" + t)).toArray(byte[][]::new);
        Fixtures.Result together = Fixtures.scan(inputs);
        assertThat(together.problems).isEmpty();
        assertThat(together.only().id()).isEqualTo(ids.get(0));
    }

    @Test
    void pubSubCarriesBase64AndEventarcPlainJson() throws IOException {
        JsonNode push = json("pubsub/push-envelope-firewalls-insert");
        JsonNode eventarc = json("eventarc/audit-log-written-firewalls-insert");
        assertThat(push.path("message").path("data").isTextual()).isTrue();
        assertThat(eventarc.path("data").isObject()).isTrue();
        assertThat(eventarc.path("data").path("protoPayload").has("@type")).as("Eventarc data may omit @type").isFalse();
        JsonNode decoded = MAPPER.readTree(PubSubData.decode(push.path("message").path("data").asText()));
        JsonNode plain = eventarc.path("data").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) decoded.path("protoPayload")).remove("@type");
        assertThat(decoded).as("the same LogEntry").isEqualTo(plain);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            logentry/firewall-policy-add-rule-org              | organizations/584213709915
            logentry/firewall-policy-add-rule-goto-next-folder | folders/301928374650
            logentry/firewalls-delete                          | acme-web-prod
            """)
    void organizationAndFolderLevelLogsNameTheirNode(String fixture, String account) {
        assertThat(change(fixture).account()).isEqualTo(account);
    }

    @Test
    void theConsolesBareZeroAddressIsOneHost() {
        Alert alert = Fixtures.scanFixture("gcp/logentry/firewalls-insert-console-bare-host.json").only();
        assertThat(alert.change().rules()).singleElement().satisfies(r -> {
            assertThat(r.sources()).containsExactly("0.0.0.0");
            assertThat(r.isAllProtocols()).isTrue();
        });
        assertThat(alert.openToWorld()).isFalse();
        assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void anIngressRuleWithoutSourcesAdmitsTheWorldAndSaysSo() {
        FirewallChange c = change("logentry/firewalls-insert-alpha-implied-source");
        assertThat(c.rules()).allSatisfy(r -> assertThat(r.sources()).containsExactly("0.0.0.0/0"));
        assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("0.0.0.0/0").contains("implied"));
    }

    @Test
    void aRefusedCallNamesTheCanonicalCode() {
        FirewallChange c = change("logentry/firewalls-insert-permission-denied");
        assertThat(c.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(c.errorCode()).isEqualTo("PERMISSION_DENIED");
        assertThat(c.eventId()).as("no operation: insertId").isEqualTo("1xk9wq2e3mpa");
    }

    @Test
    void aDisabledRuleAdmitsNothing() {
        FirewallChange c = change("logentry/firewalls-insert-disabled");
        assertThat(c.rulesKnown()).isTrue();
        assertThat(c.rules()).isEmpty();
        assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("disabled"));
    }

    @Test
    void actorIsTypedByEmailOrSubject() {
        assertThat(change("logentry/firewalls-insert-alpha-implied-source").actor().type()).isEqualTo("serviceAccount");
        FirewallChange human = change("logentry/firewalls-patch-opens-ssh");
        assertThat(human.actor().type()).isEqualTo("user");
        assertThat(human.actor().principal()).isEqualTo("mallory.dev@example.com");
        assertThat(human.actor().sourceIp()).isEqualTo("203.0.113.61");
        assertThat(human.actor().userAgent()).startsWith("Mozilla/5.0");
    }

    private static Fixtures.Result scanDocuments(List<JsonNode> documents) {
        Fixtures.Result result = new Fixtures.Result();
        Scan scan = new Firewatch(FirewatchConfig.defaults()).newScan(result);
        for (int i = 0; i < documents.size(); i++) {
            result.inputs.add(scan.read(documents.get(i), "document" + i));
        }
        scan.finish();
        return result;
    }
}

package io.firewatch.core.normalize.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.catalog.Operation;
import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.model.Provider;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Normalizers;
import io.firewatch.core.testing.Fixtures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The GCP catalogue and the order and scope of the GCP shapes. */
class CatalogueAndRecognitionTest {
    private static final OperationCatalog CATALOG = OperationCatalog.load();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyRulesParserNamedInTheCatalogueExists() {
        assertThat(CATALOG.operations(Provider.GCP)).isNotEmpty()
                .allSatisfy(op -> assertThat(RuleParsers.exists(op.rules())).as("%s: parser %s", op.operation(), op.rules()).isTrue());
    }

    @Test
    void catalogueIsSortedByServiceThenOperation() {
        List<Operation> ops = CATALOG.operations(Provider.GCP);
        List<Operation> sorted = new ArrayList<>(ops);
        sorted.sort(Comparator.comparing(Operation::service).thenComparing(Operation::operation));
        assertThat(ops).containsExactlyElementsOf(sorted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # fixture                                          | the GCP normalizer that owns it
            gcp/pubsub/push-envelope-firewalls-insert.json     | PubSubPushEnvelope
            gcp/pubsub/gen1-pubsub-message.json                | PubSubMessage
            gcp/pubsub/cloudevent-message-published.json       | GoogleCloudEvent
            gcp/eventarc/audit-log-written-firewalls-insert.json | GoogleCloudEvent
            gcp/logentry/firewalls-patch-opens-ssh.json        | AuditLogEntry
            ignored/gcp-cloudevent-storage-object-finalized.json | GoogleCloudEvent
            ignored/gcp-pubsub-push-create-topic.json          | PubSubPushEnvelope
            broken/gcp-pubsub-invalid-base64.json              | PubSubPushEnvelope
            """)
    void exactlyOneNormalizerRecognisesEachShape(String fixture, String owner) throws IOException {
        JsonNode doc = MAPPER.readTree(Fixtures.bytes(fixture));
        List<String> claimants = Normalizers.standard(CATALOG).stream().filter(n -> n.recognizes(doc))
                .map(n -> n.getClass().getSimpleName()).toList();
        assertThat(claimants).containsExactly(owner);
    }

    @Test
    void microsoftCloudEventsAreNotClaimed() {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("specversion", "1.0");
        event.put("type", "Microsoft.Resources.ResourceWriteSuccess");
        event.putObject("data");
        for (Normalizer n : GcpNormalizers.create(CATALOG)) {
            assertThat(n.recognizes(event)).as(n.getClass().getSimpleName()).isFalse();
        }
    }

    @Test
    void gcpShapesComeEnvelopesFirst() {
        assertThat(GcpNormalizers.create(CATALOG)).extracting(n -> n.getClass().getSimpleName())
                .containsExactly("PubSubPushEnvelope", "PubSubMessage", "GoogleCloudEvent", "AuditLogEntry");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            v1.compute.firewalls.insert                    | compute.firewalls.insert
            beta.compute.firewalls.patch                   | compute.firewalls.patch
            alpha.compute.firewallPolicies.addRule         | compute.firewallPolicies.addRule
            google.appengine.v1.Firewall.CreateIngressRule | google.appengine.v1.Firewall.CreateIngressRule
            """)
    void methodsAreFoundWithTheirVersionPrefix(String method, String catalogued) {
        assertThat(CATALOG.gcp(method)).isNotNull().extracting(Operation::operation).isEqualTo(catalogued);
    }
}

package io.firewatch.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prefilter skips only well-formed records of unwatched operations; everything else reaches the normalizers. */
class PrefilterTest {
    private final DocumentReader reader = new DocumentReader(Prefilter.of(OperationCatalog.load()));
    private final List<JsonNode> documents = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private void read(String text) {
        reader.read(text.getBytes(StandardCharsets.UTF_8), Origin.of("f"), new DocumentReader.Listener() {
            @Override
            public void document(JsonNode document, Origin origin) {
                documents.add(document);
            }

            @Override
            public void problem(Problem problem) {
                problems.add(problem);
            }

            @Override
            public void skipped(Origin origin, String why) {
                skipped.add(origin + ": " + why);
            }
        });
    }

    private static String cloudTrail(String source, String name) {
        return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\"},\"eventSource\":" + source
                + ",\"eventName\":" + name + ",\"requestParameters\":{\"groupId\":\"sg-1\",\"deep\":[[[1]]]},\"eventID\":\"e\"}";
    }

    @Test
    void anUnwatchedCloudTrailCallIsSkippedWithTheNormalizersReason() {
        read("{\"Records\":[" + cloudTrail("\"sts.amazonaws.com\"", "\"AssumeRole\"") + ","
                + cloudTrail("\"ec2.amazonaws.com\"", "\"AuthorizeSecurityGroupIngress\"") + "]}");
        assertThat(skipped).containsExactly("f:1 (Records[0]): sts.amazonaws.com AssumeRole is not a watched firewall operation");
        assertThat(documents).singleElement().satisfies(d -> {
            assertThat(d.path("eventName").asText()).isEqualTo("AuthorizeSecurityGroupIngress");
            assertThat(d.path("requestParameters").path("deep").get(0).get(0).get(0).asInt()).isEqualTo(1);
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void recordsWithMissingOrWrongTypedFieldsPassThroughWhole() {
        read("{\"Records\":[" + cloudTrail("\"sts.amazonaws.com\"", "42") + ","
                + cloudTrail("7", "\"AssumeRole\"") + ","
                + "{\"eventName\":\"AssumeRole\",\"eventSource\":\"sts.amazonaws.com\"},"
                + cloudTrail("\"aws:sqs\"", "\"AssumeRole\"") + "]}");
        assertThat(skipped).isEmpty();
        assertThat(documents).hasSize(4);
    }

    @Test
    void anUnwatchedActivityLogOperationIsSkippedAndAWatchedOneInAnyCasingKept() {
        String record = "{\"time\":\"2026-11-30T09:30:12Z\",\"resourceId\":\"/SUBSCRIPTIONS/S/RESOURCEGROUPS/R\",\"operationName\":%s,\"properties\":{}}";
        read("{\"records\":[" + record.formatted("\"MICROSOFT.COMPUTE/VIRTUALMACHINES/START/ACTION\"") + ","
                + record.formatted("\"MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/SECURITYRULES/WRITE\"") + ","
                + record.formatted("{\"value\":\"Microsoft.Compute/virtualMachines/start/action\"}") + "]}");
        assertThat(skipped).containsExactly(
                "f:1 (records[0]): operation MICROSOFT.COMPUTE/VIRTUALMACHINES/START/ACTION is not a watched firewall operation");
        assertThat(documents).hasSize(2);
    }

    @Test
    void withoutAPrefilterNothingIsSkipped() {
        new DocumentReader().read(("{\"Records\":[" + cloudTrail("\"sts.amazonaws.com\"", "\"AssumeRole\"") + "]}")
                .getBytes(StandardCharsets.UTF_8), Origin.of("f"), new DocumentReader.Listener() {
                    @Override
                    public void document(JsonNode document, Origin origin) {
                        documents.add(document);
                    }

                    @Override
                    public void problem(Problem problem) {
                        problems.add(problem);
                    }
                });
        assertThat(documents).hasSize(1);
    }
}

package io.firewatch.core.normalize.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.Severity;
import io.firewatch.core.testing.Fixtures;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** EC2 managed prefix lists: the entries a call adds are judged as a list that rules reference (CONTRACT §3). */
class ManagedPrefixListsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MODIFY = "aws/cloudtrail-record/ec2-modify-managed-prefix-list.json";

    private static ObjectNode modifyRecord() throws IOException {
        return (ObjectNode) MAPPER.readTree(Fixtures.bytes(MODIFY));
    }

    private static Fixtures.Result scan(ObjectNode record) throws IOException {
        return Fixtures.scan(MAPPER.writeValueAsBytes(record));
    }

    @ParameterizedTest(name = "{0} -> {1}, openToWorld {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # AddEntry                                       | severity | openToWorld
            {"Cidr":"0.0.0.0/0"}                             | HIGH     | true
            [{"Cidr":"10.0.0.0/8"},{"Cidr":"::/0"}]          | HIGH     | true
            {"items":[{"Cidr":"192.0.2.0/24"}]}              | MEDIUM   | false
            {"Cidr":"0.0.0.0/33"}                            | MEDIUM   | false
            {"Cidr":" 0.0.0.0/0"}                            | MEDIUM   | false
            {"cidr":"0.0.0.0/0"}                             | HIGH     | true
            """)
    void addedEntriesAreJudgedAsAListThatRulesReference(String addEntry, Severity severity, boolean world) throws IOException {
        ObjectNode record = modifyRecord();
        ((ObjectNode) record.at("/requestParameters/ModifyManagedPrefixListRequest")).set("AddEntry", MAPPER.readTree(addEntry));
        Alert alert = scan(record).only();
        assertThat(alert.severity()).isEqualTo(severity);
        assertThat(alert.openToWorld()).isEqualTo(world);
        assertThat(alert.severity()).as("never critical: the list holds addresses, not ports").isNotEqualTo(Severity.CRITICAL);
    }

    @Test
    void anEntryWithoutACidrIsReportedAndNeverClosed() throws IOException {
        ObjectNode record = modifyRecord();
        ((ObjectNode) record.at("/requestParameters/ModifyManagedPrefixListRequest"))
                .set("AddEntry", MAPPER.readTree("[{\"Cidr\":\"192.0.2.0/24\"},{\"Description\":\"no cidr\"}]"));
        Fixtures.Result result = scan(record);
        assertThat(result.only().openToWorld()).isNull();
        assertThat(result.only().severity()).isEqualTo(Severity.HIGH);
        assertThat(result.problems).singleElement().asString().contains("AddEntry[1].Cidr is missing");
    }

    @Test
    void aRequestWithoutItsWrapperIsUnknownNotClosed() throws IOException {
        ObjectNode record = modifyRecord();
        record.set("requestParameters", MAPPER.readTree("{\"prefixListId\":\"pl-0123456789abcdef0\"}"));
        Alert alert = scan(record).only();
        assertThat(alert.openToWorld()).isNull();
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.reasons()).anyMatch(r -> r.contains("does not carry the ModifyManagedPrefixList request"));
    }

    @Test
    void removedEntriesAreNamedAndChangeIsMedium() {
        Alert alert = Fixtures.scanFixture("aws/cloudtrail-record/ec2-modify-managed-prefix-list-private-ranges.json").only();
        assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(alert.openToWorld()).isFalse();
        assertThat(alert.reasons()).anyMatch(r -> r.contains("entries removed from the list: 198.51.100.0/24"));
    }

    @Test
    void aRefusedAttemptToAddTheInternetIsLow() {
        Alert alert = Fixtures.scanFixture("aws/cloudtrail-record/ec2-modify-managed-prefix-list-ipv6-world-denied.json").only();
        assertThat(alert.severity()).isEqualTo(Severity.LOW);
        assertThat(alert.openToWorld()).isFalse();
    }
}

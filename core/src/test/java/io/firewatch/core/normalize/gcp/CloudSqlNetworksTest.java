package io.firewatch.core.normalize.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.Rule;
import io.firewatch.core.model.Severity;
import io.firewatch.core.testing.Fixtures;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cloud SQL authorized networks are ingress allow rules to the database port (CONTRACT §3). */
class CloudSqlNetworksTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PATCH = "gcp/logentry/cloudsql-update-patch-world-engine-not-logged.json";

    private static ObjectNode patchEntry(String body) throws IOException {
        ObjectNode entry = (ObjectNode) MAPPER.readTree(Fixtures.bytes(PATCH));
        ((ObjectNode) entry.at("/protoPayload/request")).set("body", MAPPER.readTree(body));
        return entry;
    }

    private static Fixtures.Result scan(ObjectNode entry) throws IOException {
        return Fixtures.scan(MAPPER.writeValueAsBytes(entry));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # databaseVersion | port
            MYSQL_8_0         | 3306
            POSTGRES_16       | 5432
            SQLSERVER_2022_STANDARD | 1433
            """)
    void theEngineNamesThePort(String engine, int port) throws IOException {
        Alert alert = scan(patchEntry("{\"databaseVersion\":\"" + engine + "\",\"settings\":{\"ipConfiguration\":"
                + "{\"authorizedNetworks\":[{\"value\":\"0.0.0.0/0\"}]}}}")).only();
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.openToWorld()).isTrue();
        assertThat(alert.change().rules()).singleElement().satisfies(r -> {
            assertThat(r.protocol()).isEqualTo("tcp");
            assertThat(r.ports().from()).isEqualTo(port);
            assertThat(r.ports().to()).isEqualTo(port);
        });
    }

    @Test
    void anUnknownEngineIsADataStorePortOnEveryEngine() {
        Alert alert = Fixtures.scanFixture(PATCH).only();
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.change().rules()).extracting(Rule::ports).extracting(p -> p.from()).containsExactly(3306, 5432, 1433);
        assertThat(alert.reasons()).anyMatch(r -> r.contains("does not name the database engine"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # body                                                                                  | reason
            {"settings":{"tier":"db-custom-4-15360"}}                                               | without settings.ipConfiguration
            {"settings":{"ipConfiguration":{"requireSsl":true}}}                                    | names no authorized network
            {"settings":{"ipConfiguration":{"ipv4Enabled":false}}}                                  | names no authorized network
            """)
    void aPatchThatLeavesTheNetworkAloneIsIgnoredWithAReason(String body, String reason) throws IOException {
        Fixtures.Result result = scan(patchEntry(body));
        assertThat(result.alerts).isEmpty();
        assertThat(result.problems).isEmpty();
        assertThat(result.ignoredReasons).singleElement().asString().contains(reason);
    }

    @Test
    void switchingThePublicAddressOnWithoutNamingTheNetworksIsUnknown() throws IOException {
        Alert alert = scan(patchEntry("{\"settings\":{\"ipConfiguration\":{\"ipv4Enabled\":true}}}")).only();
        assertThat(alert.openToWorld()).isNull();
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"settings":{"ipConfiguration":{"authorizedNetworks":[{"name":"no value"}]}}}
            {"settings":{"ipConfiguration":{"authorizedNetworks":{"value":"0.0.0.0/0"}}}}
            {"settings":{"ipConfiguration":"0.0.0.0/0"}}
            """)
    void unreadableNetworksAreNeverClosed(String body) throws IOException {
        Alert alert = scan(patchEntry(body)).only();
        assertThat(alert.openToWorld()).isNull();
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void noPublicAddressMeansTheNetworksAdmitNothingFromTheInternet() {
        Alert alert = Fixtures.scanFixture("gcp/logentry/cloudsql-update-private-only-keeps-world-entry.json").only();
        assertThat(alert.openToWorld()).isFalse();
        assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(alert.change().rules()).isEmpty();
    }

    @Test
    void theFirstAndLastEntriesOfAnInsertGiveOneAlert() {
        Alert alert = Fixtures.scanFixture("gcp/logentry/cloudsql-create-mysql-world-first-and-last.json").only();
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.change().rules()).singleElement().satisfies(r -> assertThat(r.ports().from()).isEqualTo(3306));
    }

    @Test
    void aCompletionEntryAloneIsIgnoredUnlessItReportsAFailure() throws IOException {
        var entries = MAPPER.readTree(Fixtures.bytes("ignored/gcp-logentry-cloudsql-patch-tier-only.json"));
        ObjectNode last = (ObjectNode) entries.get(1);
        Fixtures.Result ok = scan(last);
        assertThat(ok.alerts).isEmpty();
        assertThat(ok.ignoredReasons).singleElement().asString().contains("completion entry");

        ((ObjectNode) last.get("protoPayload")).set("status", MAPPER.readTree("{\"code\":13,\"message\":\"internal error\"}"));
        last.put("severity", "ERROR");
        Alert failed = scan(last).only();
        assertThat(failed.severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void anInsertWithoutAuthorizedNetworksAdmitsNoneAndIsIgnored() throws IOException {
        var entries = MAPPER.readTree(Fixtures.bytes("gcp/logentry/cloudsql-create-mysql-world-first-and-last.json"));
        ObjectNode first = (ObjectNode) entries.get(0);
        ((ObjectNode) first.at("/protoPayload/request/body/settings/ipConfiguration")).remove("authorizedNetworks");
        Fixtures.Result result = scan(first);
        assertThat(result.alerts).isEmpty();
        assertThat(result.ignoredReasons).singleElement().asString().contains("names no authorized network");
    }
}

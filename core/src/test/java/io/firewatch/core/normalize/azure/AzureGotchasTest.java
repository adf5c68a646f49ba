package io.firewatch.core.normalize.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.model.Action;
import io.firewatch.core.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Azure gotchas of research/schemas.md §D, each against the fixtures that show it. */
class AzureGotchasTest {
    private static final String RDP = "azure/activity-log/rdp-open-triple.json";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "azure/activity-log/rdp-open-triple.json,      0, MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/SECURITYRULES/WRITE, critical",
            "azure/activity-log/failed-forbidden-write.json, 0, Microsoft.Network/networkSecurityGroups/securityRules/write, low",
            "azure/activity-log/deletes.json,              0, microsoft.network/networksecuritygroups/securityrules/delete, high",
            "azure/eventgrid/nsg-rule-write.json,          0, Microsoft.Network/networkSecurityGroups/securityRules/write, high",
    })
    void operationNamesInAnyCaseAreWatchedAndReportedVerbatim(String fixture, int alert, String operation, String severity) {
        Alert a = Fixtures.scanFixture(fixture).alerts.get(alert);
        assertThat(a.change().operation()).isEqualTo(operation);
        assertThat(a.severity().wire()).isEqualTo(severity);
        assertThat(OperationCatalog.load().azure(operation)).as("catalogue lookup").isNotNull();
    }

    @ParameterizedTest(name = "event grid first: {0}")
    @CsvSource({"true", "false"})
    void resourceIdsInAnyCaseJoinOneChange(boolean eventGridFirst) {
        byte[] eventGrid = Fixtures.bytes("azure/eventgrid/nsg-rule-write.json");
        byte[] activity = Fixtures.bytes("azure/activity-log/ssh-open-uppercase-ids.json");
        Fixtures.Result r = eventGridFirst ? Fixtures.scan(eventGrid, activity) : Fixtures.scan(activity, eventGrid);
        Alert a = r.only();
        assertThat(a.change().resource().id()).containsIgnoringCase("/resourceGroups/rg-prod-web/");
        assertThat(a.change().rules()).hasSize(2);
        assertThat(a.severity().wire()).isEqualTo("critical");
        assertThat(a.openToWorld()).isTrue();
        assertThat(a.change().eventId()).isEqualTo("8e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b");
    }

    @ParameterizedTest(name = "{0} #{1}")
    @CsvSource({
            "azure/eventgrid/nsg-rule-write.json, 0, true,  198.51.100.77",
            "azure/eventgrid/batch.json,          0, false, 198.51.100.23",
            "azure/eventgrid/batch.json,          1, true,  192.0.2.44",
    })
    void eventGridCarriesNoBodyAndHttpRequestIsOptional(String fixture, int index, boolean hasHttpRequest, String sourceIp) {
        JsonNode tree = AzureFixtures.tree(fixture);
        JsonNode event = tree.isArray() ? tree.get(index) : tree;
        assertThat(event.get("data").has("httpRequest")).isEqualTo(hasHttpRequest);
        Alert a = Fixtures.scanFixture(fixture).alerts.get(index);
        assertThat(a.change().rulesKnown()).isFalse();
        assertThat(a.change().rules()).isEmpty();
        assertThat(a.openToWorld()).isNull();
        assertThat(a.change().actor().sourceIp()).isEqualTo(sourceIp);
        assertThat(a.change().actor().userAgent()).isNull();
    }

    @ParameterizedTest(name = "record {0}: {1}")
    @CsvSource({
            "0, Start,   true,  modify, ingress allow tcp 3389 [*]",
            "1, Accept,  true,  create, ingress allow tcp 3389 [*]",
            "2, Success, false, modify, ''",
    })
    void activityLogBodiesAreJsonStringsSplitAcrossStartAndAccept(int index, String resultType, boolean rulesKnown,
                                                                  String action, String rule) {
        JsonNode record = AzureFixtures.record(RDP, index);
        assertThat(record.get("resultType").asText()).isEqualTo(resultType);
        Alert a = Fixtures.scan(AzureFixtures.recordBytes(RDP, index)).only();
        assertThat(a.change().rulesKnown()).isEqualTo(rulesKnown);
        assertThat(a.change().action().wire()).isEqualTo(action);
        assertThat(a.change().rules().stream().map(AzureFixtures::describe).toList())
                .isEqualTo(rule.isEmpty() ? List.of() : List.of(rule));
    }

    @Test
    void threeRecordsOfOneCorrelationIdGiveOneAlert() {
        Fixtures.Result r = Fixtures.scanFixture(RDP);
        assertThat(r.inputs.get(0).changes()).isEqualTo(3);
        Alert a = r.only();
        assertThat(a.change().eventId()).isEqualTo(AzureFixtures.record(RDP, 0).get("correlationId").asText());
        assertThat(a.change().time()).hasToString("2026-11-30T10:20:01.103Z");
        assertThat(a.change().resource().id()).as("properties.entity keeps the case")
                .endsWith("/networkSecurityGroups/nsg-web-01/securityRules/AllowRDPAnywhere");
        assertThat(a.change().rules()).hasSize(1);
    }

    @Test
    void stringDurationMsIsHarmless() {
        assertThat(AzureFixtures.record(RDP, 1).get("durationMs").isTextual()).isTrue();
        assertThat(Fixtures.scanFixture(RDP).problems).isEmpty();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource({
            "azure/activity-log/deletes.json,  0, DenyAllInboundInternet,     high,   rule deleted is not described in the event",
            "azure/activity-log/deletes.json,  1, afw-hub,                    high,   a whole firewall was deleted",
            "azure/cloudevents/batch.json,     0, DenyInternetInbound,        high,   it may have been a deny rule",
            "azure/cloudevents/batch.json,     2, AllowAll_2026-11-30_15-1-2, medium, cannot remove a deny rule",
    })
    void deletesCarryNoContent(String fixture, int alert, String name, String severity, String reason) {
        Alert a = Fixtures.scanFixture(fixture).alerts.get(alert);
        assertThat(a.change().action()).isEqualTo(Action.DELETE);
        assertThat(a.change().rules()).isEmpty();
        assertThat(a.change().resource().name()).isEqualTo(name);
        assertThat(a.severity().wire()).isEqualTo(severity);
        assertThat(a.reasons()).anySatisfy(r -> assertThat(r).contains(reason));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "AllowHttpsInternet | ingress allow tcp 443 [Internet]",
            "AllowPartnerAdmin  | ingress allow tcp 22 [203.0.113.0/24,198.51.100.7]",
            "AllowAltPorts      | ingress allow tcp 8080-8090 [Any];ingress allow tcp 9443 [Any]",
            "DenyOutboundSmtp   | egress deny tcp 25 [*]",
    })
    void anySourcesPluralPrefixesAndPortRangeLists(String ruleName, String expected) {
        List<String> rules = Fixtures.scanFixture("azure/activity-log/nsg-inline-write.json").only().change().rules().stream()
                .filter(r -> ruleName.equals(r.name())).map(AzureFixtures::describe).toList();
        assertThat(rules).containsExactly(expected.split(";"));
    }

    @Test
    void worldSourcesOfAzureAreJudgedAsTheInternet() {
        Alert a = Fixtures.scanFixture("azure/activity-log/nsg-inline-write.json").only();
        assertThat(a.openToWorld()).isTrue();
        assertThat(a.reasons()).anySatisfy(r -> assertThat(r).contains("(Any)").contains("8080-8090"))
                .anySatisfy(r -> assertThat(r).contains("(Internet)").contains("authorized public port"));
        assertThat(a.change().region()).isEqualTo("westeurope");
        assertThat(a.change().tags()).containsEntry("owner", "team-partner-api");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
            "azure/activity-log/nsg-inline-write.json,             westeurope",
            "azure/activity-log/sql-firewall-rule-open.json,       westeurope",
            "azure/activity-log/azure-firewall-classic-write.json, northeurope",
            "azure/activity-log/rdp-open-triple.json,              null",
            "azure/eventgrid/nsg-rule-write.json,                  null",
    })
    void regionIsTheResourceLocationNeverGlobal(String fixture, String region) {
        assertThat(Fixtures.scanFixture(fixture).only().change().region()).isEqualTo(region);
    }
}

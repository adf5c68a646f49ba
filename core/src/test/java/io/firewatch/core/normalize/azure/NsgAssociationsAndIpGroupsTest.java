package io.firewatch.core.normalize.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.Severity;
import io.firewatch.core.testing.Fixtures;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Subnet and network interface writes alert only when their body shows the NSG association gone; IP groups are lists
 * that rules reference (CONTRACT §3).
 */
class NsgAssociationsAndIpGroupsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SUBNET = "azure/activity-log/subnet-write-drops-nsg.json";
    private static final String NSG = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-prod-web"
            + "/providers/Microsoft.Network/networkSecurityGroups/nsg-web-01";

    private static ArrayNode records(String fixture) throws IOException {
        return (ArrayNode) MAPPER.readTree(Fixtures.bytes(fixture)).get("records");
    }

    private static Fixtures.Result scan(ArrayNode records) throws IOException {
        ObjectNode export = MAPPER.createObjectNode();
        export.set("records", records);
        return Fixtures.scan(MAPPER.writeValueAsBytes(export));
    }

    /** The subnet write's Start and Accept records with both bodies replaced by {@code properties}. */
    private static ArrayNode subnetWrite(String properties) throws IOException {
        ArrayNode records = records(SUBNET);
        String body = "{\"name\":\"snet-web\",\"properties\":" + properties + "}";
        ((ObjectNode) records.get(0).get("properties")).put("requestbody", body);
        ((ObjectNode) records.get(1).get("properties")).put("responseBody", body);
        return records;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # properties of the body                                         | detached
            {"addressPrefix":"10.10.1.0/24"}                                 | true
            {"addressPrefix":"10.10.1.0/24","networkSecurityGroup":null}     | true
            {"addressPrefix":"10.10.1.0/24","networkSecurityGroup":{}}       | true
            {"addressPrefix":"10.10.1.0/24","networkSecurityGroup":{"id":"NSG"}} | false
            """)
    void aSubnetWriteAlertsOnlyWhenItsBodyNamesNoNsg(String properties, boolean detached) throws IOException {
        Fixtures.Result result = scan(subnetWrite(properties.replace("NSG", NSG)));
        assertThat(result.problems).isEmpty();
        if (detached) {
            Alert alert = result.only();
            assertThat(alert.change().action()).isEqualTo(Action.DETACH);
            assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(alert.reasons()).anyMatch(r -> r.contains("names no network security group")
                    && r.contains("ARM replaces the whole resource on write"));
        } else {
            assertThat(result.alerts).isEmpty();
            assertThat(result.ignoredReasons).anyMatch(r -> r.contains("keeps network security group nsg-web-01 associated"));
        }
    }

    @Test
    void aKeptNsgGivesNoAlertForAnyRecordOfTheCall() {
        Fixtures.Result result = Fixtures.scanFixture("ignored/azure-activity-log-subnet-write-keeps-nsg.json");
        assertThat(result.alerts).isEmpty();
        assertThat(result.ignoredReasons).hasSize(3)
                .anyMatch(r -> r.contains("carries no request or response body"));
    }

    @Test
    void subnetsThatTakeNoNsgDetachNothing() throws IOException {
        ArrayNode records = subnetWrite("{\"addressPrefix\":\"10.10.255.0/27\"}");
        for (JsonNode r : records) {
            ObjectNode record = (ObjectNode) r;
            record.put("resourceId", record.get("resourceId").asText().replace("SNET-WEB", "GATEWAYSUBNET"));
            ((ObjectNode) record.get("properties")).put("entity",
                    record.get("properties").get("entity").asText().replace("snet-web", "GatewaySubnet"));
        }
        Fixtures.Result result = scan(records);
        assertThat(result.alerts).isEmpty();
        assertThat(result.ignoredReasons).anyMatch(r -> r.contains("Azure allows no network security group on this subnet"));
    }

    @Test
    void aBodyThatCannotBeReadIsUnknownNeverClosed() {
        Fixtures.Result result = Fixtures.scanFixture("broken/azure-activity-log-subnet-write-body-cut-short.json");
        assertThat(result.only().openToWorld()).isNull();
        assertThat(result.only().severity()).isEqualTo(Severity.HIGH);
        assertThat(result.problems).hasSize(1);
    }

    @Test
    void aRefusedSubnetWriteIsLowEvenWhenOnlyItsFailureRecordCarriesNoBody() {
        Alert alert = Fixtures.scanFixture("azure/activity-log/subnet-write-forbidden.json").only();
        assertThat(alert.severity()).isEqualTo(Severity.LOW);
        assertThat(alert.change().action()).isEqualTo(Action.DETACH);
    }

    @Test
    void anEventGridSubnetWriteCarriesNoBodyAndIsIgnoredWithAReason() {
        Fixtures.Result result = Fixtures.scanFixture("ignored/azure-eventgrid-subnet-write.json");
        assertThat(result.alerts).isEmpty();
        assertThat(result.ignoredReasons).singleElement().asString().contains("cannot show whether the network security group association changed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # ipAddresses                          | severity | openToWorld
            ["192.0.2.0/24","0.0.0.0/0"]           | HIGH     | true
            ["0.0.0.0-255.255.255.255"]            | HIGH     | true
            ["192.0.2.0/24","198.51.100.7"]        | MEDIUM   | false
            []                                     | MEDIUM   | false
            ["192.0.2.0/24",7]                     | HIGH     |
            "0.0.0.0/0"                            | HIGH     |
            """)
    void ipGroupWritesAreJudgedByTheAddressesTheyHold(String addresses, Severity severity, Boolean world) throws IOException {
        ArrayNode records = records("azure/activity-log/ip-group-write-world.json");
        String body = "{\"properties\":{\"ipAddresses\":" + addresses + "}}";
        ((ObjectNode) records.get(0).get("properties")).put("requestbody", body);
        ((ObjectNode) records.get(1).get("properties")).put("responseBody", body);
        Alert alert = scan(records).only();
        assertThat(alert.severity()).isEqualTo(severity);
        assertThat(alert.openToWorld()).isEqualTo(world);
    }
}

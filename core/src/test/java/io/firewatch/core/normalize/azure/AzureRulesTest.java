package io.firewatch.core.normalize.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.Rule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link AzureRules#fromResource} on ARM resource bodies: the response bodies the Activity Log fixtures carry are
 * exactly what a {@code GET} of the resource returns.
 */
class AzureRulesTest {

    @ParameterizedTest(name = "{0} #{1} as {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "rdp-open-triple.json              | 1 | Microsoft.Network/networkSecurityGroups/securityRules      | 1 | ingress allow tcp 3389 [*]",
            "rdp-open-triple.json              | 1 | null                                                      | 1 | ingress allow tcp 3389 [*]",
            "nsg-inline-write.json             | 0 | Microsoft.Network/networkSecurityGroups                   | 6 | ingress allow tcp 443 [Internet]",
            "nsg-inline-write.json             | 0 | microsoft.network/networksecuritygroups/write             | 6 | ingress allow tcp 443 [Internet]",
            "firewall-policy-rcg-write.json    | 1 | null                                                      | 6 | ingress allow tcp 3389 [*]",
            "firewall-policy-rcg-write.json    | 1 | Microsoft.Network/firewallPolicies/ruleCollectionGroups   | 6 | ingress allow tcp 3389 [*]",
            "azure-firewall-classic-write.json | 0 | Microsoft.Network/azureFirewalls                          | 5 | unknown allow tcp 22 [*]",
            "sql-firewall-rule-open.json       | 1 | Microsoft.Sql/servers/firewallRules                       | 1 | ingress allow tcp 1433 [0.0.0.0-255.255.255.255]",
    })
    void readsArmResourceBodies(String fixture, int record, String operationOrType, int count, String first) {
        JsonNode body = AzureFixtures.responseBody("azure/activity-log/" + fixture, record);
        Optional<List<Rule>> rules = AzureRules.fromResource(operationOrType, body);
        assertThat(rules).isPresent();
        assertThat(rules.get()).hasSize(count);
        assertThat(AzureFixtures.describe(rules.get().get(0))).isEqualTo(first);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Microsoft.Network/firewallPolicies/ruleCollectionGroups | ingress allow tcp 3389 [*];unknown allow udp 53 [10.1.0.0/16];unknown allow tcp 53 [10.1.0.0/16];unknown allow all 8000-8100 [*];egress allow https 443 [10.1.0.0/16];egress allow http 80 [10.1.0.0/16]",
    })
    void firewallPolicyRuleKinds(String type, String expected) {
        JsonNode body = AzureFixtures.responseBody("azure/activity-log/firewall-policy-rcg-write.json", 1);
        assertThat(AzureRules.fromResource(type, body).orElseThrow().stream().map(AzureFixtures::describe).toList())
                .containsExactly(expected.split(";"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown allow tcp 22 [*];unknown deny tcp 445 [10.3.0.0/16];unknown deny tcp 139 [10.3.0.0/16];ingress allow tcp 443 [*];egress allow https 443 [10.3.0.0/16]",
    })
    void classicFirewallCollections(String expected) {
        JsonNode body = AzureFixtures.responseBody("azure/activity-log/azure-firewall-classic-write.json", 0);
        assertThat(AzureRules.fromResource("Microsoft.Network/azureFirewalls/write", body).orElseThrow().stream()
                .map(AzureFixtures::describe).toList()).containsExactly(expected.split(";"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Microsoft.Network/networkSecurityGroups/securityRules | failed-forbidden-write.json | 1",
            "Microsoft.Compute/virtualMachines                    | rdp-open-triple.json        | 1",
            "Microsoft.Network/firewallPolicies                   | rdp-open-triple.json        | 1",
    })
    void noRulesFromErrorBodiesOrTypesWithoutRules(String type, String fixture, int record) {
        JsonNode r = AzureFixtures.record("azure/activity-log/" + fixture, record);
        JsonNode body = r.get("properties").has("statusMessage")
                ? Bodies.read(r.get("properties").get("statusMessage")).node()
                : AzureFixtures.responseBody("azure/activity-log/" + fixture, record);
        assertThat(AzureRules.fromResource(type, body)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Microsoft.Sql/servers/firewallRules/write, 1433",
            "MICROSOFT.DBFORPOSTGRESQL/FLEXIBLESERVERS/FIREWALLRULES/WRITE, 5432",
            "Microsoft.DBforMySQL/flexibleServers/firewallRules, 3306",
    })
    void databasePortByProvider(String operation, int port) {
        JsonNode body = AzureFixtures.responseBody("azure/activity-log/sql-firewall-rule-open.json", 1);
        Rule rule = AzureRules.fromResource(operation, body).orElseThrow().get(0);
        assertThat(rule.ports().from()).isEqualTo(port);
        assertThat(rule.sources()).containsExactly("0.0.0.0-255.255.255.255");
    }
}

package io.firewatch.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.model.Provider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OperationCatalogTest {
    private final OperationCatalog catalog = OperationCatalog.load();

    @ParameterizedTest
    @EnumSource(Provider.class)
    void linesAreSortedUniqueAndComplete(Provider provider) {
        List<Operation> ops = catalog.operations(provider);
        assertThat(ops).isNotEmpty();
        List<String> keys = new ArrayList<>();
        for (Operation op : ops) {
            keys.add(op.service() + "," + op.operation());
            assertThat(op.resourceType()).as(op.operation()).isNotBlank();
            assertThat(op.rules()).as(op.operation()).isNotBlank();
            assertThat(op.note()).as(op.operation()).isNotBlank();
        }
        assertThat(keys).isSorted().doesNotHaveDuplicates();
        Set<String> lower = new HashSet<>();
        ops.forEach(op -> assertThat(lower.add((op.service() + " " + op.operation()).toLowerCase())).as("case duplicate " + op.operation()).isTrue());
    }

    @Test
    void awsLooksUpBySourceAndName() {
        assertThat(catalog.aws("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress")).isNotNull();
        assertThat(catalog.aws("ec2.amazonaws.com", "DescribeSecurityGroups")).isNull();
        assertThat(catalog.aws("guardduty.amazonaws.com", "UpdateIPSet").target()).isEqualTo(io.firewatch.core.model.Target.TRUST_LIST);
        assertThat(catalog.aws("wafv2.amazonaws.com", "UpdateIPSet").target()).isEqualTo(io.firewatch.core.model.Target.RULE_GROUP);
        assertThat(catalog.aws("events.amazonaws.com", "DeleteRule")).as("EventBridge's DeleteRule is no firewall").isNull();
        assertThat(catalog.aws("...", "CreateNetworkAclEntry")).as("redacted source, unambiguous name").isNotNull();
        assertThat(catalog.aws("...", "UpdateIPSet")).as("redacted source, ambiguous name").isNull();
    }

    @Test
    void azureIgnoresCase() {
        String[] casings = {"Microsoft.Network/networkSecurityGroups/securityRules/write",
                "MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/SECURITYRULES/WRITE",
                "microsoft.network/networksecuritygroups/securityrules/write"};
        for (String c : casings) {
            assertThat(catalog.azure(c)).as(c).isNotNull();
        }
        assertThat(catalog.azure("Microsoft.Network/networkSecurityGroups/read")).isNull();
    }

    @Test
    void gcpComputeMethodsMatchEveryApiVersion() {
        for (String v : new String[] {"v1.", "beta.", "alpha."}) {
            assertThat(catalog.gcp(v + "compute.firewalls.insert")).as(v).isNotNull();
        }
        assertThat(catalog.gcp("compute.firewalls.insert")).isNotNull();
        assertThat(catalog.gcp("v2.compute.firewalls.insert")).isNull();
        assertThat(catalog.gcp("v1.compute.routes.insert")).isNull();
        assertThat(catalog.gcp("google.appengine.v1.Firewall.CreateIngressRule")).isNotNull();
        assertThat(catalog.gcp("v1.google.appengine.v1.Firewall.CreateIngressRule")).isNull();
    }
}

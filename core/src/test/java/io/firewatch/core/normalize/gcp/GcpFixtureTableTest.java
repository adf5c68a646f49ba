package io.firewatch.core.normalize.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every GCP fixture, one row each: what the normalizer must make of it and how the contract rates it. */
class GcpFixtureTableTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # fixture                                          | account                    | region       | operation                                            | action  | outcome | severity | openToWorld | rulesKnown
            logentry/firewalls-insert-first-and-last           | acme-web-prod              | global       | v1.compute.firewalls.insert                          | create  | success | critical | true        | true
            logentry/firewalls-patch-opens-ssh                 | acme-web-prod              | global       | beta.compute.firewalls.patch                         | modify  | success | critical | true        | true
            logentry/firewalls-patch-disables-deny-rule        | acme-web-prod              | global       | v1.compute.firewalls.patch                           | disable | success | high     | false       | true
            logentry/firewalls-patch-enables-allow-all         | acme-web-prod              | global       | v1.compute.firewalls.patch                           | enable  | success | critical | true        | true
            logentry/firewalls-patch-without-original-state    | acme-web-prod              | global       | v1.compute.firewalls.patch                           | modify  | success | high     | null        | false
            logentry/firewalls-update-egress-denied-singular   | acme-web-prod              | global       | v1.compute.firewalls.update                          | modify  | success | medium   | false       | true
            logentry/firewalls-insert-disabled                 | acme-web-prod              | global       | v1.compute.firewalls.insert                          | create  | success | medium   | false       | true
            logentry/firewalls-insert-alpha-implied-source     | acme-web-prod              | global       | alpha.compute.firewalls.insert                       | create  | success | high     | true        | true
            logentry/firewalls-insert-console-bare-host        | acme-web-prod              | global       | beta.compute.firewalls.insert                        | create  | success | medium   | false       | true
            logentry/firewalls-insert-permission-denied        | acme-web-prod              | global       | v1.compute.firewalls.insert                          | create  | failure | low      | false       | true
            logentry/firewalls-insert-async-failure            | acme-web-prod              | global       | v1.compute.firewalls.insert                          | create  | failure | low      | false       | true
            logentry/firewalls-delete                          | acme-web-prod              | global       | v1.compute.firewalls.delete                          | delete  | success | high     | null        | false
            logentry/firewall-policy-add-rule-org              | organizations/584213709915 | global       | v1.compute.firewallPolicies.addRule                  | create  | success | critical | true        | true
            logentry/firewall-policy-add-rule-goto-next-folder | folders/301928374650       | global       | v1.compute.firewallPolicies.addRule                  | create  | success | medium   | false       | true
            logentry/network-policy-patch-rule-secure-tags     | acme-web-prod              | global       | v1.compute.networkFirewallPolicies.patchRule         | modify  | success | medium   | false       | true
            logentry/network-policy-insert-with-rules          | acme-web-prod              | global       | v1.compute.networkFirewallPolicies.insert            | create  | success | critical | true        | true
            logentry/region-network-policy-remove-rule         | acme-web-prod              | europe-west1 | v1.compute.regionNetworkFirewallPolicies.removeRule  | delete  | success | high     | null        | false
            logentry/security-policy-add-rule-allow-all        | acme-web-prod              | global       | v1.compute.securityPolicies.addRule                  | create  | success | medium   | true        | true
            logentry/security-policy-patch-rule-deny-to-preview| acme-web-prod              | global       | v1.compute.securityPolicies.patchRule                | disable | success | high     | false       | true
            logentry/security-policy-insert-with-rules         | acme-web-prod              | global       | v1.compute.securityPolicies.insert                   | create  | success | medium   | true        | true
            logentry/backend-service-clears-security-policy    | acme-web-prod              | global       | v1.compute.backendServices.setSecurityPolicy         | detach  | success | medium   | false       | true
            logentry/appengine-create-ingress-rule             | acme-web-prod              | null         | google.appengine.v1.Firewall.CreateIngressRule       | create  | success | medium   | true        | true
            logentry/appengine-batch-update-ingress-rules      | acme-web-prod              | null         | google.appengine.v1.Firewall.BatchUpdateIngressRules | modify  | success | medium   | false       | true
            logentry/appengine-delete-ingress-rule             | acme-web-prod              | null         | google.appengine.v1.Firewall.DeleteIngressRule       | delete  | success | high     | null        | false
            pubsub/push-envelope-firewalls-insert              | acme-web-prod              | global       | beta.compute.firewalls.insert                        | create  | success | critical | true        | true
            pubsub/cloudevent-message-published                | acme-web-prod              | global       | beta.compute.firewalls.insert                        | create  | success | critical | true        | true
            pubsub/gen1-pubsub-message                         | acme-web-prod              | global       | beta.compute.firewalls.insert                        | create  | success | critical | true        | true
            eventarc/audit-log-written-firewalls-insert        | acme-web-prod              | global       | beta.compute.firewalls.insert                        | create  | success | critical | true        | true
            """)
    void fixtureIsNormalizedAndRated(String fixture, String account, String region, String operation, String action,
                                     String outcome, String severity, Boolean openToWorld, boolean rulesKnown) {
        Fixtures.Result result = Fixtures.scanFixture("gcp/" + fixture + ".json");
        assertThat(result.problems).as("problems").isEmpty();
        Alert alert = result.only();
        FirewallChange c = alert.change();
        assertThat(c.account()).as("account").isEqualTo(account);
        assertThat(c.region()).as("region").isEqualTo(region);
        assertThat(c.operation()).as("operation").isEqualTo(operation);
        assertThat(c.action().wire()).as("action").isEqualTo(action);
        assertThat(c.outcome().wire()).as("outcome").isEqualTo(outcome);
        assertThat(alert.severity().wire()).as("severity").isEqualTo(severity);
        assertThat(alert.openToWorld()).as("openToWorld").isEqualTo(openToWorld);
        assertThat(c.rulesKnown()).as("rulesKnown").isEqualTo(rulesKnown);
    }
}

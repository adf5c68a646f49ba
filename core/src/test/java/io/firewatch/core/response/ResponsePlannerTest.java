package io.firewatch.core.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.alert.AlertJson;
import io.firewatch.core.config.ConfigException;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Outcome;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Provider;
import io.firewatch.core.model.ResourceRef;
import io.firewatch.core.model.Rule;
import io.firewatch.core.model.Severity;
import io.firewatch.core.model.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponsePlannerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ResponsePlanner DRY_RUN = new ResponsePlanner(new ResponseSettings(ResponseMode.DRY_RUN, Severity.CRITICAL));
    private static final ResponsePlanner ENFORCE = new ResponsePlanner(new ResponseSettings(ResponseMode.ENFORCE, Severity.CRITICAL));
    private static final String NSG = "/subscriptions/5f3c0a1e-7b2d-4c8e-9f10-2a3b4c5d6e7f/resourceGroups/rg/providers/"
            + "Microsoft.Network/networkSecurityGroups/nsg-web";

    private static Rule ingress(String protocol, PortRange ports, String name, String... sources) {
        return new Rule(Direction.INGRESS, Access.ALLOW, protocol, ports, List.of(sources), List.of(), name, null);
    }

    private static FirewallChange.Builder change(Provider provider, String operation, String resourceId, Rule... rules) {
        return FirewallChange.builder(provider).account("111122223333").region("eu-west-1").operation(operation)
                .action(Action.CREATE).target(Target.RULE).outcome(Outcome.SUCCESS)
                .resource(new ResourceRef(resourceId, null, null)).rules(List.of(rules), true).changeKey("k1");
    }

    private static Alert alert(FirewallChange change, Severity severity, Boolean open, boolean suppressed) {
        return new Alert("aws:111122223333:k1", change, severity, open, List.of("r"), suppressed);
    }

    private static Alert critical(FirewallChange change) {
        return alert(change, Severity.CRITICAL, true, false);
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void withoutRuleIdsTheExactWorldOpenPermissionIsRevokedAndNothingElse() {
        FirewallChange c = change(Provider.AWS, "AuthorizeSecurityGroupIngress", "sg-0123",
                ingress("tcp", PortRange.single(22), null, "10.0.0.0/8", "0.0.0.0/0")).raw(json("{\"responseElements\":{\"_return\":true}}")).build();

        List<Remedy> remedies = ENFORCE.remedies(critical(c));

        assertThat(remedies).singleElement().isInstanceOfSatisfying(Remedy.SecurityGroupIngress.class, r -> {
            assertThat(r.ruleIds()).isEmpty();
            assertThat(r.permissions()).singleElement().satisfies(p -> assertThat(p.sources()).containsExactly("0.0.0.0/0"));
        });
        assertThat(DRY_RUN.plan(critical(c)).response().detail())
                .isEqualTo("would revoke the world-open ingress permission tcp/22 from 0.0.0.0/0 from sg-0123");
    }

    @Test
    void onlyTheWorldOpenRuleIdsOfTheResponsesRuleSetAreRevoked() {
        FirewallChange c = change(Provider.AWS, "AuthorizeSecurityGroupIngress", "sg-0123",
                ingress("tcp", PortRange.single(22), null, "10.0.0.0/8", "::/0")).raw(json("""
                {"responseElements":{"securityGroupRuleSet":{"items":[
                  {"securityGroupRuleId":"sgr-private","isEgress":false,"cidrIpv4":"10.0.0.0/8"},
                  {"securityGroupRuleId":"sgr-world6","isEgress":false,"cidrIpv6":"::/0"},
                  {"securityGroupRuleId":"sgr-egress","isEgress":true,"cidrIpv4":"0.0.0.0/0"}]}}}""")).build();

        Remedy.SecurityGroupIngress r = (Remedy.SecurityGroupIngress) ENFORCE.remedies(critical(c)).get(0);

        assertThat(r.ruleIds()).containsExactly("sgr-world6");
    }

    @Test
    void aReplacedNetworkAclEntryIsLeftForAPersonWithTheReason() {
        FirewallChange c = change(Provider.AWS, "ReplaceNetworkAclEntry", "acl-1", ingress("all", null, null, "0.0.0.0/0")).build();

        Response r = ENFORCE.plan(critical(c)).response();

        assertThat(r.action()).isEqualTo("none");
        assertThat(r.status()).isEqualTo(Response.Status.SKIPPED);
        assertThat(r.detail()).contains("could cut off more than the change opened");
    }

    @Test
    void anInlineNsgWriteRemovesEachWorldOpenRuleByNameAndSaysItWasInline() {
        FirewallChange c = change(Provider.AZURE, "MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/WRITE", NSG,
                ingress("tcp", PortRange.single(3389), "rdp-any", "Internet"),
                ingress("tcp", PortRange.single(22), "ssh-corp", "203.0.113.0/24"),
                ingress("tcp", PortRange.single(27017), "mongo-any", "*")).build();

        List<Remedy> remedies = ENFORCE.remedies(critical(c));

        assertThat(remedies).extracting(r -> ((Remedy.SecurityRule) r).ruleId())
                .containsExactly(NSG + "/securityRules/rdp-any", NSG + "/securityRules/mongo-any");
        assertThat(remedies).allSatisfy(r -> assertThat(((Remedy.SecurityRule) r).inline()).isTrue());
        assertThat(ENFORCE.plan(critical(c)).response().detail()).startsWith("will delete security rule rdp-any of NSG nsg-web (written inline");
    }

    @Test
    void aFirewallPolicyRuleWithoutItsPriorityIsNotGuessed() {
        FirewallChange c = change(Provider.GCP, "v1.compute.firewallPolicies.addRule", "locations/global/firewallPolicies/1",
                ingress("tcp", PortRange.single(22), null, "0.0.0.0/0")).build();

        assertThat(ENFORCE.remedies(critical(c))).isEmpty();
        assertThat(ENFORCE.plan(critical(c)).response().detail()).contains("priority");
    }

    @Test
    void whatIsNeverAnsweredSaysWhy() {
        FirewallChange sg = change(Provider.AWS, "AuthorizeSecurityGroupIngress", "sg-0123",
                ingress("tcp", PortRange.single(22), null, "0.0.0.0/0")).build();

        assertThat(ENFORCE.plan(alert(sg, Severity.CRITICAL, true, true)).response().detail()).contains("suppressed");
        assertThat(ENFORCE.plan(alert(sg, Severity.HIGH, true, false)).response().detail()).contains("below the response threshold (critical)");
        assertThat(ENFORCE.plan(alert(sg, Severity.CRITICAL, null, false)).response().detail()).contains("not known for certain");
        assertThat(ENFORCE.plan(alert(sg.toBuilder().outcome(Outcome.FAILURE).build(), Severity.LOW, false, false)).response().detail())
                .contains("the call failed");
        assertThat(ENFORCE.plan(critical(sg.toBuilder().tags(Map.of("Firewatch-Response", "OFF")).build())).response().detail())
                .contains("tagged firewatch-response=off");
        FirewallChange egress = change(Provider.AWS, "AuthorizeSecurityGroupEgress", "sg-0123",
                new Rule(Direction.EGRESS, Access.ALLOW, "all", null, List.of("0.0.0.0/0"), List.of(), null, null)).build();
        assertThat(ENFORCE.remedies(critical(egress))).isEmpty();
        assertThat(ENFORCE.plan(critical(sg)).response().status()).isEqualTo(Response.Status.PLANNED);
    }

    @Test
    void aLowerThresholdAnswersHighAlertsToo() {
        ResponsePlanner high = new ResponsePlanner(new ResponseSettings(ResponseMode.DRY_RUN, Severity.HIGH));
        FirewallChange c = change(Provider.GCP, "v1.compute.firewalls.insert", "projects/p1/global/firewalls/web-8080",
                ingress("tcp", PortRange.single(8080), null, "0.0.0.0/0")).build();

        assertThat(high.plan(alert(c, Severity.HIGH, true, false)).response().detail())
                .isEqualTo("would disable VPC firewall rule web-8080 in project p1");
    }

    @Test
    void offLeavesTheAlertWithoutAResponseField() {
        ResponsePlanner off = new ResponsePlanner(ResponseSettings.OFF);
        FirewallChange c = change(Provider.AWS, "AuthorizeSecurityGroupIngress", "sg-0123",
                ingress("tcp", PortRange.single(22), null, "0.0.0.0/0")).build();

        Alert a = off.plan(critical(c));

        assertThat(a.response()).isNull();
        assertThat(json(AlertJson.toJson(a)).has("response")).isFalse();
        JsonNode planned = json(AlertJson.toJson(DRY_RUN.plan(critical(c))));
        assertThat(planned.path("response").path("mode").asText()).isEqualTo("dry-run");
        assertThat(planned.path("response").path("action").asText()).isEqualTo("revoke-rule");
        assertThat(planned.path("response").path("status").asText()).isEqualTo("planned");
    }

    @Test
    void settingsAreReadAndBadValuesNamed() {
        Map<String, String> env = Map.of(ResponseSettings.MODE, "Dry-Run", ResponseSettings.MIN_SEVERITY, "high");
        ResponseSettings s = ResponseSettings.from(env::get);
        assertThat(s.mode()).isEqualTo(ResponseMode.DRY_RUN);
        assertThat(s.minSeverity()).isEqualTo(Severity.HIGH);
        assertThat(ResponseSettings.from(name -> null)).isEqualTo(new ResponseSettings(ResponseMode.OFF, Severity.CRITICAL));
        assertThatThrownBy(() -> ResponseSettings.from(Map.of(ResponseSettings.MODE, "yes")::get))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(ResponseSettings.MODE);
    }
}

package io.firewatch.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.config.FirewatchConfig;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectorTest {
    private final Detector detector = new Detector(FirewatchConfig.defaults());

    private static FirewallChange change(Action action, Target target, List<Rule> rules, boolean known) {
        return FirewallChange.builder(Provider.AWS).account("111122223333").operation("Op").action(action)
                .target(target).resource(new ResourceRef("sg-1", null, "AWS::EC2::SecurityGroup"))
                .rules(rules, known).build();
    }

    private static Rule ingress(String protocol, PortRange ports, String... sources) {
        return Rule.of(Direction.INGRESS, Access.ALLOW, protocol, ports, List.of(sources));
    }

    @ParameterizedTest(name = "{0} {1}-{2} from {3} -> {4}")
    @CsvSource({
            "tcp,22,22,0.0.0.0/0,CRITICAL",
            "tcp,3389,3389,::/0,CRITICAL",
            "tcp,20,30,0.0.0.0/0,CRITICAL",
            "tcp,1000,2000,0.0.0.0/0,CRITICAL",
            "tcp,0,65535,0.0.0.0/0,CRITICAL",
            "udp,11211,11211,*,CRITICAL",
            "tcp,8080,8080,0.0.0.0/0,HIGH",
            "tcp,700,702,0.0.0.0/0,HIGH",
            "tcp,443,443,0.0.0.0/0,MEDIUM",
            "tcp,80,80,Internet,MEDIUM",
            "tcp,22,22,10.0.0.0/8,MEDIUM",
            "tcp,22,22,0.0.0.0,MEDIUM",
            "tcp,22,22,0.0.0.0/33,MEDIUM",
    })
    void worldOpenIngressIsRatedByPort(String protocol, int from, int to, String source, Severity expected) {
        Assessment a = detector.assess(change(Action.CREATE, Target.RULE, List.of(ingress(protocol, new PortRange(from, to), source)), true));
        assertThat(a.severity()).isEqualTo(expected);
        assertThat(a.reasons()).isNotEmpty();
    }

    @Test
    void allProtocolsFromTheWorldIsCriticalAndOpenToWorld() {
        Assessment a = detector.assess(change(Action.CREATE, Target.RULE, List.of(ingress("all", null, "0.0.0.0/0", "::/0")), true));
        assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(a.openToWorld()).isTrue();
        assertThat(a.reasons()).containsExactly("ingress from the whole internet (0.0.0.0/0, ::/0) on all protocols and ports");
    }

    @Test
    void sshReasonNamesTheService() {
        Assessment a = detector.assess(change(Action.CREATE, Target.RULE, List.of(ingress("tcp", PortRange.single(22), "0.0.0.0/0", "::/0")), true));
        assertThat(a.reasons()).containsExactly("ingress from the whole internet (0.0.0.0/0, ::/0) to tcp/22 (SSH)");
    }

    @Test
    void anyProtocolOnAPortRangeIsJudgedByItsPorts() {
        Assessment a = detector.assess(change(Action.CREATE, Target.RULE, List.of(ingress("all", new PortRange(8000, 8100), "*")), true));
        assertThat(a.severity()).isEqualTo(Severity.HIGH);
        assertThat(a.reasons()).containsExactly("ingress from the whole internet (*) to tcp+udp/8000-8100, outside the authorized public ports (80, 443)");
        Assessment mongo = detector.assess(change(Action.CREATE, Target.RULE, List.of(ingress("all", PortRange.single(27017), "*")), true));
        assertThat(mongo.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(mongo.reasons()).containsExactly("ingress from the whole internet (*) to tcp+udp/27017 (MongoDB)");
    }

    @Test
    void portlessProtocolsFromTheWorldAreMedium() {
        Assessment a = detector.assess(change(Action.CREATE, Target.RULE, List.of(ingress("icmp", null, "0.0.0.0/0")), true));
        assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(a.openToWorld()).isTrue();
    }

    @Test
    void tcpWithoutPortsMeansAllPorts() {
        Assessment a = detector.assess(change(Action.CREATE, Target.RULE, List.of(ingress("tcp", null, "0.0.0.0/0")), true));
        assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void sourcesSplitAcrossRulesOfOneChangeStillCoverTheWorld() {
        Assessment a = detector.assess(change(Action.CREATE, Target.RULE, List.of(
                ingress("tcp", PortRange.single(5432), "0.0.0.0/1"),
                ingress("tcp", PortRange.single(5432), "128.0.0.0/1")), true));
        assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(a.openToWorld()).isTrue();
    }

    @Test
    void egressToTheWorldIsMediumAndNotOpenToWorld() {
        Rule egress = Rule.of(Direction.EGRESS, Access.ALLOW, "all", null, List.of("0.0.0.0/0"));
        Assessment a = detector.assess(change(Action.CREATE, Target.RULE, List.of(egress), true));
        assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(a.openToWorld()).isFalse();
    }

    @Test
    void denyRulesFromTheWorldAreNotExposure() {
        Rule deny = Rule.of(Direction.INGRESS, Access.DENY, "all", null, List.of("0.0.0.0/0"));
        Assessment a = detector.assess(change(Action.CREATE, Target.RULE, List.of(deny), true));
        assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(a.openToWorld()).isFalse();
    }

    @Test
    void unknownDirectionIsRatedAsIngressWithOpenToWorldNull() {
        Rule rule = Rule.of(Direction.UNKNOWN, Access.ALLOW, "tcp", PortRange.single(3389), List.of("0.0.0.0/0"));
        Assessment a = detector.assess(change(Action.MODIFY, Target.RULE, List.of(rule), true));
        assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(a.openToWorld()).isNull();
        assertThat(a.reasons().get(0)).startsWith("direction not in the event, rated as ingress");
    }

    @Test
    void unknownRuleContentIsHighWithOpenToWorldNull() {
        Assessment a = detector.assess(change(Action.MODIFY, Target.RULE, List.of(), false));
        assertThat(a.severity()).isEqualTo(Severity.HIGH);
        assertThat(a.openToWorld()).isNull();
        assertThat(a.reasons()).anyMatch(r -> r.contains("does not carry the rule content"));
    }

    @Test
    void deletingAWholeFirewallIsHigh() {
        Assessment a = detector.assess(change(Action.DELETE, Target.FIREWALL, List.of(), true));
        assertThat(a.severity()).isEqualTo(Severity.HIGH);
        assertThat(a.openToWorld()).isFalse();
        assertThat(a.reasons()).containsExactly("a whole firewall was deleted: AWS::EC2::SecurityGroup sg-1");
    }

    @Test
    void removingADenyRuleIsHighAndAnAllowRuleMedium() {
        Rule deny = Rule.of(Direction.INGRESS, Access.DENY, "tcp", PortRange.single(22), List.of("0.0.0.0/0"));
        assertThat(detector.assess(change(Action.DELETE, Target.RULE, List.of(deny), true)).severity()).isEqualTo(Severity.HIGH);
        assertThat(detector.assess(change(Action.DISABLE, Target.RULE, List.of(deny), true)).severity()).isEqualTo(Severity.HIGH);
        Rule allow = ingress("tcp", PortRange.single(22), "0.0.0.0/0");
        Assessment a = detector.assess(change(Action.DELETE, Target.RULE, List.of(allow), true));
        assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(a.openToWorld()).isFalse();
    }

    @Test
    void removingARuleOfUnknownContentIsHighBecauseItMayHaveDenied() {
        Assessment a = detector.assess(change(Action.DELETE, Target.RULE, List.of(), false));
        assertThat(a.severity()).isEqualTo(Severity.HIGH);
        assertThat(a.openToWorld()).isNull();
    }

    @Test
    void trustListChangesAreHigh() {
        Assessment a = detector.assess(change(Action.TRUST, Target.TRUST_LIST, List.of(), true));
        assertThat(a.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void attachmentsAndSettingsAreMediumWithAReason() {
        Assessment a = detector.assess(change(Action.ATTACH, Target.ASSOCIATION, List.of(), true));
        assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(a.reasons()).containsExactly("firewall change (attach) on AWS::EC2::SecurityGroup sg-1");
    }

    @Test
    void aChangeThatRaisesNothingSaysWhatItDid() {
        Assessment a = detector.assess(change(Action.CREATE, Target.RULE, List.of(ingress("tcp", PortRange.single(22), "127.0.0.1/32")), true));
        assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(a.reasons()).containsExactly("firewall change (create) on AWS::EC2::SecurityGroup sg-1: allow ingress tcp/22 from 127.0.0.1/32");
    }

    @Test
    void failedAttemptsAreLowWhateverTheyTried() {
        FirewallChange failed = change(Action.CREATE, Target.RULE, List.of(ingress("all", null, "0.0.0.0/0")), true)
                .toBuilder().outcome(Outcome.FAILURE).errorCode("Client.UnauthorizedOperation").build();
        Assessment a = detector.assess(failed);
        assertThat(a.severity()).isEqualTo(Severity.LOW);
        assertThat(a.reasons().get(0)).isEqualTo("the call failed (Client.UnauthorizedOperation): nothing changed; rated as an attempt");
    }

    @Test
    void portListsAreConfigurable() {
        FirewatchConfig config = FirewatchConfig.parse("{\"adminPorts\":[8443],\"publicPorts\":[8080]}");
        Detector custom = new Detector(config);
        assertThat(custom.assess(change(Action.CREATE, Target.RULE, List.of(ingress("tcp", PortRange.single(8443), "0.0.0.0/0")), true)).severity())
                .isEqualTo(Severity.CRITICAL);
        assertThat(custom.assess(change(Action.CREATE, Target.RULE, List.of(ingress("tcp", PortRange.single(8080), "0.0.0.0/0")), true)).severity())
                .isEqualTo(Severity.MEDIUM);
        assertThat(custom.assess(change(Action.CREATE, Target.RULE, List.of(ingress("tcp", PortRange.single(22), "0.0.0.0/0")), true)).severity())
                .isEqualTo(Severity.HIGH);
    }

    @Test
    void theWholeInternetAddedToAnAddressListIsHighNeverCritical() {
        Assessment world = detector.assess(change(Action.MODIFY, Target.ADDRESS_LIST, List.of(ingress("all", null, "0.0.0.0/0")), true));
        assertThat(world.severity()).isEqualTo(Severity.HIGH);
        assertThat(world.openToWorld()).isTrue();
        assertThat(world.reasons().get(0)).contains("every rule that references the list now admits the internet");
        Assessment office = detector.assess(change(Action.MODIFY, Target.ADDRESS_LIST, List.of(ingress("all", null, "192.0.2.0/24")), true));
        assertThat(office.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(office.openToWorld()).isFalse();
        Assessment unread = detector.assess(change(Action.CREATE, Target.ADDRESS_LIST, List.of(), false));
        assertThat(unread.severity()).isEqualTo(Severity.HIGH);
        assertThat(unread.openToWorld()).isNull();
        assertThat(detector.assess(change(Action.DELETE, Target.ADDRESS_LIST, List.of(), true)).severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void anAssociationWriteOfUnknownEffectIsNeverClosed() {
        Assessment a = detector.assess(change(Action.MODIFY, Target.ASSOCIATION, List.of(), false));
        assertThat(a.severity()).isEqualTo(Severity.HIGH);
        assertThat(a.openToWorld()).isNull();
        Assessment detach = detector.assess(change(Action.DETACH, Target.ASSOCIATION, List.of(), true));
        assertThat(detach.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(detach.openToWorld()).isFalse();
    }
}

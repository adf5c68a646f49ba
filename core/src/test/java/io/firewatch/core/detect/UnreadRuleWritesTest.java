package io.firewatch.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.alert.Alert;
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
import io.firewatch.core.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unknown is never closed (CONTRACT §3): a rule write whose rules were not read is null, at least high, with a reason. */
class UnreadRuleWritesTest {
    private final Detector detector = new Detector(FirewatchConfig.defaults());

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "aws/cloudtrail-record/authorize-sg-ingress-no-readable-rule.json",
            "azure/activity-log/nsg-rule-write-success-record-only.json",
            "gcp/logentry/firewalls-insert-request-not-logged.json"})
    void aRuleWriteWithoutReadableRulesIsOpenQuestionAndHigh(String fixture) {
        Alert alert = Fixtures.scanFixture(fixture).only();
        assertThat(alert.change().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(alert.change().rules()).isEmpty();
        assertThat(alert.openToWorld()).as("never closed").isNull();
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.reasons().get(0)).contains("exposure is unknown");
    }

    @Test
    void everyPlaceAnAwsCallCarriesItsRuleCounts() {
        Alert alert = Fixtures.scanFixture("aws/cloudtrail-record/authorize-sg-ingress-flat-beside-empty-permissions-winrm.json").only();
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.openToWorld()).isTrue();
        assertThat(alert.change().rules()).as("flat parameters and response rule set merged into one rule")
                .containsExactly(ingress(new PortRange(5985, 5985), "0.0.0.0/0"));
    }

    @Test
    void aRuleWriteThatYieldsNoRuleWithoutSayingWhyIsUnread() {
        Assessment a = detector.assess(change(Action.MODIFY, Target.RULE_GROUP, List.of(), true, List.of()));
        assertThat(a.openToWorld()).isNull();
        assertThat(a.severity()).isEqualTo(Severity.HIGH);
        assertThat(a.reasons()).contains("the change writes rules but no rule could be read from the event, so its exposure is unknown");
    }

    @Test
    void aRuleWriteThatSaysWhyItAdmitsNothingIsClosed() {
        Assessment a = detector.assess(change(Action.CREATE, Target.RULE, List.of(), true,
                List.of("firewall rule allow-ssh is disabled: it admits and blocks nothing")));
        assertThat(a.openToWorld()).isFalse();
        assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void aNewFirewallWithoutRulesIsClosed() {
        Assessment a = detector.assess(change(Action.CREATE, Target.FIREWALL, List.of(), true, List.of()));
        assertThat(a.openToWorld()).isFalse();
        assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void partlyReadRulesAreJudgedAndTheRestKeepsItOpen() {
        Rule office = ingress(new PortRange(443, 443), "198.51.100.0/24");
        Assessment a = detector.assess(change(Action.MODIFY, Target.FIREWALL, List.of(office), false, List.of()));
        assertThat(a.openToWorld()).isNull();
        assertThat(a.severity()).isEqualTo(Severity.HIGH);
        assertThat(a.reasons()).anyMatch(r -> r.contains("only part of the rule content"));

        Rule rdp = ingress(new PortRange(3389, 3389), "0.0.0.0/0");
        Assessment world = detector.assess(change(Action.MODIFY, Target.FIREWALL, List.of(office, rdp), false, List.of()));
        assertThat(world.openToWorld()).as("a read rule that admits the internet decides").isTrue();
        assertThat(world.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void removalsAndAttachmentsAddNoRule() {
        assertThat(detector.assess(change(Action.ATTACH, Target.ASSOCIATION, List.of(), false, List.of())).openToWorld()).isFalse();
        assertThat(detector.assess(change(Action.CREATE, Target.SETTINGS, List.of(), false, List.of())).severity()).isEqualTo(Severity.MEDIUM);
    }

    private static FirewallChange change(Action action, Target target, List<Rule> rules, boolean known, List<String> notes) {
        return FirewallChange.builder(Provider.AWS).account("111122223333").operation("Op").action(action).target(target)
                .resource(new ResourceRef("sg-1", null, "AWS::EC2::SecurityGroup")).rules(rules, known).notes(notes).build();
    }

    private static Rule ingress(PortRange ports, String source) {
        return Rule.of(Direction.INGRESS, Access.ALLOW, "tcp", ports, List.of(source));
    }
}

package io.firewatch.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.model.Access;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.Actor;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Outcome;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Provider;
import io.firewatch.core.model.Rule;
import io.firewatch.core.model.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollapserTest {
    private final List<FirewallChange> released = new ArrayList<>();
    private final Collapser collapser = new Collapser(released::add);

    private static FirewallChange.Builder azure(String key) {
        return FirewallChange.builder(Provider.AZURE).account("sub").operation("Microsoft.Network/networkSecurityGroups/securityRules/write")
                .action(Action.MODIFY).target(Target.RULE).changeKey(key).eventId(key).time(Instant.parse("2026-03-14T10:00:00Z"));
    }

    private static final Rule RDP = Rule.of(Direction.INGRESS, Access.ALLOW, "tcp", PortRange.single(3389), List.of("*"));

    @Test
    void awsChangesPassAtOnceAndRedeliveriesAreDropped() {
        FirewallChange c = FirewallChange.builder(Provider.AWS).account("1").operation("X").action(Action.CREATE)
                .target(Target.RULE).changeKey("e1").build();
        collapser.add(c);
        assertThat(released).hasSize(1);
        collapser.add(c);
        collapser.flush();
        assertThat(released).hasSize(1);
    }

    @Test
    void azureStartAcceptSuccessBecomeOneChangeWithTheBodyAndTheCreation() {
        collapser.add(azure("c1").time(Instant.parse("2026-03-14T10:00:02Z")).rules(List.of(RDP), true).build());
        collapser.add(azure("c1").time(Instant.parse("2026-03-14T10:00:03Z")).action(Action.CREATE).rules(List.of(), false).build());
        collapser.add(azure("c1").time(Instant.parse("2026-03-14T10:00:01Z")).actor(new Actor("alice@example.com", null, null, null))
                .rules(List.of(), false).build());
        assertThat(released).isEmpty();
        collapser.flush();
        assertThat(released).hasSize(1);
        FirewallChange merged = released.get(0);
        assertThat(merged.rules()).containsExactly(RDP);
        assertThat(merged.rulesKnown()).isTrue();
        assertThat(merged.action()).isEqualTo(Action.CREATE);
        assertThat(merged.time()).isEqualTo(Instant.parse("2026-03-14T10:00:01Z"));
        assertThat(merged.actor().principal()).isEqualTo("alice@example.com");
    }

    @Test
    void notesExplainingMissingContentAreDroppedOnceARecordSuppliesIt() {
        collapser.add(azure("c3").rules(List.of(), false).notes(List.of("the request body in the record is cut short")).build());
        collapser.add(azure("c3").rules(List.of(RDP), true).notes(List.of("rule AllowRdp has priority 100")).build());
        collapser.flush();
        assertThat(released).singleElement().satisfies(c -> assertThat(c.notes()).containsExactly("rule AllowRdp has priority 100"));
    }

    @Test
    void aFailedRecordMakesTheChangeFailed() {
        collapser.add(azure("c2").rules(List.of(RDP), true).build());
        collapser.add(azure("c2").outcome(Outcome.FAILURE).errorCode("Forbidden").rules(List.of(), false).build());
        collapser.flush();
        assertThat(released).singleElement().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(c.errorCode()).isEqualTo("Forbidden");
        });
    }

    @Test
    void differentChangesStaySeparateInFirstSeenOrder() {
        collapser.add(azure("b").build());
        collapser.add(azure("a").build());
        collapser.flush();
        assertThat(released).extracting(FirewallChange::changeKey).containsExactly("b", "a");
        collapser.add(azure("a").build());
        collapser.flush();
        assertThat(released).as("released keys are remembered").hasSize(2);
    }

    @Test
    void theRulesOfEveryRecordAreMergedWithoutRepeats() {
        Rule ssh = Rule.of(Direction.INGRESS, Access.ALLOW, "tcp", PortRange.single(22), List.of("*"));
        collapser.add(azure("c4").rules(List.of(RDP), true).build());
        collapser.add(azure("c4").rules(List.of(RDP, ssh), true).build());
        collapser.flush();
        assertThat(released).singleElement().satisfies(c -> assertThat(c.rules()).containsExactly(RDP, ssh));
    }

    @Test
    void aChangeWithoutTimeIsReleasedWithTheScansTimeAndAReason() {
        Instant before = Instant.now().minusSeconds(1);
        collapser.add(FirewallChange.builder(Provider.AWS).account("111122223333").operation("AuthorizeSecurityGroupIngress")
                .action(Action.CREATE).target(Target.RULE).changeKey("e1").rules(List.of(RDP), true).build());
        assertThat(released).singleElement().satisfies(c -> {
            assertThat(c.time()).isNotNull().isAfter(before).isBeforeOrEqualTo(Instant.now());
            assertThat(c.notes()).singleElement().asString().startsWith("the event's time could not be read");
        });
    }
}

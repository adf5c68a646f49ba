package io.firewatch.core.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Provider;
import io.firewatch.core.model.ResourceRef;
import io.firewatch.core.model.Rule;
import io.firewatch.core.model.Severity;
import io.firewatch.core.model.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutomaticResponseTest {
    private static final String NSG = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg";

    private static Alert inlineNsgWrite(ResponsePlanner planner) {
        FirewallChange c = FirewallChange.builder(Provider.AZURE).account("s").operation("Microsoft.Network/networkSecurityGroups/write")
                .action(Action.MODIFY).target(Target.FIREWALL).resource(new ResourceRef(NSG, "nsg", null))
                .rules(List.of(new Rule(Direction.INGRESS, Access.ALLOW, "tcp", PortRange.single(22), List.of("*"), List.of(), "a", 100),
                        new Rule(Direction.INGRESS, Access.ALLOW, "tcp", PortRange.single(3389), List.of("*"), List.of(), "b", 110)), true)
                .changeKey("c").build();
        return planner.plan(new Alert("azure:s:c", c, Severity.CRITICAL, true, List.of("r"), false));
    }

    @Test
    void eachRemedyIsTakenAndOneFollowUpSaysHowItWent() {
        ResponsePlanner planner = new ResponsePlanner(new ResponseSettings(ResponseMode.ENFORCE, Severity.CRITICAL));
        List<Remedy> taken = new ArrayList<>();
        AutomaticResponse response = new AutomaticResponse(planner, remedy -> {
            taken.add(remedy);
            return taken.size() == 1 ? Responder.Outcome.done("deleted security rule a") : Responder.Outcome.skipped("b is already gone");
        });

        List<Alert> followUps = response.carryOut(List.of(inlineNsgWrite(planner)));

        assertThat(taken).hasSize(2);
        assertThat(followUps).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("azure:s:c:response");
            assertThat(f.response().status()).isEqualTo(Response.Status.DONE);
            assertThat(f.response().detail()).isEqualTo("taken back: deleted security rule a; b is already gone");
        });
    }

    @Test
    void aFailureOfAnyRemedyFailsTheResponseAndAThrowingResponderIsAFailureToo() {
        ResponsePlanner planner = new ResponsePlanner(new ResponseSettings(ResponseMode.ENFORCE, Severity.CRITICAL));
        AutomaticResponse response = new AutomaticResponse(planner, remedy -> {
            throw new IllegalStateException("boom");
        });

        Alert f = response.carryOut(List.of(inlineNsgWrite(planner))).get(0);

        assertThat(f.response().status()).isEqualTo(Response.Status.FAILED);
        assertThat(f.response().detail()).startsWith("could not take back: the responder failed: IllegalStateException");
    }

    @Test
    void dryRunTakesNothing() {
        ResponsePlanner planner = new ResponsePlanner(new ResponseSettings(ResponseMode.DRY_RUN, Severity.CRITICAL));
        AutomaticResponse response = new AutomaticResponse(planner, remedy -> {
            throw new AssertionError("dry-run must not act");
        });

        assertThat(response.carryOut(List.of(inlineNsgWrite(planner)))).isEmpty();
    }
}

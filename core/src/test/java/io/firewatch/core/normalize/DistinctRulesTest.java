package io.firewatch.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.model.Access;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistinctRulesTest {
    private static Rule ssh(String... sources) {
        return Rule.of(Direction.INGRESS, Access.ALLOW, "tcp", PortRange.single(22), List.of(sources));
    }

    @Test
    void aResponseRuleThatRepeatsPartOfARequestRuleIsDropped() {
        Rule request = ssh("0.0.0.0/0", "198.51.100.0/24");
        assertThat(DistinctRules.of(List.of(request, ssh("0.0.0.0/0"), ssh("198.51.100.0/24")))).containsExactly(request);
    }

    @Test
    void aRuleAddingAnAddressIsKept() {
        assertThat(DistinctRules.of(List.of(ssh("198.51.100.0/24"), ssh("198.51.100.0/24", "0.0.0.0/0"))))
                .as("the second adds the internet").hasSize(2);
    }

    @Test
    void rulesOfAnotherKindAreKept() {
        Rule deny = Rule.of(Direction.INGRESS, Access.DENY, "tcp", PortRange.single(22), List.of("0.0.0.0/0"));
        Rule rdp = Rule.of(Direction.INGRESS, Access.ALLOW, "tcp", PortRange.single(3389), List.of("0.0.0.0/0"));
        Rule egress = new Rule(Direction.EGRESS, Access.ALLOW, "tcp", PortRange.single(22), List.of(), List.of("0.0.0.0/0"), null, null);
        assertThat(DistinctRules.of(List.of(ssh("0.0.0.0/0"), deny, rdp, egress, egress))).containsExactly(ssh("0.0.0.0/0"), deny, rdp, egress);
    }
}

package io.firewatch.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.model.Access;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.Actor;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Provider;
import io.firewatch.core.model.ResourceRef;
import io.firewatch.core.model.Rule;
import io.firewatch.core.model.Severity;
import io.firewatch.core.model.Target;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertJsonTest {

    private static FirewallChange contractExample() {
        return FirewallChange.builder(Provider.AWS).account("111122223333").region("us-east-1")
                .time(Instant.parse("2026-11-27T12:00:00Z")).operation("AuthorizeSecurityGroupIngress")
                .action(Action.CREATE).target(Target.RULE)
                .resource(new ResourceRef("sg-0123456789abcdef0", null, "AWS::EC2::SecurityGroup"))
                .actor(new Actor("arn:aws:sts::111122223333:assumed-role/Admin/alice", "AssumedRole", "203.0.113.7", "aws-cli/2.15.30"))
                .rules(List.of(Rule.of(Direction.INGRESS, Access.ALLOW, "tcp", PortRange.single(22), List.of("0.0.0.0/0", "::/0"))), true)
                .eventId("e2b1c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d").changeKey("e2b1c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d")
                .build();
    }

    @Test
    void writesTheContractExampleExactly() {
        FirewallChange c = contractExample();
        Alert alert = new Alert(AlertId.of(c), c, Severity.CRITICAL, true,
                List.of("ingress from the whole internet (0.0.0.0/0, ::/0) to tcp/22 (SSH)"), false);
        assertThat(AlertJson.toJson(alert)).isEqualTo("{\"id\":\"aws:111122223333:e2b1c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d\",\"provider\":\"aws\","
                + "\"account\":\"111122223333\",\"region\":\"us-east-1\",\"time\":\"2026-11-27T12:00:00Z\","
                + "\"operation\":\"AuthorizeSecurityGroupIngress\",\"action\":\"create\",\"outcome\":\"success\","
                + "\"severity\":\"critical\",\"openToWorld\":true,"
                + "\"resource\":{\"id\":\"sg-0123456789abcdef0\",\"name\":null,\"type\":\"AWS::EC2::SecurityGroup\"},"
                + "\"actor\":{\"principal\":\"arn:aws:sts::111122223333:assumed-role/Admin/alice\",\"type\":\"AssumedRole\","
                + "\"sourceIp\":\"203.0.113.7\",\"userAgent\":\"aws-cli/2.15.30\"},"
                + "\"rules\":[{\"direction\":\"ingress\",\"access\":\"allow\",\"protocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,"
                + "\"sources\":[\"0.0.0.0/0\",\"::/0\"],\"destinations\":[]}],"
                + "\"techniques\":[\"T1686.001\",\"T1562.007\"],\"eventId\":\"e2b1c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d\","
                + "\"reasons\":[\"ingress from the whole internet (0.0.0.0/0, ::/0) to tcp/22 (SSH)\"],\"suppressed\":false}");
    }

    @Test
    void hostileStringsStayVerbatimAndValidJson() throws Exception {
        String hostile = "</script>\"\n\u0000\u001b[31m[link](http://x)";
        FirewallChange c = contractExample().toBuilder().actor(new Actor(hostile, null, null, hostile)).build();
        String json = AlertJson.toJson(new Alert("id", c, Severity.LOW, null, List.of(), false));
        assertThat(json).doesNotContain("\n").doesNotContain("\u001b");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(tree.at("/actor/principal").asText()).isEqualTo(hostile);
        assertThat(tree.get("openToWorld").isNull()).isTrue();
    }

    @Test
    void idsAreDeterministicAndSafe() {
        FirewallChange c = contractExample();
        assertThat(AlertId.of(c)).isEqualTo(AlertId.of(contractExample()));
        FirewallChange weird = c.toBuilder().changeKey("corr|microsoft.network/x|/subscriptions/s/y z").build();
        assertThat(AlertId.of(weird)).matches("aws:111122223333:h[0-9a-f]{32}");
        assertThat(AlertId.of(weird)).isEqualTo(AlertId.of(weird.toBuilder().build()));
    }
}

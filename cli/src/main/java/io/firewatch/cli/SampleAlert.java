package io.firewatch.cli;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.Actor;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Outcome;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Provider;
import io.firewatch.core.model.ResourceRef;
import io.firewatch.core.model.Rule;
import io.firewatch.core.model.Severity;
import io.firewatch.core.model.Target;
import io.firewatch.core.render.AlertSummary;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The alert {@code notify-test} sends: shaped like a real critical finding (SSH opened to the internet on a security
 * group) so every part of the card and the email is exercised, and marked as a test wherever a reader looks first
 * (its id starts with {@link AlertSummary#TEST_ID_PREFIX}, which every channel turns into TEST in its first words).
 */
final class SampleAlert {
    static final String PRINCIPAL = "arn:aws:sts::111122223333:assumed-role/FirewatchNotifyTest/firewatch-notify-test";

    private SampleAlert() {
    }

    /** A fresh id per call, so a mail system never drops a second test as a duplicate of the first. */
    static Alert at(Instant now) {
        Instant time = now.truncatedTo(ChronoUnit.SECONDS);
        String eventId = "notify-test-" + time.toEpochMilli();
        FirewallChange change = FirewallChange.builder(Provider.AWS)
                .account("111122223333").region("us-east-1").time(time)
                .operation("AuthorizeSecurityGroupIngress").action(Action.CREATE).target(Target.RULE)
                .outcome(Outcome.SUCCESS)
                .resource(new ResourceRef("sg-0123456789abcdef0", "firewatch-notify-test", "AWS::EC2::SecurityGroup"))
                .actor(new Actor(PRINCIPAL, "AssumedRole", "203.0.113.7", "firewatch notify-test"))
                .rules(List.of(new Rule(Direction.INGRESS, Access.ALLOW, "tcp", PortRange.single(22),
                        List.of("0.0.0.0/0", "::/0"), List.of(), null, null)), true)
                .eventId(eventId).changeKey(eventId)
                .build();
        return new Alert(AlertSummary.TEST_ID_PREFIX + "111122223333:" + eventId, change, Severity.CRITICAL, true, List.of(
                "TEST ALERT sent by firewatch notify-test to check delivery: no firewall was changed",
                "ingress from the whole internet (0.0.0.0/0, ::/0) to tcp/22 (SSH)"), false);
    }
}

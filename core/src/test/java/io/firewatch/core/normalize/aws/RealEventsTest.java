package io.firewatch.core.normalize.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.testing.Fixtures;
import io.firewatch.core.testing.RealEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Real CloudTrail events from public projects ({@code shared/real-events/aws}), judged by our contract rather than
 * by the source project's verdict. Each file is scanned on its own. Every file must have a row here, and every file
 * under {@code negative/} must give no alert and no problem.
 */
class RealEventsTest {

    /** Expected: severity, outcome, openToWorld of the single alert each file gives. */
    private record Expected(String severity, String outcome, Boolean openToWorld) {
    }

    private static final Map<String, Expected> EXPECTED = Map.ofEntries(
            // ModifyMountTargetSecurityGroups: security groups of an EFS mount target replaced, an association change.
            row("custodian-efs-modify-mount-target-security-groups.json", "medium", "success", false),
            // Failed (RequestExpired) despite responseElements._return true: an attempt.
            row("panther-authorize-sg-ingress-error-requestexpired.json", "low", "failure", false),
            // SSH from a single host (127.0.0.1/32): an ordinary change.
            row("panther-authorize-sg-ingress-ssh-127.0.0.1-32.json", "medium", "success", false),
            // 0.0.0.0/16 is 65 536 addresses, not the internet; ports as strings.
            row("panther-console-authorize-sg-ingress-tcp443-0.0.0.0-16.json", "medium", "success", false),
            // UnauthorizedOperation without the Client. prefix, responseElements still present: failed.
            row("panther-console-authorize-sg-ingress-unauthorized.json", "low", "failure", false),
            // Egress allow-all NACL entry: egress rules never admit the internet in.
            row("panther-create-nacl-entry-egress-allow-all.json", "medium", "success", false),
            // Failed (InvalidCharacter) while _return is true.
            row("panther-create-nacl-entry-error-invalidcharacter.json", "low", "failure", false),
            // Failed (ValidationError); the rule it tried (tcp 700-702 from the world) is still described.
            row("panther-create-nacl-entry-error-validationerror.json", "low", "failure", false),
            // Single host /32.
            row("panther-create-nacl-entry-ingress-single-host.json", "medium", "success", false),
            // tcp 700-702 from 0.0.0.0/0: world-open, outside the authorized public ports, no admin port.
            row("panther-create-nacl-entry-ingress-tcp700-702-0.0.0.0-0.json", "high", "success", true),
            // SSH from 0.0.0.0/0.
            row("panther-go-sdk-authorize-sg-ingress-ssh-0.0.0.0-0.json", "critical", "success", true),
            // DB security group from 0.0.0.0/0: the database port is a data-store port.
            row("panther-rds-authorize-db-sg-ingress-0.0.0.0-0.json", "critical", "success", true),
            // AccessDenied, no responseElements.
            row("panther-rds-authorize-db-sg-ingress-accessdenied.json", "low", "failure", false),
            // A documentation range (203.0.113.0/24).
            row("panther-rds-authorize-db-sg-ingress-cidr.json", "medium", "success", false),
            // Source is an EC2 security group.
            row("panther-rds-authorize-db-sg-ingress-ec2-sg.json", "medium", "success", false),
            // Removing an allow rule narrows access.
            row("panther-rds-revoke-db-sg-ingress-0.0.0.0-0.json", "medium", "success", false),
            // Egress -1 to 0.0.0.0/0 (Terraform's usual egress rule).
            row("panther-terraform-authorize-sg-egress-all-0.0.0.0-0.json", "medium", "success", false),
            row("panther-terraform-create-security-group.json", "medium", "success", false),
            // A web ACL taken off a load balancer: detach.
            row("panther-wafv2-disassociate-web-acl.json", "medium", "success", false),
            // All traffic from 0.0.0.0/0 allowed in.
            row("splunk-create-nacl-entry-ingress-allow-all.json", "critical", "success", true),
            // The deleted entry is not described: it may have been a deny.
            row("splunk-delete-nacl-entry-ingress.json", "high", "success", null),
            // BadRequestException: an attempt on a monitoring trust list.
            row("splunk-guardduty-delete-ipset-failed.json", "low", "failure", false),
            row("splunk-replace-nacl-entry-ingress-allow-all.json", "critical", "success", true),
            // WAF Classic rule deleted: content unknown, may have been a block rule.
            row("splunk-waf-classic-delete-rule.json", "high", "success", null),
            // A whole web ACL deleted.
            row("splunk-waf-classic-delete-web-acl.json", "high", "success", false),
            // Redacted EventBridge envelope (detail-type "..."): all traffic from 0.0.0.0/0 and ::/0.
            row("streamalert-eventbridge-authorize-sg-ingress-all-0.0.0.0-0-and-ipv6.json", "critical", "success", true),
            // RFC 1918 source.
            row("streamalert-eventbridge-authorize-sg-ingress-all-10.0.0.0-8.json", "medium", "success", false),
            // Redacted eventSource "...": the operation name alone identifies it; portRange -1..-1 means all.
            row("streamalert-eventbridge-create-nacl-entry-ingress-allow-all.json", "critical", "success", true),
            // A deny entry adds protection.
            row("streamalert-eventbridge-create-nacl-entry-ingress-deny-all.json", "medium", "success", false));

    private static Map.Entry<String, Expected> row(String file, String severity, String outcome, Boolean openToWorld) {
        return Map.entry(file, new Expected(severity, outcome, openToWorld));
    }

    private static Path awsFolder() {
        return RealEvents.folder("aws");
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyRealEventHasAnExpectation() throws IOException {
        Set<String> present = files(awsFolder()).stream().map(p -> p.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(present).as("files in real-events/aws").isNotEmpty();
        assertThat(present).as("files without a row").isSubsetOf(EXPECTED.keySet());
        assertThat(EXPECTED.keySet()).as("rows without a file").isSubsetOf(present);
    }

    @TestFactory
    Stream<DynamicTest> eachRealEventGivesTheContractsVerdict() throws IOException {
        return files(awsFolder()).stream().filter(p -> EXPECTED.containsKey(p.getFileName().toString()))
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                    Expected e = EXPECTED.get(p.getFileName().toString());
                    Fixtures.Result result = Fixtures.scan(Files.readAllBytes(p));
                    // StreamAlert redacted both times to "...": the change still alerts, and the time is reported.
                    boolean timeRedacted = p.getFileName().toString().startsWith("streamalert-eventbridge-create-nacl");
                    assertThat(result.problems).as("problems").hasSize(timeRedacted ? 1 : 0)
                            .allSatisfy(problem -> assertThat(problem.message()).startsWith("eventTime is not a time"));
                    Alert alert = result.only();
                    assertThat(alert.severity().wire()).as("severity").isEqualTo(e.severity());
                    assertThat(alert.change().outcome().wire()).as("outcome").isEqualTo(e.outcome());
                    assertThat(alert.openToWorld()).as("openToWorld").isEqualTo(e.openToWorld());
                }));
    }

    @TestFactory
    Stream<DynamicTest> negativesGiveNothing() throws IOException {
        List<Path> negatives = files(awsFolder().resolve("negative"));
        assertThat(negatives).as("real negative AWS events").isNotEmpty();
        return negatives.stream().map(p -> DynamicTest.dynamicTest("negative/" + p.getFileName(), () -> {
            Fixtures.Result result = Fixtures.scan(Files.readAllBytes(p));
            assertThat(result.jsonLines()).as("alerts").isEmpty();
            assertThat(result.problems).as("problems").isEmpty();
            assertThat(result.inputs.get(0).ok()).as("input read").isTrue();
        }));
    }
}

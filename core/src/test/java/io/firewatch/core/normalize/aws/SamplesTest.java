package io.firewatch.core.normalize.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code samples/aws} tells one story (a contractor's key is refused, then a borrowed admin role opens SSH, a network
 * ACL, a GuardDuty trusted list and RDP, and deletes a NACL entry); each sample must keep telling it.
 */
class SamplesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1-eventbridge-rdp-attempt-denied.json          | AuthorizeSecurityGroupIngress:low:failure
            2-eventbridge-ssh-opened-to-the-world.json     | AuthorizeSecurityGroupIngress:critical:success
            3-cloudtrail-record-network-acl-allow-all.json | CreateNetworkAclEntry:critical:success
            4-sqs-batch-guardduty-trusted-ip-list.json     | CreateIPSet:high:success
            5-cloudtrail-log-file.json.gz                  | ModifySecurityGroupRules:critical:success DeleteNetworkAclEntry:high:success
            """)
    void eachSampleGivesItsPartOfTheStory(String file, String expected) throws IOException {
        Fixtures.Result result = Fixtures.scan(Files.readAllBytes(samples().resolve(file)));
        assertThat(result.problems).isEmpty();
        assertThat(String.join(" ", result.alerts.stream().map(a -> a.change().operation() + ":" + a.severity().wire()
                + ":" + a.change().outcome().wire()).toList())).isEqualTo(expected);
    }

    private static Path samples() {
        for (String candidate : new String[] {"../samples/aws", "samples/aws"}) {
            Path p = Paths.get(candidate);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new AssertionError("samples/aws not found from " + Paths.get("").toAbsolutePath());
    }
}

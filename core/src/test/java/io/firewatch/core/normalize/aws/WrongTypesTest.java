package io.firewatch.core.normalize.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.normalize.Problem;
import io.firewatch.core.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A rule field of the wrong type is never a crash and never silently dropped: the scan reports a problem (kind
 * INVALID) naming the field, and the change still alerts with its rule content marked unknown, so the detector errs
 * on the side of caution (high, openToWorld null) and the reasons name the unreadable field.
 */
class WrongTypesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            broken/aws-sg-ingress-port-not-a-number.json | AuthorizeSecurityGroupIngress: requestParameters.ipPermissions.items[0].fromPort is not a port number
            broken/aws-nacl-entry-egress-not-boolean.json | CreateNetworkAclEntry: requestParameters.egress is not a boolean
            """)
    void aFieldOfTheWrongTypeIsAProblemAndTheChangeStillAlerts(String fixture, String message) {
        Fixtures.Result result = Fixtures.scanFixture(fixture);
        assertThat(result.problems).extracting(Problem::kind).containsExactly(Problem.Kind.INVALID);
        assertThat(result.problems).extracting(Problem::message).containsExactly(message);
        Alert alert = result.only();
        assertThat(alert.change().rulesKnown()).isFalse();
        assertThat(alert.severity().wire()).isEqualTo("high");
        assertThat(alert.openToWorld()).isNull();
        assertThat(alert.reasons()).anyMatch(r -> r.contains(message.substring(message.indexOf(": ") + 2)));
        assertThat(result.inputs.get(0).ok()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            broken/aws-eventbridge-cloudtrail-without-record.json | INVALID   | EventBridge event of type 'AWS API Call via CloudTrail' whose detail is no CloudTrail record
            broken/aws-sqs-body-not-json.json                     | MALFORMED | Unrecognized token 'hello'
            """)
    void aKnownEnvelopeWithUnusableContentIsAProblemWithoutAlert(String fixture, Problem.Kind kind, String message) {
        Fixtures.Result result = Fixtures.scanFixture(fixture);
        assertThat(result.alerts).isEmpty();
        assertThat(result.problems).hasSize(1);
        assertThat(result.problems.get(0).kind()).isEqualTo(kind);
        assertThat(result.problems.get(0).message()).startsWith(message);
    }
}

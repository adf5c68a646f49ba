package io.firewatch.core.normalize.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CloudTrail renderings that trip parsers (research/schemas.md §D), one row each: fixture → what the alert must
 * say. Rules read {@code direction access protocol ports from sources | to destinations}; {@code ?} is an unknown
 * direction and {@code *} all ports (or none, for port-less protocols).
 */
class AwsGotchasTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # gotcha                                       | fixture                                                          | outcome | errorCode                    | severity | openToWorld | rules
            EC2 _return false is a refused call            | cloudtrail-record/authorize-sg-ingress-return-false.json         | failure | -                            | low      | false       | ingress allow tcp 22 from 0.0.0.0/0
            PascalCase return false is a refused call      | cloudtrail-record/modify-sg-rules-return-false.json              | failure | -                            | low      | false       | ? allow all * from 0.0.0.0/0
            empty lists rendered as {}                     | cloudtrail-record/authorize-sg-ingress-all-traffic-no-ports.json | success | -                            | critical | true        | ingress allow all * from 0.0.0.0/0
            IPv6 under ipv6Ranges.cidrIpv6                 | eventbridge/authorize-sg-ingress-8080-ipv6-world.json            | success | -                            | high     | true        | ingress allow tcp 8080 from ::/0
            protocol -1 without ports                      | cloudtrail-record/authorize-sg-ingress-all-traffic-no-ports.json | success | -                            | critical | true        | ingress allow all * from 0.0.0.0/0
            ICMP -1 type and code mean no ports            | cloudtrail-record/authorize-sg-ingress-icmp-world.json           | success | -                            | medium   | true        | ingress allow icmp * from 0.0.0.0/0
            flat legacy cidrIp and ipProtocol              | cloudtrail-record/authorize-sg-ingress-legacy-flat-mysql.json    | success | -                            | critical | true        | ingress allow tcp 3306 from 0.0.0.0/0
            ports as strings                               | cloudtrail-record/data-lake-lowercase-identity-redis-world.json  | success | -                            | critical | true        | ingress allow tcp 6379 from 0.0.0.0/0
            ModifySecurityGroupRules one rule as an object | eventbridge/modify-sg-rules-rdp-world.json                       | success | -                            | critical | null        | ? allow tcp 3389 from 0.0.0.0/0
            ModifySecurityGroupRules several as a list     | cloudtrail-record/modify-sg-rules-list.json                      | success | -                            | medium   | false       | ? allow tcp 443 from 198.51.100.0/24; ? allow tcp 5432 from sg-0c3d4e5f678901234
            aclProtocol number text and egress as text     | cloudtrail-record/create-nacl-entry-egress-string-tcp.json       | success | -                            | medium   | false       | egress allow tcp 1024-65535 to 0.0.0.0/0
            aclProtocol -1 with an empty portRange         | eventbridge/create-nacl-entry-allow-all.json                     | success | -                            | critical | true        | ingress allow all * from 0.0.0.0/0
            NACL IPv6 deny entry                           | cloudtrail-record/replace-nacl-entry-deny-ipv6.json              | success | -                            | medium   | false       | ingress deny tcp 23 from ::/0
            Client. error code kept verbatim               | eventbridge/authorize-sg-ingress-unauthorized.json               | failure | Client.UnauthorizedOperation | low      | false       | ingress allow tcp 3389 from 0.0.0.0/0
            egress rule addresses are destinations         | eventbridge/authorize-sg-egress-all.json                         | success | -                            | medium   | false       | egress allow all * to 0.0.0.0/0
            revoke by id, rules from the response          | cloudtrail-record/revoke-sg-egress-by-rule-id-with-revoked-rules.json | success | -                       | medium   | false       | egress allow all * to 0.0.0.0/0
            prefix lists and group references              | cloudtrail-record/authorize-sg-ingress-prefix-list-and-group.json| success | -                            | medium   | false       | ingress allow tcp 5432 from pl-0123456789abcdef0; ingress allow tcp 5432 from sg-0d4e5f67890123456
            """)
    void gotcha(String gotcha, String fixture, String outcome, String errorCode, String severity, String openToWorld, String rules) {
        Alert alert = Fixtures.scanFixture("aws/" + fixture).only();
        FirewallChange c = alert.change();
        assertThat(c.outcome().wire()).as("outcome").isEqualTo(outcome);
        assertThat(c.errorCode()).as("errorCode").isEqualTo(errorCode);
        assertThat(alert.severity().wire()).as("severity").isEqualTo(severity);
        assertThat(String.valueOf(alert.openToWorld())).as("openToWorld").isEqualTo(openToWorld);
        assertThat(RuleSummary.of(c.rules())).as("rules").isEqualTo(rules);
        assertThat(c.rulesKnown()).as("rules known").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            eventbridge/authorize-sg-ingress-unauthorized.json | Client.UnauthorizedOperation
            """)
    void responseElementsNullOnFailureIsReadAsAFailedCallWithItsRequest(String fixture, String errorCode) {
        Alert alert = Fixtures.scanFixture("aws/" + fixture).only();
        assertThat(alert.change().raw().get("responseElements").isNull()).as("fixture has responseElements null").isTrue();
        assertThat(alert.change().errorCode()).isEqualTo(errorCode);
        assertThat(alert.change().rules()).isNotEmpty();
        assertThat(alert.reasons().get(0)).contains("the call failed (" + errorCode + ")");
    }
}

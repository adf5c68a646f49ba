package io.firewatch.core.normalize.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every AWS input shape and rule parser: fixture → the normalized change's fields and the detector's verdict. */
class AwsEventsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # fixture                                                         | operation                          | action | account      | region    | resource id                                | resource name        | actor principal                                                | actor type   | severity | openToWorld | rulesKnown
            eventbridge/authorize-sg-ingress-ssh-world.json                   | AuthorizeSecurityGroupIngress      | create | 111122223333 | eu-west-1 | sg-0a1b2c3d4e5f67890                       | -                    | arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_AdministratorAccess_4f2a9c1e7b3d5a60/alice@example.com | AssumedRole | critical | true | true
            eventbridge/authorize-sg-ingress-https-world.json                 | AuthorizeSecurityGroupIngress      | create | 111122223333 | eu-west-1 | sg-0c3d4e5f678901234                       | -                    | arn:aws:sts::111122223333:assumed-role/terraform-ci/gh-actions-deploy | AssumedRole | medium | true | true
            eventbridge/delete-security-group.json                            | DeleteSecurityGroup                | delete | 111122223333 | eu-west-1 | sg-0e5f6789012345678                       | -                    | arn:aws:iam::111122223333:user/ops-bob                         | IAMUser      | high     | false       | true
            eventbridge/guardduty-create-ipset.json                           | CreateIPSet                        | trust  | 111122223333 | us-east-1 | 0cb0141ab9fbde177613ab9436212e90           | scanner-allowlist    | arn:aws:iam::111122223333:user/ops-bob                         | IAMUser      | high     | false       | true
            eventbridge/detail-type-redacted-envelope-fallbacks.json          | AuthorizeSecurityGroupIngress      | create | 111122223333 | eu-west-1 | sg-0f6789012345678ab                       | -                    | arn:aws:iam::111122223333:user/ops-bob                         | IAMUser      | medium   | false       | true
            cloudtrail-record/revoke-sg-ingress-by-rule-id.json               | RevokeSecurityGroupIngress         | delete | 111122223333 | eu-west-1 | sg-0a1b2c3d4e5f67890                       | -                    | arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_AdministratorAccess_4f2a9c1e7b3d5a60/alice@example.com | AssumedRole | medium | false | true
            cloudtrail-record/authorize-sg-ingress-legacy-flat-mysql.json     | AuthorizeSecurityGroupIngress      | create | 111122223333 | us-east-1 | -                                          | legacy-db            | arn:aws:iam::111122223333:user/ops-bob                         | IAMUser      | critical | true        | true
            cloudtrail-record/delete-nacl-entry.json                          | DeleteNetworkAclEntry              | delete | 111122223333 | eu-west-1 | acl-0123abcd4567ef890                      | -                    | arn:aws:iam::111122223333:user/contractor-mallory              | IAMUser      | high     | null        | false
            cloudtrail-record/create-network-acl.json                         | CreateNetworkAcl                   | create | 111122223333 | eu-west-1 | acl-0fedcba9876543210                      | -                    | arn:aws:sts::111122223333:assumed-role/terraform-ci/gh-actions-deploy | AssumedRole | medium | false | true
            cloudtrail-record/delete-network-acl.json                         | DeleteNetworkAcl                   | delete | 111122223333 | eu-west-1 | acl-0fedcba9876543210                      | -                    | arn:aws:iam::111122223333:user/ops-bob                         | IAMUser      | high     | false       | true
            cloudtrail-record/create-security-group-with-tags.json            | CreateSecurityGroup                | create | 111122223333 | eu-west-1 | sg-0123456789abcdef0                       | web-frontend         | arn:aws:sts::111122223333:assumed-role/terraform-ci/gh-actions-deploy | AssumedRole | medium | false | true
            cloudtrail-record/rds-authorize-db-sg-ingress-world.json          | AuthorizeDBSecurityGroupIngress    | create | 111122223333 | us-east-1 | legacy-reporting-db                        | legacy-reporting-db  | arn:aws:iam::111122223333:user/ops-bob                         | IAMUser      | critical | true        | true
            cloudtrail-record/elasticache-authorize-cache-sg-ingress.json     | AuthorizeCacheSecurityGroupIngress | create | 111122223333 | us-east-1 | legacy-cache                               | legacy-cache         | arn:aws:iam::111122223333:user/ops-bob                         | IAMUser      | medium   | false       | true
            cloudtrail-record/lightsail-open-instance-public-ports-ssh.json   | OpenInstancePublicPorts            | create | 111122223333 | eu-west-1 | wordpress-1                                | wordpress-1          | arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_AdministratorAccess_4f2a9c1e7b3d5a60/alice@example.com | AssumedRole | critical | true | true
            cloudtrail-record/lightsail-open-instance-public-ports-no-cidrs.json | OpenInstancePublicPorts         | create | 111122223333 | eu-west-1 | game-server                                | game-server          | arn:aws:iam::111122223333:user/ops-bob                         | IAMUser      | high     | true        | true
            cloudtrail-record/lightsail-put-instance-public-ports.json        | PutInstancePublicPorts             | modify | 111122223333 | eu-west-1 | wordpress-1                                | wordpress-1          | arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_AdministratorAccess_4f2a9c1e7b3d5a60/alice@example.com | AssumedRole | high | true | true
            cloudtrail-record/lightsail-close-instance-public-ports.json      | CloseInstancePublicPorts           | delete | 111122223333 | eu-west-1 | wordpress-1                                | wordpress-1          | arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_AdministratorAccess_4f2a9c1e7b3d5a60/alice@example.com | AssumedRole | medium | false | true
            cloudtrail-record/waf-classic-delete-rule.json                    | DeleteRule                         | delete | 111122223333 | eu-west-1 | 5a9b1c4a-a999-4bb2-9f51-555f086ff34f       | -                    | arn:aws:iam::111122223333:user/contractor-mallory              | IAMUser      | high     | null        | false
            cloudtrail-record/wafv2-update-ip-set.json                        | UpdateIPSet                        | modify | 111122223333 | eu-west-1 | a1b2c3d4-5678-90ab-cdef-EXAMPLE11111       | blocked-scanners     | arn:aws:iam::111122223333:user/ops-bob                         | IAMUser      | high     | null        | true
            cloudtrail-record/network-firewall-delete-firewall.json           | DeleteFirewall                     | delete | 111122223333 | eu-west-1 | -                                          | egress-inspection    | arn:aws:iam::111122223333:user/contractor-mallory              | IAMUser      | high     | false       | true
            cloudtrail-record/modify-instance-attribute-group-set.json        | ModifyInstanceAttribute            | attach | 111122223333 | eu-west-1 | i-0123456789abcdef0                        | -                    | arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_AdministratorAccess_4f2a9c1e7b3d5a60/alice@example.com | AssumedRole | medium | false | true
            cloudtrail-record/elbv2-set-security-groups.json                  | SetSecurityGroups                  | attach | 111122223333 | eu-west-1 | arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188 | - | arn:aws:sts::111122223333:assumed-role/terraform-ci/gh-actions-deploy | AssumedRole | medium | false | true
            cloudtrail-record/data-lake-lowercase-identity-redis-world.json   | AuthorizeSecurityGroupIngress      | create | 111122223333 | eu-west-1 | sg-0a1b2c3d4e5f67890                       | -                    | arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_AdministratorAccess_4f2a9c1e7b3d5a60/alice@example.com | AssumedRole | critical | true | true
            sqs/sqs-api-message.json                                          | AuthorizeSecurityGroupIngress      | create | 111122223333 | eu-west-1 | sg-0a1b2c3d4e5f67890                       | -                    | arn:aws:iam::111122223333:user/contractor-mallory              | IAMUser      | critical | true        | true
            """)
    void oneChangePerFixture(String fixture, String operation, String action, String account, String region,
                             String resourceId, String resourceName, String principal, String actorType,
                             String severity, String openToWorld, boolean rulesKnown) {
        Alert alert = Fixtures.scanFixture("aws/" + fixture).only();
        FirewallChange c = alert.change();
        assertThat(c.provider().wire()).isEqualTo("aws");
        assertThat(c.operation()).as("operation").isEqualTo(operation);
        assertThat(c.action().wire()).as("action").isEqualTo(action);
        assertThat(c.account()).as("account").isEqualTo(account);
        assertThat(c.region()).as("region").isEqualTo(region);
        assertThat(c.resource().id()).as("resource id").isEqualTo(resourceId);
        assertThat(c.resource().name()).as("resource name").isEqualTo(resourceName);
        assertThat(c.actor().principal()).as("principal").isEqualTo(principal);
        assertThat(c.actor().type()).as("actor type").isEqualTo(actorType);
        assertThat(alert.severity().wire()).as("severity").isEqualTo(severity);
        assertThat(String.valueOf(alert.openToWorld())).as("openToWorld").isEqualTo(openToWorld);
        assertThat(c.rulesKnown()).as("rules known").isEqualTo(rulesKnown);
        assertThat(c.eventId()).as("eventId").isNotBlank().isEqualTo(c.changeKey()).isEqualTo(c.raw().path("eventID").asText());
        assertThat(c.time()).as("time").isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # fixture                                                                                 | alerts in order
            cloudtrail-file/log-file-mixed-services.json                                              | AuthorizeSecurityGroupIngress:critical CreateTrustedEntitySet:high
            cloudtrail-file/111122223333_CloudTrail_eu-west-1_20261128T0305Z_Ab12Cd34Ef56Gh78.json.gz | ReplaceNetworkAclAssociation:medium DisassociateWebACL:medium UpdateFirewallPolicy:medium
            sqs/lambda-sqs-batch.json                                                                 | RevokeSecurityGroupEgress:medium DeleteIPSet:high CreateNetworkAclEntry:critical
            cloudtrail-file/log-file-classic-groups-and-attachments.json                              | ModifyNetworkInterfaceAttribute:medium CreateCacheSecurityGroup:medium RevokeCacheSecurityGroupIngress:medium DeleteCacheSecurityGroup:high ModifyMountTargetSecurityGroups:medium ApplySecurityGroupsToLoadBalancer:medium CreateDBSecurityGroup:medium RevokeDBSecurityGroupIngress:medium DeleteDBSecurityGroup:high
            cloudtrail-file/log-file-guardduty-and-network-firewall.json                              | UpdateIPSet:high UpdateTrustedEntitySet:high DeleteTrustedEntitySet:high AssociateFirewallPolicy:medium DeleteFirewallPolicy:high DeleteRuleGroup:high DisassociateSubnets:medium UpdateFirewallDeleteProtection:medium UpdateFirewallPolicyChangeProtection:medium UpdateLoggingConfiguration:medium UpdateRuleGroup:high UpdateSubnetChangeProtection:medium
            cloudtrail-file/log-file-waf.json                                                         | DeleteRuleGroup:high UpdateIPSet:high UpdateRule:high UpdateWebACL:medium DeleteRule:high DeleteWebACL:high DeleteRuleGroup:high UpdateIPSet:high UpdateRule:high UpdateWebACL:medium DeleteWebACL:high DisassociateWebACL:medium AssociateWebACL:medium DeleteIPSet:high DeleteLoggingConfiguration:medium DeleteRuleGroup:high DeleteWebACL:high PutLoggingConfiguration:medium UpdateRuleGroup:high UpdateWebACL:medium
            """)
    void containersGiveOneAlertPerFirewallRecordAndSkipTheRest(String fixture, String expected) {
        Fixtures.Result result = Fixtures.scanFixture("aws/" + fixture);
        assertThat(result.problems).isEmpty();
        assertThat(String.join(" ", result.alerts.stream()
                .map(a -> a.change().operation() + ":" + a.severity().wire()).toList())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            eventbridge/authorize-sg-ingress-ssh-world.json
            sqs/sqs-api-message.json
            cloudtrail-file/log-file-mixed-services.json
            """)
    void anEventDeliveredTwiceGivesOneAlert(String fixture) {
        byte[] event = Fixtures.bytes("aws/" + fixture);
        Fixtures.Result once = Fixtures.scanFixture("aws/" + fixture);
        Fixtures.Result twice = Fixtures.scan(event, event);
        assertThat(twice.jsonLines()).isEqualTo(once.jsonLines()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            eventbridge/authorize-sg-ingress-ssh-world.json
            eventbridge/modify-sg-rules-rdp-world.json
            """)
    void anEventBridgeEventAndItsBareRecordGiveTheSameAlert(String fixture) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode envelope = json.readTree(Fixtures.bytes("aws/" + fixture));
        byte[] bare = json.writeValueAsBytes(envelope.get("detail"));
        assertThat(Fixtures.scan(bare).jsonLines()).isEqualTo(Fixtures.scanFixture("aws/" + fixture).jsonLines());
        assertThat(Fixtures.scan(bare, Fixtures.bytes("aws/" + fixture)).alerts).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cloudtrail-record/create-security-group-with-tags.json | team=web env=prod
            eventbridge/guardduty-create-ipset.json                | owner=secops
            cloudtrail-record/create-network-acl.json              | Name=dmz
            """)
    void tagsComeFromTheRequest(String fixture, String expected) {
        Map<String, String> tags = Fixtures.scanFixture("aws/" + fixture).only().change().tags();
        for (String pair : expected.split(" ")) {
            String[] kv = pair.split("=", 2);
            assertThat(tags).containsEntry(kv[0], kv[1]);
        }
        assertThat(tags).hasSize(expected.split(" ").length);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cloudtrail-record/revoke-sg-ingress-by-rule-id.json         | rules were named by id (sgr-0123456789abcdef0) and their content is not in the event; security groups hold only allow rules
            cloudtrail-record/create-nacl-entry-denied-without-request-parameters.json | the event carries no request parameters
            cloudtrail-record/revoke-sg-ingress-rule-not-in-group.json  | some of the rules named were not in the security group, so the call left them as they were
            cloudtrail-record/delete-nacl-entry.json                    | network ACL rule 50 (ingress) was removed; the event does not say what it allowed or denied
            cloudtrail-record/lightsail-open-instance-public-ports-no-cidrs.json | no addresses given: Lightsail opens the port to every IPv4 address (0.0.0.0/0)
            cloudtrail-record/rds-authorize-db-sg-ingress-world.json    | the rule admits its sources to the database's listener port, which the event does not name
            """)
    void notesExplainWhatTheEventLeavesOut(String fixture, String note) {
        Alert alert = Fixtures.scanFixture("aws/" + fixture).only();
        assertThat(alert.change().notes()).contains(note);
        assertThat(alert.reasons()).contains(note);
    }
}

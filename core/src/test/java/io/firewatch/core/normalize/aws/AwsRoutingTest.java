package io.firewatch.core.normalize.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.ingest.DocumentReader;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import io.firewatch.core.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which AWS normalizer owns each shape and what it hands on: a change, an envelope's payload, or an "ignored"
 * verdict (no alert, no problem). Each document of a fixture is routed the way a scan routes it, but only one level.
 */
class AwsRoutingTest {
    private static final List<Normalizer> AWS = AwsNormalizers.create(OperationCatalog.load());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # fixture                                                        | what each document gives, in order
            aws/eventbridge/authorize-sg-ingress-ssh-world.json              | EventBridgeNormalizer change AuthorizeSecurityGroupIngress
            aws/eventbridge/detail-type-redacted-envelope-fallbacks.json     | EventBridgeNormalizer change AuthorizeSecurityGroupIngress
            aws/cloudtrail-record/delete-network-acl.json                    | CloudTrailRecordNormalizer change DeleteNetworkAcl
            aws/sqs/sqs-api-message.json                                     | SqsMessageNormalizer nestedBytes sqs:099b5b97-f303-58c8-8b12-ae14926ea9a0
            aws/sqs/lambda-sqs-batch.json                                    | SqsMessageNormalizer nestedBytes Records[0]/sqs:66eb06cf-5b28-5a27-ba50-424ea5f0fd49, SqsMessageNormalizer nestedBytes Records[1]/sqs:901fc543-4d3d-547f-8da6-03d56b820276, SqsMessageNormalizer nestedBytes Records[2]/sqs:5a8cd56e-54c8-5fa9-b164-4302dea11036
            ignored/aws-cloudtrail-digest.json                               | CloudTrailDigestNormalizer ignored CloudTrail digest file
            ignored/aws-eventbridge-scheduled-event.json                     | EventBridgeNormalizer ignored EventBridge event of type 'Scheduled Event' is no CloudTrail API call
            ignored/aws-eventbridge-describe-security-groups.json            | EventBridgeNormalizer ignored read-only call DescribeSecurityGroupRules
            ignored/aws-modify-instance-attribute-without-group-set.json     | CloudTrailRecordNormalizer ignored ModifyInstanceAttribute without requestParameters.groupSet changes no firewall
            ignored/aws-log-file-no-firewall-change.json                     | CloudTrailRecordNormalizer ignored s3.amazonaws.com CreateBucket is not a watched firewall operation, CloudTrailRecordNormalizer ignored ec2.amazonaws.com DeleteVpc is not a watched firewall operation
            ignored/aws-cloudtrail-insight-file.json                         | CloudTrailRecordNormalizer ignored CloudTrail Insights record (a call-rate anomaly, not a call)
            broken/aws-eventbridge-cloudtrail-without-record.json            | EventBridgeNormalizer problem EventBridge event of type 'AWS API Call via CloudTrail' whose detail is no CloudTrail record
            """)
    void eachShapeHasOneOwner(String fixture, String expected) {
        List<String> seen = new ArrayList<>();
        new DocumentReader().read(Fixtures.bytes(fixture), Origin.of(fixture), new DocumentReader.Listener() {
            @Override
            public void document(JsonNode document, Origin origin) {
                List<Normalizer> owners = AWS.stream().filter(n -> n.recognizes(document)).toList();
                assertThat(owners).as("AWS normalizers recognising a document of %s", fixture).hasSize(1);
                Normalizer owner = owners.get(0);
                owner.normalize(document, origin, new Recorder(owner.getClass().getSimpleName(), seen));
            }

            @Override
            public void problem(Problem problem) {
                seen.add("reader problem " + problem.message());
            }
        });
        assertThat(String.join(", ", seen)).isEqualTo(expected);
    }

    private record Recorder(String owner, List<String> seen) implements Normalizer.Sink {
        @Override
        public void change(FirewallChange change) {
            seen.add(owner + " change " + change.operation());
        }

        @Override
        public void nested(JsonNode document, Origin origin) {
            seen.add(owner + " nested " + origin.path());
        }

        @Override
        public void nestedBytes(byte[] content, Origin origin) {
            seen.add(owner + " nestedBytes " + origin.path());
        }

        @Override
        public void ignored(Origin origin, String why) {
            seen.add(owner + " ignored " + why);
        }

        @Override
        public void problem(Problem problem) {
            seen.add(owner + " problem " + problem.message());
        }
    }
}

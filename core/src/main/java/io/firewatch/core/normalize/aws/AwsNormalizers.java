package io.firewatch.core.normalize.aws;

import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.normalize.Normalizer;
import java.util.List;
import java.util.Set;

/** The AWS shapes, envelopes first: EventBridge event, SQS message, CloudTrail digest file, CloudTrail record. */
public final class AwsNormalizers {
    private AwsNormalizers() {
    }

    public static List<Normalizer> create(OperationCatalog catalog) {
        CloudTrailRecords records = new CloudTrailRecords(catalog);
        return List.of(
                new EventBridgeNormalizer(records),
                new SqsMessageNormalizer(),
                new CloudTrailDigestNormalizer(),
                new CloudTrailRecordNormalizer(records));
    }

    /** The rule parser names the AWS catalogue may use in its {@code rules} column. */
    public static Set<String> ruleParsers() {
        return RuleParsers.names();
    }
}

package io.firewatch.core.normalize.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;

/** A bare CloudTrail record: on its own, or one of a log file's {@code Records} (the reader splits those). */
final class CloudTrailRecordNormalizer implements Normalizer {
    private final CloudTrailRecords records;

    CloudTrailRecordNormalizer(CloudTrailRecords records) {
        this.records = records;
    }

    @Override
    public boolean recognizes(JsonNode document) {
        return CloudTrailRecords.looksLikeRecord(document);
    }

    @Override
    public void normalize(JsonNode document, Origin origin, Sink out) {
        records.normalize(document, origin, out, CloudTrailRecords.Context.NONE);
    }
}

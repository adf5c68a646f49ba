package io.firewatch.core.normalize.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;

/** A CloudTrail digest file (it sits beside the log files in the bucket): known, holds no events, skipped quietly. */
final class CloudTrailDigestNormalizer implements Normalizer {

    @Override
    public boolean recognizes(JsonNode document) {
        return document.has("digestStartTime") && (document.has("digestPublicKeyFingerprint")
                || document.has("digestSignatureAlgorithm") || document.has("digestS3Object"));
    }

    @Override
    public void normalize(JsonNode document, Origin origin, Sink out) {
        out.ignored(origin, "CloudTrail digest file");
    }
}

package io.firewatch.core.normalize.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.normalize.Json;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import io.firewatch.core.normalize.Times;

/**
 * An EventBridge event: {@code detail-type} beside an object {@code detail}. CloudTrail API calls are normalized with
 * the envelope's account, region and time as fallbacks; a detail that reads as a CloudTrail record counts even when
 * {@code detail-type} was redacted. Any other event (a schedule, another service's event) is not a firewall change.
 */
final class EventBridgeNormalizer implements Normalizer {
    static final String CLOUDTRAIL_API_CALL = "AWS API Call via CloudTrail";

    private final CloudTrailRecords records;

    EventBridgeNormalizer(CloudTrailRecords records) {
        this.records = records;
    }

    @Override
    public boolean recognizes(JsonNode document) {
        return document.has("detail-type") && document.path("detail").isObject();
    }

    @Override
    public void normalize(JsonNode document, Origin origin, Sink out) {
        String detailType = Json.text(document, "detail-type");
        JsonNode detail = document.get("detail");
        Origin inner = origin.child("detail");
        if (CloudTrailRecords.looksLikeRecord(detail)) {
            CloudTrailRecords.Context context = new CloudTrailRecords.Context(Json.text(document, "account"),
                    Json.text(document, "region"), Times.parse(Json.text(document, "time")));
            records.normalize(detail, inner, out, context);
        } else if (CLOUDTRAIL_API_CALL.equals(detailType)) {
            out.problem(new Problem(inner, Problem.Kind.INVALID,
                    "EventBridge event of type '" + CLOUDTRAIL_API_CALL + "' whose detail is no CloudTrail record"));
        } else {
            out.ignored(origin, "EventBridge event of type '" + detailType + "' is no CloudTrail API call");
        }
    }
}

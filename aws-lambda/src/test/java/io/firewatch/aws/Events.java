package io.firewatch.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The complete EventBridge and SQS test events under {@code src/test/resources/events}. */
final class Events {
    static final String SSH_WORLD = "eventbridge-authorize-sg-ingress-ssh-world.json";
    static final String DELETE_SG = "eventbridge-delete-security-group.json";
    static final String S3_BUCKET = "eventbridge-s3-create-bucket.json";
    static final String HOSTILE = "eventbridge-authorize-sg-ingress-hostile.json";
    static final String SQS_ONE_BAD = "sqs-batch-one-bad.json";
    static final String SQS_HOSTILE = "sqs-batch-hostile.json";

    /** The id of the truncated message in {@link #SQS_ONE_BAD}. */
    static final String BAD_MESSAGE = "2e1424d4-f796-459a-8184-9c92662be6da";

    private Events() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test event " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

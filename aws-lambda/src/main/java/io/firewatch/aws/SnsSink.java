package io.firewatch.aws;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.render.AccountAliases;
import io.firewatch.core.sink.DeliveryException;
import io.firewatch.core.sink.Sink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Publishes each alert to an SNS topic. The client is built on the first alert, not at cold start, so a SnapStart
 * snapshot holds no connection and no credentials. The SDK retries throttling and server errors itself; the call
 * as a whole is bounded by the budget the dispatcher passes in. The endpoint follows the SDK's own settings
 * ({@code AWS_ENDPOINT_URL_SNS}, {@code AWS_ENDPOINT_URL}).
 */
public final class SnsSink implements Sink {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);

    private final String topicArn;
    private final AccountAliases aliases;
    private final Lazy<SnsClient> client;

    SnsSink(String topicArn) {
        this(topicArn, AccountAliases.NONE);
    }

    /** A sink for the topic; the SDK client is built on first send. The CLI's {@code notify-test} uses it too. */
    public SnsSink(String topicArn, AccountAliases aliases) {
        this(topicArn, aliases, () -> defaultClient(topicArn));
    }

    SnsSink(String topicArn, Supplier<SnsClient> client) {
        this(topicArn, AccountAliases.NONE, client);
    }

    SnsSink(String topicArn, AccountAliases aliases, Supplier<SnsClient> client) {
        this.topicArn = topicArn;
        this.aliases = aliases;
        this.client = new Lazy<>(client);
    }

    @Override
    public String name() {
        return "sns";
    }

    @Override
    public String destination() {
        return "the SNS topic " + topicArn;
    }

    @Override
    public void send(Alert alert, Duration budget) throws DeliveryException {
        if (budget.isZero() || budget.isNegative()) {
            throw new DeliveryException("no time left to publish to SNS", true);
        }
        SnsPublication p = SnsPublication.of(alert, aliases);
        if (p.message().getBytes(StandardCharsets.UTF_8).length > SnsPublication.MAX_MESSAGE_BYTES) {
            throw new DeliveryException("alert JSON is larger than SNS accepts (256 KiB)", false);
        }
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        p.attributes().forEach((k, v) -> attributes.put(k, MessageAttributeValue.builder().dataType("String").stringValue(v).build()));
        PublishRequest request = PublishRequest.builder()
                .topicArn(topicArn)
                .subject(p.subject())
                .message(p.message())
                .messageAttributes(attributes)
                .overrideConfiguration(o -> o.apiCallTimeout(budget))
                .build();
        try {
            client.get().publish(request);
        } catch (AwsServiceException e) {
            throw new DeliveryException("SNS refused the alert: " + describe(e), retryable(e), e);
        } catch (SdkException e) {
            throw new DeliveryException("SNS could not be reached: " + e.getClass().getSimpleName(), true, e);
        }
    }

    /**
     * Builds the client and runs one publish of {@code sample} through the SDK's whole request path (endpoint rules,
     * marshalling, signing with throwaway credentials), stopped just before it would be sent: no connection, and the
     * function's own credentials are not resolved (nothing of them can end up in a SnapStart snapshot).
     */
    @Override
    public void prime(Alert sample) {
        SnsPublication p = SnsPublication.of(sample, aliases);
        PublishRequest request = PublishRequest.builder().topicArn(topicArn).subject(p.subject()).message(p.message())
                .overrideConfiguration(o -> o.credentialsProvider(SdkPriming.CREDENTIALS).putHeader(SdkPriming.HEADER, "1"))
                .build();
        try {
            client.get().publish(request);
        } catch (SdkPriming.Stopped | SdkException e) {
            // Expected: SdkPriming stops the request before transmission.
        }
    }

    static boolean retryable(AwsServiceException e) {
        int status = e.statusCode();
        return status >= 500 || status == 429 || e.isThrottlingException() || status == 0;
    }

    private static String describe(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return (code == null ? "error" : code) + " (HTTP " + e.statusCode() + ")";
    }

    private static SnsClient defaultClient(String topicArn) {
        SnsClientBuilder builder = SnsClient.builder().overrideConfiguration(SdkPriming::install)
                .httpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build());
        String region = regionOf(topicArn);
        if (region != null) {
            builder.region(Region.of(region));
        }
        return builder.build();
    }

    /** The topic's own region ({@code arn:aws:sns:REGION:ACCOUNT:NAME}), so a topic elsewhere still works. */
    static String regionOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && parts[2].equals("sns") && !parts[3].isEmpty() ? parts[3] : null;
    }
}

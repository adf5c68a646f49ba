package io.firewatch.aws;

import io.firewatch.core.delivery.ClaimStore;
import io.firewatch.core.delivery.ClaimStoreException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Delivery claims in a DynamoDB table (partition key {@code id}, TTL on {@code expiresAt}), one item per
 * {@code alertId#sink}: {@code state} pending or done, {@code owner} the claiming attempt, {@code leaseUntil} in
 * epoch milliseconds. Uses only PutItem, GetItem, UpdateItem and DeleteItem, each conditional on the owner, so the
 * function never needs more than those four actions on the one table. The client is built on the first claim.
 */
final class DynamoClaimStore implements ClaimStore {
    static final String TABLE = "FIREWATCH_DEDUP_TABLE";
    private static final String ENDPOINT = "AWS_ENDPOINT_URL_DYNAMODB";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final String table;
    private final Lazy<DynamoDbClient> client;

    DynamoClaimStore(String table, Supplier<DynamoDbClient> client) {
        this.table = table;
        this.client = new Lazy<>(client);
    }

    /** The store named by {@code FIREWATCH_DEDUP_TABLE}, or null when the setting is absent. */
    static DynamoClaimStore fromEnvironment(Map<String, String> env) {
        String table = env.get(TABLE);
        if (table == null || table.isBlank()) {
            return null;
        }
        String endpoint = env.get(ENDPOINT);
        return new DynamoClaimStore(table.strip(), () -> {
            DynamoDbClientBuilder builder = DynamoDbClient.builder()
                    .httpClient(UrlConnectionHttpClient.builder()
                            .connectionTimeout(Duration.ofSeconds(2))
                            .socketTimeout(CALL_TIMEOUT)
                            .build())
                    .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT));
            if (endpoint != null && !endpoint.isBlank()) {
                builder.endpointOverride(URI.create(endpoint.strip()));
            }
            return builder.build();
        });
    }

    @Override
    public Outcome claim(String key, String owner, Instant now, Instant leaseUntil, Instant expiresAt)
            throws ClaimStoreException {
        try {
            client.get().putItem(b -> b.tableName(table)
                    .item(Map.of("id", s(key), "state", s("pending"), "owner", s(owner),
                            "leaseUntil", n(leaseUntil.toEpochMilli()), "expiresAt", n(expiresAt.getEpochSecond())))
                    .conditionExpression("attribute_not_exists(id) OR (#state = :pending AND leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":pending", s("pending"), ":now", n(now.toEpochMilli()))));
            return Outcome.TAKEN;
        } catch (ConditionalCheckFailedException e) {
            return held(key);
        } catch (SdkException e) {
            throw failure("PutItem", e);
        }
    }

    private Outcome held(String key) throws ClaimStoreException {
        try {
            Map<String, AttributeValue> item = client.get()
                    .getItem(b -> b.tableName(table).key(Map.of("id", s(key))).consistentRead(true)).item();
            AttributeValue state = item == null ? null : item.get("state");
            return state != null && "done".equals(state.s()) ? Outcome.DONE : Outcome.BUSY;
        } catch (SdkException e) {
            throw failure("GetItem", e);
        }
    }

    @Override
    public void complete(String key, String owner, Instant expiresAt) throws ClaimStoreException {
        try {
            client.get().updateItem(b -> b.tableName(table).key(Map.of("id", s(key)))
                    .updateExpression("SET #state = :done, expiresAt = :exp")
                    .conditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#state", "state", "#owner", "owner"))
                    .expressionAttributeValues(Map.of(":done", s("done"), ":exp", n(expiresAt.getEpochSecond()),
                            ":owner", s(owner))));
        } catch (ConditionalCheckFailedException e) {
            // another instance took the lease over after ours ran out; its own outcome stands
        } catch (SdkException e) {
            throw failure("UpdateItem", e);
        }
    }

    @Override
    public void release(String key, String owner) throws ClaimStoreException {
        try {
            client.get().deleteItem(b -> b.tableName(table).key(Map.of("id", s(key)))
                    .conditionExpression("#owner = :owner AND #state = :pending")
                    .expressionAttributeNames(Map.of("#state", "state", "#owner", "owner"))
                    .expressionAttributeValues(Map.of(":owner", s(owner), ":pending", s("pending"))));
        } catch (ConditionalCheckFailedException e) {
            // no longer ours: nothing to give back
        } catch (SdkException e) {
            throw failure("DeleteItem", e);
        }
    }

    private ClaimStoreException failure(String action, SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            boolean throttled = service instanceof ProvisionedThroughputExceededException || service.isThrottlingException()
                    || service.statusCode() == 429 || service.statusCode() == 503;
            return new ClaimStoreException("DynamoDB " + action + " on " + table + " refused: "
                    + (code == null ? "error" : code) + " (HTTP " + service.statusCode() + ")", throttled, e);
        }
        return new ClaimStoreException("DynamoDB " + action + " on " + table + " could not be reached: "
                + e.getClass().getSimpleName(), false, e);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

package io.firewatch.aws;

import io.firewatch.core.sink.SecretResolver;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * Reads a secret's current string value from Secrets Manager by ARN or name. The client is built on the first
 * lookup (never during SnapStart's snapshot), and failures name the reference, never a value.
 */
final class SecretsManagerResolver implements SecretResolver {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Lazy<SecretsManagerClient> client = new Lazy<>(() -> SecretsManagerClient.builder()
            .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).build())
            .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT))
            .build());

    @Override
    public String resolve(String reference) {
        GetSecretValueResponse response;
        try {
            response = client.get().getSecretValue(r -> r.secretId(reference));
        } catch (SdkException e) {
            throw new IllegalStateException("secret " + reference + " could not be read: " + e.getClass().getSimpleName(), e);
        }
        if (response.secretString() == null) {
            throw new IllegalStateException("secret " + reference + " holds no text (binary secrets are not supported)");
        }
        return response.secretString();
    }
}

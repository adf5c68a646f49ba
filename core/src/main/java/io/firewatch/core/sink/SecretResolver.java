package io.firewatch.core.sink;

/**
 * Resolves a secret given by reference (a Secrets Manager ARN on AWS; Azure and GCP resolve references before the
 * function starts). Implementations must not log the value.
 */
@FunctionalInterface
public interface SecretResolver {
    SecretResolver NONE = reference -> {
        throw new IllegalStateException("secret references are not supported here");
    };

    String resolve(String reference);
}

package io.firewatch.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Access tokens of the function's service account from the metadata server, cached until shortly before they expire.
 * Fetched on first use only, so nothing is asked for at start-up.
 */
final class MetadataTokens {
    static final String DEFAULT_URL =
            "http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token";
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final URI url;
    private final Clock clock;
    private String token;
    private Instant expires = Instant.MIN;

    MetadataTokens(HttpClient http, String url, Clock clock) {
        this.http = http;
        this.url = URI.create(url);
        this.clock = clock;
    }

    /** Why no token could be had, in words that never carry a secret. */
    static final class TokenException extends Exception {
        private static final long serialVersionUID = 1L;

        TokenException(String message) {
            super(message);
        }
    }

    /** One GET to the metadata server; {@code what} says in the error what was asked for. */
    static HttpResponse<String> ask(HttpClient http, URI url, String what) throws TokenException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Metadata-Flavor", "Google").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenException("the metadata server could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException("interrupted while asking the metadata server for " + what);
        }
    }

    synchronized String token() throws TokenException {
        if (token != null && clock.instant().isBefore(expires.minus(REFRESH_MARGIN))) {
            return token;
        }
        HttpResponse<String> response = ask(http, url, "a token");
        if (response.statusCode() != 200) {
            throw new TokenException("the metadata server answered HTTP " + response.statusCode());
        }
        try {
            JsonNode body = MAPPER.readTree(response.body());
            String value = body.path("access_token").asText(null);
            if (value == null || value.isBlank()) {
                throw new TokenException("the metadata server's answer has no access_token");
            }
            token = value;
            expires = clock.instant().plusSeconds(Math.max(0, body.path("expires_in").asLong(0)));
            return token;
        } catch (IOException e) {
            throw new TokenException("the metadata server's answer is not JSON");
        }
    }
}

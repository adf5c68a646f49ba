package io.firewatch.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Access tokens for Azure Resource Manager from the Functions managed identity endpoint ({@code IDENTITY_ENDPOINT},
 * {@code IDENTITY_HEADER}), cached until shortly before they expire. The token is never logged or put in a message.
 */
final class ManagedIdentityTokens {
    static final String API_VERSION = "2019-08-01";
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    private static final Duration FALLBACK_LIFETIME = Duration.ofMinutes(10);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final String endpoint;
    private final String header;
    private final String resource;
    private final Clock clock;

    private String token;
    private Instant refreshAt = Instant.MIN;

    ManagedIdentityTokens(HttpClient http, String endpoint, String header, String resource, Clock clock) {
        this.http = http;
        this.endpoint = endpoint;
        this.header = header;
        this.resource = resource;
        this.clock = clock;
    }

    /** Thrown when no token could be had; the message says why in words safe for an alert. */
    static final class TokenException extends Exception {
        private static final long serialVersionUID = 1L;

        TokenException(String message) {
            super(message);
        }
    }

    synchronized String token(Duration timeout) throws TokenException {
        if (token != null && clock.instant().isBefore(refreshAt)) {
            return token;
        }
        if (endpoint == null || header == null) {
            throw new TokenException("no managed identity (IDENTITY_ENDPOINT/IDENTITY_HEADER not set)");
        }
        URI uri;
        try {
            uri = URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + "resource="
                    + URLEncoder.encode(resource, StandardCharsets.UTF_8) + "&api-version=" + API_VERSION);
        } catch (IllegalArgumentException e) {
            throw new TokenException("the managed identity endpoint is not a valid URL");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("X-IDENTITY-HEADER", header)
                .header("Metadata", "true").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new TokenException("the managed identity endpoint did not answer in time");
        } catch (IOException e) {
            throw new TokenException("the managed identity endpoint could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException("interrupted while asking the managed identity endpoint");
        }
        if (response.statusCode() != 200) {
            throw new TokenException("the managed identity endpoint answered HTTP " + response.statusCode());
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new TokenException("the managed identity endpoint answered no JSON");
        }
        String value = body.path("access_token").asText("");
        if (value.isEmpty()) {
            throw new TokenException("the managed identity endpoint answered no access token");
        }
        token = value;
        refreshAt = expiry(body).minus(REFRESH_MARGIN);
        return token;
    }

    /** {@code expires_on} is epoch seconds (as a string) on App Service; fall back to {@code expires_in}. */
    private Instant expiry(JsonNode body) {
        Instant now = clock.instant();
        try {
            String on = body.path("expires_on").asText("");
            if (!on.isEmpty() && on.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(on));
            }
            String in = body.path("expires_in").asText("");
            if (!in.isEmpty() && in.chars().allMatch(Character::isDigit)) {
                return now.plusSeconds(Long.parseLong(in));
            }
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return now.plus(FALLBACK_LIFETIME);
        }
        return now.plus(FALLBACK_LIFETIME);
    }
}

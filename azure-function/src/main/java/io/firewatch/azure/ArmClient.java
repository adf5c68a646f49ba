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
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one resource from Azure Resource Manager with a managed identity token: bounded retries on throttling and
 * server errors (honouring {@code Retry-After}), a timeout per request and an overall budget, and a few brief re-reads
 * while the resource is still {@code Updating} (ARM answers right after the event, before provisioning settles).
 */
final class ArmClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final ManagedIdentityTokens tokens;
    private final EnrichmentLimits limits;

    ArmClient(HttpClient http, String baseUrl, ManagedIdentityTokens tokens, EnrichmentLimits limits) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.tokens = tokens;
        this.limits = limits;
    }

    ArmReadResult read(String resourceId, String apiVersion) {
        Optional<String> path = encodedPath(resourceId);
        if (path.isEmpty()) {
            return new ArmReadResult.Failed("the resource id is not an Azure Resource Manager id");
        }
        long deadline = System.nanoTime() + limits.budget().toNanos();
        String token;
        try {
            token = tokens.token(within(limits.requestTimeout(), deadline));
        } catch (ManagedIdentityTokens.TokenException e) {
            return new ArmReadResult.Failed("no managed identity token: " + e.getMessage());
        }
        URI uri = URI.create(baseUrl + path.get() + "?api-version=" + apiVersion);
        ArmReadResult result = null;
        int updatingReads = 0;
        for (int attempt = 1; ; attempt++) {
            Duration left = remaining(deadline);
            if (left.isZero()) {
                return result != null ? result : new ArmReadResult.Failed("Azure Resource Manager did not answer in time");
            }
            Response r = get(uri, token, within(limits.requestTimeout(), deadline));
            if (r.timedOut()) {
                return result != null ? result : new ArmReadResult.Failed("Azure Resource Manager did not answer in time");
            }
            if (r.status() == 200 && r.body() != null) {
                result = new ArmReadResult.Found(r.body());
                if (!updating(r.body()) || updatingReads >= limits.updatingRereads()) {
                    return result;
                }
                updatingReads++;
                if (!pause(limits.updatingDelay(), deadline)) {
                    return result;
                }
                continue;
            }
            if (r.status() == 404) {
                return new ArmReadResult.NotFound();
            }
            boolean transientFailure = r.status() == 429 || r.status() >= 500 || r.status() == 0;
            if (!transientFailure || attempt >= limits.maxAttempts()) {
                return new ArmReadResult.Failed(describe(r.status()));
            }
            Duration wait = r.retryAfter() != null ? r.retryAfter() : limits.retryDelay().multipliedBy(attempt);
            if (!pause(wait, deadline)) {
                return new ArmReadResult.Failed(describe(r.status()) + " and the retry would not fit the time budget");
            }
        }
    }

    private record Response(int status, JsonNode body, Duration retryAfter, boolean timedOut) {
    }

    /** What a DELETE gave: the HTTP status (0 when nothing usable came back) and ARM's error message, if any. */
    record Deletion(int status, String message) {
    }

    /**
     * Deletes one resource (the automatic response's only write). One attempt plus retries on throttling and server
     * errors within the budget; 200, 202 and 204 mean accepted, 404 that it was already gone.
     */
    Deletion delete(String resourceId, String apiVersion) {
        Optional<String> path = encodedPath(resourceId);
        if (path.isEmpty()) {
            return new Deletion(0, "the resource id is not an Azure Resource Manager id");
        }
        long deadline = System.nanoTime() + limits.budget().toNanos();
        String token;
        try {
            token = tokens.token(within(limits.requestTimeout(), deadline));
        } catch (ManagedIdentityTokens.TokenException e) {
            return new Deletion(0, "no managed identity token: " + e.getMessage());
        }
        URI uri = URI.create(baseUrl + path.get() + "?api-version=" + apiVersion);
        for (int attempt = 1; ; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(within(limits.requestTimeout(), deadline))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").DELETE().build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                return new Deletion(0, "Azure Resource Manager could not be reached (" + e.getClass().getSimpleName() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Deletion(0, "interrupted");
            }
            int status = response.statusCode();
            boolean transientFailure = status == 429 || status >= 500;
            Duration wait = retryAfter(response) != null ? retryAfter(response) : limits.retryDelay().multipliedBy(attempt);
            if (!transientFailure || attempt >= limits.maxAttempts() || !pause(wait, deadline)) {
                return new Deletion(status, errorMessage(response.body()));
            }
        }
    }

    private static String errorMessage(String body) {
        try {
            JsonNode tree = body == null || body.isBlank() ? null : MAPPER.readTree(body);
            String m = tree == null ? "" : tree.path("error").path("message").asText("");
            return m.length() > 300 ? m.substring(0, 300) + "…" : m;
        } catch (IOException e) {
            return "";
        }
    }

    private Response get(URI uri, String token, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            if (response.statusCode() == 200) {
                try {
                    body = MAPPER.readTree(response.body());
                } catch (IOException e) {
                    return new Response(0, null, null, false);
                }
                if (body == null || !body.isObject()) {
                    return new Response(0, null, null, false);
                }
            }
            return new Response(response.statusCode(), body, retryAfter(response), false);
        } catch (HttpTimeoutException e) {
            return new Response(0, null, null, true);
        } catch (IOException e) {
            return new Response(0, null, null, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, null, null, true);
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After");
        if (value.isEmpty()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.get().trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean updating(JsonNode body) {
        String state = body.path("properties").path("provisioningState").asText("");
        return state.equalsIgnoreCase("Updating");
    }

    private static String describe(int status) {
        if (status == 0) {
            return "Azure Resource Manager could not be reached or answered no JSON";
        }
        String hint = status == 401 || status == 403 ? " (grant the function's identity read on network resources)" : "";
        return "Azure Resource Manager answered HTTP " + status + hint;
    }

    /** Sleeps unless the pause would overrun the deadline; false when it would. */
    private static boolean pause(Duration wait, long deadline) {
        if (System.nanoTime() + wait.toNanos() >= deadline) {
            return false;
        }
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static Duration within(Duration timeout, long deadline) {
        Duration left = remaining(deadline);
        Duration d = left.compareTo(timeout) < 0 ? left : timeout;
        return d.isZero() ? Duration.ofMillis(1) : d;
    }

    /**
     * The resource id as a URL path, each segment percent-encoded, so an odd name can never steer the request to
     * another path or host. Empty when it is not a subscription-scoped ARM id.
     */
    static Optional<String> encodedPath(String resourceId) {
        if (resourceId == null || !resourceId.toLowerCase(Locale.ROOT).startsWith("/subscriptions/")) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        for (String segment : resourceId.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
            b.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return Optional.of(b.toString());
    }
}

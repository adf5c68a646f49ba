package io.firewatch.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.response.Remedy;
import io.firewatch.core.response.Responder;
import io.firewatch.core.response.ResponsePlanner;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Takes world-open rules back in GCP (CONTRACT §6) through the Compute Engine REST API with the function's service
 * account: a VPC firewall rule is switched off ({@code disabled: true}), a firewall policy rule is patched to the same
 * effect. Both are reversible. Each rule is read first: a rule already gone or already off is skipped. GCP firewall
 * rules carry no labels, so the opt-out is {@code firewatch-response=off} in the rule's description.
 */
final class ComputeResponder implements Responder {
    static final String DEFAULT_BASE_URL = "https://compute.googleapis.com/compute/v1/";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String OPT_OUT = ResponsePlanner.OPT_OUT_KEY + "=" + ResponsePlanner.OPT_OUT_VALUE;

    private final HttpClient http;
    private final String baseUrl;
    private final MetadataTokens tokens;

    ComputeResponder(HttpClient http, String baseUrl, MetadataTokens tokens) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.tokens = tokens;
    }

    @Override
    public Outcome take(Remedy remedy) {
        try {
            if (remedy instanceof Remedy.FirewallRule rule) {
                return disable(rule);
            }
            if (remedy instanceof Remedy.FirewallPolicyRule rule) {
                return disable(rule);
            }
            return Outcome.failed("not a GCP change: " + remedy.describe());
        } catch (MetadataTokens.TokenException e) {
            return Outcome.failed("no access token: " + e.getMessage());
        } catch (IOException e) {
            return Outcome.failed("the Compute Engine API could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        }
    }

    private Outcome disable(Remedy.FirewallRule rule) throws IOException, InterruptedException, MetadataTokens.TokenException {
        String path = "projects/" + segment(rule.project()) + "/global/firewalls/" + segment(rule.name());
        String what = "VPC firewall rule " + rule.name();
        Answer current = call("GET", path, null);
        Outcome early = checked(current, what);
        if (early != null) {
            return early;
        }
        Answer patched = call("PATCH", path, "{\"disabled\":true}");
        return finished(patched, what, "disabled " + what + " in project " + rule.project());
    }

    private Outcome disable(Remedy.FirewallPolicyRule rule) throws IOException, InterruptedException, MetadataTokens.TokenException {
        StringBuilder policy = new StringBuilder();
        for (String s : rule.policyPath().split("/")) {
            policy.append(policy.length() == 0 ? "" : "/").append(segment(s));
        }
        String what = "the rule at priority " + rule.priority() + " of firewall policy " + rule.policyPath();
        Answer current = call("GET", policy + "/getRule?priority=" + rule.priority(), null);
        Outcome early = checked(current, what);
        if (early != null) {
            return early;
        }
        ObjectNode body = (ObjectNode) current.body();
        body.remove("kind");
        body.remove("ruleTupleCount");
        body.put("disabled", true);
        Answer patched = call("POST", policy + "/patchRule?priority=" + rule.priority(), MAPPER.writeValueAsString(body));
        return finished(patched, what, "disabled " + what);
    }

    /** Null when the rule is there, on and not opted out; else the outcome that ends the response. */
    private static Outcome checked(Answer current, String what) {
        if (current.status() == 404 || (current.status() == 400 && current.message().toLowerCase().contains("rule"))) {
            return Outcome.skipped(what + " no longer exists");
        }
        if (current.status() != 200 || current.body() == null || !current.body().isObject()) {
            return refused(current);
        }
        if (current.body().path("disabled").asBoolean(false)) {
            return Outcome.skipped(what + " is already disabled");
        }
        if (current.body().path("description").asText("").toLowerCase().contains(OPT_OUT)) {
            return Outcome.skipped(what + " says " + OPT_OUT + " in its description");
        }
        return null;
    }

    private static Outcome finished(Answer patched, String what, String done) {
        if (patched.status() == 200) {
            String operation = patched.body() == null ? null : patched.body().path("name").asText(null);
            return Outcome.done(done + (operation == null ? "" : " (operation " + operation + ")"));
        }
        if (patched.status() == 404) {
            return Outcome.skipped(what + " no longer exists");
        }
        return refused(patched);
    }

    private static Outcome refused(Answer a) {
        String hint = a.status() == 401 || a.status() == 403
                ? ": the function's service account lacks the permission (set response_mode = \"enforce\" in the Terraform module)" : "";
        return Outcome.failed("GCP refused: HTTP " + a.status() + (a.message().isEmpty() ? "" : " " + a.message()) + hint);
    }

    private record Answer(int status, JsonNode body, String message) {
    }

    private Answer call(String method, String path, String json) throws IOException, InterruptedException, MetadataTokens.TokenException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + tokens.token())
                .header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = null;
        try {
            body = response.body() == null || response.body().isBlank() ? null : MAPPER.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        String message = body == null ? "" : body.path("error").path("message").asText("");
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        return new Answer(response.statusCode(), body, message);
    }

    /** One path segment, encoded so an odd name from an event can never steer the request elsewhere. */
    private static String segment(String value) {
        if (value.equals(".") || value.equals("..")) {
            return value.replace(".", "%2E");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

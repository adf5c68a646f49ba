package io.firewatch.core.sink;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.render.AccountAliases;
import io.firewatch.core.render.TeamsCardRenderer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts the alert's Adaptive Card to a Teams Workflows webhook. Timeouts, dropped connections, 408, 429 and 5xx are
 * retried (honouring {@code Retry-After}); a host that cannot be reached at all (unknown, refusing connections, failing
 * TLS) fails at once with the reason, still retryable by the platform; any other status fails at once. The URL carries its own signature, so it is a
 * secret: it is never logged and every message shows only its host.
 */
public final class TeamsWebhookSink implements Sink {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_REPLY = 300;

    private final URI webhook;
    private final AccountAliases aliases;
    private final Backoff backoff;
    private final Clock clock;
    private volatile HttpClient client;

    public TeamsWebhookSink(URI webhook) {
        this(webhook, Backoff.standard());
    }

    public TeamsWebhookSink(URI webhook, Backoff backoff) {
        this(webhook, backoff, Clock.systemUTC());
    }

    TeamsWebhookSink(URI webhook, Backoff backoff, Clock clock) {
        this(webhook, AccountAliases.NONE, backoff, clock);
    }

    /** With the configuration's account aliases, shown beside account ids in the card. */
    public TeamsWebhookSink(URI webhook, AccountAliases aliases) {
        this(webhook, aliases, Backoff.standard(), Clock.systemUTC());
    }

    TeamsWebhookSink(URI webhook, AccountAliases aliases, Backoff backoff, Clock clock) {
        this.webhook = webhook;
        this.aliases = aliases;
        this.backoff = backoff;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "teams";
    }

    @Override
    public String destination() {
        return "the Teams webhook at " + webhook.getHost();
    }

    @Override
    public void send(Alert alert, Duration budget) throws DeliveryException {
        String card = TeamsCardRenderer.render(alert, aliases);
        backoff.run(name(), budget, remaining -> post(card, remaining));
    }

    @Override
    public void prime(Alert sample) {
        String card = TeamsCardRenderer.render(sample);
        client();
        HttpRequest.newBuilder(webhook).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(card, StandardCharsets.UTF_8)).build();
    }

    private void post(String body, Duration remaining) throws Backoff.Attempt.Failed {
        HttpRequest request = HttpRequest.newBuilder(webhook)
                .timeout(remaining)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<String>> pending = client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            response = pending.get(remaining.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw Backoff.Attempt.Failed.retryable("no answer from " + where() + " within the delivery budget");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw Backoff.Attempt.Failed.permanent("interrupted while posting to " + where());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw Backoff.Attempt.Failed.retryable("timed out posting to " + where());
            }
            String unreachable = Unreachable.reason(cause);
            if (unreachable != null) {
                throw Backoff.Attempt.Failed.unreachable("cannot reach " + where() + ": " + unreachable);
            }
            if (cause instanceof IOException) {
                throw Backoff.Attempt.Failed.retryable("connection to " + where() + " failed ("
                        + cause.getClass().getSimpleName() + ")");
            }
            throw Backoff.Attempt.Failed.permanent("could not post to " + where() + " ("
                    + (cause == null ? "unknown error" : cause.getClass().getSimpleName()) + ")");
        }
        judge(response);
    }

    private void judge(HttpResponse<String> response) throws Backoff.Attempt.Failed {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String reply = Redaction.reply(response.body(), MAX_REPLY, webhook.toString(), webhook.getRawQuery(),
                webhook.getRawPath(), webhook.getQuery(), webhook.getPath());
        String message = "HTTP " + status + " from " + where() + (reply.isEmpty() ? "" : ": " + reply);
        if (status == 408 || status == 429 || status >= 500) {
            String header = response.headers().firstValue("Retry-After").orElse(null);
            throw new Backoff.Attempt.Failed(message, true, RetryAfter.parse(header, clock));
        }
        throw Backoff.Attempt.Failed.permanent(message);
    }

    private String where() {
        return Redaction.url(webhook);
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .connectTimeout(CONNECT_TIMEOUT)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    @Override
    public String toString() {
        return "TeamsWebhookSink[" + where() + "]";
    }
}

package io.firewatch.azure;

import java.time.Duration;

/**
 * How long and how often rule enrichment may talk to Azure: Event Grid waits 30 s for the function, so one change's
 * lookup (token, reads, retries) must stay well inside that.
 *
 * @param requestTimeout  per HTTP request
 * @param budget          for the whole lookup of one change
 * @param maxAttempts     reads of one resource on 429/5xx, the first included
 * @param retryDelay      base back-off when ARM sends no Retry-After
 * @param updatingRereads extra reads while the resource reports provisioningState Updating
 * @param updatingDelay   pause before each of those
 */
record EnrichmentLimits(Duration requestTimeout, Duration budget, int maxAttempts, Duration retryDelay,
                        int updatingRereads, Duration updatingDelay) {

    static final EnrichmentLimits DEFAULT = new EnrichmentLimits(Duration.ofSeconds(4), Duration.ofSeconds(10), 3,
            Duration.ofMillis(500), 2, Duration.ofSeconds(1));
}

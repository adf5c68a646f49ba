package io.firewatch.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.ChangeEnricher;
import org.junit.jupiter.api.Test;

class WarmupTest {
    @Test
    void warmupPrimesEveryProvidersEventAndDeliversNothing() {
        Harness harness = new Harness(ChangeEnricher.NONE);
        TestContext context = new TestContext(Warmup.NAME);

        new Warmup(() -> harness.runtime).run(new Object(), context);

        assertThat(harness.sink.sent).isEmpty();
        assertThat(context.log()).contains("Firewatch warmed up: 3 built-in event(s) judged");
    }
}

package io.firewatch.core.normalize.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.normalize.Problem;
import io.firewatch.core.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad Pub/Sub payloads are invalid input, reported under the message id; they never alert. */
class PubSubProblemsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # fixture                                                | origin path              | message
            broken/gcp-pubsub-invalid-base64.json                    | pubsub:11051392546788099 | not valid base64
            broken/gcp-pubsub-data-not-json.json                     | pubsub:11051392546788100 | not JSON
            broken/gcp-cloudevent-message-published-without-message.json | data                | without a Pub/Sub message
            """)
    void badPayloadIsAnInvalidInput(String fixture, String path, String message) {
        Fixtures.Result result = Fixtures.scanFixture(fixture);
        assertThat(result.alerts).isEmpty();
        assertThat(result.inputs.get(0).ok()).isFalse();
        assertThat(result.problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.INVALID);
            assertThat(p.origin().path()).isEqualTo(path);
            assertThat(p.message()).contains(message);
        });
    }
}

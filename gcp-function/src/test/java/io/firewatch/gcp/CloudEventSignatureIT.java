package io.firewatch.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The function as an Eventarc trigger reaches it: the {@code cloudevent} signature, the framework parsing the event. */
class CloudEventSignatureIT extends EndToEndTests {

    @BeforeAll
    static void startFunction() throws Exception {
        start("cloudevent-signature", "cloudevent");
    }

    @Override
    int rejectedStatus() {
        return 500;
    }

    /**
     * Why the push subscription of {@code infra/gcp} needs the HTTP signature: under this one, the framework fails to
     * turn a push request into a CloudEvent. The message is at least never acknowledged (it would dead-letter).
     */
    @Test
    void pubSubPushRequestIsNotAcknowledgedUnderThisSignature() throws Exception {
        HttpResponse<String> r = function.post(Map.of("Content-Type", "application/json"),
                Events.pushRequest(insertFirst(rule("push-ce")), "9701"));

        assertThat(r.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(teams.getAllServeEvents()).isEmpty();
    }
}

package io.firewatch.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.EventGridTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Event Grid trigger for the subscription's {@code Microsoft.Resources.Resource*} events, in the Event Grid or the
 * CloudEvents 1.0 schema. The parameter is the event's JSON text; core recognises the schema. Throwing makes Event
 * Grid retry and, at the end, dead-letter the event: that is what an unreadable event and a failed delivery do.
 */
public class FirewallEventGrid {
    static final String NAME = "FirewallEventGrid";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final Supplier<FunctionRuntime> runtime;

    public FirewallEventGrid() {
        this(FunctionRuntime::shared);
    }

    FirewallEventGrid(Supplier<FunctionRuntime> runtime) {
        this.runtime = runtime;
    }

    @FunctionName(NAME)
    public void run(@EventGridTrigger(name = "event") String event, ExecutionContext context) {
        String source = "eventgrid:" + eventId(event, context.getInvocationId());
        byte[] content = event == null ? new byte[0] : event.getBytes(StandardCharsets.UTF_8);
        new Invocation(Runtimes.get(runtime, context), context.getLogger())
                .run(List.of(new Invocation.Input(source, content)));
    }

    /** The event's own id when it looks like one (it names the input in logs), else the invocation's. */
    static String eventId(String event, String invocationId) {
        if (event != null) {
            try {
                JsonNode id = MAPPER.readTree(event).path("id");
                if (id.isTextual() && SAFE_ID.matcher(id.asText()).matches()) {
                    return id.asText();
                }
            } catch (IOException | RuntimeException e) {
                return "invocation-" + invocationId;
            }
        }
        return "invocation-" + invocationId;
    }
}

package io.firewatch.cli;

import io.firewatch.aws.SnsSink;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.config.ConfigException;
import io.firewatch.core.config.Settings;
import io.firewatch.core.sink.DeliveryException;
import io.firewatch.core.sink.Sink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code firewatch notify-test}: sends one alert, marked TEST wherever a reader looks first, to every sink configured
 * in the environment (CONTRACT §4: Teams, email, SNS) and prints one line per sink saying what it reached, so an
 * operator can check a deployment's settings before a real alert depends on them. Each sink is tried on its own,
 * straight (no dedup store: a test must reach the sink every time it is run).
 */
final class NotifyTestCommand implements Command {
    static final String SNS_TOPIC_ARN = "FIREWATCH_SNS_TOPIC_ARN";
    static final Duration BUDGET = Duration.ofSeconds(30);

    @Override
    public int run(List<String> args, Console console) {
        if (!args.isEmpty()) {
            console.err().println("firewatch notify-test: takes no arguments; it reads the FIREWATCH_* environment variables");
            console.err().print(Main.usage());
            return EXIT_USAGE;
        }
        List<Sink> sinks = new ArrayList<>();
        try {
            Settings settings = Settings.from(console.env());
            sinks.addAll(settings.sinks());
            String topic = settings.value(SNS_TOPIC_ARN);
            if (topic != null) {
                // The SDK's SNS classes load only here, so scans start no slower for carrying them.
                sinks.add(new SnsSink(topic.strip(), settings.config()::aliasOf));
            }
        } catch (ConfigException e) {
            console.err().println("firewatch notify-test: invalid settings: " + Terminal.safe(e.getMessage()));
            return EXIT_USAGE;
        }
        if (sinks.isEmpty()) {
            console.err().println("firewatch notify-test: no sink is configured. Set FIREWATCH_TEAMS_WEBHOOK_URL;"
                    + " or FIREWATCH_SMTP_HOST with FIREWATCH_EMAIL_FROM and FIREWATCH_EMAIL_TO; or FIREWATCH_SNS_TOPIC_ARN"
                    + " (docs/delivery.md).");
            return EXIT_USAGE;
        }
        Alert sample = SampleAlert.at(Instant.now());
        console.err().println("firewatch notify-test: sending TEST alert " + sample.id() + " to " + sinks.size()
                + (sinks.size() == 1 ? " sink" : " sinks"));
        boolean allOk = true;
        for (Sink sink : sinks) {
            String line;
            try {
                sink.send(sample, BUDGET);
                line = sink.name() + ": ok: delivered to " + sink.destination();
            } catch (DeliveryException e) {
                allOk = false;
                line = sink.name() + ": failed: " + withoutPrefix(e.getMessage(), sink.name())
                        + (e.retryable() ? "" : " (permanent)");
            } catch (RuntimeException e) {
                allOk = false;
                line = sink.name() + ": failed: " + e.getClass().getSimpleName();
            }
            console.out().println(Terminal.safe(line));
            console.out().flush();
        }
        return allOk ? EXIT_OK : EXIT_FAIL_ON;
    }

    private static String withoutPrefix(String message, String sink) {
        String prefix = sink + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : String.valueOf(message);
    }
}

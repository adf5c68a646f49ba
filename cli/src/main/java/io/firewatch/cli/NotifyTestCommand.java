package io.firewatch.cli;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.config.ConfigException;
import io.firewatch.core.config.Settings;
import io.firewatch.core.model.Severity;
import io.firewatch.core.sink.DeliveryReport;
import io.firewatch.core.sink.Dispatcher;
import io.firewatch.core.sink.Sink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code firewatch notify-test}: sends one sample alert to every sink configured in the environment (CONTRACT §4) and
 * prints one line per sink, so an operator can check a deployment's settings before a real alert depends on them.
 */
final class NotifyTestCommand implements Command {
    static final Duration BUDGET = Duration.ofSeconds(30);

    @Override
    public int run(List<String> args, Console console) {
        if (!args.isEmpty()) {
            console.err().println("firewatch notify-test: takes no arguments; it reads the FIREWATCH_* environment variables");
            console.err().print(Main.usage());
            return EXIT_USAGE;
        }
        List<Sink> sinks;
        try {
            sinks = Settings.from(console.env()).sinks();
        } catch (ConfigException e) {
            console.err().println("firewatch notify-test: invalid settings: " + Terminal.safe(e.getMessage()));
            return EXIT_USAGE;
        }
        if (sinks.isEmpty()) {
            console.err().println("firewatch notify-test: no sink is configured. Set FIREWATCH_TEAMS_WEBHOOK_URL, or"
                    + " FIREWATCH_SMTP_HOST with FIREWATCH_EMAIL_FROM and FIREWATCH_EMAIL_TO (docs/delivery.md).");
            return EXIT_USAGE;
        }
        Alert sample = SampleAlert.at(Instant.now());
        console.err().println("firewatch notify-test: sending alert " + sample.id() + " to " + sinks.size()
                + (sinks.size() == 1 ? " sink" : " sinks"));
        DeliveryReport report = new Dispatcher(sinks, Severity.INFO).dispatch(List.of(sample), BUDGET);
        for (Sink sink : sinks) {
            String line = sink.name() + ": ok";
            for (DeliveryReport.Failure f : report.failures()) {
                if (f.sink().equals(sink.name())) {
                    line = sink.name() + ": failed: " + Terminal.safe(withoutPrefix(f.message(), sink.name()))
                            + (f.retryable() ? "" : " (permanent)");
                }
            }
            console.out().println(line);
        }
        console.out().flush();
        return report.ok() ? EXIT_OK : EXIT_FAIL_ON;
    }

    private static String withoutPrefix(String message, String sink) {
        String prefix = sink + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : String.valueOf(message);
    }
}

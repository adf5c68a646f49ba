package io.firewatch.cli;

import io.firewatch.core.Firewatch;
import io.firewatch.core.Scan;
import io.firewatch.core.ScanListener;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.config.ConfigException;
import io.firewatch.core.config.FirewatchConfig;
import io.firewatch.core.normalize.Problem;
import io.firewatch.core.render.EmailRenderer;
import io.firewatch.core.render.OcsfRenderer;
import io.firewatch.core.render.TeamsCardRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code firewatch render --as teams|email-text|email-html|ocsf}: for each alert of the inputs, exactly what that
 * channel would receive. JSON formats print one document per line; emails are separated by a form-feed line.
 * Suppressed alerts are never sent, so they are not rendered for Teams or email (stderr says how many).
 */
final class RenderCommand implements Command {
    static final String EMAIL_SEPARATOR = "\f";

    private String as;
    private String configFile;
    private final List<String> paths = new ArrayList<>();
    private int rendered;
    private int notSent;
    private int problems;

    @Override
    public int run(List<String> args, Console console) {
        String usageError = parse(args);
        if (usageError != null) {
            console.err().println("firewatch render: " + usageError);
            console.err().print(Main.usage());
            return EXIT_USAGE;
        }
        Firewatch firewatch;
        try {
            firewatch = CliFirewatch.of(ScanCommand.loadConfig(configFile), console, "render");
        } catch (ConfigException e) {
            console.err().println("firewatch render: invalid configuration: " + Terminal.safe(e.getMessage()));
            return EXIT_USAGE;
        }
        ScanListener listener = new ScanListener() {
            @Override
            public void alert(Alert alert) {
                if (alert.suppressed() && !as.equals("ocsf")) {
                    notSent++;
                    return;
                }
                if (rendered > 0 && as.startsWith("email")) {
                    console.out().println(EMAIL_SEPARATOR);
                }
                console.out().print(render(as, alert));
                rendered++;
            }

            @Override
            public void problem(Problem problem) {
                problems++;
                console.err().println("firewatch: " + Terminal.safe(problem.toString()));
            }
        };
        Scan scan = firewatch.newScan(listener);
        Inputs inputs = new Inputs(console, listener::problem);
        inputs.readAll(paths, scan, () -> { });
        scan.finish();
        console.out().flush();
        console.err().printf("firewatch: %d alert%s rendered as %s%s, %d problem%s%n", rendered, rendered == 1 ? "" : "s", as,
                notSent == 0 ? "" : " (" + notSent + " suppressed, never sent)", problems, problems == 1 ? "" : "s");
        return problems > 0 ? EXIT_INPUT : EXIT_OK;
    }

    /** One alert in the given format, ending with a line break. */
    static String render(String as, Alert alert) {
        return switch (as) {
            case "teams" -> TeamsCardRenderer.render(alert) + "\n";
            case "ocsf" -> OcsfRenderer.render(alert) + "\n";
            case "email-text" -> "Subject: " + EmailRenderer.subject(alert) + "\n\n" + EmailRenderer.text(alert);
            case "email-html" -> EmailRenderer.html(alert);
            default -> throw new IllegalArgumentException("unknown format " + as);
        };
    }

    private String parse(List<String> args) {
        try {
            Arguments parsed = Arguments.parse(args, Set.of("--as", "--config"));
            as = parsed.choice("--as", List.of("teams", "email-text", "email-html", "ocsf"), null);
            configFile = parsed.options().get("--config");
            paths.addAll(parsed.paths());
            return null;
        } catch (Arguments.UsageException e) {
            return e.getMessage();
        }
    }
}

package io.firewatch.cli;

import io.firewatch.core.ChangeEnricher;
import io.firewatch.core.Firewatch;
import io.firewatch.core.config.FirewatchConfig;
import io.firewatch.core.response.ResponseMode;
import io.firewatch.core.response.ResponseSettings;

/**
 * The CLI's core: the configuration plus the response setting of the environment (CONTRACT §6). The CLI replays
 * events and never touches a cloud, so {@code enforce} is shown as what it would do, like {@code dry-run}.
 */
final class CliFirewatch {
    private CliFirewatch() {
    }

    /** Throws {@link io.firewatch.core.config.ConfigException} naming a bad response variable. */
    static Firewatch of(FirewatchConfig config, Console console, String command) {
        ResponseSettings response = ResponseSettings.from(name -> {
            String v = console.env().get(name);
            return v == null || v.isBlank() ? null : v;
        });
        if (response.mode() == ResponseMode.ENFORCE) {
            console.err().println("firewatch " + command + ": " + ResponseSettings.MODE
                    + "=enforce is shown as dry-run: the CLI only replays events and never changes a cloud");
            response = new ResponseSettings(ResponseMode.DRY_RUN, response.minSeverity());
        }
        return new Firewatch(config, ChangeEnricher.NONE, response);
    }
}

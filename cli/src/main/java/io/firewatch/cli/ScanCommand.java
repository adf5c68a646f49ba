package io.firewatch.cli;

import java.util.List;

/** {@code firewatch scan}: alerts as JSON Lines (or a text table, or OCSF) for every firewall change in the inputs. */
final class ScanCommand implements Command {
    @Override
    public int run(List<String> args, Console console) {
        console.err().println("firewatch scan: under construction");
        return EXIT_USAGE;
    }
}

package io.firewatch.cli;

import java.util.List;

/** One CLI sub-command. Returns the process exit status (CONTRACT §1: 0, 1, 2, or 64 for bad usage). */
interface Command {
    int EXIT_OK = 0;
    int EXIT_FAIL_ON = 1;
    int EXIT_INPUT = 2;
    int EXIT_USAGE = 64;

    int run(List<String> args, Console console);
}

package io.firewatch.core.normalize.gcp;

/** Reads the rules of one kind of GCP firewall operation; named in the catalogue's {@code rules} column. */
interface RuleParser {
    ParsedRules parse(RuleInput input);

    /**
     * Whether an operation's completion entry, which logs no request, is a change on its own. False for methods that
     * change a firewall only with some requests (a Cloud SQL instance update): their completion entry counts only
     * when it reports a failure.
     */
    default boolean completionAlone() {
        return true;
    }
}

package io.firewatch.core.normalize.gcp;

/** Reads the rules of one kind of GCP firewall operation; named in the catalogue's {@code rules} column. */
interface RuleParser {
    ParsedRules parse(RuleInput input);
}

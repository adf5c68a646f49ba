package io.firewatch.core.normalize.aws;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the rules of one kind of CloudTrail record; named in the catalogue's {@code rules} column. */
interface RuleParser {
    /** Never throws for bad input: unreadable fields are reported in the result. */
    ParsedRules parse(JsonNode record, String operation);
}

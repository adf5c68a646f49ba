package io.firewatch.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.Rule;
import java.util.List;
import java.util.Optional;

/** Reads the rules out of a resource as Azure Resource Manager returns it (NSG, security rule, policy, firewall). */
@FunctionalInterface
public interface ArmRuleParser {
    /** Empty when the resource holds no rules this parser understands. */
    Optional<List<Rule>> rules(String operationOrType, JsonNode armResource);
}

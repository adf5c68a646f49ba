package io.firewatch.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.normalize.azure.AzureRules;
import java.util.Optional;

/** Reads the rules out of a resource as Azure Resource Manager returns it (NSG, security rule, policy, firewall). */
@FunctionalInterface
public interface ArmRuleParser {
    /** Core's reading, the same the Azure normalizer applies to Activity Log request and response bodies. */
    ArmRuleParser CORE = AzureRules::read;

    /** The rules and notes on how they were read; empty when the resource holds no rules this parser understands. */
    Optional<AzureRules.RuleSet> rules(String operationOrType, JsonNode armResource);
}

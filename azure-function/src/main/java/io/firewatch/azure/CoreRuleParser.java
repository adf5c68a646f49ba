package io.firewatch.azure;

import java.util.Optional;

/** Core's reading of ARM resources into rules, the same the Azure normalizer applies to Activity Log bodies. */
final class CoreRuleParser {
    static final ArmRuleParser INSTANCE = (operation, resource) -> Optional.empty();

    private CoreRuleParser() {
    }
}

package io.firewatch.core.normalize.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArmIdTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "/subscriptions/0A1B2C3D-0000-4000-8000-000000000001/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg/securityRules/r1 | 0a1b2c3d-0000-4000-8000-000000000001 | r1 | Microsoft.Network/networkSecurityGroups/securityRules",
            "/subscriptions/0a1b2c3d-0000-4000-8000-000000000001/resourcegroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg/securityRules/r1 | 0a1b2c3d-0000-4000-8000-000000000001 | r1 | Microsoft.Network/networkSecurityGroups/securityRules",
            "/SUBSCRIPTIONS/0a1b2c3d-0000-4000-8000-000000000001/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG | 0a1b2c3d-0000-4000-8000-000000000001 | NSG | MICROSOFT.NETWORK/NETWORKSECURITYGROUPS",
            "/subscriptions/0a1b2c3d-0000-4000-8000-000000000001/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg/providers/microsoft.insights/diagnosticSettings/default | 0a1b2c3d-0000-4000-8000-000000000001 | default | microsoft.insights/diagnosticSettings",
            "/subscriptions/0a1b2c3d-0000-4000-8000-000000000001/resourceGroups/rg | 0a1b2c3d-0000-4000-8000-000000000001 | rg | null",
            "'' | null | null | null",
    })
    void readsIdsInAnyCase(String id, String subscription, String name, String type) {
        ArmId arm = ArmId.parse(id);
        assertThat(arm.subscription()).isEqualTo(subscription);
        assertThat(arm.name()).isEqualTo(name);
        assertThat(arm.type()).isEqualTo(type);
    }
}

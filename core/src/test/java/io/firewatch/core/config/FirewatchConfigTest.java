package io.firewatch.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firewatch.core.model.Actor;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Provider;
import io.firewatch.core.model.Severity;
import io.firewatch.core.model.Target;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FirewatchConfigTest {

    @Test
    void defaultsFollowTheContract() {
        FirewatchConfig c = FirewatchConfig.defaults();
        assertThat(c.publicPorts()).containsExactly(PortRange.single(80), PortRange.single(443));
        assertThat(c.adminPorts()).contains(new PortRange(20, 23), PortRange.single(3389), PortRange.single(27017));
        assertThat(c.allow()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"adminport\":[22]}|adminport: unknown key",
            "{\"allow\":[{\"principle\":\"x\"}]}|allow[0].principle: unknown key",
            "{\"publicPorts\":[70000]}|publicPorts: '70000' is not a port",
            "{\"publicPorts\":\"443\"}|publicPorts: must be a list",
            "{\"allow\":[{\"callerCidr\":\"10.0.0.0/33\"}]}|allow[0].callerCidr: '10.0.0.0/33' is not an IPv4 or IPv6 CIDR",
            "{\"allow\":[{\"principal\":\"x\",\"maxSeverity\":\"urgent\"}]}|allow[0].maxSeverity: unknown severity",
            "{\"allow\":[{\"name\":\"everything\"}]}|allow[0]: names no condition",
            "{\"allow\":[{\"provider\":\"oracle\"}]}|allow[0].provider: must be aws, azure or gcp",
            "[1,2]|configuration must be a JSON object",
            "{nope|configuration is not valid JSON",
    })
    void invalidConfigurationFailsFastNamingTheKey(String json, String message) {
        assertThatThrownBy(() -> FirewatchConfig.parse(json)).isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }

    @Test
    void allowRulesMatchOnEveryFieldTheySet() {
        FirewatchConfig c = FirewatchConfig.parse("""
                {"allow": [{"name": "terraform", "principal": "arn:aws:sts::*:assumed-role/terraform-*/*",
                            "userAgent": "*Terraform/*", "callerCidr": "203.0.113.0/24", "maxSeverity": "high"}]}
                """);
        AllowRule rule = c.allow().get(0);
        FirewallChange change = FirewallChange.builder(Provider.AWS).account("111122223333").operation("X")
                .action(Action.CREATE).target(Target.RULE)
                .actor(new Actor("arn:aws:sts::111122223333:assumed-role/terraform-ci/run-42", "AssumedRole", "203.0.113.9",
                        "APN/1.0 HashiCorp/1.0 Terraform/1.7.5"))
                .build();
        assertThat(rule.matches(change, Severity.HIGH)).isTrue();
        assertThat(rule.matches(change, Severity.CRITICAL)).as("above maxSeverity").isFalse();
        FirewallChange otherIp = change.toBuilder().actor(new Actor(change.actor().principal(), null, "198.51.100.1", change.actor().userAgent())).build();
        assertThat(rule.matches(otherIp, Severity.MEDIUM)).isFalse();
        FirewallChange forgedAgentOnly = change.toBuilder().actor(new Actor("arn:aws:iam::111122223333:user/mallory", null, "203.0.113.9", change.actor().userAgent())).build();
        assertThat(rule.matches(forgedAgentOnly, Severity.MEDIUM)).isFalse();
    }

    @Test
    void resourceTagsAndAccountsCanBeAllowListed() {
        FirewatchConfig c = FirewatchConfig.parse("{\"allow\":[{\"account\":\"111122223333\",\"resourceTag\":{\"firewatch\":\"ignore\"}}]}");
        FirewallChange tagged = FirewallChange.builder(Provider.AWS).account("111122223333").operation("X")
                .action(Action.CREATE).target(Target.FIREWALL).tags(Map.of("firewatch", "ignore")).build();
        assertThat(c.allow().get(0).matches(tagged, Severity.CRITICAL)).isTrue();
        assertThat(c.allow().get(0).matches(tagged.toBuilder().tags(Map.of()).build(), Severity.MEDIUM)).isFalse();
    }

    @Test
    void azureOperationsMatchWhateverTheirCaseAwsOnesExactly() {
        FirewatchConfig c = FirewatchConfig.parse(
                "{\"allow\":[{\"operation\":\"Microsoft.Network/networkSecurityGroups/securityRules/*\"}]}");
        AllowRule rule = c.allow().get(0);
        FirewallChange upper = FirewallChange.builder(Provider.AZURE).account("s")
                .operation("MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/SECURITYRULES/WRITE").action(Action.CREATE)
                .target(Target.RULE).build();
        assertThat(rule.matches(upper, Severity.CRITICAL)).isTrue();
        assertThat(rule.matches(upper.toBuilder().operation("microsoft.network/networksecuritygroups/securityrules/delete")
                .build(), Severity.HIGH)).isTrue();
        assertThat(rule.matches(upper.toBuilder().operation("Microsoft.Network/networkSecurityGroups/write").build(),
                Severity.HIGH)).isFalse();
        AllowRule aws = FirewatchConfig.parse("{\"allow\":[{\"operation\":\"AuthorizeSecurityGroupIngress\"}]}").allow().get(0);
        FirewallChange lower = FirewallChange.builder(Provider.AWS).account("a").operation("authorizesecuritygroupingress")
                .action(Action.CREATE).target(Target.RULE).build();
        assertThat(aws.matches(lower, Severity.HIGH)).as("AWS event names have one casing").isFalse();
    }

    @Test
    void aResourceTagThatCanNeverMatchIsReportedOnLoad() {
        FirewatchConfig c = FirewatchConfig.parse("""
                {"allow": [{"name": "gcp labels", "provider": "gcp", "resourceTag": {"env": "dev"}},
                           {"name": "any cloud", "resourceTag": {"env": "dev"}},
                           {"name": "aws tags", "provider": "aws", "resourceTag": {"env": "dev"}},
                           {"name": "no tags", "provider": "gcp", "account": "p"}]}
                """);
        assertThat(c.warnings()).hasSize(2);
        assertThat(c.warnings().get(0)).startsWith("allow[0] (gcp labels): resourceTag can never match");
        assertThat(c.warnings().get(1)).startsWith("allow[1] (any cloud): resourceTag never matches GCP events");
        assertThat(FirewatchConfig.defaults().warnings()).isEmpty();
    }

    @Test
    void accountAliasesAreReadAndMatchedRegardlessOfCase() {
        FirewatchConfig c = FirewatchConfig.parse("""
                {"accountAliases": {"111122223333": "payments-prod", "0B1F6471-1BF0-4DDA-AEC3-111122223333": "shop"}}
                """);
        assertThat(c.aliasOf("111122223333")).isEqualTo("payments-prod");
        assertThat(c.aliasOf("0b1f6471-1bf0-4dda-aec3-111122223333")).isEqualTo("shop");
        assertThat(c.aliasOf("999999999999")).isNull();
        assertThatThrownBy(() -> FirewatchConfig.parse("{\"accountAliases\": {\"1\": 2}}"))
                .hasMessageContaining("accountAliases.1: must be a non-empty string");
    }

    @Test
    void syntaxErrorsSayWhere() {
        assertThatThrownBy(() -> FirewatchConfig.parse("{\n  \"allow\": [\n    {\"name\": \"x\" \"principal\": \"y\"}\n]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("configuration is not valid JSON at line 3, column ");
    }

    @Test
    void globsAreAnchoredAndLiteralOtherwise() {
        assertThat(AllowRule.glob("a.b*", "a.bc")).isTrue();
        assertThat(AllowRule.glob("a.b*", "aXbc")).isFalse();
        assertThat(AllowRule.glob("role/?", "role/x")).isTrue();
        assertThat(AllowRule.glob("role", "role/x")).isFalse();
        assertThat(AllowRule.glob("*", null)).isFalse();
    }

    @Test
    void settingsReadMinimumSeverityAndConfigFromTheEnvironment() {
        Settings s = Settings.from(Map.of("FIREWATCH_MIN_SEVERITY", "high", "FIREWATCH_CONFIG", "{\"publicPorts\":[443]}"));
        assertThat(s.minSeverity()).isEqualTo(Severity.HIGH);
        assertThat(s.config().publicPorts()).containsExactly(PortRange.single(443));
        assertThatThrownBy(() -> Settings.from(Map.of("FIREWATCH_MIN_SEVERITY", "loud")))
                .hasMessageStartingWith("FIREWATCH_MIN_SEVERITY:");
        assertThatThrownBy(() -> Settings.from(Map.of("FIREWATCH_CONFIG", "{\"x\":1}")))
                .hasMessageStartingWith("FIREWATCH_CONFIG: x: unknown key");
    }
}

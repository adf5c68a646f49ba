package io.firewatch.aws;

import io.firewatch.core.detect.AddressSpace;
import io.firewatch.core.model.Rule;
import io.firewatch.core.response.Remedy;
import io.firewatch.core.response.Responder;
import io.firewatch.core.response.ResponsePlanner;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.w3c.dom.Element;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Takes world-open rules back in EC2 (CONTRACT §6), in the change's region, through {@link Ec2Api}. Before changing
 * anything it reads the group or ACL: a resource already gone or tagged {@code firewatch-response=off} is skipped. It
 * acts only in the function's own account. Built only in {@code enforce} mode; it connects on first use.
 */
final class Ec2Responder implements Responder {
    private final Ec2Api ec2;
    private final Supplier<String> homeAccount;

    Ec2Responder(Supplier<String> homeAccount) {
        this(new Ec2Api(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(15)).build(), DefaultCredentialsProvider.builder().build(),
                Ec2Responder::endpoint), homeAccount);
    }

    Ec2Responder(Ec2Api ec2, Supplier<String> homeAccount) {
        this.ec2 = ec2;
        this.homeAccount = homeAccount;
    }

    /** The SDK's standard endpoint overrides ({@code AWS_ENDPOINT_URL_EC2}, {@code AWS_ENDPOINT_URL}), else EC2's own. */
    private static URI endpoint(String region) {
        for (String name : List.of("AWS_ENDPOINT_URL_EC2", "AWS_ENDPOINT_URL")) {
            String v = System.getenv(name);
            if (v != null && !v.isBlank()) {
                return URI.create(v.strip());
            }
        }
        return Ec2Api.regionalEndpoint(region);
    }

    @Override
    public Outcome take(Remedy remedy) {
        try {
            if (remedy instanceof Remedy.SecurityGroupIngress sg) {
                String elsewhere = elsewhere(sg.account());
                return elsewhere != null ? Outcome.failed(elsewhere) : revoke(sg);
            }
            if (remedy instanceof Remedy.NetworkAclEntry entry) {
                String elsewhere = elsewhere(entry.account());
                return elsewhere != null ? Outcome.failed(elsewhere) : delete(entry);
            }
            return Outcome.failed("not an AWS change: " + remedy.describe());
        } catch (Ec2Api.Ec2Exception e) {
            return Outcome.failed("AWS refused: " + e.code() + " (HTTP " + e.status() + ")" + hint(e));
        } catch (IOException | SdkException e) {
            return Outcome.failed("EC2 could not be reached: " + e.getClass().getSimpleName());
        }
    }

    private String elsewhere(String account) {
        String home = homeAccount.get();
        if (home == null || account == null || home.equals(account)) {
            return null;
        }
        return "the rule is in account " + account + " and this function acts only in its own account " + home
                + " (deploy Firewatch with the response on in that account)";
    }

    private Outcome revoke(Remedy.SecurityGroupIngress sg) throws Ec2Api.Ec2Exception, IOException {
        Element group;
        try {
            List<Element> groups = Ec2Api.items(ec2.call(sg.region(), "DescribeSecurityGroups", Map.of("GroupId.1", sg.groupId())),
                    "securityGroupInfo");
            if (groups.isEmpty()) {
                return Outcome.skipped("security group " + sg.groupId() + " no longer exists");
            }
            group = groups.get(0);
        } catch (Ec2Api.Ec2Exception e) {
            if (e.code().startsWith("InvalidGroup.NotFound")) {
                return Outcome.skipped("security group " + sg.groupId() + " no longer exists");
            }
            throw e;
        }
        if (optedOut(group)) {
            return Outcome.skipped(sg.groupId() + " is tagged " + ResponsePlanner.OPT_OUT_KEY + "=" + ResponsePlanner.OPT_OUT_VALUE);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("GroupId", sg.groupId());
        int asked;
        if (!sg.ruleIds().isEmpty()) {
            for (int i = 0; i < sg.ruleIds().size(); i++) {
                params.put("SecurityGroupRuleId." + (i + 1), sg.ruleIds().get(i));
            }
            asked = sg.ruleIds().size();
        } else {
            permissions(sg.permissions(), params);
            asked = sg.permissions().size();
        }
        Element answer;
        try {
            answer = ec2.call(sg.region(), "RevokeSecurityGroupIngress", params);
        } catch (Ec2Api.Ec2Exception e) {
            String code = e.code();
            if (code.equals("InvalidSecurityGroupRuleId.NotFound") || code.equals("InvalidPermission.NotFound")
                    || code.startsWith("InvalidGroup.NotFound")) {
                return Outcome.skipped("the rule is already gone from " + sg.groupId() + " (" + code + ")");
            }
            throw e;
        }
        int unknown = Ec2Api.items(answer, "unknownIpPermissionSet").size();
        if (unknown > 0 && unknown >= asked) {
            return Outcome.skipped("the rule is already gone from " + sg.groupId());
        }
        return Outcome.done(sg.describe().replaceFirst("^revoke", "revoked"));
    }

    private Outcome delete(Remedy.NetworkAclEntry remedy) throws Ec2Api.Ec2Exception, IOException {
        Element acl;
        try {
            List<Element> acls = Ec2Api.items(ec2.call(remedy.region(), "DescribeNetworkAcls",
                    Map.of("NetworkAclId.1", remedy.aclId())), "networkAclSet");
            if (acls.isEmpty()) {
                return Outcome.skipped("network ACL " + remedy.aclId() + " no longer exists");
            }
            acl = acls.get(0);
        } catch (Ec2Api.Ec2Exception e) {
            if (e.code().startsWith("InvalidNetworkAclID.NotFound")) {
                return Outcome.skipped("network ACL " + remedy.aclId() + " no longer exists");
            }
            throw e;
        }
        if (optedOut(acl)) {
            return Outcome.skipped(remedy.aclId() + " is tagged " + ResponsePlanner.OPT_OUT_KEY + "=" + ResponsePlanner.OPT_OUT_VALUE);
        }
        Element entry = Ec2Api.items(acl, "entrySet").stream()
                .filter(e -> !"true".equals(Ec2Api.text(e, "egress", "false"))
                        && Integer.toString(remedy.ruleNumber()).equals(Ec2Api.text(e, "ruleNumber", "")))
                .findFirst().orElse(null);
        if (entry == null) {
            return Outcome.skipped("inbound entry " + remedy.ruleNumber() + " of " + remedy.aclId() + " is already gone");
        }
        String cidr = Ec2Api.text(entry, "cidrBlock", Ec2Api.text(entry, "ipv6CidrBlock", null));
        if (!"allow".equalsIgnoreCase(Ec2Api.text(entry, "ruleAction", "")) || cidr == null
                || !AddressSpace.cover(List.of(cidr)).world()) {
            return Outcome.skipped("inbound entry " + remedy.ruleNumber() + " of " + remedy.aclId()
                    + " no longer admits the whole internet (changed since): left as it is");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("NetworkAclId", remedy.aclId());
        params.put("RuleNumber", Integer.toString(remedy.ruleNumber()));
        params.put("Egress", "false");
        ec2.call(remedy.region(), "DeleteNetworkAclEntry", params);
        return Outcome.done("deleted inbound entry " + remedy.ruleNumber() + " of network ACL " + remedy.aclId());
    }

    /** The exact permissions to revoke when the event names no rule ids: protocol, ports and world sources only. */
    static void permissions(List<Rule> rules, Map<String, String> params) {
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            String p = "IpPermissions." + (i + 1) + ".";
            params.put(p + "IpProtocol", r.isAllProtocols() ? "-1" : r.protocol());
            if (!r.isAllProtocols()) {
                boolean ported = r.protocol().equals("tcp") || r.protocol().equals("udp");
                params.put(p + "FromPort", Integer.toString(r.ports() != null ? r.ports().from() : ported ? 0 : -1));
                params.put(p + "ToPort", Integer.toString(r.ports() != null ? r.ports().to() : ported ? 65535 : -1));
            }
            int v4 = 0;
            int v6 = 0;
            for (String s : r.sources()) {
                if (s.contains(":")) {
                    params.put(p + "Ipv6Ranges." + (++v6) + ".CidrIpv6", s);
                } else {
                    params.put(p + "IpRanges." + (++v4) + ".CidrIp", s);
                }
            }
        }
    }

    private static boolean optedOut(Element resource) {
        return Ec2Api.items(resource, "tagSet").stream().anyMatch(t -> ResponsePlanner.OPT_OUT_KEY.equalsIgnoreCase(Ec2Api.text(t, "key", ""))
                && ResponsePlanner.OPT_OUT_VALUE.equalsIgnoreCase(Ec2Api.text(t, "value", "")));
    }

    private static String hint(Ec2Api.Ec2Exception e) {
        return e.status() == 403 || e.code().equals("UnauthorizedOperation")
                ? ": the function's role lacks the permission (set response_mode = \"enforce\" in the Terraform module)" : "";
    }
}

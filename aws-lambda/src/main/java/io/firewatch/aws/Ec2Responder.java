package io.firewatch.aws;

import io.firewatch.core.detect.AddressSpace;
import io.firewatch.core.model.Rule;
import io.firewatch.core.response.Remedy;
import io.firewatch.core.response.Responder;
import io.firewatch.core.response.ResponsePlanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Takes world-open rules back in EC2 (CONTRACT §6) with the SDK's EC2 client, one client per region, built on the
 * first response (never at init). Before changing anything it reads the group or ACL: a resource already gone or
 * tagged {@code firewatch-response=off} is skipped. It acts only in the function's own account.
 */
final class Ec2Responder implements Responder {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private final Function<String, Ec2Client> factory;
    private final Supplier<String> homeAccount;
    private final Map<String, Ec2Client> clients = new ConcurrentHashMap<>();

    Ec2Responder(Supplier<String> homeAccount) {
        this(Ec2Responder::defaultClient, homeAccount);
    }

    Ec2Responder(Function<String, Ec2Client> factory, Supplier<String> homeAccount) {
        this.factory = factory;
        this.homeAccount = homeAccount;
    }

    @Override
    public Outcome take(Remedy remedy) {
        try {
            if (remedy instanceof Remedy.SecurityGroupIngress sg) {
                String elsewhere = elsewhere(sg.account());
                return elsewhere != null ? Outcome.failed(elsewhere) : revoke(client(sg.region()), sg);
            }
            if (remedy instanceof Remedy.NetworkAclEntry entry) {
                String elsewhere = elsewhere(entry.account());
                return elsewhere != null ? Outcome.failed(elsewhere) : delete(client(entry.region()), entry);
            }
            return Outcome.failed("not an AWS change: " + remedy.describe());
        } catch (AwsServiceException e) {
            return Outcome.failed("AWS refused: " + describe(e) + hint(e));
        } catch (SdkException e) {
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

    private Ec2Client client(String region) {
        return clients.computeIfAbsent(region == null ? "" : region, factory);
    }

    private static Outcome revoke(Ec2Client ec2, Remedy.SecurityGroupIngress sg) {
        SecurityGroup group;
        try {
            List<SecurityGroup> groups = ec2.describeSecurityGroups(r -> r.groupIds(sg.groupId())
                    .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT))).securityGroups();
            if (groups.isEmpty()) {
                return Outcome.skipped("security group " + sg.groupId() + " no longer exists");
            }
            group = groups.get(0);
        } catch (AwsServiceException e) {
            if (code(e).startsWith("InvalidGroup.NotFound")) {
                return Outcome.skipped("security group " + sg.groupId() + " no longer exists");
            }
            throw e;
        }
        if (optedOut(group.tags())) {
            return Outcome.skipped(sg.groupId() + " is tagged " + ResponsePlanner.OPT_OUT_KEY + "=" + ResponsePlanner.OPT_OUT_VALUE);
        }
        RevokeSecurityGroupIngressRequest.Builder request = RevokeSecurityGroupIngressRequest.builder().groupId(sg.groupId())
                .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT));
        int asked;
        if (!sg.ruleIds().isEmpty()) {
            request.securityGroupRuleIds(sg.ruleIds());
            asked = sg.ruleIds().size();
        } else {
            List<IpPermission> permissions = permissions(sg.permissions());
            request.ipPermissions(permissions);
            asked = permissions.size();
        }
        RevokeSecurityGroupIngressResponse response;
        try {
            response = ec2.revokeSecurityGroupIngress(request.build());
        } catch (AwsServiceException e) {
            String code = code(e);
            if (code.equals("InvalidSecurityGroupRuleId.NotFound") || code.equals("InvalidPermission.NotFound")
                    || code.startsWith("InvalidGroup.NotFound")) {
                return Outcome.skipped("the rule is already gone from " + sg.groupId() + " (" + code + ")");
            }
            throw e;
        }
        int unknown = response.unknownIpPermissions() == null ? 0 : response.unknownIpPermissions().size();
        if (unknown > 0 && unknown >= asked) {
            return Outcome.skipped("the rule is already gone from " + sg.groupId());
        }
        return Outcome.done(sg.describe().replaceFirst("^revoke", "revoked"));
    }

    private static Outcome delete(Ec2Client ec2, Remedy.NetworkAclEntry remedy) {
        NetworkAcl acl;
        try {
            List<NetworkAcl> acls = ec2.describeNetworkAcls(r -> r.networkAclIds(remedy.aclId())
                    .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT))).networkAcls();
            if (acls.isEmpty()) {
                return Outcome.skipped("network ACL " + remedy.aclId() + " no longer exists");
            }
            acl = acls.get(0);
        } catch (AwsServiceException e) {
            if (code(e).startsWith("InvalidNetworkAclID.NotFound")) {
                return Outcome.skipped("network ACL " + remedy.aclId() + " no longer exists");
            }
            throw e;
        }
        if (optedOut(acl.tags())) {
            return Outcome.skipped(remedy.aclId() + " is tagged " + ResponsePlanner.OPT_OUT_KEY + "=" + ResponsePlanner.OPT_OUT_VALUE);
        }
        NetworkAclEntry entry = acl.entries().stream()
                .filter(e -> !Boolean.TRUE.equals(e.egress()) && e.ruleNumber() != null && e.ruleNumber() == remedy.ruleNumber())
                .findFirst().orElse(null);
        if (entry == null) {
            return Outcome.skipped("inbound entry " + remedy.ruleNumber() + " of " + remedy.aclId() + " is already gone");
        }
        String cidr = entry.cidrBlock() != null ? entry.cidrBlock() : entry.ipv6CidrBlock();
        if (!"allow".equalsIgnoreCase(entry.ruleActionAsString()) || cidr == null || !AddressSpace.cover(List.of(cidr)).world()) {
            return Outcome.skipped("inbound entry " + remedy.ruleNumber() + " of " + remedy.aclId()
                    + " no longer admits the whole internet (changed since): left as it is");
        }
        ec2.deleteNetworkAclEntry(r -> r.networkAclId(remedy.aclId()).ruleNumber(remedy.ruleNumber()).egress(false)
                .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT)));
        return Outcome.done("deleted inbound entry " + remedy.ruleNumber() + " of network ACL " + remedy.aclId());
    }

    /** The exact permissions to revoke when the event names no rule ids: protocol, ports and world sources only. */
    static List<IpPermission> permissions(List<Rule> rules) {
        List<IpPermission> out = new ArrayList<>();
        for (Rule r : rules) {
            IpPermission.Builder p = IpPermission.builder().ipProtocol(r.isAllProtocols() ? "-1" : r.protocol());
            if (!r.isAllProtocols()) {
                boolean ported = r.protocol().equals("tcp") || r.protocol().equals("udp");
                p.fromPort(r.ports() != null ? r.ports().from() : ported ? 0 : -1);
                p.toPort(r.ports() != null ? r.ports().to() : ported ? 65535 : -1);
            }
            List<IpRange> v4 = new ArrayList<>();
            List<Ipv6Range> v6 = new ArrayList<>();
            for (String s : r.sources()) {
                if (s.contains(":")) {
                    v6.add(Ipv6Range.builder().cidrIpv6(s).build());
                } else {
                    v4.add(IpRange.builder().cidrIp(s).build());
                }
            }
            if (!v4.isEmpty()) {
                p.ipRanges(v4);
            }
            if (!v6.isEmpty()) {
                p.ipv6Ranges(v6);
            }
            out.add(p.build());
        }
        return out;
    }

    private static boolean optedOut(List<Tag> tags) {
        return tags != null && tags.stream().anyMatch(t -> ResponsePlanner.OPT_OUT_KEY.equalsIgnoreCase(t.key())
                && t.value() != null && ResponsePlanner.OPT_OUT_VALUE.equalsIgnoreCase(t.value().strip()));
    }

    private static String code(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null ? "" : code;
    }

    private static String describe(AwsServiceException e) {
        String code = code(e);
        return (code.isEmpty() ? "error" : code) + " (HTTP " + e.statusCode() + ")";
    }

    private static String hint(AwsServiceException e) {
        return e.statusCode() == 403 || code(e).equals("UnauthorizedOperation")
                ? ": the function's role lacks the permission (set response_mode = \"enforce\" in the Terraform module)" : "";
    }

    private static Ec2Client defaultClient(String region) {
        var builder = Ec2Client.builder().httpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build());
        if (!region.isEmpty()) {
            builder.region(Region.of(region));
        }
        return builder.build();
    }
}

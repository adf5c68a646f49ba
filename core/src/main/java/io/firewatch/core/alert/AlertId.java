package io.firewatch.core.alert;

import io.firewatch.core.model.FirewallChange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Deterministic alert ids: {@code provider:account:changeKey}. The same change always gets the same id, whatever
 * transport or redelivery brought it, so downstream systems can use it as a dedup key. Keys that are long or carry
 * characters unfit for an id are replaced by a SHA-256 prefix.
 */
public final class AlertId {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:/@+=-]{1,128}");

    private AlertId() {
    }

    public static String of(FirewallChange change) {
        String account = safe(change.account() == null ? "unknown" : change.account());
        String key = change.changeKey() != null ? change.changeKey() : fallbackKey(change);
        return change.provider().wire() + ":" + account + ":" + safe(key);
    }

    private static String fallbackKey(FirewallChange c) {
        return c.operation() + "|" + c.resource().id() + "|" + c.time() + "|" + c.actor().principal();
    }

    private static String safe(String value) {
        return SAFE.matcher(value).matches() ? value : "h" + sha256(value).substring(0, 32);
    }

    static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

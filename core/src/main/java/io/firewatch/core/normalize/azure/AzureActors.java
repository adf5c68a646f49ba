package io.firewatch.core.normalize.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.Actor;
import io.firewatch.core.normalize.Json;
import java.util.Locale;

/** Who made an ARM call, from the token claims, the role assignment evidence and the HTTP request. */
final class AzureActors {
    static final String UPN = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn";

    private AzureActors() {
    }

    /**
     * @param claims        the JWT claims map (keys are URLs with dots: read with {@link Json#field}, never a path)
     * @param authorization the {@code authorization} object with {@code evidence}
     * @param httpRequest   the {@code httpRequest} object, often absent
     * @param caller        the record's {@code caller}, where the shape has one
     * @param callerIp      the record's {@code callerIpAddress}, where the shape has one
     */
    static Actor of(JsonNode claims, JsonNode authorization, JsonNode httpRequest, String caller, String callerIp,
                    String userAgent) {
        String principal = first(claim(claims, UPN), caller, claim(claims, "name"), claim(claims, "appid"));
        String type = first(Json.text(authorization, "evidence.principalType"), idtyp(claim(claims, "idtyp")));
        String ip = first(Json.text(httpRequest, "clientIpAddress"), callerIp, claim(claims, "ipaddr"));
        return new Actor(principal, type, ip, blankToNull(userAgent));
    }

    private static String idtyp(String idtyp) {
        if (idtyp == null) {
            return null;
        }
        return switch (idtyp.toLowerCase(Locale.ROOT)) {
            case "user" -> "User";
            case "app" -> "ServicePrincipal";
            default -> idtyp;
        };
    }

    private static String claim(JsonNode claims, String key) {
        JsonNode v = Json.field(claims, key);
        return v.isValueNode() && !v.isNull() ? blankToNull(v.asText()) : null;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}

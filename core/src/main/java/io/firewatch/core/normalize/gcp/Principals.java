package io.firewatch.core.normalize.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.Actor;
import io.firewatch.core.normalize.Json;

/** Who made an audit-logged call. */
final class Principals {
    static final String SERVICE_ACCOUNT = "serviceAccount";
    static final String USER = "user";

    private Principals() {
    }

    static Actor actor(JsonNode payload) {
        String email = Json.text(payload, "authenticationInfo.principalEmail");
        String subject = Json.text(payload, "authenticationInfo.principalSubject");
        String principal = email != null && !email.isBlank() ? email : subject;
        return new Actor(principal, type(email, subject),
                Json.text(payload, "requestMetadata.callerIp"),
                Json.text(payload, "requestMetadata.callerSuppliedUserAgent"));
    }

    /** serviceAccount for Google service-account emails or subjects, user for other principals. */
    static String type(String email, String subject) {
        if (email != null && email.endsWith(".gserviceaccount.com")) {
            return SERVICE_ACCOUNT;
        }
        if (subject != null && subject.startsWith("serviceAccount:")) {
            return SERVICE_ACCOUNT;
        }
        if (subject != null && subject.startsWith("user:")) {
            return USER;
        }
        return email != null && !email.isBlank() ? USER : null;
    }
}

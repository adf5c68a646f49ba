package io.firewatch.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the form body of an SNS query-protocol request (what the SDK really sends) back into its parameters. */
final class SnsRequests {
    private SnsRequests() {
    }

    static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(k, v);
        }
        return params;
    }

    /** {@code MessageAttributes.entry.N.Name/Value.DataType/Value.StringValue} as name → "DataType:value". */
    static Map<String, String> attributes(Map<String, String> form) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int n = 1; form.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
            String prefix = "MessageAttributes.entry." + n + ".";
            out.put(form.get(prefix + "Name"), form.get(prefix + "Value.DataType") + ":" + form.get(prefix + "Value.StringValue"));
        }
        return out;
    }

    static String publishResponse(String messageId) {
        return "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>" + messageId
                + "</MessageId></PublishResult><ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a"
                + "</RequestId></ResponseMetadata></PublishResponse>";
    }

    static String errorResponse(String type, String code, String message) {
        return "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>" + type + "</Type><Code>" + code
                + "</Code><Message>" + message + "</Message></Error><RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId></ErrorResponse>";
    }
}

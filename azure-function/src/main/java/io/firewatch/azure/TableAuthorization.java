package io.firewatch.azure;

import io.firewatch.core.delivery.ClaimStoreException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** How a Table Storage request proves who sends it: a storage account key, or the function's managed identity. */
interface TableAuthorization {
    /**
     * Adds the {@code Authorization} header to a request whose other headers are set; {@code date} is its
     * {@code x-ms-date}.
     */
    void authorize(HttpRequest.Builder request, String method, String contentType, URI uri, String date)
            throws ClaimStoreException;

    /** Shared Key for the Table service: HMAC-SHA256 over verb, content type, date and the canonical resource. */
    final class SharedKey implements TableAuthorization {
        private final String account;
        private final SecretKeySpec key;

        SharedKey(String account, byte[] key) {
            this.account = account;
            this.key = new SecretKeySpec(key, "HmacSHA256");
        }

        @Override
        public void authorize(HttpRequest.Builder request, String method, String contentType, URI uri, String date) {
            request.header("Authorization", "SharedKey " + account + ":" + signature(method, contentType, uri, date));
        }

        /** The Content-MD5 line stays empty; the resource is the account and the request's encoded path. */
        String signature(String method, String contentType, URI uri, String date) {
            String toSign = method + "\n\n" + (contentType == null ? "" : contentType) + "\n" + date + "\n/" + account
                    + uri.getRawPath();
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        }

        @Override
        public String toString() {
            return "SharedKey[" + account + "]";
        }
    }

    /** A bearer token for {@code https://storage.azure.com/} from the managed identity endpoint. */
    final class ManagedIdentity implements TableAuthorization {
        static final String RESOURCE = "https://storage.azure.com/";
        private static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(5);

        private final ManagedIdentityTokens tokens;

        ManagedIdentity(ManagedIdentityTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public void authorize(HttpRequest.Builder request, String method, String contentType, URI uri, String date)
                throws ClaimStoreException {
            try {
                request.header("Authorization", "Bearer " + tokens.token(TOKEN_TIMEOUT));
            } catch (ManagedIdentityTokens.TokenException e) {
                throw new ClaimStoreException("no token for Table Storage: " + e.getMessage(), false);
            }
        }
    }
}

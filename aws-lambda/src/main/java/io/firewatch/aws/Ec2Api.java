package io.firewatch.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

/**
 * The few EC2 Query API calls the automatic response makes, signed with the SDK's own SigV4 signer and sent with its
 * URL-connection client. EC2's SDK module would take the function package from 9 MB to 35 MB for four calls, so the
 * form-encoded requests and the XML answers are handled here; signing, credentials and HTTP stay the SDK's.
 */
final class Ec2Api {
    static final String VERSION = "2016-11-15";

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Function<String, URI> endpoint;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    Ec2Api(SdkHttpClient http, AwsCredentialsProvider credentials, Function<String, URI> endpoint) {
        this.http = http;
        this.credentials = credentials;
        this.endpoint = endpoint;
    }

    /** EC2's endpoint for a region in its partition ({@code https://ec2.REGION.amazonaws.com/}, China's suffix there). */
    static URI regionalEndpoint(String region) {
        return URI.create("https://ec2." + region + "." + Region.of(region).metadata().partition().dnsSuffix() + "/");
    }

    /** An error answer from EC2: its code ({@code InvalidGroup.NotFound}, {@code UnauthorizedOperation}) and status. */
    static final class Ec2Exception extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String code;

        Ec2Exception(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        int status() {
            return status;
        }

        String code() {
            return code;
        }
    }

    /** Calls {@code action} with {@code params} in {@code region}; returns the answer's root element. */
    Element call(String region, String action, Map<String, String> params) throws Ec2Exception, IOException {
        StringBuilder form = new StringBuilder("Action=").append(encode(action)).append("&Version=").append(VERSION);
        params.forEach((k, v) -> form.append('&').append(encode(k)).append('=').append(encode(v)));
        byte[] body = form.toString().getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.apply(region))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
        AwsCredentialsIdentity identity = credentials.resolveCredentials();
        SignedRequest signed = signer.sign(r -> r.identity(identity).request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ec2")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null)).build()).call();
        int status = response.httpResponse().statusCode();
        byte[] answer;
        try (InputStream in = response.responseBody().isPresent() ? response.responseBody().get() : InputStream.nullInputStream()) {
            answer = in.readAllBytes();
        }
        Element root = parse(answer);
        if (status / 100 != 2) {
            Element error = root == null ? null : first(first(root, "Errors"), "Error");
            throw new Ec2Exception(status, text(error, "Code", "HTTP " + status), text(error, "Message", ""));
        }
        if (root == null) {
            throw new IOException("EC2 answered HTTP " + status + " without XML");
        }
        return root;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Element parse(byte[] xml) {
        if (xml.length == 0) {
            return null;
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return null;
        }
    }

    /** The first child element named {@code name}, or null. */
    static Element first(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    /** The {@code item} elements of the child list named {@code name} ({@code <tagSet><item>…}). */
    static List<Element> items(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        Element list = first(parent, name);
        if (list != null) {
            for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals("item")) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    static String text(Element parent, String name, String fallback) {
        Element e = first(parent, name);
        return e == null ? fallback : e.getTextContent().strip();
    }
}

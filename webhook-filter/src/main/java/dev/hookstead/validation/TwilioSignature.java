package dev.hookstead.validation;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.request.QueryString;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.codec.digest.DigestUtils;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Twilio's request signature: {@code X-Twilio-Signature: base64(HMAC-SHA1(auth token, data))} where data is the
 * full URL Twilio called (query included) followed, for form posts, by every body parameter as name + value, sorted
 * by name. A JSON post instead carries {@code bodySHA256=<hex SHA-256 of the body>} in the URL and signs the URL
 * alone. As Twilio's own validators do, the URL is tried with the scheme's default port added and with the port
 * removed, because Twilio and proxies disagree about it.
 */
public final class TwilioSignature implements SignatureScheme {

    public static final String HEADER = "X-Twilio-Signature";
    static final String BODY_HASH_PARAM = "bodySHA256";

    private final String publicBaseUrl;

    /** @param publicBaseUrl {@code hookstead.publicBaseUrl}, or null: the URL the signature covers, behind a proxy */
    TwilioSignature(String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public String check(String secret, Exchange exchange, Freshness freshness) {
        verify(secret, calledUrl(exchange.request(), publicBaseUrl), exchange.data());
        return null;
    }

    /**
     * The URL as the caller used it: the request's own, or {@code publicBaseUrl} in place of scheme, host, port and
     * context path (servers behind a proxy). Path and query keep their bytes as sent.
     */
    public static String calledUrl(HttpServletRequest request, String publicBaseUrl) {
        String base = publicBaseUrl == null ? request.getRequestURL().toString()
                : publicBaseUrl + request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return query == null ? base : base + "?" + query;
    }

    /** @throws HookError IncomingWebhookAuthFailed when the signature is missing or does not match */
    public static void verify(String authToken, String url, HttpRequestData request) {
        String header = request.header(HEADER);
        if (header == null) {
            throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "missing " + HEADER + " header");
        }
        byte[] given = Macs.base64(header.trim());
        String query = url.indexOf('?') < 0 ? null : url.substring(url.indexOf('?') + 1);
        String bodyHash = QueryString.first(query, BODY_HASH_PARAM);
        List<Map.Entry<String, String>> params = List.of();
        if (bodyHash != null) {
            byte[] body = request.body() == null ? new byte[0] : request.body();
            if (!Macs.equal(DigestUtils.sha256(body), Macs.hex(bodyHash))) {
                throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "the body does not match " + BODY_HASH_PARAM);
            }
        } else if (request.body() != null && isForm(request.header("Content-Type"))) {
            params = QueryString.all(new String(request.body(), StandardCharsets.UTF_8));
        }
        boolean ok = false;
        for (String candidate : portVariants(url)) ok |= Macs.equal(mac(authToken, candidate, params), given);
        if (!ok) throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "invalid signature in " + HEADER);
    }

    /**
     * The {@value #HEADER} value Twilio sends when it calls {@code url} (query included) with these form fields.
     */
    public static String sign(String authToken, String url, List<Map.Entry<String, String>> formParams) {
        return Base64.getEncoder().encodeToString(mac(authToken, url, formParams));
    }

    private static byte[] mac(String authToken, String url, List<Map.Entry<String, String>> params) {
        return Macs.hmacSha1(Macs.utf8(authToken), Macs.utf8(signedText(url, params)));
    }

    /** The URL followed by each parameter's name and value, sorted by name (then value, for repeated names). */
    static String signedText(String url, List<Map.Entry<String, String>> params) {
        List<Map.Entry<String, String>> sorted = new ArrayList<>(params);
        sorted.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        StringBuilder text = new StringBuilder(url);
        for (Map.Entry<String, String> p : sorted) text.append(p.getKey()).append(p.getValue());
        return text.toString();
    }

    /** {@code url} with the scheme's default port when it has none, and without any port. */
    static List<String> portVariants(String url) {
        int hostStart = url.indexOf("://") + 3;
        int hostEnd = hostStart;
        while (hostEnd < url.length() && "/?#".indexOf(url.charAt(hostEnd)) < 0) hostEnd++;
        String authority = url.substring(hostStart, hostEnd);
        int colon = authority.lastIndexOf(':');
        boolean hasPort = colon > authority.lastIndexOf(']');
        String host = hasPort ? authority.substring(0, colon) : authority;
        String scheme = url.substring(0, hostStart);
        String rest = url.substring(hostEnd);
        String withoutPort = scheme + host + rest;
        String defaultPort = scheme.toLowerCase(Locale.ROOT).startsWith("https") ? "443" : "80";
        String withPort = hasPort ? url : scheme + host + ":" + defaultPort + rest;
        return List.of(withPort, withoutPort);
    }

    private static boolean isForm(String contentType) {
        return contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}

package newsroom.ingestapi;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as the API sees it, already decoded from the API Gateway event: method, path, lower-cased header
 * names, query parameters and the raw body bytes (base64 already undone).
 */
record ApiRequest(String method, String path, Map<String, String> headers, Map<String, String> query, byte[] body) {

    ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Map.copyOf(headers == null ? Map.of() : headers);
        query = Map.copyOf(query == null ? Map.of() : query);
        body = body == null ? new byte[0] : body;
    }

    /** The media type of the body without parameters, lower-cased; empty when absent. */
    String mediaType() {
        String value = headers.getOrDefault("content-type", "");
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}

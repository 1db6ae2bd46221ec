package newsroom.ingestapi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP response of the API: a status, a content type and a JSON body. Errors are RFC 9457 problem documents
 * ({@code application/problem+json} with {@code type}, {@code title}, {@code status}, {@code detail}).
 */
record ApiResponse(int status, String contentType, Map<String, Object> body) {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";
    /** Prefix of every problem {@code type}; the suffix is a stable code documented in docs/sam.md. */
    static final String PROBLEM_TYPE = "urn:newsroom:problem:";

    static ApiResponse json(int status, Map<String, Object> body) {
        return new ApiResponse(status, JSON, body);
    }

    static ApiResponse problem(int status, String code, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", PROBLEM_TYPE + code);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return new ApiResponse(status, PROBLEM_JSON, body);
    }
}

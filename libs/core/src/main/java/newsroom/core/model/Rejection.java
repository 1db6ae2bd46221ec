package newsroom.core.model;

/** Why an input was refused. The code is stable (logs, metrics, API problem types); the detail is for people. */
public record Rejection(Code code, String detail) {

    public enum Code {
        EMPTY_INPUT, BINARY_INPUT, NOT_UTF8, TOO_LARGE,
        UNTERMINATED_FRONT_MATTER, UNKNOWN_FRONT_MATTER, INVALID_FRONT_MATTER, FRONT_MATTER_TOO_LARGE,
        FRONT_MATTER_TOO_DEEP, DUPLICATE_KEY, ALIASES_NOT_ALLOWED,
        MISSING_TITLE, MISSING_DATE, INVALID_DATE, INVALID_LANGUAGE, INVALID_URL,
        NO_ARTICLE_CONTENT, PAGE_TOO_COMPLEX, URL_NOT_ALLOWED, FETCH_FAILED, UNSUPPORTED_INPUT
    }

    @Override
    public String toString() {
        return code + " (" + detail + ")";
    }
}

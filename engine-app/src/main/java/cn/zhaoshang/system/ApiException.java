package cn.zhaoshang.system;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A request the domain API refuses, with the HTTP status and the bilingual message a person reads. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String error;
    private final List<ApiError.FieldError> fieldErrors;

    public ApiException(HttpStatus status, String error, String message) {
        this(status, error, message, List.of());
    }

    private ApiException(HttpStatus status, String error, String message, List<ApiError.FieldError> fieldErrors) {
        super(message);
        this.status = status;
        this.error = error;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ApiException validation(List<ApiError.FieldError> fieldErrors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "请求内容有误 / The request is invalid",
                fieldErrors);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", message);
    }

    public static ApiException conflict(String error, String message) {
        return new ApiException(HttpStatus.CONFLICT, error, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", message);
    }

    /** What the engine threw, as the caller should hear it: invalid input found inside (even wrapped) is a 400. */
    public static RuntimeException fromEngine(RuntimeException thrown) {
        return InvalidInputException.findIn(thrown).<RuntimeException>map(invalid -> validation(invalid.errors()))
                .orElse(thrown);
    }

    public ApiError toBody() {
        return new ApiError(status.value(), error, getMessage(), fieldErrors);
    }

    public HttpStatus status() {
        return status;
    }
}

package cn.zhaoshang.system;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;

/**
 * The one error body of the domain API: {@code {"status":400,"error":"VALIDATION_FAILED","message":"…",
 * "errors":[{"field":"landAreaMu","message":"…"}]}}. Messages are Chinese first, then English.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, String message, List<FieldError> errors) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ApiError of(HttpStatus status, String error, String message) {
        return new ApiError(status.value(), error, message, List.of());
    }

    public static ApiError validation(List<FieldError> errors) {
        return new ApiError(HttpStatus.BAD_REQUEST.value(), "VALIDATION_FAILED",
                "请求内容有误 / The request is invalid", errors);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public record FieldError(String field, String message) {
    }
}

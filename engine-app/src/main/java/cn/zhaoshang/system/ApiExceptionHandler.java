package cn.zhaoshang.system;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every failure of the domain API becomes a JSON {@link ApiError}; no stack trace ever leaves the server. */
@RestControllerAdvice(basePackages = "cn.zhaoshang")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(e.toBody());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return badRequest(List.of(new ApiError.FieldError(unknown.getPropertyName(),
                    "未知字段 / Unknown field")));
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return badRequest(List.of(new ApiError.FieldError(field, "类型或格式不正确 / Wrong type or format")));
        }
        return ResponseEntity.badRequest().body(ApiError.of(HttpStatus.BAD_REQUEST, "MALFORMED_JSON",
                "请求体不是合法的 JSON / The request body is not valid JSON"));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        String name = e instanceof MissingServletRequestParameterException missing ? missing.getParameterName()
                : ((MethodArgumentTypeMismatchException) e).getName();
        return badRequest(List.of(new ApiError.FieldError(name, "参数缺失或格式不正确 / Missing or malformed parameter")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ApiError.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "请以 application/json 提交 / Send application/json"));
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ApiError.of(HttpStatus.PAYLOAD_TOO_LARGE,
                "FILE_TOO_LARGE", "上传的文件过大 / The uploaded file is too large"));
    }

    /** A multipart body that is not one (no boundary, cut off, a file name with a NUL): the client's mistake. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ApiError> badMultipart(org.springframework.web.multipart.MultipartException e) {
        return ResponseEntity.badRequest().body(ApiError.of(HttpStatus.BAD_REQUEST, "MALFORMED_MULTIPART",
                "上传内容格式不正确，请重新选择文件上传 / The upload is not a valid multipart/form-data body"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(ApiError.of(HttpStatus.METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED", "不支持该请求方法 / Method not allowed"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of(HttpStatus.NOT_FOUND, "NOT_FOUND",
                "请求的资源不存在 / Not found"));
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ApiError> authorization(AuthorizationException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of(HttpStatus.FORBIDDEN, "FORBIDDEN",
                "无权执行此操作 / Access denied"));
    }

    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ApiError> concurrentChange(@SuppressWarnings("unused") OptimisticLockingException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of(HttpStatus.CONFLICT, "CONCURRENT_CHANGE",
                "该事项刚被他人处理，请刷新后重试 / Changed concurrently by someone else; reload and retry"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (ConcurrencyFailures.isLostRace(e)) {
            return concurrentChange(null);
        }
        if (DatabaseOutage.isOutage(e)) {
            log.warn("Database unavailable: {}", e.toString());
            return ResponseEntity.status(DatabaseOutage.STATUS).header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
                    .body(DatabaseOutage.body());
        }
        log.error("Unexpected error in the domain API", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ApiError.of(
                HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "系统内部错误，请联系管理员 / Internal error"));
    }

    private static ResponseEntity<ApiError> badRequest(List<ApiError.FieldError> errors) {
        return ResponseEntity.badRequest().body(ApiError.validation(errors));
    }
}

package cn.zhaoshang.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What Spring Boot's {@code /error} answers for {@code /api/**} and {@code /engine-rest/**} when no controller advice
 * could: a request the firewall rejected (an encoded {@code %} or {@code ..}, a {@code ;}), an {@code Accept} a
 * download cannot meet, a failure before any handler was chosen. The body is the API's {@link ApiError}, Chinese and
 * English, never the exception; the workbench's pages keep Spring Boot's attributes for their Chinese error page.
 */
@Component
class ApiErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object path = request.getAttribute("jakarta.servlet.error.request_uri", RequestAttributes.SCOPE_REQUEST);
        if (!(path instanceof String uri) || !(uri.startsWith("/api/") || uri.startsWith("/engine-rest/"))) {
            return attributes;
        }
        HttpStatus status = attributes.get("status") instanceof Integer code && HttpStatus.resolve(code) != null
                ? HttpStatus.resolve(code) : HttpStatus.INTERNAL_SERVER_ERROR;
        ApiError error = body(status);
        Map<String, Object> api = new LinkedHashMap<>();
        api.put("status", error.status());
        api.put("error", error.error());
        api.put("message", error.message());
        return api;
    }

    /** The answer for a status alone, when nothing more specific is known. */
    static ApiError body(HttpStatus status) {
        String message = switch (status) {
            case BAD_REQUEST -> "请求格式不正确（地址、参数或请求体）/ The request is malformed (address, parameters or body)";
            case UNAUTHORIZED -> "请先登录（用户名或密码错误）/ Authentication required or bad credentials";
            case FORBIDDEN -> "无权执行此操作 / Access denied";
            case NOT_FOUND -> "请求的资源不存在 / Not found";
            case METHOD_NOT_ALLOWED -> "不支持该请求方法 / Method not allowed";
            case NOT_ACCEPTABLE -> "无法按请求的格式（Accept）返回 / Cannot answer in the format the Accept header asks for";
            case PAYLOAD_TOO_LARGE -> "请求内容过大 / The request is too large";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持该内容类型 / Unsupported content type";
            default -> status.is4xxClientError() ? "请求未能完成 / The request could not be completed"
                    : "系统内部错误，请联系管理员 / Internal error";
        };
        return ApiError.of(status, status.name(), message);
    }
}

package cn.zhaoshang.task;

import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;

/** Reading a task completion body into a feature's request record, with a 400 that names the wrong field. */
public final class TaskBodies {

    private TaskBodies() {
    }

    public static <T> T read(ObjectMapper json, JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw ApiException.validation(List.of(new FieldError("body", "请求体必须是 JSON 对象 / The body must be a JSON object")));
        }
        try {
            return json.treeToValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.validation(List.of(new FieldError(e.getPropertyName(),
                    "该环节不接受此字段 / This step does not take this field")));
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().get(e.getPath().size() - 1).getFieldName();
            throw ApiException.validation(List.of(new FieldError(field == null ? "body" : field,
                    "字段类型不正确 / The field has the wrong type")));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.validation(List.of(new FieldError("body", "请求体格式不正确 / The body is malformed")));
        }
    }

    public static Collection<FieldError> prefixed(String prefix, List<FieldError> errors) {
        return errors.stream().map(e -> new FieldError(prefix + "." + e.field(), e.message())).toList();
    }
}

package cn.zhaoshang.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.dto.ParseExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.core.NestedRuntimeException;
import org.springframework.stereotype.Component;

import cn.zhaoshang.security.AdminGroupProtectedException;
import cn.zhaoshang.security.DeploymentProblem;
import cn.zhaoshang.security.DeploymentRefusedException;

/**
 * Camunda's REST API as the starter configures it, plus two things: the engine wraps an exception thrown by a
 * task listener (ENGINE-03051), so a person's invalid input (e.g. 驳回 without an opinion) would come back as
 * a 500. The wrapped {@link BadUserRequestException} is unwrapped here and answered with 400 and its message; removing
 * the last member of an administrators group ({@link AdminGroupProtectedException}) is a conflict, 409; a database
 * outage is a 503 ({@link DatabaseOutage}), not a 500. A deployment refused by the checks
 * ({@link DeploymentRefusedException}) is Camunda's 400 parse error (its {@code details} per resource, which Camunda
 * Modeler shows) plus {@code problems}: every problem at once with resource, element id, kind and message.
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(EngineExceptionMapper.class);
        register(RestExceptionMapper.class);
        register(SpringExceptionMapper.class);
        register(JsonMappingMapper.class);
        register(JsonParseMapper.class);
    }

    /**
     * A body that is not JSON: Camunda's handlers answer in JSON, but Jackson's own JAX-RS mappers (text/plain) are on
     * the class path for the same exceptions at the same priority, and Jersey took either. Ours go first.
     */
    @Priority(1)
    public static class JsonMappingMapper implements ExceptionMapper<JsonMappingException> {

        private final JsonMappingExceptionHandler camundaDefault = new JsonMappingExceptionHandler();

        @Override
        public Response toResponse(JsonMappingException exception) {
            return camundaDefault.toResponse(exception);
        }
    }

    @Priority(1)
    public static class JsonParseMapper implements ExceptionMapper<JsonParseException> {

        private final JsonParseExceptionHandler camundaDefault = new JsonParseExceptionHandler();

        @Override
        public Response toResponse(JsonParseException exception) {
            return camundaDefault.toResponse(exception);
        }
    }

    /** The database unreachable (a restart): 503 "数据库暂不可用" in Camunda's error shape, not Camunda's 500. */
    static Response unavailableOrNull(Throwable exception) {
        if (!DatabaseOutage.isOutage(exception)) {
            return null;
        }
        ExceptionDto dto = new ExceptionDto();
        dto.setType("DatabaseUnavailable");
        dto.setMessage(DatabaseOutage.MESSAGE);
        return Response.status(DatabaseOutage.STATUS.value()).header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
                .entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Camunda's parse error answer with every problem of the deployment listed once more in one flat list. */
    public static class DeploymentRefusedDto extends ParseExceptionDto {

        private java.util.List<DeploymentProblem> problems;

        public java.util.List<DeploymentProblem> getProblems() {
            return problems;
        }

        static DeploymentRefusedDto of(DeploymentRefusedException refused) {
            ParseExceptionDto camunda = ParseExceptionDto.fromException(refused);
            DeploymentRefusedDto dto = new DeploymentRefusedDto();
            dto.setType(camunda.getType());
            dto.setMessage(camunda.getMessage());
            dto.setCode(camunda.getCode());
            dto.setDetails(camunda.getDetails());
            dto.problems = refused.violations().stream().map(DeploymentProblem::of).toList();
            return dto;
        }
    }

    /** The person's mistake inside whatever the engine or the REST resource wrapped it in, if any. */
    static Response badRequestOrNull(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DeploymentRefusedException refused) {
                return Response.status(Response.Status.BAD_REQUEST).entity(DeploymentRefusedDto.of(refused))
                        .type(MediaType.APPLICATION_JSON_TYPE).build();
            }
            if (t instanceof AdminGroupProtectedException conflict) {
                return Response.status(Response.Status.CONFLICT).entity(ExceptionDto.fromException(conflict))
                        .type(MediaType.APPLICATION_JSON_TYPE).build();
            }
            if (t instanceof BadUserRequestException badRequest) {
                return Response.status(Response.Status.BAD_REQUEST).entity(ExceptionDto.fromException(badRequest))
                        .type(MediaType.APPLICATION_JSON_TYPE).build();
            }
            if (isUnreadableModel(t) && exception instanceof ProcessEngineException engine) {
                // a deployed file that is not well-formed XML (or has a DOCTYPE: XXE, billion laughs), or a DMN that
                // cannot be read: the uploader's mistake, answered 400 with the engine's message (no stack trace)
                return Response.status(Response.Status.BAD_REQUEST).entity(ExceptionDto.fromException(engine))
                        .type(MediaType.APPLICATION_JSON_TYPE).build();
            }
        }
        return null;
    }

    private static boolean isUnreadableModel(Throwable t) {
        return t instanceof org.xml.sax.SAXException || t instanceof org.camunda.bpm.model.xml.ModelException
                || t instanceof org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
    }

    @Priority(1)
    public static class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camundaDefault = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            Response unavailable = unavailableOrNull(exception);
            if (unavailable != null) {
                return unavailable;
            }
            Response badRequest = badRequestOrNull(exception);
            return badRequest != null ? badRequest : camundaDefault.toResponse(exception);
        }
    }

    /** Spring's transaction manager failing to begin or commit (no connection during a database restart). */
    @Priority(1)
    public static class SpringExceptionMapper implements ExceptionMapper<NestedRuntimeException> {

        private final ExceptionHandler camundaDefault = new ExceptionHandler();

        @Override
        public Response toResponse(NestedRuntimeException exception) {
            Response unavailable = unavailableOrNull(exception);
            return unavailable != null ? unavailable : camundaDefault.toResponse(exception);
        }
    }

    /** e.g. "Cannot submit task form …" wraps the engine's exception once more. */
    @Priority(1)
    public static class RestExceptionMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            Response unavailable = unavailableOrNull(exception);
            if (unavailable != null) {
                return unavailable;
            }
            Response badRequest = badRequestOrNull(exception);
            return badRequest != null ? badRequest : camundaDefault.toResponse(exception);
        }
    }
}
